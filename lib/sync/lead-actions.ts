// A lead's actions: sent straight to the hub (online only, no outbox: a lead acts on the team's current state),
// then the caches they change are pulled again so the panel shows the result through liveQuery.
import type { ContactChannel } from '../contract/vocab';
import type { PhraseLibrary } from '../empathy/types';
import type { ActionResult, TipDraft } from '../messaging';
import { errorMessage } from './errors';
import type { Part, Pullers } from './pullers';
import type { Ctx, SyncSession } from './session';

export class LeadActions {
  constructor(
    private readonly s: SyncSession,
    private readonly pullers: Pullers,
  ) {}

  private async call<T>(run: (ctx: Ctx) => Promise<T>, refresh: Part[]): Promise<ActionResult<T>> {
    const ctx = await this.s.context();
    if (!ctx) return { ok: false, error: 'Not signed in to a hub.' };
    try {
      const data = await run(ctx);
      await Promise.allSettled(refresh.map((p) => this.pullers.pull(p)));
      return { ok: true, data };
    } catch (err) {
      return { ok: false, error: errorMessage(err) };
    }
  }

  createTip(body: TipDraft) {
    return this.call((ctx) => ctx.client.post('/api/v1/tips', body, this.s.newId(), ctx.signal), ['team', 'tips']);
  }

  answerRequest(requestId: string, answer: string) {
    return this.call(
      (ctx) =>
        ctx.client.post(
          `/api/v1/team/requests/${encodeURIComponent(requestId)}/answer`,
          { answer },
          this.s.newId(),
          ctx.signal,
        ),
      ['team'],
    );
  }

  /** Re-fetches every lead cache now; answers the error (e.g. 403 for a non-lead) instead of a team. */
  refreshTeam() {
    return this.call(async (ctx) => {
      await this.pullers.pullTeam(ctx);
      return undefined;
    }, []);
  }

  setTarget(target: { kpi: string; channel: ContactChannel | null; value: number }) {
    return this.call((ctx) => ctx.client.put('/api/v1/team/targets', target, ctx.signal), ['team', 'kpis']);
  }

  setTeamLibrary(library: PhraseLibrary) {
    return this.call((ctx) => ctx.client.put('/api/v1/team/library', library, ctx.signal), ['library']);
  }

  createPairingCode(agentId: string) {
    return this.call(
      (ctx) => ctx.client.post('/api/v1/team/pairing-codes', { agentId }, this.s.newId(), ctx.signal),
      [],
    );
  }
}
