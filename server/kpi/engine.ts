// KPI computation for the hub. Sums, medians and distinct counts run in SQL (GROUPING SETS over the
// answer_daily rollup, the contacts table and agent_reply events); lib/kpi finishes the formulas and
// rounding. One round trip per source, each answering total + per day + per channel + per case type.
import {
  type AnswerTally,
  type ContactTally,
  type KpiKey,
  type KpiWindow,
  KPI_DEFINITIONS,
  type Rings,
  WINDOW_DAYS,
  emptyAnswerTally,
  emptyContactTally,
  kpiValue,
  median,
  orderByRing,
  roundFor,
} from '../../lib/kpi/index';
import type { Queryable } from '../db/index';
import { MEDIAN_MIN_AGENTS } from '../privacy';

export interface KpiSlice {
  value: number | null;
  n: number;
}
export interface Kpi {
  key: KpiKey;
  label: string;
  influence: 'inside' | 'edge' | 'outside';
  value: number | null;
  unit: 'score' | 'percent' | 'nps' | 'minutes' | 'count';
  n: number;
  target: number | null;
  teamMedian: number | null;
  trend: { date: string; value: number | null }[];
  byChannel: Partial<Record<'chat' | 'email' | 'phone', KpiSlice>>;
  byCaseType: Record<string, KpiSlice>;
}

export type KpiScope = { agentId: string } | { teamId: string };

/** Case type key for answers and contacts that came without one. */
export const NO_CASE_TYPE = 'other';
const DAY_MS = 86_400_000;

export function windowBounds(window: KpiWindow, now: Date): { since: string; until: string; days: string[] } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const n = WINDOW_DAYS[window];
  const days: string[] = [];
  for (let i = n - 1; i >= 0; i--) days.push(new Date(today - i * DAY_MS).toISOString().slice(0, 10));
  return { since: days[0] as string, until: new Date(today + DAY_MS).toISOString().slice(0, 10), days };
}

interface Cell {
  answers: AnswerTally;
  contacts: ContactTally;
}
interface Slices {
  all: Cell;
  day: Map<string, Cell>;
  channel: Map<string, Cell>;
  caseType: Map<string, Cell>;
}

const newCell = (): Cell => ({ answers: emptyAnswerTally(), contacts: emptyContactTally() });
const newSlices = (): Slices => ({ all: newCell(), day: new Map(), channel: new Map(), caseType: new Map() });

// GROUPING(day, channel, case_type) bitmask: 7 = total, 3 = per day, 5 = per channel, 6 = per case type.
function cellFor(s: Slices, row: { g: number; day: string | null; channel: string | null; case_type: string | null }) {
  const pick = (m: Map<string, Cell>, k: string) => {
    let c = m.get(k);
    if (!c) {
      c = newCell();
      m.set(k, c);
    }
    return c;
  };
  if (row.g === 7) return s.all;
  if (row.g === 3) return pick(s.day, row.day ?? '');
  if (row.g === 5) return pick(s.channel, row.channel ?? '');
  return pick(s.caseType, row.case_type || NO_CASE_TYPE);
}

const SETS = 'GROUP BY GROUPING SETS ((), (day), (channel), (case_type))';
const G = 'GROUPING(day, channel, case_type)::int AS g, day::text AS day, channel, case_type';

function scopeFilter(scope: KpiScope, column: string): string {
  // ARRAY(subquery) runs once as an init plan, so the planner can use the (agent, time) indexes; a plain
  // IN (subquery) was planned as a hash join over a sequential scan of all contacts.
  return 'agentId' in scope ? `${column} = $1` : `${column} = ANY(ARRAY(SELECT id FROM users WHERE team_id = $1))`;
}
const scopeParam = (scope: KpiScope) => ('agentId' in scope ? scope.agentId : scope.teamId);

interface AnswerRow {
  es: number | null;
  en: number | null;
  cs: number | null;
  cn: number | null;
  good: number | null;
  csn: number | null;
  pro: number | null;
  det: number | null;
  npsn: number | null;
}
const ANSWER_SUMS = `sum(empathy_sum)::int AS es, sum(empathy_n)::int AS en, sum(clarity_sum)::int AS cs,
  sum(clarity_n)::int AS cn, sum(csat_good)::int AS good, sum(csat_n)::int AS csn, sum(nps_pro)::int AS pro,
  sum(nps_det)::int AS det, sum(nps_n)::int AS npsn`;
// sum() over no rows is NULL (the empty grouping set still yields a row): treat it as 0.
const toAnswerTally = (r: AnswerRow): AnswerTally => ({
  empathySum: r.es ?? 0,
  empathyN: r.en ?? 0,
  claritySum: r.cs ?? 0,
  clarityN: r.cn ?? 0,
  csatGood: r.good ?? 0,
  csatN: r.csn ?? 0,
  npsPromoters: r.pro ?? 0,
  npsDetractors: r.det ?? 0,
  npsN: r.npsn ?? 0,
});

