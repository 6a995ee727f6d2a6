// The sync engine against a real hub (in-memory PGlite, demo seed) with IndexedDB from fake-indexeddb.
// Outages are real: the engine's requests are pointed at a closed port while "offline".
import 'fake-indexeddb/auto';
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { AttuneDB, type Tip } from '../../../lib/db';
import { memoryTokenStore, SyncEngine, type SyncEngineOptions, type TokenStore } from '../../../lib/sync/engine';
import { type DemoCredentials, type RunningHub, startHub } from '../../../server/app';

// Starting and seeding a hub on PGlite takes seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let hub: RunningHub;
let demo: DemoCredentials;
let closedUrl: string;

/** A free port nobody listens on: requests to it fail with ECONNREFUSED, like a hub that is down. */
async function closedPort(): Promise<string> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return `http://127.0.0.1:${port}`;
}

beforeAll(async () => {
  hub = await startHub({ port: 0, host: '127.0.0.1', seedDemo: true, logLevel: 'silent' });
  if (!hub.demo) throw new Error('the hub did not seed demo credentials');
  demo = hub.demo;
  closedUrl = await closedPort();
});

afterAll(async () => {
  await hub?.close();
});

async function api<T = unknown>(
  token: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const res = await fetch(`${hub.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} -> ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** All of an agent's feedback straight from the hub, following the cursor. */
async function allFeedback(token: string): Promise<{ id: string; reviewed: boolean; note: string | null }[]> {
  const out: { id: string; reviewed: boolean; note: string | null }[] = [];
  let cursor = '';
  for (;;) {
    const page = await api<{ items: { id: string; reviewed: boolean; note: string | null }[]; cursor: string }>(
      token,
      `/api/v1/me/feedback?limit=1000${cursor ? `&cursor=${cursor}` : ''}`,
    );
    out.push(...page.items);
    if (page.items.length < 1000) return out;
    cursor = page.cursor;
  }
}

interface Harness {
  engine: SyncEngine;
  db: AttuneDB;
  tokens: TokenStore;
  /** Requests as the engine made them (method + path with query). */
  requests: string[];
  newTips: Tip[];
  setOffline(offline: boolean): void;
  /** The next POST reaches the hub but its response is lost (the engine sees a network error). */
  loseNextPostResponse(): void;
}

const engines: SyncEngine[] = [];
afterEach(() => {
  for (const e of engines.splice(0)) e.dispose();
});

function harness(opts: Partial<SyncEngineOptions> = {}): Harness {
  const db = new AttuneDB(`attune-test-${crypto.randomUUID()}`);
  const tokens = memoryTokenStore();
  const requests: string[] = [];
  const newTips: Tip[] = [];
  let offline = false;
  let loseResponse = false;
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = String(input);
    const { pathname, search } = new URL(url);
    requests.push(`${init?.method ?? 'GET'} ${pathname}${search}`);
    const target = offline ? url.replace(hub.url, closedUrl) : url;
    if (loseResponse && init?.method === 'POST') {
      loseResponse = false;
      await fetch(target, init);
      throw new TypeError('fetch failed (response lost)');
    }
    return fetch(target, init);
  };
  const engine = new SyncEngine({
    db,
    tokens,
    fetch: fetchImpl,
    timeoutMs: 5_000,
    // Fast, deterministic retries so tests do not wait minutes.
    random: () => 0,
    backoff: { baseMs: 60_000, maxMs: 600_000 },
    streamBackoff: { baseMs: 200, maxMs: 1_000 },
    onNewTips: (tips) => newTips.push(...tips),
    ...opts,
  });
  engines.push(engine);
  return {
    engine,
    db,
    tokens,
    requests,
    newTips,
    setOffline: (o) => {
      offline = o;
    },
    loseNextPostResponse: () => {
      loseResponse = true;
    },
  };
}

function agent(i = 0) {
  const a = demo.agents[i];
  if (!a) throw new Error(`demo agent ${i} missing`);
  return a;
}

async function signedIn(i = 0): Promise<Harness> {
  const h = harness();
  const result = await h.engine.signIn({ hubUrl: hub.url, token: agent(i).token });
  expect(result).toMatchObject({ ok: true, user: { id: agent(i).id, role: 'agent' } });
  return h;
}

async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function postTip(text: string, agentId = agent(0).id): Promise<{ id: string }> {
  return api<{ id: string }>(demo.lead.token, '/api/v1/tips', { method: 'POST', body: { agentId, text } });
}

describe('sign-in', () => {
  test('with a token: session in meta, token in the token store (not in IndexedDB), everything synced', async () => {
    const h = await signedIn();
    const session = await h.db.getMeta('session');
    expect(session).toMatchObject({
      hubUrl: hub.url,
      user: { id: agent().id, name: agent().name, teamId: demo.teamId },
    });
    expect(await h.tokens.get()).toBe(agent().token);
    const everything = JSON.stringify(await Promise.all(h.db.tables.map((t) => t.toArray())));
    expect(everything).not.toContain(agent().token);

    const status = await h.db.getMeta('status');
    expect(status).toMatchObject({ state: 'online', lastError: null, nextRetryAt: null });
    expect(Date.parse(status?.lastSyncedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);

    for (const window of ['7d', '30d', '90d'] as const) {
      const fromHub = await api<{ kpis: { key: string; value: number | null; n: number }[] }>(
        agent().token,
        `/api/v1/me/kpis?window=${window}`,
      );
      const local = await h.db.kpiSnapshots.get(window);
      expect(local?.kpis.map((k) => [k.key, k.value, k.n])).toEqual(fromHub.kpis.map((k) => [k.key, k.value, k.n]));
    }
    const hubFeedback = await allFeedback(agent().token);
    expect(hubFeedback.length).toBeGreaterThan(0);
    expect((await h.db.feedback.toCollection().primaryKeys()).sort()).toEqual(hubFeedback.map((f) => f.id).sort());
    expect(await h.db.tips.count()).toBeGreaterThan(0);
    expect(await h.db.libraries.get('team')).toBeDefined();
    expect((await h.db.getMeta('cursor:feedback'))?.value).toBeTruthy();
    expect((await h.db.getMeta('cursor:tips'))?.value).toBeTruthy();
    // Historical tips on the first sync are not announced as new.
    expect(h.newTips).toEqual([]);
  });

  test.each([
    ['a wrong token', () => ({ hubUrl: hub.url, token: 'not-a-token' }), /401/],
    ['an empty token', () => ({ hubUrl: hub.url, token: '  ' }), /token/i],
    ['a malformed URL', () => ({ hubUrl: 'hub.example', token: 'x' }), /not a valid hub URL/],
    ['a hub that is down', () => ({ hubUrl: closedUrl, token: agent().token }), /Could not reach the hub/],
    ['a wrong pairing code', () => ({ hubUrl: hub.url, pairingCode: 'ZZZZ-0000' }), /4\d\d/],
  ])('with %s fails with a clear error and stores nothing', async (_name, req, message) => {
    const h = harness();
    const result = await h.engine.signIn(req());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
    expect(await h.db.getMeta('session')).toBeUndefined();
    expect(await h.tokens.get()).toBeNull();
  });

  test('with a pairing code from the lead', async () => {
    const { code } = await api<{ code: string }>(demo.lead.token, '/api/v1/team/pairing-codes', {
      method: 'POST',
      body: { agentId: agent(1).id },
    });
    const h = harness();
    const result = await h.engine.signIn({ hubUrl: hub.url, pairingCode: code });
    expect(result).toMatchObject({ ok: true, user: { id: agent(1).id } });
    expect(await h.tokens.get()).toBeTruthy();
    expect(await h.db.feedback.count()).toBeGreaterThan(0);
  });

  test('without waiting for the first sync: answers once the hub accepted the agent, data follows', async () => {
    const h = harness();
    const result = await h.engine.signIn({ hubUrl: hub.url, token: agent().token }, { awaitFirstSync: false });
    expect(result).toMatchObject({ ok: true, user: { id: agent().id } });
    expect(await h.db.getMeta('session')).toMatchObject({ user: { id: agent().id } });
    await waitFor(async () => (await h.db.getMeta('status'))?.state === 'online');
    expect(await h.db.feedback.count()).toBe((await allFeedback(agent().token)).length);
  });

  test('sign-out wipes every table and the token', async () => {
    const h = await signedIn();
    await h.engine.recordUsage('p1', 'shown');
    await h.engine.signOut();
    expect(await h.tokens.get()).toBeNull();
    for (const t of h.db.tables) {
      const rows = await t.toArray();
      expect(rows, t.name).toEqual(
        t.name === 'meta' ? [expect.objectContaining({ key: 'status', state: 'signed-out' })] : [],
      );
    }
    expect(await h.engine.syncNow()).toMatchObject({ ok: false });
  });

  test('signing in as someone else first wipes the previous account', async () => {
    const h = await signedIn(0);
    const before = new Set(await h.db.feedback.toCollection().primaryKeys());
    expect((await h.engine.signIn({ hubUrl: hub.url, token: agent(1).token })).ok).toBe(true);
    const after = await h.db.feedback.toCollection().primaryKeys();
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((id) => before.has(id))).toEqual([]);
  });
});

describe('delta sync', () => {
  test('a second sync asks from the cursors and receives nothing already known', async () => {
    const h = await signedIn();
    const cursor = (await h.db.getMeta('cursor:feedback'))?.value;
    h.requests.length = 0;
    expect(await h.engine.syncNow()).toEqual({ ok: true });
    const feedbackCalls = h.requests.filter((r) => r.includes('/me/feedback'));
    expect(feedbackCalls).toEqual([`GET /api/v1/me/feedback?limit=500&cursor=${cursor}`]);
    expect(h.requests.filter((r) => r.includes('/me/kpis')).sort()).toEqual(
      ['7d', '30d', '90d'].map((w) => `GET /api/v1/me/kpis?window=${w}`).sort(),
    );
  });

  test('new feedback and a new tip arrive in the next sync; the tip is announced', async () => {
    const h = await signedIn();
    const count = await h.db.feedback.count();
    const externalId = `unit-${crypto.randomUUID()}`;
    const created = await api<{ id: string }>(demo.integrationToken, '/api/v1/feedback', {
      method: 'POST',
      body: {
        externalId,
        contactId: `contact-${externalId}`,
        agent: { id: agent().id },
        channel: 'chat',
        answeredAt: new Date().toISOString(),
        empathy: 5,
        comment: 'You really listened.',
      },
    });
    const tip = await postTip('Try summarising the customer’s problem in one sentence.');
    expect(await h.engine.syncNow()).toEqual({ ok: true });
    expect(await h.db.feedback.count()).toBe(count + 1);
    expect(await h.db.feedback.get(created.id)).toMatchObject({
      externalId,
      empathy: 5,
      comment: 'You really listened.',
    });
    expect(await h.db.tips.get(tip.id)).toMatchObject({ readAt: null, ack: null });
    expect(h.newTips.map((t) => t.id)).toEqual([tip.id]);
    expect(await h.engine.unreadTipCount()).toBeGreaterThan(0);
    await h.engine.markTipsRead([tip.id]);
    expect((await h.db.tips.get(tip.id))?.readAt).toBeTruthy();
  });

  test.each([
    ['at the next delta sync (the hub lists it as removed), with no reconcile due', Number.MAX_SAFE_INTEGER],
    ['at the next reconcile', 0],
  ])('an answer re-attributed to a colleague leaves this agent’s device %s', async (_how, reconcileEveryMs) => {
    const h = harness({ reconcileEveryMs });
    expect((await h.engine.signIn({ hubUrl: hub.url, token: agent().token })).ok).toBe(true);
    const contactId = `reattr-${crypto.randomUUID()}`;
    const answeredAt = new Date().toISOString();
    const { id } = await api<{ id: string }>(demo.integrationToken, '/api/v1/feedback', {
      method: 'POST',
      body: {
        externalId: `${contactId}-survey`,
        contactId,
        agent: { id: agent().id },
        channel: 'email',
        answeredAt,
        csat: 2,
      },
    });
    await h.engine.syncNow();
    expect(await h.db.feedback.get(id)).toBeDefined();
    // The helpdesk reports late that a colleague wrote the last reply before the answer: the answer is theirs.
    await api(demo.integrationToken, '/api/v1/events', {
      method: 'POST',
      body: {
        externalId: `${contactId}-reply`,
        contactId,
        type: 'agent_reply',
        at: new Date(Date.parse(answeredAt) - 60_000).toISOString(),
        agent: { id: agent(1).id },
        channel: 'email',
      },
    });
    expect((await allFeedback(agent(1).token)).some((f) => f.id === id)).toBe(true);
    expect(await h.engine.syncNow()).toEqual({ ok: true });
    expect(await h.db.feedback.get(id)).toBeUndefined();
    expect(await h.db.feedback.count()).toBe((await allFeedback(agent().token)).length);
  });

  test('small pages: the engine follows the cursor until a short page', async () => {
    const h = harness({ feedbackPageSize: 25 });
    expect((await h.engine.signIn({ hubUrl: hub.url, token: agent().token })).ok).toBe(true);
    const hubFeedback = await allFeedback(agent().token);
    expect(await h.db.feedback.count()).toBe(hubFeedback.length);
    const pages = h.requests.filter((r) => r.includes('/me/feedback')).length;
    expect(pages).toBe(Math.floor(hubFeedback.length / 25) + 1);
  });

  test('a lead also gets the team caches; an agent gets none and a team refresh says 403', async () => {
    const lead = harness();
    expect((await lead.engine.signIn({ hubUrl: hub.url, token: demo.lead.token })).ok).toBe(true);
    const keys = (await lead.db.team.toCollection().primaryKeys()).sort();
    expect(keys).toEqual(['kpis:30d', 'members', 'pulse', 'requests', 'targets', 'tips']);
    const members = (await lead.db.team.get('members'))?.data;
    expect(JSON.stringify(members)).toContain(agent().id);

    const h = await signedIn();
    expect(await h.db.team.count()).toBe(0);
    const refresh = await h.engine.refreshTeam();
    expect(refresh.ok).toBe(false);
    if (!refresh.ok) expect(refresh.error).toMatch(/403/);
  });
});

describe('outbox', () => {
  test('actions taken offline are kept, then delivered exactly once when the hub is back', async () => {
    const h = await signedIn();
    const tip = await postTip('Acknowledge the feeling before the fix.');
    await h.engine.syncNow();
    const [feedback] = await h.db.feedback.orderBy('answeredAt').reverse().limit(1).toArray();
    if (!feedback) throw new Error('no feedback synced');

    h.setOffline(true);
    await h.engine.ackTip(tip.id, 'Will do', true);
    await h.engine.setFeedbackState(feedback.id, { reviewed: true });
    await h.engine.setFeedbackState(feedback.id, { note: 'I rushed this one.' });
    await h.engine.askLead(feedback.id, 'How would you have phrased the refund?');
    await h.engine.setPulse('2026-11-20', 4);
    await waitFor(async () => (await h.db.getMeta('status'))?.state === 'offline');

    // Local state shows the actions at once; the outbox holds them with their failures recorded.
    expect((await h.db.tips.get(tip.id))?.ack).toMatchObject({ comment: 'Will do', useful: true });
    expect(await h.db.feedback.get(feedback.id)).toMatchObject({ reviewed: true, note: 'I rushed this one.' });
    const queued = await h.db.outbox.toArray();
    expect(queued.map((e) => e.kind)).toEqual(['tip:ack', 'feedback:state', 'feedback:state', 'request', 'pulse']);
    expect(new Set(queued.map((e) => e.idempotencyKey)).size).toBe(5);
    await waitFor(async () => ((await h.db.outbox.toCollection().first())?.attempts ?? 0) >= 1);
    expect((await h.db.outbox.toCollection().first())?.lastError).toMatch(/Could not reach the hub/);
    const status = await h.db.getMeta('status');
    expect(status?.nextRetryAt).toBeTruthy();

    // A sync while offline fails again and keeps everything, including the optimistic local state.
    expect((await h.engine.syncNow()).ok).toBe(false);
    expect(await h.db.outbox.count()).toBe(5);
    expect((await h.db.tips.get(tip.id))?.ack).not.toBeNull();

    h.setOffline(false);
    h.loseNextPostResponse(); // the first delivery reaches the hub but its answer is lost: retried with the same key
    expect((await h.engine.syncNow()).ok).toBe(false);
    expect(await h.db.outbox.count()).toBe(5);
    expect(await h.engine.syncNow()).toEqual({ ok: true });
    expect(await h.db.outbox.count()).toBe(0);

    const teamTips = await api<{
      items: { id: string; acks: { agentId: string; comment: string; useful: boolean }[] }[];
    }>(demo.lead.token, '/api/v1/team/tips');
    const acks = teamTips.items.find((t) => t.id === tip.id)?.acks ?? [];
    expect(acks).toEqual([expect.objectContaining({ agentId: agent().id, comment: 'Will do', useful: true })]);
    const onHub = (await allFeedback(agent().token)).find((f) => f.id === feedback.id);
    expect(onHub).toMatchObject({ reviewed: true, note: 'I rushed this one.' });
    const requests = await api<{ items: { id: string; feedbackId: string; question: string }[] }>(
      agent().token,
      '/api/v1/me/requests',
    );
    const asked = requests.items.filter((r) => r.question === 'How would you have phrased the refund?');
    expect(asked).toHaveLength(1);
    // The local placeholder became the hub's request.
    expect((await h.db.requests.toArray()).filter((r) => r.question === asked[0]?.question).map((r) => r.id)).toEqual([
      asked[0]?.id,
    ]);
    // Pulled state agrees with what the agent did.
    expect((await h.db.tips.get(tip.id))?.ack).toMatchObject({ comment: 'Will do', useful: true });
    expect(await h.db.getMeta('status')).toMatchObject({ state: 'online', lastError: null, nextRetryAt: null });
  });

  test('an action the hub can never accept (404) is dropped with an error; later ones still go', async () => {
    const h = await signedIn();
    const tip = await postTip('Keep it short.');
    await h.engine.syncNow();
    h.setOffline(true);
    await h.engine.askLead('no-such-feedback', 'Is this mine?');
    await h.engine.ackTip(tip.id);
    h.setOffline(false);
    await h.engine.syncNow();
    expect(await h.db.outbox.count()).toBe(0);
    expect(await h.db.requests.filter((r) => r.feedbackId === 'no-such-feedback').count()).toBe(0);
    const teamTips = await api<{ items: { id: string; acks: unknown[] }[] }>(demo.lead.token, '/api/v1/team/tips');
    expect(teamTips.items.find((t) => t.id === tip.id)?.acks).toHaveLength(1);
  });

  test('reply flags stay on the device unless sharing is on, and never carry text', async () => {
    const h = await signedIn();
    const flags = {
      site: 'attune-demo',
      ticketId: 'T-1',
      channel: 'email' as const,
      behaviors: ['acknowledge' as const],
      sentAt: new Date().toISOString(),
    };
    await h.engine.recordReplySent(flags, false);
    await h.engine.flushOutbox();
    expect(h.requests.filter((r) => r.includes('reply-flags'))).toEqual([]);
    await h.engine.recordReplySent(flags, true);
    await waitFor(async () => (await h.db.outbox.count()) === 0 && h.requests.some((r) => r.includes('reply-flags')));
    expect(await h.db.replyFlags.count()).toBe(2);
  });
});

describe('failures', () => {
  test('consecutive failures back off further (with jitter bounds) and a success resets', async () => {
    const h = await signedIn();
    h.setOffline(true);
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = Date.now();
      expect((await h.engine.syncNow()).ok).toBe(false);
      const status = await h.db.getMeta('status');
      expect(status?.state).toBe('offline');
      waits.push(Date.parse(status?.nextRetryAt ?? '') - before);
    }
    // random() = 0: half the cap, cap doubling from 60 s.
    expect(waits.map((w) => Math.round(w / 1000))).toEqual([30, 60, 120]);
    h.setOffline(false);
    expect(await h.engine.syncNow()).toEqual({ ok: true });
    expect(await h.db.getMeta('status')).toMatchObject({ state: 'online', nextRetryAt: null, lastError: null });
  });

  test('a token the hub no longer accepts marks the session signed out with the reason', async () => {
    const h = await signedIn();
    await h.tokens.set('revoked');
    const fresh = new SyncEngine({ db: h.db, tokens: h.tokens, timeoutMs: 5_000 });
    engines.push(fresh);
    const result = await fresh.syncNow();
    expect(result.ok).toBe(false);
    expect(await h.db.getMeta('status')).toMatchObject({
      state: 'signed-out',
      lastError: expect.stringMatching(/401/),
    });
    // Cached data stays readable until the agent signs in again or out.
    expect(await h.db.feedback.count()).toBeGreaterThan(0);
  });
});

describe('live stream while a panel is open', () => {
  test('a lead’s new tip lands in IndexedDB without polling', async () => {
    const h = await signedIn(2);
    h.engine.panelOpened();
    expect(h.engine.streaming).toBe(true);
    // Wait until the stream is connected: its catch-up sync leaves the status online.
    await waitFor(async () => h.requests.includes('GET /api/v1/stream'));
    await new Promise((r) => setTimeout(r, 200));
    h.requests.length = 0;

    const started = performance.now();
    const tip = await postTip('Live: name the feeling you hear.', agent(2).id);
    await waitFor(() => h.db.tips.get(tip.id), 10_000);
    const ms = performance.now() - started;
    console.log(`[sync] tip POST -> in Dexie via the stream: ${ms.toFixed(0)} ms`);
    // It came through a tips pull triggered by the event, not a full sync.
    expect(h.requests.some((r) => r.startsWith('GET /api/v1/me/tips'))).toBe(true);
    expect(h.newTips.map((t) => t.id)).toContain(tip.id);

    h.engine.panelClosed();
    expect(h.engine.streaming).toBe(false);
  });

  test('the stream survives a hub outage: offline while down, catches up when back', async () => {
    const h = await signedIn(2);
    h.setOffline(true);
    h.engine.panelOpened();
    await waitFor(async () => (await h.db.getMeta('status'))?.state === 'offline');
    const tip = await postTip('Missed while offline.', agent(2).id);
    h.setOffline(false);
    await waitFor(() => h.db.tips.get(tip.id), 15_000);
    await waitFor(async () => (await h.db.getMeta('status'))?.state === 'online');
    h.engine.panelClosed();
  });
});

describe('concurrency', () => {
  test('concurrent sync requests share runs instead of multiplying hub calls', async () => {
    const h = await signedIn();
    h.requests.length = 0;
    const results = await Promise.all(Array.from({ length: 6 }, () => h.engine.syncNow()));
    expect(results.every((r) => r.ok)).toBe(true);
    // One run plus at most one follow-up run asked for while it was going.
    expect(h.requests.filter((r) => r.startsWith('GET /api/v1/me/kpis?window=30d')).length).toBeLessThanOrEqual(2);
  });

  test('sign-out while a response is in hand: nothing of the old session is written after the wipe', async () => {
    let signOutDuringPull = false;
    let engine: SyncEngine | null = null;
    // The feedback answer is fully received, then the agent signs out before the engine stores it.
    const racingFetch: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!signOutDuringPull || !String(input).includes('/api/v1/me/feedback')) return res;
      signOutDuringPull = false;
      const text = await res.text();
      await engine?.signOut();
      return new Response(text, { status: res.status, headers: res.headers });
    };
    const h = harness({ fetch: racingFetch });
    engine = h.engine;
    expect((await h.engine.signIn({ hubUrl: hub.url, token: agent().token })).ok).toBe(true);
    await h.db.feedback.clear();
    await h.db.meta.delete('cursor:feedback');
    signOutDuringPull = true;
    await h.engine.syncNow();
    expect(signOutDuringPull).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    for (const t of h.db.tables) if (t.name !== 'meta') expect(await t.count(), t.name).toBe(0);
    expect(await h.db.getMeta('status')).toMatchObject({ state: 'signed-out' });
  });

  test('a silent stream (no events, no heartbeats) is reopened', async () => {
    let opened = 0;
    const silentFetch: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/api/v1/stream')) {
        opened += 1;
        const signal = init?.signal;
        // Headers arrive, then nothing: a half-dead connection behind a proxy.
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
          },
        });
        return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
      }
      return fetch(input, init);
    };
    const h = harness({ fetch: silentFetch, streamSilenceMs: 150 });
    expect((await h.engine.signIn({ hubUrl: hub.url, token: agent().token })).ok).toBe(true);
    h.engine.panelOpened();
    await waitFor(async () => opened >= 3, 10_000);
    h.engine.panelClosed();
  });
});

describe('coach context', () => {
  test('merges the team library with favourites and counts usage', async () => {
    const h = await signedIn();
    await h.db.libraries.put({
      id: 'favourites',
      name: 'Mine',
      phrases: [{ id: 'fav-1', lang: 'en', kind: 'thanks', text: 'Thanks for your patience.' }],
      favourites: ['fav-1'],
    });
    await h.engine.recordUsage('fav-1', 'shown');
    await h.engine.recordUsage('fav-1', 'shown');
    await h.engine.recordUsage('fav-1', 'accepted');
    const ctx = await h.engine.coachContext(true);
    expect(ctx.enabled).toBe(true);
    expect(ctx.library?.phrases.map((p) => p.id)).toContain('fav-1');
    expect(ctx.library?.favourites).toContain('fav-1');
    expect(ctx.usage['fav-1']).toEqual({ shown: 2, accepted: 1, dismissed: 0 });
  });

  test('signed out with no libraries: no library, so the coach uses its built-in phrases', async () => {
    const h = harness();
    expect(await h.engine.coachContext(false)).toEqual({ enabled: false, library: null, usage: {} });
  });
});
