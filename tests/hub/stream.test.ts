// Realtime push over /api/v1/stream: the right events reach the right people, in-process on both databases,
// and across two hub processes sharing one PostgreSQL (LISTEN/NOTIFY).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createToken, createUser } from '../../server/admin';
import { openHub } from '../../server/app';
import {
  BACKENDS,
  PG_URL,
  type World,
  answer,
  dropSchema,
  freshSchema,
  openStream,
  spawnHub,
  startWorld,
} from './_fixture';

describe.each(BACKENDS)('event stream on %s', (backend) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(backend, 'stream');
  });
  afterAll(async () => {
    await w?.close();
  });

  it('needs a user token and speaks SSE with a retry hint', async () => {
    expect((await w.call('GET', '/api/v1/stream', null)).status).toBe(401);
    expect((await w.call('GET', '/api/v1/stream', w.ingestA)).status).toBe(403);
    const res = await fetch(`${w.url}/api/v1/stream`, { headers: { Authorization: `Bearer ${w.agentA1.token}` } });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body?.getReader();
    const first = new TextDecoder().decode((await reader?.read())?.value);
    expect(first).toMatch(/^retry: \d+/m);
    await reader?.cancel();
  });

  it('pushes a personal tip to its agent only, a team tip to the team, and acks to the lead', async () => {
    const a1 = await openStream(w.url, w.agentA1.token);
    const a2 = await openStream(w.url, w.agentA2.token);
    const b1 = await openStream(w.url, w.agentB1.token);
    const lead = await openStream(w.url, w.leadA.token);
    try {
      const personal = await w.call('POST', '/api/v1/tips', w.leadA.token, { agentId: w.agentA1.id, text: 'Personal' });
      const got = await a1.waitFor((e) => e.event === 'tip' && JSON.parse(e.data).id === personal.body.id);
      expect(JSON.parse(got.data)).toMatchObject({ text: 'Personal', agentId: w.agentA1.id, ack: null });
      const team = await w.call('POST', '/api/v1/tips', w.leadA.token, { teamId: w.teamA, text: 'Team' });
      await a2.waitFor((e) => e.event === 'tip' && JSON.parse(e.data).id === team.body.id);
      await a1.waitFor((e) => e.event === 'tip' && JSON.parse(e.data).id === team.body.id);
      // A2 got the later team tip, so had the personal one been sent to A2 it would be there by now.
      expect(a2.events.filter((e) => e.event === 'tip').map((e) => JSON.parse(e.data).id)).toEqual([team.body.id]);
      await w.call('POST', `/api/v1/tips/${team.body.id}/ack`, w.agentA2.token, { useful: true });
      await lead.waitFor((e) => e.event === 'tip' && JSON.parse(e.data).id === team.body.id);
      // Another team hears nothing: send B's own tip and check it is the only one B saw.
      const own = await w.call('POST', '/api/v1/tips', w.leadB.token, { teamId: w.teamB, text: 'B' });
      await b1.waitFor((e) => e.event === 'tip');
      expect(b1.events.filter((e) => e.event === 'tip').map((e) => JSON.parse(e.data).id)).toEqual([own.body.id]);
    } finally {
      await Promise.all([a1.close(), a2.close(), b1.close(), lead.close()]);
    }
  });

  it('pushes feedback, kpis, library and request events', async () => {
    const a1 = await openStream(w.url, w.agentA1.token);
    const lead = await openStream(w.url, w.leadA.token);
    try {
      const fb = await w.call('POST', '/api/v1/feedback', w.ingestA, answer(w.agentA1.email));
      await a1.waitFor((e) => e.event === 'feedback');
      await a1.waitFor((e) => e.event === 'kpis');
      await w.call('PUT', '/api/v1/team/library', w.leadA.token, { id: 'l', name: 'L', phrases: [] });
      const lib = await a1.waitFor((e) => e.event === 'library');
      expect(JSON.parse(lib.data).version).toBeGreaterThan(0);
      const req = await w.call('POST', '/api/v1/me/requests', w.agentA1.token, {
        feedbackId: fb.body.id,
        question: 'Hm?',
      });
      const seen = await lead.waitFor((e) => e.event === 'request');
      expect(JSON.parse(seen.data)).toMatchObject({ id: req.body.id, agentId: w.agentA1.id, question: 'Hm?' });
      await w.call('POST', `/api/v1/team/requests/${req.body.id}/answer`, w.leadA.token, { answer: 'Yes.' });
      const answered = await a1.waitFor((e) => e.event === 'request' && JSON.parse(e.data).answer === 'Yes.');
      expect(JSON.parse(answered.data)).not.toHaveProperty('agentName');
    } finally {
      await Promise.all([a1.close(), lead.close()]);
    }
  });
});

describe('two hub processes on one PostgreSQL', () => {
  const schema = freshSchema('twoproc');
  let leadToken = '';
  let agentToken = '';
  let agentId = '';
  let hubs: Awaited<ReturnType<typeof spawnHub>>[] = [];

  beforeAll(async () => {
    const setup = await openHub({ databaseUrl: PG_URL, schema });
    const team = await createTeam(setup.db, 'Shared');
    const lead = await createUser(setup.db, { name: 'L', email: 'l@two.test', role: 'lead', teamId: team.id });
    const agent = await createUser(setup.db, { name: 'A', email: 'a@two.test', role: 'agent', teamId: team.id });
    leadToken = await createToken(setup.db, { userId: lead.id });
    agentToken = await createToken(setup.db, { userId: agent.id });
    agentId = agent.id;
    setup.realtime.stop();
    await setup.db.close();
    const env = { DATABASE_URL: PG_URL, ATTUNE_DB_SCHEMA: schema };
    hubs = await Promise.all([spawnHub([], env), spawnHub([], env)]);
  });
  afterAll(async () => {
    await Promise.all(hubs.map((h) => h.stop()));
    await dropSchema(schema);
  });

  it('delivers a tip created through process A to an agent streaming from process B', async () => {
    const [a, b] = hubs as [(typeof hubs)[number], (typeof hubs)[number]];
    expect(a.url).not.toBe(b.url);
    const stream = await openStream(b.url, agentToken);
    try {
      const res = await fetch(`${a.url}/api/v1/tips`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${leadToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ agentId, text: 'Across processes' }),
      });
      expect(res.status).toBe(201);
      const tip = (await res.json()) as { id: string };
      const got = await stream.waitFor((e) => e.event === 'tip');
      expect(JSON.parse(got.data)).toMatchObject({ id: tip.id, text: 'Across processes' });
    } finally {
      await stream.close();
    }
  });

  it('sends a heartbeat comment on an idle stream', async () => {
    const quick = await spawnHub([], {
      DATABASE_URL: PG_URL,
      ATTUNE_DB_SCHEMA: schema,
      ATTUNE_SSE_HEARTBEAT_MS: '200',
    });
    const ac = new AbortController();
    try {
      const res = await fetch(`${quick.url}/api/v1/stream`, {
        headers: { Authorization: `Bearer ${agentToken}` },
        signal: ac.signal,
      });
      const reader = res.body?.getReader();
      let text = '';
      while (!text.includes(': heartbeat')) text += new TextDecoder().decode((await reader?.read())?.value);
      expect(text).toMatch(/^: heartbeat$/m);
    } finally {
      ac.abort();
      await quick.stop();
    }
  });

  it('stops gracefully on SIGTERM', async () => {
    const extra = await spawnHub([], { DATABASE_URL: PG_URL, ATTUNE_DB_SCHEMA: schema });
    const stream = await openStream(extra.url, agentToken);
    expect(await extra.stop()).toBe(0);
    await stream.close();
  });
});