async function loadSlices(q: Queryable, scope: KpiScope, since: string, until: string): Promise<Slices> {
  const p = [scopeParam(scope), since, until];
  const answerWhere = 'agentId' in scope ? 'agent_id = $1' : 'team_id = $1';
  type Row = { g: number; day: string | null; channel: string | null; case_type: string | null };
  const [answers, firstResponse, resolved, volume] = await Promise.all([
    q.query<Row & AnswerRow>(
      `SELECT ${G}, ${ANSWER_SUMS} FROM answer_daily
       WHERE ${answerWhere} AND day >= $2::date AND day < $3::date ${SETS}`,
      p,
    ),
    q.query<Row & { med: number | null; n: number }>(
      `SELECT ${G}, percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes)::float8 AS med, count(*)::int AS n
       FROM (SELECT (created_at AT TIME ZONE 'UTC')::date AS day, channel, coalesce(case_type, '') AS case_type,
               extract(epoch FROM first_reply_at - created_at) / 60 AS minutes
             FROM contacts WHERE ${scopeFilter(scope, 'first_reply_agent_id')}
               AND created_at >= ($2::date)::timestamp AT TIME ZONE 'UTC'
               AND created_at < ($3::date)::timestamp AT TIME ZONE 'UTC' AND first_reply_at IS NOT NULL) x ${SETS}`,
      p,
    ),
    q.query<Row & { resolved: number; reopened: number; reopened7d: number }>(
      `SELECT ${G}, count(*)::int AS resolved, count(reopened_at)::int AS reopened,
         count(*) FILTER (WHERE reopened_at < resolved_at + interval '7 days')::int AS reopened7d
       FROM (SELECT (resolved_at AT TIME ZONE 'UTC')::date AS day, channel, coalesce(case_type, '') AS case_type,
               resolved_at, reopened_at
             FROM contacts WHERE ${scopeFilter(scope, 'resolved_agent_id')}
               AND resolved_at >= ($2::date)::timestamp AT TIME ZONE 'UTC'
               AND resolved_at < ($3::date)::timestamp AT TIME ZONE 'UTC') x ${SETS}`,
      p,
    ),
    q.query<Row & { volume: number }>(
      `SELECT ${G}, count(DISTINCT contact_id)::int AS volume
       FROM (SELECT (at AT TIME ZONE 'UTC')::date AS day, channel, coalesce(case_type, '') AS case_type, contact_id
             FROM events WHERE type = 'agent_reply' AND ${scopeFilter(scope, 'agent_id')}
               AND at >= ($2::date)::timestamp AT TIME ZONE 'UTC'
               AND at < ($3::date)::timestamp AT TIME ZONE 'UTC') x ${SETS}`,
      p,
    ),
  ]);
  const s = newSlices();
  for (const r of answers) cellFor(s, r).answers = toAnswerTally(r);
  for (const r of firstResponse) {
    const c = cellFor(s, r).contacts;
    c.firstResponseMedian = r.med;
    c.firstResponseN = r.n;
  }
  for (const r of resolved) {
    const c = cellFor(s, r).contacts;
    c.resolved = r.resolved;
    c.reopened = r.reopened;
    c.reopened7d = r.reopened7d;
  }
  for (const r of volume) cellFor(s, r).contacts.volume = r.volume;
  return s;
}

