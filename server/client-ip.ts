// The client address for rate limits, behind zero or more reverse proxies the operator trusts.
// X-Forwarded-For is appended to by each proxy, so only its right end is trustworthy: the client is the
// right-most address that is not one of our own proxies (MDN, "X-Forwarded-For: Selecting an IP address",
// https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/X-Forwarded-For#selecting_an_ip_address).
// ATTUNE_TRUST_PROXY:
//   unset / 0        the socket's peer address; X-Forwarded-For is ignored
//   a number N       N proxies in front of the hub: the address N hops to the left of the socket's peer
//   a list a,b,c     those proxy addresses: the right-most address in the chain that is not one of them
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export type TrustProxy = { hops: number } | { addresses: Set<string> };

const norm = (a: string) => a.trim().replace(/^::ffff:/, '');

export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const v = (raw ?? '').trim();
  if (v === '' || v === '0') return { hops: 0 };
  if (/^\d+$/.test(v)) return { hops: Math.min(Number(v), 20) };
  return { addresses: new Set(v.split(',').map(norm).filter(Boolean)) };
}

export const trustProxyFromEnv = (): TrustProxy => parseTrustProxy(process.env.ATTUNE_TRUST_PROXY);

/** The client address from the peer address and the X-Forwarded-For header (pure, for tests). */
export function pickClientIp(peer: string, forwardedFor: string | undefined, trust: TrustProxy): string {
  const chain = [
    ...(forwardedFor ?? '')
      .split(',')
      .map(norm)
      .filter((a) => a !== ''),
    norm(peer),
  ];
  if ('hops' in trust) return chain[Math.max(0, chain.length - 1 - trust.hops)] as string;
  for (let i = chain.length - 1; i >= 0; i--) if (!trust.addresses.has(chain[i] as string)) return chain[i] as string;
  return chain[0] as string;
}

export function clientIp(c: Context, trust: TrustProxy): string {
  let peer = 'unknown';
  try {
    peer = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // No Node socket (app.request in tests): everyone shares one bucket.
  }
  const hasTrust = 'hops' in trust ? trust.hops > 0 : trust.addresses.size > 0;
  return hasTrust ? pickClientIp(peer, c.req.header('x-forwarded-for'), trust) : norm(peer);
}
