// An agent action waiting to reach the hub. Drained in `seq` order; the Idempotency-Key makes a retry of a
// request whose response was lost harmless, so each action lands exactly once.
export type OutboxKind = 'tip:ack' | 'feedback:state' | 'request' | 'pulse' | 'reply-flags';

export interface OutboxEntry {
  seq?: number;
  kind: OutboxKind;
  /** Hub path, e.g. `/api/v1/tips/<id>/ack`; always POST. */
  path: string;
  body: unknown;
  idempotencyKey: string;
  createdAt: string;
  attempts: number;
  lastError: string | null;
}
