// A sent reply, reported as flags only: which behaviours the reply contained, never its text. Send buttons
// are looked up at click time, because single-page helpdesks re-render them.
import type { Behavior } from '../empathy/types';
import type { SiteAdapter } from '../sites/types';
import type { CoachDeps, Tracked } from './types';

/** The composer's send buttons, as the site adapter finds them (none when the adapter's hook throws). */
export function sendButtons(adapter: SiteAdapter, doc: Document, t: Tracked): Element[] {
  try {
    return adapter.sendButtons?.(t.found.frame ?? t.found.target, doc) ?? [];
  } catch {
    return [];
  }
}

export function createSentReplies(
  { doc, win, adapter, messaging }: Pick<CoachDeps, 'doc' | 'win' | 'adapter' | 'messaging'>,
  hooks: {
    /** Brings `t.analysis` up to date with the composer's text. */
    analyze(t: Tracked): void;
    /** The thread is about to change (our reply lands in it). */
    threadChanging(): void;
  },
) {
  const reportSent = (t: Tracked) => {
    if (t.audience !== 'customer') return;
    const draft = t.bridge.readText();
    if (!draft.trim()) return;
    if (draft !== t.draft || !t.analysis) hooks.analyze(t);
    const behaviors = [...new Set((t.analysis?.behaviors ?? []).map((b) => b.kind))] as Behavior[];
    const ticket = adapter.ticketContext(doc, win);
    messaging.replySent({
      site: adapter.id,
      ticketId: ticket.ticketId,
      channel: ticket.channel,
      behaviors,
      sentAt: new Date().toISOString(),
    });
    win.setTimeout(hooks.threadChanging, 500);
  };

  return {
    /** The page's click listener: a click on a tracked composer's send button reports that reply. */
    onClick(e: MouseEvent, tracked: Iterable<Tracked>) {
      const target = e.composedPath()[0];
      if (!(target instanceof win.Node)) return;
      for (const t of tracked) {
        if (sendButtons(adapter, doc, t).some((b) => b === target || b.contains(target))) reportSent(t);
      }
    },
  };
}
