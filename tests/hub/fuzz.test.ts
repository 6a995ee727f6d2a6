// Fuzzed request bodies (fast-check) never produce a 500, and a refused request never writes anything.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, type World, answer, event, startWorld } from './_fixture';

const TABLES = [
  'feedback',
  'events',
  'contacts',
  'answer_daily',
  'tips',
  'tip_acks',
  'requests',
  'pulse',
  'reply_flags',
  'targets',
];

/** Strings that used to reach PostgreSQL and fail there: half surrogate pairs, NUL, odd offsets. */
const hostileString = fc.oneof(
  // A lone high or low surrogate somewhere in ordinary text.
  fc
    .tuple(fc.string(), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string())
    .map(([a, code, b]) => `${a}${String.fromCharCode(code)}${b}`),
  fc.string().map((s) => `${s}\u0000`),
  // Any ISO offset, including ones beyond ±15:59 that PostgreSQL refuses.
  fc
    .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
    .map(([sign, h, m]) => `2026-06-01T10:00:00${sign}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
);

/** A valid body with one field replaced by anything (or removed), or a completely arbitrary value. */
const mutated = (valid: Record<string, unknown>) =>
  fc.oneof(
    fc
      .record({
        key: fc.constantFrom(...Object.keys(valid), 'extra'),
        value: fc.oneof({ arbitrary: hostileString, weight: 3 }, fc.anything(), fc.constant(undefined)),
      })
      .map(({ key, value }) => ({ ...valid, [key]: value })),
    fc.anything(),
  );

/** A request body: JSON of a mutated value, or raw text (often not JSON at all). */
const bodyText = (valid: Record<string, unknown>) =>
  fc.oneof(
    mutated(valid).map((v) => {
      try {
        return JSON.stringify(v) ?? 'null';
      } catch {
        return '{';
      }
    }),
    fc.string(),
  );

/** Path ids: NUL, percent-escapes of invalid UTF-8, surrogates, very long, or anything. */
const pathId = fc.oneof(
  fc.constantFrom('%00', 'a%00b', '%ED%A0%80', '%C0%AF', '%', '%zz', '..', '%2F'),
  fc.string().map((s) => encodeURIComponent(s)),
  fc.string({ minLength: 300, maxLength: 3000 }).map((s) => encodeURIComponent(s)),
);

describe.each(BACKENDS)('fuzzed bodies on %s', (backend) => {
  let w: World;
  let feedbackId = '';
  let tipId = '';
  const snapshot = async () => {
    const out: Record<string, number> = {};
    for (const t of TABLES) out[t] = await w.count(t);
    return out;
  };

  beforeAll(async () => {
    w = await startWorld(backend, 'fuzz');
    feedbackId = (await w.call('POST', '/api/v1/feedback', w.ingestA, answer(w.agentA1.email))).body.id;
    tipId = (await w.call('POST', '/api/v1/tips', w.leadA.token, { teamId: w.teamA, text: 'x' })).body.id;
  });
  afterAll(async () => {
    await w?.close();
  });

  const cases: [string, string, () => string, () => string, () => Record<string, unknown>][] = [
    ['POST', 'feedback', () => '/api/v1/feedback', () => w.ingestA, () => answer(w.agentA1.email)],
    [
      'POST',
      'events',
      () => '/api/v1/events',
      () => w.ingestA,
      () => event('fz', 'agent_reply', '2026-06-01T00:00:00Z', { agent: { email: w.agentA1.email } }),
    ],
    [
      'POST',
      'tips',
      () => '/api/v1/tips',
      () => w.leadA.token,
      () => ({ agentId: w.agentA1.id, text: 'hello', kpi: 'empathy', due: '2026-07-01' }),
    ],
    [
      'POST',
      'tip ack',
      () => `/api/v1/tips/${tipId}/ack`,
      () => w.agentA1.token,
      () => ({ comment: 'ok', useful: true }),
    ],
    [
      'POST',
      'feedback state',
      () => `/api/v1/me/feedback/${feedbackId}/state`,
      () => w.agentA1.token,
      () => ({ reviewed: true, note: 'n' }),
    ],
    ['POST', 'requests', () => '/api/v1/me/requests', () => w.agentA1.token, () => ({ feedbackId, question: 'why?' })],
    ['POST', 'pulse', () => '/api/v1/me/pulse', () => w.agentA1.token, () => ({ date: '2026-06-01', mood: 3 })],
    [
      'POST',
      'reply flags',
      () => '/api/v1/me/reply-flags',
      () => w.agentA1.token,
      () => ({ site: 's', ticketId: 't', channel: 'chat', behaviors: ['thanks'], sentAt: '2026-06-01T00:00:00Z' }),
    ],
    [
      'PUT',
      'targets',
      () => '/api/v1/team/targets',
      () => w.leadA.token,
      () => ({ kpi: 'csat', channel: 'chat', value: 80 }),
    ],
    [
      'PUT',
      'library',
      () => '/api/v1/team/library',
      () => w.leadA.token,
      () => ({ id: 'l', name: 'n', phrases: [{ id: 'p', lang: 'en', kind: 'thanks', text: 't' }] }),
    ],
  ];

  it.each(cases)('%s %s: never 500, and a 4xx writes nothing', async (method, _name, path, token, valid) => {
    await fc.assert(
      fc.asyncProperty(bodyText(valid()), async (payload) => {
        const before = await snapshot();
        const res = await w.call(method, path(), token(), payload);
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        if (res.status >= 400) expect(await snapshot()).toEqual(before);
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it.each([
    ['POST', (id: string) => `/api/v1/me/feedback/${id}/state`, () => w.agentA1.token, { reviewed: true }],
    ['POST', (id: string) => `/api/v1/tips/${id}/ack`, () => w.agentA1.token, { useful: true }],
    ['POST', (id: string) => `/api/v1/team/requests/${id}/answer`, () => w.leadA.token, { answer: 'a' }],
  ] as const)('%s odd path ids: 404 or 400, never a 5xx', async (method, path, token, body) => {
    await fc.assert(
      fc.asyncProperty(pathId, async (id) => {
        const res = await w.call(method, path(id), token(), body);
        expect(res.status, `${path(id)}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
      }),
      { numRuns: 60, seed: 13 },
    );
  });

  it('a batch with one hostile item: a 400 naming that item (or stored), never a 5xx', async () => {
    const hostileField = fc.oneof(
      fc.record({ field: fc.constantFrom('comment', 'contactId', 'externalId', 'caseType'), value: hostileString }),
      fc.record({ field: fc.constant('answeredAt'), value: hostileString }),
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 9 }), hostileField, async (bad, { field, value }) => {
        const items = Array.from({ length: 10 }, () => answer(w.agentA1.email));
        (items[bad] as Record<string, unknown>)[field] = value;
        const res = await w.call('POST', '/api/v1/feedback/batch', w.ingestA, items);
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        if (res.status === 400) {
          for (const e of res.body.errors as { path: string }[]) expect(e.path.startsWith(`[${bad}]`)).toBe(true);
        }
      }),
      { numRuns: 60, seed: 17 },
    );
  });

  it('a batch with any invalid item is refused whole', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constant(null), mutated(answer(w.agentA1.email))), { minLength: 1, maxLength: 8 }),
        async (items) => {
          const batch = items.map((x) => x ?? answer(w.agentA2.email));
          const before = await snapshot();
          const res = await w.call('POST', '/api/v1/feedback/batch', w.ingestA, batch);
          expect(res.status).toBeLessThan(500);
          const after = await snapshot();
          if (res.status >= 400) expect(after).toEqual(before);
          else expect((after.feedback ?? 0) - (before.feedback ?? 0)).toBe(res.body.inserted);
        },
      ),
      { numRuns: 40, seed: 11 },
    );
  });
});
