// Bridge for contenteditable roots: plain contenteditable, ProseMirror, Quill, and the editable body of iframe
// editors (CKEditor 4, TinyMCE). Text goes in through execCommand('insertText') on the editor's own document,
// which fires the input events these editors observe; a synthetic paste is the fallback (and the first choice
// for CKEditor 4 and TinyMCE, which keep their own undo stacks; see insert).
import type { Span } from '../empathy/types';
import { clipRects, toTopViewport } from './geometry';
import { dispatchPaste, execInsertText } from './input';
import { buildTextMap, rangeFor, type TextMap } from './text-map';
import { type EditorBridge, type EditorKind, isValidSpan } from './types';

export interface ContentEditableBridgeOptions {
  kind?: EditorKind;
  /** The iframe holding the editable, for iframe editors. */
  frame?: HTMLIFrameElement | null;
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
  const kind = opts.kind ?? 'contenteditable';
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
  const onSelectionChange = () => {
    const range = selectionInside();
    if (range) lastRange = range.cloneRange();
  };
  doc.addEventListener('selectionchange', onSelectionChange);

  const focusWithCaret = () => {
    // An iframe editor needs its window focused before its body can take the caret.
    if (opts.frame && win && !doc.hasFocus()) win.focus();
    if (doc.activeElement !== target && !target.contains(doc.activeElement)) target.focus({ preventScroll: true });
    if (!selectionInside() && lastRange && target.contains(lastRange.commonAncestorContainer)) {
      const sel = selection();
      sel?.removeAllRanges();
      sel?.addRange(lastRange);
    }
  };

  const reselect = (range: Range) => {
    const sel = selection();
    sel?.removeAllRanges();
    sel?.addRange(range);
  };

  const insert = (text: string, span: Span | null): boolean => {
    if (span && !isValidSpan(span, current().text.length)) return false;
    focusWithCaret();
    const range = span ? rangeFor(current(), doc, span[0], span[1]) : selectionInside()?.cloneRange();
    if (!range) return false;
    // Re-setting the selection (even to where it is) closes Chrome's open typing command, so the insertion
    // is its own undo step instead of merging with what the agent just typed.
    reselect(range);
    const before = current().text;
    // CKEditor 4 keeps its own undo snapshots and only takes one around inserts it performs itself; its
    // paste handler does (saveSnapshot, insert, saveSnapshot), so for it a paste is the input path.
    if (kind === 'ckeditor4' && dispatchPaste(target, text)) return true;
    // TinyMCE likewise: its UndoManager records a level when typing ends and around its own commands, but not
    // for a native insertText, so Ctrl+Z would take the insertion and the typed words together. Its paste
    // handler inserts through its mceInsertContent command (a level of its own), but only when the clipboard
    // holds HTML; see dispatchTextAsHtmlPaste.
    if (kind === 'tinymce' && dispatchTextAsHtmlPaste(target, text)) return true;
    if (execInsertText(doc, text) && current().text !== before) {
      const after = selectionInside();
      if (after) reselect(after.cloneRange());
      return true;
    }
    return dispatchPaste(target, text) || current().text !== before;
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
    insertAtCaret: (text) => insert(text, null),
    replaceSpan: (span, text) => insert(text, span),
    rectsFor,
    hasFocus: () => doc.hasFocus() && (doc.activeElement === target || target.contains(doc.activeElement)),
    dispose() {
      observer?.disconnect();
      doc.removeEventListener('selectionchange', onSelectionChange);
    },
  };
}
