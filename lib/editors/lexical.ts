// Lexical (Meta): the root element carries data-lexical-editor and, as `__lexicalEditor`, the editor
// (https://lexical.dev/docs/concepts/editor-state). The text goes in through the editor's own
// CONTROLLED_TEXT_INSERTION_COMMAND in the page's world; its history starts a new undo step for any change that
// is not a single typed character (@lexical/history, getChangeType/HISTORY_PUSH).
import type { EditorFamily } from './types';

export const lexicalFamily: EditorFamily = {
  kind: 'lexical',
  matches: (target) => target.hasAttribute('data-lexical-editor'),
  path: 'page',
  fallback: 'exec',
  undoGroupMs: 0,
};
