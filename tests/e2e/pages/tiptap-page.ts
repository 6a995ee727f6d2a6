// Tiptap 3 test page (bundled with esbuild at test time): StarterKit (with its undo/redo history), as
// ProseMirror-based helpdesk composers ship it.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { escapeHtml, expose } from './test-api';

const editor = new Editor({
  element: document.getElementById('editor') as HTMLElement,
  extensions: [StarterKit],
  editorProps: { attributes: { 'aria-label': 'Reply', role: 'textbox' } },
});

expose({
  model: () => editor.state.doc.textBetween(0, editor.state.doc.content.size, '\n'),
  textBeforeCaret: () => editor.state.doc.textBetween(0, editor.state.selection.from, '\n'),
  focusEnd: () => {
    // commands.focus() defers to a frame; the test types at once.
    editor.view.focus();
    editor.commands.setTextSelection(editor.state.doc.content.size);
  },
  setDraft: (text) => {
    editor.commands.setContent(
      text
        .split('\n')
        .map((p) => `<p>${escapeHtml(p)}</p>`)
        .join(''),
    );
  },
});
