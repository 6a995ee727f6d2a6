// CLI commands of the feedback sources, installed into the hub CLI (server/cli.ts) with one call:
//   survey-link   mint a survey link for a contact and agent
//   connect rt    pull Request Tracker transactions (incremental, safe to re-run)
//   import-csv    import a survey export (per-row errors with line numbers, idempotent)
//   export-csv    write a team's feedback and KPIs for a window
// and `serve --rt-url … --rt-token-file …` for a scheduled RT sync inside the hub.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KPI_WINDOWS, type KpiWindow } from '../../lib/kpi/index';
import { findTeam } from '../admin';
import type { Command } from '../command';
import type { HubContext } from '../context';
import { exportTeamCsv } from '../csv/export';
import { formatImportReport, importFeedbackCsv } from '../csv/import';
import { BUILTIN_MAPPINGS, loadMapping } from '../csv/mappings';
import { CsvFileError, detectMapping } from '../csv/parse';
import { mintSurveyLink, surveySecret } from '../survey/store';
import { isSurveyLang, SURVEY_CHANNELS, type SurveyChannel } from '../survey/token';
import { scheduleRtSync, syncRt } from './rt/sync';

class SourceUsageError extends Error {
  // server/cli.ts prints the usage line for errors named UsageError-like; keep the message self-explanatory.
}

const out = (v: unknown) => process.stdout.write(`${typeof v === 'string' ? v : JSON.stringify(v, null, 2)}\n`);

function need(values: Record<string, unknown>, name: string, usage: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new SourceUsageError(`--${name} is required\nusage: ${usage}`);
  return v;
}

function readToken(file: string): string {
  let token: string;
  try {
    token = readFileSync(file, 'utf8').trim();
  } catch (err) {
    throw new SourceUsageError(`cannot read the RT token file ${file}: ${(err as Error).message}`);
  }
  if (!token) throw new SourceUsageError(`the RT token file ${file} is empty`);
  return token;
}

/** `--team` (id or name); without it, the hub's only team. Every import writes into exactly one team. */
async function teamOf(db: HubContext['db'], ref: unknown, usage: string): Promise<string> {
  if (typeof ref === 'string' && ref !== '') {
    const team = await findTeam(db, ref);
    if (!team) throw new SourceUsageError(`unknown team: ${ref}`);
    return team.id;
  }
  const teams = await db.query<{ id: string }>('SELECT id FROM teams ORDER BY created_at LIMIT 2');
  if (teams.length === 1) return (teams[0] as { id: string }).id;
  throw new SourceUsageError(`--team is required (the data goes into one team)\nusage: ${usage}`);
}

function positiveInt(v: unknown, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new SourceUsageError(`--${name} must be a positive whole number`);
  return n;
}

const SURVEY_LINK_USAGE =
  'survey-link --contact ID --agent ID|EMAIL [--lang en|sv|nb|da|fi] [--channel email|chat|phone] [--case-type T] [--ttl-days 14] [--base-url URL]';
const CONNECT_USAGE = 'connect rt --url http://127.0.0.1:8085 --token-file FILE [--team ID|NAME] [--page-size 100]';
const IMPORT_USAGE = 'import-csv FILE [--mapping brilliant|zendesk|freshdesk|MAPPING.json] [--team ID|NAME]';
const EXPORT_USAGE = 'export-csv --team ID|NAME --window 7d|30d|90d [--out DIR]';

