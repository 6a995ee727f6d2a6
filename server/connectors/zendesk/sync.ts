// Incremental pull from Zendesk: ticket events first (so every reply is in the hub before the answers that
// follow it are attributed), then satisfaction ratings. The cursor lives in the hub (source_state
// `connector:<slug>:cursor`) and is written in the same transaction as each page's data
// (server/connectors/hooks/store.ts), so a crash or a failed request mid-run resumes at the last stored page.
//   ticketEvents: the next start_time (Zendesk's end_time of the last stored page; items at that second are
//                 fetched again and deduplicated by their ids)
//   ratings:      start_time of the current ratings pass and the page[after] cursor inside it
// Pages are processed one at a time (at most 1000 audits each), so memory stays flat however long the export.
import type { HubContext } from '../../context';
import { type ConnectorConfig, cursorKey, getStatus, readApiToken, rememberAgents, setStatus } from '../hooks/registry';
import { addEventCounts, type PageEvent, type PageFeedback, storePage } from '../hooks/store';
import { VendorError } from '../hooks/vendor-http';
import { getState } from '../state';
import { ZendeskClient, type ZendeskClientOptions, type ZdUser } from './client';
import { mapRating, mapTicketEvent, usersNeeded } from './mapping';

type Fetched = { page: Awaited<ReturnType<ZendeskClient['ticketEvents']>>; users: Map<number, ZdUser | null> };

export interface ZendeskCursor {
  ticketEvents: number;
  ratings: { startTime: number; after: string | null; maxSeen: number };
}

export interface ZendeskSyncReport {
  ok: boolean;
  error: string | null;
  pages: number;
  audits: number;
  events: number;
  inserted: number;
  duplicates: number;
  byType: Record<string, number>;
  ratings: number;
  feedbackInserted: number;
  feedbackDuplicates: number;
  unattributedRatings: string[];
  unmatchedAgents: string[];
  skipped: number;
  requests: number;
  cursor: ZendeskCursor;
}

export interface ZendeskSyncOptions {
  /** Overrides for the HTTP layer (tests: short backoff, a fake sleep). */
  http?: Omit<ZendeskClientOptions, 'baseUrl' | 'email' | 'token'>;
  /** Stop after this many ticket-event pages (bounding a tick, tests). */
  maxPages?: number;
  /** Events stored per transaction (several pages); default 5000. */
  batchEvents?: number;
  /** Token override (else read from the configured file or environment). */
  token?: string;
}

export async function readZendeskCursor(hub: HubContext, cfg: ConnectorConfig): Promise<ZendeskCursor> {
  const stored = await getState<ZendeskCursor>(hub.db, cursorKey(cfg.slug));
  const start = cfg.startTime ?? 0;
  return stored ?? { ticketEvents: start, ratings: { startTime: start, after: null, maxSeen: start } };
}

