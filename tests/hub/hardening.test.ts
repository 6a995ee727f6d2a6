// Input that used to give a 500, and the operational safety of the hub, on PGlite and PostgreSQL:
// unpaired surrogates, time-zone offsets PostgreSQL cannot store, odd path ids, the token check before the
// body, the body cap, what reaches the logs, token revocation and expiry, the per-token stream cap,
// Idempotency-Key scope, where survey links point, trusted proxies, contact ids in links, and rate limits
// shared by hub processes on one PostgreSQL.
import { request } from 'node:http';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, revokeTokens } from '../../server/admin';
import { startHubWithContext } from '../../server/app';
import { main as cli } from '../../server/cli';
import { pickClientIp, parseTrustProxy } from '../../server/client-ip';
import {
  BACKENDS,
  dropSchema,
  freshSchema,
  openStream,
  PG_URL,
  type World,
  answer,
  event,
  startWorld,
} from './_fixture';

const LONE = '\\ud800';

/** Rate limits count per fixed minute: start a counting test well inside one (a condition, not a sleep). */
const inFreshWindow = () =>
  expect.poll(() => Date.now() % 60_000 < 50_000, { timeout: 15_000, interval: 200 }).toBe(true);

/** Streams a chunked body until the server answers; returns the status and how many bytes went out. */
function chunkedUpload(
  url: string,
  path: string,
  headers: Record<string, string>,
  opts: { chunk: number; max: number; endAfter?: number },
): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    let sent = 0;
    let answered = false;
    const req = request(
      { host: u.hostname, port: u.port, path, method: 'POST', headers: { ...headers, 'Transfer-Encoding': 'chunked' } },
      (res) => {
        answered = true;
        res.resume();
        resolve({ status: res.statusCode ?? 0, sent });
        req.destroy();
      },
    );
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    const block = Buffer.alloc(opts.chunk, 0x20);
    const pump = () => {
      if (answered) return;
      if (opts.endAfter !== undefined && sent >= opts.endAfter) return; // keep the request open, send no more
      if (sent >= opts.max) return req.end();
      sent += block.length;
      if (req.write(block)) setImmediate(pump);
      else req.once('drain', pump);
    };
    pump();
  });
}

