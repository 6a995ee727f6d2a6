// Coaching tips: a lead writes one (to an agent or the whole team), agents sync and acknowledge theirs, the
// lead sees every acknowledgement.
import { z } from '@hono/zod-openapi';
import { pageQuery, tipAckIn, tipIn } from '../../../lib/contract/requests';
import { teamTipsSchema, tipSchema, tipsPageSchema } from '../../../lib/contract/schemas';
import { errors, type HubApp, hubApp, hubRoute, json, jsonBody } from '../../api/openapi';
import { idempotencyHeader, idempotent, memberOf, notFound, requireLead, requireMember } from '../../api/util';
import { newId } from '../../auth';
import { FEED_LOCK } from '../../ingest';
import { decodeCursor, encodeCursor } from '../../api/cursor';
import { TIP_SELECT, type TipRow, tipFor, tipItem } from './view';

const create = hubRoute({
  method: 'post',
  path: '/tips',
  summary: 'Create a coaching tip',
  middleware: requireLead,
  request: { body: jsonBody(tipIn) },
  responses: { 201: json(tipSchema, 'The tip'), ...errors(400, 401, 403, 404, 413, 415) },
});

const mine = hubRoute({
  method: 'get',
  path: '/me/tips',
  summary: "Delta sync of the agent's tips",
  middleware: requireMember,
  request: { query: pageQuery },
  responses: { 200: json(tipsPageSchema, 'A page of changes'), ...errors(400, 401, 403) },
});

const ack = hubRoute({
  method: 'post',
  path: '/tips/{id}/ack',
  summary: 'Acknowledge a tip',
  middleware: [requireMember, idempotent],
  request: { params: z.object({ id: z.string() }), headers: idempotencyHeader, body: jsonBody(tipAckIn) },
  responses: { 200: json(tipSchema, 'The tip with the ack'), ...errors(400, 401, 403, 404, 413, 415) },
});

const team = hubRoute({
  method: 'get',
  path: '/team/tips',
  summary: 'Team tips with acknowledgements',
  middleware: requireLead,
  responses: { 200: json(teamTipsSchema, 'The newest 500 tips'), ...errors(401, 403) },
});

