// Row -> API object mappings and the per-user reads shared by routes and the realtime bus.
import type { UserPrincipal } from './context';
import type { ContactChannel } from '../lib/contract/vocab';
import type { Queryable } from './db/index';

const iso = (d: Date | string | null): string | null => (d == null ? null : new Date(d).toISOString());
/** A NOT NULL timestamp column. */
const isoOf = (d: Date | string): string => new Date(d).toISOString();

export interface FeedbackRow {
  id: string;
  external_id: string;
  contact_id: string;
  channel: ContactChannel;
  case_type: string | null;
  answered_at: Date;
  empathy: number | null;
  csat: number | null;
  clarity: number | null;
  nps: number | null;
  comment: string | null;
  lang: string | null;
  ticket_url: string | null;
  reviewed: boolean;
  note: string | null;
  updated_at: Date;
  seq: string;
}
export const FEEDBACK_COLUMNS = `id, external_id, contact_id, channel, case_type, answered_at, empathy, csat, clarity,
  nps, comment, lang, ticket_url, reviewed, note, updated_at, seq::text AS seq`;

export function feedbackItem(r: FeedbackRow) {
  return {
    id: r.id,
    externalId: r.external_id,
    contactId: r.contact_id,
    channel: r.channel,
    caseType: r.case_type,
    answeredAt: isoOf(r.answered_at),
    empathy: r.empathy,
    csat: r.csat,
    clarity: r.clarity,
    nps: r.nps,
    comment: r.comment,
    lang: r.lang,
    ticketUrl: r.ticket_url,
    reviewed: r.reviewed,
    note: r.note,
    updatedAt: isoOf(r.updated_at),
  };
}

/** Opaque delta-sync cursor: the last change sequence number seen. */
export const encodeCursor = (seq: string): string => Buffer.from(`s${seq}`).toString('base64url');
export function decodeCursor(cursor: string | undefined): string | null {
  if (!cursor) return '0';
  const s = Buffer.from(cursor, 'base64url').toString();
  return /^s\d{1,18}$/.test(s) ? s.slice(1) : null;
}

export interface TipRow {
  id: string;
  text: string;
  author_id: string;
  author_name: string;
  agent_id: string | null;
  team_id: string;
  feedback_id: string | null;
  kpi: string | null;
  due: string | null;
  created_at: Date;
  updated_at: Date;
  ack_at: Date | null;
  ack_comment: string | null;
  ack_useful: boolean | null;
  change_seq: string;
}

/** Tips visible to one agent, with that agent's own ack. $1 = user id, $2 = team id. */
export const TIP_SELECT = `SELECT t.id, t.text, t.author_id, au.name AS author_name, t.agent_id, t.team_id, t.feedback_id,
    t.kpi, t.due, t.created_at, t.updated_at, a.at AS ack_at, a.comment AS ack_comment, a.useful AS ack_useful,
    greatest(t.seq, coalesce(a.seq, 0))::text AS change_seq
  FROM tips t JOIN users au ON au.id = t.author_id
  LEFT JOIN tip_acks a ON a.tip_id = t.id AND a.agent_id = $1
  WHERE (t.agent_id = $1 OR (t.agent_id IS NULL AND t.team_id = $2))`;

export function tipItem(r: TipRow) {
  return {
    id: r.id,
    text: r.text,
    author: { id: r.author_id, name: r.author_name },
    agentId: r.agent_id,
    teamId: r.agent_id ? null : r.team_id,
    feedbackId: r.feedback_id,
    kpi: r.kpi,
    due: r.due,
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
    ack: r.ack_at ? { at: isoOf(r.ack_at), comment: r.ack_comment, useful: r.ack_useful } : null,
  };
}

export async function tipFor(q: Queryable, user: UserPrincipal, tipId: string) {
  const rows = await q.query<TipRow>(`${TIP_SELECT} AND t.id = $3`, [user.id, user.teamId, tipId]);
  const r = rows[0];
  if (r) return tipItem(r);
  // A lead also gets pushes for tips to their team's agents (to see them land); the view without an ack.
  if (user.role === 'lead' && user.teamId) {
    const lead = await q.query<TipRow>(
      `SELECT t.id, t.text, t.author_id, au.name AS author_name, t.agent_id, t.team_id, t.feedback_id, t.kpi, t.due,
         t.created_at, t.updated_at, NULL AS ack_at, NULL AS ack_comment, NULL AS ack_useful, t.seq::text AS change_seq
       FROM tips t JOIN users au ON au.id = t.author_id WHERE t.id = $1 AND t.team_id = $2`,
      [tipId, user.teamId],
    );
    if (lead[0]) return tipItem(lead[0]);
  }
  return null;
}

export interface RequestRow {
  id: string;
  agent_id: string;
  agent_name: string;
  feedback_id: string;
  question: string;
  answer: string | null;
  created_at: Date;
  answered_at: Date | null;
}
export const REQUEST_SELECT = `SELECT r.id, r.agent_id, u.name AS agent_name, r.feedback_id, r.question, r.answer,
  r.created_at, r.answered_at FROM requests r JOIN users u ON u.id = r.agent_id`;

export function requestItem(r: RequestRow) {
  return {
    id: r.id,
    feedbackId: r.feedback_id,
    question: r.question,
    answer: r.answer,
    createdAt: isoOf(r.created_at),
    answeredAt: iso(r.answered_at),
  };
}

/** A request as the lead sees it: who asked. */
export const teamRequestItem = (r: RequestRow) => ({ ...requestItem(r), agentId: r.agent_id, agentName: r.agent_name });

export async function requestFor(q: Queryable, user: UserPrincipal, requestId: string) {
  const rows = await q.query<RequestRow>(`${REQUEST_SELECT} WHERE r.id = $1`, [requestId]);
  const r = rows[0];
  if (!r) return null;
  if (r.agent_id === user.id) return requestItem(r);
  if (user.role === 'lead' && user.teamId) {
    const same = await q.query('SELECT 1 FROM requests WHERE id = $1 AND team_id = $2', [requestId, user.teamId]);
    if (same.length > 0) return teamRequestItem(r);
  }
  return null;
}