describe.each(BACKENDS)('hardening on %s', (backend) => {
  let w: World;
  const logLines: string[] = [];

  beforeAll(async () => {
    w = await startWorld(backend, 'hardening', {
      logLevel: 'debug',
      maxBodyBytes: 1024 * 1024,
      logDestination: new Writable({
        write(chunk, _enc, done) {
          logLines.push(String(chunk));
          done();
        },
      }),
    });
  });
  afterAll(async () => {
    await w?.close();
  });

  it('an unpaired surrogate is a 400 naming the field (and the batch item), never a 500', async () => {
    const raw = (obj: Record<string, unknown>, field: string) =>
      JSON.stringify(obj).replace(`"${field}":"x"`, `"${field}":"a${LONE}b"`);
    const one = await w.call(
      'POST',
      '/api/v1/feedback',
      w.ingestA,
      raw(answer(w.agentA1.email, { comment: 'x' }), 'comment'),
    );
    expect(one.status).toBe(400);
    expect(one.body.errors).toEqual([{ path: 'comment', message: 'contains an unpaired UTF-16 surrogate' }]);
    const items = [0, 1, 2, 3].map((i) => answer(w.agentA1.email, { comment: i === 2 ? 'x' : 'fine' }));
    const batch = await w.call('POST', '/api/v1/feedback/batch', w.ingestA, raw(items as never, 'comment'));
    expect(batch.status).toBe(400);
    expect(batch.body.errors[0].path).toBe('[2].comment');
    const ev = await w.call(
      'POST',
      '/api/v1/events',
      w.ingestA,
      raw(event('s-1', 'created', '2026-06-01T00:00:00Z', { caseType: 'x' }), 'caseType'),
    );
    expect(ev.status).toBe(400);
    const lib = await w.call(
      'PUT',
      '/api/v1/team/library',
      w.leadA.token,
      `{"id":"l","name":"n","phrases":[{"id":"p","lang":"en","kind":"thanks","text":"t${LONE}"}]}`,
    );
    expect(lib.status).toBe(400);
    expect(lib.body.errors[0].path).toBe('phrases[0].text');
  });

  it('an offset PostgreSQL cannot store (beyond ±15:59) is accepted and stored as UTC', async () => {
    const r = await w.call(
      'POST',
      '/api/v1/feedback',
      w.ingestA,
      answer(w.agentA1.email, { answeredAt: '2026-06-15T10:00:00+23:59' }),
    );
    expect(r.status).toBe(201);
    const rows = await w.hub.db.query<{ at: string }>(
      `SELECT to_char(answered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS at FROM feedback WHERE id = $1`,
      [r.body.id],
    );
    expect(rows[0]?.at).toBe('2026-06-14T10:01');
    const e = await w.call('POST', '/api/v1/events', w.ingestA, event('off-1', 'created', '2026-06-15T10:00:00-23:00'));
    expect(e.status).toBe(201);
    const flags = await w.call('POST', '/api/v1/me/reply-flags', w.agentA1.token, {
      site: 's',
      ticketId: 't',
      channel: 'chat',
      behaviors: ['thanks'],
      sentAt: '2026-06-15T10:00:00+20:00',
    });
    expect(flags.status).toBe(201);
  });

  it('odd path ids (%00 and friends) are 404', async () => {
    for (const [method, path, token] of [
      ['POST', '/api/v1/me/feedback/%00/state', w.agentA1.token],
      ['POST', '/api/v1/tips/a%00b/ack', w.agentA1.token],
      ['POST', '/api/v1/team/requests/%00/answer', w.leadA.token],
      ['POST', '/api/v1/me/feedback/%ED%A0%80/state', w.agentA1.token],
      ['GET', '/s/%00', null],
    ] as const) {
      const r = await w.call(method, path, token, method === 'POST' ? { reviewed: true, answer: 'a' } : undefined);
      expect(r.status, path).toBe(404);
    }
  });

  it('the token is checked before any of the body is read', async () => {
    // 64 KB, then the upload stays open: a server that reads the body before the token never answers.
    const r = await chunkedUpload(
      w.url,
      '/api/v1/feedback/batch',
      { 'Content-Type': 'application/json' },
      {
        chunk: 16 * 1024,
        max: 64 * 1024 * 1024,
        endAfter: 64 * 1024,
      },
    );
    expect(r.status).toBe(401);
  });

  it('the body cap stops reading at the cap (chunked upload, no Content-Length)', async () => {
    const r = await chunkedUpload(
      w.url,
      '/api/v1/feedback/batch',
      { Authorization: `Bearer ${w.ingestA}`, 'Content-Type': 'application/json' },
      { chunk: 64 * 1024, max: 40 * 1024 * 1024 },
    );
    expect(r.status).toBe(413);
    // The hub's cap here is 1 MiB; socket buffers let a little more out before the answer arrives.
    expect(r.sent).toBeLessThan(8 * 1024 * 1024);
  });

  it('logs hold no SQL parameters, customer text or tokens: ids, routes and error codes only', async () => {
    // Make the database refuse one specific comment, so the write fails inside SQL (a 500).
    await w.hub.db.query(
      `ALTER TABLE feedback ADD CONSTRAINT no_boom CHECK (comment IS DISTINCT FROM 'SECRET-CUSTOMER-TEXT')`,
    );
    const r = await w.call('POST', '/api/v1/feedback/batch', w.ingestA, [
      answer(w.agentA1.email, { comment: 'SECRET-CUSTOMER-TEXT' }),
    ]);
    expect(r.status).toBe(500);
    await w.hub.db.query('ALTER TABLE feedback DROP CONSTRAINT no_boom');
    const link = await w.call('POST', '/api/v1/survey-links', w.leadA.token, {
      contactId: 'log-1',
      agent: { id: w.agentA1.id },
    });
    expect((await fetch(`${w.url}/s/${link.body.token}`)).status).toBe(200);
    const log = logLines.join('');
    expect(log).toContain('request failed');
    expect(log).toContain('"code":"23514"');
    expect(log).not.toContain('SECRET-CUSTOMER-TEXT');
    expect(log).not.toContain(link.body.token);
    expect(log).not.toContain(w.ingestA);
    expect(log).not.toMatch(/INSERT INTO/);
  });

  it('revoking a token ends its open event stream at once; later requests are 401', async () => {
    const token = await createToken(w.hub.db, { userId: w.agentA2.id });
    const s = await openStream(w.url, token);
    await expect.poll(() => w.hub.realtime.connections).toBeGreaterThan(0);
    const before = w.hub.realtime.connections;
    if (backend === 'postgres') {
      // The CLI in its own database connection; NOTIFY carries the revocation to the serving hub.
      const schema = (await w.hub.db.query<{ s: string }>('SELECT current_schema() AS s'))[0]?.s as string;
      const saved = { url: process.env.DATABASE_URL, schema: process.env.ATTUNE_DB_SCHEMA };
      process.env.DATABASE_URL = PG_URL;
      process.env.ATTUNE_DB_SCHEMA = schema;
      try {
        expect(await cli(['revoke-token', '--token', token])).toBe(0);
      } finally {
        if (saved.url === undefined) delete process.env.DATABASE_URL;
        else process.env.DATABASE_URL = saved.url;
        if (saved.schema === undefined) delete process.env.ATTUNE_DB_SCHEMA;
        else process.env.ATTUNE_DB_SCHEMA = saved.schema;
      }
    } else {
      // PGlite is one process (the CLI cannot open a folder a hub holds): the same steps in process.
      await w.hub.realtime.publish({ t: 'revoked', tokens: await revokeTokens(w.hub.db, { token }) });
    }
    await expect.poll(() => w.hub.realtime.connections, { timeout: 5_000 }).toBe(before - 1);
    await s.close();
    expect((await w.call('GET', '/api/v1/me', token)).status).toBe(401);
  });

  it('an expired token is refused', async () => {
    const past = await createToken(w.hub.db, { userId: w.agentA1.id }, 'x', undefined, {
      expiresAt: new Date(Date.now() - 1000),
    });
    const future = await createToken(w.hub.db, { userId: w.agentA1.id }, 'x', undefined, {
      expiresAt: new Date(Date.now() + 3600_000),
    });
    expect((await w.call('GET', '/api/v1/me', past)).status).toBe(401);
    expect((await w.call('GET', '/api/v1/me', future)).status).toBe(200);
  });

  it('a token may hold at most 5 event streams open', async () => {
    const token = await createToken(w.hub.db, { userId: w.agentA1.id });
    const open = [];
    for (let i = 0; i < 5; i++) open.push(await openStream(w.url, token));
    const sixth = await fetch(`${w.url}/api/v1/stream`, { headers: { Authorization: `Bearer ${token}` } });
    expect(sixth.status).toBe(429);
    await sixth.body?.cancel();
    for (const s of open) await s.close();
  });

  it('an Idempotency-Key is scoped by route: the same key on another route is a new request', async () => {
    const key = { 'Idempotency-Key': `k-${backend}` };
    w.clock.now = new Date('2026-06-15T12:00:00Z');
    const p = await w.call('POST', '/api/v1/me/pulse', w.agentA1.token, { date: '2026-06-15', mood: 3 }, key);
    expect(p.status).toBe(200);
    const before = await w.count('reply_flags');
    const f = await w.call(
      'POST',
      '/api/v1/me/reply-flags',
      w.agentA1.token,
      { site: 'idem', ticketId: '1', channel: 'chat', behaviors: ['thanks'], sentAt: '2026-06-15T10:00:00Z' },
      key,
    );
    expect(f.status).toBe(201);
    expect(f.body).toEqual({ ok: true });
    expect(await w.count('reply_flags')).toBe(before + 1);
    // Same caller, same route, same key: a replay.
    const again = await w.call('POST', '/api/v1/me/pulse', w.agentA1.token, { date: '2026-06-15', mood: 5 }, key);
    expect(again.body).toEqual({ date: '2026-06-15', mood: 3 });
  });

  it('survey links never take their origin from the Host header; without a public URL minting is refused', async () => {
    const r = await w.call(
      'POST',
      '/api/v1/survey-links',
      w.leadA.token,
      { contactId: 'h-1', agent: { id: w.agentA1.id } },
      {
        Host: 'evil.example',
      },
    );
    expect(r.status).toBe(201);
    expect(r.body.url.startsWith(`${w.url}/s/`)).toBe(true);
    const saved = w.hub.publicUrl;
    w.hub.publicUrl = null;
    try {
      const refused = await w.call('POST', '/api/v1/survey-links', w.leadA.token, {
        contactId: 'h-2',
        agent: { id: w.agentA1.id },
      });
      expect(refused.status).toBe(503);
      expect(refused.body.error).toMatch(/ATTUNE_PUBLIC_URL/);
    } finally {
      w.hub.publicUrl = saved;
    }
  });

  it('every minted link opens, whatever the contact id (200 non-ASCII characters, escapes)', async () => {
    for (const contactId of ['é'.repeat(200), '😀'.repeat(100), 'ü\u0001'.repeat(100), '"\\'.repeat(100)]) {
      const r = await w.call('POST', '/api/v1/survey-links', w.leadA.token, { contactId, agent: { id: w.agentA1.id } });
      if (r.status === 201) expect((await fetch(`${w.url}/s/${r.body.token}`)).status).toBe(200);
      else expect(r.body.errors[0].path).toBe('contactId');
    }
    const long = await w.call('POST', '/api/v1/survey-links', w.leadA.token, {
      contactId: 'é'.repeat(200),
      agent: { id: w.agentA1.id },
    });
    expect(long.status).toBe(201);
  });
});

