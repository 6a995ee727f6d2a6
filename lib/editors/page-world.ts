// The page-world half of the editor bridges. Editors whose API lives on page objects (CKEditor 5's
// `ckeditorInstance`, Lexical's `__lexicalEditor`, Slate's editor in React props, Trix's `element.editor`,
// `tinymce.get()`, `CKEDITOR.instances`, Summernote's jQuery data) are invisible to the content script's
// isolated world, so the background injects this function into the page's world with
// `scripting.executeScript({ world: 'MAIN', func: attunePageWorld, args: [nonce] })` (page-inject.ts).
//
// It must be self-contained: executeScript sends the function's source, not its module, so it may use no import
// and no module-level name. It registers one capture listener for a single window message carrying the nonce
// and one MessagePort (page-channel.ts), removes it on first use and keeps that port as its only channel. It
// receives the text to insert, the span it replaces and where the editable is; it answers with a status
// (done / unsupported / failed) and never sends page content or the draft anywhere.
//
// Each handler puts the text in through its editor's own API, so the editor's model, caret and undo stack
// record it as one step, and answers 'unsupported' when the API is missing, has another shape, or is a major
// version it was not verified with: the content script then falls back to the generic path.

export type PageStatus = 'done' | 'unsupported' | 'failed';

export interface PageRequest {
  id: number;
  op: 'insert' | 'undo';
  kind: string;
  /** The editable's index in `getElementsByTagName('*')` of its document; `frame` the iframe's index, or -1. */
  locate: { frame: number; index: number };
  /** [start, end) in the plain text the content script reads (blocks joined by one '\n'). */
  span: [number, number];
  text: string;
}

export interface PageResponse {
  id: number;
  status: PageStatus;
}

