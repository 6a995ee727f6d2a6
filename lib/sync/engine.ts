// The delta-sync engine. Runs in the background (the only context that writes Dexie): signs in, pulls the
// agent's data with the hub's cursors, pushes the agent's actions through an outbox, keeps the hub's event
// stream open while a panel is open, and keeps `meta.status` truthful (issue #7, data layer).
import type { PhraseLibrary, SuggestionUsage } from '../empathy/types';
import type { ActionResult, CoachContext, SignInRequest, SignInResult, TipDraft } from '../messaging';
import {
  type AttuneDB,
  type FeedbackItem,
  KPI_WINDOWS,
  type KpiSnapshot,
  LOCAL_ID_PREFIX,
  type LeadRequest,
  type OutboxEntry,
  type OutboxKind,
  type ReplyFlags,
  SIGNED_OUT_STATUS,
  type SessionMeta,
  type StatusMeta,
  TEAM_CACHE_KEYS,
  type TeamCacheKey,
  type Tip,
} from '../db';
import { type BackoffOptions, backoffDelay, DEFAULT_BACKOFF } from './backoff';
import { HubClient, normaliseHubUrl } from './client';
import { errorMessage, HubError } from './errors';
import { mergeLibraries } from './library';
import { requestSchema } from '../contract/schemas';
import type { ContactChannel, UsageEvent } from '../contract/vocab';
import { parseSse, type SseEvent } from './sse';

/** Where the hub token is kept (browser.storage.local in the extension; memory in tests). */
export interface TokenStore {
  get(): Promise<string | null>;
  set(token: string): Promise<void>;
  clear(): Promise<void>;
}

export function memoryTokenStore(initial: string | null = null): TokenStore {
  let token = initial;
  return {
    get: async () => token,
    set: async (t) => {
      token = t;
    },
    clear: async () => {
      token = null;
    },
  };
}

export interface SyncEngineOptions {
  db: AttuneDB;
  tokens: TokenStore;
  fetch?: typeof fetch;
  now?: () => Date;
  random?: () => number;
  newId?: () => string;
  timeoutMs?: number;
  /** Page size of feedback and tip pulls (hub maximum 1000); a shorter page means caught up. */
  feedbackPageSize?: number;
  /** Retry schedule of failed syncs. */
  backoff?: BackoffOptions;
  /**
   * How often the local feedback is checked against the hub's full list. The delta feed only carries
   * answers still attributed to the agent; one re-attributed to a colleague would otherwise stay here.
   */
  reconcileEveryMs?: number;
  /** Reconnect schedule of the event stream. */
  streamBackoff?: BackoffOptions;
  /** A stream that sends nothing (not even a heartbeat) for this long is presumed dead and reopened. */
  streamSilenceMs?: number;
  /** Tips that arrived in a sync after the first one (for a system notification). */
  onNewTips?: (tips: Tip[]) => void;
  /** Tips changed (arrived, read, acknowledged): recount the badge. */
  onTipsChanged?: () => void;
}

export type SyncResult = { ok: true } | { ok: false; error: string };

type Part = 'kpis' | 'feedback' | 'tips' | 'requests' | 'library' | 'team';

interface Ctx {
  client: HubClient;
  session: SessionMeta;
  signal: AbortSignal;
}

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

export class SyncEngine {
  readonly db: AttuneDB;
  private readonly tokens: TokenStore;
  private readonly fetchImpl: typeof fetch | undefined;
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly newId: () => string;
  private readonly timeoutMs: number | undefined;
  private readonly pageSize: number;
  private readonly backoff: BackoffOptions;
  private readonly streamBackoff: BackoffOptions;
  private readonly silenceMs: number;
  private readonly reconcileEveryMs: number;
  private readonly onNewTips: (tips: Tip[]) => void;
  private readonly onTipsChanged: () => void;

  private token: string | null = null;
  /** Aborted on sign-out/sign-in: in-flight work of the old session writes nothing. */
  private session = new AbortController();
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly runs = new Map<string, { again: boolean; running: Promise<void> }>();
  private outboxGeneration = 0;
  private panels = 0;
  private stream: AbortController | null = null;
  private disposed = false;

