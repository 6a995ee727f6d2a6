// Undo grouping. ProseMirror's history merges an edit into the previous undo step when it comes within
// `newGroupDelay` (500 ms) of it and touches adjacent text; Quill's history merges every change made within
// `delay` (1,000 ms) of the step's first change. A suggestion clicked right after typing would then share one
// undo step with the typed words, and Ctrl+Z would take both. So the coach holds an insertion until the
// editor's grouping window has closed. The browser's own undo (textarea, plain contenteditable) and
// CKEditor 4's paste snapshots are closed by re-selecting, so they need no wait.
import type { EditorKind } from './types';

/** Each editor's default grouping window, plus a margin for timer slack. */
export const UNDO_GROUP_MS: Readonly<Record<EditorKind, number>> = {
  textarea: 0,
  contenteditable: 0,
  ckeditor4: 0,
  tinymce: 0,
  prosemirror: 500 + 60,
  quill: 1000 + 60,
};

/** The longest an insertion waits for the agent to pause typing before it goes in regardless. */
export const UNDO_WAIT_CAP_MS = 3000;

/**
 * How long to hold an insertion into a `kind` editor whose last input was `sinceInput` ms ago, after it has
 * already waited `waited` ms. 0 means insert now.
 */
export function undoBoundaryDelay(kind: EditorKind, sinceInput: number, waited = 0): number {
  const groupMs = UNDO_GROUP_MS[kind];
  if (groupMs === 0 || !(sinceInput >= 0)) return 0;
  return Math.max(0, Math.min(groupMs - sinceInput, UNDO_WAIT_CAP_MS - waited));
}
