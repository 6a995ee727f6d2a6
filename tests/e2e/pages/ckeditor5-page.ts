// CKEditor 5 test page (bundled with esbuild at test time): the classic build with undo/redo, as Zendesk's
// reply composer is a CKEditor 5 editable. `?trap=` turns the page into one of the bad-input cases the bridge
// must survive (see TRAPS below).
import { Bold, ClassicEditor, Essentials, Italic, type ModelElement, type ModelNode, Paragraph } from 'ckeditor5';
import { escapeHtml, expose } from './test-api';

const trap = new URLSearchParams(location.search).get('trap');
let editor: ClassicEditor | null = null;
/** Calls the bad-input traps saw (read by the tests). */
const seen = { fakeCalls: 0, messages: [] as string[] };
(window as unknown as { attuneTraps: typeof seen }).attuneTraps = seen;
// A page that listens to every window message, from the start, before anything of ours runs.
window.addEventListener('message', (e) => seen.messages.push(safeJson(e.data)), true);
function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

const textOf = (block: ModelElement) =>
  [...block.getChildren()]
    .map((n: ModelNode) => (n.is('$text') ? n.data : n.is('element', 'softBreak') ? '\n' : ''))
    .join('');

ClassicEditor.create(document.getElementById('reply') as HTMLElement, {
  licenseKey: 'GPL',
  plugins: [Essentials, Paragraph, Bold, Italic],
  toolbar: ['undo', 'redo', '|', 'bold', 'italic'],
}).then((e) => {
  editor = e;
  const editable = e.ui.getEditableElement() as HTMLElement & { ckeditorInstance?: unknown };
  // TRAPS: the API throws half-way through an insertion; the instance is missing; the page reports another
  // major version; the page plants a fake instance (editor must then not be reached either).
  if (trap === 'throws') {
    const insert = e.model.insertContent.bind(e.model);
    // biome-ignore lint/suspicious/noExplicitAny: patching the page's own editor for the test
    (e.model as any).insertContent = (content: any, ...rest: any[]) => {
      insert(content, ...rest);
      throw new Error('trap: insertContent failed after inserting');
    };
  }
  if (trap === 'missing') delete editable.ckeditorInstance;
  if (trap === 'version') (window as unknown as { CKEDITOR_VERSION: string }).CKEDITOR_VERSION = '99.0.0';
  if (trap === 'fake') {
    const count = () => {
      seen.fakeCalls++;
    };
    editable.ckeditorInstance = {
      model: { change: count, insertContent: count, document: { version: 0, selection: { getAttributes: count } } },
      editing: { view: { domRoots: new Map([['main', editable]]), domConverter: { domRangeToView: count } } },
      execute: count,
    };
  }
});

const root = () => (editor as ClassicEditor).model.document.getRoot() as ModelElement;
const blocks = () => [...root().getChildren()] as ModelElement[];

expose({
  ready: () => !!editor,
  model: () => blocks().map(textOf).join('\n'),
  textBeforeCaret: () => {
    const e = editor as ClassicEditor;
    const pos = e.model.document.selection.getFirstPosition();
    if (!pos) return null;
    const i = pos.path[0] ?? 0;
    const all = blocks();
    const cur = all[i] as ModelElement;
    const head = [...e.model.createRange(e.model.createPositionAt(cur, 0), pos).getItems()]
      .map((it) => ('data' in it ? String(it.data) : ''))
      .join('');
    return [...all.slice(0, i).map(textOf), head].join('\n');
  },
  focusEnd: () => {
    const e = editor as ClassicEditor;
    e.editing.view.focus();
    e.model.change((w) =>
      w.setSelection(w.createPositionAt(root().getChild(root().childCount - 1) as ModelElement, 'end')),
    );
  },
  setDraft: (text) => {
    (editor as ClassicEditor).setData(
      text
        .split('\n')
        .map((p) => `<p>${escapeHtml(p)}</p>`)
        .join(''),
    );
  },
});
