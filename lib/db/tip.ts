// A coaching tip from the lead (`GET /api/v1/me/tips`; `text` is untrusted lead text: render it as text only),
// plus the local read marker for the unread badge.
import type { HubTip, HubTipAck } from '../contract/schemas';

export type TipAck = HubTipAck;

export type Tip = HubTip & {
  /** Local only: when the agent first saw it in the panel; null = unread (counts on the badge). */
  readAt: string | null;
};
