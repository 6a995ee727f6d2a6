// CLI commands of the helpdesk connectors, added to the hub CLI (server/cli.ts) with one call:
//   connect zendesk|freshdesk …   configure a connector (team-bound) and run its first sync
//   sync [SLUG]                   pull every connector (or one) from where it stopped
//   status [SLUG]                 cursor, last run, errors, unmatched agents (never a secret)
//   hook-secret --integration ID  create or rotate the signing secret of /api/v1/hooks/<integration>
//   serve --connectors-interval S pull every connector inside the hub every S seconds
// `connect rt` stays with server/connectors/cli.ts: `connect` here handles zendesk and freshdesk and hands
// every other helpdesk to the command it wraps.
import { readFileSync } from 'node:fs';
import { findTeam } from '../admin';
import type { Command } from '../command';
import type { HubContext } from '../context';
import { syncFreshdesk } from './freshdesk/sync';
import {
  type ConnectorConfig,
  getConnector,
  getSecrets,
  getStatus,
  type HelpdeskKind,
  linkSignature,
  listConnectors,
  SLUG_RE,
  saveConnector,
} from './hooks/registry';
import { rotateHookSecret } from './hooks/routes';
import { scheduleConnectorSyncs } from './hooks/schedule';
import { syncZendesk } from './zendesk/sync';

class ConnectorUsageError extends Error {}

const out = (v: unknown) => process.stdout.write(`${typeof v === 'string' ? v : JSON.stringify(v, null, 2)}\n`);

const ZENDESK_USAGE =
  'connect zendesk --subdomain SUB --email API_USER (--token-file FILE | --token-env NAME) [--team ID|NAME] [--slug SLUG] [--webhook-secret-file FILE] [--since ISO] [--window-days 14] [--base-url URL] [--no-sync]';
const FRESHDESK_USAGE =
  'connect freshdesk --domain SUB (--token-file FILE | --token-env NAME) [--team ID|NAME] [--slug SLUG] [--since ISO] [--window-days 14] [--base-url URL] [--no-sync]';

function str(values: Record<string, unknown>, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

async function teamOf(hub: HubContext, ref: string | undefined, usage: string): Promise<string> {
  if (ref) {
    const team = await findTeam(hub.db, ref);
    if (!team) throw new ConnectorUsageError(`unknown team: ${ref}`);
    return team.id;
  }
  const teams = await hub.db.query<{ id: string }>('SELECT id FROM teams ORDER BY created_at LIMIT 2');
  if (teams.length === 1) return (teams[0] as { id: string }).id;
  throw new ConnectorUsageError(`--team is required (a connector writes into one team)\nusage: ${usage}`);
}

function sinceOf(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const t = /^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v);
  if (!Number.isFinite(t) || t < 0) throw new ConnectorUsageError('--since must be an ISO 8601 time or unix seconds');
  return Math.floor(t / 1000);
}

export async function runSync(hub: HubContext, cfg: ConnectorConfig) {
  return cfg.kind === 'zendesk' ? syncZendesk(hub, cfg) : syncFreshdesk(hub, cfg);
}

/** What `status` shows: where the token is read from, never the token or any secret. */
export async function connectorStatus(hub: HubContext, cfg: ConnectorConfig) {
  const s = await getStatus(hub.db, cfg.slug);
  const secrets = await getSecrets(hub.db, cfg.slug);
  return {
    connector: cfg.slug,
    kind: cfg.kind,
    team: cfg.teamId,
    site: cfg.site,
    api: cfg.baseUrl,
    ...(cfg.email ? { apiUser: cfg.email } : {}),
    token: cfg.tokenFile ? { file: cfg.tokenFile } : { env: cfg.tokenEnv },
    webhookSecretSet: !!secrets?.webhookSecret,
    cursor: s.cursor,
    lastRunAt: s.lastRunAt,
    lastOkAt: s.lastOkAt,
    running: s.running,
    lastError: s.lastError,
    unmatchedAgents: s.unmatchedAgents,
  };
}

