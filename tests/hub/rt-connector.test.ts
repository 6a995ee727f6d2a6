// The RT connector against the real Request Tracker 5 (../shared/tools/rt-up.sh, http://127.0.0.1:8085):
// after a sync, agent1's first_response, fcr, reopen_rate and volume from the hub's KPI API equal what this
// test computes by hand from RT's own transaction history, fetched here with plain fetch (not the
// connector). Re-running is idempotent and incremental. Runs on PGlite and on PostgreSQL.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, createUser } from '../../server/admin';
import { setState } from '../../server/connectors/state';
import { cursorKey, scheduleRtSync, syncRt } from '../../server/connectors/rt/sync';
import type { HubContext } from '../../server/context';
import { BACKENDS, startWorld, type World } from './_fixture';

const RT_URL = process.env.RT_URL ?? 'http://127.0.0.1:8085';
const RT_TOKEN = readFileSync(process.env.RT_TOKEN_FILE ?? '/var/lib/rt-up/root.token', 'utf8').trim();
const AGENT = { login: 'agent1', password: 'agent1pass', email: 'agent1@example.test' };
const REST = `${RT_URL}/REST/2.0`;

interface RawTxn {
  id: string;
  Type: string;
  ObjectId: string;
  Creator: { id: string };
  Created: string;
  Field: string;
  OldValue: string;
  NewValue: string;
}

