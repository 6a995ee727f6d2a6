// The editor families the coach knows, most specific first: the first whose markers are on the editable wins.
// Adding an editor: one file with its EditorFamily (how to recognise it, how text goes in), an entry here, a
// handler in page-world.ts when its API lives on page objects, and a test page (tests/e2e/pages, EDITOR_PAGES).
// An editable no family claims is a plain contenteditable: execCommand, then paste (contenteditable.ts).
import { ckeditor4Family } from './ckeditor4';
import { ckeditor5Family } from './ckeditor5';
import { draftjsFamily } from './draftjs';
import { lexicalFamily } from './lexical';
import { prosemirrorFamily } from './prosemirror';
import { quillFamily } from './quill';
import { roosterjsFamily } from './roosterjs';
import { slateFamily } from './slate';
import { summernoteFamily } from './summernote';
import { tinymceFamily } from './tinymce';
import { trixFamily } from './trix';
import type { EditorFamily, EditorKind } from './types';

export const EDITOR_FAMILIES: readonly EditorFamily[] = [
  ckeditor5Family,
  lexicalFamily,
  slateFamily,
  draftjsFamily,
  trixFamily,
  quillFamily,
  prosemirrorFamily,
  tinymceFamily,
  ckeditor4Family,
  summernoteFamily,
  roosterjsFamily,
];

/** execCommand, then paste: what typing or pasting produces. */
export const GENERIC_FAMILY: EditorFamily = {
  kind: 'contenteditable',
  matches: () => true,
  path: 'exec',
  fallback: 'exec',
  undoGroupMs: 0,
};

/** Textareas and text inputs: execCommand keeps the browser's own undo (textarea.ts). */
export const TEXTAREA_FAMILY: EditorFamily = {
  kind: 'textarea',
  matches: (target) => target.tagName === 'TEXTAREA' || target.tagName === 'INPUT',
  path: 'exec',
  fallback: 'exec',
  undoGroupMs: 0,
};

export function familyOf(target: HTMLElement, frame: HTMLIFrameElement | null): EditorFamily {
  if (TEXTAREA_FAMILY.matches(target, frame)) return TEXTAREA_FAMILY;
  for (const family of EDITOR_FAMILIES) {
    try {
      if (family.matches(target, frame)) return family;
    } catch {
      // A marker check that throws (an exotic element) just does not claim the editable.
    }
  }
  return GENERIC_FAMILY;
}

export function familyOfKind(kind: EditorKind): EditorFamily {
  return [TEXTAREA_FAMILY, ...EDITOR_FAMILIES].find((f) => f.kind === kind) ?? GENERIC_FAMILY;
}
