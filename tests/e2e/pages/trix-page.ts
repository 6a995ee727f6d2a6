// Trix 2 test page (bundled with esbuild at test time): <trix-editor> and its `editor` API
// (https://github.com/basecamp/trix#editing-text-programmatically).
import 'trix';
import { expose } from './test-api';

type TrixEditor = {
  getDocument(): { toString(): string };
  getSelectedRange(): [number, number];
  setSelectedRange(r: [number, number] | number): void;
  loadHTML(html: string): void;
};
const el = () => document.getElementById('editor') as HTMLElement & { editor?: TrixEditor };
// The document string ends with the last block's '\n'.
const text = () => (el().editor as TrixEditor).getDocument().toString().replace(/\n$/, '');

// insertString: the page-world bridge's call (typing goes through Trix's input controller, not this method).
let apiCalls = 0;
document.addEventListener('trix-initialize', () => {
  const ed = el().editor as TrixEditor & { insertString(s: string): void };
  const insert = ed.insertString.bind(ed);
  ed.insertString = (s: string) => {
    apiCalls++;
    insert(s);
  };
});

expose({
  apiCalls: () => apiCalls,
  ready: () => !!el().editor,
  model: text,
  textBeforeCaret: () => {
    const ed = el().editor as TrixEditor;
    return ed.getDocument().toString().slice(0, ed.getSelectedRange()[0]);
  },
  focusEnd: () => {
    el().focus();
    const ed = el().editor as TrixEditor;
    ed.setSelectedRange(ed.getDocument().toString().length - 1);
  },
  setDraft: (t) => {
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    (el().editor as TrixEditor).loadHTML(
      t
        .split('\n')
        .map((p) => `<div>${esc(p)}</div>`)
        .join(''),
    );
  },
});
