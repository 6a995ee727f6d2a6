// Teams are sealed from each other, on PGlite and PostgreSQL. For every write path (feedback, batch, events,
// survey links, CSV import, the RT connector, pairing) a second team tries to read, overwrite, re-attribute
// or collide with the first team's data; each attempt fails or stays in its own team. Every read path of
// team A is then swept for team B's data, and the schema itself refuses a cross-team row.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntegration, createToken, createUser } from '../../server/admin';
import { syncRt } from '../../server/connectors/rt/sync';
import { exportTeamCsv } from '../../server/csv/export';
import { importFeedbackCsv } from '../../server/csv/import';
import { BUILTIN_MAPPINGS } from '../../server/csv/mappings';
import { BACKENDS, type World, answer, event, startWorld } from './_fixture';

const RT_URL = process.env.RT_URL ?? 'http://127.0.0.1:8085';
const RT_TOKEN_FILE = process.env.RT_TOKEN_FILE ?? '/var/lib/rt-up/root.token';
const SECRET_B = 'TEAM-B-PRIVATE-COMMENT';

describe.each(BACKENDS)('tenancy on %s', (backend) => {
  let w: World;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
  const items = (r: { body: any }) => r.body.items as Record<string, any>[];
  const feedbackOf = async (token: string) => items(await w.call('GET', '/api/v1/me/feedback?limit=1000', token));
  const row = async (id: string) =>
    (
      await w.hub.db.query<{ agent_id: string; team_id: string; attribution: string }>(
        'SELECT agent_id, team_id, attribution FROM feedback WHERE id = $1',
        [id],
      )
    )[0];

  beforeAll(async () => {
    w = await startWorld(backend, 'tenancy');
  });
  afterAll(async () => {
    await w?.close();
  });

  it('feedback: the same externalId from two teams is two answers, each in its own team', async () => {
    const a = await w.call('POST', '/api/v1/feedback', w.ingestA, answer(w.agentA1.email, { externalId: 'zd-1234' }));
    const b = await w.call(
      'POST',
      '/api/v1/feedback',
      w.ingestB,
      answer(w.agentB1.email, { externalId: 'zd-1234', comment: SECRET_B }),
    );
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).not.toBe(a.body.id);
    expect((await row(b.body.id))?.team_id).toBe(w.teamB);
    // A resend within a team is still a duplicate of that team's own row.
    const again = await w.call(
      'POST',
      '/api/v1/feedback',
      w.ingestB,
      answer(w.agentB1.email, { externalId: 'zd-1234' }),
    );
    expect(again.body).toEqual({ id: b.body.id, duplicate: true });
  });

  it("feedback: a team's token cannot name another team's agent, nor another team", async () => {
    const r = await w.call('POST', '/api/v1/feedback', w.ingestB, answer(w.agentA1.email));
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ path: 'agent', message: 'unknown agent' });
    const named = await w.call('POST', '/api/v1/feedback', w.ingestB, answer(w.agentB1.email), {
      'Attune-Team': w.teamA,
    });
    expect(named.status).toBe(403);
  });

  it('batch: colliding externalIds across teams are all stored, each in its own team', async () => {
    const ext = ['b-1', 'b-2', 'b-3'];
    const a = await w.call(
      'POST',
      '/api/v1/feedback/batch',
      w.ingestA,
      ext.map((e) => answer(w.agentA1.email, { externalId: e })),
    );
    const b = await w.call(
      'POST',
      '/api/v1/feedback/batch',
      w.ingestB,
      ext.map((e) => answer(w.agentB1.email, { externalId: e, comment: SECRET_B })),
    );
    expect([a.body.inserted, b.body.inserted]).toEqual([3, 3]);
    const teams = await w.hub.db.query<{ team_id: string; n: number }>(
      `SELECT team_id, count(*)::int AS n FROM feedback WHERE external_id IN ('b-1', 'b-2', 'b-3') GROUP BY team_id`,
    );
    expect(Object.fromEntries(teams.map((t) => [t.team_id, t.n]))).toEqual({ [w.teamA]: 3, [w.teamB]: 3 });
  });

  it("events: another team's reply on the same contact id never re-attributes this team's answer", async () => {
    const contact = 'shared-contact-1';
    const ans = await w.call(
      'POST',
      '/api/v1/feedback',
      w.ingestA,
      answer(w.agentA1.email, { contactId: contact, answeredAt: '2026-06-15T10:00:00Z', comment: 'A only' }),
    );
    expect(ans.status).toBe(201);
    // Team B's integration sends a reply on a contact with the same id, just before team A's answer.
    const ev = await w.call(
      'POST',
      '/api/v1/events',
      w.ingestB,
      event(contact, 'agent_reply', '2026-06-15T09:59:00Z', { agent: { email: w.agentB1.email } }),
    );
    expect(ev.status).toBe(201);
    expect(await row(ans.body.id)).toMatchObject({ agent_id: w.agentA1.id, team_id: w.teamA, attribution: 'source' });
    expect((await feedbackOf(w.agentB1.token)).some((i) => i.comment === 'A only')).toBe(false);
    // And within team A, a reply by A2 does move it (attribution still works inside the team).
    await w.call(
      'POST',
      '/api/v1/events',
      w.ingestA,
      event(contact, 'agent_reply', '2026-06-15T09:58:00Z', { agent: { email: w.agentA2.email } }),
    );
    expect(await row(ans.body.id)).toMatchObject({ agent_id: w.agentA2.id, attribution: 'last_reply' });
  });

  it("events: another team's resolved/reopened on the same contact id does not change this team's FCR", async () => {
    const contact = 'shared-contact-fcr';
    const a = [
      event(contact, 'created', '2026-06-14T08:00:00Z'),
      event(contact, 'agent_reply', '2026-06-14T08:10:00Z', { agent: { email: w.agentA1.email } }),
      event(contact, 'resolved', '2026-06-14T09:00:00Z'),
    ];
    expect((await w.call('POST', '/api/v1/events', w.ingestA, a)).status).toBe(201);
    const reopen = await w.call('POST', '/api/v1/events', w.ingestB, [
      event(contact, 'reopened', '2026-06-14T10:00:00Z'),
    ]);
    expect(reopen.status).toBe(201);
    const contacts = await w.hub.db.query<{ team_id: string; reopened_at: Date | null }>(
      'SELECT team_id, reopened_at FROM contacts WHERE contact_id = $1 ORDER BY team_id',
      [contact],
    );
    expect(contacts.find((c) => c.team_id === w.teamA)?.reopened_at).toBeNull();
    // Event externalIds are per team too: the same id from team B is its own event.
    const dupId = a[0]?.externalId as string;
    const b = await w.call('POST', '/api/v1/events', w.ingestB, {
      ...event(contact, 'created', '2026-06-14T07:00:00Z'),
      externalId: dupId,
    });
    expect(b.status).toBe(201);
  });

  it('unscoped integration tokens must name an existing team per request', async () => {
    const unscoped = await createToken(w.hub.db, {
      integrationId: (await createIntegration(w.hub.db, 'old', null)).id,
    });
    const none = await w.call('POST', '/api/v1/feedback', unscoped, answer(w.agentB1.email));
    expect(none.status).toBe(400);
    expect(none.body.errors[0].path).toBe('Attune-Team');
    const unknown = await w.call('POST', '/api/v1/feedback', unscoped, answer(w.agentB1.email), {
      'Attune-Team': 'no-such-team',
    });
    expect(unknown.status).toBe(400);
    // Naming team A does not let it write for team B's agent.
    const cross = await w.call('POST', '/api/v1/feedback', unscoped, answer(w.agentB1.email), {
      'Attune-Team': w.teamA,
    });
    expect(cross.status).toBe(400);
    const ok = await w.call('POST', '/api/v1/events', unscoped, event('u-1', 'created', '2026-06-14T07:00:00Z'), {
      'Attune-Team': w.teamB,
    });
    expect(ok.status).toBe(201);
    const stored = await w.hub.db.query<{ team_id: string }>('SELECT team_id FROM events WHERE id = $1', [ok.body.id]);
    expect(stored[0]?.team_id).toBe(w.teamB);
  });

  it("survey links: a lead's link on another team's contact id lands in the lead's own team", async () => {
    const contact = 'b-contact-survey';
    // Team B: a reply by B1 on this contact id.
    await w.call(
      'POST',
      '/api/v1/events',
      w.ingestB,
      event(contact, 'agent_reply', '2026-06-15T09:00:00Z', { agent: { email: w.agentB1.email } }),
    );
    // Lead A cannot mint for B's agent at all...
    const cross = await w.call('POST', '/api/v1/survey-links', w.leadA.token, {
      contactId: contact,
      agent: { id: w.agentB1.id },
    });
    expect(cross.status).toBe(400);
    // ...and a link for A1 on the same contact id stays in team A when answered.
    const link = await w.call('POST', '/api/v1/survey-links', w.leadA.token, {
      contactId: contact,
      agent: { id: w.agentA1.id },
    });
    expect(link.status).toBe(201);
    const page = await fetch(`${w.url}/s/${link.body.token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'csat=2&comment=from-a-link',
    });
    expect(page.status).toBe(200);
    const stored = await w.hub.db.query<{ agent_id: string; team_id: string }>(
      `SELECT agent_id, team_id FROM feedback WHERE comment = 'from-a-link'`,
    );
    expect(stored).toEqual([{ agent_id: w.agentA1.id, team_id: w.teamA }]);
    expect((await feedbackOf(w.agentB1.token)).some((i) => i.comment === 'from-a-link')).toBe(false);
  });

  it('CSV import: rows go into the named team only; another team’s agent is refused, external ids do not collide', async () => {
    const csv = (email: string, comment: string) =>
      [
        'Response ID;Ticket ID;Agent email;Channel;Response date;CSAT;Comment',
        `R-1;77;${email};Email;2026-06-14 10:00;4;${comment}`,
      ].join('\n');
    const a = await importFeedbackCsv(w.hub, csv(w.agentA1.email, 'csv-a'), BUILTIN_MAPPINGS.brilliant, {
      teamId: w.teamA,
    });
    expect(a).toMatchObject({ inserted: 1 });
    const b = await importFeedbackCsv(w.hub, csv(w.agentB1.email, SECRET_B), BUILTIN_MAPPINGS.brilliant, {
      teamId: w.teamB,
    });
    expect(b).toMatchObject({ inserted: 1, duplicates: 0 });
    const crossing = await importFeedbackCsv(w.hub, csv(w.agentA1.email, 'x'), BUILTIN_MAPPINGS.brilliant, {
      teamId: w.teamB,
    });
    expect(crossing.inserted).toBe(0);
    expect(crossing.errors[0]?.errors[0]?.message).toMatch(/unknown agent/);
  });

  it('RT connector: a sync into team B never attributes to team A’s agents nor moves team A’s answers', async () => {
    const token = readFileSync(RT_TOKEN_FILE, 'utf8').trim();
    // Team A has the RT agent's email (agent1@example.test) and answers on the first 40 RT ticket ids.
    await createUser(w.hub.db, { name: 'RT Agent One', email: 'agent1@example.test', role: 'agent', teamId: w.teamA });
    const batch = Array.from({ length: 40 }, (_, i) =>
      answer(w.agentA2.email, {
        externalId: `rt-answer-${i + 1}`,
        contactId: `rt:${i + 1}`,
        answeredAt: new Date().toISOString(),
      }),
    );
    w.clock.now = new Date();
    const res = await w.call('POST', '/api/v1/feedback/batch', w.ingestA, batch);
    expect(res.body.inserted).toBe(40);
    const report = await syncRt(w.hub, { url: RT_URL, token, teamId: w.teamB });
    expect(report.inserted).toBeGreaterThan(0);
    expect(report.unmatchedAgents).toContain('agent1@example.test');
    const moved = await w.hub.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM feedback WHERE external_id LIKE 'rt-answer-%' AND agent_id <> $1`,
      [w.agentA2.id],
    );
    expect(moved[0]?.n).toBe(0);
    const rtEvents = await w.hub.db.query<{ team_id: string; agents: number }>(
      `SELECT team_id, count(agent_id)::int AS agents FROM events WHERE external_id LIKE 'rt:txn:%' GROUP BY team_id`,
    );
    expect(rtEvents).toEqual([{ team_id: w.teamB, agents: 0 }]);
    w.clock.now = new Date('2026-06-15T12:00:00Z');
  });

  it("pairing: a lead cannot mint a code for another team's agent", async () => {
    const r = await w.call('POST', '/api/v1/team/pairing-codes', w.leadB.token, { agentId: w.agentA1.id });
    expect(r.status).toBe(404);
  });

  it("every team-A read path holds none of team B's data", async () => {
    const reads = [
      ['/api/v1/me/feedback?limit=1000', w.agentA1.token],
      ['/api/v1/me/feedback?limit=1000', w.agentA2.token],
      ['/api/v1/me/kpis?window=90d', w.agentA1.token],
      ['/api/v1/me/tips', w.agentA1.token],
      ['/api/v1/me/requests', w.agentA1.token],
      ['/api/v1/me/library', w.agentA1.token],
      ['/api/v1/team/members', w.leadA.token],
      ['/api/v1/team/kpis?window=90d', w.leadA.token],
      ['/api/v1/team/tips', w.leadA.token],
      ['/api/v1/team/requests', w.leadA.token],
      ['/api/v1/team/pulse', w.leadA.token],
      ['/api/v1/team/targets', w.leadA.token],
    ] as const;
    for (const [path, token] of reads) {
      const r = await w.call('GET', path, token);
      expect(r.status, path).toBe(200);
      const text = JSON.stringify(r.body);
      expect(text, path).not.toContain(SECRET_B);
      expect(text, path).not.toContain(w.agentB1.id);
    }
    const csv = await exportTeamCsv(w.hub, w.teamA, '90d');
    expect(csv.feedback).not.toContain(SECRET_B);
    expect(csv.feedback).not.toContain(w.agentB1.email);
  });

  it('the schema refuses an answer, event or contact whose agent is in another team', async () => {
    const bad = [
      [
        `INSERT INTO feedback (id, external_id, contact_id, agent_id, source_agent_id, attribution, team_id, channel,
           answered_at, seq) VALUES ('x1', 'x1', 'c', $1, $1, 'source', $2, 'chat', now(), 1)`,
        [w.agentB1.id, w.teamA],
      ],
      [
        `INSERT INTO events (id, team_id, external_id, contact_id, type, at, agent_id, channel)
         VALUES ('x2', $2, 'x2', 'c', 'agent_reply', now(), $1, 'chat')`,
        [w.agentB1.id, w.teamA],
      ],
      [
        `INSERT INTO contacts (team_id, contact_id, channel, first_reply_agent_id) VALUES ($2, 'x3', 'chat', $1)`,
        [w.agentB1.id, w.teamA],
      ],
    ] as const;
    for (const [sql, params] of bad) await expect(w.hub.db.query(sql, [...params])).rejects.toThrow();
  });
});
