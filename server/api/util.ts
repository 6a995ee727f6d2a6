// Middleware shared by the route modules: role guards, the team a write goes into, idempotency.
import { z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { HubEnv, IntegrationPrincipal, UserPrincipal } from '../context';

export const notFound = (c: Context) => c.json({ error: 'not found' }, 404);
export const forbidden = (c: Context) => c.json({ error: 'forbidden' }, 403);

export function userOf(c: Context<HubEnv>): UserPrincipal | null {
  const p = c.get('principal');
  return p.kind === 'user' ? p : null;
}

/** Users only (any role). */
export const requireUser: MiddlewareHandler<HubEnv> = async (c, next) => {
  if (c.get('principal').kind !== 'user') return forbidden(c);
  await next();
};

/** Team members (agents and leads with a team). */
export const requireMember: MiddlewareHandler<HubEnv> = async (c, next) => {
  const u = userOf(c);
  if (!u?.teamId || u.role === 'admin') return forbidden(c);
  await next();
};

/** Team leads of their own team. */
export const requireLead: MiddlewareHandler<HubEnv> = async (c, next) => {
  const u = userOf(c);
  if (u?.role !== 'lead' || !u.teamId) return forbidden(c);
  await next();
};

export const requireIntegration: MiddlewareHandler<HubEnv> = async (c, next) => {
  if (c.get('principal').kind !== 'integration') return forbidden(c);
  await next();
};

export const integrationOf = (c: Context<HubEnv>) => c.get('principal') as IntegrationPrincipal;

/** Header an unscoped integration token (or an admin) uses to name the team a request writes into. */
export const TEAM_HEADER = 'Attune-Team';

/**
 * The team a write goes into, set as `callerTeam` for the handler. A team-bound integration token writes into
 * its own team only (naming another is refused); an unscoped one, and an admin, must name an existing team
 * per request; a lead uses their own. Runs before the body is read, as the token check does.
 */
export const callerTeam: MiddlewareHandler<HubEnv> = async (c, next) => {
  const p = c.get('principal');
  const named = c.req.header(TEAM_HEADER)?.trim() || null;
  const own = p.kind === 'integration' ? p.teamId : p.role === 'admin' ? null : p.teamId;
  if (own) {
    if (named !== null && named !== own) {
      return c.json({ error: `this token is bound to its own team; ${TEAM_HEADER} names another` }, 403);
    }
    c.set('callerTeam', own);
    return next();
  }
  if (p.kind === 'user' && p.role !== 'admin') return forbidden(c);
  const message = `this token is not bound to a team: name the team in the ${TEAM_HEADER} header`;
  if (!named || named.length > 64) return c.json({ errors: [{ path: TEAM_HEADER, message }] }, 400);
  const rows = await c.get('hub').db.query('SELECT 1 FROM teams WHERE id = $1', [named]);
  if (rows.length === 0) return c.json({ errors: [{ path: TEAM_HEADER, message: 'unknown team' }] }, 400);
  c.set('callerTeam', named);
  await next();
};
export const memberOf = (c: Context<HubEnv>) => c.get('principal') as UserPrincipal & { teamId: string };

/** A session paired with a lead's code does not see the agent's private notes (features/pairing). */
export const privateView = <T extends { note: string | null }>(item: T, privateAccess: boolean): T =>
  privateAccess ? item : { ...item, note: null };

export const privateOnly = (c: Context) =>
  c.json({ error: "private notes and pulse are only available in the agent's own sessions" }, 403);

/** Documents the header `idempotent` reads (it checks the header itself, before the body is read). */
export const idempotencyHeader = z.object({ 'Idempotency-Key': z.string().max(200).optional() });

/**
 * Idempotency-Key: a replay with the same key from the same caller to the same route (method and path, ids
 * included) returns the first response and changes nothing; the same key on another route is a different
 * request. 5xx responses are not stored, so a failed attempt can be retried with the same key.
 */
export const idempotent: MiddlewareHandler<HubEnv> = async (c, next) => {
  const key = c.req.header('Idempotency-Key');
  if (!key) return next();
  if (key.length > 200 || !/^[\x20-\x7e]+$/.test(key)) {
    return c.json({ errors: [{ path: 'Idempotency-Key', message: 'at most 200 printable ASCII characters' }] }, 400);
  }
  const principal = c.get('principal');
  const db = c.get('hub').db;
  const route = `${c.req.method} ${c.req.path}`;
  const prior = await db.query<{ status: number; body: unknown }>(
    'SELECT status, body FROM idempotency WHERE user_id = $1 AND route = $2 AND key = $3',
    [principal.id, route, key],
  );
  if (prior[0]) return c.json(prior[0].body as object, prior[0].status as 200);
  await next();
  if (c.res.status < 500) {
    const body = await c.res
      .clone()
      .json()
      .catch(() => null);
    if (body !== null) {
      await db.query(
        `INSERT INTO idempotency (user_id, key, route, status, body) VALUES ($1, $2, $3, $4, $5::jsonb)
         ON CONFLICT (user_id, route, key) DO NOTHING`,
        [principal.id, key, route, c.res.status, JSON.stringify(body)],
      );
    }
  }
};
