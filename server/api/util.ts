// Small helpers shared by the route modules: body parsing with zod, role guards, idempotency.
import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { HubEnv, IntegrationPrincipal, UserPrincipal } from '../context';
import { issuesToErrors } from '../schemas';

export type Parsed<T> = { ok: true; data: T } | { ok: false; res: Response };

export async function parseBody<S extends z.ZodType>(c: Context<HubEnv>, schema: S): Promise<Parsed<z.output<S>>> {
  let raw: unknown;
  try {
    const txt = await c.req.text();
    raw = txt === '' ? undefined : JSON.parse(txt);
  } catch {
    return { ok: false, res: c.json({ errors: [{ path: '', message: 'body is not valid JSON' }] }, 400) };
  }
  return parseValue(c, schema, raw);
}

export function parseValue<S extends z.ZodType>(c: Context<HubEnv>, schema: S, raw: unknown): Parsed<z.output<S>> {
  const r = schema.safeParse(raw);
  if (!r.success) return { ok: false, res: c.json({ errors: issuesToErrors(r.error) }, 400) };
  return { ok: true, data: r.data };
}

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
export const memberOf = (c: Context<HubEnv>) => c.get('principal') as UserPrincipal & { teamId: string };

/**
 * Idempotency-Key: a replay with the same key from the same caller returns the first response and changes
 * nothing. 5xx responses are not stored, so a failed attempt can be retried with the same key.
 */
export const idempotent: MiddlewareHandler<HubEnv> = async (c, next) => {
  const key = c.req.header('Idempotency-Key');
  if (!key) return next();
  if (key.length > 200 || key.includes('\u0000')) {
    return c.json({ errors: [{ path: 'Idempotency-Key', message: 'at most 200 characters' }] }, 400);
  }
  const principal = c.get('principal');
  const db = c.get('hub').db;
  const prior = await db.query<{ status: number; body: unknown }>(
    'SELECT status, body FROM idempotency WHERE user_id = $1 AND key = $2',
    [principal.id, key],
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
         ON CONFLICT (user_id, key) DO NOTHING`,
        [principal.id, key, `${c.req.method} ${c.req.routePath}`, c.res.status, JSON.stringify(body)],
      );
    }
  }
};
