// export-csv: a team's feedback and KPIs for a window, as two CSV files a spreadsheet opens directly.
// Customer comments are hostile input: cells that a spreadsheet would run as a formula (=, +, -, @, tab,
// CR) get a leading apostrophe (OWASP "CSV injection"), numbers are written as numbers.
import { type KpiWindow, WINDOW_DAYS } from '../../lib/kpi/index';
import type { HubContext } from '../context';
import { windowBounds } from '../kpi/engine';

type Cell = string | number | null | undefined;

function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  // CRLF per RFC 4180; the BOM makes Excel read UTF-8 (å, ä, ö) correctly.
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export const FEEDBACK_HEADER = [
  'id',
  'external_id',
  'contact_id',
  'agent_email',
  'agent_name',
  'attribution',
  'channel',
  'case_type',
  'answered_at',
  'empathy',
  'csat',
  'clarity',
  'nps',
  'comment',
  'lang',
];
export const KPI_HEADER = [
  'scope',
  'agent_email',
  'agent_name',
  'kpi',
  'influence',
  'value',
  'unit',
  'n',
  'target',
  'team_median',
];

export async function exportTeamCsv(
  hub: HubContext,
  teamId: string,
  window: KpiWindow,
): Promise<{ feedback: string; kpis: string; rows: number; since: string; until: string }> {
  const { since, until } = windowBounds(window, hub.now());
  const feedback = await hub.db.query<{
    id: string;
    external_id: string;
    contact_id: string;
    email: string;
    name: string;
    attribution: string;
    channel: string;
    case_type: string | null;
    answered_at: Date | string;
    empathy: number | null;
    csat: number | null;
    clarity: number | null;
    nps: number | null;
    comment: string | null;
    lang: string | null;
  }>(
    `SELECT f.id, f.external_id, f.contact_id, u.email, u.name, f.attribution, f.channel, f.case_type, f.answered_at,
       f.empathy, f.csat, f.clarity, f.nps, f.comment, f.lang
     FROM feedback f JOIN users u ON u.id = f.agent_id
     WHERE f.team_id = $1 AND f.answered_at >= ($2::date)::timestamp AT TIME ZONE 'UTC'
       AND f.answered_at < ($3::date)::timestamp AT TIME ZONE 'UTC'
     ORDER BY f.answered_at, f.id`,
    [teamId, since, until],
  );
  const feedbackCsv = toCsv(
    FEEDBACK_HEADER,
    feedback.map((r) => [
      r.id,
      r.external_id,
      r.contact_id,
      r.email,
      r.name,
      r.attribution,
      r.channel,
      r.case_type,
      new Date(r.answered_at).toISOString(),
      r.empathy,
      r.csat,
      r.clarity,
      r.nps,
      r.comment,
      r.lang,
    ]),
  );

  const kpis = await hub.kpis.forTeam(teamId, window);
  const emails = new Map(
    (await hub.db.query<{ id: string; email: string }>('SELECT id, email FROM users WHERE team_id = $1', [teamId])).map(
      (u) => [u.id, u.email],
    ),
  );
  const kpiRows: Cell[][] = [];
  for (const k of kpis.team) {
    kpiRows.push(['team', null, null, k.key, k.influence, k.value, k.unit, k.n, k.target, k.teamMedian]);
  }
  for (const a of kpis.agents) {
    for (const k of a.kpis) {
      kpiRows.push([
        'agent',
        emails.get(a.id),
        a.name,
        k.key,
        k.influence,
        k.value,
        k.unit,
        k.n,
        k.target,
        k.teamMedian,
      ]);
    }
  }
  return {
    feedback: feedbackCsv,
    kpis: toCsv(KPI_HEADER, kpiRows),
    rows: feedback.length,
    since,
    until,
  };
}

export const EXPORT_WINDOWS = Object.keys(WINDOW_DAYS) as KpiWindow[];