describe('trusted proxies', () => {
  it('picks the right-most address that is not a trusted proxy', () => {
    expect(pickClientIp('10.0.0.1', 'spoofed, 203.0.113.5', parseTrustProxy('1'))).toBe('203.0.113.5');
    expect(pickClientIp('10.0.0.1', 'spoofed, 203.0.113.5, 10.0.0.2', parseTrustProxy('2'))).toBe('203.0.113.5');
    expect(pickClientIp('10.0.0.1', 'spoofed, 203.0.113.5, 10.0.0.2', parseTrustProxy('10.0.0.1,10.0.0.2'))).toBe(
      '203.0.113.5',
    );
    expect(pickClientIp('::ffff:127.0.0.1', 'spoofed', parseTrustProxy(undefined))).toBe('127.0.0.1');
    expect(pickClientIp('10.0.0.1', undefined, parseTrustProxy('3'))).toBe('10.0.0.1');
  });

  it('the survey pages and /pair count by the client behind the proxy, not a spoofed left-most entry', async () => {
    const saved = { trust: process.env.ATTUNE_TRUST_PROXY, limit: process.env.ATTUNE_SURVEY_RATE_LIMIT };
    process.env.ATTUNE_TRUST_PROXY = '1';
    process.env.ATTUNE_SURVEY_RATE_LIMIT = '3';
    const running = await startHubWithContext({ port: 0, logLevel: 'silent' });
    try {
      const via = (path: string, forwarded: string, init: RequestInit = {}) =>
        fetch(`${running.url}${path}`, { ...init, headers: { ...(init.headers ?? {}), 'X-Forwarded-For': forwarded } });
      await inFreshWindow();
      // A client rotating a fake left-most address is still one client.
      const survey: number[] = [];
      for (let i = 0; i < 5; i++) survey.push((await via('/s/x', `198.51.100.${i}, 203.0.113.7`)).status);
      expect(survey).toEqual([404, 404, 404, 429, 429]);
      // /pair: two real clients behind the proxy each get their own 10 attempts.
      const pair = (client: string) =>
        via('/api/v1/pair', `spoof, ${client}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"code":"ZZZZ-0000"}',
        });
      const first: number[] = [];
      for (let i = 0; i < 10; i++) first.push((await pair('203.0.113.8')).status);
      expect(first.every((s) => s === 400)).toBe(true);
      expect((await pair('203.0.113.9')).status).toBe(400);
      expect((await pair('203.0.113.8')).status).toBe(429);
    } finally {
      for (const [k, v] of [
        ['ATTUNE_TRUST_PROXY', saved.trust],
        ['ATTUNE_SURVEY_RATE_LIMIT', saved.limit],
      ] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      await running.close();
    }
  });
});

describe('rate limits across hub processes on one PostgreSQL', () => {
  it('two hubs sharing a database share the survey and pairing limits', async () => {
    const saved = process.env.ATTUNE_SURVEY_RATE_LIMIT;
    process.env.ATTUNE_SURVEY_RATE_LIMIT = '4';
    const schema = freshSchema('ratelimit');
    const one = await startHubWithContext({ port: 0, logLevel: 'silent', databaseUrl: PG_URL, schema });
    const two = await startHubWithContext({ port: 0, logLevel: 'silent', databaseUrl: PG_URL, schema });
    try {
      await inFreshWindow();
      const survey: number[] = [];
      for (let i = 0; i < 6; i++) survey.push((await fetch(`${(i % 2 ? two : one).url}/s/x`)).status);
      expect(survey).toEqual([404, 404, 404, 404, 429, 429]);
      const pair: number[] = [];
      for (let i = 0; i < 12; i++) {
        const r = await fetch(`${(i % 2 ? two : one).url}/api/v1/pair`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"code":"ZZZZ-0000"}',
        });
        pair.push(r.status);
      }
      expect(pair.slice(0, 10).every((s) => s === 400)).toBe(true);
      expect(pair.slice(10)).toEqual([429, 429]);
    } finally {
      if (saved === undefined) delete process.env.ATTUNE_SURVEY_RATE_LIMIT;
      else process.env.ATTUNE_SURVEY_RATE_LIMIT = saved;
      await one.close();
      await two.close();
      await dropSchema(schema);
    }
  });
});
