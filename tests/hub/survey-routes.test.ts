// The hosted survey end to end over HTTP (a running hub, tests/hub/_fixture.ts), on PGlite and PostgreSQL: minting, one-click
// start, the full form, one response per contact (amend within 24 h, never a second one), expiry,
// tampering, rate limiting and hostile comments stored as text and shown escaped.
import fc from 'fast-check';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntegration, createToken, createUser } from '../../server/admin';
import { openHub, startHub } from '../../server/app';
import type { HubContext } from '../../server/context';
import { ingestEvents } from '../../server/ingest';
import { surveyPageRoutes } from '../../server/survey/routes';
import { surveySecret } from '../../server/survey/store';
import { signSurveyToken, verifySurveyToken } from '../../server/survey/token';
import { BACKENDS, type Backend, dropSchema, freshSchema, openStream, PG_URL, startWorld } from './_fixture';

const HOUR = 3600_000;

interface Fixture {
  hub: HubContext;
  /** Requests to the running hub; `http://hub.test` stands for its real address. */
  app: { request(url: string, init?: RequestInit): Promise<Response> };
  url: string;
  clock: { now: Date };
  agent: { id: string; token: string };
  lead: { token: string };
  otherTeamAgent: { id: string };
  integrationToken: string;
  teamIntegrationToken: string;
  teamA: string;
  close(): Promise<void>;
}

