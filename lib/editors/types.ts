// Editor bridges: read a composer's plain text and change it only through the host editor's own input path
// (its API in the page's world, or execCommand / paste, what real typing or pasting produces), so the editor's
// model, caret and undo stay right.
import type { Span } from '../empathy/types';

export type EditorKind =
  | 'textarea'
  | 'contenteditable'
  | 'prosemirror'
  | 'quill'
  | 'ckeditor4'
  | 'tinymce'
  | 'ckeditor5'
  | 'lexical'
  | 'slate'
  | 'draftjs'
  | 'trix'
  | 'summernote'
  | 'roosterjs';

/**
 * How text goes into an editor family, first choice first:
 * - 'page': the editor's own API in the page's JavaScript world (lib/editors/page-world.ts), over a private
 *   channel (lib/editors/page-channel.ts); the generic path below is the fallback when that API is missing,
 *   throws or is another major version.
 * - 'exec': execCommand('insertText'), what typing produces; a synthetic paste when the editor refuses it.
 * - 'paste': a synthetic paste of plain text (the editor's paste handler inserts it as one undo step).
 * - 'html-paste': a synthetic paste carrying the text as HTML too (TinyMCE; see contenteditable.ts).
 */
export type InsertPath = 'page' | 'exec' | 'paste' | 'html-paste';

/** One editor family: how to recognise its editable, and how to put text into it. */
export interface EditorFamily {
  kind: EditorKind;
  /** Whether `target` (the editable root; the body inside `frame` for iframe editors) is this family's. */
  matches(target: HTMLElement, frame: HTMLIFrameElement | null): boolean;
  /** First-choice insert path. */
  path: InsertPath;
  /** The generic path used when `path` is 'page' and the page side cannot do it. */
  fallback: Exclude<InsertPath, 'page'>;
  /**
   * How long the editor merges edits into one undo step (ms, plus margin); the coach waits this long after the
   * agent's last keystroke so an insertion is its own step (lib/editors/undo.ts). 0: no wait needed.
   */
  undoGroupMs: number;
  /** Wait for the editor to adopt a DOM selection we set (it syncs on `selectionchange`) before inserting. */
  syncSelection?: boolean;
}

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
  /**
   * Inserts at the caret (or over the selection). Resolves false when the editor refused the input or took
   * only part of it (then our own partial change has been undone where the editor allowed it).
   */
  insertAtCaret(text: string): Promise<boolean>;
  /** Replaces `span` of readText() with `text`; resolves like insertAtCaret. */
  replaceSpan(span: Span, text: string): Promise<boolean>;
  /** For each span, its visible client rects in the top document's viewport coordinates (for the overlay). */
  rectsFor(spans: Span[]): DOMRect[][];
  /** Whether the composer holds focus (or the caret, for iframe editors). */
  hasFocus(): boolean;
  dispose(): void;
}
