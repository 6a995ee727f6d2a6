// Device pairing: a one-time code (from a lead for an agent, or from the person for another device of their
// own) is exchanged at `POST /pair`, without a token, for a device token.
import { createHash, randomInt } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { pairIn, pairingCodeIn } from '../../../lib/contract/requests';
import { pairingCodeSchema, pairSchema } from '../../../lib/contract/schemas';
import type { Role } from '../../../lib/contract/vocab';
import { createToken } from '../../admin';
import { errors, type HubApp, hubApp, hubRoute, json, jsonBody, noToken } from '../../api/openapi';
import { memberOf, notFound, requireLead, requireMember } from '../../api/util';
import { clientIp, type TrustProxy, trustProxyFromEnv } from '../../client-ip';
import type { HubContext, HubEnv } from '../../context';
import { DbRateLimiter } from '../../rate-limit';

const PAIR_TTL_MS = 10 * 60_000;
const CODE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'; // no I/O: read aloud and typed by hand
const hashCode = (code: string) =>
  createHash('sha256')
    .update(`pair:${code.toUpperCase().replace(/[^A-Z0-9]/g, '')}`)
    .digest('hex');

async function mintPairingCode(
  hub: HubContext,
  userId: string,
  createdBy: string,
  privateAccess: boolean,
): Promise<{ code: string; expiresAt: string; privateAccess: boolean }> {
  let code = '';
  for (let i = 0; i < 4; i++) code += CODE_LETTERS[randomInt(CODE_LETTERS.length)];
  code += `-${String(randomInt(10_000)).padStart(4, '0')}`;
  const expiresAt = new Date(hub.now().getTime() + PAIR_TTL_MS).toISOString();
  await hub.db.query(
    `INSERT INTO pairing_codes (code_hash, user_id, created_by, expires_at, private_access)
     VALUES ($1, $2, $3, $4, $5)`,
    [hashCode(code), userId, createdBy, expiresAt, privateAccess],
  );
  return { code, expiresAt, privateAccess };
}

const forAgent = hubRoute({
  method: 'post',
  path: '/team/pairing-codes',
  summary: 'One-time pairing code for an agent (the paired session has no private access)',
  middleware: requireLead,
  request: { body: jsonBody(pairingCodeIn) },
  responses: { 201: json(pairingCodeSchema, 'Valid for 10 minutes'), ...errors(400, 401, 403, 404, 413, 415) },
});

const forOwnDevice = hubRoute({
  method: 'post',
  path: '/me/pairing-codes',
  summary: "One-time pairing code for another device of the caller's own (full access)",
  middleware: requireMember,
  responses: { 201: json(pairingCodeSchema, 'Valid for 10 minutes'), ...errors(401, 403) },
});

/**
 * Pairing routes. `/pair` allows 10 attempts a minute per client address (behind the proxies
 * ATTUNE_TRUST_PROXY names, server/client-ip.ts), counted in the database so hubs sharing it share the limit.
 */
export function pairingRoutes(hub: HubContext, opts: { trustProxy?: TrustProxy } = {}): HubApp {
  const r = hubApp();
  r.openapi(forAgent, async (c) => {
    const body = c.req.valid('json');
    const lead = memberOf(c);
    const a = await hub.db.query('SELECT 1 FROM users WHERE id = $1 AND team_id = $2', [body.agentId, lead.teamId]);
    if (a.length === 0) return notFound(c);
    // A lead's code pairs a session that works for the agent but never reads their private notes or pulse.
    return c.json(await mintPairingCode(c.get('hub'), body.agentId, lead.id, false), 201);
  });

  // An agent (or lead) pairs another device of their own from a session that has private access; that
  // device gets private access too. Only the person themself sees this code.
  r.openapi(forOwnDevice, async (c) => {
    const u = memberOf(c);
    if (!u.privateAccess) {
      return c.json({ error: "a device paired with a lead's code cannot pair devices with private access" }, 403);
    }
    return c.json(await mintPairingCode(c.get('hub'), u.id, u.id, true), 201);
  });

  const limiter = new DbRateLimiter(hub.db, { name: 'pair', limit: 10, windowMs: 60_000 });
  const rateLimited: MiddlewareHandler<HubEnv> = async (c, next) => {
    const ip = clientIp(c, opts.trustProxy ?? trustProxyFromEnv());
    const { allowed, retryAfterSeconds } = await limiter.take(ip);
    if (!allowed) {
      return c.json({ error: 'too many attempts, try again in a minute' }, 429, {
        'Retry-After': String(retryAfterSeconds),
      });
    }
    await next();
  };
  const pair = hubRoute({
    middleware: rateLimited,
    method: 'post',
    path: '/pair',
    summary: 'Exchange a pairing code for a token',
    description: 'No token; 10 attempts a minute per client address.',
    ...noToken,
    request: { body: jsonBody(pairIn) },
    responses: {
      200: json(pairSchema.extend({ privateAccess: z.boolean() }), 'The device token (shown once)'),
      ...errors(400, 413, 415, 429),
    },
  });
  r.openapi(pair, async (c) => {
    const rows = await hub.db.query<{ user_id: string; private_access: boolean }>(
      `UPDATE pairing_codes SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2
       RETURNING user_id, private_access`,
      [hashCode(c.req.valid('json').code), hub.now().toISOString()],
    );
    const row = rows[0];
    if (!row) return c.json({ error: 'unknown or expired code' }, 400);
    const token = await createToken(hub.db, { userId: row.user_id }, 'paired device', undefined, {
      privateAccess: row.private_access,
    });
    const users = await hub.db.query<{
      id: string;
      name: string;
      email: string;
      role: Role;
      team_id: string | null;
      team_name: string | null;
    }>(
      `SELECT u.id, u.name, u.email, u.role, u.team_id, t.name AS team_name FROM users u
       LEFT JOIN teams t ON t.id = u.team_id WHERE u.id = $1`,
      [row.user_id],
    );
    const u = users[0];
    if (!u) return c.json({ error: 'unknown or expired code' }, 400);
    return c.json(
      {
        token,
        privateAccess: row.private_access,
        user: { id: u.id, name: u.name, email: u.email, role: u.role, teamId: u.team_id, teamName: u.team_name },
      },
      200,
    );
  });
  return r;
}
