// import-csv and export-csv against a real hub database, on PGlite and PostgreSQL: valid rows imported,
// bad rows reported by line (including agents the hub doesn't know), idempotent by external id, and an
// export that a spreadsheet can open without running customer text as formulas.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/admin';
import type { HubContext } from '../../server/context';
import { exportTeamCsv, FEEDBACK_HEADER, KPI_HEADER, toCsv } from '../../server/csv/export';
import { formatImportReport, importFeedbackCsv } from '../../server/csv/import';
import { BUILTIN_MAPPINGS } from '../../server/csv/mappings';
import { detectMapping } from '../../server/csv/parse';
import { BACKENDS, startWorld, type World } from './_fixture';

const read = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/csv', name), 'utf8');

describe.each(BACKENDS)('CSV import and export on %s', (backend) => {
  let w: World;
  let hub: HubContext;
  let teamId: string;

  beforeAll(async () => {
    w = await startWorld(backend, 'csv');
    // Fixtures are dated November 2026; the hub's clock sits a few days later so the 30-day window holds them.
    w.clock.now = new Date('2026-11-23T12:00:00Z');
    hub = w.hub;
    teamId = w.teamA;
    await createUser(hub.db, { name: 'Alex Agent', email: 'agent1@example.test', role: 'agent', teamId });
  });
  afterAll(async () => {
    await w?.close();
  });

  it('imports the valid rows and reports the others by line; a second import changes nothing', async () => {
    const first = await importFeedbackCsv(hub, read('brilliant-sv.csv'), BUILTIN_MAPPINGS.brilliant, { teamId });
    expect(first).toMatchObject({ rows: 7, inserted: 4, duplicates: 0 });
    expect(first.errors.map((e) => e.line)).toEqual([6, 7, 8]);
    const stored = await hub.db.query<{ external_id: string; comment: string | null }>(
      `SELECT external_id, comment FROM feedback WHERE external_id LIKE 'brilliant:%' ORDER BY external_id`,
    );
    expect(stored.map((r) => r.external_id)).toEqual([
      'brilliant:B-1001',
      'brilliant:B-1002',
      'brilliant:B-1003',
      'brilliant:B-1007',
    ]);
    expect(stored.at(-1)?.comment).toBe('<script>alert(1)</script>');

    const again = await importFeedbackCsv(hub, read('brilliant-sv.csv'), BUILTIN_MAPPINGS.brilliant, { teamId });
    expect(again).toMatchObject({ inserted: 0, duplicates: 4 });
    expect(again.errors.map((e) => e.line)).toEqual([6, 7, 8]);
    const count = await hub.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM feedback WHERE external_id LIKE 'brilliant:%'`,
    );
    expect(count[0]?.n).toBe(4);
  });

  it('an agent the hub does not know fails only that row, with its line, and the rest still lands', async () => {
    const text = [
      'Satisfaction rating ID,Ticket ID,Assignee email,Ticket channel,Satisfaction rating updated - Timestamp,Ticket satisfaction rating',
      'u1,2001,agent1@example.test,Email,2026-11-20T10:00:00Z,Good',
      'u2,2002,stranger@example.test,Email,2026-11-20T11:00:00Z,Bad',
      'u3,2003,agent1@example.test,Chat,2026-11-20T12:00:00Z,4',
    ].join('\n');
    const r = await importFeedbackCsv(hub, text, BUILTIN_MAPPINGS.zendesk, { teamId });
    expect(r).toMatchObject({ rows: 3, inserted: 2, duplicates: 0 });
    expect(r.errors).toEqual([
      { line: 3, errors: [{ field: 'agent', message: 'unknown agent stranger@example.test' }] },
    ]);
    expect(formatImportReport(r)).toContain('line 3: agent: unknown agent stranger@example.test');
  });

  it('Zendesk and Freshdesk exports are recognised from their headers', () => {
    expect(detectMapping(read('zendesk.csv'), Object.values(BUILTIN_MAPPINGS))?.name).toBe('zendesk');
    expect(detectMapping(read('freshdesk.csv'), Object.values(BUILTIN_MAPPINGS))?.name).toBe('freshdesk');
    expect(detectMapping(read('brilliant-sv.csv'), Object.values(BUILTIN_MAPPINGS))?.name).toBe('brilliant');
    expect(detectMapping('a,b,c\n1,2,3', Object.values(BUILTIN_MAPPINGS))).toBeNull();
  });

  it("exports the team's feedback and KPIs for the window; customer text can't become a formula", async () => {
    await importFeedbackCsv(
      hub,
      [
        'Response ID;Ticket ID;Agent email;Channel;Response date;CSAT;Comment',
        'F1;9;agent1@example.test;Email;2026-11-21 10:00;2;=HYPERLINK("http://evil")',
      ].join('\n'),
      BUILTIN_MAPPINGS.brilliant,
      { teamId },
    );
    const res = await exportTeamCsv(hub, teamId, '30d');
    const rows = parse(res.feedback, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual(FEEDBACK_HEADER);
    const stored = await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM feedback WHERE team_id = $1', [
      teamId,
    ]);
    expect(rows).toHaveLength(stored[0]?.n ?? -1);
    expect(rows.find((r) => r.external_id === 'brilliant:F1')?.comment).toBe(`'=HYPERLINK("http://evil")`);
    expect(rows.find((r) => r.external_id === 'brilliant:B-1002')?.comment).toBe(
      'Fick vänta länge;\noch svaret var otydligt.',
    );

    const kpis = parse(res.kpis, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(kpis[0] ?? {})).toEqual(KPI_HEADER);
    const csat = kpis.find((k) => k.scope === 'agent' && k.kpi === 'csat' && k.agent_email === 'agent1@example.test');
    const answers = await hub.db.query<{ good: number; n: number }>(
      'SELECT count(*) FILTER (WHERE csat >= 4)::int AS good, count(csat)::int AS n FROM feedback WHERE team_id = $1',
      [teamId],
    );
    const a = answers[0] as { good: number; n: number };
    expect(csat).toMatchObject({
      agent_email: 'agent1@example.test',
      n: String(a.n),
      value: String(Math.round((100 * a.good) / a.n)),
    });
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+cmd', "'+cmd"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['plain, with comma', 'plain, with comma'],
  ])('export cell %j is read back as %j', (value, expected) => {
    const back = parse(toCsv(['x'], [[value]]), { bom: true, columns: true }) as { x: string }[];
    expect(back[0]?.x).toBe(expected);
  });
});
