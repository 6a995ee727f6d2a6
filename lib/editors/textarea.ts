// Bridge for <textarea> and text <input>. `setRangeText` is not undoable, so it is only the last resort.
import type { Span } from '../empathy/types';
import { commonPrefix } from '../text/common-prefix';
import { clipRects, toTopViewport } from './geometry';
import { execInsertText } from './input';
import { type EditorBridge, isValidSpan } from './types';

const MIRRORED = [
  'boxSizing',
  'width',
  'height',
  'overflowX',
  'overflowY',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'borderStyle',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'fontStyle',
  'fontVariant',
  'fontWeight',
  'fontStretch',
  'fontSize',
  'fontSizeAdjust',
  'lineHeight',
  'fontFamily',
  'fontFeatureSettings',
  'textAlign',
  'textTransform',
  'textIndent',
  'letterSpacing',
  'wordSpacing',
  'tabSize',
  'direction',
] as const;

export interface TextareaBridgeOptions {
  /** Where the measuring mirror is attached (briefly); defaults to the textarea's document body. */
  mirrorParent?: () => Node | null;
}

export function createTextareaBridge(
  target: HTMLTextAreaElement | HTMLInputElement,
  opts: TextareaBridgeOptions = {},
): EditorBridge {
  const doc = target.ownerDocument;

  const focusKeepingSelection = () => {
    // Focusing a textarea keeps its selection, so the caret is where the agent left it.
    if (doc.activeElement !== target) target.focus({ preventScroll: true });
  };

  const insert = (text: string, span: Span | null): boolean => {
    if (!target.isConnected) return false; // dropped by the page: execCommand would hit another element
    if (span && !isValidSpan(span, target.value.length)) return false;
    focusKeepingSelection();
    // Setting the selection (even to where it is) closes Chrome's open typing command, so the insertion is
    // its own undo step instead of merging with what the agent just typed.
    if (span) target.setSelectionRange(span[0], span[1]);
    else
      target.setSelectionRange(
        target.selectionStart ?? 0,
        target.selectionEnd ?? 0,
        target.selectionDirection ?? 'none',
      );
    const before = target.value;
    if (execInsertText(doc, text) && target.value !== before) {
      // ...and closing it again keeps the agent's next keystrokes out of this step.
      target.setSelectionRange(target.selectionStart ?? 0, target.selectionEnd ?? 0);
      return true;
    }
    // Last resort (e.g. a browser without insertText on textareas): not undoable, but the page hears `input`.
    const start = span ? span[0] : (target.selectionStart ?? target.value.length);
    const end = span ? span[1] : (target.selectionEnd ?? start);
    target.setRangeText(text, start, end, 'end');
    target.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    return target.value !== before;
  };

  // Highlight boxes from the last measurement. Typing never moves text before the word being typed, so while
  // the textarea's box and scroll stay put, a span that ends before that word keeps its boxes: appending to a
  // long draft (how replies are written) then costs no mirror layout of the whole draft in every frame.
  let measured: { text: string; key: string; rects: Map<string, DOMRect[]> } | null = null;

  const rectsFor = (spans: Span[]): DOMRect[][] => {
    const win = doc.defaultView;
    if (!win || spans.length === 0) return spans.map(() => []);
    const box = target.getBoundingClientRect();
    const text = target.value;
    const key = `${box.left},${box.top},${box.width},${box.height},${target.scrollTop},${target.scrollLeft}`;
    const stable = measured && measured.key === key ? stablePrefix(measured.text, text) : 0;
    const out: DOMRect[][] = spans.map(() => []);
    const missing: number[] = [];
    spans.forEach((s, i) => {
      const kept = s[1] <= stable ? measured?.rects.get(`${s[0]}:${s[1]}`) : undefined;
      if (kept) out[i] = kept;
      else missing.push(i);
    });
    if (missing.length > 0) {
      const fresh = measure(
        missing.map((i) => spans[i] as Span),
        win,
        box,
        text,
      );
      missing.forEach((i, k) => {
        out[i] = fresh[k] ?? [];
      });
    }
    const rects = new Map<string, DOMRect[]>();
    for (const [i, s] of spans.entries()) rects.set(`${s[0]}:${s[1]}`, out[i] ?? []);
    measured = { text, key, rects };
    return out;
  };

  const measure = (spans: Span[], win: Window, box: DOMRect, text: string): DOMRect[][] => {
    const style = win.getComputedStyle(target);
    const mirror = doc.createElement('div');
    const ms = mirror.style;
    for (const prop of MIRRORED) ms[prop] = style[prop];
    ms.position = 'fixed';
    ms.left = `${box.left}px`;
    ms.top = `${box.top}px`;
    ms.visibility = 'hidden';
    ms.pointerEvents = 'none';
    ms.whiteSpace = target.tagName === 'TEXTAREA' ? 'pre-wrap' : 'pre';
    ms.overflowWrap = 'break-word';
    ms.overflow = 'hidden';
    ms.margin = '0';
    const sorted = spans.map((s, i) => ({ s, i })).sort((a, b) => a.s[0] - b.s[0]);
    const marks: (HTMLSpanElement | null)[] = spans.map(() => null);
    let pos = 0;
    for (const { s, i } of sorted) {
      const start = Math.max(pos, Math.min(s[0], text.length));
      const end = Math.max(start, Math.min(s[1], text.length));
      mirror.append(text.slice(pos, start));
      const mark = doc.createElement('span');
      mark.textContent = text.slice(start, end);
      mirror.append(mark);
      marks[i] = mark;
      pos = end;
    }
    // Text after the last span cannot move it, except by finishing its line: measuring a 5,000-word draft
    // per frame to place three highlights near its start would cost a layout of the whole draft.
    const lineEnd = text.indexOf('\n', pos);
    mirror.append(`${text.slice(pos, lineEnd < 0 ? Math.min(text.length, pos + 2000) : lineEnd)}\u200b`);
    const parent = opts.mirrorParent?.() ?? doc.body;
    parent.appendChild(mirror);
    mirror.scrollTop = target.scrollTop;
    mirror.scrollLeft = target.scrollLeft;
    const inner = new DOMRect(
      box.left + target.clientLeft,
      box.top + target.clientTop,
      target.clientWidth,
      target.clientHeight,
    );
    const out = marks.map((m) =>
      m ? clipRects([...m.getClientRects()], inner).map((r) => toTopViewport(r, win)) : [],
    );
    mirror.remove();
    return out;
  };

  return {
    kind: 'textarea',
    target,
    anchor: target,
    readText: () => target.value,
    charAfterCaret: () => target.value[target.selectionEnd ?? target.value.length] ?? '',
    charBeforeCaret: () => {
      const at = target.selectionStart ?? 0;
      return at > 0 ? (target.value[at - 1] ?? '') : '';
    },
    insertAtCaret: async (text) => insert(text, null),
    replaceSpan: async (span, text) => insert(text, span),
    rectsFor,
    hasFocus: () => doc.activeElement === target && doc.hasFocus(),
    dispose() {},
  };
}

/**
 * How much of `before` still lays out the same in `after`: their common prefix, cut back to the start of the
 * word it ends in (a longer word can wrap to the next line and take its start with it).
 */
export function stablePrefix(before: string, after: string): number {
  let i = commonPrefix(before, after);
  if (i === before.length && i === after.length) return i;
  while (i > 0 && !/\s/.test(after[i - 1] ?? '')) i--;
  return i;
}
