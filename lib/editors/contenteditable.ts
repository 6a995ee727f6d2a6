// Bridge for contenteditable roots: every rich editor family (families.ts) and plain contenteditable, in the
// page or in the editable body of an iframe editor. Reading (text, caret, rectangles) is the same for all of
// them: the DOM through a text map. Writing follows the family's insert path (types.ts InsertPath): the editor's
// API in the page's world, execCommand('insertText') (what typing produces), or a synthetic paste. Every
// insertion is checked against the text it should produce; one that did not land falls back to the generic
// path, one that landed wrong is undone, and the caller hears false.
import type { Span } from '../empathy/types';
import { GENERIC_FAMILY } from './families';
import { clipRects, toTopViewport } from './geometry';
import { dispatchPaste, execInsertText, execUndo } from './input';
import { type PageChannel, pageChannel } from './page-channel';
import { buildTextMap, offsetAt, rangeFor, type TextMap } from './text-map';
import { type EditorBridge, type EditorFamily, type InsertPath, isValidSpan } from './types';

export interface ContentEditableBridgeOptions {
  family?: EditorFamily;
  /** The iframe holding the editable, for iframe editors. */
  frame?: HTMLIFrameElement | null;
  /** The page-world channel; defaults to this window's (page-channel.ts). */
  channel?: () => Promise<PageChannel | null>;
}

/** Editors write spaces at block edges as U+00A0; the text is the same to the agent. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');
const count = (s: string, part: string) => (part ? plain(s).split(plain(part)).length - 1 : 0);

/**
 * Whether `after` is `before` with `text` put over `span`: exactly, or (a caret we could only place near an
 * empty line, an editor that normalises edges) with the text there once more and the length right.
 */
export function insertionLanded(before: string, after: string, span: Span, text: string): boolean {
  const expected = before.slice(0, span[0]) + text + before.slice(span[1]);
  if (plain(after) === plain(expected)) return true;
  return after.length === expected.length && count(after, text) === count(before, text) + 1;
}

/**
 * A synthetic paste of `text` as text/plain and as the same text escaped to text/html. TinyMCE handles a paste
 * of plain text alone by letting the browser paste into a hidden "paste bin" first, which a synthetic event
 * never does; with HTML it handles the paste itself at once, and HTML that is only text it inserts as the
 * text/plain version. True when the editor took it (cancelled the default).
 */
