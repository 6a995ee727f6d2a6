// Freshdesk tickets, conversations and satisfaction ratings → hub events and answers. Pure.
// - Ticket → `created` at created_at; `resolved` at stats.resolved_at (agent: the responder); `reopened` at
//   stats.reopened_at. Freshdesk keeps only the latest of each, so the externalId includes the time: a later
//   resolution seen by a later sync is a new event, a re-read of the same one a duplicate.
// - Conversation: private (a note) → skipped; incoming (from the customer) → `customer_reply`; else →
//   `agent_reply` by the agent whose id is user_id (matched by email).
// - Rating → an answer with CSAT from ratings.default_question on Freshdesk's scale
//   (103 extremely happy … -103 extremely unhappy: https://developers.freshdesk.com/api/#satisfaction-ratings):
//   102/103 → 5, 101 → 4, 100 → 3, -101 → 2, -102/-103 → 1; its `feedback` text is the comment.
// Channel from the ticket's source (https://developers.freshdesk.com/api/#tickets: 1 email, 2 portal, 3 phone,
// 7 chat, 9 feedback widget, 10 outbound email).
import type { PageEvent, PageFeedback } from '../hooks/store';
import type { FdConversation, FdRating, FdTicket } from './client';

export function channelOfSource(source: number | undefined): PageEvent['channel'] {
  if (source === 7) return 'chat';
  if (source === 3) return 'phone';
  return 'email';
}

const iso = (s: string | null | undefined): string | null => {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
};

export function mapTicket(
  t: FdTicket,
  conversations: FdConversation[],
  ctx: { site: string; agents: Map<number, string> },
): PageEvent[] {
  const p = `freshdesk:${ctx.site}`;
  const contactId = `${p}:${t.id}`;
  const channel = channelOfSource(t.source);
  const out: PageEvent[] = [];
  const created = iso(t.created_at);
  if (created) out.push({ externalId: `${p}:created:${t.id}`, contactId, type: 'created', at: created, channel });
  for (const c of conversations) {
    if (c.private) continue;
    const at = iso(c.created_at);
    if (!at) continue;
    const email = !c.incoming && typeof c.user_id === 'number' ? ctx.agents.get(c.user_id) : undefined;
    out.push({
      externalId: `${p}:conv:${c.id}`,
      contactId,
      type: c.incoming ? 'customer_reply' : 'agent_reply',
      at,
      channel,
      ...(email ? { agentEmail: email } : {}),
    });
  }
  const resolved = iso(t.stats?.resolved_at);
  if (resolved) {
    const email = typeof t.responder_id === 'number' ? ctx.agents.get(t.responder_id) : undefined;
    out.push({
      externalId: `${p}:resolved:${t.id}:${resolved}`,
      contactId,
      type: 'resolved',
      at: resolved,
      channel,
      ...(email ? { agentEmail: email } : {}),
    });
  }
  const reopened = iso(t.stats?.reopened_at);
  if (reopened)
    out.push({ externalId: `${p}:reopened:${t.id}:${reopened}`, contactId, type: 'reopened', at: reopened, channel });
  return out;
}

const SCALE: Record<number, number> = { 103: 5, 102: 5, 101: 4, 100: 3, [-101]: 2, [-102]: 1, [-103]: 1 };

export function mapRating(r: FdRating, ctx: { site: string; agents: Map<number, string> }): PageFeedback | null {
  const raw = r.ratings?.default_question;
  const csat = raw === undefined ? undefined : SCALE[raw];
  if (csat === undefined || typeof r.ticket_id !== 'number') return null;
  const at = iso(r.created_at);
  if (!at) return null;
  const email = typeof r.agent_id === 'number' ? ctx.agents.get(r.agent_id) : undefined;
  return {
    externalId: `freshdesk:${ctx.site}:rating:${r.id}`,
    contactId: `freshdesk:${ctx.site}:${r.ticket_id}`,
    agentEmails: email ? [email] : [],
    channel: 'email',
    answeredAt: at,
    csat,
    ...(r.feedback ? { comment: r.feedback } : {}),
  };
}