async function setup(backend: Backend): Promise<Fixture> {
  // Every request in a test file comes from 127.0.0.1: lift the page limit here; the limiter has its own
  // tests below.
  process.env.ATTUNE_SURVEY_RATE_LIMIT = '100000';
  process.env.ATTUNE_SURVEY_SECRET = 'survey-test-secret-0123456789';
  const w = await startWorld(backend, 'survey');
  // Whole seconds: token expiry has one-second resolution.
  w.clock.now = new Date(Math.floor(w.clock.now.getTime() / 1000) * 1000);
  const agent = await createUser(w.hub.db, {
    name: 'Åsa <b>Lind</b>',
    email: 'asa@example.test',
    role: 'agent',
    teamId: w.teamA,
  });
  const integration = await createIntegration(w.hub.db, 'helpdesk', w.teamA);
  return {
    hub: w.hub,
    url: w.url,
    app: { request: (url, init) => fetch(url.replace('http://hub.test', w.url), init) },
    clock: w.clock,
    agent: { id: agent.id, token: await createToken(w.hub.db, { userId: agent.id }) },
    lead: { token: w.leadA.token },
    otherTeamAgent: { id: w.agentB1.id },
    integrationToken: await createToken(w.hub.db, { integrationId: integration.id }),
    teamIntegrationToken: w.ingestA,
    teamA: w.teamA,
    close: () => w.close(),
  };
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

describe.each(BACKENDS)('hosted survey on %s', (backend) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await setup(backend);
  });
  afterAll(async () => {
    await f?.close();
  });

  const mint = async (body: unknown, token = f.integrationToken) =>
    f.app.request('http://hub.test/api/v1/survey-links', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const link = async (contactId: string, extra: Record<string, unknown> = {}) => {
    const res = await mint({ contactId, agent: { email: 'asa@example.test' }, ...extra });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { url: string; token: string; expiresAt: string };
    return { ...body, path: new URL(body.url).pathname };
  };
  const myFeedback = async () => {
    const res = await f.app.request('http://hub.test/api/v1/me/feedback?limit=1000', {
      headers: { Authorization: `Bearer ${f.agent.token}` },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: Record<string, unknown>[] }).items;
  };
  const forContact = async (contactId: string) => (await myFeedback()).filter((i) => i.contactId === contactId);

  it('mints a link for an integration, with the request origin and a 14-day expiry', async () => {
    const l = await link('ticket-1');
    expect(l.url.slice(0, f.url.length + 3)).toBe(`${f.url}/s/`);
    expect(l.url.slice(f.url.length + 3)).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(Date.parse(l.expiresAt) - f.clock.now.getTime()).toBe(14 * 24 * HOUR);
  });

  it.each([
    ['no token', undefined, { contactId: 'x', agent: { email: 'asa@example.test' } }, 401],
    ['an agent token', 'agent', { contactId: 'x', agent: { email: 'asa@example.test' } }, 403],
    ['an unknown agent', 'integration', { contactId: 'x', agent: { email: 'nobody@example.test' } }, 400],
    ['a bad language', 'integration', { contactId: 'x', agent: { email: 'asa@example.test' }, lang: 'de' }, 400],
    ['no contact', 'integration', { agent: { email: 'asa@example.test' } }, 400],
    [
      "another team's agent via a team integration",
      'team',
      { contactId: 'x', agent: { email: 'agent.b1@example.test' } },
      400,
    ],
  ])('refuses to mint with %s', async (_label, who, body, status) => {
    const token =
      who === 'agent'
        ? f.agent.token
        : who === 'team'
          ? f.teamIntegrationToken
          : who === 'integration'
            ? f.integrationToken
            : '';
    const res = await f.app.request('http://hub.test/api/v1/survey-links', {
      method: 'POST',
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(status);
  });

  it('is listed in the OpenAPI document with its body schema', async () => {
    const doc = (await (await f.app.request('http://hub.test/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(JSON.stringify(doc.paths['/api/v1/survey-links']?.post)).toContain('contactId');
  });

  it('a lead may mint for their own team', async () => {
    expect((await mint({ contactId: 'lead-1', agent: { id: f.agent.id } }, f.lead.token)).status).toBe(201);
    expect((await mint({ contactId: 'lead-2', agent: { id: f.otherTeamAgent.id } }, f.lead.token)).status).toBe(400);
  });

  it('renders an accessible form without scripts, naming the agent (escaped)', async () => {
    const l = await link('ticket-render', { lang: 'sv' });
    const res = await f.app.request(`http://hub.test${l.path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('Hur väl förstod Åsa din situation?');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<b>Lind');
    for (const q of ['empathy', 'csat', 'clarity', 'nps']) expect(html).toContain(`<fieldset data-question="${q}">`);
    expect(html).toMatch(/<label class="text" for="comment">/);
    expect(html).toContain('name="viewport"');
  });

  it('one-click start records the rating at once, then the form completes the same answer', async () => {
    const l = await link('ticket-oneclick');
    const first = await f.app.request(`http://hub.test${l.path}?csat=5`);
    expect(first.status).toBe(200);
    const page = await first.text();
    expect(page).toContain('role="status"');
    expect(page).toMatch(/id="csat-5" name="csat" value="5" checked/);
    let items = await forContact('ticket-oneclick');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ csat: 5, empathy: null, channel: 'email', lang: 'en' });
    const id = items[0]?.id;

    const done = await f.app.request(
      `http://hub.test${l.path}`,
      form({ empathy: '4', csat: '5', clarity: '3', nps: '9', comment: 'Tack!' }),
    );
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Thank you!');
    items = await forContact('ticket-oneclick');
    expect(items).toEqual([expect.objectContaining({ id, empathy: 4, csat: 5, clarity: 3, nps: 9, comment: 'Tack!' })]);
  });

  it('a HEAD probe of a one-click link (mail scanners) records nothing', async () => {
    const l = await link('ticket-head');
    const res = await f.app.request(`http://hub.test${l.path}?csat=1`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await forContact('ticket-head')).toHaveLength(0);
  });

  it('one response per contact: a second visit amends within 24 h, never adds, and is final after', async () => {
    const l = await link('ticket-replay');
    expect((await f.app.request(`http://hub.test${l.path}`, form({ csat: '2', comment: 'meh' }))).status).toBe(200);
    // A second link for the same contact and agent is the same response.
    const again = await link('ticket-replay');
    expect((await f.app.request(`http://hub.test${again.path}`, form({ csat: '4' }))).status).toBe(200);
    let items = await forContact('ticket-replay');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ csat: 4, comment: null });

    // The change page shows the current answer.
    const view = await (await f.app.request(`http://hub.test${l.path}`)).text();
    expect(view).toMatch(/id="csat-4" name="csat" value="4" checked/);

    const saved = f.clock.now;
    try {
      f.clock.now = new Date(saved.getTime() + 25 * HOUR);
      const late = await f.app.request(`http://hub.test${l.path}`, form({ csat: '1' }));
      expect(late.status).toBe(409);
      expect(await late.text()).toContain('only be changed within 24 hours');
      const lateClick = await f.app.request(`http://hub.test${l.path}?csat=1`);
      expect(lateClick.status).toBe(200);
      expect(await lateClick.text()).toContain('already answered');
      items = await forContact('ticket-replay');
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ csat: 4 });
    } finally {
      f.clock.now = saved;
    }
  });

  it('answers follow fair attribution: they count for the last agent who replied before the answer', async () => {
    const bo = await createUser(f.hub.db, {
      name: 'Bo',
      email: 'bo@example.test',
      role: 'agent',
      teamId:
        (await f.hub.db.query<{ team_id: string }>('SELECT team_id FROM users WHERE id = $1', [f.agent.id]))[0]
          ?.team_id ?? null,
    });
    const boToken = await createToken(f.hub.db, { userId: bo.id });
    const at = new Date(f.clock.now.getTime() - HOUR).toISOString();
    const ev = await ingestEvents(
      f.hub,
      [
        { externalId: 'fair-1', contactId: 'ticket-fair', type: 'created', at, channel: 'email' },
        {
          externalId: 'fair-2',
          contactId: 'ticket-fair',
          type: 'agent_reply',
          at,
          agent: { email: 'bo@example.test' },
          channel: 'email',
        },
      ],
      { teamId: f.teamA },
      true,
    );
    expect(ev.ok).toBe(true);
    // The helpdesk names Åsa (she holds the ticket now), but Bo wrote the reply the customer judged.
    const l = await link('ticket-fair');
    expect((await f.app.request(`http://hub.test${l.path}`, form({ empathy: '5' }))).status).toBe(200);
    expect(await forContact('ticket-fair')).toHaveLength(0);
    const res = await f.app.request('http://hub.test/api/v1/me/feedback', {
      headers: { Authorization: `Bearer ${boToken}` },
    });
    const items = ((await res.json()) as { items: Record<string, unknown>[] }).items;
    expect(items.filter((i) => i.contactId === 'ticket-fair')).toEqual([expect.objectContaining({ empathy: 5 })]);
  });

  it("the answer and its amendment reach the agent's event stream and the next delta sync", async () => {
    const l = await link('ticket-stream');
    const stream = await openStream(f.url, f.agent.token);
    try {
      await f.app.request(`http://hub.test${l.path}?empathy=2`);
      await stream.waitFor((e) => e.event === 'feedback');
      const first = await f.app.request('http://hub.test/api/v1/me/feedback?limit=1000', {
        headers: { Authorization: `Bearer ${f.agent.token}` },
      });
      const cursor = ((await first.json()) as { cursor: string }).cursor;
      const seen = stream.events.length;
      await f.app.request(`http://hub.test${l.path}`, form({ empathy: '4', comment: 'changed my mind' }));
      await stream.waitFor((e) => e.event === 'feedback' && stream.events.indexOf(e) >= seen);
      const delta = await f.app.request(`http://hub.test/api/v1/me/feedback?cursor=${cursor}`, {
        headers: { Authorization: `Bearer ${f.agent.token}` },
      });
      const items = ((await delta.json()) as { items: Record<string, unknown>[] }).items;
      expect(items).toEqual([
        expect.objectContaining({ contactId: 'ticket-stream', empathy: 4, comment: 'changed my mind' }),
      ]);
    } finally {
      await stream.close();
    }
  });

  it('an expired link gets a friendly page in its own language and a 410', async () => {
    const l = await link('ticket-expiry', { lang: 'fi', ttlDays: 1 });
    const saved = f.clock.now;
    try {
      f.clock.now = new Date(saved.getTime() + 24 * HOUR + 1000);
      for (const res of [
        await f.app.request(`http://hub.test${l.path}`),
        await f.app.request(`http://hub.test${l.path}`, form({ csat: '5' })),
      ]) {
        expect(res.status).toBe(410);
        const html = await res.text();
        expect(html).toContain('<html lang="fi">');
        expect(html).toContain('Kysely on päättynyt');
      }
    } finally {
      f.clock.now = saved;
    }
    expect(await forContact('ticket-expiry')).toHaveLength(0);
  });

  it.each([
    [
      'a payload edited to another agent',
      (t: string) => {
        const [body = '', sig = ''] = t.split('.');
        const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
        return `${Buffer.from(JSON.stringify({ ...claims, c: 'someone-elses-ticket' })).toString('base64url')}.${sig}`;
      },
    ],
    [
      'a signature from another secret',
      () => signSurveyToken({ contactId: 'x', agentId: 'y' }, 'not-the-hub-secret').token,
    ],
    ['garbage', () => 'hello'],
    ['path tricks', () => '..%2F..%2Fetc%2Fpasswd'],
    ['markup', () => encodeURIComponent('<script>alert(1)</script>')],
  ])('a tampered or unknown token (%s) gets a friendly 404 page, never a stack trace', async (_label, make) => {
    const l = await link('ticket-tamper');
    const path = `/s/${make(l.token)}`;
    for (const res of [
      await f.app.request(`http://hub.test${path}`, { headers: { 'Accept-Language': 'da-DK,da;q=0.9' } }),
      await f.app.request(`http://hub.test${path}`, {
        ...form({ csat: '1' }),
        headers: { ...form({}).headers, 'Accept-Language': 'da' },
      }),
    ]) {
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain('Linket virker ikke');
      expect(html).not.toMatch(/at .*\.ts:\d+|Error:|<script/);
    }
    expect(await forContact('someone-elses-ticket')).toHaveLength(0);
  });

  it('sending the form with nothing answered re-shows it with an alert, storing nothing', async () => {
    const l = await link('ticket-empty');
    const res = await f.app.request(`http://hub.test${l.path}`, form({ csat: '17', nps: '-1', comment: ' \u0007 ' }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('role="alert"');
    expect(await forContact('ticket-empty')).toHaveLength(0);
  });

  it.each([
    [
      'a script',
      '<script>alert("x")</script><img src=x onerror=alert(1)>',
      '<script>alert("x")</script><img src=x onerror=alert(1)>',
    ],
    ['control characters', 'a\u0000b\u0007c\u001bd\r\ne\tf\u200bg', 'abcd\ne\tfg'],
    ['100 KB of text', 'å'.repeat(100_000), 'å'.repeat(100_000)],
    ['more than the limit (cut, not refused)', 'x'.repeat(100_050), 'x'.repeat(100_000)],
  ])('a hostile comment (%s) is stored as text and shown escaped', async (label, comment, stored) => {
    const contactId = `ticket-hostile-${label.replace(/\W+/g, '-')}`;
    const l = await link(contactId);
    const res = await f.app.request(`http://hub.test${l.path}`, form({ csat: '3', comment }));
    expect(res.status).toBe(200);
    const items = await forContact(contactId);
    expect(items).toHaveLength(1);
    expect(items[0]?.comment).toBe(stored);
    // The amend page puts the comment back in the textarea, as text.
    const html = await (await f.app.request(`http://hub.test${l.path}`)).text();
    expect(html).not.toMatch(/<script|<img/i);
    if (label === 'a script') expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
  });
});

describe('survey rate limiting', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await setup('pglite');
  });
  afterAll(async () => {
    await f?.close();
  });

  it('limits each IP on its own and says when to come back', async () => {
    const app = new Hono();
    app.route('/s', surveyPageRoutes(f.hub, { rateLimitPerMinute: 5, trustProxy: { hops: 1 } }));
    const { token } = signSurveyToken(
      { contactId: 'rl', agentId: f.agent.id },
      process.env.ATTUNE_SURVEY_SECRET as string,
    );
    const from = (ip: string) => app.request(`http://hub.test/s/${token}`, { headers: { 'X-Forwarded-For': ip } });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await from('203.0.113.7')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await from('203.0.113.7');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.text()).toContain('Please wait a moment');
    // Bad tokens count too: guessing links is what the limit is for.
    expect(
      (await app.request('http://hub.test/s/guess', { headers: { 'X-Forwarded-For': '203.0.113.7' } })).status,
    ).toBe(429);
    expect((await from('198.51.100.1')).status).toBe(200);
  });
});

