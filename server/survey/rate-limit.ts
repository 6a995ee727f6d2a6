// Per-IP fixed-window limiter for the public survey pages (no login there, so the IP is all we have).
// In memory per process: with several hub processes each enforces its own share, which is enough to stop
// a script hammering tokens; it is not an accounting system.

export interface RateLimitOptions {
  /** Requests allowed per window and IP. */
  limit: number;
  windowMs: number;
  /** Bound on tracked IPs, so a flood of spoofed sources cannot grow memory without limit. */
  maxKeys?: number;
}

export class RateLimiter {
  private hits = new Map<string, { count: number; resetAt: number }>();
  constructor(private readonly opts: RateLimitOptions) {}

  /** Counts a request; returns whether it is allowed and, if not, seconds until the window resets. */
  take(key: string, now = Date.now()): { allowed: boolean; retryAfterSeconds: number } {
    let entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) {
      if (!entry && this.hits.size >= (this.opts.maxKeys ?? 50_000)) this.sweep(now);
      entry = { count: 0, resetAt: now + this.opts.windowMs };
      this.hits.set(key, entry);
    }
    entry.count++;
    const allowed = entry.count <= this.opts.limit;
    return { allowed, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((entry.resetAt - now) / 1000)) };
  }

  private sweep(now: number): void {
    for (const [k, v] of this.hits) if (v.resetAt <= now) this.hits.delete(k);
    // Still full of live windows: drop the oldest half rather than refuse to track new IPs.
    if (this.hits.size >= (this.opts.maxKeys ?? 50_000)) {
      let n = Math.floor(this.hits.size / 2);
      for (const k of this.hits.keys()) {
        if (n-- <= 0) break;
        this.hits.delete(k);
      }
    }
  }
}
