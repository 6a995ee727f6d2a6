// The delta-sync engine, as the background uses it. Runs in the background (the only context that writes
// Dexie): signs in, pulls the agent's data with the hub's cursors, pushes the agent's actions through an
// outbox, keeps the hub's event stream open while a panel is open, and keeps `meta.status` truthful.
// This file is the facade: the work is done by session.ts, pullers.ts, outbox.ts, agent-actions.ts,
// lead-actions.ts and stream.ts; here they are wired and a full sync is sequenced.
import type { AttuneDB } from '../db';
import type { PhraseLibrary } from '../empathy/types';
import type { SignInRequest, SignInResult, TipDraft } from '../messaging';
import { AgentActions } from './agent-actions';
import { errorMessage } from './errors';
import { LeadActions } from './lead-actions';
import { Outbox } from './outbox';
import { type Part, Pullers } from './pullers';
import { type SyncEngineOptions, type SyncResult, SyncSession } from './session';
import { LiveStream } from './stream';

export { memoryTokenStore, type SyncEngineOptions, type SyncResult, type TokenStore } from './session';

export class SyncEngine {
  readonly db: AttuneDB;
  private readonly session: SyncSession;
  private readonly pullers: Pullers;
  private readonly outbox: Outbox;
  private readonly stream: LiveStream;
  private readonly agent: AgentActions;
  private readonly lead: LeadActions;

  constructor(opts: SyncEngineOptions) {
    this.db = opts.db;
    const syncNow = () => this.syncNow();
    this.session = new SyncSession(opts, {
      syncNow,
      stopStream: () => this.stream.stop(),
      resumeStream: () => this.stream.resume(),
    });
    this.pullers = new Pullers(this.session);
    this.outbox = new Outbox(this.session, this.pullers, syncNow);
    this.stream = new LiveStream(this.session, this.pullers, syncNow);
    this.agent = new AgentActions(this.session, this.outbox);
    this.lead = new LeadActions(this.session, this.pullers);
  }

  // ---- session
  signIn(req: SignInRequest, opts: { awaitFirstSync?: boolean } = {}): Promise<SignInResult> {
    return this.session.signIn(req, opts);
  }
  signOut(): Promise<void> {
    return this.session.signOut();
  }
  status() {
    return this.session.status();
  }
  /** Stops timers and the stream (tests, and a background being replaced). */
  dispose(): void {
    this.session.dispose();
  }

  // ---- sync
  /** A full sync: outbox first (so pulled state includes the agent's actions), then every part. */
  async syncNow(): Promise<SyncResult> {
    if (this.session.disposed) return { ok: false, error: 'Sync engine stopped.' };
    try {
      await this.session.coalesce('all', () => this.fullSync());
      const status = await this.session.status();
      if (status.state === 'signed-out') return { ok: false, error: status.lastError ?? 'Not signed in.' };
      return status.lastError ? { ok: false, error: status.lastError } : { ok: true };
    } catch (err) {
      return { ok: false, error: errorMessage(err) };
    }
  }

  private async fullSync(): Promise<void> {
    const s = this.session;
    const ctx = await s.context();
    if (!ctx) {
      await this.db.meta.put({ ...(await s.status()), state: 'signed-out' });
      return;
    }
    await s.writeStatus(ctx, { state: 'syncing' });
    try {
      await this.outbox.drain(ctx);
      const parts: Part[] = ['kpis', 'feedback', 'tips', 'requests', 'library'];
      if (ctx.session.user.role === 'lead') parts.push('team');
      const results = await Promise.allSettled(parts.map((p) => this.pullers.pull(p)));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
      await s.coalesce('reconcile', () => this.pullers.reconcileFeedback(ctx));
      s.succeeded();
      await s.writeStatus(ctx, {
        state: 'online',
        lastSyncedAt: s.now().toISOString(),
        lastError: null,
        nextRetryAt: null,
      });
    } catch (err) {
      await s.handleFailure(ctx, err);
    }
  }

  /** Pulls one part now; concurrent calls share one run. */
  pull(part: Part): Promise<void> {
    return this.pullers.pull(part);
  }

  /** Sends queued actions now, then refreshes what they changed. */
  flushOutbox(): Promise<void> {
    return this.outbox.flush();
  }

  // ---- the agent's actions (local first, then outbox)
  ackTip(tipId: string, comment?: string, useful?: boolean) {
    return this.agent.ackTip(tipId, comment, useful);
  }
  setFeedbackState(feedbackId: string, state: { reviewed?: boolean; note?: string }) {
    return this.agent.setFeedbackState(feedbackId, state);
  }
  askLead(feedbackId: string, question: string) {
    return this.agent.askLead(feedbackId, question);
  }
  setPulse(date: string, mood: number) {
    return this.agent.setPulse(date, mood);
  }
  recordReplySent(...args: Parameters<AgentActions['recordReplySent']>) {
    return this.agent.recordReplySent(...args);
  }
  markTipsRead(tipIds: string[]) {
    return this.agent.markTipsRead(tipIds);
  }
  unreadTipCount() {
    return this.agent.unreadTipCount();
  }
  recordUsage(...args: Parameters<AgentActions['recordUsage']>) {
    return this.agent.recordUsage(...args);
  }
  coachContext(enabled: boolean) {
    return this.agent.coachContext(enabled);
  }

  // ---- lead actions (online only)
  createTip(body: TipDraft) {
    return this.lead.createTip(body);
  }
  answerRequest(requestId: string, answer: string) {
    return this.lead.answerRequest(requestId, answer);
  }
  refreshTeam() {
    return this.lead.refreshTeam();
  }
  setTarget(...args: Parameters<LeadActions['setTarget']>) {
    return this.lead.setTarget(...args);
  }
  setTeamLibrary(library: PhraseLibrary) {
    return this.lead.setTeamLibrary(library);
  }
  createPairingCode(agentId: string) {
    return this.lead.createPairingCode(agentId);
  }

  // ---- live stream while a panel is open
  /** A side panel connected (runtime Port 'panel'): stream live events and catch up now. */
  panelOpened(): void {
    this.stream.panelOpened();
  }
  panelClosed(): void {
    this.stream.panelClosed();
  }
  get streaming(): boolean {
    return this.stream.streaming;
  }
}
