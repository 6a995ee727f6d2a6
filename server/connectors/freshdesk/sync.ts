// Incremental pull from Freshdesk: tickets changed since the cursor (oldest change first, with their
// conversations), then satisfaction ratings created since the cursor. Each page of 100 tickets is stored
// with the cursor moved to that page's last updated_at, in one transaction (hooks/store.ts); updated_since
// is inclusive, so the boundary ticket comes again and is deduplicated by its ids. Freshdesk serves at most
// 300 pages per query: the sync then starts a new query at the last stored updated_at.
import type { HubContext } from '../../context';
import { type ConnectorConfig, cursorKey, getStatus, readApiToken, setStatus } from '../hooks/registry';
import { addEventCounts, type PageEvent, type PageFeedback, storePage } from '../hooks/store';
import { getState } from '../state';
import { FreshdeskClient, type FreshdeskClientOptions, MAX_PAGE } from './client';
import { mapRating, mapTicket } from './mapping';

export interface FreshdeskCursor {
  updatedSince: string;
  ratingsSince: string;
}

export interface FreshdeskSyncReport {
  ok: boolean;
  error: string | null;
  tickets: number;
  events: number;
  inserted: number;
  duplicates: number;
  byType: Record<string, number>;
  ratings: number;
  feedbackInserted: number;
  unattributedRatings: string[];
  unmatchedAgents: string[];
  requests: number;
  rateLimitRemaining: number | null;
  cursor: FreshdeskCursor;
}

export async function readFreshdeskCursor(hub: HubContext, cfg: ConnectorConfig): Promise<FreshdeskCursor> {
  const start = new Date((cfg.startTime ?? 0) * 1000).toISOString().replace('.000Z', 'Z');
  return (await getState<FreshdeskCursor>(hub.db, cursorKey(cfg.slug))) ?? { updatedSince: start, ratingsSince: start };
}

export async function syncFreshdesk(
  hub: HubContext,
  cfg: ConnectorConfig,
  opts: { http?: Omit<FreshdeskClientOptions, 'baseUrl' | 'apiKey'>; token?: string } = {},
): Promise<FreshdeskSyncReport> {
  const cursor = await readFreshdeskCursor(hub, cfg);
  const report: FreshdeskSyncReport = {
    ok: false,
    error: null,
    tickets: 0,
    events: 0,
    inserted: 0,
    duplicates: 0,
    byType: {},
    ratings: 0,
    feedbackInserted: 0,
    unattributedRatings: [],
    unmatchedAgents: [],
    requests: 0,
    rateLimitRemaining: null,
    cursor,
  };
  const unmatched = new Set((await getStatus(hub.db, cfg.slug)).unmatchedAgents);
  await setStatus(hub.db, cfg.slug, { lastRunAt: hub.now().toISOString(), running: true });
  let client: FreshdeskClient | null = null;
  try {
    client = new FreshdeskClient({ baseUrl: cfg.baseUrl, apiKey: opts.token ?? readApiToken(cfg), ...opts.http });
    const agents = await client.agents();
    const ctx = { site: cfg.site, agents };
    for (let restart = true; restart; ) {
      restart = false;
      const since = cursor.updatedSince;
      for (let page = 1; page <= MAX_PAGE; page++) {
        const r = await client.tickets(since, page);
        const events: PageEvent[] = [];
        for (const t of r.items) events.push(...mapTicket(t, await client.conversations(t.id), ctx));
        const last = r.items.at(-1)?.updated_at;
        const next = last && Date.parse(last) > Date.parse(cursor.updatedSince) ? last : cursor.updatedSince;
        const res = await storePage(
          hub,
          cfg.teamId,
          { events },
          {
            key: cursorKey(cfg.slug),
            value: { ...cursor, updatedSince: next },
          },
        );
        cursor.updatedSince = next;
        report.tickets += r.items.length;
        report.events += events.length;
        addEventCounts(report, res, unmatched);
        if (!r.hasNext) break;
        // The page limit: continue with a fresh query from the newest stored change, if it moved.
        if (page === MAX_PAGE && next !== since) restart = true;
      }
    }
    for (let page = 1; page <= MAX_PAGE; page++) {
      const r = await client.ratings(cursor.ratingsSince, page);
      const answers = r.items.map((x) => mapRating(x, ctx)).filter((x): x is PageFeedback => x !== null);
      const newest = r.items
        .map((x) => x.created_at)
        .reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a), cursor.ratingsSince);
      // Ratings come newest first by default; the cursor moves only when the last page is stored.
      const res = await storePage(
        hub,
        cfg.teamId,
        { events: [], feedback: answers },
        r.hasNext
          ? null
          : {
              key: cursorKey(cfg.slug),
              value: { ...cursor, ratingsSince: newest },
            },
      );
      if (!r.hasNext) cursor.ratingsSince = newest;
      report.ratings += r.items.length;
      report.feedbackInserted += res.feedbackInserted;
      report.unattributedRatings.push(...res.unattributedFeedback);
      for (const u of res.unmatched) unmatched.add(u);
      if (!r.hasNext) break;
    }
    report.ok = true;
  } catch (err) {
    report.error = err instanceof Error ? err.message.slice(0, 500) : String(err).slice(0, 500);
    hub.log.warn({ connector: cfg.slug, error: report.error }, 'freshdesk sync stopped');
  } finally {
    report.requests = client?.requests ?? 0;
    report.rateLimitRemaining = client?.rateLimitRemaining ?? null;
    report.unmatchedAgents = [...unmatched].sort();
    await setStatus(hub.db, cfg.slug, {
      running: false,
      lastError: report.error,
      cursor,
      unmatchedAgents: report.unmatchedAgents,
      lastReport: { ...report, cursor: undefined },
      ...(report.ok ? { lastOkAt: hub.now().toISOString() } : {}),
    });
  }
  return report;
}
