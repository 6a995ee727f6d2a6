// Quill: the editable is .ql-editor. Quill reads typed text back from the DOM (its MutationObserver), so
// execCommand('insertText') reaches its model; its history merges changes within `delay` (1,000 ms) of a step's
// first change, so the coach waits that long after the agent's last keystroke.
import type { EditorFamily } from './types';

export const quillFamily: EditorFamily = {
  kind: 'quill',
  matches: (target) => target.classList.contains('ql-editor'),
  path: 'exec',
  fallback: 'exec',
  undoGroupMs: 1000 + 60,
};
