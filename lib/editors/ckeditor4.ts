// CKEditor 4 (Request Tracker 5): classic mode edits in an iframe whose body is .cke_editable. Through the page's
// world the text goes in as editor.insertText between two saveSnapshot events (one undo step); the fallback is a
// synthetic paste, whose handler does the same (CKEditor 4 keeps its own undo snapshots).
import type { EditorFamily } from './types';

export const ckeditor4Family: EditorFamily = {
  kind: 'ckeditor4',
  matches: (target) => target.classList.contains('cke_editable'),
  path: 'page',
  fallback: 'paste',
  undoGroupMs: 0,
};
