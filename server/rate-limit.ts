// Fixed-window rate limits kept in the database (table rate_limits, migration 6), so several hub processes
// sharing one PostgreSQL enforce one limit together instead of one each. One upsert per request; old
// windows are swept now and then. PGlite (one process) uses the same table.
import type { Queryable } from './db/index';

export interface RateLimitOptions {
  /** Bucket name, e.g. 'survey' or 'pair' (keys of different limits never mix). */
  name: string;
  /** Requests allowed per window and key. */
  limit: number;
  windowMs: number;
}

export class DbRateLimiter {
  private lastSweep = 0;
  constructor(
    private readonly db: Queryable,
    private readonly opts: RateLimitOptions,
  ) {}

  /** Counts a request; returns whether it is allowed and, if not, seconds until the window resets. */
  async take(key: string, now = Date.now()): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
    const { windowMs, limit, name } = this.opts;
    const start = Math.floor(now / windowMs) * windowMs;
    const rows = await this.db.query<{ n: number }>(
      `INSERT INTO rate_limits (key, window_start, n) VALUES ($1, $2, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET n = rate_limits.n + 1 RETURNING n`,
      [`${name}:${key}`, start],
    );
    if (now - this.lastSweep > windowMs) {
      this.lastSweep = now;
      await this.db.query('DELETE FROM rate_limits WHERE window_start < $1', [start - windowMs]);
    }
    const allowed = (rows[0]?.n ?? 0) <= limit;
    return { allowed, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((start + windowMs - now) / 1000)) };
  }
}
