// Undo grouping. Some editors merge an edit into the previous undo step when it comes soon after it:
// ProseMirror's history within `newGroupDelay` (500 ms) when it touches adjacent text, Quill's within `delay`
// (1,000 ms) of the step's first change. A suggestion clicked right after typing would then share one undo step
// with the typed words, and Ctrl+Z would take both. So the coach holds an insertion until the editor's grouping
// window has closed. Each family states its window (lib/editors/<family>.ts); editors whose insert path makes
// its own step (the browser's undo closed by re-selecting, an API call that opens a new step) need no wait.
import { EDITOR_FAMILIES, GENERIC_FAMILY, TEXTAREA_FAMILY } from './families';
import type { EditorKind } from './types';

/** Each editor's default grouping window, plus a margin for timer slack. */
export const UNDO_GROUP_MS: Readonly<Record<EditorKind, number>> = Object.fromEntries(
  [GENERIC_FAMILY, TEXTAREA_FAMILY, ...EDITOR_FAMILIES].map((f) => [f.kind, f.undoGroupMs]),
) as Record<EditorKind, number>;

/** The longest an insertion waits for the agent to pause typing before it goes in regardless. */
export const UNDO_WAIT_CAP_MS = 3000;

/**
 * How long to hold an insertion into a `kind` editor whose last input was `sinceInput` ms ago, after it has
 * already waited `waited` ms. 0 means insert now.
 */
export function undoBoundaryDelay(kind: EditorKind, sinceInput: number, waited = 0): number {
  const groupMs = UNDO_GROUP_MS[kind] ?? 0;
  if (groupMs === 0 || !(sinceInput >= 0)) return 0;
  return Math.max(0, Math.min(groupMs - sinceInput, UNDO_WAIT_CAP_MS - waited));
}
