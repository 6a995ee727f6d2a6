// Stores one page of helpdesk data through the hub's own ingestion (server/ingest.ts: the same validation,
// dedupe by externalId and fair attribution as POST /api/v1/events and /feedback) TOGETHER with the
// connector's cursor, in one database transaction: a crash mid-page leaves neither the page nor the cursor,
// so the next run fetches that page again; a crash after the commit leaves both. Nothing is half-stored.
//
// ingestEvents/ingestFeedback open their own transaction through `hub.db.tx`; here they get a view of the
// hub whose `db` runs everything inside the one outer transaction instead.
import type { HubContext } from '../../context';
import type { Db, Queryable } from '../../db/index';
import { ingestEvents, ingestFeedback } from '../../ingest';
import { type EventIn, eventIn, type FeedbackIn, feedbackIn } from '../../../lib/contract/requests';
import { setState } from '../state';

export interface PageEvent {
  externalId: string;
  contactId: string;
  type: EventIn['type'];
  at: string;
  agentEmail?: string;
  channel: EventIn['channel'];
  caseType?: string;
}

export interface PageFeedback {
  externalId: string;
  contactId: string;
  /** Candidate agents for the answer's source, best first (the ingest rule may still move it to the last replier). */
  agentEmails: string[];
  channel: FeedbackIn['channel'];
  answeredAt: string;
  csat?: number;
  comment?: string;
  ticketUrl?: string;
}

export interface PageResult {
  inserted: number;
  duplicates: number;
  byType: Record<string, number>;
  feedbackInserted: number;
  feedbackDuplicates: number;
  /** Helpdesk emails with no hub agent in the connector's team (events kept without an agent). */
  unmatched: string[];
  /** Answers with no agent to attribute them to (no reply by a known agent, no known assignee): not stored. */
  unattributedFeedback: string[];
  skipped: { externalId: string; reason: string }[];
}

/** Adds a stored page's event counts and unmatched agents to a sync report (Zendesk and Freshdesk report alike). */
export function addEventCounts(
  report: { inserted: number; duplicates: number; byType: Record<string, number> },
  res: PageResult,
  unmatched: Set<string>,
): void {
  report.inserted += res.inserted;
  report.duplicates += res.duplicates;
  for (const [k, v] of Object.entries(res.byType)) report.byType[k] = (report.byType[k] ?? 0) + v;
  for (const u of res.unmatched) unmatched.add(u);
}

/** Hub agents and leads of `teamId` among these emails: lower-cased email → user id. */
export async function agentsOfTeam(q: Queryable, teamId: string, emails: string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const rows = await q.query<{ id: string; email: string }>(
    `SELECT id, lower(email) AS email FROM users WHERE lower(email) IN (SELECT jsonb_array_elements_text($1::jsonb))
       AND team_id = $2 AND role IN ('agent', 'lead')`,
    [JSON.stringify([...new Set(emails.map((e) => e.toLowerCase()))]), teamId],
  );
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** The hub seen from inside one transaction: ingestion's own `tx` calls join it. */
export function inTx(hub: HubContext, q: Queryable): HubContext {
  const db: Db = { ...hub.db, query: (sql, params) => q.query(sql, params), tx: (fn) => fn(q) };
  return { ...hub, db };
}

export async function storePage(
  hub: HubContext,
  teamId: string,
  page: { events: PageEvent[]; feedback?: PageFeedback[] },
  cursor: { key: string; value: unknown } | null,
): Promise<PageResult> {
  const result: PageResult = {
    inserted: 0,
    duplicates: 0,
    byType: {},
    feedbackInserted: 0,
    feedbackDuplicates: 0,
    unmatched: [],
    unattributedFeedback: [],
    skipped: [],
  };
  const unmatched = new Set<string>();
  await hub.db.tx(async (q) => {
    const view = inTx(hub, q);
    const emails = [
      ...page.events.flatMap((e) => (e.agentEmail ? [e.agentEmail] : [])),
      ...(page.feedback ?? []).flatMap((f) => f.agentEmails),
    ];
    const known = await agentsOfTeam(q, teamId, emails);
    const prepared: EventIn[] = [];
    for (const e of page.events) {
      const { agentEmail, ...rest } = e;
      let candidate: Record<string, unknown> = rest;
      if (agentEmail) {
        const id = known.get(agentEmail.toLowerCase());
        if (id) candidate = { ...rest, agent: { id } };
        else unmatched.add(agentEmail.toLowerCase());
      }
      const checked = eventIn.safeParse(candidate);
      if (checked.success) prepared.push(checked.data);
      else result.skipped.push({ externalId: e.externalId, reason: checked.error.issues[0]?.message ?? 'invalid' });
    }
    if (prepared.length > 0) {
      const res = await ingestEvents(view, prepared, { teamId }, true);
      if (!res.ok)
        throw new Error(`the hub refused events: ${res.errors.map((x) => `${x.path}: ${x.message}`).join('; ')}`);
      for (const [i, ack] of res.items.entries()) {
        if (ack.duplicate) result.duplicates++;
        else {
          result.inserted++;
          const t = prepared[i]?.type ?? 'unknown';
          result.byType[t] = (result.byType[t] ?? 0) + 1;
        }
      }
    }
    const answers: FeedbackIn[] = [];
    for (const f of page.feedback ?? []) {
      const source =
        f.agentEmails.map((e) => known.get(e.toLowerCase())).find(Boolean) ??
        (await lastReplier(q, teamId, f.contactId));
      for (const e of f.agentEmails) if (!known.has(e.toLowerCase())) unmatched.add(e.toLowerCase());
      if (!source) {
        result.unattributedFeedback.push(f.externalId);
        continue;
      }
      const checked = feedbackIn.safeParse({
        externalId: f.externalId,
        contactId: f.contactId,
        agent: { id: source },
        channel: f.channel,
        answeredAt: f.answeredAt,
        ...(f.csat !== undefined ? { csat: f.csat } : {}),
        ...(f.comment ? { comment: f.comment } : {}),
        ...(f.ticketUrl ? { ticketUrl: f.ticketUrl } : {}),
      });
      if (checked.success) answers.push(checked.data);
      else result.skipped.push({ externalId: f.externalId, reason: checked.error.issues[0]?.message ?? 'invalid' });
    }
    if (answers.length > 0) {
      const res = await ingestFeedback(view, answers, { teamId }, true);
      if (!res.ok)
        throw new Error(`the hub refused answers: ${res.errors.map((x) => `${x.path}: ${x.message}`).join('; ')}`);
      for (const ack of res.items) {
        if (ack.duplicate) result.feedbackDuplicates++;
        else result.feedbackInserted++;
      }
    }
    if (cursor) await setState(q, cursor.key, cursor.value);
  });
  result.unmatched = [...unmatched].sort();
  return result;
}

/** The agent of the contact's latest reply by a known agent (any time): the answer's fallback source. */
async function lastReplier(q: Queryable, teamId: string, contactId: string): Promise<string | undefined> {
  const rows = await q.query<{ agent_id: string }>(
    `SELECT agent_id FROM events WHERE team_id = $1 AND contact_id = $2 AND type = 'agent_reply'
       AND agent_id IS NOT NULL ORDER BY at DESC, external_id DESC LIMIT 1`,
    [teamId, contactId],
  );
  return rows[0]?.agent_id;
}
