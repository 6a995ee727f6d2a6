// Pulling the agent's data from the hub into Dexie: KPI snapshots, feedback and tips by cursor, requests, the
// team library, the lead's caches, and the daily reconcile that drops answers re-attributed away. Actions
// still in the outbox win over what the hub says until they are delivered.
import {
  type FeedbackItem,
  KPI_WINDOWS,
  type KpiSnapshot,
  LOCAL_ID_PREFIX,
  TEAM_CACHE_KEYS,
  type TeamCacheKey,
  type Tip,
} from '../db';
import { HubError } from './errors';
import type { Ctx, SyncSession } from './session';

/** What can be pulled on its own (a stream event names one). */
export type Part = 'kpis' | 'feedback' | 'tips' | 'requests' | 'library' | 'team';

const MAX_PAGES = 1_000;
const TEAM_PATHS: Record<TeamCacheKey, string> = {
  'kpis:30d': '/api/v1/team/kpis?window=30d',
  members: '/api/v1/team/members',
  tips: '/api/v1/team/tips',
  requests: '/api/v1/team/requests',
  targets: '/api/v1/team/targets',
  pulse: '/api/v1/team/pulse',
};
const TIP_ACK_PATH = /^\/api\/v1\/tips\/([^/]+)\/ack$/;
const FEEDBACK_STATE_PATH = /^\/api\/v1\/me\/feedback\/([^/]+)\/state$/;

export class Pullers {
  constructor(private readonly s: SyncSession) {}

  private get db() {
    return this.s.db;
  }

  /** Pulls one part (stream events, and as a piece of a full sync); concurrent calls share one run. */
  pull(part: Part): Promise<void> {
    return this.s.coalesce(`pull:${part}`, async () => {
      const ctx = await this.s.context();
      if (!ctx) return;
      switch (part) {
        case 'kpis':
          return this.pullKpis(ctx);
        case 'feedback':
          return this.pullFeedback(ctx);
        case 'tips':
          return this.pullTips(ctx);
        case 'requests':
          return this.pullRequests(ctx);
        case 'library':
          return this.pullLibrary(ctx);
        case 'team':
          return this.pullTeam(ctx);
      }
    });
  }

  private async pullKpis(ctx: Ctx): Promise<void> {
    const responses = await Promise.all(KPI_WINDOWS.map((w) => ctx.client.kpis(w, ctx.signal)));
    const fetchedAt = this.s.now().toISOString();
    const rows: KpiSnapshot[] = responses.map((r) => ({ window: r.window, fetchedAt, kpis: r.kpis }));
    await this.db.transaction('rw', this.db.kpiSnapshots, async () => {
      if (ctx.signal.aborted) return;
      await this.db.kpiSnapshots.bulkPut(rows);
    });
  }

