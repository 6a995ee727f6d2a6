// The small DOM helpers every adapter leans on.
import { describe, expect, it, vi } from 'vitest';
import {
  clipTail,
  memoForPage,
  normalizeText,
  queryFirst,
  readableText,
  ticketIdFromUrl,
} from '../../../lib/sites/dom';

function html(body: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><body>${body}</body>`, 'text/html');
}

describe('readableText', () => {
  it.each([
    ['<p>Hello.</p><p>Thanks</p>', 'Hello.\n\nThanks'],
    ['Line one<br>Line two', 'Line one\nLine two'],
    ['<div>  spaced \t out  </div>', 'spaced out'],
    ['<p>Visible</p><script>var x = 1;</script><style>p{}</style><button>Send</button>', 'Visible'],
    ['<p>A</p><p hidden>secret</p><p aria-hidden="true">dup</p>', 'A'],
    ['<ul><li>one</li><li>two</li></ul>', 'one\ntwo'],
    ['caf&eacute;&nbsp;au&nbsp;lait', 'café au lait'],
  ])('%s', (markup, text) => {
    expect(readableText(html(markup).body)).toBe(text);
  });

  it('skips what the caller says to skip', () => {
    const doc = html('<p>Keep</p><blockquote class="quote">Old mail</blockquote>');
    expect(readableText(doc.body, (el) => el.classList.contains('quote'))).toBe('Keep');
  });
});

describe('normalizeText', () => {
  it('collapses runs of blank lines to one empty line', () => {
    expect(normalizeText('a\n\n\n\n b \n')).toBe('a\n\nb');
  });
});

describe('queryFirst', () => {
  it('tries dated selectors newest first and falls back', () => {
    const doc = html('<div class="old">old</div>');
    const selectors = [
      { selector: '.new', seen: '2026-01-01', source: 'test' },
      { selector: '.old', seen: '2020-01-01', source: 'test' },
    ];
    expect(queryFirst(doc, selectors)?.textContent).toBe('old');
    doc.body.insertAdjacentHTML('beforeend', '<div class="new">new</div>');
    expect(queryFirst(doc, selectors)?.textContent).toBe('new');
  });
});

describe('ticketIdFromUrl', () => {
  it.each([
    ['https://x.example/tickets/12', '12'],
    ['https://x.example/agent/tickets/48213', '48213'],
    ['https://x.example/a/tickets/3107', '3107'],
    ['https://x.example/cases/9?tab=1', '9'],
    ['https://x.example/show?ticket=77', '77'],
    ['https://x.example/show?id=abc', null],
    ['not a url', null],
  ])('%s -> %s', (url, id) => {
    expect(ticketIdFromUrl(url)).toBe(id);
  });
});

describe('clipTail', () => {
  it('keeps short text and clips long text at a word boundary, keeping the latest words', () => {
    expect(clipTail('short', 10)).toBe('short');
    const clipped = clipTail('alpha beta gamma delta epsilon', 12);
    expect(clipped).toBe('epsilon');
    expect('alpha beta gamma delta epsilon'.endsWith(clipped)).toBe(true);
  });
});

describe('memoForPage', () => {
  it('computes once per document and URL, again for another URL or document', () => {
    const doc = html('');
    const other = html('');
    const compute = vi.fn(() => 'value');
    expect(memoForPage(doc, 'https://x/1', 'k', compute)).toBe('value');
    memoForPage(doc, 'https://x/1', 'k', compute);
    expect(compute).toHaveBeenCalledTimes(1);
    memoForPage(doc, 'https://x/2', 'k', compute);
    memoForPage(other, 'https://x/2', 'k', compute);
    expect(compute).toHaveBeenCalledTimes(3);
  });

  it('computes again once the entry is older than its ttl', () => {
    vi.useFakeTimers();
    try {
      const doc = html('');
      const compute = vi.fn(() => 1);
      memoForPage(doc, 'https://x/1', 'k', compute, 1000);
      vi.advanceTimersByTime(999);
      memoForPage(doc, 'https://x/1', 'k', compute, 1000);
      expect(compute).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(2);
      memoForPage(doc, 'https://x/1', 'k', compute, 1000);
      expect(compute).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
