// KPI values end to end (ingest -> SQL -> API) and the fair-attribution rule with its edge cases, on PGlite
// and PostgreSQL. Expected values are worked out by hand in the comments from the events below.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, type World, answer, event, startWorld } from './_fixture';

type Kpi = {
  key: string;
  value: number | null;
  n: number;
  teamMedian: number | null;
  trend: { date: string; value: number | null }[];
  byChannel: Record<string, { value: number; n: number }>;
  byCaseType: Record<string, { value: number; n: number }>;
};

describe.each(BACKENDS)('KPIs and fair attribution on %s', (backend) => {
  let w: World;
  const ids: Record<string, string> = {};
  const kpis = async (token: string, window: string) => {
    const res = await w.call('GET', `/api/v1/me/kpis?window=${window}`, token);
    expect(res.status).toBe(200);
    return Object.fromEntries((res.body.kpis as Kpi[]).map((k) => [k.key, k]));
  };

  beforeAll(async () => {
    w = await startWorld(backend, 'kpis');
    const A1 = { email: w.agentA1.email };
    const A2 = { email: w.agentA2.email };
    const ev = (c: string, type: string, at: string, agent?: { email: string }, over: Record<string, unknown> = {}) =>
      event(c, type, `2026-06-${at}Z`, { ...(agent ? { agent } : {}), ...over });
    const events = [
      // c1: A1 answers first (10 min), A2 replies last before the answer and before resolving.
      ev('c1', 'created', '14T09:00:00'),
      ev('c1', 'agent_reply', '14T09:10:00', A1),
      ev('c1', 'customer_reply', '14T09:20:00'),
      ev('c1', 'agent_reply', '14T09:40:00', A2),
      ev('c1', 'resolved', '14T09:50:00', A1),
      ev('c1', 'agent_reply', '14T11:00:00', A1), // after the answer: does not count for it
      // c3: A1, 30 min, resolved, reopened the next day (within 7 days).
      ev('c3', 'created', '13T08:00:00'),
      ev('c3', 'agent_reply', '13T08:30:00', A1),
      ev('c3', 'resolved', '13T09:00:00', A1),
      ev('c3', 'reopened', '14T09:00:00'),
      // c4: A1, 20 min, resolved, never reopened.
      ev('c4', 'created', '12T10:00:00'),
      ev('c4', 'agent_reply', '12T10:20:00', A1),
      ev('c4', 'resolved', '12T11:00:00', A1),
      // c5 (email, only in the 30-day window): 60 min, reopened after 11 days (not within 7).
      ev('c5', 'created', '01T10:00:00', undefined, { channel: 'email' }),
      ev('c5', 'agent_reply', '01T11:00:00', A1, { channel: 'email' }),
      ev('c5', 'resolved', '01T12:00:00', A1, { channel: 'email' }),
      ev('c5', 'reopened', '12T12:00:00', undefined, { channel: 'email' }),
      // c6: two replies at the same instant: the greater externalId is "last" (A1), the smaller "first" (A2).
      ev('c6', 'created', '14T08:00:00'),
      { ...ev('c6', 'agent_reply', '14T08:05:00', A1), externalId: `z-c6-${backend}` },
      { ...ev('c6', 'agent_reply', '14T08:05:00', A2), externalId: `a-c6-${backend}` },
    ];
    const e = await w.call('POST', '/api/v1/events', w.ingestA, events);
    expect(e.status).toBe(201);
    const post = async (key: string, body: Record<string, unknown>) => {
      const r = await w.call('POST', '/api/v1/feedback', w.ingestA, body);
      expect(r.status).toBe(201);
      ids[key] = r.body.id;
    };
    // The source names A1 for c1, but A2 wrote the last reply before the answer.
    await post(
      'c1',
      answer(A1.email, { contactId: 'c1', answeredAt: '2026-06-14T10:00:00Z', empathy: 2, csat: 2, nps: 3 }),
    );
    // No reply seen: the agent the source names.
    await post(
      'c2',
      answer(A1.email, { contactId: 'c2', answeredAt: '2026-06-14T12:00:00Z', empathy: 5, csat: 5, nps: 10 }),
    );
    await post(
      'c6',
      answer(A2.email, {
        contactId: 'c6',
        answeredAt: '2026-06-14T09:00:00Z',
        empathy: 4,
        csat: 4,
        nps: 7,
        channel: 'chat',
        caseType: 'delivery',
      }),
    );
    // c7: the answer arrives before the helpdesk events; A1 even writes a note on it meanwhile.
    await post(
      'c7',
      answer(A1.email, { contactId: 'c7', answeredAt: '2026-06-14T15:00:00Z', empathy: 3, csat: 1, nps: 8 }),
    );
    await w.call('POST', `/api/v1/me/feedback/${ids.c7}/state`, w.agentA1.token, {
      reviewed: true,
      note: 'A1 private',
    });
    const late = await w.call('POST', '/api/v1/events', w.ingestA, [
      ev('c7', 'created', '14T14:00:00'),
      ev('c7', 'agent_reply', '14T14:30:00', A2),
    ]);
    expect(late.status).toBe(201);
  });
  afterAll(async () => {
    await w?.close();
  });

  it('attributes each answer to the last replier before it, else to the named agent', async () => {
    const rows = await w.hub.db.query<{ id: string; agent_id: string; attribution: string }>(
      'SELECT id, agent_id, attribution FROM feedback',
    );
    const by = Object.fromEntries(rows.map((r) => [r.id, [r.agent_id, r.attribution]]));
    expect(by[ids.c1 as string]).toEqual([w.agentA2.id, 'last_reply']);
    expect(by[ids.c2 as string]).toEqual([w.agentA1.id, 'source']);
    expect(by[ids.c6 as string]).toEqual([w.agentA1.id, 'last_reply']);
    expect(by[ids.c7 as string]).toEqual([w.agentA2.id, 'last_reply']);
  });

  it('moves a re-attributed answer to the new agent’s sync without the old agent’s private state', async () => {
    const a2 = await w.call('GET', '/api/v1/me/feedback?limit=1000', w.agentA2.token);
    const item = a2.body.items.find((i: { id: string }) => i.id === ids.c7);
    expect(item).toMatchObject({ reviewed: false, note: null });
    const a1 = await w.call('GET', '/api/v1/me/feedback?limit=1000', w.agentA1.token);
    expect(a1.body.items.map((i: { id: string }) => i.id).sort()).toEqual([ids.c2, ids.c6].sort());
    // A1's device had synced c7 before it moved: the delta sync tells it to drop its copy.
    expect(a1.body.removed).toEqual([ids.c7]);
    expect(a2.body.removed).toEqual([]);
  });

  it('computes survey KPIs from attributed answers (7 days)', async () => {
    const a1 = await kpis(w.agentA1.token, '7d');
    // A1: c2 (empathy 5, csat 5, nps 10) and c6 (4, 4, 7).
    expect(a1.empathy).toMatchObject({ value: 4.5, n: 2 });
    expect(a1.clarity).toMatchObject({ value: 4, n: 2 });
    expect(a1.csat).toMatchObject({ value: 100, n: 2 });
    expect(a1.nps).toMatchObject({ value: 50, n: 2 }); // one promoter, one passive
    const a2 = await kpis(w.agentA2.token, '7d');
    // A2: c1 (2, 2, nps 3) and c7 (3, 1, nps 8).
    expect(a2.empathy).toMatchObject({ value: 2.5, n: 2 });
    expect(a2.csat).toMatchObject({ value: 0, n: 2 });
    expect(a2.nps).toMatchObject({ value: -50, n: 2 });
    // Two agents: a team median would be the colleague's own figure, so there is none (server/privacy.ts;
    // tests/hub/privacy.test.ts shows it with five agents).
    expect(a1.empathy?.teamMedian).toBeNull();
    expect(a2.empathy?.teamMedian).toBeNull();
  });

  it('computes contact KPIs: first response, fcr, reopen rate, volume', async () => {
    const a1 = await kpis(w.agentA1.token, '7d');
    expect(a1.first_response).toMatchObject({ value: 20, n: 3 }); // c1 10, c3 30, c4 20
    expect(a1.fcr).toMatchObject({ value: 50, n: 2 }); // c3 reopened within 7 days, c4 not (c1 is A2's)
    expect(a1.reopen_rate).toMatchObject({ value: 50, n: 2 });
    expect(a1.volume).toMatchObject({ value: 4, n: 4 }); // c1, c3, c4, c6
    const a2 = await kpis(w.agentA2.token, '7d');
    expect(a2.first_response).toMatchObject({ value: 18, n: 2 }); // c6 5, c7 30 -> 17.5
    expect(a2.fcr).toMatchObject({ value: 100, n: 1 }); // c1: last reply before resolve was A2's
    expect(a2.volume).toMatchObject({ value: 3, n: 3 });

    const a1m = await kpis(w.agentA1.token, '30d');
    expect(a1m.first_response).toMatchObject({ value: 25, n: 4 }); // + c5 60
    expect(a1m.first_response?.byChannel).toEqual({ chat: { value: 20, n: 3 }, email: { value: 60, n: 1 } });
    expect(a1m.reopen_rate).toMatchObject({ value: 67, n: 3 }); // c3, c5 of c3, c4, c5
    expect(a1m.fcr).toMatchObject({ value: 67, n: 3 }); // only c3 within 7 days
  });

  it('splits by case type and gives a daily trend over the whole window', async () => {
    const a1 = await kpis(w.agentA1.token, '7d');
    expect(a1.empathy?.byCaseType).toEqual({ billing: { value: 5, n: 1 }, delivery: { value: 4, n: 1 } });
    expect(a1.empathy?.trend).toHaveLength(7);
    expect(a1.empathy?.trend.at(-1)).toEqual({ date: '2026-06-15', value: null });
    expect(a1.empathy?.trend.find((d) => d.date === '2026-06-14')).toEqual({ date: '2026-06-14', value: 4.5 });
    const q = await kpis(w.agentA1.token, '90d');
    expect(q.empathy?.trend).toHaveLength(90);
  });

  it('orders KPIs inside ring first and honours a team’s ring overrides', async () => {
    const res = await w.call('GET', '/api/v1/me/kpis', w.agentA1.token);
    expect(res.body.window).toBe('30d');
    expect(res.body.kpis.map((k: { influence: string }) => k.influence)).toEqual([
      'inside',
      'inside',
      'inside',
      'inside',
      'edge',
      'edge',
      'edge',
      'outside',
    ]);
    await w.hub.db.query(`UPDATE teams SET rings = '{"nps": "inside", "volume": "bogus"}' WHERE id = $1`, [w.teamA]);
    const after = await w.call('GET', '/api/v1/me/kpis', w.agentA1.token);
    const nps = after.body.kpis.findIndex((k: { key: string }) => k.key === 'nps');
    expect(after.body.kpis[nps].influence).toBe('inside');
    expect(nps).toBeLessThan(5);
    expect(after.body.kpis.find((k: { key: string }) => k.key === 'volume').influence).toBe('outside');
    await w.hub.db.query(`UPDATE teams SET rings = '{}' WHERE id = $1`, [w.teamA]);
  });

  it('gives leads the team and every agent; an empty agent has nulls, not zeros', async () => {
    const res = await w.call('GET', '/api/v1/team/kpis?window=7d', w.leadA.token);
    expect(res.body.window).toBe('7d');
    const team = Object.fromEntries(res.body.team.map((k: Kpi) => [k.key, k]));
    expect(team.empathy).toMatchObject({ value: 3.5, n: 4 }); // (5 + 4 + 2 + 3) / 4
    expect(res.body.agents.map((a: { name: string }) => a.name)).toEqual(['Agent A1', 'Agent A2']);
    const b = await w.call('GET', '/api/v1/team/kpis?window=7d', w.leadB.token);
    const empty = b.body.agents[0].kpis.find((k: Kpi) => k.key === 'empathy');
    expect(empty).toMatchObject({ value: null, n: 0, teamMedian: null });
    expect((await w.call('GET', '/api/v1/me/kpis?window=1y', w.agentA1.token)).status).toBe(400);
  });

  it('keeps the daily rollup equal to a full recomputation from the answers', async () => {
    const cols = `empathy_sum::int AS es, empathy_n::int AS en, clarity_sum::int AS cs, clarity_n::int AS cn,
      csat_good::int AS good, csat_n::int AS csn, nps_pro::int AS pro, nps_det::int AS det, nps_n::int AS nn`;
    const rollup = await w.hub.db.query(
      `SELECT agent_id, day::text AS day, channel, case_type, ${cols} FROM answer_daily ORDER BY 1, 2, 3, 4`,
    );
    const fresh = await w.hub.db.query(
      `SELECT agent_id, day, channel, case_type, ${cols} FROM (
         SELECT agent_id, (answered_at AT TIME ZONE 'UTC')::date::text AS day, channel,
           coalesce(case_type, '') AS case_type, coalesce(sum(empathy), 0) AS empathy_sum, count(empathy) AS empathy_n,
           coalesce(sum(clarity), 0) AS clarity_sum, count(clarity) AS clarity_n,
           count(*) FILTER (WHERE csat >= 4) AS csat_good, count(csat) AS csat_n,
           count(*) FILTER (WHERE nps >= 9) AS nps_pro, count(*) FILTER (WHERE nps <= 6) AS nps_det, count(nps) AS nps_n
         FROM feedback GROUP BY 1, 2, 3, 4) x ORDER BY 1, 2, 3, 4`,
    );
    expect(rollup.length).toBeGreaterThan(0);
    expect(rollup).toEqual(fresh);
  });

  it('is idempotent: replaying the same events and answers changes no KPI', async () => {
    const before = await kpis(w.agentA1.token, '30d');
    const replay = await w.call('POST', '/api/v1/events', w.ingestA, [
      event('c4', 'reopened', '2026-06-13T00:00:00Z', { externalId: `dup-${backend}` }),
    ]);
    expect(replay.status).toBe(201);
    const again = await w.call('POST', '/api/v1/events', w.ingestA, [
      event('c4', 'reopened', '2026-06-13T00:00:00Z', { externalId: `dup-${backend}` }),
    ]);
    expect(again.status).toBe(200);
    expect(again.body.duplicates).toBe(1);
    const after = await kpis(w.agentA1.token, '30d');
    // c4 is now reopened within 7 days once, whatever the number of replays.
    expect(after.fcr?.value).toBe(33);
    expect(before.fcr?.value).toBe(67);
  });
});
