// Exponential backoff with jitter, so that many extensions do not hammer a hub that just came back at once.
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, maxMs: 5 * 60_000 };

/**
 * Delay before retry number `failures` (1 = first retry): "equal jitter", i.e. uniformly in [cap/2, cap]
 * with cap = min(max, base * 2^(failures-1)). Never zero, so a dead hub is not polled in a tight loop.
 */
export function backoffDelay(
  failures: number,
  random: () => number = Math.random,
  opts: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const exp = Math.max(0, Math.min(30, failures - 1));
  const cap = Math.min(opts.maxMs, opts.baseMs * 2 ** exp);
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(cap / 2 + (cap / 2) * r);
}
