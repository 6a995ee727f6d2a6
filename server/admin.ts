// Teams, users, integrations and tokens: used by the CLI, the demo seed and tests.
import { newId, newToken, hashToken } from './auth';
import type { Queryable } from './db/index';

export interface Team {
  id: string;
  name: string;
}
export interface User {
  id: string;
  name: string;
  email: string;
  role: 'agent' | 'lead' | 'admin';
  teamId: string | null;
}

export async function createTeam(q: Queryable, name: string, id: string = newId()): Promise<Team> {
  await q.query('INSERT INTO teams (id, name) VALUES ($1, $2)', [id, name]);
  return { id, name };
}

export async function createUser(
  q: Queryable,
  u: { name: string; email: string; role: User['role']; teamId: string | null; id?: string },
): Promise<User> {
  const id = u.id ?? newId();
  await q.query('INSERT INTO users (id, team_id, name, email, role) VALUES ($1, $2, $3, $4, $5)', [
    id,
    u.teamId,
    u.name,
    u.email,
    u.role,
  ]);
  return { id, name: u.name, email: u.email, role: u.role, teamId: u.teamId };
}

export async function createIntegration(q: Queryable, name: string, teamId: string | null): Promise<{ id: string }> {
  const id = newId();
  await q.query('INSERT INTO integrations (id, team_id, name) VALUES ($1, $2, $3)', [id, teamId, name]);
  return { id };
}

/** Issues a token; the plaintext is returned once and never stored. */
export async function createToken(
  q: Queryable,
  owner: { userId: string } | { integrationId: string },
  label?: string,
  token: string = newToken(),
  opts: { expiresAt?: Date | null; privateAccess?: boolean } = {},
): Promise<string> {
  await q.query(
    `INSERT INTO tokens (hash, user_id, integration_id, label, expires_at, private_access)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      hashToken(token),
      'userId' in owner ? owner.userId : null,
      'integrationId' in owner ? owner.integrationId : null,
      label ?? null,
      opts.expiresAt ? opts.expiresAt.toISOString() : null,
      opts.privateAccess ?? true,
    ],
  );
  return token;
}

/**
 * Revokes tokens: one (by its plaintext), or every token of a user or an integration. Returns the hashes
 * revoked, which the caller publishes so open event streams end at once (server/realtime/bus.ts).
 */
export async function revokeTokens(
  q: Queryable,
  which: { token: string } | { userId: string } | { integrationId: string },
): Promise<string[]> {
  const [column, value] =
    'token' in which
      ? ['hash', hashToken(which.token)]
      : 'userId' in which
        ? ['user_id', which.userId]
        : ['integration_id', which.integrationId];
  const rows = await q.query<{ hash: string }>(
    `UPDATE tokens SET revoked_at = now() WHERE ${column} = $1 AND revoked_at IS NULL RETURNING hash`,
    [value],
  );
  return rows.map((r) => r.hash);
}

export async function findUser(q: Queryable, ref: string): Promise<User | null> {
  const rows = await q.query<{ id: string; name: string; email: string; role: User['role']; team_id: string | null }>(
    'SELECT id, name, email, role, team_id FROM users WHERE id = $1 OR lower(email) = lower($1)',
    [ref],
  );
  const r = rows[0];
  return r ? { id: r.id, name: r.name, email: r.email, role: r.role, teamId: r.team_id } : null;
}

export async function findTeam(q: Queryable, ref: string): Promise<Team | null> {
  const rows = await q.query<Team>(
    'SELECT id, name FROM teams WHERE id = $1 OR name = $1 ORDER BY created_at LIMIT 1',
    [ref],
  );
  return rows[0] ?? null;
}