describe('survey secret without ATTUNE_SURVEY_SECRET', () => {
  it('is generated once and shared by hub processes on one PostgreSQL (a link minted by one opens on the other)', async () => {
    const saved = process.env.ATTUNE_SURVEY_SECRET;
    delete process.env.ATTUNE_SURVEY_SECRET;
    const schema = freshSchema('survey_secret');
    // Opened one after the other (creating the same schema concurrently races in PostgreSQL); the secret
    // itself is then generated concurrently.
    const a = await openHub({ databaseUrl: PG_URL, schema });
    const b = await openHub({ databaseUrl: PG_URL, schema });
    try {
      const [sa, sb] = await Promise.all([surveySecret(a), surveySecret(b)]);
      expect(sa).toBe(sb);
      expect(sa.length).toBeGreaterThanOrEqual(32);
      const { token } = signSurveyToken({ contactId: 'c', agentId: 'a' }, sa);
      expect(verifySurveyToken(token, await surveySecret(b)).ok).toBe(true);
    } finally {
      if (saved !== undefined) process.env.ATTUNE_SURVEY_SECRET = saved;
      for (const h of [a, b]) h.realtime.stop();
      await Promise.all([a.db.close(), b.db.close()]);
      await dropSchema(schema);
    }
  });
});

describe('survey pages under fuzzed input', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await setup('pglite');
  });
  afterAll(async () => {
    await f?.close();
  });

  it('any token and any form body get a page with a 2xx/4xx status, never a 5xx, and store nothing stray', async () => {
    const res = await f.app.request('http://hub.test/api/v1/survey-links', {
      method: 'POST',
      headers: { Authorization: `Bearer ${f.integrationToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ contactId: 'fuzz', agent: { id: f.agent.id } }),
    });
    const valid = ((await res.json()) as { token: string }).token;
    const before = await f.hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM feedback');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 300 }), fc.constant(valid), fc.constant(`${valid}x`)),
        fc.dictionary(
          fc.constantFrom('empathy', 'csat', 'clarity', 'nps', 'comment', 'x'),
          fc.string({ maxLength: 50 }),
        ),
        fc.boolean(),
        async (token, fields, post) => {
          const path = `http://hub.test/s/${encodeURIComponent(token)}`;
          const r = post
            ? await f.app.request(path, form(fields))
            : await f.app.request(`${path}?${new URLSearchParams(fields).toString()}`);
          expect(r.status).toBeLessThan(500);
          expect(r.headers.get('content-type') ?? '').toMatch(/text\/html|application\/json/);
        },
      ),
      { numRuns: 150 },
    );
    // Only the one valid link can have stored anything: at most one new answer, for contact "fuzz".
    const after = await f.hub.db.query<{ contact_id: string }>('SELECT contact_id FROM feedback');
    expect(after.length - (before[0]?.n ?? 0)).toBeLessThanOrEqual(1);
    expect(after.filter((r) => r.contact_id !== 'fuzz').length).toBe(before[0]?.n ?? 0);
  });
});

describe('survey rate limit on a real socket', () => {
  it('counts by the connecting IP when served over HTTP', async () => {
    const saved = process.env.ATTUNE_SURVEY_RATE_LIMIT;
    process.env.ATTUNE_SURVEY_RATE_LIMIT = '3';
    const running = await startHub({ port: 0, host: '127.0.0.1' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await fetch(`${running.url}/s/not-a-token`)).status);
      expect(statuses).toEqual([404, 404, 404, 429]);
      // Spoofed forwarding headers are ignored unless ATTUNE_TRUST_PROXY=1.
      const spoofed = await fetch(`${running.url}/s/not-a-token`, { headers: { 'X-Forwarded-For': '198.51.100.9' } });
      expect(spoofed.status).toBe(429);
    } finally {
      if (saved === undefined) delete process.env.ATTUNE_SURVEY_RATE_LIMIT;
      else process.env.ATTUNE_SURVEY_RATE_LIMIT = saved;
      await running.close();
    }
  });
});
