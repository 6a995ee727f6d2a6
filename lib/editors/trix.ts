// Trix (Basecamp; 37signals' apps): the editable is the <trix-editor> element itself, and its `editor` property is
// the API (https://github.com/basecamp/trix#editing-text-programmatically). recordUndoEntry before the edit makes
// the insertion one undo step of its own; execCommand text would be consolidated with the agent's typing.
import type { EditorFamily } from './types';

export const trixFamily: EditorFamily = {
  kind: 'trix',
  matches: (target) => target.tagName === 'TRIX-EDITOR',
  path: 'page',
  fallback: 'exec',
  undoGroupMs: 0,
};