  constructor(opts: SyncEngineOptions) {
    this.db = opts.db;
    this.tokens = opts.tokens;
    this.fetchImpl = opts.fetch;
    this.now = opts.now ?? (() => new Date());
    this.random = opts.random ?? Math.random;
    this.newId = opts.newId ?? (() => crypto.randomUUID());
    this.timeoutMs = opts.timeoutMs;
    this.pageSize = opts.feedbackPageSize ?? 500;
    this.backoff = opts.backoff ?? DEFAULT_BACKOFF;
    this.streamBackoff = opts.streamBackoff ?? { baseMs: 1_000, maxMs: 30_000 };
    this.silenceMs = opts.streamSilenceMs ?? 60_000;
    this.reconcileEveryMs = opts.reconcileEveryMs ?? 24 * 60 * 60_000;
    this.onNewTips = opts.onNewTips ?? (() => {});
    this.onTipsChanged = opts.onTipsChanged ?? (() => {});
  }

  // ---------------------------------------------------------------- session

  /**
   * Checks the token (or redeems the pairing code), stores the session and starts the first sync.
   * `awaitFirstSync: false` answers as soon as the hub accepted the agent (the options page should not wait
   * for a first sync of tens of thousands of answers); the panel shows the sync state meanwhile.
   */
  async signIn(req: SignInRequest, opts: { awaitFirstSync?: boolean } = {}): Promise<SignInResult> {
    let hubUrl: string;
    try {
      hubUrl = normaliseHubUrl(req.hubUrl);
    } catch (err) {
      return { ok: false, error: errorMessage(err) };
    }
    let token: string;
    let user: SessionMeta['user'];
    try {
      if ('pairingCode' in req) {
        const code = req.pairingCode.trim();
        if (!code) return { ok: false, error: 'Enter the pairing code your lead gave you.' };
        const paired = await this.client(hubUrl, null).pair(code);
        token = paired.token;
        user = paired.user;
      } else {
        token = req.token.trim();
        if (!token) return { ok: false, error: 'Enter your hub token (or a pairing code).' };
        user = await this.client(hubUrl, token).me();
      }
    } catch (err) {
      return { ok: false, error: errorMessage(err) };
    }

    const previous = await this.db.getMeta('session');
    this.resetSession();
    // Another hub or another person: nothing of the previous account may stay on this device.
    if (previous && (previous.hubUrl !== hubUrl || previous.user.id !== user.id)) await this.db.wipe();
    this.token = token;
    await this.tokens.set(token);
    await this.db.meta.put({ key: 'session', hubUrl, user });
    const status = await this.status();
    await this.db.meta.put({ ...status, state: 'syncing', lastError: null, nextRetryAt: null });
    const firstSync = this.syncNow();
    if (opts.awaitFirstSync ?? true) await firstSync;
    if (this.panels > 0) this.startStream();
    return {
      ok: true,
      user: { id: user.id, name: user.name, email: user.email, role: user.role, teamId: user.teamId },
    };
  }

  /** Forgets the token and wipes every local record. */
  async signOut(): Promise<void> {
    this.resetSession();
    this.token = null;
    await this.tokens.clear();
    await this.db.wipe();
    await this.db.meta.put(SIGNED_OUT_STATUS);
    this.onTipsChanged();
  }

  async status(): Promise<StatusMeta> {
    return (await this.db.getMeta('status')) ?? SIGNED_OUT_STATUS;
  }

  /** Stops timers and the stream (tests, and a background being replaced). */
  dispose(): void {
    this.disposed = true;
    this.resetSession();
  }

  private resetSession(): void {
    this.session.abort();
    this.session = new AbortController();
    this.stopStream();
    this.clearRetry();
    this.failures = 0;
  }

  private client(hubUrl: string, token: string | null): HubClient {
    return new HubClient({ hubUrl, token, fetch: this.fetchImpl, timeoutMs: this.timeoutMs });
  }

  private async context(): Promise<Ctx | null> {
    const signal = this.session.signal;
    const session = await this.db.getMeta('session');
    if (!session) return null;
    this.token ??= await this.tokens.get();
    if (!this.token) return null;
    return { client: this.client(session.hubUrl, this.token), session, signal };
  }

