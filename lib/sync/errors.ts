// One error type for everything that can go wrong talking to the hub, with a message an agent can act on.
export type HubErrorKind = 'invalid-url' | 'network' | 'timeout' | 'http' | 'invalid-response' | 'aborted';

export class HubError extends Error {
  readonly kind: HubErrorKind;
  readonly status: number | null;

  constructor(kind: HubErrorKind, message: string, status: number | null = null) {
    super(message);
    this.name = 'HubError';
    this.kind = kind;
    this.status = status;
  }

  /** Worth retrying later: the hub was unreachable, slow, overloaded or failing. */
  get retryable(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout') return true;
    if (this.kind === 'http' && this.status !== null) {
      return this.status >= 500 || this.status === 408 || this.status === 429;
    }
    return false;
  }

  /** The token is no longer accepted: the agent must sign in again. */
  get unauthorized(): boolean {
    return this.kind === 'http' && this.status === 401;
  }

  /** A 4xx that repeating can never fix (bad body, gone, forbidden). 401 is not: a new token fixes it. */
  get permanent(): boolean {
    return (
      this.kind === 'http' &&
      this.status !== null &&
      this.status >= 400 &&
      this.status < 500 &&
      !this.retryable &&
      !this.unauthorized
    );
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