async function rt(path: string, init: RequestInit & { as?: 'root' | 'agent1' } = {}): Promise<unknown> {
  const auth =
    init.as === 'agent1'
      ? `Basic ${Buffer.from(`${AGENT.login}:${AGENT.password}`).toString('base64')}`
      : `token ${RT_TOKEN}`;
  const res = await fetch(`${REST}${path}`, {
    ...init,
    headers: { Authorization: auth, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });
  const body = await res.text();
  if (!res.ok) throw new Error(`RT ${init.method ?? 'GET'} ${path}: ${res.status} ${body.slice(0, 300)}`);
  return body ? JSON.parse(body) : null;
}

/** Every ticket transaction up to `maxId`, straight from RT (page by page). */
async function rtHistory(maxId: number): Promise<RawTxn[]> {
  const all: RawTxn[] = [];
  for (let page = 1; ; page++) {
    const res = (await rt(
      `/transactions?fields=Type,ObjectId,Creator,Created,Field,OldValue,NewValue&per_page=100&page=${page}&orderby=id&order=ASC`,
      {
        method: 'POST',
        body: JSON.stringify([
          { field: 'ObjectType', value: 'RT::Ticket' },
          { field: 'id', operator: '<=', value: String(maxId) },
        ]),
      },
    )) as { items: RawTxn[]; pages: number };
    all.push(...res.items);
    if (page >= res.pages || res.items.length === 0) break;
  }
  return all;
}

/**
 * agent1's KPIs by hand, straight from the definitions (lib/kpi) and the attribution rule:
 * first_response = median minutes from Create to agent1's first Correspond; a resolved contact counts for
 * the last agent who replied before its first resolution (else whoever resolved it); fcr = share of those
 * not reopened within 7 days; reopen_rate = share reopened; volume = tickets agent1 replied on.
 */
function byHand(history: RawTxn[]) {
  const byTicket = new Map<string, RawTxn[]>();
  for (const t of history) byTicket.set(t.ObjectId, [...(byTicket.get(t.ObjectId) ?? []), t]);
  const time = (t: RawTxn) => Date.parse(t.Created);
  const firstResponses: number[] = [];
  let resolved = 0;
  let reopened = 0;
  let reopened7d = 0;
  let volume = 0;
  for (const txns of byTicket.values()) {
    txns.sort((a, b) => Number(a.id) - Number(b.id));
    const create = txns.find((t) => t.Type === 'Create');
    const replies = txns.filter((t) => t.Type === 'Correspond' && t.Creator.id === AGENT.login);
    if (replies.length > 0) volume++;
    const firstReply = create ? replies.find((r) => time(r) >= time(create)) : undefined;
    if (create && firstReply) firstResponses.push((time(firstReply) - time(create)) / 60_000);
    const resolution = txns.find((t) => t.Type === 'Status' && t.NewValue === 'resolved' && t.OldValue !== 'resolved');
    if (!resolution) continue;
    const R = time(resolution);
    const lastReply = replies.filter((r) => time(r) <= R).at(-1);
    const forAgent1 = lastReply ? true : resolution.Creator.id === AGENT.login;
    if (!forAgent1) continue;
    resolved++;
    const reopen = txns.find(
      (t) =>
        t.Type === 'Status' &&
        t.OldValue === 'resolved' &&
        ['new', 'open', 'stalled'].includes(t.NewValue) &&
        time(t) > R,
    );
    if (reopen) {
      reopened++;
      if (time(reopen) < R + 7 * 86_400_000) reopened7d++;
    }
  }
  const sorted = [...firstResponses].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median =
    sorted.length === 0
      ? null
      : sorted.length % 2
        ? (sorted[mid] as number)
        : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  const pct = (a: number, b: number) => (b > 0 ? Math.round((100 * a) / b) : null);
  return {
    first_response: median === null ? null : Math.round(median),
    firstResponseN: firstResponses.length,
    fcr: pct(resolved - reopened7d, resolved),
    reopen_rate: pct(reopened, resolved),
    resolved,
    volume,
  };
}

const TEST_SUBJECT = 'Attune connector test: wrong VAT number on the invoice';

/**
 * New activity in RT, made through RT's API as agent1: the first run creates one dedicated ticket (reply,
 * resolve); later runs reopen that same ticket, reply and resolve again, so the shared RT doesn't fill up
 * with test tickets. Returns the ticket and the hub events the new transactions must become.
 */
async function newActivity(): Promise<{ ticketId: string; expected: string[] }> {
  const found = (await rt(`/tickets?query=${encodeURIComponent(`Subject = '${TEST_SUBJECT}'`)}`)) as {
    items: { id: string }[];
  };
  let ticketId = found.items[0]?.id;
  let expected: string[];
  if (ticketId) {
    await rt(`/ticket/${ticketId}`, { as: 'agent1', method: 'PUT', body: JSON.stringify({ Status: 'open' }) });
    expected = ['reopened', 'agent_reply', 'resolved'];
  } else {
    const created = (await rt('/ticket', {
      method: 'POST',
      body: JSON.stringify({
        Queue: 'Support',
        Subject: TEST_SUBJECT,
        Requestor: 'priya.raman@example.org',
        Content: 'Hello, my invoice shows the wrong VAT number.',
      }),
    })) as { id: number | string };
    ticketId = String(created.id);
    expected = ['created', 'agent_reply', 'resolved'];
  }
  await rt(`/ticket/${ticketId}/correspond`, {
    as: 'agent1',
    method: 'POST',
    body: JSON.stringify({
      Content: 'Hi Priya, I have corrected the VAT number and sent a new invoice.',
      ContentType: 'text/plain',
    }),
  });
  await rt(`/ticket/${ticketId}`, { as: 'agent1', method: 'PUT', body: JSON.stringify({ Status: 'resolved' }) });
  return { ticketId, expected };
}

describe.each(BACKENDS)('RT connector against the real RT 5 (%s)', (backend) => {
  let w: World;
  let hub: HubContext;
  let agentToken: string;

  beforeAll(async () => {
    w = await startWorld(backend, 'rt');
    // RT's history is dated relative to the real clock (rt-up.sh seeds "3 days ago").
    w.clock.now = new Date();
    hub = w.hub;
    const agent = await createUser(hub.db, { name: 'Alex Agent', email: AGENT.email, role: 'agent', teamId: w.teamA });
    agentToken = await createToken(hub.db, { userId: agent.id });
  });
  afterAll(async () => {
    await w?.close();
  });

  const kpis = async () => {
    w.clock.now = new Date();
    const res = await w.call('GET', '/api/v1/me/kpis?window=30d', agentToken);
    expect(res.status).toBe(200);
    const body = res.body as { kpis: { key: string; value: number | null; n: number }[] };
    return Object.fromEntries(body.kpis.map((k) => [k.key, k]));
  };

  const expectKpisMatchRt = async (cursor: number) => {
    const hand = byHand(await rtHistory(cursor));
    const k = await kpis();
    // The seeded ticket alone gives agent1 a reply, a resolution and a reopen: the comparison is never empty.
    expect(hand.resolved).toBeGreaterThan(0);
    expect(hand.firstResponseN).toBeGreaterThan(0);
    expect({
      first_response: k.first_response?.value,
      first_response_n: k.first_response?.n,
      fcr: k.fcr?.value,
      reopen_rate: k.reopen_rate?.value,
      resolved_n: k.fcr?.n,
      volume: k.volume?.value,
    }).toEqual({
      first_response: hand.first_response,
      first_response_n: hand.firstResponseN,
      fcr: hand.fcr,
      reopen_rate: hand.reopen_rate,
      resolved_n: hand.resolved,
      volume: hand.volume,
    });
  };

  it("after a sync, agent1's first response, FCR and reopen rate equal RT's own history", async () => {
    const report = await syncRt(hub, { url: RT_URL, token: RT_TOKEN, teamId: w.teamA });
    expect(report.startCursor).toBe(0);
    expect(report.inserted).toBeGreaterThan(0);
    expect(report.byType).toMatchObject({
      created: expect.any(Number),
      agent_reply: expect.any(Number),
      reopened: expect.any(Number),
    });
    await expectKpisMatchRt(report.cursor);
  });

  it('re-running is incremental: nothing new, nothing counted twice', async () => {
    const before = await kpis();
    const again = await syncRt(hub, { url: RT_URL, token: RT_TOKEN, teamId: w.teamA });
    expect(again.startCursor).toBe(again.cursor);
    expect(again.inserted).toBe(0);
    expect(await kpis()).toEqual(before);
  });

  it('a full re-read from the start (lost cursor) stores only duplicates', async () => {
    const before = await kpis();
    await setState(hub.db, cursorKey(`${RT_URL}/REST/2.0`, w.teamA), { lastTransactionId: 0 });
    const replay = await syncRt(hub, { url: RT_URL, token: RT_TOKEN, teamId: w.teamA, pageSize: 7 });
    expect(replay.startCursor).toBe(0);
    expect(replay.inserted).toBe(0);
    expect(replay.duplicates).toBeGreaterThan(0);
    expect(await kpis()).toEqual(before);
  });

  it('new activity in RT is picked up from where the last run stopped', async () => {
    const previous = await syncRt(hub, { url: RT_URL, token: RT_TOKEN, teamId: w.teamA });
    const { ticketId, expected } = await newActivity();
    const next = await syncRt(hub, { url: RT_URL, token: RT_TOKEN, teamId: w.teamA });
    expect(next.startCursor).toBe(previous.cursor);
    expect(next.inserted).toBeGreaterThanOrEqual(3);
    const events = await hub.db.query<{ type: string; external_id: string }>(
      'SELECT type, external_id FROM events WHERE contact_id = $1',
      [`rt:${ticketId}`],
    );
    const txnId = (e: { external_id: string }) => Number(e.external_id.replace('rt:txn:', ''));
    const fresh = events.filter((e) => txnId(e) > previous.cursor).sort((a, b) => txnId(a) - txnId(b));
    expect(fresh.map((e) => e.type)).toEqual(expected);
    await expectKpisMatchRt(next.cursor);
  });

  it('scheduled mode (serve --rt-url) syncs in the background and survives RT being unreachable', async () => {
    const key = cursorKey(`${RT_URL}/REST/2.0`, w.teamA);
    await setState(hub.db, key, { lastTransactionId: 0 });
    const job = scheduleRtSync(hub, { url: RT_URL, token: RT_TOKEN, teamId: w.teamA, intervalMs: 3_600_000 });
    await job.stop(); // waits for the run in flight
    const state = await hub.db.query<{ value: { lastTransactionId: number } }>(
      'SELECT value FROM source_state WHERE key = $1',
      [key],
    );
    expect(state[0]?.value.lastTransactionId).toBeGreaterThan(0);
    const down = scheduleRtSync(hub, {
      url: 'http://127.0.0.1:9',
      token: RT_TOKEN,
      teamId: w.teamA,
      intervalMs: 3_600_000,
      retries: 1,
    });
    await expect(down.stop()).resolves.toBeUndefined();
  });

  it('a wrong token is a clear error, and the cursor does not move', async () => {
    const key = cursorKey(`${RT_URL}/REST/2.0`, w.teamA);
    const before = await hub.db.query<{ value: unknown }>('SELECT value FROM source_state WHERE key = $1', [key]);
    await expect(
      syncRt(hub, { url: RT_URL, token: '1-1-00000000000000000000000000000000', teamId: w.teamA }),
    ).rejects.toThrow(/refused the token/);
    await expect(
      syncRt(hub, { url: 'http://127.0.0.1:9', token: RT_TOKEN, teamId: w.teamA, retries: 1 }),
    ).rejects.toThrow(/could not reach RT/);
    expect(await hub.db.query('SELECT value FROM source_state WHERE key = $1', [key])).toEqual(before);
  });
});