export function attunePageWorld(nonce: string): void {
  // biome-ignore lint/suspicious/noExplicitAny: page objects of editors we only duck-type
  type Any = any;
  if (typeof nonce !== 'string' || nonce.length < 16) return;
  const w = window as Any;

  const locate = (req: PageRequest): HTMLElement | null => {
    let doc: Document | null = document;
    if (req.locate.frame >= 0) {
      const frame = document.getElementsByTagName('iframe')[req.locate.frame];
      try {
        doc = frame?.contentDocument ?? null;
      } catch {
        doc = null;
      }
    }
    const el = doc?.getElementsByTagName('*')[req.locate.index] as HTMLElement | undefined;
    return el && (el.isContentEditable || el.ownerDocument.designMode === 'on') ? el : null;
  };

  const domRangeIn = (el: HTMLElement): Range | null => {
    const sel = el.ownerDocument.getSelection();
    if (!sel || sel.rangeCount === 0) return null;
    const range = sel.getRangeAt(0);
    return el.contains(range.commonAncestorContainer) || el === range.commonAncestorContainer ? range : null;
  };

  const major = (v: unknown): number => Number.parseInt(String(v ?? ''), 10);

  // ---- CKEditor 5 ------------------------------------------------------------------------------------
  // https://ckeditor.com/docs/ckeditor5/latest/api/module_engine_model_model-Model.html#function-insertContent
  // Verified with v48; the model/editing API used here is unchanged since v35 (ckeditorInstance since v34).
  const ckeditor5 = (el: HTMLElement, req: PageRequest): PageStatus => {
    const ed: Any = (el as Any).ckeditorInstance;
    const v = major(w.CKEDITOR_VERSION);
    if (!ed || !(v >= 35 && v <= 48)) return 'unsupported';
    const view = ed.editing?.view;
    // A planted object is not an editor that renders this element.
    if (!view?.domRoots || ![...view.domRoots.values()].includes(el)) return 'unsupported';
    if (req.op === 'undo') {
      ed.execute('undo');
      return 'done';
    }
    const dom = domRangeIn(el);
    const viewRange = dom ? view.domConverter.domRangeToView(dom) : null;
    if (!viewRange) return 'unsupported';
    const modelRange = ed.editing.mapper.toModelRange(viewRange);
    const version = ed.model.document.version;
    try {
      ed.model.change((writer: Any) => {
        writer.setSelection(modelRange);
        const attrs = ed.model.document.selection.getAttributes();
        ed.model.insertContent(writer.createText(req.text, attrs));
      });
    } catch (e) {
      if (ed.model.document.version !== version) ed.execute('undo');
      throw e;
    }
    return 'done';
  };

  // ---- Lexical ---------------------------------------------------------------------------------------
  // Commands are objects created by createCommand(type) and registered in editor._commands; the type string is
  // kept in production builds. Dispatched outside any event, the update reads the DOM selection we set.
  const lexical = (el: HTMLElement, req: PageRequest): PageStatus => {
    const ed: Any = (el as Any).__lexicalEditor;
    if (!ed || typeof ed.dispatchCommand !== 'function' || !(ed._commands instanceof Map)) return 'unsupported';
    if (ed.getRootElement?.() !== el) return 'unsupported';
    const version = String(ed.constructor?.version ?? '');
    if (!/^0\.(1[2-9]|[2-9]\d)\./.test(version)) return 'unsupported';
    const command = (type: string) => [...ed._commands.keys()].find((c: Any) => c?.type === type);
    const cmd = command(req.op === 'undo' ? 'UNDO_COMMAND' : 'CONTROLLED_TEXT_INSERTION_COMMAND');
    if (!cmd) return 'unsupported';
    return ed.dispatchCommand(cmd, req.op === 'undo' ? undefined : req.text) ? 'done' : 'failed';
  };

  // ---- Slate -----------------------------------------------------------------------------------------
  // The editor object is the `editor` prop of <Slate>, an ancestor of <Editable> in React's tree.
  const reactProps = (el: HTMLElement, pick: (props: Any) => boolean): Any => {
    const key = Object.keys(el).find((k) => k.startsWith('__reactFiber$'));
    for (let f: Any = key ? (el as Any)[key] : null, depth = 0; f && depth < 60; f = f.return, depth++) {
      if (f.memoizedProps && pick(f.memoizedProps)) return f.memoizedProps;
    }
    return null;
  };
  const slate = (el: HTMLElement, req: PageRequest): PageStatus => {
    const props = reactProps(
      el,
      (p) => !!p.editor && typeof p.editor.apply === 'function' && Array.isArray(p.editor.children),
    );
    const ed: Any = props?.editor;
    if (!ed || typeof ed.insertNodes !== 'function' || typeof ed.isInline !== 'function') return 'unsupported';
    if (req.op === 'undo') {
      if (typeof ed.undo !== 'function') return 'unsupported';
      ed.undo();
      return 'done';
    }
    // Plain-text offsets to Slate points, with the content script's rules: one '\n' between blocks.
    const leaves: { path: number[]; start: number; node: Any }[] = [];
    let length = 0;
    let pendingBreak = false;
    const walk = (nodes: Any[], path: number[]) => {
      for (const [i, node] of nodes.entries()) {
        const p = [...path, i];
        if (typeof node.text === 'string') {
          if (node.text !== '') {
            if (pendingBreak && length > 0) length += 1;
            pendingBreak = false;
          }
          leaves.push({ path: p, start: length, node });
          length += node.text.length;
          continue;
        }
        const block = !ed.isInline(node);
        if (block) pendingBreak = true;
        walk(node.children ?? [], p);
        if (block) pendingBreak = true;
      }
    };
    walk(ed.children, []);
    const pointAt = (offset: number, forward: boolean) => {
      let best: (typeof leaves)[number] | undefined;
      for (const leaf of leaves) {
        const end = leaf.start + leaf.node.text.length;
        if (leaf.start <= offset && offset <= end) {
          best = leaf;
          if (!forward || offset < end) break;
        }
      }
      return best ? { path: best.path, offset: offset - best.start, leaf: best.node } : null;
    };
    const [start, end] = req.span;
    const a = pointAt(start, true);
    const b = pointAt(end, false);
    if (!a || !b || start > length || end > length) return 'unsupported';
    const anchor = { path: a.path, offset: a.offset };
    const focus = { path: b.path, offset: b.offset };
    if (start === end) {
      // A new node, not insertText: slate-history would merge adjacent text insertions into the typing step.
      const { text: _t, ...marks } = a.leaf;
      ed.select(anchor);
      ed.insertNodes({ ...marks, text: req.text }, { at: anchor, select: true });
    } else {
      ed.select({ anchor, focus });
      ed.insertText(req.text);
    }
    return 'done';
  };

  // ---- Trix ------------------------------------------------------------------------------------------
  // https://github.com/basecamp/trix#editing-text-programmatically: positions are offsets into the document's
  // string, whose blocks end in '\n' like the content script's text.
  const trix = (el: HTMLElement, req: PageRequest): PageStatus => {
    const ed: Any = (el as Any).editor;
    if (el.tagName !== 'TRIX-EDITOR' || !ed || typeof ed.insertString !== 'function') return 'unsupported';
    if (typeof ed.recordUndoEntry !== 'function' || typeof ed.setSelectedRange !== 'function') return 'unsupported';
    if (req.op === 'undo') {
      ed.undo();
      return 'done';
    }
    const docLength = ed.getDocument().toString().length;
    if (req.span[1] >= docLength) return 'unsupported';
    ed.setSelectedRange([req.span[0], req.span[1]]);
    ed.recordUndoEntry('Attune suggestion');
    ed.insertString(req.text);
    return 'done';
  };

  // ---- TinyMCE 6/7 -----------------------------------------------------------------------------------
  // https://www.tiny.cloud/docs/tinymce/latest/apis/tinymce.editor/#insertContent
  const tinymce = (el: HTMLElement, req: PageRequest): PageStatus => {
    const tiny: Any = w.tinymce;
    const v = major(tiny?.majorVersion);
    if (!tiny || typeof tiny.get !== 'function' || !(v >= 6 && v <= 7)) return 'unsupported';
    const ed: Any = (tiny.get() as Any[]).find((e: Any) => e?.getBody?.() === el);
    if (!ed?.undoManager) return 'unsupported';
    if (req.op === 'undo') {
      ed.undoManager.undo();
      return 'done';
    }
    const dom = domRangeIn(el);
    if (!dom) return 'unsupported';
    const html = req.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    ed.selection.setRng(dom);
    // A level for the typing before, then the insertion as a level of its own.
    ed.undoManager.add();
    ed.undoManager.transact(() => ed.insertContent(html));
    return 'done';
  };

  // ---- CKEditor 4 ------------------------------------------------------------------------------------
  // https://ckeditor.com/docs/ckeditor4/latest/api/CKEDITOR_editor.html#method-insertText
  const ckeditor4 = (el: HTMLElement, req: PageRequest): PageStatus => {
    const ck: Any = w.CKEDITOR;
    if (!ck?.instances || major(ck.version) !== 4) return 'unsupported';
    const ed: Any = Object.values(ck.instances).find((e: Any) => e?.editable?.()?.$ === el);
    if (!ed || typeof ed.insertText !== 'function') return 'unsupported';
    if (req.op === 'undo') {
      ed.execCommand('undo');
      return 'done';
    }
    const dom = domRangeIn(el);
    if (!dom) return 'unsupported';
    // insertText replaces CKEditor's selection (read from the DOM selection we set) inside its own undo step;
    // deleting the span ourselves first would split the step in two.
    ed.fire('saveSnapshot');
    ed.insertText(req.text);
    ed.fire('saveSnapshot');
    return 'done';
  };

  // ---- Summernote ------------------------------------------------------------------------------------
  // https://summernote.org/deep-dive/#inserttext; the context sits on the element Summernote replaced, which
  // it leaves right before its .note-editor. Its undo is a stack of snapshots: record one for the typing first
  // (as its own undo() does when the editable changed since the last snapshot).
  const summernote = (el: HTMLElement, req: PageRequest): PageStatus => {
    const $: Any = w.jQuery;
    const frame = el.closest('.note-editor');
    const ctx: Any = $ && frame?.previousElementSibling ? $(frame.previousElementSibling).data('summernote') : null;
    const editor: Any = ctx?.modules?.editor;
    const history: Any = editor?.history;
    if (!editor || typeof editor.insertText !== 'function' || !Array.isArray(history?.stack)) return 'unsupported';
    if (editor.$editable?.[0] !== el) return 'unsupported';
    if (req.op === 'undo') {
      editor.undo();
      return 'done';
    }
    const dom = domRangeIn(el);
    if (!dom) return 'unsupported';
    if (editor.$editable.html() !== history.stack[history.stackOffset]?.contents) history.recordUndo();
    if (!dom.collapsed) dom.deleteContents();
    editor.setLastRange();
    editor.insertText(req.text);
    return 'done';
  };

  const handlers: Record<string, (el: HTMLElement, req: PageRequest) => PageStatus> = {
    ckeditor5,
    lexical,
    slate,
    trix,
    tinymce,
    ckeditor4,
    summernote,
  };

  const handle = (req: PageRequest): PageStatus => {
    const handler = handlers[req.kind];
    const el = handler ? locate(req) : null;
    if (!handler || !el || typeof req.text !== 'string') return 'unsupported';
    try {
      return handler(el, req);
    } catch {
      return 'failed';
    }
  };

  const onHandshake = (e: MessageEvent) => {
    if (e.source !== window || e.data?.attuneEditorBridge !== nonce || e.ports.length !== 1) return;
    e.stopImmediatePropagation();
    window.removeEventListener('message', onHandshake, true);
    const port = e.ports[0] as MessagePort;
    port.onmessage = (m: MessageEvent) => {
      const req = m.data as PageRequest;
      if (!req || typeof req.id !== 'number') return;
      // Outside the message event: Lexical reads the DOM selection only when no event is being handled.
      setTimeout(() => {
        const status = handle(req);
        port.postMessage({ id: req.id, status } satisfies PageResponse);
      }, 0);
    };
  };
  window.addEventListener('message', onHandshake, true);
}
