// Slate test page (bundled with esbuild at test time): slate-react's <Editable> with slate-history, as apps
// built on Slate ship it (https://docs.slatejs.org/walkthroughs/01-installing-slate).
import { createRoot } from 'react-dom/client';
import { createEditor, type Descendant, Editor, Node, Path, Range, Transforms } from 'slate';
import { withHistory } from 'slate-history';
import { Editable, Slate, withReact } from 'slate-react';
import { expose } from './test-api';

const editor = withHistory(withReact(createEditor()));

// The page-world bridge's calls: insertNodes of a text (typing never inserts nodes), and insertText of a whole
// text outside any event (Slate's own beforeinput and paste handling call it while handling their event).
let apiCalls = 0;
const { insertNodes, insertText } = editor;
editor.insertNodes = (nodes, options) => {
  if (!Array.isArray(nodes) && 'text' in nodes && nodes.text.length > 1) apiCalls++;
  insertNodes(nodes, options);
};
editor.insertText = (text, options) => {
  if (text.length > 1 && window.event === undefined) apiCalls++;
  insertText(text, options);
};
const initial: Descendant[] = [{ type: 'paragraph', children: [{ text: '' }] } as Descendant];

createRoot(document.getElementById('mount') as HTMLElement).render(
  <Slate editor={editor} initialValue={initial}>
    <Editable id="editor" aria-label="Reply" placeholder="Reply…" />
  </Slate>,
);

const blockTexts = () => editor.children.map((n) => Node.string(n));

expose({
  apiCalls: () => apiCalls,
  ready: () => !!document.querySelector('[data-slate-editor]'),
  model: () => blockTexts().join('\n'),
  textBeforeCaret: () => {
    const sel = editor.selection;
    if (!sel) return null;
    const point = Range.start(sel);
    const i = point.path[0] ?? 0;
    const head = Editor.string(editor, { anchor: Editor.start(editor, [i]), focus: point });
    return [...blockTexts().slice(0, i), head].join('\n');
  },
  focusEnd: () => {
    const el = document.querySelector('[data-slate-editor]') as HTMLElement;
    el.focus();
    Transforms.select(editor, Editor.end(editor, []));
  },
  setDraft: (text) => {
    Editor.withoutNormalizing(editor, () => {
      for (const [, path] of [...Node.children(editor, [])].reverse()) Transforms.removeNodes(editor, { at: path });
      Transforms.insertNodes(
        editor,
        text.split('\n').map((line) => ({ type: 'paragraph', children: [{ text: line }] }) as Descendant),
        { at: [0] },
      );
    });
    void Path;
  },
});
