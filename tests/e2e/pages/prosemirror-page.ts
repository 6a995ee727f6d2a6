// ProseMirror test page script (bundled with esbuild at test time): a basic schema with history and the
// usual keymaps, like a helpdesk built on ProseMirror/Tiptap.
import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { schema } from 'prosemirror-schema-basic';
import { EditorState, Selection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';

const mount = document.getElementById('editor') as HTMLElement;
const view = new EditorView(mount, {
  state: EditorState.create({
    schema,
    plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Shift-Mod-z': redo }), keymap(baseKeymap)],
  }),
  attributes: { 'aria-label': 'Reply', role: 'textbox', 'aria-multiline': 'true' },
});

(window as unknown as { attuneTest: unknown }).attuneTest = {
  model: () => view.state.doc.textBetween(0, view.state.doc.content.size, '\n'),
  textBeforeCaret: () => view.state.doc.textBetween(0, view.state.selection.from, '\n'),
  setDraft: (text: string) => {
    const paragraphs = text.split('\n').map((p) => schema.node('paragraph', null, p ? [schema.text(p)] : []));
    view.dispatch(view.state.tr.replaceWith(0, view.state.doc.content.size, paragraphs));
  },
  focusEnd: () => {
    view.focus();
    view.dispatch(view.state.tr.setSelection(Selection.atEnd(view.state.doc)));
  },
};
