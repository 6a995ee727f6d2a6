// Behaviour flags of a reply the agent sent (which coaching behaviours it showed), never its text.
import { replyFlagsIn } from '../../../lib/contract/requests';
import { okSchema } from '../../../lib/contract/schemas';
import { errors, type HubApp, hubApp, hubRoute, json, jsonBody } from '../../api/openapi';
import { idempotencyHeader, idempotent, memberOf, requireMember } from '../../api/util';

const flags = hubRoute({
  method: 'post',
  path: '/me/reply-flags',
  summary: 'Behaviour flags of a sent reply (never text)',
  middleware: [requireMember, idempotent],
  request: { headers: idempotencyHeader, body: jsonBody(replyFlagsIn) },
  responses: { 201: json(okSchema, 'Stored (a repeat is ignored)'), ...errors(400, 401, 403, 413, 415) },
});

export function replyFlagRoutes(): HubApp {
  const r = hubApp();
  r.openapi(flags, async (c) => {
    const body = c.req.valid('json');
    const u = memberOf(c);
    await c.get('hub').db.query(
      `INSERT INTO reply_flags (agent_id, team_id, site, ticket_id, channel, behaviors, sent_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7) ON CONFLICT DO NOTHING`,
      // No ticket id: '' keeps the row's natural key (agent, site, ticket, sentAt) usable for dedupe.
      [u.id, u.teamId, body.site, body.ticketId ?? '', body.channel, JSON.stringify(body.behaviors), body.sentAt],
    );
    return c.json({ ok: true as const }, 201);
  });
  return r;
}
