// Request rows as the API's objects, and the read of one request for a user (routes and the realtime bus).
import type { UserPrincipal } from '../../context';
import type { Queryable } from '../../db/index';
import { iso, isoOf } from '../../api/time';

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
