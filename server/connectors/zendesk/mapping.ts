// Zendesk ticket events (audits) and satisfaction ratings → hub events and answers. Pure: the users the
// events mention are looked up beforehand and passed in, so the rules are testable with tables.
//
// Rules (child event types: https://developer.zendesk.com/documentation/ticketing/reference-guides/ticket-audit-events-reference):
// - An audit with a Create child → `created` (one per ticket: externalId `zendesk:<sub>:created:<ticket>`).
//   Its Comment is the ticket's description, not a reply, and is skipped.
// - Comment, public, author an agent or admin → `agent_reply` (that agent, matched by email);
//   public, author an end user → `customer_reply`. Private comments (internal notes) are never replies.
//   A user Zendesk no longer returns (deleted; Zendesk only deletes end users — an agent is downgraded
//   first) counts as a customer. ExternalId `zendesk:<sub>:c:<comment id>`, the same id the webhooks use.
// - Change of status to `solved` → `resolved` (agent: the updater, when an agent); from solved to
//   new/open/pending/hold → `reopened`. solved → closed is Zendesk archiving, skipped.
// - Change of assignee → `assigned` (the new assignee). Unassigning is skipped.
// - Everything else (tags, notifications, satisfaction rating events, SLA) is skipped.
// Times: the audit's created_at (ISO 8601; any offset is normalised to UTC), else its unix timestamp.
import type { PageEvent, PageFeedback } from '../hooks/store';
import type { ZdChildEvent, ZdRating, ZdTicketEvent, ZdUser } from './client';

export type Channel = PageEvent['channel'];

const AGENT_ROLES = new Set(['agent', 'admin']);
const OPEN_STATUSES = new Set(['new', 'open', 'pending', 'hold']);

/** The audit's channel: Zendesk's `via` is a string ("Mail", "Chat", "Voice", …) or {channel: …}. */
export function channelOf(via: unknown): Channel {
  const v = (
    typeof via === 'string'
      ? via
      : via && typeof via === 'object' && 'channel' in via
        ? String((via as { channel: unknown }).channel)
        : ''
  ).toLowerCase();
  if (/chat|messag|whatsapp|facebook|twitter|instagram|sms|line|wechat|telegram/.test(v)) return 'chat';
  if (/voice|phone|call/.test(v)) return 'phone';
  return 'email';
}

export function isoOf(createdAt: string | undefined, timestamp: number | undefined): string | null {
  if (createdAt) {
    const t = Date.parse(createdAt);
    if (Number.isFinite(t)) return new Date(t).toISOString();
  }
  if (typeof timestamp === 'number' && Number.isFinite(timestamp)) return new Date(timestamp * 1000).toISOString();
  return null;
}

/** User ids an audit needs looked up (comment authors, updaters of status changes, new assignees). */
export function usersNeeded(ev: ZdTicketEvent): number[] {
  const ids: number[] = [];
  if (typeof ev.updater_id === 'number' && ev.updater_id > 0) ids.push(ev.updater_id);
  for (const c of ev.child_events) {
    if (typeof c.author_id === 'number' && c.author_id > 0) ids.push(c.author_id);
    const a = changeOf(c, 'assignee_id');
    if (a && typeof a.value === 'number') ids.push(a.value);
  }
  return ids;
}

function changeOf(c: ZdChildEvent, field: 'status' | 'assignee_id'): { value: unknown; previous: unknown } | null {
  if (c.event_type !== 'Change' && c.event_type !== 'Create') return null;
  if (c.field_name !== undefined) {
    if (c.field_name !== field) return null;
    return { value: normaliseValue(field, c.value), previous: normaliseValue(field, c.previous_value) };
  }
  if (!(field in c)) return null;
  return { value: normaliseValue(field, c[field]), previous: normaliseValue(field, c.previous_value) };
}

function normaliseValue(field: 'status' | 'assignee_id', v: unknown): unknown {
  if (v === null || v === undefined || v === '') return null;
  if (field === 'assignee_id') {
    const n = Number(v);
    return Number.isInteger(n) && n > 0 ? n : null;
  }
  return String(v).toLowerCase();
}

