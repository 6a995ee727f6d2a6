// Privacy by construction, on PGlite and PostgreSQL: a lead's pairing code never gives access to the agent's
// private notes and pulse; pulse aggregates count agents only (never the lead, never the viewer), at least
// five of them, and a published day never changes, so the differencing attacks below learn nothing; a team
// median needs five agents with a value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, createUser } from '../../server/admin';
import { BACKENDS, type Person, type World, answer, startWorld } from './_fixture';

describe.each(BACKENDS)('privacy thresholds on %s', (backend) => {
  let w: World;
  const extra: Person[] = [];

  beforeAll(async () => {
    w = await startWorld(backend, 'privacy');
    for (let i = 0; i < 5; i++) {
      const name = `Pulse ${i}`;
      const email = `pulse${i}@example.test`;
      const u = await createUser(w.hub.db, { name, email, role: 'agent', teamId: w.teamA });
      extra.push({ id: u.id, name, email, token: await createToken(w.hub.db, { userId: u.id }) });
    }
  });
  afterAll(async () => {
    await w?.close();
  });

  const at = (iso: string) => {
    w.clock.now = new Date(iso);
  };
  const pulse = (token: string, date: string, mood: number) =>
    w.call('POST', '/api/v1/me/pulse', token, { date, mood });
  const published = async (date: string) => {
    const r = await w.call('GET', '/api/v1/team/pulse', w.leadA.token);
    expect(r.status).toBe(200);
    return (r.body.items as { date: string }[]).find((i) => i.date === date) ?? null;
  };

  it("a lead's pairing code pairs a session that cannot read or write the agent's notes or pulse", async () => {
    const fb = await w.call('POST', '/api/v1/feedback', w.ingestA, answer(w.agentA2.email));
    // The agent writes a private note from their own session.
    const own = await w.call('POST', `/api/v1/me/feedback/${fb.body.id}/state`, w.agentA2.token, {
      note: 'my private reflection',
    });
    expect(own.body.note).toBe('my private reflection');

    const code = await w.call('POST', '/api/v1/team/pairing-codes', w.leadA.token, { agentId: w.agentA2.id });
    const paired = await w.call('POST', '/api/v1/pair', null, { code: code.body.code });
    expect(paired.status).toBe(200);
    expect(paired.body.privateAccess).toBe(false);
    const leadSession = paired.body.token as string;
    expect((await w.call('GET', '/api/v1/me', leadSession)).body.privateAccess).toBe(false);

    const feed = await w.call('GET', '/api/v1/me/feedback?limit=1000', leadSession);
    const item = feed.body.items.find((i: { id: string }) => i.id === fb.body.id);
    expect(item).toMatchObject({ id: fb.body.id, note: null });
    expect(JSON.stringify(feed.body)).not.toContain('my private reflection');
    const overwrite = await w.call('POST', `/api/v1/me/feedback/${fb.body.id}/state`, leadSession, { note: 'x' });
    expect(overwrite.status).toBe(403);
    at('2026-06-15T12:00:00Z');
    expect((await pulse(leadSession, '2026-06-15', 1)).status).toBe(403);
    // Nor can it mint itself a full-access code.
    expect((await w.call('POST', '/api/v1/me/pairing-codes', leadSession)).status).toBe(403);

    // The agent's own session pairs a second device of theirs with full access.
    const mine = await w.call('POST', '/api/v1/me/pairing-codes', w.agentA2.token);
    expect(mine.status).toBe(201);
    const device = await w.call('POST', '/api/v1/pair', null, { code: mine.body.code });
    expect(device.body.privateAccess).toBe(true);
    const feed2 = await w.call('GET', '/api/v1/me/feedback?limit=1000', device.body.token);
    expect(feed2.body.items.find((i: { id: string }) => i.id === fb.body.id).note).toBe('my private reflection');
  });

  it("the lead's own pulse never counts toward the 5, and an open day is not published", async () => {
    at('2026-06-01T12:00:00Z');
    for (const [i, p] of extra.slice(0, 4).entries())
      expect((await pulse(p.token, '2026-06-01', i + 1)).status).toBe(200);
    expect((await pulse(w.leadA.token, '2026-06-01', 5)).status).toBe(200);
    // Same day: nothing is published while the day is open for answers.
    expect(await published('2026-06-01')).toBeNull();
    at('2026-06-05T12:00:00Z');
    // Four agents + the lead: still suppressed.
    expect(await published('2026-06-01')).toEqual({ date: '2026-06-01', suppressed: true });
  });

  it('differencing attack: a sixth answer after a publication cannot change the published figure', async () => {
    at('2026-06-02T08:00:00Z');
    for (const p of extra) expect((await pulse(p.token, '2026-06-02', 3)).status).toBe(200);
    // Attack 1: read n=5, let one more person answer, read n=6 and subtract. The day is not published yet...
    expect(await published('2026-06-02')).toBeNull();
    expect((await pulse(w.agentA1.token, '2026-06-02', 1)).status).toBe(200);
    expect(await published('2026-06-02')).toBeNull();
    // ...and once it is, it holds all six at once.
    at('2026-06-04T12:00:00Z');
    const first = await published('2026-06-02');
    expect(first).toEqual({ date: '2026-06-02', n: 6, mean: 2.7 });
    // Attack 2: after publication, someone changes or adds an answer for that day and the lead re-reads.
    expect((await pulse(w.agentA2.token, '2026-06-02', 5)).status).toBe(400);
    expect((await pulse(w.agentA1.token, '2026-06-02', 5)).status).toBe(400);
    expect(await published('2026-06-02')).toEqual(first);
  });

  it('a team median appears only when at least 5 agents have a value', async () => {
    at('2026-06-15T12:00:00Z');
    const kpi = async (token: string) => {
      const r = await w.call('GET', '/api/v1/me/kpis?window=7d', token);
      return (r.body.kpis as { key: string; teamMedian: number | null }[]).find((k) => k.key === 'csat');
    };
    // Team B: one agent with csat answers. Its "median" would be that agent's own figure.
    await w.call('POST', '/api/v1/feedback', w.ingestB, answer(w.agentB1.email, { csat: 2 }));
    const b = await w.call('GET', '/api/v1/me/kpis?window=7d', w.agentB1.token);
    expect(b.status).toBe(200);
    // Medians are cached for a few seconds: poll until the fresh figure is served.
    await expect.poll(async () => (await kpi(w.agentB1.token))?.teamMedian, { timeout: 30_000 }).toBeNull();
    // Team A: five agents with csat values -> a median.
    for (const p of extra) await w.call('POST', '/api/v1/feedback', w.ingestA, answer(p.email, { csat: 5 }));
    await w.hub.kpis.warmAll();
    await expect.poll(async () => (await kpi(extra[0]?.token as string))?.teamMedian, { timeout: 30_000 }).toBe(100);
  });
});
