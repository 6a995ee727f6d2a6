// The generic adapter on the shapes real helpdesks use that our hand-written pages did not have: threads
// listed newest first (with relative dates only, or only a composer above them), notes as the only marked
// messages, authorship shown by side, and editor class names that merely contain "note".
import { describe, expect, it } from 'vitest';
import { genericAdapter } from '../../../lib/sites/generic';
import { parseAbsoluteDate, parseRelativeAge } from '../../../lib/sites/thread-order';
import { loadFixture } from './fixtures';

function page(body: string) {
  const { doc, win } = loadFixture('generic', 'no-thread.html', 'https://desk.example.org/tickets/7');
  doc.body.innerHTML = body;
  return { doc, win };
}
const latest = async (body: string) => {
  const { doc, win } = page(body);
  return (await genericAdapter.latestCustomerMessage(doc, win))?.text;
};

describe('generic: thread order', () => {
  it('newest first by relative dates ("1 hour ago" above "3 days ago")', async () => {
    expect(
      await latest(
        '<div class="thread"><div class="message customer"><span class="date">1 hour ago</span><p>Still nothing, I am upset.</p></div>' +
          '<div class="message agent"><span class="date">2 days ago</span><p>We are on it.</p></div>' +
          '<div class="message customer"><span class="date">3 days ago</span><p>Where is my order?</p></div></div>',
      ),
    ).toBe('Still nothing, I am upset.');
  });

  it('newest first by relative dates in Swedish ("för 2 timmar sedan")', async () => {
    expect(
      await latest(
        '<div class="thread"><div class="message customer"><time>för 2 timmar sedan</time><p>Inget har hänt.</p></div>' +
          '<div class="message customer"><time>för 3 dagar sedan</time><p>Var är min order?</p></div></div>',
      ),
    ).toBe('Inget har hänt.');
  });

  it('newest first when the only cue is the reply box above the thread', async () => {
    expect(
      await latest(
        '<form><div contenteditable="true" class="reply-editor"></div></form><div class="thread">' +
          '<div class="message customer"><p>Second, newer mail.</p></div><div class="message customer"><p>First mail.</p></div></div>',
      ),
    ).toBe('Second, newer mail.');
  });

  it('oldest first when the reply box is below (the common chat layout)', async () => {
    expect(
      await latest(
        '<div class="thread"><div class="message customer"><p>First mail.</p></div>' +
          '<div class="message customer"><p>Second, newer mail.</p></div></div><div contenteditable="true"></div>',
      ),
    ).toBe('Second, newer mail.');
  });

  it('ids decide over the composer place (a newest-first list numbered as messages arrive)', async () => {
    expect(
      await latest(
        '<div class="thread"><div class="message customer" data-message-id="9"><p>Nine.</p></div>' +
          '<div class="message customer" data-message-id="4"><p>Four.</p></div></div><textarea name="reply"></textarea>',
      ),
    ).toBe('Nine.');
  });
});

describe('generic: pages where only internal notes (or agents) are marked', () => {
  it('takes the newest unmarked message whose author did not write a note (osTicket-like entries)', async () => {
    expect(
      await latest(
        '<div class="thread-body">' +
          '<div class="thread-entry message"><div class="header"><span class="name">Mark Thompson</span></div><div class="thread-body-text"><p>My desk never came.</p></div></div>' +
          '<div class="thread-entry response"><div class="header"><span class="name">Alex Agent</span></div><div class="thread-body-text"><p>Sorry, checking.</p></div></div>' +
          '<div class="thread-entry note"><div class="header"><span class="name">Alex Agent</span></div><div class="thread-body-text"><p>Carrier lost it.</p></div></div>' +
          '<div class="thread-entry message"><div class="header"><span class="name">Mark Thompson</span></div><div class="thread-body-text"><p>This is the third time I write!</p></div></div>' +
          '<div class="thread-entry response"><div class="header"><span class="name">Alex Agent</span></div><div class="thread-body-text"><p>I have escalated it.</p></div></div>' +
          '</div>',
      ),
    ).toBe('This is the third time I write!');
  });

  it('a note is never the customer message, even when it is the newest', async () => {
    expect(
      await latest(
        '<div class="thread"><div class="post"><p>Where is the refund?</p></div>' +
          '<div class="post internal-note"><p>Refund approved, tell her.</p></div></div>',
      ),
    ).toBe('Where is the refund?');
  });
});

describe('generic: authorship by side', () => {
  it('left bubbles are the customer, right ones the agent (no role marked anywhere)', async () => {
    expect(
      await latest(
        '<div class="chat"><div class="row justify-start"><div class="bubble">Is anyone there?</div></div>' +
          '<div class="row justify-end"><div class="bubble">Yes, how can I help?</div></div>' +
          '<div class="row justify-start"><div class="bubble">My card was charged twice.</div></div>' +
          '<div class="row justify-end"><div class="bubble">Let me check.</div></div></div>',
      ),
    ).toBe('My card was charged twice.');
  });
});

describe('generic: editors whose class names merely contain "note"', () => {
  it.each([
    [
      'Summernote',
      '<div class="note-editor note-frame"><div class="note-editing-area"><div class="note-editable" contenteditable="true"></div></div></div>',
      'customer',
    ],
    [
      'Summernote in a note block',
      '<div class="conv-note-block"><div class="note-editor"><div class="note-editable" contenteditable="true"></div></div></div>',
      'internal',
    ],
    [
      'a form whose is_note is set',
      '<form><input type="hidden" name="is_note" value="1"><div class="note-editable" contenteditable="true"></div></form>',
      'internal',
    ],
    [
      'a selected "Internal note" tab',
      '<div class="tabs"><button aria-selected="false">Reply</button><button aria-selected="true">Internal note</button></div><div contenteditable="true"></div>',
      'internal',
    ],
    [
      'a selected "Reply" tab',
      '<div class="tabs"><button aria-selected="true">Reply</button><button aria-selected="false">Internal note</button></div><div contenteditable="true"></div>',
      'customer',
    ],
    [
      'a "Notes" app class on the page (notebook, footnote)',
      '<div class="footnote-area notebook"><div contenteditable="true"></div></div>',
      'customer',
    ],
  ])('%s', (_label, html, audience) => {
    const { doc } = page(`<main><section>${html}</section></main>`);
    const editor = doc.querySelector('[contenteditable="true"]') as Element;
    expect(genericAdapter.classifyComposer(editor, doc)?.audience).toBe(audience);
  });
});

describe('thread-order parsing', () => {
  it.each([
    ['Dec 7, 2026 16:48', true],
    ['2026-12-07T16:48:00Z', true],
    ['1765125600', true],
    ['Order 2', false],
    ['Note 12', false],
    ['', false],
  ])('absolute date %j: %s', (text, ok) => {
    expect(parseAbsoluteDate(text) !== null).toBe(ok);
  });

  it.each([
    ['1 hour ago', 3_600_000],
    ['an hour ago', 3_600_000],
    ['2 days ago', 172_800_000],
    ['för 2 timmar sedan', 7_200_000],
    ['3 timer siden', 10_800_000],
    ['2 päivää sitten', 172_800_000],
    ['yesterday', 86_400_000],
    ['just now', 0],
    ['Anyone, Active', null],
  ])('relative age %j', (text, ms) => {
    expect(parseRelativeAge(text)).toBe(ms);
  });
});
