// The sync engine's session: the signed-in hub and token, the abort signal every piece of in-flight work carries
// (a new sign-in or a sign-out aborts it, so work of the old session writes nothing), `meta.status`, failures
// and their retry schedule, and the run coalescing the other parts share. The parts (pullers, outbox, agent and
// lead actions, stream) get this object; the facade (engine.ts) wires them.
import type { SignInRequest, SignInResult } from '../messaging';
import { type AttuneDB, SIGNED_OUT_STATUS, type SessionMeta, type StatusMeta, type Tip } from '../db';
import { type BackoffOptions, backoffDelay, DEFAULT_BACKOFF } from './backoff';
import { HubClient, normaliseHubUrl } from './client';
import { errorMessage, HubError } from './errors';

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

/** What one piece of work runs against: the hub client of the current session and its abort signal. */
export interface Ctx {
  client: HubClient;
  session: SessionMeta;
  signal: AbortSignal;
}

/** What the session needs from the other parts (set by the facade). */
export interface SessionHooks {
  /** A full sync (retries, and the first sync after sign-in). */
  syncNow(): Promise<SyncResult>;
  stopStream(): void;
  /** Opens the live stream again if a panel is open (after sign-in). */
  resumeStream(): void;
}

export class SyncSession {
  readonly db: AttuneDB;
  readonly now: () => Date;
  readonly random: () => number;
  readonly newId: () => string;
  readonly pageSize: number;
  readonly streamBackoff: BackoffOptions;
  readonly silenceMs: number;
  readonly reconcileEveryMs: number;
  readonly onNewTips: (tips: Tip[]) => void;
  readonly onTipsChanged: () => void;
  private readonly tokens: TokenStore;
  private readonly fetchImpl: typeof fetch | undefined;
  private readonly timeoutMs: number | undefined;
  private readonly backoff: BackoffOptions;

  private token: string | null = null;
  /** Aborted on sign-out/sign-in: in-flight work of the old session writes nothing. */
  private controller = new AbortController();
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly runs = new Map<string, { again: boolean; running: Promise<void> }>();
  disposed = false;

  constructor(
    opts: SyncEngineOptions,
    private readonly hooks: SessionHooks,
  ) {
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
    this.reset();
    // Another hub or another person: nothing of the previous account may stay on this device.
    if (previous && (previous.hubUrl !== hubUrl || previous.user.id !== user.id)) await this.db.wipe();
    this.token = token;
    await this.tokens.set(token);
    await this.db.meta.put({ key: 'session', hubUrl, user });
    const status = await this.status();
    await this.db.meta.put({ ...status, state: 'syncing', lastError: null, nextRetryAt: null });
    const firstSync = this.hooks.syncNow();
    if (opts.awaitFirstSync ?? true) await firstSync;
    this.hooks.resumeStream();
    return {
      ok: true,
      user: { id: user.id, name: user.name, email: user.email, role: user.role, teamId: user.teamId },
    };
  }

  /** Forgets the token and wipes every local record. */
  async signOut(): Promise<void> {
    this.reset();
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
    this.reset();
  }

  /** A new session: in-flight work is aborted, the stream and any retry stop. */
  private reset(): void {
    this.controller.abort();
    this.controller = new AbortController();
    this.hooks.stopStream();
    this.clearRetry();
    this.failures = 0;
  }

  private client(hubUrl: string, token: string | null): HubClient {
    return new HubClient({ hubUrl, token, fetch: this.fetchImpl, timeoutMs: this.timeoutMs });
  }

  /** The current session's client and signal; null when signed out. */
  async context(): Promise<Ctx | null> {
    const signal = this.controller.signal;
    const session = await this.db.getMeta('session');
    if (!session) return null;
    this.token ??= await this.tokens.get();
    if (!this.token) return null;
    return { client: this.client(session.hubUrl, this.token), session, signal };
  }

  async requireSession(): Promise<void> {
    if (!(await this.db.getMeta('session'))) throw new Error('Not signed in to a hub.');
  }

  /** A sync went through: forget earlier failures. */
  succeeded(): void {
    this.failures = 0;
    this.clearRetry();
  }

  async handleFailure(ctx: Ctx, err: unknown): Promise<void> {
    if (ctx.signal.aborted || (err instanceof HubError && err.kind === 'aborted')) return;
    const message = errorMessage(err);
    if (err instanceof HubError && err.unauthorized) {
      this.clearRetry();
      this.hooks.stopStream();
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
        void this.hooks.syncNow();
      }, delay);
    }
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  async writeStatus(ctx: Ctx, patch: Partial<Omit<StatusMeta, 'key'>>): Promise<void> {
    await this.db.transaction('rw', this.db.meta, async () => {
      if (ctx.signal.aborted) return;
      const current = (await this.db.getMeta('status')) ?? SIGNED_OUT_STATUS;
      await this.db.meta.put({ ...current, ...patch, key: 'status' });
    });
  }

  /** Runs `fn` once at a time per key; a call during a run asks for one more run after it. */
  coalesce(key: string, fn: () => Promise<void>): Promise<void> {
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
}