/** Runs one sync; never throws for vendor or data problems: they end the run with ok=false and a status. */
export async function syncZendesk(
  hub: HubContext,
  cfg: ConnectorConfig,
  opts: ZendeskSyncOptions = {},
): Promise<ZendeskSyncReport> {
  const cursor = await readZendeskCursor(hub, cfg);
  const report: ZendeskSyncReport = {
    ok: false,
    error: null,
    pages: 0,
    audits: 0,
    events: 0,
    inserted: 0,
    duplicates: 0,
    byType: {},
    ratings: 0,
    feedbackInserted: 0,
    feedbackDuplicates: 0,
    unattributedRatings: [],
    unmatchedAgents: [],
    skipped: 0,
    requests: 0,
    cursor,
  };
  const unmatched = new Set((await getStatus(hub.db, cfg.slug)).unmatchedAgents);
  const startedAt = hub.now().toISOString();
  await setStatus(hub.db, cfg.slug, { lastRunAt: startedAt, running: true });
  let client: ZendeskClient | null = null;
  try {
    const token = opts.token ?? readApiToken(cfg);
    if (!cfg.email) throw new Error('no Zendesk API user configured (--email)');
    client = new ZendeskClient({ baseUrl: cfg.baseUrl, email: cfg.email, token, ...opts.http });
    const ctxBase = { site: cfg.site, baseUrl: cfg.baseUrl };

    // The next page is fetched (and its users looked up) while this one is being mapped and stored: its
    // start_time is this page's end_time, known as soon as the page has arrived. Pages are stored in
    // batches of about `batchEvents` events (a few pages of 1000 audits: one transaction costs far less per
    // row than five), each batch with the cursor at its last page's end_time. A failed prefetch surfaces
    // only after the pages before it are stored, so the cursor still reaches the last good page.
    const c = client;
    const fetchPage = async (start: number): Promise<Fetched> => {
      const page = await c.ticketEvents(start);
      return { page, users: await c.usersById(page.events.flatMap(usersNeeded)) };
    };
    const batchEvents = opts.batchEvents ?? 5000;
    const remembered = new Map<string, string>();
    let batch: PageEvent[] = [];
    let fetchedTo = cursor.ticketEvents;
    const flush = async () => {
      const res = await storePage(
        hub,
        cfg.teamId,
        { events: batch },
        { key: cursorKey(cfg.slug), value: { ...cursor, ticketEvents: fetchedTo } },
      );
      cursor.ticketEvents = fetchedTo;
      report.events += batch.length;
      addEventCounts(report, res, unmatched);
      report.skipped += res.skipped.length;
      batch = [];
    };
    let pending: Promise<Fetched> | null = fetchPage(fetchedTo);
    for (let n = 0; pending; n++) {
      let fetched: Fetched;
      try {
        fetched = await pending;
      } catch (err) {
        if (batch.length > 0 || fetchedTo !== cursor.ticketEvents) await flush();
        throw err;
      }
      const { page, users } = fetched;
      const previous = fetchedTo;
      // Zendesk's time-based export repeats its last second on the next page (deduplicated by id); a page
      // that does not move the clock and is not the end would be asked for again forever.
      const more: boolean = !page.endOfStream && page.endTime > previous;
      const withinLimit = opts.maxPages === undefined || n + 1 < opts.maxPages;
      pending = more && withinLimit ? fetchPage(page.endTime) : null;
      pending?.catch(() => {});
      // The directory webhooks use: written only when this run meets an agent it has not written yet.
      const fresh = [...agentDirectory(users)].filter(([id, email]) => remembered.get(id) !== email);
      if (fresh.length > 0) {
        await rememberAgents(hub.db, cfg.slug, new Map(fresh));
        for (const [id, email] of fresh) remembered.set(id, email);
      }
      for (const ev of page.events) batch.push(...mapTicketEvent(ev, { ...ctxBase, users }));
      fetchedTo = Math.max(previous, page.endTime);
      report.pages++;
      report.audits += page.events.length;
      if (batch.length >= batchEvents || !pending) await flush();
      if (!page.endOfStream && !more)
        throw new VendorError('Zendesk export did not advance (over 1000 events in one second?)', 'malformed');
    }

    if (opts.maxPages === undefined) {
      for (;;) {
        const r = cursor.ratings;
        const page = await client.ratings(r.startTime, r.after);
        const users = await client.usersById(
          page.ratings.flatMap((x) => (typeof x.assignee_id === 'number' ? [x.assignee_id] : [])),
        );
        const answers: PageFeedback[] = [];
        let maxSeen = r.maxSeen;
        for (const rating of page.ratings) {
          const t = Math.floor(Date.parse(rating.created_at) / 1000);
          if (Number.isFinite(t)) maxSeen = Math.max(maxSeen, t);
          const a = mapRating(rating, { ...ctxBase, users });
          if (a) answers.push(a);
        }
        // Within a pass the page[after] cursor moves on; at the end the next pass starts at the newest
        // rating seen (inclusive: re-seen ratings are duplicates by id).
        const done = !page.hasMore || !page.afterCursor;
        const nextRatings = done
          ? { startTime: maxSeen, after: null, maxSeen }
          : { startTime: r.startTime, after: page.afterCursor, maxSeen };
        const res = await storePage(
          hub,
          cfg.teamId,
          { events: [], feedback: answers },
          {
            key: cursorKey(cfg.slug),
            value: { ...cursor, ratings: nextRatings },
          },
        );
        cursor.ratings = nextRatings;
        report.ratings += page.ratings.length;
        report.feedbackInserted += res.feedbackInserted;
        report.feedbackDuplicates += res.feedbackDuplicates;
        report.unattributedRatings.push(...res.unattributedFeedback);
        report.skipped += res.skipped.length;
        for (const u of res.unmatched) unmatched.add(u);
        if (done) break;
      }
    }
    report.ok = true;
  } catch (err) {
    report.error = safeMessage(err);
    hub.log.warn({ connector: cfg.slug, error: report.error }, 'zendesk sync stopped');
  } finally {
    report.requests = client?.requests ?? 0;
    report.unmatchedAgents = [...unmatched].sort();
    report.cursor = cursor;
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

function agentDirectory(users: Map<number, ZdUser | null>): Map<string, string> {
  const out = new Map<string, string>();
  for (const u of users.values())
    if (u && (u.role === 'agent' || u.role === 'admin') && u.email) out.set(String(u.id), u.email);
  return out;
}

/** An error as status text: vendor and config errors are written to be shown; others keep their message only. */
export function safeMessage(err: unknown): string {
  if (err instanceof Error) return err.message.slice(0, 500);
  return String(err).slice(0, 500);
}
