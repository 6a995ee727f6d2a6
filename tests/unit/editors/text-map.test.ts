// @vitest-environment jsdom
// The plain text of an editable root and the way back to DOM ranges: table-driven over the markup real
// editors produce (ProseMirror and Quill paragraphs with trailing <br>, CKEditor lists, inline marks).
import { describe, expect, it } from 'vitest';
import { buildTextMap, rangeFor } from '../../../lib/editors/text-map';

function root(html: string): HTMLElement {
  const el = document.createElement('div');
  el.innerHTML = html;
  return el;
}

describe('buildTextMap', () => {
  it.each([
    { name: 'plain text', html: 'Hello there', text: 'Hello there' },
    { name: 'paragraphs', html: '<p>Hello.</p><p>Thanks</p>', text: 'Hello.\nThanks' },
    { name: 'inline marks', html: '<p>I am <strong>so</strong> <em>sorry</em>.</p>', text: 'I am so sorry.' },
    { name: 'empty paragraph with trailing br (Quill)', html: '<p>Hi</p><p><br></p><p>Bye</p>', text: 'Hi\nBye' },
    {
      name: 'ProseMirror trailing break',
      html: '<p>Hi<br class="ProseMirror-trailingBreak"></p>',
      text: 'Hi',
    },
    { name: 'br inside a line', html: '<p>Hi<br>there</p>', text: 'Hi\nthere' },
    { name: 'lists (CKEditor)', html: '<ul><li>One</li><li>Two</li></ul><p>End</p>', text: 'One\nTwo\nEnd' },
    { name: 'widgets are skipped', html: '<p>Hi <span contenteditable="false">@Bot</span>there</p>', text: 'Hi there' },
    { name: 'empty editor', html: '<p><br></p>', text: '' },
  ])('$name', ({ html, text }) => {
    expect(buildTextMap(root(html)).text).toBe(text);
  });
});

describe('rangeFor', () => {
  const html = '<p>Hello <b>dear</b> Maria.</p><p>You should have read it.</p>';

  it.each([
    { span: [0, 5], expected: 'Hello' },
    { span: [6, 10], expected: 'dear' },
    { span: [6, 17], expected: 'dear Maria.' },
    { span: [18, 33], expected: 'You should have' },
    { span: [11, 24], expected: 'Maria.You sh' },
  ] as const)('maps $span to "$expected"', ({ span, expected }) => {
    const el = root(html);
    const map = buildTextMap(el);
    expect(map.text.slice(span[0], span[1]).replace('\n', '')).toBe(expected);
    const range = rangeFor(map, document, span[0], span[1]);
    expect(range?.toString()).toBe(expected);
  });

  it('clamps offsets outside the text and returns null for an empty root', () => {
    const el = root('<p>Hi</p>');
    const map = buildTextMap(el);
    expect(rangeFor(map, document, -5, 99)?.toString()).toBe('Hi');
    expect(rangeFor(buildTextMap(root('<p><br></p>')), document, 0, 0)).toBeNull();
  });

  it('puts a range start after a line break into the next paragraph', () => {
    const el = root('<p>One</p><p>Two</p>');
    const map = buildTextMap(el);
    const range = rangeFor(map, document, 4, 7);
    expect(range?.startContainer.textContent).toBe('Two');
    expect(range?.toString()).toBe('Two');
  });
});
