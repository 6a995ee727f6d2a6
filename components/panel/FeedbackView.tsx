import { measureElement, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { CHANNELS, KPI_WINDOWS } from '../../lib/contract/vocab';
import { db, type FeedbackItem } from '../../lib/db';
import type { Behavior } from '../../lib/empathy/types';
import { type FeedbackFilters, usePanelStore } from '../../lib/store/panel';
import { formatNumber } from '../common/format';
import {
  compareBehaviors,
  flagsByTicket,
  flagsFor,
  matchesFilters,
  needsScanFilter,
  periodStart,
} from './feedback-logic';
import { FeedbackRow } from './FeedbackRow';

// Rows are read a page at a time (newest first through the answeredAt index), so the first rows paint
// without reading 50,000 records; scrolling near the end reads the next page.
const PAGE = 40;
const NEXT_PAGE = 500;
const ROW_ESTIMATE = 110;

/**
 * A row's height, or what is already known of it while the list has no layout. The live panel is rendered
 * hidden behind the picture of its last view (entrypoints/sidepanel/app.tsx), where every row measures 0 px.
 * Taken as real, those zeros put every row at the top; when the view is shown and rows measure again, the
 * virtualizer counts each as growing above the scroll position and scrolls down by their sum (TanStack
 * Virtual's `resizeItem`), so the panel reopened part-way down the list and shifted under the agent's
 * next click: an action meant for the row at the top went to another answer.
 */
function measureRow(el: Element, entry: ResizeObserverEntry | undefined, v: Virtualizer<HTMLDivElement, Element>) {
  const size = measureElement(el, entry, v);
  if (size > 0 || el.getClientRects().length > 0) return size;
  return v.itemSizeCache.get(v.options.getItemKey(v.indexFromElement(el))) ?? ROW_ESTIMATE;
}

function feedbackQuery(filters: FeedbackFilters, limit: number): Promise<FeedbackItem[]> {
  const since = periodStart(filters.period);
  let rows = since
    ? db.feedback.where('answeredAt').aboveOrEqual(since).reverse()
    : db.feedback.orderBy('answeredAt').reverse();
  if (needsScanFilter(filters)) rows = rows.filter((item) => matchesFilters(item, filters));
  return rows.limit(limit).toArray();
}

function Filters() {
  const { t } = useTranslation();
  const filters = usePanelStore(useShallow((s) => s.feedbackFilters));
  const setFilter = usePanelStore((s) => s.setFeedbackFilter);
  return (
    <fieldset className="filters">
      <legend className="visually-hidden">{t('feedback.filtersLabel')}</legend>
      <label>
        <span className="visually-hidden">{t('feedback.period')}</span>
        <select
          data-testid="filter-period"
          value={filters.period}
          onChange={(e) => setFilter('period', e.target.value as FeedbackFilters['period'])}
        >
          {KPI_WINDOWS.map((w) => (
            <option key={w} value={w}>
              {t(`kpi.window.${w}`)}
            </option>
          ))}
          <option value="all">{t('feedback.periodAll')}</option>
        </select>
      </label>
      <label>
        <span className="visually-hidden">{t('feedback.channel')}</span>
        <select
          data-testid="filter-channel"
          value={filters.channel}
          onChange={(e) => setFilter('channel', e.target.value as FeedbackFilters['channel'])}
        >
          <option value="all">{t('feedback.channelAll')}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channel.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">{t('feedback.rating')}</span>
        <select
          data-testid="filter-rating"
          value={filters.rating}
          onChange={(e) => setFilter('rating', e.target.value as FeedbackFilters['rating'])}
        >
          <option value="all">{t('feedback.ratingAll')}</option>
          <option value="low">{t('feedback.ratingLow')}</option>
          <option value="high">{t('feedback.ratingHigh')}</option>
        </select>
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          data-testid="filter-has-comment"
          checked={filters.hasComment}
          onChange={(e) => setFilter('hasComment', e.target.checked)}
        />
        {t('feedback.hasComment')}
      </label>
    </fieldset>
  );
}

/** "Replies where you acknowledged feelings averaged 4.6 vs 3.9", over the chosen period. */
function BehaviorSummary({ byTicket, filters }: { byTicket: Map<string, Set<Behavior>>; filters: FeedbackFilters }) {
  const { t, i18n } = useTranslation();
  const items = useLiveQuery(async () => {
    if (byTicket.size === 0) return [];
    const since = periodStart(filters.period);
    const rows = since ? db.feedback.where('answeredAt').aboveOrEqual(since) : db.feedback.toCollection();
    return rows.filter((item) => flagsFor(item, byTicket) !== undefined).toArray();
  }, [byTicket, filters.period]);
  // Empathy first (the rating behaviours act on most directly); satisfaction when empathy was not asked.
  const comparisons = useMemo(() => {
    if (!items) return [];
    const byEmpathy = compareBehaviors(items, byTicket, 'empathy');
    return (byEmpathy.length > 0 ? byEmpathy : compareBehaviors(items, byTicket, 'csat')).slice(0, 3);
  }, [items, byTicket]);
  if (items === undefined) return null;
  return (
    <section className="summary" aria-labelledby="summary-title" data-testid="behavior-summary">
      <h3 id="summary-title">{t('feedback.summaryTitle')}</h3>
      {comparisons.length === 0 ? (
        <p className="muted small">{t('feedback.summaryNone')}</p>
      ) : (
        <ul>
          {comparisons.map((c) => (
            <li key={c.behavior} data-behavior={c.behavior}>
              {t('feedback.summary', {
                behavior: t(`behavior.${c.behavior}`, { defaultValue: c.behavior }),
                with: formatNumber(c.withMean, i18n.language),
                without: formatNumber(c.withoutMean, i18n.language),
                metric: t(`rating.${c.metric}`),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Feedback: newest first, virtualised, filtered; behaviour flags beside the ratings where known. */
export function FeedbackView() {
  const { t } = useTranslation();
  const filters = usePanelStore(useShallow((s) => s.feedbackFilters));
  const selectedId = usePanelStore((s) => s.selectedFeedbackId);
  const [limit, setLimit] = useState(PAGE);
  // A new filter starts again from the first page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on every filter change
  useEffect(() => setLimit(PAGE), [filters.period, filters.channel, filters.rating, filters.hasComment]);

  const items = useLiveQuery(() => feedbackQuery(filters, limit), [filters, limit]);
  // Flags and the summary are read after the first rows, so they never delay the list's first paint.
  const listLoaded = items !== undefined;
  const replyFlags = useLiveQuery(async () => (listLoaded ? await db.replyFlags.toArray() : undefined), [listLoaded]);
  const byTicket = useMemo(() => flagsByTicket(replyFlags ?? []), [replyFlags]);
  // An item opened from a tip may be outside the loaded page: show it pinned above the list.
  const pinned = useLiveQuery(
    async () =>
      selectedId && !items?.some((i) => i.id === selectedId) ? ((await db.feedback.get(selectedId)) ?? null) : null,
    [selectedId, items],
  );

  const scrollRef = useRef<HTMLDivElement>(null);
  const list = items ?? [];
  const virtualizer = useVirtualizer({
    count: list.length,
    getScrollElement: () => scrollRef.current,
    // Close to a collapsed row's real height, so the first frame renders about a screenful and no more.
    estimateSize: () => ROW_ESTIMATE,
    measureElement: measureRow,
    overscan: 3,
    getItemKey: (i) => list[i]?.id ?? i,
    // Without layout (first frame, tests) render a screenful instead of nothing.
    initialRect: { width: 360, height: 800 },
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? -1;
  const mayHaveMore = list.length === limit;
  useEffect(() => {
    if (mayHaveMore && lastIndex >= list.length - 20) setLimit((l) => l + NEXT_PAGE);
  }, [mayHaveMore, lastIndex, list.length]);

  return (
    <section className="view view--feedback" aria-labelledby="feedback-title" aria-busy={items === undefined}>
      <h2 id="feedback-title" className="visually-hidden">
        {t('app.tabs.feedback')}
      </h2>
      <Filters />
      {replyFlags !== undefined && <BehaviorSummary byTicket={byTicket} filters={filters} />}
      {/* The live query keeps its last result until it re-runs: never show the pinned row beside its twin. */}
      {pinned && !list.some((i) => i.id === pinned.id) && (
        <FeedbackRow item={pinned} flags={flagsFor(pinned, byTicket)} />
      )}
      {items === undefined ? (
        <p className="muted">{t('app.loading')}</p>
      ) : list.length === 0 ? (
        <p className="empty">{t('feedback.empty')}</p>
      ) : (
        <div
          ref={scrollRef}
          className="feedback-scroll"
          role="feed"
          aria-label={t('feedback.listLabel')}
          aria-busy={false}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
            {virtualItems.map((v) => {
              const item = list[v.index];
              if (!item) return null;
              return (
                <div
                  key={v.key}
                  data-index={v.index}
                  ref={virtualizer.measureElement}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    width: '100%',
                    transform: `translateY(${v.start}px)`,
                  }}
                >
                  <FeedbackRow item={item} flags={flagsFor(item, byTicket)} />
                </div>
              );
            })}
          </div>
          {mayHaveMore && <p className="muted small">{t('feedback.loadMore')}</p>}
        </div>
      )}
    </section>
  );
}