export const sourceCommands: Record<string, Command> = {
  'survey-link': {
    summary: 'Mint a signed survey link for one contact and agent',
    usage: SURVEY_LINK_USAGE,
    options: {
      contact: { type: 'string' },
      agent: { type: 'string' },
      lang: { type: 'string' },
      channel: { type: 'string' },
      'case-type': { type: 'string' },
      'ttl-days': { type: 'string' },
      'base-url': { type: 'string' },
    },
    async run({ values, db }) {
      const contactId = need(values, 'contact', SURVEY_LINK_USAGE);
      const agent = need(values, 'agent', SURVEY_LINK_USAGE);
      const lang = values.lang ?? 'en';
      if (!isSurveyLang(lang)) throw new SourceUsageError('--lang must be en, sv, nb, da or fi');
      const channel = (values.channel ?? 'email') as SurveyChannel;
      if (!SURVEY_CHANNELS.includes(channel)) throw new SourceUsageError('--channel must be email, chat or phone');
      const ttlDays = positiveInt(values['ttl-days'], 'ttl-days', 14);
      const hub = await db();
      const res = await mintSurveyLink(
        hub,
        {
          contactId,
          agent: agent.includes('@') ? { email: agent } : { id: agent },
          lang,
          channel,
          ...(values['case-type'] ? { caseType: values['case-type'] as string } : {}),
          ttlSeconds: ttlDays * 86_400,
        },
        {
          baseUrl:
            (values['base-url'] as string | undefined) ?? process.env.ATTUNE_PUBLIC_URL ?? 'http://127.0.0.1:8787',
          teamId: null,
          secret: await surveySecret(hub),
        },
      );
      if (!res.ok) throw new SourceUsageError(`unknown agent: ${agent} (an agent or lead with a team)`);
      out({ url: res.url, expiresAt: res.expiresAt, agentId: res.agentId });
    },
  },
  connect: {
    summary: 'Pull contact events from a helpdesk (rt: Request Tracker REST 2), from where it stopped',
    usage: CONNECT_USAGE,
    options: {
      url: { type: 'string' },
      'token-file': { type: 'string' },
      team: { type: 'string' },
      'page-size': { type: 'string' },
    },
    async run({ values, positionals, db }) {
      if (positionals[0] !== 'rt')
        throw new SourceUsageError(`only "connect rt" is supported\nusage: ${CONNECT_USAGE}`);
      const url = need(values, 'url', CONNECT_USAGE);
      const token = readToken(need(values, 'token-file', CONNECT_USAGE));
      const hub = await db();
      const teamId = await teamOf(hub.db, values.team, CONNECT_USAGE);
      const report = await syncRt(hub, {
        url,
        token,
        teamId,
        pageSize: positiveInt(values['page-size'], 'page-size', 100),
      });
      out(report);
    },
  },
  'import-csv': {
    summary: 'Import survey answers from a CSV export (bad rows reported by line, valid rows imported)',
    usage: IMPORT_USAGE,
    options: { mapping: { type: 'string' }, team: { type: 'string' }, file: { type: 'string' } },
    async run({ values, positionals, db }) {
      const file = (values.file as string | undefined) ?? positionals[0];
      if (!file) throw new SourceUsageError(`a CSV file is required\nusage: ${IMPORT_USAGE}`);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        throw new SourceUsageError(`cannot read ${file}: ${(err as Error).message}`);
      }
      const mapping = values.mapping
        ? loadMapping(values.mapping as string)
        : detectMapping(text, Object.values(BUILTIN_MAPPINGS));
      if (!mapping) {
        throw new SourceUsageError(
          `${file}: the header matches none of the built-in mappings; pass --mapping brilliant|zendesk|freshdesk|FILE.json`,
        );
      }
      const hub = await db();
      const teamId = await teamOf(hub.db, values.team, IMPORT_USAGE);
      try {
        out(formatImportReport(await importFeedbackCsv(hub, text, mapping, { teamId })));
      } catch (err) {
        if (err instanceof CsvFileError) throw new SourceUsageError(`${file}: ${err.message}`);
        throw err;
      }
    },
  },
  'export-csv': {
    summary: "Write a team's feedback and KPIs for a window as CSV",
    usage: EXPORT_USAGE,
    options: { team: { type: 'string' }, window: { type: 'string' }, out: { type: 'string' } },
    async run({ values, db }) {
      const teamRef = need(values, 'team', EXPORT_USAGE);
      const window = (values.window ?? '30d') as KpiWindow;
      if (!KPI_WINDOWS.includes(window)) throw new SourceUsageError('--window must be 7d, 30d or 90d');
      const hub = await db();
      const team = await findTeam(hub.db, teamRef);
      if (!team) throw new SourceUsageError(`unknown team: ${teamRef}`);
      const res = await exportTeamCsv(hub, team.id, window);
      const dir = (values.out as string | undefined) ?? '.';
      const slug =
        team.name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || team.id;
      const feedbackFile = join(dir, `${slug}-${window}-feedback.csv`);
      const kpiFile = join(dir, `${slug}-${window}-kpis.csv`);
      writeFileSync(feedbackFile, res.feedback);
      writeFileSync(kpiFile, res.kpis);
      out({
        team: team.name,
        window,
        since: res.since,
        until: res.until,
        feedbackRows: res.rows,
        feedbackFile,
        kpiFile,
      });
    },
  },
};

/**
 * Adds the commands above and the scheduled RT sync flags of `serve`
 * (`--rt-url URL --rt-token-file FILE [--rt-interval SECONDS]`) to the hub CLI.
 */
export function installSourceCommands(commands: Record<string, Command>): void {
  Object.assign(commands, sourceCommands);
  const serve = commands.serve;
  if (!serve) return;
  commands.serve = {
    ...serve,
    usage: `${serve.usage} [--rt-url URL --rt-token-file FILE [--rt-team ID|NAME] [--rt-interval 60]]`,
    options: {
      ...serve.options,
      'rt-url': { type: 'string' },
      'rt-team': { type: 'string' },
      'rt-token-file': { type: 'string' },
      'rt-interval': { type: 'string' },
    },
    async run(args) {
      const url = args.values['rt-url'] as string | undefined;
      if (url) {
        const token = readToken(need(args.values, 'rt-token-file', commands.serve?.usage ?? ''));
        const intervalMs = positiveInt(args.values['rt-interval'], 'rt-interval', 60) * 1000;
        const teamRef = args.values['rt-team'];
        args.tasks.push((hub) => {
          let job: { stop(): Promise<void> } | null = null;
          let stopped = false;
          // The team is looked up once the hub's database is open; a wrong --rt-team is logged, not fatal.
          teamOf(hub.db, teamRef, commands.serve?.usage ?? '').then(
            (teamId) => {
              if (!stopped) job = scheduleRtSync(hub, { url, token, intervalMs, teamId });
            },
            (err) => hub.log.error({ err: (err as Error).message }, 'rt sync not started'),
          );
          return async () => {
            stopped = true;
            await job?.stop();
          };
        });
      }
      return serve.run(args);
    },
  };
}