  private async pullFeedback(ctx: Ctx): Promise<void> {
    const pageSize = this.s.pageSize;
    let cursor = (await this.db.getMeta('cursor:feedback'))?.value ?? null;
    // A pull from the start is itself a full list: no reconcile needed for a while.
    const fromStart = cursor === null;
    const startedAt = this.s.now().toISOString();
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await ctx.client.feedback(cursor, pageSize, ctx.signal);
      const next = res.cursor ?? cursor;
      await this.db.transaction('rw', this.db.feedback, this.db.meta, this.db.outbox, async () => {
        if (ctx.signal.aborted) return;
        const pending = await this.pendingFeedbackState();
        const items: FeedbackItem[] = res.items.map((item) => ({ ...item, ...pending.get(item.id) }));
        await this.db.feedback.bulkPut(items);
        if (res.removed.length > 0) await this.db.feedback.bulkDelete(res.removed);
        await this.db.meta.put({ key: 'cursor:feedback', value: next });
      });
      if (res.items.length < pageSize || next === cursor) break;
      cursor = next;
    }
    if (fromStart && !ctx.signal.aborted) await this.db.meta.put({ key: 'reconciled:feedback', value: startedAt });
  }

  /** Walks the hub's whole feedback list (at most daily) and drops local answers no longer in it. */
  async reconcileFeedback(ctx: Ctx): Promise<void> {
    const last = (await this.db.getMeta('reconciled:feedback'))?.value;
    if (last && this.s.now().getTime() - Date.parse(last) < this.s.reconcileEveryMs) return;
    const startedAt = this.s.now().toISOString();
    // Only rows already here when the walk starts may go: one pulled meanwhile is newer than the walk.
    const before = await this.db.feedback.toCollection().primaryKeys();
    const onHub = new Set<string>();
    let cursor: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await ctx.client.feedback(cursor, 1_000, ctx.signal);
      for (const item of res.items) onHub.add(item.id);
      const next: string | null = res.cursor ?? cursor;
      if (res.items.length < 1_000 || next === cursor) break;
      cursor = next;
    }
    await this.db.transaction('rw', this.db.feedback, this.db.meta, async () => {
      if (ctx.signal.aborted) return;
      await this.db.feedback.bulkDelete(before.filter((id) => !onHub.has(id)));
      await this.db.meta.put({ key: 'reconciled:feedback', value: startedAt });
    });
  }

  private async pullTips(ctx: Ctx): Promise<void> {
    const pageSize = this.s.pageSize;
    let cursor = (await this.db.getMeta('cursor:tips'))?.value ?? null;
    const firstSync = cursor === null;
    const arrived: Tip[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await ctx.client.tips(cursor, pageSize, ctx.signal);
      const next = res.cursor ?? cursor;
      await this.db.transaction('rw', this.db.tips, this.db.meta, this.db.outbox, async () => {
        if (ctx.signal.aborted) return;
        const pendingAcks = await this.pendingTipAcks();
        const existing = await this.db.tips.bulkGet(res.items.map((t) => t.id));
        const rows: Tip[] = res.items.map((tip, i) => {
          const local = existing[i];
          const ack = pendingAcks.get(tip.id) ?? tip.ack;
          const row: Tip = { ...tip, ack, readAt: local?.readAt ?? ack?.at ?? null };
          if (!local) arrived.push(row);
          return row;
        });
        await this.db.tips.bulkPut(rows);
        await this.db.meta.put({ key: 'cursor:tips', value: next });
      });
      if (res.items.length < pageSize || next === cursor) break;
      cursor = next;
    }
    if (ctx.signal.aborted) return;
    const unreadArrivals = arrived.filter((t) => t.readAt === null);
    if (!firstSync && unreadArrivals.length > 0) this.s.onNewTips(unreadArrivals);
    this.s.onTipsChanged();
  }

  private async pullRequests(ctx: Ctx): Promise<void> {
    const res = await ctx.client.requests(ctx.signal);
    await this.db.transaction('rw', this.db.requests, this.db.outbox, async () => {
      if (ctx.signal.aborted) return;
      const pendingKeys = new Set(
        (await this.db.outbox.toArray())
          .filter((e) => e.kind === 'request')
          .map((e) => `${LOCAL_ID_PREFIX}${e.idempotencyKey}`),
      );
      const stale = (await this.db.requests.toArray())
        .filter((r) => !r.id.startsWith(LOCAL_ID_PREFIX) || !pendingKeys.has(r.id))
        .map((r) => r.id);
      await this.db.requests.bulkDelete(stale);
      await this.db.requests.bulkPut(res.items);
    });
  }

  private async pullLibrary(ctx: Ctx): Promise<void> {
    const library = await ctx.client.library(ctx.signal);
    await this.db.transaction('rw', this.db.libraries, async () => {
      if (ctx.signal.aborted) return;
      if (library) await this.db.libraries.put({ ...library, id: 'team' });
      else await this.db.libraries.delete('team');
    });
  }

  /** Lead caches, each replaced whole. A 403 drops the cache: the hub, not the panel, decides who is a lead. */
  async pullTeam(ctx: Ctx): Promise<void> {
    const results = await Promise.allSettled(
      TEAM_CACHE_KEYS.map((key) => ctx.client.getJson(TEAM_PATHS[key], ctx.signal)),
    );
    const fetchedAt = this.s.now().toISOString();
    let firstError: unknown = null;
    await this.db.transaction('rw', this.db.team, async () => {
      if (ctx.signal.aborted) return;
      for (const [i, key] of TEAM_CACHE_KEYS.entries()) {
        const r = results[i];
        if (r?.status === 'fulfilled') await this.db.team.put({ key, data: r.value, fetchedAt });
        else {
          if (r?.reason instanceof HubError && r.reason.status === 403) await this.db.team.delete(key);
          // A hub without an optional team endpoint (404) must not make the whole sync fail.
          if (!(r?.reason instanceof HubError && r.reason.status === 404)) firstError ??= r?.reason;
        }
      }
    });
    if (firstError) throw firstError;
  }

  private async pendingTipAcks(): Promise<Map<string, Tip['ack']>> {
    const acks = new Map<string, Tip['ack']>();
    for (const e of await this.db.outbox.toArray()) {
      const id = e.kind === 'tip:ack' ? TIP_ACK_PATH.exec(e.path)?.[1] : undefined;
      if (!id) continue;
      const body = e.body as { comment?: string; useful?: boolean };
      acks.set(decodeURIComponent(id), { at: e.createdAt, comment: body.comment ?? null, useful: body.useful ?? null });
    }
    return acks;
  }

  private async pendingFeedbackState(): Promise<Map<string, Partial<Pick<FeedbackItem, 'reviewed' | 'note'>>>> {
    const state = new Map<string, Partial<Pick<FeedbackItem, 'reviewed' | 'note'>>>();
    for (const e of await this.db.outbox.toArray()) {
      const id = e.kind === 'feedback:state' ? FEEDBACK_STATE_PATH.exec(e.path)?.[1] : undefined;
      if (!id) continue;
      const key = decodeURIComponent(id);
      const body = e.body as { reviewed?: boolean; note?: string };
      state.set(key, { ...state.get(key), ...body });
    }
    return state;
  }
}