function dispatchTextAsHtmlPaste(target: HTMLElement, text: string): boolean {
  const win = target.ownerDocument.defaultView;
  if (!win || typeof win.DataTransfer !== 'function' || typeof win.ClipboardEvent !== 'function') return false;
  const data = new win.DataTransfer();
  data.setData('text/plain', text);
  data.setData('text/html', text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  const event = new win.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

export function createContentEditableBridge(
  target: HTMLElement,
  opts: ContentEditableBridgeOptions = {},
): EditorBridge {
  const doc = target.ownerDocument;
  const win = doc.defaultView;
  const family = opts.family ?? GENERIC_FAMILY;
  const kind = family.kind;
  let map: TextMap | null = null;
  let lastRange: Range | null = null;

  // The text map is rebuilt only after the editable changed (records are taken synchronously on read, so a
  // read inside an input handler sees the keystroke before the observer's callback would run).
  const observer = win ? new win.MutationObserver(() => (map = null)) : null;
  observer?.observe(target, { childList: true, characterData: true, subtree: true });
  const current = (): TextMap => {
    if (observer && observer.takeRecords().length > 0) map = null;
    map ??= buildTextMap(target);
    return map;
  };

  // Inside an open shadow root Chrome retargets document.getSelection() to the host; the root's own
  // (non-standard) getSelection() sees the caret.
  const root: Node & { getSelection?: () => Selection | null } = target.getRootNode();
  const selection = (): Selection | null =>
    (root.nodeType === 11 && root.getSelection ? root.getSelection() : null) ?? doc.getSelection();

  const selectionInside = (): Range | null => {
    const sel = selection();
    if (!sel || sel.rangeCount === 0) return null;
    const range = sel.getRangeAt(0);
    return target.contains(range.commonAncestorContainer) ? range : null;
  };
  // One Range of our own, moved along with the caret. A clone per selectionchange left one live Range per
  // keystroke that the browser keeps up to date on every edit of the page until garbage collection.
  const onSelectionChange = () => {
    const range = selectionInside();
    if (!range) return;
    lastRange ??= doc.createRange();
    lastRange.setStart(range.startContainer, range.startOffset);
    lastRange.setEnd(range.endContainer, range.endOffset);
  };
  doc.addEventListener('selectionchange', onSelectionChange);

  const focusWithCaret = () => {
    // An iframe editor needs its window focused before its body can take the caret.
    if (opts.frame && win && !doc.hasFocus()) win.focus();
    if (doc.activeElement !== target && !target.contains(doc.activeElement)) target.focus({ preventScroll: true });
    if (!selectionInside() && lastRange && target.contains(lastRange.commonAncestorContainer)) {
      const sel = selection();
      sel?.removeAllRanges();
      // A copy: the selection's own range moves with the caret, ours must not.
      sel?.addRange(lastRange.cloneRange());
    }
  };

  const reselect = (range: Range) => {
    const sel = selection();
    sel?.removeAllRanges();
    sel?.addRange(range);
  };

  /** Resolves once `done()` holds or `ms` passed (editors that render later: React, async paste handlers). */
  const settle = (done: () => boolean, ms: number) =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const check = () => {
        if (done() || performance.now() - started >= ms || !target.isConnected || !win) resolve();
        else win.setTimeout(check, 10);
      };
      check();
    });

  /** Editors that keep their own selection (Draft.js) adopt a DOM selection on the next selectionchange. */
  const selectionAdopted = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        doc.removeEventListener('selectionchange', done);
        win?.setTimeout(resolve, 0);
      };
      doc.addEventListener('selectionchange', done);
      win?.setTimeout(done, 100);
    });

  const locate = () => ({
    frame: opts.frame
      ? Array.prototype.indexOf.call(opts.frame.ownerDocument.getElementsByTagName('iframe'), opts.frame)
      : -1,
    index: Array.prototype.indexOf.call(doc.getElementsByTagName('*'), target),
  });

  const generic = async (path: Exclude<InsertPath, 'page'>, text: string, before: string): Promise<void> => {
    if (family.syncSelection) await selectionAdopted();
    // CKEditor 4 keeps its own undo snapshots and only takes one around inserts it performs itself; its
    // paste handler does (saveSnapshot, insert, saveSnapshot), so for it a paste is the input path.
    if (path === 'paste' && dispatchPaste(target, text)) return;
    // TinyMCE likewise: its UndoManager records a level when typing ends and around its own commands, but not
    // for a native insertText, so Ctrl+Z would take the insertion and the typed words together. Its paste
    // handler inserts through its mceInsertContent command (a level of its own), but only when the clipboard
    // holds HTML; see dispatchTextAsHtmlPaste.
    if (path === 'html-paste' && dispatchTextAsHtmlPaste(target, text)) return;
    if (execInsertText(doc, text) && current().text !== before) {
      const after = selectionInside();
      if (after) reselect(after.cloneRange());
      return;
    }
    dispatchPaste(target, text);
  };

  const insert = async (text: string, span: Span | null): Promise<boolean> => {
    // A composer the page has dropped (single-page navigation) takes nothing: focus and execCommand would
    // land in whatever element has focus now.
    if (!target.isConnected) return false;
    const before = current().text;
    if (span && !isValidSpan(span, before.length)) return false;
    focusWithCaret();
    const range = span ? rangeFor(current(), doc, span[0], span[1]) : selectionInside()?.cloneRange();
    if (!range) return false;
    const at: Span = span ?? [
      offsetAt(current(), range.startContainer, range.startOffset),
      offsetAt(current(), range.endContainer, range.endOffset),
    ];
    // Re-setting the selection (even to where it is) closes Chrome's open typing command, so the insertion
    // is its own undo step instead of merging with what the agent just typed.
    reselect(range);
    const landed = () => insertionLanded(before, current().text, at, text);
    const untouched = () => current().text === before;

    // The page world runs in the content script's own window: for an iframe editor, the one holding the iframe.
    const hostWin = opts.frame?.ownerDocument.defaultView ?? win;
    const channel =
      family.path === 'page'
        ? await (opts.channel ?? (() => (hostWin ? pageChannel(hostWin) : Promise.resolve(null))))()
        : null;
    // Takes back a change that is not what we asked for: through the editor's API where it answers, else the
    // browser's undo (which editors listen to). Resolves whether the text is as it was.
    const takeBack = async () => {
      const status = channel ? await channel.request({ op: 'undo', kind, locate: locate(), span: at, text: '' }) : null;
      if (status !== 'done') execUndo(doc);
      await settle(untouched, 500);
      return untouched();
    };

    if (channel) {
      const status = await channel.request({ op: 'insert', kind, locate: locate(), span: at, text });
      if (status === 'done') {
        await settle(landed, 500);
        if (landed()) return true;
      }
      // The editor took something else than asked (or half of it): take our own change back, and stop.
      if (!untouched() && !(await takeBack())) return false;
      // The editor's API is missing, planted, another version or threw before changing anything: generic path.
      if (!target.isConnected) return false;
      focusWithCaret();
      const again = rangeFor(current(), doc, at[0], at[1]);
      if (!again) return false;
      reselect(again);
    }
    await generic(family.path === 'page' ? family.fallback : family.path, text, before);
    await settle(() => !untouched(), 300);
    if (landed()) return true;
    // Half an insertion from the generic path: take it back too.
    if (!untouched()) await takeBack();
    return false;
  };

  const rectsFor = (spans: Span[]): DOMRect[][] => {
    const m = current();
    const box = target.getBoundingClientRect();
    return spans.map(([start, end]) => {
      const range = rangeFor(m, doc, start, end);
      return range ? clipRects(range.getClientRects(), box).map((r) => toTopViewport(r, win)) : [];
    });
  };

  return {
    kind,
    target,
    anchor: opts.frame ?? target,
    readText: () => current().text,
    charAfterCaret: () => {
      const range = selectionInside() ?? lastRange;
      if (range?.endContainer.nodeType !== 3) return '';
      const seg = current().segments.find((x) => x.node === range.endContainer);
      return seg ? (current().text[seg.start + range.endOffset] ?? '') : '';
    },
    charBeforeCaret: () => {
      const range = selectionInside() ?? lastRange;
      if (range?.startContainer.nodeType !== 3) return '';
      const seg = current().segments.find((x) => x.node === range.startContainer);
      const at = seg ? seg.start + range.startOffset : 0;
      return at > 0 ? (current().text[at - 1] ?? '') : '';
    },
    insertAtCaret: (text) => insert(text, null).catch(() => false),
    replaceSpan: (span, text) => insert(text, span).catch(() => false),
    rectsFor,
    hasFocus: () => doc.hasFocus() && (doc.activeElement === target || target.contains(doc.activeElement)),
    dispose() {
      observer?.disconnect();
      doc.removeEventListener('selectionchange', onSelectionChange);
    },
  };
}
