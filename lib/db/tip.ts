// A coaching tip from the lead (`GET /api/v1/me/tips`), plus the local read marker for the unread badge.
export interface TipAck {
  at: string;
  comment: string | null;
  useful: boolean | null;
}

export interface Tip {
  id: string;
  /** Untrusted lead text: render as text only. */
  text: string;
  author: { id: string; name: string };
  feedbackId: string | null;
  kpi: string | null;
  due: string | null;
  createdAt: string;
  updatedAt: string;
  ack: TipAck | null;
  /** Local only: when the agent first saw it in the panel; null = unread (counts on the badge). */
  readAt: string | null;
}
