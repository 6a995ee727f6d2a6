// The agent's actions on the draft: inserting a suggestion (click or Alt+Shift+1..3) and applying a rewrite,
// each through the editor bridge so the editor records it as its own undo step.
import type { CoachRewrite } from '../../components/coach/types';
import { undoBoundaryDelay } from '../editors/undo';
import type { Suggestion } from '../empathy/types';
import type { CoachStore } from './chip';
import type { CoachDeps, Tracked } from './types';

export function createInsertion(
  { win, messaging, signal }: Pick<CoachDeps, 'win' | 'messaging' | 'signal'>,
  store: CoachStore,
  active: () => Tracked | null,
  /** Re-reads the draft after an edit. */
  analyze: (t: Tracked) => void,
) {
  // Runs `edit` once the editor's undo-grouping window since the agent's last keystroke has closed, so the
  // edit is its own undo step (lib/editors/undo.ts); at once for editors that need no wait.
  const atUndoBoundary = (t: Tracked, edit: () => void) => {
    const started = performance.now();
    const attempt = () => {
      if (signal.aborted || t.closed || active() !== t) return;
      const now = performance.now();
      const wait = t.lastInputAt < 0 ? 0 : undoBoundaryDelay(t.bridge.kind, now - t.lastInputAt, now - started);
      if (wait > 0) win.setTimeout(attempt, wait);
      else edit();
    };
    attempt();
  };

  const insertSuggestion = (s: Suggestion) => {
    const t = active();
    if (t) atUndoBoundary(t, () => insertNow(t, s));
  };

  const insertNow = (t: Tracked, s: Suggestion) => {
    // Keep words apart on both sides, as the agent would have typed it.
    const before = t.bridge.charBeforeCaret();
    const after = t.bridge.charAfterCaret();
    const text = `${before && !/\s/.test(before) ? ' ' : ''}${s.text}${after && !/[\s.,;:!?]/.test(after) ? ' ' : ''}`;
    // The bridge may answer later (an editor API in the page's world); it resolves false when nothing landed.
    settle(
      t,
      s.text,
      () => t.bridge.insertAtCaret(text),
      () => messaging.usage({ suggestionId: s.id, event: 'accepted' }),
    );
  };

  // Re-reads the draft, then tells the agent when the editor refused the edit (the bridge undid any partial
  // change, lib/editors/types.ts): otherwise the click seems to do nothing. chip.ts clears the notice once
  // the draft changes.
  const settle = (t: Tracked, phrase: string, edit: () => Promise<boolean>, onLanded?: () => void) => {
    let pending: Promise<boolean>;
    try {
      pending = edit();
    } catch {
      pending = Promise.resolve(false); // an editor API that throws at once
    }
    void pending
      .catch(() => false)
      .then((ok) => {
        if (ok) onLanded?.();
        analyze(t);
        if (signal.aborted || active() !== t) return;
        store.setState({ insertFailure: ok ? null : { phrase, draft: t.draft } });
      });
  };

  const applyRewrite = (r: CoachRewrite) => {
    const t = active();
    if (!t) return;
    store.setState({ previewId: null });
    atUndoBoundary(t, () => {
      // The draft may have changed since the span was computed: replace only the words the agent saw.
      if (t.bridge.readText().slice(r.span[0], r.span[1]) !== r.original) return analyze(t);
      settle(t, r.replacement, () => t.bridge.replaceSpan(r.span, r.replacement));
    });
  };

  /** Alt+Shift+1..3 in the active composer inserts the chip's first, second or third suggestion. */
  const onKeyDown = (t: Tracked, e: KeyboardEvent) => {
    if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
    const m = /^Digit([1-3])$/.exec(e.code);
    if (!m || t !== active()) return;
    const suggestion = store.getState().view?.model.suggestions[Number(m[1]) - 1];
    if (!suggestion) return;
    e.preventDefault();
    e.stopPropagation();
    insertSuggestion(suggestion);
  };

  return { insertSuggestion, applyRewrite, onKeyDown };
}
