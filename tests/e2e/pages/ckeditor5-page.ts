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

const create = (el: HTMLElement) =>
  ClassicEditor.create(el, {
    licenseKey: 'GPL',
    plugins: [Essentials, Paragraph, Bold, Italic],
    toolbar: ['undo', 'redo', '|', 'bold', 'italic'],
  });

// 'fake': no CKEditor at all, a plain editable that looks like one and carries a planted instance.
const fakeEditable = trap === 'fake' ? (document.getElementById('reply') as HTMLElement) : null;
if (fakeEditable) {
  fakeEditable.className = 'ck ck-content ck-editor__editable ck-rounded-corners ck-editor__editable_inline';
  fakeEditable.contentEditable = 'true';
  fakeEditable.innerHTML = '<p><br></p>';
  (window as unknown as { CKEDITOR_VERSION: string }).CKEDITOR_VERSION = '48.5.2';
  const count = () => {
    seen.fakeCalls++;
  };
  (fakeEditable as HTMLElement & { ckeditorInstance: unknown }).ckeditorInstance = {
    model: { change: count, insertContent: count, document: { version: 0 } },
    editing: { view: { domConverter: { domRangeToView: count } }, mapper: { toModelRange: count } },
    execute: count,
  };
}

/** insertContent of a whole text: the page-world bridge's call (typing inserts one character, paste a fragment). */
let apiCalls = 0;

(fakeEditable ? Promise.resolve(null) : create(document.getElementById('reply') as HTMLElement)).then((e) => {
  if (!e) return;
  editor = e;
  const insertContent = e.model.insertContent.bind(e.model);
  // biome-ignore lint/suspicious/noExplicitAny: counting calls of the page's own editor for the test
  (e.model as any).insertContent = (content: any, ...rest: any[]) => {
    if (content?.is?.('$text') && content.data.length > 1) apiCalls++;
    return insertContent(content, ...rest);
  };
  const editable = e.ui.getEditableElement() as HTMLElement & { ckeditorInstance?: unknown };
  // TRAPS: the API throws half-way through an insertion; the instance is missing; the page reports another
  // major version.
  if (trap === 'throws') {
    // Inserts half of any multi-character text, then throws: the editor's own typing path uses it as well.
    const insert = e.model.insertContent.bind(e.model);
    // biome-ignore lint/suspicious/noExplicitAny: patching the page's own editor for the test
    (e.model as any).insertContent = (content: any, ...rest: any[]) => {
      if (content?.is?.('$text') && content.data.length > 4) {
        const half = content.data.slice(0, Math.ceil(content.data.length / 2));
        e.model.change((w) => insert(w.createText(half), ...rest));
        throw new Error('trap: insertContent failed half-way');
      }
      return insert(content, ...rest);
    };
  }
  if (trap === 'missing') delete editable.ckeditorInstance;
  if (trap === 'version') (window as unknown as { CKEDITOR_VERSION: string }).CKEDITOR_VERSION = '99.0.0';
});

const root = () => (editor as ClassicEditor).model.document.getRoot() as ModelElement;
const blocks = () => [...root().getChildren()] as ModelElement[];

/** SPA navigation: the composer is destroyed and a new one takes its place. */
(window as unknown as { replaceEditor(): Promise<void> }).replaceEditor = async () => {
  await editor?.destroy();
  editor = null;
  const holder = document.getElementById('editor') as HTMLElement;
  holder.innerHTML = '<div id="reply"></div>';
  editor = await create(document.getElementById('reply') as HTMLElement);
};

const fakeApi = (el: HTMLElement) => ({
  ready: () => true,
  model: () => [...el.children].map((p) => (p.textContent ?? '').replace(/\u00a0/g, ' ')).join('\n'),
  textBeforeCaret: () => {
    const sel = getSelection();
    if (!sel?.rangeCount || !el.contains(sel.focusNode)) return null;
    const r = document.createRange();
    r.setStart(el, 0);
    r.setEnd(sel.focusNode as Node, sel.focusOffset);
    return r.toString();
  },
  focusEnd: () => {
    el.focus();
    getSelection()?.selectAllChildren(el);
    getSelection()?.collapseToEnd();
  },
});

expose(
  fakeEditable
    ? fakeApi(fakeEditable)
    : {
        apiCalls: () => apiCalls,
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
      },
);
