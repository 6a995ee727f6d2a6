// Migration 6 (teams sealed) on a database written by the previous schema, on PGlite and PostgreSQL: every
// event and answer is still there afterwards, each in the right team; an answer that had leaked to another
// team's agent is back with the agent its source named (and the leaked agent's device is told to drop it);
// contacts and the daily rollup are rebuilt per team.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../../server/db/index';
import { migrate } from '../../server/db/migrations';
import { BACKENDS, dropSchema, freshSchema, PG_URL } from './_fixture';

describe.each(BACKENDS)('migration 6 on %s', (backend) => {
  let db: Db;
  let schema: string | undefined;

  beforeAll(async () => {
    schema = backend === 'postgres' ? freshSchema('migrate') : undefined;
    db = await openDb(schema ? { databaseUrl: PG_URL, schema } : {});
    await migrate(db, 5);
    // The old world: two teams, ids in one namespace.
    await db.exec(`
      INSERT INTO teams (id, name) VALUES ('ta', 'A'), ('tb', 'B');
      INSERT INTO users (id, team_id, name, email, role) VALUES
        ('a1', 'ta', 'A1', 'a1@x.test', 'agent'), ('a2', 'ta', 'A2', 'a2@x.test', 'agent'),
        ('b1', 'tb', 'B1', 'b1@x.test', 'agent');
      -- Contact c1 is team A's; team B's integration sent a reply on it (the leak).
      INSERT INTO events (id, external_id, contact_id, type, at, agent_id, channel) VALUES
        ('e1', 'x-1', 'c1', 'created', '2026-06-01T08:00Z', NULL, 'chat'),
        ('e2', 'x-2', 'c1', 'agent_reply', '2026-06-01T08:05Z', 'a1', 'chat'),
        ('e3', 'x-3', 'c1', 'agent_reply', '2026-06-01T08:10Z', 'b1', 'chat'),
        ('e4', 'x-4', 'c1', 'resolved', '2026-06-01T09:00Z', NULL, 'chat'),
        ('e5', 'x-5', 'c2', 'created', '2026-06-01T08:00Z', NULL, 'email'),
        ('e6', 'x-6', 'c3', 'created', '2026-06-01T08:00Z', NULL, 'email');
      -- f1: team A's answer, leaked to b1 by the reply above; f2: a plain team B answer.
      INSERT INTO feedback (id, external_id, contact_id, agent_id, source_agent_id, attribution, team_id, channel,
        answered_at, csat, comment, note, seq) VALUES
        ('f1', 'ans-1', 'c1', 'b1', 'a1', 'last_reply', 'tb', 'chat', '2026-06-01T10:00Z', 2, 'slow', 'b1 note', 1),
        ('f2', 'ans-2', 'c3', 'b1', 'b1', 'source', 'tb', 'email', '2026-06-01T10:00Z', 5, null, null, 2);
      INSERT INTO answer_daily (agent_id, team_id, day, channel, case_type, empathy_sum, empathy_n, clarity_sum,
        clarity_n, csat_good, csat_n, nps_pro, nps_det, nps_n) VALUES
        ('b1', 'tb', '2026-06-01', 'chat', '', 0, 0, 0, 0, 0, 1, 0, 0, 0),
        ('b1', 'tb', '2026-06-01', 'email', '', 0, 0, 0, 0, 1, 1, 0, 0, 0);
      INSERT INTO feedback_removed (agent_id, feedback_id, seq) VALUES ('a1', 'f1', 3);
    `);
    // The old code had no team on events; c2 belongs to no agent at all, c3 is known by its answer only.
    expect(await migrate(db)).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await db?.close();
    if (schema) await dropSchema(schema);
  });

  it('keeps every event and answer', async () => {
    const n = await db.query<{ e: number; f: number }>(
      'SELECT (SELECT count(*) FROM events)::int AS e, (SELECT count(*) FROM feedback)::int AS f',
    );
    expect(n[0]).toEqual({ e: 6, f: 2 });
  });

  it("gives each event its team: its agent's, else its contact's, else its answers', else the oldest team", async () => {
    const rows = await db.query<{ id: string; team_id: string; agent_id: string | null }>(
      'SELECT id, team_id, agent_id FROM events ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 'e1', team_id: 'ta', agent_id: null },
      { id: 'e2', team_id: 'ta', agent_id: 'a1' },
      { id: 'e3', team_id: 'tb', agent_id: 'b1' },
      { id: 'e4', team_id: 'ta', agent_id: null },
      { id: 'e5', team_id: 'ta', agent_id: null },
      { id: 'e6', team_id: 'tb', agent_id: null },
    ]);
  });

  it("returns a leaked answer to its team's agent, clears the other agent's note and tells their device", async () => {
    const f1 = await db.query<{ agent_id: string; team_id: string; attribution: string; note: string | null }>(
      `SELECT agent_id, team_id, attribution, note FROM feedback WHERE id = 'f1'`,
    );
    // Back in team A; attribution re-applied within team A: a1's reply (08:05) is the last before the answer.
    expect(f1[0]).toEqual({ agent_id: 'a1', team_id: 'ta', attribution: 'last_reply', note: null });
    const removed = await db.query<{ agent_id: string }>(
      `SELECT agent_id FROM feedback_removed WHERE feedback_id = 'f1'`,
    );
    expect(removed.map((r) => r.agent_id)).toEqual(['b1']);
  });

  it('rebuilds contacts per team and the daily rollup from the answers', async () => {
    const contacts = await db.query<{ team_id: string; contact_id: string; first_reply_agent_id: string | null }>(
      'SELECT team_id, contact_id, first_reply_agent_id FROM contacts ORDER BY team_id, contact_id',
    );
    expect(contacts).toEqual([
      { team_id: 'ta', contact_id: 'c1', first_reply_agent_id: 'a1' },
      { team_id: 'ta', contact_id: 'c2', first_reply_agent_id: null },
      // Team B never saw c1 created, so its reply times no first response (the usual rule).
      { team_id: 'tb', contact_id: 'c1', first_reply_agent_id: null },
      { team_id: 'tb', contact_id: 'c3', first_reply_agent_id: null },
    ]);
    const rollup = await db.query<{ agent_id: string; team_id: string; csat_n: number }>(
      'SELECT agent_id, team_id, csat_n FROM answer_daily ORDER BY agent_id',
    );
    expect(rollup).toEqual([
      { agent_id: 'a1', team_id: 'ta', csat_n: 1 },
      { agent_id: 'b1', team_id: 'tb', csat_n: 1 },
    ]);
  });

  it('from now on refuses rows that cross teams', async () => {
    await expect(db.query(`UPDATE feedback SET agent_id = 'b1' WHERE id = 'f1'`)).rejects.toThrow();
  });
});
