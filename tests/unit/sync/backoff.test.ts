import { describe, expect, test } from 'vitest';
import { backoffDelay } from '../../../lib/sync/backoff';

const opts = { baseMs: 1_000, maxMs: 60_000 };

describe('backoffDelay', () => {
  test.each([
    // failures, random, expected: cap = min(max, base * 2^(failures-1)), delay = cap/2 + cap/2 * random
    [1, 0, 500],
    [1, 1, 1_000],
    [2, 0, 1_000],
    [3, 0.5, 3_000],
    [7, 1, 60_000],
    [50, 0, 30_000],
    [0, 0, 500],
  ])('failure %i with random %f waits %i ms', (failures, random, expected) => {
    expect(backoffDelay(failures, () => random, opts)).toBe(expected);
  });

  test('never zero and never above the cap, for any random draw', () => {
    for (let failures = 1; failures < 40; failures++) {
      for (const r of [0, 0.001, 0.37, 0.999, 1, -5, 7]) {
        const d = backoffDelay(failures, () => r, opts);
        expect(d).toBeGreaterThan(0);
        expect(d).toBeLessThanOrEqual(opts.maxMs);
      }
    }
  });

  test('jitter spreads retries of many clients apart', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(4, random, opts)));
    expect(delays.size).toBeGreaterThan(40);
  });
});
