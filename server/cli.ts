// `npm run hub -- <command>`. Each command is one entry in `commands`; add yours there.
// DATABASE_URL=postgres://… switches every command from PGlite (--data DIR, default .attune/hub) to PostgreSQL.
import { parseArgs } from 'node:util';
import { createIntegration, createTeam, createToken, createUser, findTeam, findUser, revokeTokens } from './admin';
import { type BackgroundTask, type HubOptions, openHub, startHub } from './app';
import { installSourceCommands } from './connectors/cli';
import { installConnectorCommands } from './connectors/commands';
import type { Command } from './command';
import type { HubContext } from './context';

export type { Command };

export const DEFAULT_DATA_DIR = '.attune/hub';

const out = (v: unknown) => process.stdout.write(`${typeof v === 'string' ? v : JSON.stringify(v, null, 2)}\n`);

export function dbOptions(values: Record<string, unknown>): HubOptions {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  return {
    databaseUrl,
    schema: process.env.ATTUNE_DB_SCHEMA || undefined,
    dataDir: databaseUrl ? undefined : ((values.data as string | undefined) ?? DEFAULT_DATA_DIR),
  };
}

function need(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} is required`);
  return v;
}

class UsageError extends Error {}

export const commands: Record<string, Command> = {
  serve: {
    summary: 'Run the hub',
    usage: 'serve [--port 8787] [--host 127.0.0.1] [--data DIR] [--demo] [--log info|debug|silent]',
    options: { port: { type: 'string' }, host: { type: 'string' }, demo: { type: 'boolean' }, log: { type: 'string' } },
    async run({ values, tasks }) {
      const port = values.port === undefined ? 8787 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0-65535');
      const log = (values.log as HubOptions['logLevel']) ?? 'info';
      const hub = await startHub({
        ...dbOptions(values),
        port,
        host: (values.host as string | undefined) ?? '127.0.0.1',
        seedDemo: values.demo === true,
        logLevel: log,
        backgroundTasks: tasks,
      });
      out(JSON.stringify({ level: 30, msg: 'ready', url: hub.url, demo: hub.demo ? hub.demo.teamName : null }));
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        out(JSON.stringify({ level: 30, msg: 'shutting down', signal }));
        hub.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
        setTimeout(() => process.exit(1), 10_000).unref();
      };
      process.on('SIGINT', () => stop('SIGINT'));
      process.on('SIGTERM', () => stop('SIGTERM'));
      await new Promise(() => {});
    },
  },
  init: {
    summary: 'Create the database and apply migrations',
    usage: 'init [--data DIR]',
    async run({ db }) {
      await db();
      out('database ready');
    },
  },
  'create-team': {
    summary: 'Create a team',
    usage: 'create-team --name NAME',
    options: { name: { type: 'string' } },
    async run({ values, db }) {
      const hub = await db();
      out(await createTeam(hub.db, need(values, 'name')));
    },
  },
  'create-user': {
    summary: 'Create a user',
    usage: 'create-user --name NAME --email EMAIL --role agent|lead|admin [--team ID|NAME]',
    options: {
      name: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      team: { type: 'string' },
    },
    async run({ values, db }) {
      const role = need(values, 'role');
      if (role !== 'agent' && role !== 'lead' && role !== 'admin')
        throw new UsageError('--role must be agent, lead or admin');
      const hub = await db();
      let teamId: string | null = null;
      if (values.team) {
        const team = await findTeam(hub.db, values.team as string);
        if (!team) throw new UsageError(`unknown team: ${values.team}`);
        teamId = team.id;
      } else if (role !== 'admin') throw new UsageError('--team is required for agents and leads');
      out(await createUser(hub.db, { name: need(values, 'name'), email: need(values, 'email'), role, teamId }));
    },
  },
  'create-token': {
    summary: 'Issue a token for a user or a new integration (printed once)',
    usage: 'create-token --user ID|EMAIL | --integration NAME --team ID|NAME [--expires-days N]',
    options: {
      user: { type: 'string' },
      integration: { type: 'string' },
      team: { type: 'string' },
      'expires-days': { type: 'string' },
    },
    async run({ values, db }) {
      let expiresAt: Date | null = null;
      if (values['expires-days'] !== undefined) {
        const days = Number(values['expires-days']);
        if (!Number.isInteger(days) || days <= 0 || days > 3650)
          throw new UsageError('--expires-days must be a whole number of days (1-3650)');
        expiresAt = new Date(Date.now() + days * 86_400_000);
      }
      const hub = await db();
      const expires = expiresAt ? { expiresAt: expiresAt.toISOString() } : {};
      if (values.user) {
        const user = await findUser(hub.db, values.user as string);
        if (!user) throw new UsageError(`unknown user: ${values.user}`);
        out({
          user: user.id,
          token: await createToken(hub.db, { userId: user.id }, 'cli', undefined, { expiresAt }),
          ...expires,
        });
      } else if (values.integration) {
        // An integration writes into one team; a token that could write anywhere is not issued any more.
        if (!values.team) throw new UsageError('--team is required: an integration token is bound to one team');
        const team = await findTeam(hub.db, values.team as string);
        if (!team) throw new UsageError(`unknown team: ${values.team}`);
        const integration = await createIntegration(hub.db, values.integration as string, team.id);
        out({
          integration: integration.id,
          team: team.id,
          token: await createToken(hub.db, { integrationId: integration.id }, 'cli', undefined, { expiresAt }),
          ...expires,
        });
      } else throw new UsageError('--user or --integration is required');
    },
  },
  'revoke-token': {
    summary: 'Revoke a token, or every token of a user or integration (open event streams end at once)',
    usage: 'revoke-token --token TOKEN | --user ID|EMAIL | --integration ID',
    options: { token: { type: 'string' }, user: { type: 'string' }, integration: { type: 'string' } },
    async run({ values, db }) {
      const given = ['token', 'user', 'integration'].filter((k) => typeof values[k] === 'string' && values[k] !== '');
      if (given.length !== 1) throw new UsageError('exactly one of --token, --user or --integration is required');
      const hub = await db();
      let hashes: string[];
      if (values.token) hashes = await revokeTokens(hub.db, { token: values.token as string });
      else if (values.user) {
        const user = await findUser(hub.db, values.user as string);
        if (!user) throw new UsageError(`unknown user: ${values.user}`);
        hashes = await revokeTokens(hub.db, { userId: user.id });
      } else hashes = await revokeTokens(hub.db, { integrationId: values.integration as string });
      // Reaches every hub process on the same PostgreSQL (NOTIFY); streams of these tokens end now.
      if (hashes.length > 0) await hub.realtime.publish({ t: 'revoked', tokens: hashes });
      out({ revoked: hashes.length });
    },
  },
};

installSourceCommands(commands);
installConnectorCommands(commands);

function help(): string {
  const lines = ['Usage: npm run hub -- <command> [options]', ''];
  for (const c of Object.values(commands)) lines.push(`  ${c.usage.padEnd(70)} ${c.summary}`);
  lines.push('', 'DATABASE_URL=postgres://… uses PostgreSQL instead of PGlite in --data (default .attune/hub).');
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(
      `${name && name !== 'help' && name !== '--help' ? `unknown command: ${name}\n\n` : ''}${help()}\n`,
    );
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
  }
  let hub: HubContext | null = null;
  const tasks: BackgroundTask[] = [];
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { data: { type: 'string' }, ...(command.options ?? {}) },
      allowPositionals: true,
    });
    await command.run({
      values,
      positionals,
      tasks,
      db: async () => {
        hub ??= await openHub(dbOptions(values));
        return hub;
      },
    });
    return 0;
  } catch (e) {
    process.stderr.write(
      `${e instanceof Error ? e.message : String(e)}\n${e instanceof UsageError ? `usage: ${command.usage}\n` : ''}`,
    );
    return e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1;
  } finally {
    const h = hub as HubContext | null;
    if (h) {
      h.realtime.stop();
      await h.db.close();
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('server/cli.ts')) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
