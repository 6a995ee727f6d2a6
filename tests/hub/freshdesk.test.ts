// The Freshdesk connector against a local stub of the Freshdesk API v2 (tests/hub/stubs/freshdesk.ts), on
// PGlite and PostgreSQL: first and incremental sync, private notes, a reassigned ticket's rating, 429,
// HTML error pages, and the API key kept out of status and errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConnectorConfig,
  getSecrets,
  getStatus,
  linkSignature,
  saveConnector,
} from '../../server/connectors/hooks/registry';
import { readFreshdeskCursor, syncFreshdesk } from '../../server/connectors/freshdesk/sync';
import { BACKENDS, startWorld, type World } from './_fixture';
import { type FdStubTicket, type FreshdeskStub, startFreshdeskStub } from './stubs/freshdesk';

const KEY = 'fd-api-key-5f2e9b1c';
const fast = { backoffMs: 1, maxRetries: 3, timeoutMs: 2000 };

describe.each(BACKENDS)('Freshdesk connector (%s)', (backend) => {
  let w: World;
  let stub: FreshdeskStub;
  let cfg: ConnectorConfig;
  const A1 = 501;
  const A2 = 502;
  const OUT = 503;
  let convId = 1;

  const ticket = (id: number, updated: string, over: Partial<FdStubTicket> = {}): FdStubTicket => ({
    id,
    status: 4,
    source: 1,
    responder_id: A1,
    requester_id: 9000,
    created_at: '2026-06-14T08:00:00Z',
    updated_at: updated,
    stats: { resolved_at: null, reopened_at: null, first_responded_at: null },
    conversations: [],
    ...over,
  });
  const conv = (userId: number, at: string, incoming: boolean, isPrivate = false) => ({
    id: convId++,
    incoming,
    private: isPrivate,
    user_id: userId,
    created_at: at,
    body_text: 'text',
  });

  beforeAll(async () => {
    w = await startWorld(backend, 'freshdesk');
    stub = await startFreshdeskStub(KEY);
    stub.agents.push(
      { id: A1, email: w.agentA1.email },
      { id: A2, email: w.agentA2.email },
      { id: OUT, email: 'bpo@outside.test' },
    );
    cfg = {
      slug: 'acme-fd',
      kind: 'freshdesk',
      teamId: w.teamA,
      site: 'acme',
      baseUrl: stub.url,
      tokenEnv: 'TEST_FRESHDESK_KEY',
      surveyWindowDays: 14,
      createdAt: new Date().toISOString(),
    };
    process.env.TEST_FRESHDESK_KEY = KEY;
    await saveConnector(w.hub.db, cfg);
  });
  afterAll(async () => {
    await stub?.close();
    await w?.close();
  });

  it('first sync: created, replies, notes skipped, resolved/reopened from stats, ratings as feedback', async () => {
    stub.tickets.push(
      ticket(1, '2026-06-14T10:00:00Z', {
        conversations: [
          conv(9000, '2026-06-14T08:05:00Z', true),
          conv(A2, '2026-06-14T08:10:00Z', false, true),
          conv(A1, '2026-06-14T08:20:00Z', false),
          conv(OUT, '2026-06-14T08:30:00Z', false),
        ],
        stats: { resolved_at: '2026-06-14T09:00:00Z', reopened_at: null, first_responded_at: '2026-06-14T08:20:00Z' },
      }),
      ticket(2, '2026-06-14T11:00:00Z', {
        source: 7,
        responder_id: A2,
        conversations: [conv(A1, '2026-06-14T08:20:00Z', false), conv(A2, '2026-06-14T08:40:00Z', false, true)],
        stats: { resolved_at: '2026-06-14T09:00:00Z', reopened_at: '2026-06-14T10:30:00Z', first_responded_at: null },
      }),
    );
    stub.ratings.push(
      {
        id: 71,
        ticket_id: 1,
        agent_id: A1,
        feedback: 'Great help',
        ratings: { default_question: 103 },
        created_at: '2026-06-14T12:00:00Z',
      },
      // Reassigned to A2, who only wrote a private note: the answer goes to A1, the last public replier.
      {
        id: 72,
        ticket_id: 2,
        agent_id: A2,
        feedback: null,
        ratings: { default_question: -102 },
        created_at: '2026-06-14T12:00:00Z',
      },
    );
    const r = await syncFreshdesk(w.hub, cfg, { http: fast });
    expect(r.error).toBeNull();
    expect(r.byType).toEqual({ created: 2, customer_reply: 1, agent_reply: 3, resolved: 2, reopened: 1 });
    expect(r.unmatchedAgents).toEqual(['bpo@outside.test']);
    expect(r.feedbackInserted).toBe(2);
    expect(r.rateLimitRemaining).toBeGreaterThan(0);
    const fb = await w.hub.db.query<{ external_id: string; agent_id: string; csat: number; comment: string | null }>(
      'SELECT external_id, agent_id, csat, comment FROM feedback ORDER BY external_id',
    );
    expect(fb).toEqual([
      { external_id: 'freshdesk:acme:rating:71', agent_id: w.agentA1.id, csat: 5, comment: 'Great help' },
      { external_id: 'freshdesk:acme:rating:72', agent_id: w.agentA1.id, csat: 1, comment: null },
    ]);
    const c = await w.hub.db.query<{ contact_id: string; channel: string; reopened: boolean }>(
      `SELECT contact_id, channel, reopened_at IS NOT NULL AS reopened FROM contacts ORDER BY contact_id`,
    );
    expect(c).toEqual([
      { contact_id: 'freshdesk:acme:1', channel: 'email', reopened: false },
      { contact_id: 'freshdesk:acme:2', channel: 'chat', reopened: true },
    ]);
    expect((await readFreshdeskCursor(w.hub, cfg)).updatedSince).toBe('2026-06-14T11:00:00Z');
    expect(stub.requests.some((q) => q.includes('include=stats') && q.includes('per_page=100'))).toBe(true);
  });

  it('a Freshdesk survey link (/s/f/…) opens the survey for a resolved ticket, not for a reopened one', async () => {
    const sig = linkSignature((await getSecrets(w.hub.db, cfg.slug))?.linkKey as string, 'freshdesk', cfg.slug);
    const ok = await fetch(`${w.url}/s/f/${cfg.slug}/1?sig=${sig}`, { redirect: 'manual' });
    expect(ok.status).toBe(303);
    expect((await fetch(`${w.url}${ok.headers.get('location')}`)).status).toBe(200);
    // Ticket 2 was reopened after its resolution; a Zendesk-style link for a Freshdesk connector is invalid.
    expect((await fetch(`${w.url}/s/f/${cfg.slug}/2?sig=${sig}`, { redirect: 'manual' })).status).toBe(404);
    expect((await fetch(`${w.url}/s/z/${cfg.slug}/1?sig=${sig}`, { redirect: 'manual' })).status).toBe(404);
  });

  it('incremental: only tickets changed since the cursor are read; re-reads are duplicates', async () => {
    const before = await w.count('events');
    stub.tickets.push(ticket(3, '2026-06-14T13:00:00Z', { conversations: [conv(A2, '2026-06-14T12:30:00Z', false)] }));
    const n = stub.requests.length;
    const r = await syncFreshdesk(w.hub, cfg, { http: fast });
    expect(r.ok).toBe(true);
    expect(r.tickets).toBe(2); // the boundary ticket 2 again, and ticket 3
    expect(await w.count('events')).toBe(before + 2);
    expect(decodeURIComponent(stub.requests.slice(n).find((q) => q.startsWith('/api/v2/tickets?')) ?? '')).toContain(
      'updated_since=2026-06-14T11:00:00Z',
    );
  });

  it('150 tickets over two pages: a 429 is waited out, an HTML page stops the run at the last stored page, the next run resumes', async () => {
    for (let i = 0; i < 150; i++) {
      stub.tickets.push(ticket(1000 + i, new Date(Date.UTC(2026, 5, 14, 14, 0, i)).toISOString()));
    }
    const waits: number[] = [];
    stub.faults.push({ path: /^\/api\/v2\/tickets$/, status: 429, retryAfter: 3 });
    // Page 2 (tickets 1099…) breaks: its first ticket's conversations come back as an HTML error page.
    const html = {
      path: /^\/api\/v2\/tickets\/1099\/conversations$/,
      status: 200,
      body: '<html>Oops</html>',
      contentType: 'text/html',
    };
    stub.faults.push(html);
    const r1 = await syncFreshdesk(w.hub, cfg, { http: { ...fast, sleep: async (ms) => void waits.push(ms) } });
    expect(waits).toContain(3000);
    expect(r1.ok).toBe(false);
    expect(r1.error).toMatch(/HTML page instead of JSON/);
    expect((await getStatus(w.hub.db, cfg.slug)).lastError).toMatch(/HTML page/);
    // The cursor stands at the last ticket of the stored page 1 (ticket 1098); nothing of page 2 is stored.
    expect((await readFreshdeskCursor(w.hub, cfg)).updatedSince).toBe(
      new Date(Date.UTC(2026, 5, 14, 14, 0, 98)).toISOString(),
    );
    expect(await w.hub.db.query(`SELECT 1 FROM events WHERE contact_id = 'freshdesk:acme:1099'`)).toHaveLength(0);
    stub.faults.length = 0;
    const r2 = await syncFreshdesk(w.hub, cfg, { http: fast });
    expect(r2.ok).toBe(true);
    const n = await w.hub.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE type = 'created' AND contact_id LIKE 'freshdesk:acme:1___'`,
    );
    expect(n[0]?.n).toBe(150);
    const everything = JSON.stringify([r1, r2, await getStatus(w.hub.db, cfg.slug)]);
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain(Buffer.from(`${KEY}:X`).toString('base64'));
  });
});
