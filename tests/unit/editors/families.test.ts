// Which editor family claims an editable, by the markers each editor puts on it (lib/editors/families.ts).
import { describe, expect, it } from 'vitest';
import { EDITOR_FAMILIES, familyOf } from '../../../lib/editors/families';
import { UNDO_GROUP_MS } from '../../../lib/editors/undo';

/** The slice of an element the matchers read, without a DOM. */
function el(tag: string, opts: { classes?: string[]; attrs?: Record<string, string>; id?: string } = {}) {
  const attrs = opts.attrs ?? {};
  return {
    tagName: tag.toUpperCase(),
    id: opts.id ?? '',
    classList: { contains: (c: string) => (opts.classes ?? []).includes(c) },
    hasAttribute: (a: string) => a in attrs,
    getAttribute: (a: string) => attrs[a] ?? null,
  } as unknown as HTMLElement;
}

describe('familyOf', () => {
  it.each([
    ['ckeditor5', el('div', { classes: ['ck', 'ck-content', 'ck-editor__editable'] })],
    ['lexical', el('div', { attrs: { 'data-lexical-editor': 'true' } })],
    ['slate', el('div', { attrs: { 'data-slate-editor': 'true' } })],
    ['draftjs', el('div', { classes: ['notranslate', 'public-DraftEditor-content'] })],
    ['trix', el('trix-editor')],
    ['quill', el('div', { classes: ['ql-editor'] })],
    ['prosemirror', el('div', { classes: ['tiptap', 'ProseMirror'] })],
    ['tinymce', el('body', { id: 'tinymce', classes: ['mce-content-body'] })],
    ['tinymce', el('div', { classes: ['mce-content-body'] })],
    ['ckeditor4', el('body', { classes: ['cke_editable', 'cke_editable_themed'] })],
    ['summernote', el('div', { classes: ['note-editable'] })],
    ['roosterjs', el('div', { attrs: { role: 'textbox', 'aria-label': 'Message body' } })],
    ['textarea', el('textarea')],
    ['textarea', el('input')],
    ['contenteditable', el('div', { attrs: { contenteditable: 'true' } })],
    ['contenteditable', el('div', { attrs: { role: 'textbox', 'aria-label': 'Reply' } })],
    // Gmail's compose body (plain contenteditable) is labelled with a capital B.
    ['contenteditable', el('div', { attrs: { role: 'textbox', 'aria-label': 'Message Body' } })],
  ])('%s', (kind, target) => {
    expect(familyOf(target, null).kind).toBe(kind);
  });

  it('an editable whose marker check throws is left to the generic path', () => {
    const hostile = {
      tagName: 'DIV',
      id: '',
      classList: {
        contains: () => {
          throw new Error('exotic element');
        },
      },
      hasAttribute: () => false,
      getAttribute: () => null,
    } as unknown as HTMLElement;
    expect(familyOf(hostile, null).kind).toBe('contenteditable');
  });

  it('every family has its own kind, a generic fallback and an undo window', () => {
    const kinds = EDITOR_FAMILIES.map((f) => f.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const f of EDITOR_FAMILIES) {
      expect(f.fallback).not.toBe('page');
      expect(UNDO_GROUP_MS[f.kind]).toBe(f.undoGroupMs);
    }
  });
});
