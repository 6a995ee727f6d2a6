// Tip rows as the API's objects, and the read of one tip for a user (routes and the realtime bus).
import type { UserPrincipal } from '../../context';
import type { Queryable } from '../../db/index';
import { isoOf } from '../../api/time';

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
