// KPI formulas over pre-aggregated tallies. The hub sums in SQL (rollup tables) and finishes here, so the
// arithmetic and rounding live in one place and are unit-tested (tests/unit/kpi).
import type { KpiKey, KpiUnit } from './definitions';
import { KPI_DEFINITIONS } from './definitions';

/** Sums for the survey KPIs over any slice (agent, day, channel, case type). */
export interface AnswerTally {
  empathySum: number;
  empathyN: number;
  claritySum: number;
  clarityN: number;
  csatGood: number;
  csatN: number;
  npsPromoters: number;
  npsDetractors: number;
  npsN: number;
}

/** Counts for the contact KPIs over any slice. `firstResponseMedian` is computed by the database. */
export interface ContactTally {
  resolved: number;
  reopened: number;
  reopened7d: number;
  firstResponseMedian: number | null;
  firstResponseN: number;
  volume: number;
}

export const emptyAnswerTally = (): AnswerTally => ({
  empathySum: 0,
  empathyN: 0,
  claritySum: 0,
  clarityN: 0,
  csatGood: 0,
  csatN: 0,
  npsPromoters: 0,
  npsDetractors: 0,
  npsN: 0,
});

export const emptyContactTally = (): ContactTally => ({
  resolved: 0,
  reopened: 0,
  reopened7d: 0,
  firstResponseMedian: null,
  firstResponseN: 0,
  volume: 0,
});

export function addAnswerTally(into: AnswerTally, t: AnswerTally): AnswerTally {
  into.empathySum += t.empathySum;
  into.empathyN += t.empathyN;
  into.claritySum += t.claritySum;
  into.clarityN += t.clarityN;
  into.csatGood += t.csatGood;
  into.csatN += t.csatN;
  into.npsPromoters += t.npsPromoters;
  into.npsDetractors += t.npsDetractors;
  into.npsN += t.npsN;
  return into;
}

/** Rounds as the API returns values: 1 decimal for 1-5 means, integers for the rest. */
export function roundFor(unit: KpiUnit, value: number): number {
  if (unit === 'score') return Math.round(value * 10) / 10;
  return Math.round(value);
}

const ratio = (num: number, den: number): number | null => (den > 0 ? (100 * num) / den : null);

/** Unrounded value and sample size of one KPI from a tally. */
export function kpiValue(
  key: KpiKey,
  answers: AnswerTally,
  contacts: ContactTally,
): { value: number | null; n: number } {
  let value: number | null;
  let n: number;
  switch (key) {
    case 'empathy':
      n = answers.empathyN;
      value = n > 0 ? answers.empathySum / n : null;
      break;
    case 'clarity':
      n = answers.clarityN;
      value = n > 0 ? answers.claritySum / n : null;
      break;
    case 'csat':
      n = answers.csatN;
      value = ratio(answers.csatGood, n);
      break;
    case 'nps':
      n = answers.npsN;
      value = ratio(answers.npsPromoters - answers.npsDetractors, n);
      break;
    case 'fcr':
      n = contacts.resolved;
      value = ratio(contacts.resolved - contacts.reopened7d, n);
      break;
    case 'reopen_rate':
      n = contacts.resolved;
      value = ratio(contacts.reopened, n);
      break;
    case 'first_response':
      n = contacts.firstResponseN;
      value = n > 0 ? contacts.firstResponseMedian : null;
      break;
    case 'volume':
      n = contacts.volume;
      value = contacts.volume;
      break;
  }
  return { value: value === null ? null : roundFor(KPI_DEFINITIONS[key].unit, value), n };
}

/** Median of a list (mean of the two middle values for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Tallies of single answers, for tests and for callers holding raw rows. */
export function tallyAnswers(
  rows: readonly { empathy?: number | null; clarity?: number | null; csat?: number | null; nps?: number | null }[],
): AnswerTally {
  const t = emptyAnswerTally();
  for (const r of rows) {
    if (r.empathy != null) {
      t.empathySum += r.empathy;
      t.empathyN++;
    }
    if (r.clarity != null) {
      t.claritySum += r.clarity;
      t.clarityN++;
    }
    if (r.csat != null) {
      t.csatN++;
      if (r.csat >= 4) t.csatGood++;
    }
    if (r.nps != null) {
      t.npsN++;
      if (r.nps >= 9) t.npsPromoters++;
      else if (r.nps <= 6) t.npsDetractors++;
    }
  }
  return t;
}