async function connect(kind: HelpdeskKind, values: Record<string, unknown>, hub: () => Promise<HubContext>) {
  const usage = kind === 'zendesk' ? ZENDESK_USAGE : FRESHDESK_USAGE;
  const site = str(values, kind === 'zendesk' ? 'subdomain' : 'domain');
  if (!site || !/^[a-z0-9][a-z0-9-]{0,62}$/i.test(site))
    throw new ConnectorUsageError(
      `--${kind === 'zendesk' ? 'subdomain' : 'domain'} is required (letters, digits, -)\nusage: ${usage}`,
    );
  const email = str(values, 'email');
  if (kind === 'zendesk' && !email) throw new ConnectorUsageError(`--email is required\nusage: ${usage}`);
  const tokenFile = str(values, 'token-file');
  const tokenEnv = str(values, 'token-env');
  if (!tokenFile === !tokenEnv)
    throw new ConnectorUsageError(`one of --token-file or --token-env is required\nusage: ${usage}`);
  const slug = (str(values, 'slug') ?? `${kind}-${site}`).toLowerCase();
  if (!SLUG_RE.test(slug)) throw new ConnectorUsageError('--slug: lower-case letters, digits and -');
  const windowDays = Number(str(values, 'window-days') ?? '14');
  if (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > 365)
    throw new ConnectorUsageError('--window-days must be 1-365');
  let webhookSecret: string | undefined;
  const secretFile = str(values, 'webhook-secret-file');
  if (secretFile) {
    try {
      webhookSecret = readFileSync(secretFile, 'utf8').trim();
    } catch (err) {
      throw new ConnectorUsageError(`cannot read ${secretFile}: ${(err as NodeJS.ErrnoException).code}`);
    }
    if (!webhookSecret) throw new ConnectorUsageError(`${secretFile} is empty`);
  }
  const h = await hub();
  const teamId = await teamOf(h, str(values, 'team'), usage);
  const existing = await getConnector(h.db, slug);
  const cfg: ConnectorConfig = {
    slug,
    kind,
    teamId,
    site: site.toLowerCase(),
    baseUrl:
      str(values, 'base-url') ?? `https://${site.toLowerCase()}.${kind === 'zendesk' ? 'zendesk' : 'freshdesk'}.com`,
    ...(email ? { email } : {}),
    ...(tokenFile ? { tokenFile } : { tokenEnv }),
    ...(sinceOf(str(values, 'since')) !== undefined ? { startTime: sinceOf(str(values, 'since')) } : {}),
    surveyWindowDays: windowDays,
    createdAt: existing?.createdAt ?? h.now().toISOString(),
  };
  if (existing && existing.teamId !== teamId)
    throw new ConnectorUsageError(`connector ${slug} belongs to another team; pick another --slug`);
  await saveConnector(h.db, cfg, webhookSecret ? { webhookSecret } : {});
  const secrets = await getSecrets(h.db, slug);
  const publicUrl = (process.env.ATTUNE_PUBLIC_URL ?? 'https://hub.example.com').replace(/\/+$/, '');
  const k = kind === 'zendesk' ? 'z' : 'f';
  const report = values['no-sync'] === true ? null : await runSync(h, cfg);
  out({
    connector: slug,
    team: teamId,
    ...(kind === 'zendesk' ? { webhookUrl: `${publicUrl}/api/v1/hooks/zendesk/${slug}` } : {}),
    surveyLink: `${publicUrl}/s/${k}/${slug}/{{ticket.id}}?sig=${linkSignature(secrets?.linkKey ?? '', kind, slug)}`,
    sync: report,
  });
  if (report && !report.ok) throw new Error(`sync stopped: ${report.error}`);
}

