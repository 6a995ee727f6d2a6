// Realtime fan-out. A change is published once as a small message (PostgreSQL NOTIFY reaches every hub
// process; PGlite uses an in-process emitter); each process then pushes it to its own connected streams,
// loading the per-user view (e.g. a tip with that agent's own ack) itself.
import type { Logger } from 'pino';
import type { Db } from '../db/index';
import { safeError } from '../log';
import type { UserPrincipal } from '../principal';

export type BusMessage =
  | { t: 'tip'; tipId: string; agentId: string | null; teamId: string }
  | { t: 'feedback'; agents: string[]; teams: string[] }
  | { t: 'kpis'; teams: string[] }
  | { t: 'library'; teamId: string; version: number }
  | { t: 'request'; requestId: string; agentId: string; teamId: string }
  /** Tokens revoked (SHA-256 hashes): streams opened with them end at once, in every process. */
  | { t: 'revoked'; tokens: string[] };

export interface StreamSubscriber {
  user: UserPrincipal;
  send(event: 'tip' | 'feedback' | 'kpis' | 'library' | 'request', data: unknown): void;
  /** Ends the stream (its token was revoked). */
  close(): void;
}

export interface RealtimeLoaders {
  tip(user: UserPrincipal, tipId: string): Promise<unknown | null>;
  request(user: UserPrincipal, requestId: string): Promise<unknown | null>;
}

export class Realtime {
  private subs = new Set<StreamSubscriber>();
  private unsubscribe: (() => void) | null = null;
  private kpiListeners = new Set<(teams: string[]) => void>();
  loaders: RealtimeLoaders | null = null;

  constructor(
    private db: Db,
    private log: Logger,
  ) {}

  start(): void {
    this.unsubscribe = this.db.subscribe((payload) => {
      let msg: BusMessage;
      try {
        msg = JSON.parse(payload) as BusMessage;
      } catch {
        return;
      }
      this.dispatch(msg).catch((err) => this.log.warn({ err: safeError(err) }, 'realtime dispatch failed'));
    });
  }

  stop(): void {
    this.unsubscribe?.();
    this.subs.clear();
  }

  add(sub: StreamSubscriber): () => void {
    this.subs.add(sub);
    return () => this.subs.delete(sub);
  }

  get connections(): number {
    return this.subs.size;
  }

  /** Open streams of one token in this process (the per-token stream cap, realtime/stream.ts). */
  connectionsOf(tokenHash: string): number {
    let n = 0;
    for (const s of this.subs) if (s.user.tokenHash === tokenHash) n++;
    return n;
  }

  /** Called for KPI-affecting changes in any process (cache invalidation). */
  onKpiChange(fn: (teams: string[]) => void): () => void {
    this.kpiListeners.add(fn);
    return () => this.kpiListeners.delete(fn);
  }

  async publish(msg: BusMessage): Promise<void> {
    try {
      let payload = JSON.stringify(msg);
      // NOTIFY payloads are limited to 8000 bytes: a huge fan-out degrades to "everyone in these teams".
      if (payload.length > 7000 && msg.t === 'feedback') payload = JSON.stringify({ ...msg, agents: ['*'] });
      await this.db.publish(payload);
    } catch (err) {
      // A lost push is recovered by the next delta sync; never fail the write that caused it.
      this.log.warn({ err: safeError(err) }, 'realtime publish failed');
    }
  }

  private async dispatch(msg: BusMessage): Promise<void> {
    if (msg.t === 'revoked') {
      const gone = new Set(msg.tokens);
      for (const sub of [...this.subs]) {
        if (gone.has(sub.user.tokenHash)) {
          this.subs.delete(sub);
          sub.close();
        }
      }
      return;
    }
    if (msg.t === 'feedback' || msg.t === 'kpis') for (const fn of this.kpiListeners) fn(msg.teams);
    for (const sub of this.subs) {
      const u = sub.user;
      switch (msg.t) {
        case 'tip': {
          const forMe = msg.agentId ? msg.agentId === u.id : msg.teamId === u.teamId;
          const leadSees = u.role === 'lead' && u.teamId === msg.teamId;
          if (!forMe && !leadSees) break;
          const tip = await this.loaders?.tip(u, msg.tipId);
          if (tip) sub.send('tip', tip);
          break;
        }
        case 'feedback': {
          if (msg.agents.includes(u.id) || (msg.agents.includes('*') && u.teamId && msg.teams.includes(u.teamId))) {
            sub.send('feedback', { changed: true });
            sub.send('kpis', { changed: true });
          } else if (u.role === 'lead' && u.teamId && msg.teams.includes(u.teamId)) {
            sub.send('kpis', { changed: true });
          }
          break;
        }
        case 'kpis':
          if (u.teamId && msg.teams.includes(u.teamId)) sub.send('kpis', { changed: true });
          break;
        case 'library':
          if (u.teamId === msg.teamId) sub.send('library', { version: msg.version });
          break;
        case 'request': {
          if (u.id !== msg.agentId && !(u.role === 'lead' && u.teamId === msg.teamId)) break;
          const req = await this.loaders?.request(u, msg.requestId);
          if (req) sub.send('request', req);
          break;
        }
      }
    }
  }
}
