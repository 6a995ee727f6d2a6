// Zendesk webhooks subscribed to ticket events (Admin Center → Webhooks → "Zendesk events"), for
// near-real-time events between pulls. Payload shape: https://developer.zendesk.com/api-reference/webhooks/event-types/ticket-events/
//   { type: "zen:event-type:ticket.comment_added", id: <uuid>, time: <ISO>, subject: "zen:ticket:<id>",
//     detail: { id, status, via: { channel }, assignee_id, … },
//     event: { comment: { id, is_public, author: { id, is_staff } } } }
//   ticket.status_changed        event: { current: "SOLVED", previous: "OPEN" }
//   ticket.agent_assignment_changed  event: { current: "<user id>", previous: "<user id>" }
//   ticket.created               event: {}
// Comments use the same externalId as the pull (`zendesk:<sub>:c:<comment id>`), and `created` is one per
// ticket, so a webhook followed by a pull of the same change stores it once. Status and assignment changes
// carry no audit id here; they are keyed by the webhook event id (a duplicate of the pulled change at the
// same time does not change any KPI: contact facts take the first `resolved`/`reopened`).
import { z } from 'zod';
import type { PageEvent } from '../hooks/store';
import { channelOf } from './mapping';

const idish = z.union([z.string(), z.number()]).transform(String);

export const zendeskWebhookBody = z
  .object({
    type: z.string().max(200),
    id: z.string().min(1).max(200),
    time: z.string().max(64),
    detail: z.object({ id: idish, via: z.unknown().optional() }).loose(),
    event: z
      .object({
        comment: z
          .object({
            id: idish,
            is_public: z.boolean().optional(),
            author: z.object({ id: idish, is_staff: z.boolean().optional() }).loose().optional(),
          })
          .loose()
          .optional(),
        current: z.unknown().optional(),
        previous: z.unknown().optional(),
      })
      .loose()
      .default({}),
  })
  .loose();
export type ZendeskWebhookBody = z.output<typeof zendeskWebhookBody>;

const OPEN = new Set(['new', 'open', 'pending', 'hold']);

/** Maps one webhook to at most one event; `emailOf` resolves a Zendesk user id to an agent email. */
export async function mapZendeskWebhook(
  body: ZendeskWebhookBody,
  site: string,
  emailOf: (userId: string) => Promise<string | undefined>,
): Promise<PageEvent | null> {
  const t = Date.parse(body.time);
  if (!Number.isFinite(t)) return null;
  const at = new Date(t).toISOString();
  const ticket = body.detail.id;
  if (!/^\d+$/.test(ticket)) return null;
  const contactId = `zendesk:${site}:${ticket}`;
  const channel = channelOf(body.detail.via);
  const prefix = `zendesk:${site}`;
  const kind = body.type.replace(/^zen:event-type:/, '');
  const lower = (v: unknown) => (v === null || v === undefined ? null : String(v).toLowerCase());
  switch (kind) {
    case 'ticket.created':
      return { externalId: `${prefix}:created:${ticket}`, contactId, type: 'created', at, channel };
    case 'ticket.comment_added': {
      const c = body.event.comment;
      if (c?.is_public !== true) return null;
      const staff = c.author?.is_staff === true;
      const email = staff && c.author ? await emailOf(c.author.id) : undefined;
      return {
        externalId: `${prefix}:c:${c.id}`,
        contactId,
        type: staff ? 'agent_reply' : 'customer_reply',
        at,
        channel,
        ...(email ? { agentEmail: email } : {}),
      };
    }
    case 'ticket.status_changed': {
      const to = lower(body.event.current);
      const from = lower(body.event.previous);
      if (to === 'solved' && from !== 'solved')
        return { externalId: `${prefix}:wh:${body.id}`, contactId, type: 'resolved', at, channel };
      if (from === 'solved' && to && OPEN.has(to))
        return { externalId: `${prefix}:wh:${body.id}`, contactId, type: 'reopened', at, channel };
      return null;
    }
    case 'ticket.agent_assignment_changed': {
      const to = body.event.current;
      if (to === null || to === undefined || to === '') return null;
      const email = await emailOf(String(to));
      return {
        externalId: `${prefix}:wh:${body.id}`,
        contactId,
        type: 'assigned',
        at,
        channel,
        ...(email ? { agentEmail: email } : {}),
      };
    }
    default:
      return null;
  }
}
