// RT ticket transactions → hub contact events. Pure: everything it needs about users and tickets is
// looked up beforehand and passed in, so the rules can be tested with tables.
//
// Rules:
// - Create → created (whoever created it: a ticket opened by an agent on the phone is still a contact).
// - Correspond by a privileged user → agent_reply (agent = that user); by anyone else (the requester, or a
//   Cc on the customer's side) → customer_reply. Comments are internal notes and are skipped.
// - Status → resolved when it becomes `resolved`; → reopened when it leaves `resolved` for an active
//   status. RT itself (RT_System) reopens a resolved ticket when the customer writes again, so that one
//   change is kept even though RT_System's other transactions are noise.
// - Set Owner (and the older Take/Give/Steal) → assigned to the new owner; giving a ticket to Nobody is skipped.
// - Everything else (EmailRecord, AddWatcher, CustomField, …) is skipped.
import type { RtTicket, RtTransaction, RtUser } from './client';
import { parseRtDate } from './client';

export type HubEventType = 'created' | 'agent_reply' | 'customer_reply' | 'assigned' | 'resolved' | 'reopened';

export interface HubEvent {
  externalId: string;
  contactId: string;
  type: HubEventType;
  at: string;
  agent?: { email: string };
  channel: 'email';
  caseType?: string;
}

export interface MappingContext {
  creator: RtUser | null;
  ticket: RtTicket | null;
  /** For owner changes: the new owner. */
  newOwner?: RtUser | null;
}

export interface MappingOptions {
  /** Prefix for contact ids, so RT ticket 12 becomes `rt:12` and never collides with another source. */
  contactPrefix: string;
  /** Prefix for event external ids (idempotency across re-runs). */
  externalPrefix: string;
  /** Use the queue name as the case type. */
  queueAsCaseType: boolean;
}

export const DEFAULT_MAPPING: MappingOptions = {
  contactPrefix: 'rt:',
  externalPrefix: 'rt:txn:',
  queueAsCaseType: true,
};

const SYSTEM_USERS = new Set(['RT_System', 'Nobody']);
const OWNER_TYPES = new Set(['Take', 'Give', 'Steal', 'Untake', 'Force']);
const INACTIVE_AFTER_RESOLVE = new Set(['resolved', 'rejected', 'deleted']);

/** What a transaction needs looked up before it can be mapped (lets the sync skip noise without requests). */
export function lookupsFor(t: RtTransaction): { creator: boolean; ticket: boolean; newOwner: boolean } {
  const relevant = classify(t) !== 'skip';
  return {
    creator: relevant && (t.Type === 'Correspond' || t.Type === 'Status'),
    ticket: relevant,
    newOwner: relevant && isOwnerChange(t),
  };
}

function isOwnerChange(t: RtTransaction): boolean {
  return (t.Type === 'Set' && t.Field === 'Owner') || OWNER_TYPES.has(t.Type);
}

function classify(t: RtTransaction): 'create' | 'correspond' | 'status' | 'owner' | 'skip' {
  if (t.ObjectType && t.ObjectType !== 'RT::Ticket') return 'skip';
  if (t.Type === 'Create') return 'create';
  if (t.Type === 'Status' || (t.Type === 'Set' && t.Field === 'Status')) return 'status';
  if (SYSTEM_USERS.has(t.Creator.id)) return 'skip';
  if (t.Type === 'Correspond') return 'correspond';
  if (isOwnerChange(t)) return 'owner';
  return 'skip';
}

/** A queue name as a hub case type (letters, digits, space, dot, dash, underscore; at most 64). */
export function caseTypeOf(queue: string | undefined): string | undefined {
  const t = (queue ?? '')
    .replace(/[^\p{L}\p{N}_ .-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 64)
    .trim();
  return t || undefined;
}

function hasEmail(u: RtUser | null | undefined): u is RtUser {
  return !!u && /.+@.+/.test(u.EmailAddress);
}

export function mapTransaction(
  t: RtTransaction,
  ctx: MappingContext,
  opts: MappingOptions = DEFAULT_MAPPING,
): HubEvent | null {
  const kind = classify(t);
  if (kind === 'skip') return null;
  const at = parseRtDate(t.Created);
  if (!at) return null;
  const base = {
    externalId: `${opts.externalPrefix}${t.id}`,
    contactId: `${opts.contactPrefix}${t.ObjectId}`,
    at: at.toISOString(),
    channel: 'email' as const,
    ...(opts.queueAsCaseType && caseTypeOf(ctx.ticket?.Queue) ? { caseType: caseTypeOf(ctx.ticket?.Queue) } : {}),
  };
  const agentOf = (u: RtUser | null | undefined) =>
    hasEmail(u) && u.Privileged && !SYSTEM_USERS.has(u.Name) ? { agent: { email: u.EmailAddress } } : {};

  switch (kind) {
    case 'create':
      return { ...base, type: 'created' };
    case 'correspond':
      // A privileged user without an email still answered: the reply times the contact, unattributed.
      if (ctx.creator?.Privileged) return { ...base, type: 'agent_reply', ...agentOf(ctx.creator) };
      return { ...base, type: 'customer_reply' };
    case 'status': {
      const from = t.OldValue;
      const to = t.NewValue;
      if (to === 'resolved' && from !== 'resolved') return { ...base, type: 'resolved', ...agentOf(ctx.creator) };
      if (from === 'resolved' && !INACTIVE_AFTER_RESOLVE.has(to)) return { ...base, type: 'reopened' };
      return null;
    }
    case 'owner': {
      const owner = ctx.newOwner;
      if (!owner || SYSTEM_USERS.has(owner.Name) || !hasEmail(owner)) return null;
      return { ...base, type: 'assigned', agent: { email: owner.EmailAddress } };
    }
  }
}
