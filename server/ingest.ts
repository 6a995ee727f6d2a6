// Ingestion of survey answers and helpdesk events.
//
// FAIR ATTRIBUTION (README: Fair attribution). A survey answer counts for the agent who wrote the LAST agent reply on that
// contact at or before the moment the customer answered -- not for whoever holds the ticket when the answer
// arrives, and not necessarily for the agent the source names.
//   - Several agents replied: the last `agent_reply` event with `at <= answeredAt` wins (ties on the same
//     instant: the greater externalId, so the result never depends on arrival order).
//   - Replies after the answer do not count (the customer could not have judged them).
//   - No reply seen (no events for the contact, or none before the answer): the agent the source names
//     (`agent` in the payload) gets it; `attribution` is stored as 'source' instead of 'last_reply'.
//   - Events arriving after the answer (late helpdesk sync): the contact's answers are re-attributed in the
//     same transaction as the events, the rollups of both agents are rebuilt, and the moved item's private
//     state (reviewed, note) is cleared so the new agent never sees the old agent's note.
// Contact KPIs follow the same idea: fcr/reopen_rate count for the last replier before the first
// `resolved` (else the agent on the resolved event); first_response for the author of the first reply.
//
// TENANCY. Every answer, event and contact belongs to one team (the integration's): contact ids and external
// ids are per team, attribution only ever looks at the same team's events, and the schema's composite foreign
// keys (users(id, team_id)) refuse a row whose agent is in another team (migration 6).
//
// Writers of feedback take one advisory transaction lock, so change sequence numbers (the delta-sync
// cursor) become visible in order and a cursor never skips a row committed late.
import { newId } from './auth';
import type { HubContext } from './context';
import type { Queryable } from './db/index';
import type { EventIn, FeedbackIn } from '../lib/contract/requests';
import { formatPath } from './api/errors';

export const FEED_LOCK = 727002;

export type IngestError = { path: string; message: string };
export type IngestResult<T> = { ok: true; items: T[] } | { ok: false; errors: IngestError[] };

type AgentRef = { email: string } | { id: string };

/**
 * The team every ingest call writes into: an integration's own team, or the one a trusted caller named.
 * Null (an integration not bound to a team, with no team named) is refused: nothing is written.
 */
export interface IngestScope {
  teamId: string | null;
}
const NO_TEAM: IngestError = { path: '', message: 'no team: the integration is not bound to a team' };

/** Resolves `agent` refs to user ids within the team. */
async function resolveAgents(
  q: Queryable,
  refs: (AgentRef | undefined)[],
  teamId: string,
  batch: boolean,
): Promise<{ ids: (string | null)[]; errors: IngestError[] }> {
  const emails = new Set<string>();
  const ids = new Set<string>();
  for (const r of refs) {
    if (!r) continue;
    if ('email' in r) emails.add(r.email.toLowerCase());
    else ids.add(r.id);
  }
  const rows =
    emails.size + ids.size === 0
      ? []
      : await q.query<{ id: string; email: string }>(
          `SELECT id, lower(email) AS email FROM users
           WHERE (lower(email) IN (SELECT jsonb_array_elements_text($1::jsonb))
                  OR id IN (SELECT jsonb_array_elements_text($2::jsonb)))
             AND team_id = $3 AND role IN ('agent', 'lead')`,
          [JSON.stringify([...emails]), JSON.stringify([...ids]), teamId],
        );
  const byEmail = new Map(rows.map((r) => [r.email, r.id]));
  const byId = new Set(rows.map((r) => r.id));
  const errors: IngestError[] = [];
  const out = refs.map((r, i) => {
    if (!r) return null;
    const id = 'email' in r ? byEmail.get(r.email.toLowerCase()) : byId.has(r.id) ? r.id : undefined;
    if (!id) errors.push({ path: formatPath(batch ? [i, 'agent'] : ['agent']), message: 'unknown agent' });
    return id ?? null;
  });
  return { ids: out, errors };
}

