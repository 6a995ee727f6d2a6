// Feedback rows as the API's objects (lib/contract feedbackItemSchema).
import type { ContactChannel } from '../../../lib/contract/vocab';
import { isoOf } from '../../api/time';

export interface FeedbackRow {
  id: string;
  external_id: string;
  contact_id: string;
  channel: ContactChannel;
  case_type: string | null;
  answered_at: Date;
  empathy: number | null;
  csat: number | null;
  clarity: number | null;
  nps: number | null;
  comment: string | null;
  lang: string | null;
  ticket_url: string | null;
  reviewed: boolean;
  note: string | null;
  updated_at: Date;
  seq: string;
}
export const FEEDBACK_COLUMNS = `id, external_id, contact_id, channel, case_type, answered_at, empathy, csat, clarity,
  nps, comment, lang, ticket_url, reviewed, note, updated_at, seq::text AS seq`;

export function feedbackItem(r: FeedbackRow) {
  return {
    id: r.id,
    externalId: r.external_id,
    contactId: r.contact_id,
    channel: r.channel,
    caseType: r.case_type,
    answeredAt: isoOf(r.answered_at),
    empathy: r.empathy,
    csat: r.csat,
    clarity: r.clarity,
    nps: r.nps,
    comment: r.comment,
    lang: r.lang,
    ticketUrl: r.ticket_url,
    reviewed: r.reviewed,
    note: r.note,
    updatedAt: isoOf(r.updated_at),
  };
}
