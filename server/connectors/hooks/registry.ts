// Helpdesk connectors configured in this hub (Zendesk, Freshdesk), kept in the source_state key/value table
// (server/connectors/state.ts). Three keys per connector, so `status` can print one without ever touching
// the other two:
//   connector:<slug>          the config (team, site, API user, WHERE the token is: a file or an env name)
//   connector:<slug>:secrets  webhook signing secret and the survey-link key (never printed)
//   connector:<slug>:status   last run, cursor, errors, unmatched agents
// The API token itself is never stored: it is read from its file or environment variable at sync time.
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Queryable } from '../../db/index';
import { getState, setState } from '../state';

export type HelpdeskKind = 'zendesk' | 'freshdesk';

export interface ConnectorConfig {
  slug: string;
  kind: HelpdeskKind;
  teamId: string;
  /** Zendesk subdomain / Freshdesk domain prefix: part of every contact id (`zendesk:<site>:<ticket>`). */
  site: string;
  /** API base, e.g. https://acme.zendesk.com (a stub in tests). */
  baseUrl: string;
  /** Zendesk API user (email/token auth); unused for Freshdesk (API key auth). */
  email?: string;
  tokenFile?: string;
  tokenEnv?: string;
  /** First sync starts here (unix seconds); default 0 = all history the API keeps. */
  startTime?: number;
  /** Survey links from this helpdesk are accepted this many days after the ticket was solved. */
  surveyWindowDays: number;
  createdAt: string;
}

export interface ConnectorSecrets {
  /** Zendesk webhook signing secret (Admin Center → Webhooks → Reveal secret). */
  webhookSecret?: string;
  /** Key that signs the static part of helpdesk survey links. */
  linkKey: string;
}

export interface ConnectorStatus {
  lastRunAt: string | null;
  lastOkAt: string | null;
  running: boolean;
  /** Null after a clean run; otherwise what stopped it (never contains a secret). */
  lastError: string | null;
  cursor: unknown;
  lastReport: unknown;
  unmatchedAgents: string[];
}

export const SLUG_RE = /^[a-z0-9][a-z0-9-]{0,62}$/;

const cfgKey = (slug: string) => `connector:${slug}`;
const secretsKey = (slug: string) => `connector:${slug}:secrets`;
const statusKey = (slug: string) => `connector:${slug}:status`;
export const cursorKey = (slug: string) => `connector:${slug}:cursor`;

export async function getConnector(db: Queryable, slug: string): Promise<ConnectorConfig | null> {
  if (!SLUG_RE.test(slug)) return null;
  return getState<ConnectorConfig>(db, cfgKey(slug));
}

export async function listConnectors(db: Queryable): Promise<ConnectorConfig[]> {
  const rows = await db.query<{ value: ConnectorConfig }>(
    `SELECT value FROM source_state WHERE key LIKE 'connector:%' AND key NOT LIKE 'connector:%:%' ORDER BY key`,
  );
  return rows.map((r) => r.value);
}

export async function saveConnector(
  db: Queryable,
  cfg: ConnectorConfig,
  secrets: Partial<ConnectorSecrets> = {},
): Promise<void> {
  await setState(db, cfgKey(cfg.slug), cfg);
  const existing = await getState<ConnectorSecrets>(db, secretsKey(cfg.slug));
  await setState(db, secretsKey(cfg.slug), {
    linkKey: existing?.linkKey ?? randomBytes(32).toString('base64url'),
    ...(existing?.webhookSecret ? { webhookSecret: existing.webhookSecret } : {}),
    ...secrets,
  });
}

export async function getSecrets(db: Queryable, slug: string): Promise<ConnectorSecrets | null> {
  return getState<ConnectorSecrets>(db, secretsKey(slug));
}

export async function getStatus(db: Queryable, slug: string): Promise<ConnectorStatus> {
  return (
    (await getState<ConnectorStatus>(db, statusKey(slug))) ?? {
      lastRunAt: null,
      lastOkAt: null,
      running: false,
      lastError: null,
      cursor: null,
      lastReport: null,
      unmatchedAgents: [],
    }
  );
}

export async function setStatus(db: Queryable, slug: string, patch: Partial<ConnectorStatus>): Promise<void> {
  await setState(db, statusKey(slug), { ...(await getStatus(db, slug)), ...patch });
}

/** The API token: from its file (trimmed) or environment variable. Errors name the place, never the value. */
export function readApiToken(cfg: Pick<ConnectorConfig, 'tokenFile' | 'tokenEnv' | 'kind'>): string {
  if (cfg.tokenFile) {
    let token: string;
    try {
      token = readFileSync(cfg.tokenFile, 'utf8').trim();
    } catch (err) {
      throw new Error(
        `cannot read the ${cfg.kind} token file ${cfg.tokenFile}: ${(err as NodeJS.ErrnoException).code}`,
      );
    }
    if (!token) throw new Error(`the ${cfg.kind} token file ${cfg.tokenFile} is empty`);
    return token;
  }
  if (cfg.tokenEnv) {
    const token = process.env[cfg.tokenEnv]?.trim();
    if (!token) throw new Error(`the environment variable ${cfg.tokenEnv} (${cfg.kind} token) is not set`);
    return token;
  }
  throw new Error(`no ${cfg.kind} token configured: pass --token-file FILE or --token-env NAME`);
}

/** Signature of the static part of a helpdesk survey link (`z/<slug>` or `f/<slug>`). */
export function linkSignature(linkKey: string, kind: HelpdeskKind, slug: string): string {
  return createHmac('sha256', linkKey)
    .update(`attune-helpdesk-link.${kind === 'zendesk' ? 'z' : 'f'}/${slug}`)
    .digest('base64url');
}

/** Hub contact id of a helpdesk ticket. */
export function contactIdOf(cfg: Pick<ConnectorConfig, 'kind' | 'site'>, ticketId: string | number): string {
  return `${cfg.kind}:${cfg.site}:${ticketId}`;
}

const agentsKey = (slug: string) => `connector:${slug}:agents`;

/** Helpdesk agent ids → emails seen by the pull, so webhooks (which carry only ids) can name the agent. */
export async function rememberAgents(db: Queryable, slug: string, agents: Map<string, string>): Promise<void> {
  if (agents.size === 0) return;
  const known = (await getState<Record<string, string>>(db, agentsKey(slug))) ?? {};
  let changed = false;
  for (const [id, email] of agents) {
    if (known[id] !== email) {
      known[id] = email;
      changed = true;
    }
  }
  if (changed) await setState(db, agentsKey(slug), known);
}

export async function agentEmailById(db: Queryable, slug: string, id: string): Promise<string | undefined> {
  return (await getState<Record<string, string>>(db, agentsKey(slug)))?.[id];
}
