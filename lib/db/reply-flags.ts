import type { Behavior, Channel } from '../empathy/types';

// Which empathy behaviours a *sent* reply contained: flags only, never text (ARCHITECTURE.md, privacy).
export interface ReplyFlags {
  id?: number;
  site: string;
  ticketId: string | null;
  channel: Channel | null;
  behaviors: Behavior[];
  sentAt: string;
}
