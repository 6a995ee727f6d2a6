// Pure parts of the Feedback view: filtering, and how answers differ by the behaviours of the sent reply.
import { WINDOW_DAYS } from '../../lib/contract/vocab';
import type { FeedbackItem, ReplyFlags } from '../../lib/db';
import type { Behavior } from '../../lib/empathy/types';
import type { FeedbackFilters, FeedbackPeriod } from '../../lib/store/panel';

/** ISO lower bound of `answeredAt` for a period; null for 'all'. */
export function periodStart(period: FeedbackPeriod, now: Date = new Date()): string | null {
  if (period === 'all') return null;
  return new Date(now.getTime() - WINDOW_DAYS[period] * 86_400_000).toISOString();
}

const RATINGS = ['empathy', 'csat', 'clarity'] as const;

function isLow(item: FeedbackItem): boolean {
  return RATINGS.some((k) => item[k] !== null && (item[k] as number) <= 2) || (item.nps !== null && item.nps <= 6);
}

function isHigh(item: FeedbackItem): boolean {
  const given = RATINGS.filter((k) => item[k] !== null);
  if (given.length === 0 && item.nps === null) return false;
  return given.every((k) => (item[k] as number) >= 4) && (item.nps === null || item.nps >= 9);
}

/** The non-period filters (the period is applied through the answeredAt index). */
export function matchesFilters(item: FeedbackItem, f: FeedbackFilters): boolean {
  if (f.channel !== 'all' && item.channel !== f.channel) return false;
  if (f.hasComment && !(item.comment && item.comment.trim().length > 0)) return false;
  if (f.rating === 'low' && !isLow(item)) return false;
  if (f.rating === 'high' && !isHigh(item)) return false;
  return true;
}

export function needsScanFilter(f: FeedbackFilters): boolean {
  return f.channel !== 'all' || f.hasComment || f.rating !== 'all';
}

/** Behaviours of the sent replies per ticket (several replies on one ticket: the union). */
export function flagsByTicket(flags: readonly ReplyFlags[]): Map<string, Set<Behavior>> {
  const map = new Map<string, Set<Behavior>>();
  for (const f of flags) {
    if (!f.ticketId) continue;
    const set = map.get(f.ticketId) ?? new Set<Behavior>();
    for (const b of f.behaviors) set.add(b);
    map.set(f.ticketId, set);
  }
  return map;
}

/** The flags of the reply a feedback item is about (matched on the helpdesk contact/ticket id). */
export function flagsFor(item: FeedbackItem, byTicket: Map<string, Set<Behavior>>): Set<Behavior> | undefined {
  return byTicket.get(item.contactId) ?? byTicket.get(item.externalId);
}

export type SummaryMetric = 'empathy' | 'csat' | 'clarity';

export interface BehaviorComparison {
  behavior: Behavior;
  metric: SummaryMetric;
  /** Mean rating of answers whose reply had the behaviour, and of those whose reply did not. */
  withMean: number;
  withoutMean: number;
  withN: number;
  withoutN: number;
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/**
 * For each behaviour: the mean rating of answers to replies that showed it vs. replies that did not, over
 * answers whose reply flags are known. Only behaviours with at least `minN` answers on both sides, the
 * largest difference first.
 */
export function compareBehaviors(
  items: readonly FeedbackItem[],
  byTicket: Map<string, Set<Behavior>>,
  metric: SummaryMetric = 'empathy',
  minN = 3,
): BehaviorComparison[] {
  const rated: { rating: number; flags: Set<Behavior> }[] = [];
  for (const item of items) {
    const rating = item[metric];
    const flags = flagsFor(item, byTicket);
    if (rating === null || rating === undefined || !flags) continue;
    rated.push({ rating, flags });
  }
  const behaviors = new Set<Behavior>();
  for (const r of rated) for (const b of r.flags) behaviors.add(b);
  const out: BehaviorComparison[] = [];
  for (const behavior of behaviors) {
    const withR = rated.filter((r) => r.flags.has(behavior)).map((r) => r.rating);
    const withoutR = rated.filter((r) => !r.flags.has(behavior)).map((r) => r.rating);
    if (withR.length < minN || withoutR.length < minN) continue;
    out.push({
      behavior,
      metric,
      withMean: Math.round(mean(withR) * 10) / 10,
      withoutMean: Math.round(mean(withoutR) * 10) / 10,
      withN: withR.length,
      withoutN: withoutR.length,
    });
  }
  return out.sort((a, b) => Math.abs(b.withMean - b.withoutMean) - Math.abs(a.withMean - a.withoutMean));
}