/** Rebuilds the answer_daily rollup for the given (agent, day) pairs from the feedback rows. */
export async function rebuildAnswerDaily(q: Queryable, keys: { agent_id: string; day: string }[]): Promise<void> {
  if (keys.length === 0) return;
  const k = JSON.stringify(keys);
  const K = `(SELECT DISTINCT agent_id, day::date AS day FROM jsonb_to_recordset($1::jsonb) AS k(agent_id text, day text))`;
  await q.query(`DELETE FROM answer_daily d USING ${K} k WHERE d.agent_id = k.agent_id AND d.day = k.day`, [k]);
  await q.query(
    `INSERT INTO answer_daily (agent_id, team_id, day, channel, case_type, empathy_sum, empathy_n, clarity_sum,
       clarity_n, csat_good, csat_n, nps_pro, nps_det, nps_n)
     SELECT f.agent_id, min(f.team_id), k.day, f.channel, coalesce(f.case_type, ''),
       coalesce(sum(f.empathy), 0), count(f.empathy), coalesce(sum(f.clarity), 0), count(f.clarity),
       count(*) FILTER (WHERE f.csat >= 4), count(f.csat),
       count(*) FILTER (WHERE f.nps >= 9), count(*) FILTER (WHERE f.nps <= 6), count(f.nps)
     FROM ${K} k JOIN feedback f ON f.agent_id = k.agent_id
       AND f.answered_at >= k.day::timestamp AT TIME ZONE 'UTC'
       AND f.answered_at < (k.day + 1)::timestamp AT TIME ZONE 'UTC'
     GROUP BY f.agent_id, k.day, f.channel, coalesce(f.case_type, '')`,
    [k],
  );
}

const LAST_REPLY = (team: string, contact: string, at: string) => `LEFT JOIN LATERAL (
    SELECT e.agent_id FROM events e
    WHERE e.team_id = ${team} AND e.contact_id = ${contact} AND e.type = 'agent_reply' AND e.agent_id IS NOT NULL AND e.at <= ${at}
    ORDER BY e.at DESC, e.external_id DESC LIMIT 1) lr ON true`;

export interface FeedbackAck {
  externalId: string;
  id: string;
  duplicate: boolean;
}

export async function ingestFeedback(
  hub: HubContext,
  items: FeedbackIn[],
  scope: IngestScope,
  batch: boolean,
): Promise<IngestResult<FeedbackAck>> {
  const teamId = scope.teamId;
  if (!teamId) return { ok: false, errors: [NO_TEAM] };
  const agents = await resolveAgents(
    hub.db,
    items.map((f) => f.agent),
    teamId,
    batch,
  );
  if (agents.errors.length > 0) return { ok: false, errors: agents.errors };
  const rows = items.map((f, i) => ({
    id: newId(),
    team_id: teamId,
    external_id: f.externalId,
    contact_id: f.contactId,
    agent_id: agents.ids[i],
    channel: f.channel,
    case_type: f.caseType ?? null,
    answered_at: f.answeredAt,
    empathy: f.empathy ?? null,
    csat: f.csat ?? null,
    clarity: f.clarity ?? null,
    nps: f.nps ?? null,
    comment: f.comment ?? null,
    lang: f.lang ?? null,
    ticket_url: f.ticketUrl ?? null,
  }));
  if (batch || rows.length !== 1) {
    const result = await writeFeedback(hub, rows);
    publishInserted(hub, result.inserted);
    return { ok: true, items: result.acks };
  }
  return { ok: true, items: [await groupCommit(hub, rows[0] as FeedbackRowIn)] };
}

type FeedbackRowIn = {
  id: string;
  team_id: string;
  external_id: string;
  contact_id: string;
  agent_id: string | null | undefined;
  channel: string;
  case_type: string | null;
  answered_at: string;
  empathy: number | null;
  csat: number | null;
  clarity: number | null;
  nps: number | null;
  comment: string | null;
  lang: string | null;
  ticket_url: string | null;
};
type Inserted = { id: string; external_id: string; agent_id: string; team_id: string };

function publishInserted(hub: HubContext, inserted: Inserted[]): void {
  if (inserted.length === 0) return;
  void hub.realtime.publish({
    t: 'feedback',
    agents: [...new Set(inserted.map((r) => r.agent_id))],
    teams: [...new Set(inserted.map((r) => r.team_id))],
  });
}

