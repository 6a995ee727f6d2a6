// Summernote (FreeScout 1.8): the editable is .note-editable. Its undo is a stack of HTML snapshots it records
// around its own commands (afterCommand -> history.recordUndo), so the text goes in through its jQuery API,
// editor.insertText, in the page's world; typed text reaches that stack only through its own keyup handling.
import type { EditorFamily } from './types';

export const summernoteFamily: EditorFamily = {
  kind: 'summernote',
  matches: (target) => target.classList.contains('note-editable'),
  path: 'page',
  fallback: 'exec',
  undoGroupMs: 0,
};
