// Bearer tokens: random, shown once, only their SHA-256 is stored.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from './db/index';
import type { Principal } from './context';

export const newId = (): string => randomUUID();
export const newToken = (): string => `att_${randomBytes(24).toString('base64url')}`;
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function resolveToken(q: Queryable, token: string, now: Date = new Date()): Promise<Principal | null> {
  if (token.length < 8 || token.length > 200 || !/^[\x21-\x7e]+$/.test(token)) return null;
  const hash = hashToken(token);
  const rows = await q.query<{
    user_id: string | null;
    name: string | null;
    email: string | null;
    role: 'agent' | 'lead' | 'admin' | null;
    team_id: string | null;
    team_name: string | null;
    integration_id: string | null;
    integration_name: string | null;
    integration_team_id: string | null;
    private_access: boolean;
  }>(
    `SELECT t.user_id, u.name, u.email, u.role, u.team_id, tm.name AS team_name,
            t.integration_id, i.name AS integration_name, i.team_id AS integration_team_id, t.private_access
     FROM tokens t
     LEFT JOIN users u ON u.id = t.user_id
     LEFT JOIN teams tm ON tm.id = u.team_id
     LEFT JOIN integrations i ON i.id = t.integration_id
     WHERE t.hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2)`,
    [hash, now.toISOString()],
  );
  const r = rows[0];
  if (!r) return null;
  if (r.user_id && r.role && r.name && r.email) {
    return {
      kind: 'user',
      id: r.user_id,
      name: r.name,
      email: r.email,
      role: r.role,
      teamId: r.team_id,
      teamName: r.team_name,
      tokenHash: hash,
      privateAccess: r.private_access,
    };
  }
  if (r.integration_id) {
    return {
      kind: 'integration',
      id: r.integration_id,
      name: r.integration_name ?? '',
      teamId: r.integration_team_id,
      tokenHash: hash,
    };
  }
  return null;
}

/** Whether a token (by hash) is still usable: not revoked, not expired. */
export async function tokenValid(q: Queryable, hash: string, now: Date): Promise<boolean> {
  const rows = await q.query(
    'SELECT 1 FROM tokens WHERE hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)',
    [hash, now.toISOString()],
  );
  return rows.length > 0;
}

export function bearer(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? (m[1] as string) : null;
}
