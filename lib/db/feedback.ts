// One survey answer attributed to the agent, stored as the hub sends it (`GET /api/v1/me/feedback`, parsed with
// lib/contract's feedbackItemSchema). `comment` is untrusted customer text: render it as text only; `note` is
// the agent's private reflection note.
import type { HubFeedbackItem } from '../contract/schemas';
import type { ContactChannel } from '../contract/vocab';

export type FeedbackChannel = ContactChannel;
export type FeedbackItem = HubFeedbackItem;
