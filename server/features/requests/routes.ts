// Questions an agent asks their lead about a feedback item, and the lead's answers.
import { z } from '@hono/zod-openapi';
import { requestAnswerIn, requestIn } from '../../../lib/contract/requests';
import { idSchema, requestsResponseSchema, teamRequestSchema, teamRequestsSchema } from '../../../lib/contract/schemas';
import { errors, type HubApp, hubApp, hubRoute, json, jsonBody } from '../../api/openapi';
import { idempotencyHeader, idempotent, memberOf, notFound, requireLead, requireMember } from '../../api/util';
import { newId } from '../../auth';
import { REQUEST_SELECT, type RequestRow, requestItem, teamRequestItem } from './view';

const ask = hubRoute({
  method: 'post',
  path: '/me/requests',
  summary: 'Ask my lead about a feedback item',
  middleware: [requireMember, idempotent],
  request: { headers: idempotencyHeader, body: jsonBody(requestIn) },
  responses: {
    201: json(idSchema, 'Asked (the same question again: the first one)'),
    ...errors(400, 401, 403, 404, 413, 415),
  },
});

const mine = hubRoute({
  method: 'get',
  path: '/me/requests',
  summary: 'My questions to my lead',
  middleware: requireMember,
  responses: { 200: json(requestsResponseSchema, 'The newest 500'), ...errors(401, 403) },
});

const team = hubRoute({
  method: 'get',
  path: '/team/requests',
  summary: "Agents' questions",
  middleware: requireLead,
  responses: { 200: json(teamRequestsSchema, 'The newest 500'), ...errors(401, 403) },
});

const answer = hubRoute({
  method: 'post',
  path: '/team/requests/{id}/answer',
  summary: 'Answer a question',
  middleware: requireLead,
  request: { params: z.object({ id: z.string() }), body: jsonBody(requestAnswerIn) },
  responses: { 200: json(teamRequestSchema, 'The answered question'), ...errors(400, 401, 403, 404, 413, 415) },
});

export function requestRoutes(): HubApp {
  const r = hubApp();
  r.openapi(ask, async (c) => {
    const body = c.req.valid('json');
    const u = memberOf(c);
    const hub = c.get('hub');
    const own = await hub.db.query('SELECT 1 FROM feedback WHERE id = $1 AND agent_id = $2', [body.feedbackId, u.id]);
    if (own.length === 0) return notFound(c);
    const rows = await hub.db.query<{ id: string; inserted: boolean }>(
      `WITH ins AS (INSERT INTO requests (id, agent_id, team_id, feedback_id, question, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (agent_id, feedback_id, question) DO NOTHING RETURNING id)
       SELECT id, true AS inserted FROM ins
       UNION ALL SELECT id, false FROM requests WHERE agent_id = $2 AND feedback_id = $4 AND question = $5`,
      [newId(), u.id, u.teamId, body.feedbackId, body.question, hub.now().toISOString()],
    );
    const row = rows[0] as { id: string; inserted: boolean };
    if (row.inserted) await hub.realtime.publish({ t: 'request', requestId: row.id, agentId: u.id, teamId: u.teamId });
    return c.json({ id: row.id }, 201);
  });

  r.openapi(mine, async (c) => {
    const rows = await c
      .get('hub')
      .db.query<RequestRow>(`${REQUEST_SELECT} WHERE r.agent_id = $1 ORDER BY r.created_at DESC LIMIT 500`, [
        memberOf(c).id,
      ]);
    return c.json({ items: rows.map((r) => requestItem(r)) }, 200);
  });

  r.openapi(team, async (c) => {
    const rows = await c
      .get('hub')
      .db.query<RequestRow>(`${REQUEST_SELECT} WHERE r.team_id = $1 ORDER BY r.created_at DESC LIMIT 500`, [
        memberOf(c).teamId,
      ]);
    return c.json({ items: rows.map(teamRequestItem) }, 200);
  });

  r.openapi(answer, async (c) => {
    const body = c.req.valid('json');
    const lead = memberOf(c);
    const hub = c.get('hub');
    const rows = await hub.db.query<{ id: string; agent_id: string }>(
      `UPDATE requests SET answer = $3, answered_by = $4, answered_at = coalesce(answered_at, $5::timestamptz)
       WHERE id = $1 AND team_id = $2 RETURNING id, agent_id`,
      [c.req.valid('param').id, lead.teamId, body.answer, lead.id, hub.now().toISOString()],
    );
    const row = rows[0];
    if (!row) return notFound(c);
    await hub.realtime.publish({ t: 'request', requestId: row.id, agentId: row.agent_id, teamId: lead.teamId });
    const full = await hub.db.query<RequestRow>(`${REQUEST_SELECT} WHERE r.id = $1`, [row.id]);
    return c.json(teamRequestItem(full[0] as RequestRow), 200);
  });
  return r;
}
