// The Zendesk connector against a local stub of the Zendesk API (tests/hub/stubs/zendesk.ts, shapes from
// Zendesk's API reference), on PGlite and PostgreSQL: first and incremental sync, fair attribution on a
// reassigned ticket, private notes, deleted users, unknown agents, time zones, 429, 5xx storms, HTML and
// truncated answers, a crash mid-page, and no secret in any status, report or log line.
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HubContext } from '../../server/context';
import { type ConnectorConfig, getStatus, saveConnector } from '../../server/connectors/hooks/registry';
import { readZendeskCursor, syncZendesk } from '../../server/connectors/zendesk/sync';
import { BACKENDS, startWorld, type World } from './_fixture';
import { audit, child, startZendeskStub, type ZendeskStub } from './stubs/zendesk';

const TOKEN = 'zd-secret-token-8d1f0c2a77';
const EMAIL = 'sync-bot@acme.test';
const T0 = Date.UTC(2026, 5, 10, 8, 0, 0) / 1000;

const fast = { backoffMs: 1, maxRetries: 3, timeoutMs: 2000 };

describe.each(BACKENDS)('Zendesk connector (%s)', (backend) => {
  let w: World;
  let stub: ZendeskStub;
  let cfg: ConnectorConfig;
  let logs: string;
  const ids = { requester: 1, a1: 2, a2: 3, outsider: 4, gone: 5, b1: 6 };

  const rows = async (sql: string, params: unknown[] = []) => w.hub.db.query<Record<string, unknown>>(sql, params);

  beforeAll(async () => {
    w = await startWorld(backend, 'zendesk');
    logs = '';
    w.hub.log = pino(
      { level: 'debug' },
      new Writable({
        write(chunk, _enc, cb) {
          logs += chunk.toString();
          cb();
        },
      }),
    );
    stub = await startZendeskStub({ email: EMAIL, token: TOKEN });
    stub.users.set(ids.requester, { id: 1, email: 'customer@client.test', role: 'end-user', name: 'Cleo Customer' });
    stub.users.set(ids.a1, { id: 2, email: w.agentA1.email.toUpperCase(), role: 'agent', name: 'Agent A1' });
    stub.users.set(ids.a2, { id: 3, email: w.agentA2.email, role: 'admin', name: 'Agent A2' });
    stub.users.set(ids.outsider, { id: 4, email: 'temp.agent@bpo.test', role: 'agent', name: 'Temp' });
    stub.users.set(ids.gone, { id: 5, email: 'gone@client.test', role: 'end-user', name: 'Gone', deleted: true });
    // An agent of team B: the Zendesk connector is bound to team A, so B1 stays unmatched.
    stub.users.set(ids.b1, { id: 6, email: w.agentB1.email, role: 'agent', name: 'B1' });
    cfg = {
      slug: 'acme-zendesk',
      kind: 'zendesk',
      teamId: w.teamA,
      site: 'acme',
      baseUrl: stub.url,
      email: EMAIL,
      tokenEnv: 'TEST_ZENDESK_TOKEN',
      surveyWindowDays: 14,
      createdAt: new Date().toISOString(),
    };
    process.env.TEST_ZENDESK_TOKEN = TOKEN;
    await saveConnector(w.hub.db, cfg);
  });
  afterAll(async () => {
    await stub?.close();
    await w?.close();
  });
  afterEach(() => {
    stub.faults.length = 0;
  });

  const sync = (over: Partial<Parameters<typeof syncZendesk>[2]> = {}, hub: HubContext = w.hub) =>
    syncZendesk(hub, cfg, { http: fast, ...over });

  it('first sync: created, replies, private notes skipped, solved, a rating as feedback; unmatched agents listed', async () => {
    const t = 101;
    stub.audits.push(
      audit(t, T0, ids.requester, [child.create(), child.comment(ids.requester, true, 'My order is late')]),
      audit(t, T0 + 60, ids.a2, [child.comment(ids.a2, false, 'internal: check the warehouse')]),
      audit(t, T0 + 120, ids.a1, [child.comment(ids.a1, true, 'Sorry! It ships today.'), child.assignee(null, ids.a1)]),
      audit(t, T0 + 180, ids.requester, [child.comment(ids.requester, true, 'Thanks')]),
      audit(t, T0 + 200, ids.outsider, [child.comment(ids.outsider, true, 'Tracking number: 123')]),
      audit(t, T0 + 240, ids.a1, [child.status('open', 'solved'), child.notification()]),
    );
    stub.ratings.push({
      id: 9001,
      ticket_id: t,
      assignee_id: ids.a1,
      requester_id: ids.requester,
      group_id: null,
      score: 'good',
      comment: 'Quick and kind',
      created_at: new Date((T0 + 300) * 1000).toISOString(),
      updated_at: new Date((T0 + 400) * 1000).toISOString(),
    });
    stub.sort();
    const r = await sync();
    expect(r.error).toBeNull();
    expect(r.ok).toBe(true);
    // The comment of the creating audit is the ticket's description, not a reply.
    expect(r.byType).toEqual({ created: 1, customer_reply: 1, agent_reply: 2, assigned: 1, resolved: 1 });
    expect(r.unmatchedAgents).toEqual(['temp.agent@bpo.test']);
    expect(r.feedbackInserted).toBe(1);
    const ev = await rows(
      `SELECT type, agent_id FROM events WHERE contact_id = 'zendesk:acme:101' ORDER BY at, external_id`,
    );
    expect(ev.map((e) => e.type)).toEqual([
      'created',
      'agent_reply',
      'assigned',
      'customer_reply',
      'agent_reply',
      'resolved',
    ]);
    // The temp agent's reply is kept (it times the contact) without an agent.
    expect(ev[4]?.agent_id).toBeNull();
    const fb = await rows(`SELECT agent_id, csat, comment, attribution, external_id FROM feedback`);
    expect(fb).toEqual([
      {
        agent_id: w.agentA1.id,
        csat: 5,
        comment: 'Quick and kind',
        attribution: 'last_reply',
        external_id: 'zendesk:acme:rating:9001',
      },
    ]);
    const c = await rows(
      `SELECT first_reply_agent_id, resolved_at FROM contacts WHERE contact_id = 'zendesk:acme:101'`,
    );
    expect(c[0]?.first_reply_agent_id).toBe(w.agentA1.id);
    const status = await getStatus(w.hub.db, cfg.slug);
    expect(status.lastError).toBeNull();
    expect(status.unmatchedAgents).toContain('temp.agent@bpo.test');
    expect((await readZendeskCursor(w.hub, cfg)).ticketEvents).toBe(T0 + 240);
    // Basic auth exactly as Zendesk documents it: {email}/token:{token}.
    expect(stub.authHeaders.at(-1)).toBe(`Basic ${Buffer.from(`${EMAIL}/token:${TOKEN}`).toString('base64')}`);
  });

  it('incremental sync: only new events are stored; the repeated boundary second is deduplicated', async () => {
    const before = await w.count('events');
    const requestsBefore = stub.requests.length;
    const t = 102;
    stub.audits.push(
      audit(t, T0 + 1000, ids.requester, [child.create(), child.comment(ids.requester, true, 'Hi')], 'Chat'),
      audit(t, T0 + 1060, ids.a2, [child.comment(ids.a2, true, 'Hello!', { via: 'Chat' })], 'Chat'),
    );
    stub.sort();
    const r = await sync();
    expect(r.ok).toBe(true);
    expect(r.inserted).toBe(2);
    // The export starts at the stored end_time: the last audit of the first sync comes back as a duplicate.
    expect(r.duplicates).toBe(1);
    expect(await w.count('events')).toBe(before + 2);
    expect(stub.requests.slice(requestsBefore)[0]).toContain(`start_time=${T0 + 240}`);
    const ch = await rows(`SELECT channel FROM contacts WHERE contact_id = 'zendesk:acme:102'`);
    expect(ch[0]?.channel).toBe('chat');
    const again = await sync();
    expect(again.inserted).toBe(0);
    expect(await w.count('events')).toBe(before + 2);
  });

  it('a reassigned ticket: the rating goes to the agent of the last public reply, not the new assignee', async () => {
    const t = 103;
    stub.audits.push(
      audit(t, T0 + 2000, ids.requester, [child.create(), child.comment(ids.requester, true, 'Refund?')]),
      audit(t, T0 + 2100, ids.a1, [child.comment(ids.a1, true, 'Refund issued'), child.assignee(null, ids.a1)]),
      audit(t, T0 + 2200, ids.a2, [child.assignee(ids.a1, ids.a2), child.comment(ids.a2, false, 'note: taking over')]),
      audit(t, T0 + 2300, ids.a2, [child.status('open', 'solved')]),
    );
    stub.ratings.push({
      id: 9002,
      ticket_id: t,
      assignee_id: ids.a2,
      requester_id: ids.requester,
      group_id: null,
      score: 'bad',
      comment: null,
      created_at: new Date((T0 + 2400) * 1000).toISOString(),
      updated_at: new Date((T0 + 2500) * 1000).toISOString(),
    });
    stub.sort();
    const r = await sync();
    expect(r.ok).toBe(true);
    const fb = await rows(`SELECT agent_id, source_agent_id, csat, attribution FROM feedback WHERE external_id = $1`, [
      'zendesk:acme:rating:9002',
    ]);
    expect(fb[0]).toEqual({
      agent_id: w.agentA1.id,
      source_agent_id: w.agentA2.id,
      csat: 1,
      attribution: 'last_reply',
    });
    const replies = await rows(
      `SELECT count(*)::int AS n FROM events WHERE contact_id = 'zendesk:acme:103' AND type = 'agent_reply'`,
    );
    expect(replies[0]?.n).toBe(1);
  });

  it('deleted users count as customers; agents of another team and unknown agents stay unattributed and listed', async () => {
    const t = 104;
    stub.audits.push(
      audit(t, T0 + 3000, ids.gone, [child.create(), child.comment(ids.gone, true, 'first')]),
      audit(t, T0 + 3050, ids.gone, [child.comment(ids.gone, true, 'still waiting')]),
      audit(t, T0 + 3100, ids.b1, [child.comment(ids.b1, true, 'on it')]),
      audit(t, T0 + 3150, 999_999, [child.comment(999_999, true, 'ghost')]),
    );
    stub.sort();
    const r = await sync();
    expect(r.ok).toBe(true);
    const ev = await rows(
      `SELECT type, agent_id FROM events WHERE contact_id = 'zendesk:acme:104' ORDER BY at, external_id`,
    );
    expect(ev).toEqual([
      { type: 'created', agent_id: null },
      { type: 'customer_reply', agent_id: null },
      { type: 'agent_reply', agent_id: null },
      { type: 'customer_reply', agent_id: null },
    ]);
    expect(r.unmatchedAgents).toContain(w.agentB1.email.toLowerCase());
    expect((await getStatus(w.hub.db, cfg.slug)).unmatchedAgents).toContain(w.agentB1.email.toLowerCase());
  });

  it('time zones: offsets are normalised to UTC, across the date line of the offset; unix timestamps alone work', async () => {
    const t = 105;
    const created = audit(t, T0 + 4000, ids.requester, [child.create()]);
    created.created_at = '2026-06-09T23:06:40-10:00'; // = 2026-06-10T09:06:40Z (the day before, locally)
    const reply = audit(t, T0 + 4001, ids.a1, [child.comment(ids.a1, true, 'Hej')]);
    reply.created_at = '2026-06-10T11:06:41+02:00'; // = 2026-06-10T09:06:41Z
    const late = audit(t, T0 + 4002, ids.a1, [child.status('open', 'solved')]);
    delete late.created_at; // only the unix timestamp
    stub.audits.push(created, reply, late);
    stub.sort();
    expect((await sync()).ok).toBe(true);
    const ev = await rows(
      `SELECT type, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') AS at FROM events
       WHERE contact_id = 'zendesk:acme:105' ORDER BY at, external_id`,
    );
    expect(ev).toEqual([
      { type: 'created', at: '2026-06-10T09:06:40' },
      { type: 'agent_reply', at: '2026-06-10T09:06:41' },
      { type: 'resolved', at: new Date((T0 + 4002) * 1000).toISOString().slice(0, 19) },
    ]);
  });

  it('429 with Retry-After is waited out and the sync completes', async () => {
    const waits: number[] = [];
    stub.audits.push(audit(106, T0 + 5000, ids.requester, [child.create()]));
    stub.sort();
    stub.faults.push({ path: /ticket_events/, status: 429, retryAfter: 7 });
    const r = await sync({ http: { ...fast, sleep: async (ms) => void waits.push(ms) } });
    expect(r.ok).toBe(true);
    expect(waits).toContain(7000);
    expect(await rows(`SELECT 1 FROM events WHERE contact_id = 'zendesk:acme:106'`)).toHaveLength(1);
  });

  it('bad answers stop the sync cleanly with a clear status; the cursor stays; the next run resumes', async () => {
    const cursor = (await readZendeskCursor(w.hub, cfg)).ticketEvents;
    stub.audits.push(audit(107, T0 + 6000, ids.requester, [child.create()]));
    stub.sort();
    const cases: [string, () => void, RegExp][] = [
      [
        'html',
        () =>
          stub.faults.push({
            path: /ticket_events/,
            status: 200,
            body: '<html><body>Maintenance</body></html>',
            contentType: 'text/html',
          }),
        /HTML page instead of JSON/,
      ],
      [
        'truncated',
        () => stub.faults.push({ path: /ticket_events/, status: 200, body: '{"ticket_events":[{"id":1' }),
        /malformed or truncated JSON/,
      ],
      [
        'unexpected shape',
        () => stub.faults.push({ path: /ticket_events/, status: 200, body: JSON.stringify({ ticket_events: 'nope' }) }),
        /documented shape/,
      ],
      [
        '5xx storm',
        () => stub.faults.push(...Array.from({ length: 6 }, () => ({ path: /ticket_events/, status: 502 }))),
        /server error 502/,
      ],
      [
        'timeout',
        () => stub.faults.push(...Array.from({ length: 6 }, () => ({ path: /ticket_events/, delayMs: 400 }))),
        /did not answer/,
      ],
    ];
    for (const [name, inject, message] of cases) {
      stub.faults.length = 0;
      inject();
      const r = await sync({ http: { ...fast, timeoutMs: name === 'timeout' ? 100 : 2000 } });
      expect(r.ok, name).toBe(false);
      expect(r.error, name).toMatch(message);
      expect((await getStatus(w.hub.db, cfg.slug)).lastError, name).toMatch(message);
      expect((await readZendeskCursor(w.hub, cfg)).ticketEvents, name).toBe(cursor);
      expect(await rows(`SELECT 1 FROM events WHERE contact_id = 'zendesk:acme:107'`), name).toHaveLength(0);
    }
    stub.faults.length = 0;
    const r = await sync();
    expect(r.ok).toBe(true);
    expect((await getStatus(w.hub.db, cfg.slug)).lastError).toBeNull();
    expect(await rows(`SELECT 1 FROM events WHERE contact_id = 'zendesk:acme:107'`)).toHaveLength(1);
  });

  it('a crash mid-page stores nothing of that page and leaves the cursor; the next run resumes there', async () => {
    stub.pageLimit = 2;
    const base = T0 + 7000;
    for (let i = 0; i < 6; i++) stub.audits.push(audit(200 + i, base + i * 10, ids.requester, [child.create()]));
    stub.sort();
    const cursor = (await readZendeskCursor(w.hub, cfg)).ticketEvents;
    // The database "loses power" while the second page is being written: its transaction never commits.
    let txs = 0;
    const crashing: HubContext = {
      ...w.hub,
      db: {
        ...w.hub.db,
        tx: async (fn) =>
          w.hub.db.tx(async (q) => {
            const out = await fn(q);
            if (++txs === 2) throw new Error('power cut');
            return out;
          }),
      },
    };
    // One page per transaction here (the default batches several pages of 1000 audits).
    const r = await sync({ batchEvents: 1 }, crashing);
    expect(r.ok).toBe(false);
    expect(r.error).toBe('power cut');
    const stored = await rows(
      `SELECT contact_id FROM events WHERE contact_id LIKE 'zendesk:acme:20_' ORDER BY contact_id`,
    );
    // Page 1 = the boundary audit of the previous run + ticket 200; page 2 (201, 202) rolled back whole.
    expect(stored.map((s) => s.contact_id)).toEqual(['zendesk:acme:200']);
    const afterCrash = (await readZendeskCursor(w.hub, cfg)).ticketEvents;
    expect(afterCrash).toBeGreaterThan(cursor);
    expect(afterCrash).toBe(base);
    const resumed = await sync();
    expect(resumed.ok).toBe(true);
    expect(stub.requests.some((p) => p.includes(`start_time=${base}`))).toBe(true);
    const all = await rows(`SELECT count(*)::int AS n FROM events WHERE contact_id LIKE 'zendesk:acme:20_'`);
    expect(all[0]?.n).toBe(6);
    stub.pageLimit = 1000;
  });

  it('secrets never appear in status, reports, errors or logs', async () => {
    const bad = { ...cfg, slug: 'acme-bad' };
    await saveConnector(w.hub.db, bad);
    const r = await syncZendesk(w.hub, bad, { http: fast, token: `${TOKEN}-wrong` });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/refused the credentials \(401\)/);
    const everything = JSON.stringify([r, await getStatus(w.hub.db, bad.slug), await getStatus(w.hub.db, cfg.slug)]);
    for (const secret of [TOKEN, Buffer.from(`${EMAIL}/token:${TOKEN}`).toString('base64')]) {
      expect(everything).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
    expect(logs).toContain('zendesk sync stopped');
  });

  it('10,000 tickets in one run (10 pages of 1000 audits, then 30,000 events)', async () => {
    const base = T0 + 100_000;
    const before = await w.count('events');
    for (let i = 0; i < 10_000; i++) {
      const t = 50_000 + i;
      stub.audits.push(
        audit(t, base + i * 3, ids.requester, [child.create(), child.comment(ids.requester, true, 'q')]),
        audit(t, base + i * 3 + 1, ids.a1, [child.comment(ids.a1, true, 'a')]),
        audit(t, base + i * 3 + 2, ids.a1, [child.status('open', 'solved')]),
      );
    }
    stub.sort();
    const r = await sync();
    expect(r.ok).toBe(true);
    expect(r.inserted).toBe(30_000);
    expect(await w.count('events')).toBe(before + 30_000);
    const c = await rows(
      `SELECT count(*)::int AS n FROM contacts WHERE contact_id LIKE 'zendesk:acme:5____' AND resolved_at IS NOT NULL
         AND first_reply_agent_id = $1`,
      [w.agentA1.id],
    );
    expect(c[0]?.n).toBe(10_000);
  }, 300_000);
});
