// roosterjs 9 test page (bundled with esbuild at test time), marked up like Outlook on the web's composer
// (role=textbox, aria-label "Message body"): createEditor with its default paste, edit and shortcut plugins.
import { contentModelToText, createEditor, type IEditor } from 'roosterjs';
import { expose } from './test-api';

const div = document.getElementById('editor') as HTMLDivElement;
const editor: IEditor = createEditor(div);

expose({
  model: () => contentModelToText(editor.getContentModelCopy('disconnected'), '\n').replace(/\n$/, ''),
  textBeforeCaret: () => {
    const sel = div.ownerDocument.getSelection();
    if (!sel || sel.rangeCount === 0 || !div.contains(sel.focusNode)) return null;
    // roosterjs' own view of the caret: the model before it, through a copy with the selection marker.
    const r = div.ownerDocument.createRange();
    r.setStart(div, 0);
    r.setEnd(sel.focusNode as Node, sel.focusOffset);
    const probe = document.createElement('div');
    probe.append(r.cloneContents());
    return [...probe.children].length
      ? [...probe.childNodes].map((n) => n.textContent ?? '').join('\n')
      : (probe.textContent ?? '');
  },
  focusEnd: () => {
    editor.focus();
    const sel = div.ownerDocument.getSelection();
    sel?.selectAllChildren(div);
    sel?.collapseToEnd();
  },
  setDraft: (text) => {
    div.innerHTML = '';
    for (const line of text.split('\n')) {
      const p = document.createElement('div');
      p.textContent = line;
      div.append(p);
    }
    editor.takeSnapshot();
  },
});