async function writeFeedback(
  hub: HubContext,
  rows: FeedbackRowIn[],
): Promise<{ acks: FeedbackAck[]; inserted: Inserted[] }> {
  return hub.db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock($1)', [FEED_LOCK]);
    // One statement: insert the new answers and add them to the daily rollup (an O(batch) increment; the
    // full per-day rebuild is only needed when answers move between agents).
    const inserted = await q.query<{ id: string; external_id: string; agent_id: string; team_id: string }>(
      `WITH ins AS (
         INSERT INTO feedback (id, external_id, contact_id, agent_id, source_agent_id, attribution, team_id, channel,
           case_type, answered_at, empathy, csat, clarity, nps, comment, lang, ticket_url, seq)
         SELECT x.id, x.external_id, x.contact_id, u.id, x.agent_id,
           CASE WHEN lr.agent_id IS NULL THEN 'source' ELSE 'last_reply' END, u.team_id, x.channel, x.case_type,
           x.answered_at, x.empathy, x.csat, x.clarity, x.nps, x.comment, x.lang, x.ticket_url, nextval('change_seq')
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, team_id text, external_id text, contact_id text,
           agent_id text, channel text, case_type text, answered_at timestamptz, empathy smallint, csat smallint,
           clarity smallint, nps smallint, comment text, lang text, ticket_url text)
         ${LAST_REPLY('x.team_id', 'x.contact_id', 'x.answered_at')}
         JOIN users u ON u.id = coalesce(lr.agent_id, x.agent_id) AND u.team_id = x.team_id
         ON CONFLICT (team_id, external_id) DO NOTHING
         RETURNING *),
       rollup AS (
         INSERT INTO answer_daily (agent_id, team_id, day, channel, case_type, empathy_sum, empathy_n, clarity_sum,
           clarity_n, csat_good, csat_n, nps_pro, nps_det, nps_n)
         SELECT agent_id, min(team_id), (answered_at AT TIME ZONE 'UTC')::date, channel, coalesce(case_type, ''),
           coalesce(sum(empathy), 0), count(empathy), coalesce(sum(clarity), 0), count(clarity),
           count(*) FILTER (WHERE csat >= 4), count(csat), count(*) FILTER (WHERE nps >= 9),
           count(*) FILTER (WHERE nps <= 6), count(nps)
         FROM ins GROUP BY agent_id, (answered_at AT TIME ZONE 'UTC')::date, channel, coalesce(case_type, '')
         ON CONFLICT (agent_id, day, channel, case_type) DO UPDATE SET
           empathy_sum = answer_daily.empathy_sum + excluded.empathy_sum,
           empathy_n = answer_daily.empathy_n + excluded.empathy_n,
           clarity_sum = answer_daily.clarity_sum + excluded.clarity_sum,
           clarity_n = answer_daily.clarity_n + excluded.clarity_n,
           csat_good = answer_daily.csat_good + excluded.csat_good,
           csat_n = answer_daily.csat_n + excluded.csat_n,
           nps_pro = answer_daily.nps_pro + excluded.nps_pro,
           nps_det = answer_daily.nps_det + excluded.nps_det,
           nps_n = answer_daily.nps_n + excluded.nps_n)
       SELECT id, external_id, agent_id, team_id FROM ins`,
      [JSON.stringify(rows)],
    );
    // A group commit may hold several teams' answers: an external id is only unique within its team.
    const key = (r: { team_id: string; external_id: string }) => `${r.team_id}\u0000${r.external_id}`;
    const fresh = new Map(inserted.map((r) => [key(r), r.id]));
    const missing = rows
      .filter((r) => !fresh.has(key(r)))
      .map((r) => ({ team_id: r.team_id, external_id: r.external_id }));
    const existing =
      missing.length === 0
        ? []
        : await q.query<{ id: string; external_id: string; team_id: string }>(
            `SELECT f.id, f.external_id, f.team_id FROM feedback f
             JOIN jsonb_to_recordset($1::jsonb) AS m(team_id text, external_id text)
               ON f.team_id = m.team_id AND f.external_id = m.external_id`,
            [JSON.stringify(missing)],
          );
    const dup = new Map(existing.map((r) => [key(r), r.id]));
    const seen = new Set<string>();
    const acks: FeedbackAck[] = rows.map((r) => {
      const id = fresh.get(key(r));
      // A repeated externalId inside one batch: the first is new, later ones are duplicates.
      if (id && !seen.has(key(r))) {
        seen.add(key(r));
        return { externalId: r.external_id, id, duplicate: false };
      }
      return { externalId: r.external_id, id: id ?? (dup.get(key(r)) as string), duplicate: true };
    });
    return { acks, inserted };
  });
}

