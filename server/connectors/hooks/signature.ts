// Webhook signatures and replay protection.
//   - Our own hooks, Stripe-style (https://docs.stripe.com/webhooks#verify-manually): header
//     `Attune-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` (several v1= allowed,
//     for secret rotation).
//   - Zendesk: `X-Zendesk-Webhook-Signature: base64(HMAC-SHA256(timestamp + body))` with
//     `X-Zendesk-Webhook-Signature-Timestamp` (https://developer.zendesk.com/documentation/webhooks/verifying/).
// A timestamp outside the tolerance is refused (401) before anything else; a valid signature seen before is
// a replay (409). Seen signatures are kept in source_state (`seen:<scope>:<signature>`) for twice the
// tolerance, then pruned.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../../db/index';

export const DEFAULT_TOLERANCE_SECONDS = 300;

export type Verdict = { ok: true; signature: string } | { ok: false; status: 401; reason: string };

function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function fresh(t: number, now: Date, toleranceSeconds: number): boolean {
  return Number.isFinite(t) && Math.abs(now.getTime() / 1000 - t) <= toleranceSeconds;
}

export function signAttune(secret: string, body: string, t: number): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

export function verifyAttune(
  header: string | undefined,
  body: string,
  secret: string,
  now: Date,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): Verdict {
  if (!header) return { ok: false, status: 401, reason: 'missing Attune-Signature header' };
  let t = Number.NaN;
  const sigs: string[] = [];
  for (const part of header.split(',')) {
    const [k, v] = part.trim().split('=', 2);
    if (k === 't' && v && /^\d{1,12}$/.test(v)) t = Number(v);
    else if (k === 'v1' && v && /^[0-9a-f]{64}$/i.test(v)) sigs.push(v.toLowerCase());
  }
  if (!Number.isFinite(t) || sigs.length === 0) return { ok: false, status: 401, reason: 'malformed signature header' };
  if (!fresh(t, now, toleranceSeconds)) return { ok: false, status: 401, reason: 'timestamp outside the tolerance' };
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  const match = sigs.find((s) => safeEqual(Buffer.from(s, 'hex'), expected));
  return match ? { ok: true, signature: match } : { ok: false, status: 401, reason: 'signature does not match' };
}

export function signZendesk(secret: string, body: string, timestamp: string): string {
  return createHmac('sha256', secret)
    .update(timestamp + body)
    .digest('base64');
}

export function verifyZendesk(
  signature: string | undefined,
  timestamp: string | undefined,
  body: string,
  secret: string,
  now: Date,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): Verdict {
  if (!signature || !timestamp) return { ok: false, status: 401, reason: 'missing Zendesk signature headers' };
  // Zendesk sends an ISO 8601 time (e.g. 2021-09-13T17:43:42Z); accept unix seconds as well.
  const t = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : Date.parse(timestamp) / 1000;
  if (!fresh(t, now, toleranceSeconds)) return { ok: false, status: 401, reason: 'timestamp outside the tolerance' };
  const expected = createHmac('sha256', secret)
    .update(timestamp + body)
    .digest();
  let given: Buffer;
  try {
    given = Buffer.from(signature, 'base64');
  } catch {
    return { ok: false, status: 401, reason: 'signature does not match' };
  }
  return safeEqual(given, expected)
    ? { ok: true, signature: expected.toString('base64url') }
    : { ok: false, status: 401, reason: 'signature does not match' };
}

/** Records a verified signature; false when it was seen before (a replay). */
export async function firstSighting(
  db: Queryable,
  scope: string,
  signature: string,
  now: Date,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): Promise<boolean> {
  const rows = await db.query<{ key: string }>(
    `INSERT INTO source_state (key, value, updated_at) VALUES ($1, $2::jsonb, $3)
     ON CONFLICT (key) DO NOTHING RETURNING key`,
    [`seen:${scope}:${signature}`, JSON.stringify({ at: now.toISOString() }), now.toISOString()],
  );
  if (Math.random() < 0.05) {
    await db.query(`DELETE FROM source_state WHERE key LIKE 'seen:%' AND updated_at < $1`, [
      new Date(now.getTime() - 2 * toleranceSeconds * 1000).toISOString(),
    ]);
  }
  return rows.length === 1;
}

/** Forgets a sighting (the request was verified but refused, so the sender may retry it). */
export async function forgetSighting(db: Queryable, scope: string, signature: string): Promise<void> {
  await db.query('DELETE FROM source_state WHERE key = $1', [`seen:${scope}:${signature}`]);
}
