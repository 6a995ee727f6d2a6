// The hub's event stream (`GET /api/v1/stream`), open while a side panel is: each named event pulls the part it
// names, so a lead's new tip reaches the open panel within a second. A silent or dropped stream is reopened
// with backoff, and a catch-up sync runs whenever it (re)connects.
import type { StreamEvent } from '../contract/vocab';
import { backoffDelay } from './backoff';
import { HubError } from './errors';
import type { Part, Pullers } from './pullers';
import type { SyncResult, SyncSession } from './session';
import { parseSse, type SseEvent } from './sse';

/** What each stream event makes the engine pull; `team` only for a lead. */
const PULLS: Record<StreamEvent, { parts: Part[]; teamToo: boolean }> = {
  tip: { parts: ['tips'], teamToo: true },
  feedback: { parts: ['feedback'], teamToo: false },
  kpis: { parts: ['kpis'], teamToo: true },
  library: { parts: ['library'], teamToo: false },
  request: { parts: ['requests'], teamToo: true },
};

export class LiveStream {
  private panels = 0;
  private current: AbortController | null = null;

  constructor(
    private readonly s: SyncSession,
    private readonly pullers: Pullers,
    private readonly syncNow: () => Promise<SyncResult>,
  ) {}

  /** A side panel connected (runtime Port 'panel'): stream live events and catch up now. */
  panelOpened(): void {
    this.panels += 1;
    this.start();
    void this.syncNow();
  }

  panelClosed(): void {
    this.panels = Math.max(0, this.panels - 1);
    if (this.panels === 0) this.stop();
  }

  /** After a sign-in: open the stream again if a panel is waiting for it. */
  resume(): void {
    if (this.panels > 0) this.start();
  }

  get streaming(): boolean {
    return this.current !== null;
  }

  private start(): void {
    if (this.current || this.s.disposed) return;
    const ctl = new AbortController();
    this.current = ctl;
    void this.run(ctl.signal).finally(() => {
      if (this.current === ctl) this.current = null;
    });
  }

  stop(): void {
    this.current?.abort();
    this.current = null;
  }

  private async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      const ctx = await this.s.context();
      if (!ctx || ctx.signal.aborted) return;
      const conn = new AbortController();
      const close = () => conn.abort();
      signal.addEventListener('abort', close, { once: true });
      ctx.signal.addEventListener('abort', close, { once: true });
      let silence: ReturnType<typeof setTimeout> | undefined;
      const heard = () => {
        clearTimeout(silence);
        silence = setTimeout(close, this.s.silenceMs);
      };
      try {
        const body = await ctx.client.openStream(conn.signal);
        heard();
        failures = 0;
        // Whatever happened while we were not listening is fetched now.
        void this.syncNow();
        for await (const event of parseSse(body, heard)) this.onEvent(event);
      } catch (err) {
        if (signal.aborted || ctx.signal.aborted) return;
        if (err instanceof HubError && err.unauthorized) {
          await this.s.handleFailure(ctx, err);
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
      await sleep(backoffDelay(failures, this.s.random, this.s.streamBackoff), signal);
    }
  }

  private onEvent(event: SseEvent): void {
    // hello, heartbeat and event types a newer hub may add are ignored.
    if (!Object.hasOwn(PULLS, event.event)) return;
    const { parts, teamToo } = PULLS[event.event as StreamEvent];
    const work = (async () => {
      const pulls = [...parts];
      if (teamToo && (await this.s.db.getMeta('session'))?.user.role === 'lead') pulls.push('team');
      await Promise.all(pulls.map((p) => this.pullers.pull(p)));
    })();
    work.catch(async (err) => {
      const ctx = await this.s.context();
      if (ctx) await this.s.handleFailure(ctx, err);
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
