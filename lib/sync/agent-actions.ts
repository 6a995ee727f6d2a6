// What the agent does in the panel and the coach reports: written to Dexie at once (the panel updates through
// liveQuery), then queued in the outbox for the hub. Also the coach's context (library, usage counts).
import type { SuggestionUsage } from '../empathy/types';
import type { CoachContext } from '../messaging';
import type { UsageEvent } from '../contract/vocab';
import { LOCAL_ID_PREFIX, type LeadRequest, type ReplyFlags } from '../db';
import { mergeLibraries } from './library';
import type { Outbox } from './outbox';
import type { SyncSession } from './session';

export class AgentActions {
  constructor(
    private readonly s: SyncSession,
    private readonly outbox: Outbox,
  ) {}

  private get db() {
    return this.s.db;
  }

  async ackTip(tipId: string, comment?: string, useful?: boolean): Promise<void> {
    await this.s.requireSession();
    const at = this.s.now().toISOString();
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
      await this.outbox.enqueue('tip:ack', `/api/v1/tips/${encodeURIComponent(tipId)}/ack`, body);
    });
    this.s.onTipsChanged();
    void this.outbox.flush();
  }

  async setFeedbackState(feedbackId: string, state: { reviewed?: boolean; note?: string }): Promise<void> {
    await this.s.requireSession();
    await this.db.transaction('rw', this.db.feedback, this.db.outbox, async () => {
      if (!(await this.db.feedback.get(feedbackId))) throw new Error(`Unknown feedback ${feedbackId}.`);
      await this.db.feedback.update(feedbackId, state);
      await this.outbox.enqueue('feedback:state', `/api/v1/me/feedback/${encodeURIComponent(feedbackId)}/state`, state);
    });
    void this.outbox.flush();
  }

  async askLead(feedbackId: string, question: string): Promise<void> {
    await this.s.requireSession();
    const text = question.trim();
    if (!text) throw new Error('Write a question for your lead.');
    if (text.length > 5_000) throw new Error('A question for your lead can be at most 5,000 characters.');
    await this.db.transaction('rw', this.db.requests, this.db.outbox, async () => {
      const entry = await this.outbox.enqueue('request', '/api/v1/me/requests', { feedbackId, question: text });
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
    void this.outbox.flush();
  }

  async setPulse(date: string, mood: number): Promise<void> {
    await this.s.requireSession();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`Pulse date must be YYYY-MM-DD (got "${date}").`);
    if (!Number.isInteger(mood) || mood < 1 || mood > 5)
      throw new Error('Pulse mood must be a whole number from 1 to 5.');
    await this.db.transaction('rw', this.db.pulse, this.db.outbox, async () => {
      await this.db.pulse.put({ date, mood });
      await this.outbox.enqueue('pulse', '/api/v1/me/pulse', { date, mood });
    });
    void this.outbox.flush();
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
        await this.outbox.enqueue('reply-flags', '/api/v1/me/reply-flags', {
          site,
          ticketId,
          channel,
          behaviors,
          sentAt,
        });
      }
    });
    if (send) void this.outbox.flush();
  }

  async markTipsRead(tipIds: string[]): Promise<void> {
    const at = this.s.now().toISOString();
    await this.db.transaction('rw', this.db.tips, async () => {
      const tips = await this.db.tips.bulkGet(tipIds);
      for (const tip of tips) if (tip && tip.readAt === null) await this.db.tips.update(tip.id, { readAt: at });
    });
    this.s.onTipsChanged();
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
}
