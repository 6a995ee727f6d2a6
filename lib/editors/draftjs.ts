// Draft.js (0.11): the editable is .public-DraftEditor-content. Draft handles paste itself (editOnPaste) and
// pushes it as an 'insert-fragment' change, which always starts a new undo step, while typed characters and
// execCommand text are 'insert-characters' and merge with the agent's typing. Draft reads the selection from
// its own state, which follows the DOM on selectionchange: after we place the caret, wait for it.
import type { EditorFamily } from './types';

export const draftjsFamily: EditorFamily = {
  kind: 'draftjs',
  matches: (target) => target.classList.contains('public-DraftEditor-content'),
  path: 'paste',
  fallback: 'paste',
  undoGroupMs: 0,
  syncSelection: true,
};
