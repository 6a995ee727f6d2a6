import type { Behavior, Channel } from '../empathy/types';

// Which empathy behaviours a *sent* reply contained: flags only, never text (README.md, Privacy).
export interface ReplyFlags {
  id?: number;
  site: string;
  ticketId: string | null;
  channel: Channel | null;
  behaviors: Behavior[];
  sentAt: string;
}
