// The sources' CLI commands through the hub CLI's own entry point (`npm run hub -- …` runs main()),
// on a PGlite data folder: survey-link, import-csv (with and without --mapping), export-csv and the
// RT flags of serve. Bad input is a clear message and a non-zero exit code, never a stack trace.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands, main } from '../../server/cli';
import { verifySurveyToken } from '../../server/survey/token';

const fixture = (name: string) => resolve(import.meta.dirname, '../fixtures/csv', name);

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('sources CLI', () => {
  let dir: string;
  let data: string[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'attune-cli-'));
    data = ['--data', join(dir, 'hub')];
    process.env.ATTUNE_SURVEY_SECRET = 'cli-test-secret-0123456789';
    expect((await run(['create-team', '--name', 'Support Nordic', ...data])).code).toBe(0);
    const user = await run([
      'create-user',
      '--name',
      'Alex Agent',
      '--email',
      'agent1@example.test',
      '--role',
      'agent',
      '--team',
      'Support Nordic',
      ...data,
    ]);
    expect(user.code).toBe(0);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('is installed into the hub CLI, serve included', () => {
    for (const name of ['survey-link', 'connect', 'import-csv', 'export-csv']) expect(commands[name]).toBeDefined();
    expect(commands.serve?.options).toHaveProperty('rt-url');
    expect(commands.serve?.usage).toContain('--rt-token-file');
  });

  it('survey-link mints a verifiable link for the agent, in the asked language', async () => {
    const r = await run([
      'survey-link',
      '--contact',
      'rt:4',
      '--agent',
      'agent1@example.test',
      '--lang',
      'fi',
      '--base-url',
      'https://hub.example.com',
      ...data,
    ]);
    expect(r.code).toBe(0);
    const { url } = JSON.parse(r.out) as { url: string };
    expect(url).toMatch(/^https:\/\/hub\.example\.com\/s\//);
    const v = verifySurveyToken(url.split('/s/')[1] ?? '', process.env.ATTUNE_SURVEY_SECRET as string);
    expect(v).toMatchObject({ ok: true, claims: { contactId: 'rt:4', lang: 'fi', channel: 'email' } });
  });

  it.each([
    [['survey-link', '--agent', 'agent1@example.test'], /--contact is required/],
    [['survey-link', '--contact', 'c', '--agent', 'ghost@example.test'], /unknown agent: ghost@example.test/],
    [['survey-link', '--contact', 'c', '--agent', 'agent1@example.test', '--lang', 'de'], /--lang must be/],
    [['connect', 'zendesk', '--url', 'x', '--token-file', 'y'], /--subdomain is required/],
    [
      ['connect', 'rt', '--url', 'http://127.0.0.1:8085', '--token-file', '/nonexistent/token'],
      /cannot read the RT token file/,
    ],
    [['import-csv'], /a CSV file is required/],
    [['import-csv', fixture('custom.csv')], /matches none of the built-in mappings/],
    [
      ['import-csv', fixture('zendesk.csv'), '--mapping', 'nosuch'],
      /--mapping must be brilliant, zendesk, freshdesk or a JSON file/,
    ],
    [['export-csv', '--team', 'Nope', '--window', '30d'], /unknown team: Nope/],
    [['export-csv', '--team', 'Support Nordic', '--window', '1y'], /--window must be 7d, 30d or 90d/],
  ])('%j fails with a clear message', async (args, message) => {
    const r = await run([...args, ...data]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('import-csv recognises the export, reports bad rows by line, and is idempotent', async () => {
    const first = await run(['import-csv', fixture('freshdesk.csv'), ...data]);
    expect(first.code).toBe(0);
    expect(first.out).toContain('import-csv (freshdesk): 4 rows, 3 imported, 0 already there, 1 with errors');
    expect(first.out).toContain('line 5: csat: "Meh" is not a score');
    const again = await run(['import-csv', fixture('freshdesk.csv'), ...data]);
    expect(again.out).toContain('4 rows, 0 imported, 3 already there, 1 with errors');
    const custom = await run([
      'import-csv',
      fixture('custom.csv'),
      '--mapping',
      fixture('custom-mapping.json'),
      ...data,
    ]);
    expect(custom.out).toContain('import-csv (acme): 3 rows, 2 imported');
  });

  it('export-csv writes the feedback and KPI files for the team and window', async () => {
    const r = await run(['export-csv', '--team', 'Support Nordic', '--window', '90d', '--out', dir, ...data]);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.out) as { feedbackFile: string; kpiFile: string; feedbackRows: number };
    const feedback = readFileSync(res.feedbackFile, 'utf8');
    expect(feedback.split('\r\n')[0]).toBe(
      '\uFEFFid,external_id,contact_id,agent_email,agent_name,attribution,channel,case_type,answered_at,empathy,csat,clarity,nps,comment,lang',
    );
    expect(feedback.trim().split('\r\n')).toHaveLength(res.feedbackRows + 1);
    expect(readFileSync(res.kpiFile, 'utf8')).toMatch(/^\uFEFFscope,agent_email,agent_name,kpi,/);
    expect(readFileSync(res.kpiFile, 'utf8')).toContain('agent,agent1@example.test,Alex Agent,csat,');
  });
});
