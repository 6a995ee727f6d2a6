// Lexical test page (bundled with esbuild at test time): rich text with history on a plain contenteditable,
// the framework without React (https://lexical.dev/docs/getting-started/quick-start).
import { registerHistory, createEmptyHistoryState } from '@lexical/history';
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  createEditor,
  type LexicalNode,
} from 'lexical';
import { expose } from './test-api';

const editor = createEditor({
  namespace: 'reply',
  nodes: [HeadingNode, QuoteNode],
  onError: (e) => {
    throw e;
  },
});
editor.setRootElement(document.getElementById('editor'));
registerRichText(editor);
registerHistory(editor, createEmptyHistoryState(), 1000);

// Text inserted as a string command: what the page-world bridge sends (typing and paste send their events).
let apiCalls = 0;
const dispatch = editor.dispatchCommand.bind(editor) as (command: unknown, payload: unknown) => boolean;
editor.dispatchCommand = ((command: { type?: string }, payload: unknown) => {
  if (command.type === 'CONTROLLED_TEXT_INSERTION_COMMAND' && typeof payload === 'string') apiCalls++;
  return dispatch(command, payload);
}) as typeof editor.dispatchCommand;

const read = <T>(fn: () => T): T => editor.getEditorState().read(fn);

expose({
  apiCalls: () => apiCalls,
  model: () =>
    read(() =>
      $getRoot()
        .getChildren()
        .map((b) => b.getTextContent())
        .join('\n'),
    ),
  textBeforeCaret: () =>
    read(() => {
      const sel = $getSelection();
      if (!$isRangeSelection(sel)) return null;
      const { key, offset, type } = sel.anchor;
      const out: string[] = [];
      for (const block of $getRoot().getChildren()) {
        let line = '';
        let found = false;
        const walk = (node: LexicalNode) => {
          if (found) return;
          if ($isTextNode(node)) {
            if (node.getKey() === key) {
              line += node.getTextContent().slice(0, offset);
              found = true;
            } else line += node.getTextContent();
          } else if ($isElementNode(node)) {
            if (type === 'element' && node.getKey() === key) {
              node
                .getChildren()
                .slice(0, offset)
                .forEach((c) => {
                  line += c.getTextContent();
                });
              found = true;
              return;
            }
            node.getChildren().forEach(walk);
          }
        };
        walk(block);
        out.push(line);
        if (found) return out.join('\n');
      }
      return null;
    }),
  focusEnd: () => {
    editor.focus();
    editor.update(() => $getRoot().selectEnd(), { discrete: true });
  },
  setDraft: (text) =>
    editor.update(
      () => {
        const root = $getRoot().clear();
        for (const line of text.split('\n')) root.append($createParagraphNode().append($createTextNode(line)));
      },
      { discrete: true },
    ),
});