export function tipRoutes(): HubApp {
  const r = hubApp();
  r.openapi(create, async (c) => {
    const t = c.req.valid('json');
    const lead = memberOf(c);
    const hub = c.get('hub');
    if (t.teamId && t.teamId !== lead.teamId) return notFound(c);
    if (t.agentId) {
      const a = await hub.db.query('SELECT 1 FROM users WHERE id = $1 AND team_id = $2', [t.agentId, lead.teamId]);
      if (a.length === 0) return notFound(c);
    }
    if (t.feedbackId) {
      const f = await hub.db.query('SELECT 1 FROM feedback WHERE id = $1 AND team_id = $2', [
        t.feedbackId,
        lead.teamId,
      ]);
      if (f.length === 0) return notFound(c);
    }
    const id = newId();
    const now = hub.now().toISOString();
    await hub.db.tx(async (q) => {
      await q.query('SELECT pg_advisory_xact_lock($1)', [FEED_LOCK]);
      await q.query(
        `INSERT INTO tips (id, team_id, agent_id, author_id, text, feedback_id, kpi, due, created_at, updated_at, seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, nextval('change_seq'))`,
        [id, lead.teamId, t.agentId ?? null, lead.id, t.text, t.feedbackId ?? null, t.kpi ?? null, t.due ?? null, now],
      );
    });
    await hub.realtime.publish({ t: 'tip', tipId: id, agentId: t.agentId ?? null, teamId: lead.teamId });
    const tip = await tipFor(hub.db, lead, id);
    return tip ? c.json(tip, 201) : notFound(c);
  });

  r.openapi(mine, async (c) => {
    const q = c.req.valid('query');
    const seq = decodeCursor(q.cursor);
    if (seq === null) return c.json({ errors: [{ path: 'cursor', message: 'invalid cursor' }] }, 400);
    const u = memberOf(c);
    const rows = await c
      .get('hub')
      .db.query<TipRow>(
        `SELECT * FROM (${TIP_SELECT}) x WHERE change_seq::bigint > $3::bigint ORDER BY change_seq::bigint LIMIT $4`,
        [u.id, u.teamId, seq, q.limit],
      );
    const last = rows[rows.length - 1];
    return c.json({ items: rows.map(tipItem), cursor: encodeCursor(last ? last.change_seq : seq) }, 200);
  });

  r.openapi(ack, async (c) => {
    const body = c.req.valid('json');
    const u = memberOf(c);
    const hub = c.get('hub');
    const tipId = c.req.valid('param').id;
    if (!(await tipFor(hub.db, { ...u, role: 'agent' }, tipId))) return notFound(c);
    await hub.db.tx(async (q) => {
      await q.query('SELECT pg_advisory_xact_lock($1)', [FEED_LOCK]);
      await q.query(
        `INSERT INTO tip_acks (tip_id, agent_id, at, comment, useful, seq)
       VALUES ($1, $2, $3, $4, $5, nextval('change_seq'))
       ON CONFLICT (tip_id, agent_id) DO UPDATE SET comment = coalesce(excluded.comment, tip_acks.comment),
         useful = coalesce(excluded.useful, tip_acks.useful), seq = excluded.seq
       WHERE tip_acks.comment IS DISTINCT FROM coalesce(excluded.comment, tip_acks.comment)
          OR tip_acks.useful IS DISTINCT FROM coalesce(excluded.useful, tip_acks.useful)`,
        [tipId, u.id, hub.now().toISOString(), body.comment ?? null, body.useful ?? null],
      );
    });
    const tip = await tipFor(hub.db, { ...u, role: 'agent' }, tipId);
    const team = await hub.db.query<{ team_id: string; agent_id: string | null }>(
      'SELECT team_id, agent_id FROM tips WHERE id = $1',
      [tipId],
    );
    if (team[0]) await hub.realtime.publish({ t: 'tip', tipId, agentId: u.id, teamId: team[0].team_id });
    return tip ? c.json(tip, 200) : notFound(c);
  });

  r.openapi(team, async (c) => {
    const hub = c.get('hub');
    const teamId = memberOf(c).teamId;
    const tips = await hub.db.query<Omit<TipRow, 'ack_at' | 'ack_comment' | 'ack_useful' | 'change_seq'>>(
      `SELECT t.id, t.text, t.author_id, u.name AS author_name, t.agent_id, t.team_id, t.feedback_id, t.kpi, t.due,
         t.created_at, t.updated_at
       FROM tips t JOIN users u ON u.id = t.author_id WHERE t.team_id = $1 ORDER BY t.created_at DESC LIMIT 500`,
      [teamId],
    );
    const acks = await hub.db.query<{
      tip_id: string;
      agent_id: string;
      name: string;
      at: Date;
      comment: string | null;
      useful: boolean | null;
    }>(
      `SELECT a.tip_id, a.agent_id, u.name, a.at, a.comment, a.useful FROM tip_acks a
       JOIN tips t ON t.id = a.tip_id JOIN users u ON u.id = a.agent_id WHERE t.team_id = $1 ORDER BY a.at`,
      [teamId],
    );
    return c.json(
      {
        items: tips.map((t) => ({
          id: t.id,
          text: t.text,
          author: { id: t.author_id, name: t.author_name },
          agentId: t.agent_id,
          teamId: t.agent_id ? null : t.team_id,
          feedbackId: t.feedback_id,
          kpi: t.kpi,
          due: t.due,
          createdAt: new Date(t.created_at).toISOString(),
          updatedAt: new Date(t.updated_at).toISOString(),
          ack: null,
          acks: acks
            .filter((a) => a.tip_id === t.id)
            .map((a) => ({
              agentId: a.agent_id,
              name: a.name,
              at: new Date(a.at).toISOString(),
              comment: a.comment,
              useful: a.useful,
            })),
        })),
      },
      200,
    );
  });
  return r;
}
