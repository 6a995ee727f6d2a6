// The agent's feedback: delta sync (`GET /me/feedback`) and marking an answer reviewed or noting on it.
import { z } from '@hono/zod-openapi';
import { feedbackStateIn, pageQuery } from '../../../lib/contract/requests';
import { feedbackItemSchema, feedbackPageSchema } from '../../../lib/contract/schemas';
import { errors, type HubApp, hubApp, hubRoute, json, jsonBody } from '../../api/openapi';
import {
  idempotencyHeader,
  idempotent,
  memberOf,
  notFound,
  privateOnly,
  privateView,
  requireMember,
} from '../../api/util';
import { FEED_LOCK } from '../../ingest';
import { decodeCursor, encodeCursor } from '../../api/cursor';
import { FEEDBACK_COLUMNS, type FeedbackRow, feedbackItem } from './view';

const page = hubRoute({
  method: 'get',
  path: '/me/feedback',
  summary: "Delta sync of the agent's feedback",
  description:
    'Items changed since the opaque cursor, in change order; `removed` lists answers re-attributed to another agent. Fewer than `limit` items: caught up.',
  middleware: requireMember,
  request: { query: pageQuery },
  responses: { 200: json(feedbackPageSchema, 'A page of changes'), ...errors(400, 401, 403) },
});

const state = hubRoute({
  method: 'post',
  path: '/me/feedback/{id}/state',
  summary: 'Mark reviewed / private note',
  middleware: [requireMember, idempotent],
  request: { params: z.object({ id: z.string() }), headers: idempotencyHeader, body: jsonBody(feedbackStateIn) },
  responses: { 200: json(feedbackItemSchema, 'The item'), ...errors(400, 401, 403, 404, 413, 415) },
});

export function feedbackRoutes(): HubApp {
  const r = hubApp();
  r.openapi(page, async (c) => {
    const q = c.req.valid('query');
    const seq = decodeCursor(q.cursor);
    if (seq === null) return c.json({ errors: [{ path: 'cursor', message: 'invalid cursor' }] }, 400);
    // Changed items and removals (answers re-attributed to another agent) in one change order.
    const rows = await c.get('hub').db.query<FeedbackRow & { removed: boolean }>(
      `SELECT * FROM (
         SELECT ${FEEDBACK_COLUMNS}, seq AS change, false AS removed FROM feedback WHERE agent_id = $1 AND seq > $2::bigint
         UNION ALL
         SELECT feedback_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false, NULL, NULL,
           seq::text, seq, true FROM feedback_removed WHERE agent_id = $1 AND seq > $2::bigint
       ) x ORDER BY change LIMIT $3`,
      [memberOf(c).id, seq, q.limit],
    );
    const last = rows[rows.length - 1];
    const own = memberOf(c).privateAccess;
    return c.json(
      {
        items: rows.filter((r) => !r.removed).map((r) => privateView(feedbackItem(r), own)),
        removed: rows.filter((r) => r.removed).map((r) => r.id),
        cursor: encodeCursor(last ? last.seq : seq),
      },
      200,
    );
  });

  r.openapi(state, async (c) => {
    const body = c.req.valid('json');
    const u = memberOf(c);
    if (body.note !== undefined && !u.privateAccess) return privateOnly(c);
    const row = await c.get('hub').db.tx(async (q) => {
      await q.query('SELECT pg_advisory_xact_lock($1)', [FEED_LOCK]);
      const rows = await q.query<FeedbackRow>(
        `UPDATE feedback SET reviewed = coalesce($3, reviewed),
           note = CASE WHEN $4::boolean THEN $5 ELSE note END,
           seq = CASE WHEN reviewed IS DISTINCT FROM coalesce($3, reviewed)
                        OR ($4::boolean AND note IS DISTINCT FROM $5) THEN nextval('change_seq') ELSE seq END,
           updated_at = CASE WHEN reviewed IS DISTINCT FROM coalesce($3, reviewed)
                        OR ($4::boolean AND note IS DISTINCT FROM $5) THEN now() ELSE updated_at END
         WHERE id = $1 AND agent_id = $2 RETURNING ${FEEDBACK_COLUMNS}`,
        [c.req.valid('param').id, u.id, body.reviewed ?? null, body.note !== undefined, body.note ?? null],
      );
      return rows[0];
    });
    if (!row) return notFound(c);
    return c.json(privateView(feedbackItem(row), u.privateAccess), 200);
  });
  return r;
}
