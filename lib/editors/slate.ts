// Slate (slate-react): the editable carries data-slate-editor. Slate only reads its own beforeinput handling and
// ignores DOM changes made around it, so the text goes in through the editor object (found through React's
// props in the page's world) as a node insertion: slate-history merges adjacent text insertions into one undo
// step however far apart they are (slate-history, shouldMerge), and a new node starts a step of its own.
import type { EditorFamily } from './types';

export const slateFamily: EditorFamily = {
  kind: 'slate',
  matches: (target) => target.hasAttribute('data-slate-editor'),
  path: 'page',
  fallback: 'exec',
  undoGroupMs: 0,
};