  // ---------------------------------------------------------------- sync

  /** A full sync: outbox first (so pulled state includes the agent's actions), then every part. */
  async syncNow(): Promise<SyncResult> {
    if (this.disposed) return { ok: false, error: 'Sync engine stopped.' };
    try {
      await this.coalesce('all', () => this.fullSync());
      const status = await this.status();
      if (status.state === 'signed-out') return { ok: false, error: status.lastError ?? 'Not signed in.' };
      return status.lastError ? { ok: false, error: status.lastError } : { ok: true };
    } catch (err) {
      return { ok: false, error: errorMessage(err) };
    }
  }

  private async fullSync(): Promise<void> {
    const ctx = await this.context();
    if (!ctx) {
      await this.db.meta.put({ ...(await this.status()), state: 'signed-out' });
      return;
    }
    await this.writeStatus(ctx, { state: 'syncing' });
    try {
      await this.drainOutbox(ctx);
      const parts: Part[] = ['kpis', 'feedback', 'tips', 'requests', 'library'];
      if (ctx.session.user.role === 'lead') parts.push('team');
      const results = await Promise.allSettled(parts.map((p) => this.pull(p)));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
      await this.coalesce('reconcile', () => this.reconcileFeedback(ctx));
      this.failures = 0;
      this.clearRetry();
      await this.writeStatus(ctx, {
        state: 'online',
        lastSyncedAt: this.now().toISOString(),
        lastError: null,
        nextRetryAt: null,
      });
    } catch (err) {
      await this.handleFailure(ctx, err);
    }
  }

