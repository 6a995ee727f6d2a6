// Request errors as the API's `400 {errors: [{path, message}]}` body: zod issues with their paths, and the
// one check zod cannot make on parsed JSON (half a UTF-16 surrogate pair, which PostgreSQL refuses).
import type { z } from 'zod';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the string holds half a UTF-16 surrogate pair (not valid Unicode; PostgreSQL refuses it). */
export const hasLoneSurrogate = (s: string): boolean => LONE_SURROGATE.test(s);

/** The path of the first string (or object key) in a parsed JSON value that holds a lone surrogate. */
export function findLoneSurrogate(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return hasLoneSurrogate(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findLoneSurrogate(value[i], [...path, i]);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (hasLoneSurrogate(k)) return [...path, k];
      const hit = findLoneSurrogate(v, [...path, k]);
      if (hit) return hit;
    }
  }
  return null;
}

/** zod issues as the API's `400 {errors: [{path, message}]}` body; `prefix` locates items of a batch. */
export function issuesToErrors(
  error: z.ZodError,
  prefix: (string | number)[] = [],
): { path: string; message: string }[] {
  return error.issues.map((i) => ({
    path: formatPath([...prefix, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))]),
    message: i.message,
  }));
}

export function formatPath(path: (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}