// Group commit for single answers: writers are serialised by FEED_LOCK (see above), so concurrent single
// POSTs would each wait for the previous commit. Instead, answers that arrive while a write is in flight are
// written together in the next transaction; each request is acknowledged only after that commit. If a group
// fails, its answers are retried one by one so one bad row cannot fail the others.
interface Pending {
  row: FeedbackRowIn;
  resolve(ack: FeedbackAck): void;
  reject(err: unknown): void;
}
const queues = new WeakMap<HubContext, { pending: Pending[]; running: boolean }>();

function groupCommit(hub: HubContext, row: FeedbackRowIn): Promise<FeedbackAck> {
  let queue = queues.get(hub);
  if (!queue) {
    queue = { pending: [], running: false };
    queues.set(hub, queue);
  }
  const q = queue;
  return new Promise((resolve, reject) => {
    q.pending.push({ row, resolve, reject });
    if (!q.running) void drain(hub, q);
  });
}

async function drain(hub: HubContext, q: { pending: Pending[]; running: boolean }): Promise<void> {
  q.running = true;
  try {
    while (q.pending.length > 0) {
      const group = q.pending.splice(0, 1000);
      try {
        const r = await writeFeedback(
          hub,
          group.map((g) => g.row),
        );
        for (const [i, g] of group.entries()) g.resolve(r.acks[i] as FeedbackAck);
        publishInserted(hub, r.inserted);
      } catch (err) {
        for (const g of group) {
          try {
            const r = await writeFeedback(hub, [g.row]);
            g.resolve(r.acks[0] as FeedbackAck);
            publishInserted(hub, r.inserted);
          } catch (e) {
            g.reject(group.length === 1 ? err : e);
          }
        }
      }
    }
  } finally {
    q.running = false;
  }
}

export interface EventAck {
  externalId: string;
  id: string;
  duplicate: boolean;
}