  /** Pulls one part (stream events, and as a piece of a full sync); concurrent calls share one run. */
  pull(part: Part): Promise<void> {
    return this.coalesce(`pull:${part}`, async () => {
      const ctx = await this.context();
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
    const fetchedAt = this.now().toISOString();
    const rows: KpiSnapshot[] = responses.map((r) => ({ window: r.window, fetchedAt, kpis: r.kpis }));
    await this.db.transaction('rw', this.db.kpiSnapshots, async () => {
      if (ctx.signal.aborted) return;
      await this.db.kpiSnapshots.bulkPut(rows);
    });
  }

  private async pullFeedback(ctx: Ctx): Promise<void> {
    let cursor = (await this.db.getMeta('cursor:feedback'))?.value ?? null;
    // A pull from the start is itself a full list: no reconcile needed for a while.
    const fromStart = cursor === null;
    const startedAt = this.now().toISOString();
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await ctx.client.feedback(cursor, this.pageSize, ctx.signal);
      const next = res.cursor ?? cursor;
      await this.db.transaction('rw', this.db.feedback, this.db.meta, this.db.outbox, async () => {
        if (ctx.signal.aborted) return;
        const pending = await this.pendingFeedbackState();
        const items: FeedbackItem[] = res.items.map((item) => ({ ...item, ...pending.get(item.id) }));
        await this.db.feedback.bulkPut(items);
        if (res.removed.length > 0) await this.db.feedback.bulkDelete(res.removed);
        await this.db.meta.put({ key: 'cursor:feedback', value: next });
      });
      if (res.items.length < this.pageSize || next === cursor) break;
      cursor = next;
    }
    if (fromStart && !ctx.signal.aborted) await this.db.meta.put({ key: 'reconciled:feedback', value: startedAt });
  }

  /** Walks the hub's whole feedback list (at most daily) and drops local answers no longer in it. */
  private async reconcileFeedback(ctx: Ctx): Promise<void> {
    const last = (await this.db.getMeta('reconciled:feedback'))?.value;
    if (last && this.now().getTime() - Date.parse(last) < this.reconcileEveryMs) return;
    const startedAt = this.now().toISOString();
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
    let cursor = (await this.db.getMeta('cursor:tips'))?.value ?? null;
    const firstSync = cursor === null;
    const arrived: Tip[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await ctx.client.tips(cursor, this.pageSize, ctx.signal);
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
      if (res.items.length < this.pageSize || next === cursor) break;
      cursor = next;
    }
    if (ctx.signal.aborted) return;
    const unreadArrivals = arrived.filter((t) => t.readAt === null);
    if (!firstSync && unreadArrivals.length > 0) this.onNewTips(unreadArrivals);
    this.onTipsChanged();
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
  private async pullTeam(ctx: Ctx): Promise<void> {
    const results = await Promise.allSettled(
      TEAM_CACHE_KEYS.map((key) => ctx.client.getJson(TEAM_PATHS[key], ctx.signal)),
    );
    const fetchedAt = this.now().toISOString();
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

  // ---------------------------------------------------------------- failures and retries

  private async handleFailure(ctx: Ctx, err: unknown): Promise<void> {
    if (ctx.signal.aborted || (err instanceof HubError && err.kind === 'aborted')) return;
    const message = errorMessage(err);
    if (err instanceof HubError && err.unauthorized) {
      this.clearRetry();
      this.stopStream();
      await this.writeStatus(ctx, { state: 'signed-out', lastError: message, nextRetryAt: null });
      return;
    }
    // A hub that answered (4xx, unexpected shape) is reachable: say so, keep the error, let the alarm retry.
    const reachable = err instanceof HubError && !err.retryable;
    this.failures += 1;
    const delay = backoffDelay(this.failures, this.random, this.backoff);
    const nextRetryAt = new Date(this.now().getTime() + delay).toISOString();
    await this.writeStatus(ctx, { state: reachable ? 'online' : 'offline', lastError: message, nextRetryAt });
    this.clearRetry();
    if (!this.disposed) {
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        void this.syncNow();
      }, delay);
    }
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private async writeStatus(ctx: Ctx, patch: Partial<Omit<StatusMeta, 'key'>>): Promise<void> {
    await this.db.transaction('rw', this.db.meta, async () => {
      if (ctx.signal.aborted) return;
      const current = (await this.db.getMeta('status')) ?? SIGNED_OUT_STATUS;
      await this.db.meta.put({ ...current, ...patch, key: 'status' });
    });
  }

  /** Runs `fn` once at a time per key; a call during a run asks for one more run after it. */
  private coalesce(key: string, fn: () => Promise<void>): Promise<void> {
    const existing = this.runs.get(key);
    if (existing) {
      existing.again = true;
      return existing.running;
    }
    const state = { again: false, running: Promise.resolve() };
    state.running = (async () => {
      try {
        do {
          state.again = false;
          try {
            await fn();
          } catch (err) {
            if (!state.again) throw err;
          }
        } while (state.again && !this.disposed);
      } finally {
        this.runs.delete(key);
      }
    })();
    this.runs.set(key, state);
    return state.running;
  }

  // ---------------------------------------------------------------- outbox

  private async enqueue(kind: OutboxKind, path: string, body: unknown): Promise<OutboxEntry> {
    const entry: OutboxEntry = {
      kind,
      path,
      body,
      idempotencyKey: this.newId(),
      createdAt: this.now().toISOString(),
      attempts: 0,
      lastError: null,
    };
    entry.seq = await this.db.outbox.add(entry);
    this.outboxGeneration += 1;
    return entry;
  }

  /** Sends queued actions now (after a new one), then refreshes what they changed. */
  flushOutbox(): Promise<void> {
    return this.coalesce('flush', async () => {
      const ctx = await this.context();
      if (!ctx) return;
      try {
        const delivered = await this.drainOutbox(ctx);
        const parts = new Set<Part>();
        if (delivered.has('tip:ack')) parts.add('tips');
        if (delivered.has('feedback:state')) parts.add('feedback');
        if (delivered.has('request')) parts.add('requests');
        await Promise.all([...parts].map((p) => this.pull(p)));
        if ((await this.status()).state === 'offline') await this.syncNow();
      } catch (err) {
        await this.handleFailure(ctx, err);
      }
    });
  }

  /**
   * Sends queued actions oldest first, one at a time. Removes an entry on 2xx, or on a 4xx that can never
   * succeed; keeps it (and stops, preserving order) on a network error, timeout, 5xx or 401.
   */
  private drainOutbox(ctx: Ctx): Promise<Set<OutboxKind>> {
    const delivered = new Set<OutboxKind>();
    return this.coalesce('drain', async () => {
      let generation: number;
      do {
        generation = this.outboxGeneration;
        for (;;) {
          if (ctx.signal.aborted) return;
          const entry = await this.db.outbox.toCollection().first();
          if (!entry || entry.seq === undefined) break;
          const seq = entry.seq;
          try {
            const answer = await ctx.client.post(entry.path, entry.body, entry.idempotencyKey, ctx.signal);
            await this.db.transaction('rw', this.db.outbox, this.db.requests, async () => {
              await this.db.outbox.delete(seq);
              if (entry.kind === 'request') await this.settleRequest(entry, answer);
            });
            delivered.add(entry.kind);
          } catch (err) {
            if (err instanceof HubError && err.permanent) {
              await this.db.outbox.delete(seq);
              if (entry.kind === 'request') await this.db.requests.delete(`${LOCAL_ID_PREFIX}${entry.idempotencyKey}`);
              await this.writeStatus(ctx, {
                lastError: `An action was refused by the hub and dropped: ${err.message}`,
              });
              continue;
            }
            await this.db.outbox.update(seq, { attempts: entry.attempts + 1, lastError: errorMessage(err) });
            throw err;
          }
        }
      } while (generation !== this.outboxGeneration);
    }).then(() => delivered);
  }

  /** A delivered "ask my lead": the local placeholder takes the hub's id (or the hub's full record). */
  private async settleRequest(entry: OutboxEntry, answer: unknown): Promise<void> {
    const localId = `${LOCAL_ID_PREFIX}${entry.idempotencyKey}`;
    const placeholder = await this.db.requests.get(localId);
    await this.db.requests.delete(localId);
    const full = requestSchema.safeParse(answer);
    if (full.success) {
      await this.db.requests.put(full.data);
      return;
    }
    const id = (answer as { id?: unknown } | null)?.id;
    if (placeholder && typeof id === 'string' && !(await this.db.requests.get(id))) {
      await this.db.requests.put({ ...placeholder, id });
    }
  }

  // ---------------------------------------------------------------- agent actions (local first, then outbox)

  private async requireSession(): Promise<void> {
    if (!(await this.db.getMeta('session'))) throw new Error('Not signed in to a hub.');
  }

  async ackTip(tipId: string, comment?: string, useful?: boolean): Promise<void> {
    await this.requireSession();
    const at = this.now().toISOString();
    const body: { comment?: string; useful?: boolean } = {};
    if (comment?.trim()) body.comment = comment.trim();
    if (useful !== undefined) body.useful = useful;
    await this.db.transaction('rw', this.db.tips, this.db.outbox, async () => {
      const tip = await this.db.tips.get(tipId);
      if (!tip) throw new Error(`Unknown tip ${tipId}.`);
      await this.db.tips.update(tipId, {
        ack: { at, comment: body.comment ?? null, useful: body.useful ?? null },
        readAt: tip.readAt ?? at,
      });
      await this.enqueue('tip:ack', `/api/v1/tips/${encodeURIComponent(tipId)}/ack`, body);
    });
    this.onTipsChanged();
    void this.flushOutbox();
  }

  async setFeedbackState(feedbackId: string, state: { reviewed?: boolean; note?: string }): Promise<void> {
    await this.requireSession();
    await this.db.transaction('rw', this.db.feedback, this.db.outbox, async () => {
      if (!(await this.db.feedback.get(feedbackId))) throw new Error(`Unknown feedback ${feedbackId}.`);
      await this.db.feedback.update(feedbackId, state);
      await this.enqueue('feedback:state', `/api/v1/me/feedback/${encodeURIComponent(feedbackId)}/state`, state);
    });
    void this.flushOutbox();
  }

  async askLead(feedbackId: string, question: string): Promise<void> {
    await this.requireSession();
    const text = question.trim();
    if (!text) throw new Error('Write a question for your lead.');
    if (text.length > 5_000) throw new Error('A question for your lead can be at most 5,000 characters.');
    await this.db.transaction('rw', this.db.requests, this.db.outbox, async () => {
      const entry = await this.enqueue('request', '/api/v1/me/requests', { feedbackId, question: text });
      const placeholder: LeadRequest = {
        id: `${LOCAL_ID_PREFIX}${entry.idempotencyKey}`,
        feedbackId,
        question: text,
        answer: null,
        createdAt: entry.createdAt,
        answeredAt: null,
      };
      await this.db.requests.put(placeholder);
    });
    void this.flushOutbox();
  }

  async setPulse(date: string, mood: number): Promise<void> {
    await this.requireSession();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`Pulse date must be YYYY-MM-DD (got "${date}").`);
    if (!Number.isInteger(mood) || mood < 1 || mood > 5)
      throw new Error('Pulse mood must be a whole number from 1 to 5.');
    await this.db.transaction('rw', this.db.pulse, this.db.outbox, async () => {
      await this.db.pulse.put({ date, mood });
      await this.enqueue('pulse', '/api/v1/me/pulse', { date, mood });
    });
    void this.flushOutbox();
  }

  /** Stores a sent reply's behaviour flags; shares them with the hub only when the agent allowed it. */
  async recordReplySent(flags: Omit<ReplyFlags, 'id'>, share: boolean): Promise<void> {
    // The hub can only attribute flags to a known ticket and channel; others stay on the device.
    const send =
      share && flags.ticketId !== null && flags.channel !== null && Boolean(await this.db.getMeta('session'));
    await this.db.transaction('rw', this.db.replyFlags, this.db.outbox, async () => {
      await this.db.replyFlags.add({ ...flags });
      if (send) {
        const { site, ticketId, channel, behaviors, sentAt } = flags;
        await this.enqueue('reply-flags', '/api/v1/me/reply-flags', { site, ticketId, channel, behaviors, sentAt });
      }
    });
    if (send) void this.flushOutbox();
  }

  async markTipsRead(tipIds: string[]): Promise<void> {
    const at = this.now().toISOString();
    await this.db.transaction('rw', this.db.tips, async () => {
      const tips = await this.db.tips.bulkGet(tipIds);
      for (const tip of tips) if (tip && tip.readAt === null) await this.db.tips.update(tip.id, { readAt: at });
    });
    this.onTipsChanged();
  }

  async unreadTipCount(): Promise<number> {
    return this.db.tips.filter((t) => t.readAt === null).count();
  }

  async recordUsage(suggestionId: string, event: UsageEvent): Promise<void> {
    await this.db.transaction('rw', this.db.meta, async () => {
      const usage: SuggestionUsage = { ...((await this.db.getMeta('usage'))?.value ?? {}) };
      const counts = usage[suggestionId] ?? { shown: 0, accepted: 0, dismissed: 0 };
      usage[suggestionId] = { ...counts, [event]: counts[event] + 1 };
      await this.db.meta.put({ key: 'usage', value: usage });
    });
  }

  async coachContext(enabled: boolean): Promise<CoachContext> {
    const [team, favourites, usage] = await Promise.all([
      this.db.libraries.get('team'),
      this.db.libraries.get('favourites'),
      this.db.getMeta('usage'),
    ]);
    return { enabled, library: mergeLibraries(team, favourites), usage: usage?.value ?? {} };
  }

  // ---------------------------------------------------------------- lead actions (online only)

  private async leadCall<T>(run: (ctx: Ctx) => Promise<T>, refresh: Part[]): Promise<ActionResult<T>> {
    const ctx = await this.context();
    if (!ctx) return { ok: false, error: 'Not signed in to a hub.' };
    try {
      const data = await run(ctx);
      await Promise.allSettled(refresh.map((p) => this.pull(p)));
      return { ok: true, data };
    } catch (err) {
      return { ok: false, error: errorMessage(err) };
    }
  }

  createTip(body: TipDraft) {
    return this.leadCall((ctx) => ctx.client.post('/api/v1/tips', body, this.newId(), ctx.signal), ['team', 'tips']);
  }

  answerRequest(requestId: string, answer: string) {
    return this.leadCall(
      (ctx) =>
        ctx.client.post(
          `/api/v1/team/requests/${encodeURIComponent(requestId)}/answer`,
          { answer },
          this.newId(),
          ctx.signal,
        ),
      ['team'],
    );
  }

  /** Re-fetches every lead cache now; answers the error (e.g. 403 for a non-lead) instead of a team. */
  refreshTeam() {
    return this.leadCall(async (ctx) => {
      await this.pullTeam(ctx);
      return undefined;
    }, []);
  }

  setTarget(target: { kpi: string; channel: ContactChannel | null; value: number }) {
    return this.leadCall((ctx) => ctx.client.put('/api/v1/team/targets', target, ctx.signal), ['team', 'kpis']);
  }

  setTeamLibrary(library: PhraseLibrary) {
    return this.leadCall((ctx) => ctx.client.put('/api/v1/team/library', library, ctx.signal), ['library']);
  }

  createPairingCode(agentId: string) {
    return this.leadCall(
      (ctx) => ctx.client.post('/api/v1/team/pairing-codes', { agentId }, this.newId(), ctx.signal),
      [],
    );
  }

  // ---------------------------------------------------------------- live stream while a panel is open

  /** A side panel connected (runtime Port 'panel'): stream live events and catch up now. */
  panelOpened(): void {
    this.panels += 1;
    this.startStream();
    void this.syncNow();
  }

  panelClosed(): void {
    this.panels = Math.max(0, this.panels - 1);
    if (this.panels === 0) this.stopStream();
  }

  get streaming(): boolean {
    return this.stream !== null;
  }

  private startStream(): void {
    if (this.stream || this.disposed) return;
    const ctl = new AbortController();
    this.stream = ctl;
    void this.runStream(ctl.signal).finally(() => {
      if (this.stream === ctl) this.stream = null;
    });
  }

  private stopStream(): void {
    this.stream?.abort();
    this.stream = null;
  }

  private async runStream(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      const ctx = await this.context();
      if (!ctx || ctx.signal.aborted) return;
      const conn = new AbortController();
      const close = () => conn.abort();
      signal.addEventListener('abort', close, { once: true });
      ctx.signal.addEventListener('abort', close, { once: true });
      let silence: ReturnType<typeof setTimeout> | undefined;
      const heard = () => {
        clearTimeout(silence);
        silence = setTimeout(close, this.silenceMs);
      };
      try {
        const body = await ctx.client.openStream(conn.signal);
        heard();
        failures = 0;
        // Whatever happened while we were not listening is fetched now.
        void this.syncNow();
        for await (const event of parseSse(body, heard)) this.onStreamEvent(event);
      } catch (err) {
        if (signal.aborted || ctx.signal.aborted) return;
        if (err instanceof HubError && err.unauthorized) {
          await this.handleFailure(ctx, err);
          return;
        }
      } finally {
        clearTimeout(silence);
        signal.removeEventListener('abort', close);
        ctx.signal.removeEventListener('abort', close);
      }
      if (signal.aborted) return;
      // The stream dropped: find out whether the hub is gone (status goes offline) before reconnecting.
      void this.syncNow();
      failures += 1;
      await sleep(backoffDelay(failures, this.random, this.streamBackoff), signal);
    }
  }

  private onStreamEvent(event: SseEvent): void {
    const lead = async () => (await this.db.getMeta('session'))?.user.role === 'lead';
    const run = async (parts: Part[], teamToo: boolean) => {
      if (teamToo && (await lead())) parts.push('team');
      await Promise.all(parts.map((p) => this.pull(p)));
    };
    let work: Promise<void> | null = null;
    switch (event.event) {
      case 'tip':
        work = run(['tips'], true);
        break;
      case 'feedback':
        work = run(['feedback'], false);
        break;
      case 'kpis':
        work = run(['kpis'], true);
        break;
      case 'library':
        work = run(['library'], false);
        break;
      case 'request':
        work = run(['requests'], true);
        break;
      default:
        return; // hello, heartbeat, unknown future events
    }
    work.catch(async (err) => {
      const ctx = await this.context();
      if (ctx) await this.handleFailure(ctx, err);
    });
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