/** Each agent's value per KPI over the window, for the team median. */
export async function loadAgentValues(
  q: Queryable,
  teamId: string,
  since: string,
  until: string,
): Promise<Map<string, Record<KpiKey, number | null>>> {
  const p = [teamId, since, until];
  // Agents only: a lead's own figures are not part of the team's median.
  const team = `= ANY(ARRAY(SELECT id FROM users WHERE team_id = $1 AND role = 'agent'))`;
  const [answers, firstResponse, resolved, volume] = await Promise.all([
    q.query<AnswerRow & { agent_id: string }>(
      `SELECT agent_id, ${ANSWER_SUMS} FROM answer_daily
       WHERE team_id = $1 AND agent_id ${team} AND day >= $2::date AND day < $3::date GROUP BY agent_id`,
      p,
    ),
    q.query<{ agent_id: string; med: number; n: number }>(
      `SELECT first_reply_agent_id AS agent_id, count(*)::int AS n,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_reply_at - created_at) / 60)::float8 AS med
       FROM contacts WHERE first_reply_agent_id ${team}
         AND created_at >= ($2::date)::timestamp AT TIME ZONE 'UTC'
         AND created_at < ($3::date)::timestamp AT TIME ZONE 'UTC' AND first_reply_at IS NOT NULL
       GROUP BY first_reply_agent_id`,
      p,
    ),
    q.query<{ agent_id: string; resolved: number; reopened: number; reopened7d: number }>(
      `SELECT resolved_agent_id AS agent_id, count(*)::int AS resolved, count(reopened_at)::int AS reopened,
         count(*) FILTER (WHERE reopened_at < resolved_at + interval '7 days')::int AS reopened7d
       FROM contacts WHERE resolved_agent_id ${team}
         AND resolved_at >= ($2::date)::timestamp AT TIME ZONE 'UTC'
         AND resolved_at < ($3::date)::timestamp AT TIME ZONE 'UTC'
       GROUP BY resolved_agent_id`,
      p,
    ),
    q.query<{ agent_id: string; volume: number }>(
      `SELECT agent_id, count(DISTINCT contact_id)::int AS volume FROM events
       WHERE type = 'agent_reply' AND agent_id ${team}
         AND at >= ($2::date)::timestamp AT TIME ZONE 'UTC' AND at < ($3::date)::timestamp AT TIME ZONE 'UTC'
       GROUP BY agent_id`,
      p,
    ),
  ]);
  const cells = new Map<string, Cell>();
  const cell = (id: string) => {
    let c = cells.get(id);
    if (!c) {
      c = newCell();
      cells.set(id, c);
    }
    return c;
  };
  for (const r of answers) cell(r.agent_id).answers = toAnswerTally(r);
  for (const r of firstResponse) {
    const c = cell(r.agent_id).contacts;
    c.firstResponseMedian = r.med;
    c.firstResponseN = r.n;
  }
  for (const r of resolved) {
    const c = cell(r.agent_id).contacts;
    c.resolved = r.resolved;
    c.reopened = r.reopened;
    c.reopened7d = r.reopened7d;
  }
  for (const r of volume) cell(r.agent_id).contacts.volume = r.volume;
  const out = new Map<string, Record<KpiKey, number | null>>();
  for (const [id, c] of cells) {
    const values = {} as Record<KpiKey, number | null>;
    for (const key of Object.keys(KPI_DEFINITIONS) as KpiKey[]) {
      const v = kpiValue(key, c.answers, c.contacts);
      values[key] = v.n > 0 ? v.value : null;
    }
    out.set(id, values);
  }
  return out;
}

/**
 * The median of the agents' values for each KPI (agents without data for a KPI are left out); null unless at
 * least MEDIAN_MIN_AGENTS agents have a value (server/privacy.ts), so it never reveals a colleague's figure.
 */
export function teamMedians(values: Map<string, Record<KpiKey, number | null>>): Record<KpiKey, number | null> {
  const out = {} as Record<KpiKey, number | null>;
  for (const key of Object.keys(KPI_DEFINITIONS) as KpiKey[]) {
    const list: number[] = [];
    for (const v of values.values()) if (v[key] != null) list.push(v[key] as number);
    const m = list.length >= MEDIAN_MIN_AGENTS ? median(list) : null;
    out[key] = m === null ? null : roundFor(KPI_DEFINITIONS[key].unit, m);
  }
  return out;
}

export interface KpiInputs {
  rings: Rings;
  /** team targets: kpi -> value (channel-independent target) */
  targets: Partial<Record<KpiKey, number>>;
  medians: Record<KpiKey, number | null>;
}

export async function computeKpis(
  q: Queryable,
  scope: KpiScope,
  window: KpiWindow,
  now: Date,
  inputs: KpiInputs,
): Promise<Kpi[]> {
  const { since, until, days } = windowBounds(window, now);
  const s = await loadSlices(q, scope, since, until);
  return buildKpis(s, days, inputs);
}

function buildKpis(s: Slices, days: string[], inputs: KpiInputs): Kpi[] {
  return orderByRing(inputs.rings).map((key) => {
    const def = KPI_DEFINITIONS[key];
    const total = kpiValue(key, s.all.answers, s.all.contacts);
    const slice = (m: Map<string, Cell>) => {
      const out: Record<string, KpiSlice> = {};
      for (const [k, c] of m) {
        const v = kpiValue(key, c.answers, c.contacts);
        if (v.n > 0) out[k] = v;
      }
      return out;
    };
    return {
      key,
      label: def.label,
      influence: inputs.rings[key],
      value: total.n > 0 ? total.value : null,
      unit: def.unit,
      n: total.n,
      target: inputs.targets[key] ?? null,
      teamMedian: inputs.medians[key],
      trend: days.map((date) => {
        const c = s.day.get(date);
        if (!c) return { date, value: null };
        const v = kpiValue(key, c.answers, c.contacts);
        return { date, value: v.n > 0 ? v.value : null };
      }),
      byChannel: slice(s.channel),
      byCaseType: slice(s.caseType),
    };
  });
}
