// ProseMirror and Tiptap (Intercom, Chatwoot; Tiptap's editable is .tiptap.ProseMirror): ProseMirror reads
// execCommand text back through its DOM observer into a transaction. prosemirror-history merges edits made within
// newGroupDelay (500 ms) of each other, so the coach waits that long after the agent's last keystroke.
import type { EditorFamily } from './types';

export const prosemirrorFamily: EditorFamily = {
  kind: 'prosemirror',
  matches: (target) => target.classList.contains('ProseMirror'),
  path: 'exec',
  fallback: 'exec',
  undoGroupMs: 500 + 60,
};
