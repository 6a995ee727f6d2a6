// Incremental pull of Request Tracker ticket transactions into hub events. The cursor is the last RT
// transaction id processed (RT ids only grow), kept in the hub's database per RT instance and advanced
// after each page is stored, so an interrupted run resumes where it stopped. Ingestion is idempotent by
// externalId (`rt:txn:<id>`), so re-running, or two hub processes syncing at once, never double-counts.
import type { HubContext } from '../../context';
import { ingestEvents } from '../../ingest';
import { type EventIn, eventIn } from '../../../lib/contract/requests';
import { getState, setState } from '../state';
import { RtClient, type RtClientOptions, type RtTicket } from './client';
import { DEFAULT_MAPPING, type HubEvent, lookupsFor, type MappingOptions, mapTransaction } from './mapping';

export interface RtSyncOptions extends RtClientOptions {
  /** The hub team this RT instance's tickets belong to: its events, contacts and agents stay in that team. */
  teamId: string;
  pageSize?: number;
  mapping?: Partial<MappingOptions>;
  /** Stop after this many pages (tests, or bounding a scheduled tick); default: until caught up. */
  maxPages?: number;
}

export interface RtSyncReport {
  startCursor: number;
  cursor: number;
  transactions: number;
  events: number;
  inserted: number;
  duplicates: number;
  byType: Record<string, number>;
  /** RT users whose email matches no hub agent: their events are kept, unattributed. */
  unmatchedAgents: string[];
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Where a sync stopped, per RT instance and hub team (two teams may pull the same RT separately). */
export function cursorKey(base: string, teamId: string): string {
  return `rt:${base.replace(/\/REST\/2\.0$/, '')}:${teamId}:cursor`;
}

/** The team's agents by lower-cased email, among the given addresses (same rule as the hub's ingestion). */
async function knownAgentEmails(hub: HubContext, teamId: string, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await hub.db.query<{ email: string }>(
    `SELECT lower(email) AS email FROM users WHERE lower(email) IN (SELECT jsonb_array_elements_text($1::jsonb))
       AND team_id = $2 AND role IN ('agent', 'lead')`,
    [JSON.stringify(emails.map((e) => e.toLowerCase())), teamId],
  );
  return new Set(rows.map((r) => r.email));
}

export async function syncRt(hub: HubContext, opts: RtSyncOptions): Promise<RtSyncReport> {
  const client = new RtClient(opts);
  const mapping = { ...DEFAULT_MAPPING, ...opts.mapping };
  const key = cursorKey(client.base, opts.teamId);
  const startCursor = (await getState<{ lastTransactionId: number }>(hub.db, key))?.lastTransactionId ?? 0;
  const pageSize = opts.pageSize ?? 100;
  const report: RtSyncReport = {
    startCursor,
    cursor: startCursor,
    transactions: 0,
    events: 0,
    inserted: 0,
    duplicates: 0,
    byType: {},
    unmatchedAgents: [],
  };
  const unmatched = new Set<string>();
  const tickets = new Map<string, RtTicket>();

  for (let pageNo = 0; opts.maxPages === undefined || pageNo < opts.maxPages; pageNo++) {
    const txns = await client.ticketTransactionsAfter(report.cursor, pageSize);
    if (txns.length === 0) break;
    // RT answers slowly per request: look up this page's tickets in one request and its users in parallel
    // (the client caches users for the run), then map.
    const relevant = txns.map((t) => ({ t, need: lookupsFor(t) })).filter((x) => x.need.ticket);
    const missingTickets = [...new Set(relevant.map((x) => x.t.ObjectId))].filter((id) => !tickets.has(id));
    for (const [id, tk] of await client.tickets(missingTickets)) tickets.set(id, tk);
    const users = new Set<string>();
    for (const { t, need } of relevant) {
      if (need.creator) users.add(t.Creator.id);
      if (need.newOwner) users.add(t.NewValue);
    }
    await mapLimit([...users], 4, (u) => client.user(u));
    const events: HubEvent[] = [];
    for (const { t, need } of relevant) {
      const [creator, newOwner] = await Promise.all([
        need.creator ? client.user(t.Creator.id) : null,
        need.newOwner ? client.user(t.NewValue) : null,
      ]);
      const e = mapTransaction(t, { creator, ticket: tickets.get(t.ObjectId) ?? null, newOwner }, mapping);
      if (e) events.push(e);
    }
    // An RT agent without a hub account must not fail the batch: keep the event, drop the attribution.
    const known = await knownAgentEmails(hub, opts.teamId, [
      ...new Set(events.flatMap((e) => (e.agent ? [e.agent.email] : []))),
    ]);
    const prepared: EventIn[] = [];
    for (const e of events) {
      let candidate: HubEvent | Omit<HubEvent, 'agent'> = e;
      if (e.agent && !known.has(e.agent.email.toLowerCase())) {
        unmatched.add(e.agent.email);
        const { agent: _dropped, ...rest } = e;
        candidate = rest;
      }
      // The API's own schema, as for POST /api/v1/events; RT data that doesn't fit is skipped and logged.
      const checked = eventIn.safeParse(candidate);
      if (checked.success) prepared.push(checked.data);
      else hub.log.warn({ externalId: e.externalId, issues: checked.error.issues }, 'rt event skipped');
    }
    if (prepared.length > 0) {
      const res = await ingestEvents(hub, prepared, { teamId: opts.teamId }, true);
      if (!res.ok) {
        throw new Error(`the hub refused RT events: ${res.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
      }
      for (const [i, ack] of res.items.entries()) {
        if (ack.duplicate) report.duplicates++;
        else {
          report.inserted++;
          const type = prepared[i]?.type ?? 'unknown';
          report.byType[type] = (report.byType[type] ?? 0) + 1;
        }
      }
    }
    report.transactions += txns.length;
    report.events += prepared.length;
    report.cursor = Number(txns[txns.length - 1]?.id ?? report.cursor);
    await setState(hub.db, key, { lastTransactionId: report.cursor, at: hub.now().toISOString() });
    if (txns.length < pageSize) break;
  }
  report.unmatchedAgents = [...unmatched].sort();
  return report;
}

/**
 * Scheduled mode for `serve`: syncs now and then every `intervalMs`, one run at a time; failures are
 * logged and retried on the next tick (RT being down must never take the hub down).
 */
export function scheduleRtSync(
  hub: HubContext,
  opts: RtSyncOptions & { intervalMs: number },
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = syncRt(hub, opts)
      .then((r) => {
        if (r.transactions > 0) hub.log.info({ rt: r }, 'rt sync');
      })
      .catch((err) => hub.log.warn({ err: (err as Error).message }, 'rt sync failed; will retry'))
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, opts.intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