export async function ingestEvents(
  hub: HubContext,
  items: EventIn[],
  scope: IngestScope,
  batch: boolean,
): Promise<IngestResult<EventAck>> {
  const teamId = scope.teamId;
  if (!teamId) return { ok: false, errors: [NO_TEAM] };
  const agents = await resolveAgents(
    hub.db,
    items.map((e) => e.agent),
    teamId,
    batch,
  );
  if (agents.errors.length > 0) return { ok: false, errors: agents.errors };
  const rows = items.map((e, i) => ({
    id: newId(),
    external_id: e.externalId,
    contact_id: e.contactId,
    type: e.type,
    at: e.at,
    agent_id: agents.ids[i],
    channel: e.channel,
    case_type: e.caseType ?? null,
  }));
  const result = await hub.db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock($1)', [FEED_LOCK]);
    const inserted = await q.query<{ id: string; external_id: string; contact_id: string; agent_id: string | null }>(
      `INSERT INTO events (id, team_id, external_id, contact_id, type, at, agent_id, channel, case_type)
       SELECT x.id, $2, x.external_id, x.contact_id, x.type, x.at, x.agent_id, x.channel, x.case_type
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, external_id text, contact_id text,
         type text, at timestamptz, agent_id text, channel text, case_type text)
       ON CONFLICT (team_id, external_id) DO NOTHING
       RETURNING id, external_id, contact_id, agent_id`,
      [JSON.stringify(rows), teamId],
    );
    const contacts = [...new Set(inserted.map((r) => r.contact_id))];
    let moved: { old_agent: string; new_agent: string; day: string; team_id: string }[] = [];
    if (contacts.length > 0) {
      await rebuildContacts(q, teamId, contacts);
      moved = await reattribute(q, teamId, contacts);
    }
    const existing = await q.query<{ id: string; external_id: string }>(
      `SELECT id, external_id FROM events
       WHERE team_id = $2 AND external_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      [JSON.stringify(rows.map((r) => r.external_id)), teamId],
    );
    const ids = new Map(existing.map((r) => [r.external_id, r.id]));
    const fresh = new Set(inserted.map((r) => r.external_id));
    const acks = rows.map((r) => {
      const isNew = fresh.delete(r.external_id);
      return { externalId: r.external_id, id: ids.get(r.external_id) as string, duplicate: !isNew };
    });
    return { acks, moved, teams: [teamId], changed: inserted.length > 0 };
  });
  if (result.moved.length > 0) {
    await hub.realtime.publish({
      t: 'feedback',
      agents: [...new Set(result.moved.flatMap((m) => [m.old_agent, m.new_agent]))],
      teams: [...new Set([...result.moved.map((m) => m.team_id), ...result.teams])],
    });
  } else if (result.changed && result.teams.length > 0) {
    await hub.realtime.publish({ t: 'kpis', teams: result.teams });
  }
  return { ok: true, items: result.acks };
}

/** Derives each contact's KPI facts from all of its team's events (see the attribution rule above). */
async function rebuildContacts(q: Queryable, teamId: string, contacts: string[]): Promise<void> {
  await q.query(
    `INSERT INTO contacts (team_id, contact_id, channel, case_type, created_at, first_reply_at, first_reply_agent_id,
       resolved_at, resolved_agent_id, reopened_at, updated_at)
     SELECT $2, c.contact_id, ch.channel, ch.case_type, c.created_at, fr.at, fr.agent_id, c.resolved_at,
       coalesce(rl.agent_id, rv.agent_id), ro.at, now()
     FROM (SELECT e.contact_id, min(e.at) FILTER (WHERE e.type = 'created') AS created_at,
             min(e.at) FILTER (WHERE e.type = 'resolved') AS resolved_at
           FROM events e WHERE e.team_id = $2 AND e.contact_id IN (SELECT jsonb_array_elements_text($1::jsonb))
           GROUP BY e.contact_id) c
     LEFT JOIN LATERAL (SELECT e.channel, e.case_type FROM events e WHERE e.team_id = $2 AND e.contact_id = c.contact_id
       ORDER BY (e.case_type IS NULL), e.at, e.external_id LIMIT 1) ch ON true
     LEFT JOIN LATERAL (SELECT e.at, e.agent_id FROM events e WHERE e.team_id = $2 AND e.contact_id = c.contact_id
       AND e.type = 'agent_reply' AND e.agent_id IS NOT NULL AND e.at >= c.created_at
       ORDER BY e.at, e.external_id LIMIT 1) fr ON true
     LEFT JOIN LATERAL (SELECT e.agent_id FROM events e WHERE e.team_id = $2 AND e.contact_id = c.contact_id
       AND e.type = 'agent_reply' AND e.agent_id IS NOT NULL AND e.at <= c.resolved_at
       ORDER BY e.at DESC, e.external_id DESC LIMIT 1) rl ON true
     LEFT JOIN LATERAL (SELECT e.agent_id FROM events e WHERE e.team_id = $2 AND e.contact_id = c.contact_id
       AND e.type = 'resolved' AND e.at = c.resolved_at ORDER BY e.external_id LIMIT 1) rv ON true
     LEFT JOIN LATERAL (SELECT min(e.at) AS at FROM events e WHERE e.team_id = $2 AND e.contact_id = c.contact_id
       AND e.type = 'reopened' AND e.at > c.resolved_at) ro ON true
     ON CONFLICT (team_id, contact_id) DO UPDATE SET channel = excluded.channel, case_type = excluded.case_type,
       created_at = excluded.created_at, first_reply_at = excluded.first_reply_at,
       first_reply_agent_id = excluded.first_reply_agent_id, resolved_at = excluded.resolved_at,
       resolved_agent_id = excluded.resolved_agent_id, reopened_at = excluded.reopened_at, updated_at = now()`,
    [JSON.stringify(contacts), teamId],
  );
}

/** Re-applies the attribution rule to the answers of these contacts of one team; returns what moved. */
async function reattribute(
  q: Queryable,
  teamId: string,
  contacts: string[],
): Promise<{ old_agent: string; new_agent: string; day: string; team_id: string }[]> {
  const moved = await q.query<{ id: string; old_agent: string; new_agent: string; day: string; team_id: string }>(
    `WITH cand AS (
       SELECT f.id, f.agent_id AS old_agent, coalesce(lr.agent_id, f.source_agent_id) AS new_agent,
         CASE WHEN lr.agent_id IS NULL THEN 'source' ELSE 'last_reply' END AS attribution
       FROM feedback f ${LAST_REPLY('f.team_id', 'f.contact_id', 'f.answered_at')}
       WHERE f.team_id = $2 AND f.contact_id IN (SELECT jsonb_array_elements_text($1::jsonb)))
     UPDATE feedback f SET agent_id = c.new_agent, attribution = c.attribution, team_id = u.team_id,
       reviewed = CASE WHEN f.agent_id <> c.new_agent THEN false ELSE f.reviewed END,
       note = CASE WHEN f.agent_id <> c.new_agent THEN NULL ELSE f.note END,
       seq = nextval('change_seq'), updated_at = now()
     FROM cand c JOIN users u ON u.id = c.new_agent AND u.team_id = $2
     WHERE f.id = c.id AND (f.agent_id <> c.new_agent OR f.attribution <> c.attribution)
     RETURNING f.id, c.old_agent, c.new_agent, (f.answered_at AT TIME ZONE 'UTC')::date::text AS day, u.team_id`,
    [JSON.stringify(contacts), teamId],
  );
  // The previous agent's synced copy must go: record a removal their next delta sync returns.
  const away = moved.filter((m) => m.old_agent !== m.new_agent);
  if (away.length > 0) {
    const json = JSON.stringify(away);
    await q.query(
      `INSERT INTO feedback_removed (agent_id, feedback_id, seq)
       SELECT old_agent, id, nextval('change_seq') FROM jsonb_to_recordset($1::jsonb) AS m(id text, old_agent text)
       ON CONFLICT (agent_id, feedback_id) DO UPDATE SET seq = excluded.seq`,
      [json],
    );
    await q.query(
      `DELETE FROM feedback_removed r USING jsonb_to_recordset($1::jsonb) AS m(id text, new_agent text)
       WHERE r.agent_id = m.new_agent AND r.feedback_id = m.id`,
      [json],
    );
  }
  const keys = moved.flatMap((m) => [
    { agent_id: m.old_agent, day: m.day },
    { agent_id: m.new_agent, day: m.day },
  ]);
  await rebuildAnswerDaily(q, keys);
  return moved;
}

/**
 * Rebuilds every team's contacts, re-applies attribution within each team and rebuilds the daily rollup
 * from the answers (migration 6, after rows were given their team).
 */
export async function reattributeAll(q: Queryable): Promise<void> {
  const pairs = await q.query<{ team_id: string; contacts: string[] }>(
    `SELECT team_id, array_agg(contact_id) AS contacts FROM (
       SELECT DISTINCT team_id, contact_id FROM events UNION SELECT DISTINCT team_id, contact_id FROM feedback) x
     GROUP BY team_id`,
  );
  for (const p of pairs) {
    for (let i = 0; i < p.contacts.length; i += 5000) {
      const chunk = p.contacts.slice(i, i + 5000);
      await rebuildContacts(q, p.team_id, chunk);
      await reattribute(q, p.team_id, chunk);
    }
  }
  await rebuildAllAnswerDaily(q);
}

/** Rebuilds the whole answer_daily rollup from the feedback rows (after a migration or a bulk load). */
export async function rebuildAllAnswerDaily(q: Queryable): Promise<void> {
  await q.query('DELETE FROM answer_daily');
  await q.query(
    `INSERT INTO answer_daily (agent_id, team_id, day, channel, case_type, empathy_sum, empathy_n, clarity_sum,
       clarity_n, csat_good, csat_n, nps_pro, nps_det, nps_n)
     SELECT agent_id, min(team_id), (answered_at AT TIME ZONE 'UTC')::date, channel, coalesce(case_type, ''),
       coalesce(sum(empathy), 0), count(empathy), coalesce(sum(clarity), 0), count(clarity),
       count(*) FILTER (WHERE csat >= 4), count(csat), count(*) FILTER (WHERE nps >= 9),
       count(*) FILTER (WHERE nps <= 6), count(nps)
     FROM feedback GROUP BY agent_id, (answered_at AT TIME ZONE 'UTC')::date, channel, coalesce(case_type, '')`,
  );
}