/** Adds the commands above to the hub CLI; `connect` keeps its other helpdesks (rt). */
export function installConnectorCommands(commands: Record<string, Command>): void {
  const previous = commands.connect;
  commands.connect = {
    summary: 'Connect a helpdesk (zendesk, freshdesk, rt) and pull its events from where it stopped',
    usage: `${ZENDESK_USAGE}\n  ${FRESHDESK_USAGE}${previous ? `\n  ${previous.usage}` : ''}`,
    options: {
      ...(previous?.options ?? {}),
      subdomain: { type: 'string' },
      domain: { type: 'string' },
      email: { type: 'string' },
      'token-file': { type: 'string' },
      'token-env': { type: 'string' },
      team: { type: 'string' },
      slug: { type: 'string' },
      'webhook-secret-file': { type: 'string' },
      since: { type: 'string' },
      'window-days': { type: 'string' },
      'base-url': { type: 'string' },
      'no-sync': { type: 'boolean' },
    },
    async run(args) {
      const kind = args.positionals[0];
      if (kind === 'zendesk' || kind === 'freshdesk') return connect(kind, args.values, args.db);
      if (!previous) throw new ConnectorUsageError(`usage: ${ZENDESK_USAGE}`);
      return previous.run(args);
    },
  };
  commands.sync = {
    summary: 'Pull every helpdesk connector (or one) from where it stopped',
    usage: 'sync [SLUG]',
    async run({ positionals, db }) {
      const hub = await db();
      const all = await listConnectors(hub.db);
      const chosen = positionals[0] ? all.filter((c) => c.slug === positionals[0]) : all;
      if (chosen.length === 0)
        throw new ConnectorUsageError(
          positionals[0] ? `unknown connector: ${positionals[0]}` : 'no connectors yet: run connect first',
        );
      const failed: string[] = [];
      for (const cfg of chosen) {
        const report = await runSync(hub, cfg);
        out({ connector: cfg.slug, ...report });
        if (!report.ok) failed.push(`${cfg.slug}: ${report.error}`);
      }
      if (failed.length > 0) throw new Error(`sync stopped for ${failed.join('; ')}`);
    },
  };
  commands.status = {
    summary: 'Connectors: cursor, last run, errors, unmatched agents',
    usage: 'status [SLUG]',
    async run({ positionals, db }) {
      const hub = await db();
      const all = await listConnectors(hub.db);
      const chosen = positionals[0] ? all.filter((c) => c.slug === positionals[0]) : all;
      if (positionals[0] && chosen.length === 0) throw new ConnectorUsageError(`unknown connector: ${positionals[0]}`);
      out(await Promise.all(chosen.map((c) => connectorStatus(hub, c))));
    },
  };
  const serve = commands.serve;
  if (serve) {
    commands.serve = {
      ...serve,
      usage: `${serve.usage} [--connectors-interval SECONDS]`,
      options: { ...serve.options, 'connectors-interval': { type: 'string' } },
      async run(args) {
        const raw = str(args.values, 'connectors-interval');
        if (raw !== undefined) {
          const seconds = Number(raw);
          if (!Number.isInteger(seconds) || seconds < 10)
            throw new ConnectorUsageError('--connectors-interval must be a whole number of seconds, at least 10');
          args.tasks.push((hub) => {
            const job = scheduleConnectorSyncs(hub, seconds * 1000);
            return () => job.stop();
          });
        }
        return serve.run(args);
      },
    };
  }
  commands['hook-secret'] = {
    summary: 'Create or rotate the signing secret of /api/v1/hooks/<integration> (printed once)',
    usage: 'hook-secret --integration ID',
    options: { integration: { type: 'string' } },
    async run({ values, db }) {
      const id = str(values, 'integration');
      if (!id) throw new ConnectorUsageError('--integration is required\nusage: hook-secret --integration ID');
      const hub = await db();
      const rows = await hub.db.query<{ team_id: string | null }>('SELECT team_id FROM integrations WHERE id = $1', [
        id,
      ]);
      if (!rows[0]) throw new ConnectorUsageError(`unknown integration: ${id}`);
      if (!rows[0].team_id) throw new ConnectorUsageError('the integration has no team: hooks write into one team');
      const secret = await rotateHookSecret(hub, id);
      const publicUrl = (process.env.ATTUNE_PUBLIC_URL ?? 'https://hub.example.com').replace(/\/+$/, '');
      out({ url: `${publicUrl}/api/v1/hooks/${id}`, secret });
    },
  };
}
