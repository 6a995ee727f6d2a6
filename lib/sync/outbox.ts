// The outbox: the agent's actions are written locally first and queued here, then sent oldest first, one at a
// time, each with its idempotency key, so an action made offline arrives exactly once when the hub is back.
import { requestSchema } from '../contract/schemas';
import { LOCAL_ID_PREFIX, type OutboxEntry, type OutboxKind } from '../db';
import { errorMessage, HubError } from './errors';
import type { Part, Pullers } from './pullers';
import type { Ctx, SyncResult, SyncSession } from './session';

export class Outbox {
  /** Bumped by every new entry: a drain that started before it goes round once more. */
  private generation = 0;

  constructor(
    private readonly s: SyncSession,
    private readonly pullers: Pullers,
    /** A full sync (when a flush finds the hub back after being offline). */
    private readonly syncNow: () => Promise<SyncResult>,
  ) {}

  private get db() {
    return this.s.db;
  }

  /** Queues an action; call inside the transaction that writes its local effect. */
  async enqueue(kind: OutboxKind, path: string, body: unknown): Promise<OutboxEntry> {
    const entry: OutboxEntry = {
      kind,
      path,
      body,
      idempotencyKey: this.s.newId(),
      createdAt: this.s.now().toISOString(),
      attempts: 0,
      lastError: null,
    };
    entry.seq = await this.db.outbox.add(entry);
    this.generation += 1;
    return entry;
  }

  /** Sends queued actions now (after a new one), then refreshes what they changed. */
  flush(): Promise<void> {
    return this.s.coalesce('flush', async () => {
      const ctx = await this.s.context();
      if (!ctx) return;
      try {
        const delivered = await this.drain(ctx);
        const parts = new Set<Part>();
        if (delivered.has('tip:ack')) parts.add('tips');
        if (delivered.has('feedback:state')) parts.add('feedback');
        if (delivered.has('request')) parts.add('requests');
        await Promise.all([...parts].map((p) => this.pullers.pull(p)));
        if ((await this.s.status()).state === 'offline') await this.syncNow();
      } catch (err) {
        await this.s.handleFailure(ctx, err);
      }
    });
  }

  /**
   * Sends queued actions oldest first, one at a time. Removes an entry on 2xx, or on a 4xx that can never
   * succeed; keeps it (and stops, preserving order) on a network error, timeout, 5xx or 401.
   */
  drain(ctx: Ctx): Promise<Set<OutboxKind>> {
    const delivered = new Set<OutboxKind>();
    return this.s
      .coalesce('drain', async () => {
        let generation: number;
        do {
          generation = this.generation;
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
                if (entry.kind === 'request')
                  await this.db.requests.delete(`${LOCAL_ID_PREFIX}${entry.idempotencyKey}`);
                await this.s.writeStatus(ctx, {
                  lastError: `An action was refused by the hub and dropped: ${err.message}`,
                });
                continue;
              }
              await this.db.outbox.update(seq, { attempts: entry.attempts + 1, lastError: errorMessage(err) });
              throw err;
            }
          }
        } while (generation !== this.generation);
      })
      .then(() => delivered);
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
}
