// The hub's schema, one ordered list of SQL migrations for PGlite and PostgreSQL alike. Never edit a
// migration that has shipped; append a new one.
import { reattributeAll } from '../ingest';
import type { Db, Queryable } from './index';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Data step run after `sql` in the same transaction (moves rows the SQL alone can't derive). */
  after?: (q: Queryable) => Promise<void>;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
CREATE SEQUENCE change_seq;

CREATE TABLE teams (
  id text PRIMARY KEY,
  name text NOT NULL,
  rings jsonb NOT NULL DEFAULT '{}',
  library jsonb,
  library_version int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id text PRIMARY KEY,
  team_id text REFERENCES teams(id),
  name text NOT NULL,
  email text NOT NULL,
  role text NOT NULL CHECK (role IN ('agent', 'lead', 'admin')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email ON users (lower(email));
CREATE INDEX users_team ON users (team_id);

CREATE TABLE integrations (
  id text PRIMARY KEY,
  team_id text REFERENCES teams(id),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Only the SHA-256 of a token is stored.
CREATE TABLE tokens (
  hash text PRIMARY KEY,
  user_id text REFERENCES users(id) ON DELETE CASCADE,
  integration_id text REFERENCES integrations(id) ON DELETE CASCADE,
  label text,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  CHECK ((user_id IS NULL) <> (integration_id IS NULL))
);

CREATE TABLE events (
  id text PRIMARY KEY,
  external_id text NOT NULL UNIQUE,
  contact_id text NOT NULL,
  type text NOT NULL,
  at timestamptz NOT NULL,
  agent_id text REFERENCES users(id),
  channel text NOT NULL,
  case_type text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_contact ON events (contact_id, at);
CREATE INDEX events_agent_reply ON events (agent_id, at) WHERE type = 'agent_reply';

-- Per-contact facts derived from its events (recomputed on every event for that contact).
CREATE TABLE contacts (
  contact_id text PRIMARY KEY,
  channel text NOT NULL,
  case_type text,
  created_at timestamptz,
  first_reply_at timestamptz,
  first_reply_agent_id text,
  resolved_at timestamptz,
  resolved_agent_id text,
  reopened_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contacts_first_reply ON contacts (first_reply_agent_id, created_at);
CREATE INDEX contacts_resolved ON contacts (resolved_agent_id, resolved_at);

CREATE TABLE feedback (
  id text PRIMARY KEY,
  external_id text NOT NULL UNIQUE,
  contact_id text NOT NULL,
  agent_id text NOT NULL REFERENCES users(id),
  source_agent_id text NOT NULL REFERENCES users(id),
  attribution text NOT NULL CHECK (attribution IN ('last_reply', 'source')),
  team_id text NOT NULL,
  channel text NOT NULL,
  case_type text,
  answered_at timestamptz NOT NULL,
  empathy smallint,
  csat smallint,
  clarity smallint,
  nps smallint,
  comment text,
  lang text,
  ticket_url text,
  reviewed boolean NOT NULL DEFAULT false,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  seq bigint NOT NULL
);
CREATE INDEX feedback_agent_seq ON feedback (agent_id, seq);
CREATE INDEX feedback_agent_answered ON feedback (agent_id, answered_at);
CREATE INDEX feedback_contact ON feedback (contact_id);

-- Daily rollup of survey answers per agent, channel and case type, maintained on ingest, so KPI reads
-- touch at most days x channels x case types rows instead of every answer.
CREATE TABLE answer_daily (
  agent_id text NOT NULL,
  team_id text NOT NULL,
  day date NOT NULL,
  channel text NOT NULL,
  case_type text NOT NULL,
  empathy_sum int NOT NULL,
  empathy_n int NOT NULL,
  clarity_sum int NOT NULL,
  clarity_n int NOT NULL,
  csat_good int NOT NULL,
  csat_n int NOT NULL,
  nps_pro int NOT NULL,
  nps_det int NOT NULL,
  nps_n int NOT NULL,
  PRIMARY KEY (agent_id, day, channel, case_type)
);
CREATE INDEX answer_daily_team ON answer_daily (team_id, day);

CREATE TABLE targets (
  team_id text NOT NULL REFERENCES teams(id),
  kpi text NOT NULL,
  channel text NOT NULL DEFAULT '',
  value double precision NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, kpi, channel)
);

CREATE TABLE tips (
  id text PRIMARY KEY,
  team_id text NOT NULL REFERENCES teams(id),
  agent_id text REFERENCES users(id),
  author_id text NOT NULL REFERENCES users(id),
  text text NOT NULL,
  feedback_id text REFERENCES feedback(id),
  kpi text,
  due text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  seq bigint NOT NULL
);
CREATE INDEX tips_team ON tips (team_id, seq);
CREATE INDEX tips_agent ON tips (agent_id, seq);

CREATE TABLE tip_acks (
  tip_id text NOT NULL REFERENCES tips(id),
  agent_id text NOT NULL REFERENCES users(id),
  at timestamptz NOT NULL,
  comment text,
  useful boolean,
  seq bigint NOT NULL,
  PRIMARY KEY (tip_id, agent_id)
);

CREATE TABLE requests (
  id text PRIMARY KEY,
  agent_id text NOT NULL REFERENCES users(id),
  team_id text NOT NULL REFERENCES teams(id),
  feedback_id text NOT NULL REFERENCES feedback(id),
  question text NOT NULL,
  answer text,
  answered_by text REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz,
  UNIQUE (agent_id, feedback_id, question)
);
CREATE INDEX requests_team ON requests (team_id, created_at);

CREATE TABLE pulse (
  agent_id text NOT NULL REFERENCES users(id),
  team_id text NOT NULL,
  day date NOT NULL,
  mood smallint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agent_id, day)
);

CREATE TABLE reply_flags (
  agent_id text NOT NULL REFERENCES users(id),
  team_id text,
  site text NOT NULL,
  ticket_id text NOT NULL,
  channel text NOT NULL,
  behaviors jsonb NOT NULL,
  sent_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agent_id, site, ticket_id, sent_at)
);

CREATE TABLE idempotency (
  user_id text NOT NULL,
  key text NOT NULL,
  route text NOT NULL,
  status int NOT NULL,
  body jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

CREATE TABLE pairing_codes (
  code_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id),
  created_by text NOT NULL REFERENCES users(id),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
`,
  },
  {
    version: 2,
    name: 'covering indexes for KPI reads',
    // Index-only scans for the per-agent KPI queries: no heap visits for thousands of contacts per agent.
    sql: `
DROP INDEX contacts_first_reply;
CREATE INDEX contacts_first_reply ON contacts (first_reply_agent_id, created_at)
  INCLUDE (first_reply_at, channel, case_type);
DROP INDEX contacts_resolved;
CREATE INDEX contacts_resolved ON contacts (resolved_agent_id, resolved_at) INCLUDE (reopened_at, channel, case_type);
DROP INDEX events_agent_reply;
CREATE INDEX events_agent_reply ON events (agent_id, at) INCLUDE (contact_id, channel, case_type)
  WHERE type = 'agent_reply';
DROP INDEX answer_daily_team;
CREATE INDEX answer_daily_team ON answer_daily (team_id, day) INCLUDE (agent_id, empathy_sum, empathy_n,
  clarity_sum, clarity_n, csat_good, csat_n, nps_pro, nps_det, nps_n);
`,
  },
  {
    version: 3,
    name: 'feedback moved away from an agent (delta-sync removals)',
    sql: `
CREATE TABLE feedback_removed (
  agent_id text NOT NULL,
  feedback_id text NOT NULL,
  seq bigint NOT NULL,
  PRIMARY KEY (agent_id, feedback_id)
);
CREATE INDEX feedback_removed_seq ON feedback_removed (agent_id, seq);
`,
  },
  {
    version: 4,
    name: 'reply flags may come without a channel',
    sql: `ALTER TABLE reply_flags ALTER COLUMN channel DROP NOT NULL;`,
  },
  {
    version: 5,
    name: 'key/value state of the feedback sources (survey secret, connector cursors)',
    // IF NOT EXISTS: hubs that ran before this migration created the table on first use.
    sql: `
CREATE TABLE IF NOT EXISTS source_state (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
`,
  },
  {
    version: 6,
    name: 'teams are sealed: contacts, events, answers and idempotency keys belong to one team',
    // Contact ids and external ids were one namespace for the whole hub, so one team's events could move
    // another team's answers. Every row now carries its team; composite foreign keys to users(id, team_id)
    // make it impossible to store a row whose agent is in another team. Existing rows are moved, not dropped:
    // an event goes to its agent's team, else to the team of the contact's other events or answers, else to
    // the oldest team (a one-team hub: that team). Answers that were moved to another team's agent go back to
    // the agent the source named (the data step below then re-applies attribution within each team).
    sql: `
ALTER TABLE users ADD CONSTRAINT users_id_team UNIQUE (id, team_id);

ALTER TABLE events ADD COLUMN team_id text;
UPDATE events e SET team_id = u.team_id FROM users u WHERE u.id = e.agent_id;
UPDATE events e SET team_id = (SELECT e2.team_id FROM events e2 WHERE e2.contact_id = e.contact_id
  AND e2.team_id IS NOT NULL GROUP BY e2.team_id ORDER BY count(*) DESC, e2.team_id LIMIT 1) WHERE e.team_id IS NULL;
UPDATE events e SET team_id = (SELECT f.team_id FROM feedback f WHERE f.contact_id = e.contact_id
  ORDER BY f.created_at, f.id LIMIT 1) WHERE e.team_id IS NULL;
INSERT INTO teams (id, name) SELECT 'migrated', 'Migrated events without a team'
  WHERE EXISTS (SELECT 1 FROM events WHERE team_id IS NULL) AND NOT EXISTS (SELECT 1 FROM teams);
UPDATE events SET team_id = (SELECT id FROM teams ORDER BY created_at, id LIMIT 1) WHERE team_id IS NULL;
UPDATE events e SET agent_id = NULL FROM users u WHERE u.id = e.agent_id AND u.team_id IS DISTINCT FROM e.team_id;
ALTER TABLE events ALTER COLUMN team_id SET NOT NULL;
ALTER TABLE events DROP CONSTRAINT events_external_id_key;
ALTER TABLE events ADD CONSTRAINT events_team_external UNIQUE (team_id, external_id);
ALTER TABLE events ADD CONSTRAINT events_team FOREIGN KEY (team_id) REFERENCES teams(id);
ALTER TABLE events ADD CONSTRAINT events_agent_team FOREIGN KEY (agent_id, team_id) REFERENCES users(id, team_id);
-- The composite key checks the agent too: one foreign-key check per row instead of two (ingest speed).
ALTER TABLE events DROP CONSTRAINT events_agent_id_fkey;
DROP INDEX events_contact;
CREATE INDEX events_contact ON events (team_id, contact_id, at);

INSERT INTO feedback_removed (agent_id, feedback_id, seq)
  SELECT f.agent_id, f.id, nextval('change_seq') FROM feedback f JOIN users s ON s.id = f.source_agent_id
  JOIN users a ON a.id = f.agent_id WHERE a.team_id IS DISTINCT FROM s.team_id
  ON CONFLICT (agent_id, feedback_id) DO UPDATE SET seq = excluded.seq;
UPDATE feedback f SET agent_id = f.source_agent_id, team_id = s.team_id, attribution = 'source', reviewed = false,
  note = NULL, seq = nextval('change_seq'), updated_at = now()
  FROM users s, users a WHERE s.id = f.source_agent_id AND a.id = f.agent_id AND a.team_id IS DISTINCT FROM s.team_id;
UPDATE feedback f SET team_id = a.team_id FROM users a WHERE a.id = f.agent_id AND a.team_id IS DISTINCT FROM f.team_id;
DELETE FROM feedback_removed r USING feedback f WHERE r.feedback_id = f.id AND r.agent_id = f.agent_id;
ALTER TABLE feedback DROP CONSTRAINT feedback_external_id_key;
ALTER TABLE feedback ADD CONSTRAINT feedback_team_external UNIQUE (team_id, external_id);
-- agent_id, source_agent_id and team_id are NOT NULL, so these two composite keys also prove that both agents
-- and the team exist: they replace the single-column keys (fewer checks per stored answer).
ALTER TABLE feedback ADD CONSTRAINT feedback_agent_team FOREIGN KEY (agent_id, team_id) REFERENCES users(id, team_id);
ALTER TABLE feedback ADD CONSTRAINT feedback_source_team
  FOREIGN KEY (source_agent_id, team_id) REFERENCES users(id, team_id);
ALTER TABLE feedback DROP CONSTRAINT feedback_agent_id_fkey;
ALTER TABLE feedback DROP CONSTRAINT feedback_source_agent_id_fkey;
DROP INDEX feedback_contact;
CREATE INDEX feedback_contact ON feedback (team_id, contact_id);

DROP TABLE contacts;
CREATE TABLE contacts (
  team_id text NOT NULL REFERENCES teams(id),
  contact_id text NOT NULL,
  channel text NOT NULL,
  case_type text,
  created_at timestamptz,
  first_reply_at timestamptz,
  first_reply_agent_id text,
  resolved_at timestamptz,
  resolved_agent_id text,
  reopened_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, contact_id),
  FOREIGN KEY (first_reply_agent_id, team_id) REFERENCES users(id, team_id),
  FOREIGN KEY (resolved_agent_id, team_id) REFERENCES users(id, team_id)
);
CREATE INDEX contacts_first_reply ON contacts (first_reply_agent_id, created_at)
  INCLUDE (first_reply_at, channel, case_type);
CREATE INDEX contacts_resolved ON contacts (resolved_agent_id, resolved_at) INCLUDE (reopened_at, channel, case_type);

ALTER TABLE idempotency DROP CONSTRAINT idempotency_pkey;
ALTER TABLE idempotency ADD PRIMARY KEY (user_id, route, key);

ALTER TABLE tokens ADD COLUMN expires_at timestamptz;
ALTER TABLE tokens ADD COLUMN private_access boolean NOT NULL DEFAULT true;
-- Sessions paired with a lead's code never read the agent's private notes or pulse (see api/team.ts).
UPDATE tokens SET private_access = false WHERE label = 'paired device';
ALTER TABLE pairing_codes ADD COLUMN private_access boolean NOT NULL DEFAULT false;

CREATE TABLE rate_limits (
  key text NOT NULL,
  window_start bigint NOT NULL,
  n int NOT NULL,
  PRIMARY KEY (key, window_start)
);
`,
    after: reattributeAll,
  },
];

/**
 * Applies pending migrations under an advisory lock, so hub processes starting together don't race.
 * `upTo` stops after that version (tests build an older schema to migrate from).
 */
export async function migrate(db: Db, upTo = Number.POSITIVE_INFINITY): Promise<number> {
  return db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock(727001)');
    await q.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set(
      (await q.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
    );
    let applied = 0;
    for (const m of MIGRATIONS) {
      if (done.has(m.version) || m.version > upTo) continue;
      for (const stmt of splitStatements(m.sql)) await q.query(stmt);
      await m.after?.(q);
      await q.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied++;
    }
    return applied;
  });
}

/** Splits a migration on top-level semicolons (our migrations hold no functions or quoted semicolons). */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*\n/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}
