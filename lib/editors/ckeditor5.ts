// CKEditor 5 (Zendesk's reply composer): its editable carries .ck-editor__editable and, since v34, the editor as
// `ckeditorInstance` (https://ckeditor.com/docs/ckeditor5/latest/support/debugging.html#getting-the-editor-instance).
// Its model is the truth: DOM changes that do not come from the model are reverted on the next render, so the
// text goes in through model.insertContent in the page's world (page-world.ts), one batch = one undo step.
// Without that API (missing, another version) a synthetic paste is the fallback: its clipboard pipeline inserts
// into the model at the model's selection, which follows the DOM selection on selectionchange.
import type { EditorFamily } from './types';

export const ckeditor5Family: EditorFamily = {
  kind: 'ckeditor5',
  matches: (target) => target.classList.contains('ck-editor__editable'),
  path: 'page',
  fallback: 'paste',
  undoGroupMs: 0,
  syncSelection: true,
};