export interface MapContext {
  site: string;
  users: Map<number, ZdUser | null>;
}

const agentEmail = (u: ZdUser | null | undefined): string | undefined =>
  u && AGENT_ROLES.has(u.role) && u.email ? u.email : undefined;

export function mapTicketEvent(ev: ZdTicketEvent, ctx: MapContext): PageEvent[] {
  const at = isoOf(ev.created_at, ev.timestamp);
  if (!at) return [];
  const contactId = `zendesk:${ctx.site}:${ev.ticket_id}`;
  const channel = channelOf(ev.via);
  const prefix = `zendesk:${ctx.site}`;
  const out: PageEvent[] = [];
  const isCreate = ev.child_events.some((c) => c.event_type === 'Create');
  const updater = typeof ev.updater_id === 'number' ? ctx.users.get(ev.updater_id) : undefined;
  if (isCreate) out.push({ externalId: `${prefix}:created:${ev.ticket_id}`, contactId, type: 'created', at, channel });
  for (const c of ev.child_events) {
    if (c.event_type === 'Comment' || c.event_type === 'VoiceComment') {
      if (isCreate) continue;
      const isPublic = c.public ?? c.comment_public ?? false;
      if (!isPublic) continue;
      const author = typeof c.author_id === 'number' ? ctx.users.get(c.author_id) : null;
      const isAgent = !!author && AGENT_ROLES.has(author.role);
      const email = agentEmail(author);
      out.push({
        externalId: `${prefix}:c:${c.id}`,
        contactId,
        type: isAgent ? 'agent_reply' : 'customer_reply',
        at,
        channel,
        ...(email ? { agentEmail: email } : {}),
      });
      continue;
    }
    const status = changeOf(c, 'status');
    if (status) {
      const to = status.value;
      const from = status.previous;
      if (to === 'solved' && from !== 'solved') {
        const email = agentEmail(updater);
        out.push({
          externalId: `${prefix}:e:${c.id}`,
          contactId,
          type: 'resolved',
          at,
          channel,
          ...(email ? { agentEmail: email } : {}),
        });
      } else if (from === 'solved' && typeof to === 'string' && OPEN_STATUSES.has(to)) {
        out.push({ externalId: `${prefix}:e:${c.id}`, contactId, type: 'reopened', at, channel });
      }
      continue;
    }
    const assignee = changeOf(c, 'assignee_id');
    if (assignee && typeof assignee.value === 'number') {
      const email = agentEmail(ctx.users.get(assignee.value));
      out.push({
        externalId: `${prefix}:e:${c.id}`,
        contactId,
        type: 'assigned',
        at,
        channel,
        ...(email ? { agentEmail: email } : {}),
      });
    }
  }
  return out;
}

/**
 * A received rating → an answer: good = CSAT 5, bad = CSAT 1 (Zendesk's legacy CSAT is binary); offered or
 * unoffered ratings carry no answer and are skipped. The answer's time is when the customer rated
 * (updated_at; created_at is when the survey was offered).
 */
export function mapRating(r: ZdRating, ctx: MapContext & { baseUrl: string }): PageFeedback | null {
  const score = r.score.toLowerCase();
  const csat = score.startsWith('good') ? 5 : score.startsWith('bad') ? 1 : null;
  if (csat === null || typeof r.ticket_id !== 'number') return null;
  const answeredAt = isoOf(r.updated_at ?? r.created_at, undefined);
  if (!answeredAt) return null;
  const assignee = typeof r.assignee_id === 'number' ? ctx.users.get(r.assignee_id) : null;
  const email = agentEmail(assignee);
  return {
    externalId: `zendesk:${ctx.site}:rating:${r.id}`,
    contactId: `zendesk:${ctx.site}:${r.ticket_id}`,
    agentEmails: email ? [email] : [],
    channel: 'email',
    answeredAt,
    csat,
    ...(r.comment ? { comment: r.comment } : {}),
    ...(/^https?:\/\//.test(ctx.baseUrl) ? { ticketUrl: `${ctx.baseUrl}/agent/tickets/${r.ticket_id}` } : {}),
  };
}
