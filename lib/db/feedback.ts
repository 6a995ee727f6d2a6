// One survey answer attributed to the agent, as the hub sends it (`GET /api/v1/me/feedback`).
export type FeedbackChannel = 'chat' | 'email' | 'phone';

export interface FeedbackItem {
  id: string;
  externalId: string;
  contactId: string;
  channel: FeedbackChannel;
  caseType: string | null;
  answeredAt: string;
  empathy: number | null;
  csat: number | null;
  clarity: number | null;
  nps: number | null;
  /** Untrusted customer text: render as text only. */
  comment: string | null;
  lang: string | null;
  ticketUrl: string | null;
  reviewed: boolean;
  /** The agent's private reflection note. */
  note: string | null;
  updatedAt: string;
}
