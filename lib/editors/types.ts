// Editor bridges: read a composer's plain text and change it only through the host editor's own input path
// (execCommand / paste, what real typing or pasting produces), so the editor's model, caret and undo stay right.
import type { Span } from '../empathy/types';

export type EditorKind = 'textarea' | 'contenteditable' | 'prosemirror' | 'quill' | 'ckeditor4' | 'tinymce';

/** A span is usable when it lies inside a text of `length` characters. */
export function isValidSpan(span: Span, length: number): boolean {
  const [start, end] = span;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length;
}

export interface EditorBridge {
  kind: EditorKind;
  /** The element that takes input: a textarea, or the contenteditable root (inside the iframe for iframe editors). */
  target: HTMLElement;
  /** Element in the top document to anchor UI to: the target, or the iframe that holds it. */
  anchor: HTMLElement;
  /** The draft as plain text; engine spans are UTF-16 offsets into this string. */
  readText(): string;
  /** The character just before the caret ('' at the start of the text or of a block), to space insertions. */
  charBeforeCaret(): string;
  /** The character just after the caret (or the selection); '' at the end of the text or of a block. */
  charAfterCaret(): string;
  /** Inserts at the caret (or over the selection); false when the editor refused the input. */
  insertAtCaret(text: string): boolean;
  /** Replaces `span` of readText() with `text`. */
  replaceSpan(span: Span, text: string): boolean;
  /** For each span, its visible client rects in the top document's viewport coordinates (for the overlay). */
  rectsFor(spans: Span[]): DOMRect[][];
  /** Whether the composer holds focus (or the caret, for iframe editors). */
  hasFocus(): boolean;
  dispose(): void;
}
