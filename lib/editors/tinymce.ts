// TinyMCE 6 and 7, classic (an iframe whose body is #tinymce) and inline (.mce-content-body). Through the page's
// world the text goes in as editor.insertContent inside undoManager.transact (one undo level). The fallback is a
// synthetic paste with an HTML flavour (contenteditable.ts): TinyMCE's UndoManager does not record a native
// insertText as a level of its own, so Ctrl+Z would take the typed words too.
import type { EditorFamily } from './types';

export const tinymceFamily: EditorFamily = {
  kind: 'tinymce',
  matches: (target) => target.id === 'tinymce' || target.classList.contains('mce-content-body'),
  path: 'page',
  fallback: 'html-paste',
  undoGroupMs: 0,
};
