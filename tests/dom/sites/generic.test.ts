// The generic adapter on hand-written helpdesk-like pages (tests/fixtures/generic): message blocks with
// author roles and timestamps, Readability when there are none, and null when nothing reads as a customer's.
import { describe, expect, it } from 'vitest';
import { genericAdapter, messageBlocks } from '../../../lib/sites/generic';
import { loadFixture } from './fixtures';

const SITE = 'generic';

describe('generic: latest customer message', () => {
  it.each([
    {
      file: 'helpscout-like.html',
      url: 'https://secure.example.net/conversation/2211',
      has: "I'm a bit confused",
      not: ['Label service down', 'cracked'],
      author: 'Priya Raman',
      at: '2026-11-23T15:40:00.000Z',
    },
    {
      file: 'front-like.html',
      url: 'https://front.example.net/inboxes/1/conversations/77',
      has: 'Still wrong. This is the second invoice',
      not: ['@billing', 'corrected it'],
      author: 'Tom Becker',
    },
    {
      file: 'intercom-like.html',
      url: 'https://inbox.example.net/a/apps/x/inbox/conversation/555',
      has: 'I am worried I will lose the form',
      not: ['INC-2231', 'Which version'],
      at: '2026-11-23T16:05:00.000Z',
    },
  ])('$file: finds the newest customer block', async ({ file, url, has, not, author, at }) => {
    const { doc, win } = loadFixture(SITE, file, url);
    const message = await genericAdapter.latestCustomerMessage(doc, win);
    expect(message?.text).toContain(has);
    expect(message?.element?.textContent).toContain(has);
    for (const absent of not) expect(message?.text).not.toContain(absent);
    if (author) expect(message?.author).toBe(author);
    if (at) expect(message?.at).toBe(at);
  });

  it('keeps a message whole when it holds a small marked piece (a sender email span)', async () => {
    const { doc, win } = loadFixture(SITE, 'no-thread.html', 'https://desk.example.org/tickets/9');
    doc.body.insertAdjacentHTML(
      'afterbegin',
      '<div class="messages"><div class="message customer"><span class="sender-email">tom@example.net</span>' +
        '<p>The invoice is wrong again and nobody answers my mails.</p></div></div>',
    );
    expect((await genericAdapter.latestCustomerMessage(doc, win))?.text).toContain('The invoice is wrong again');
  });

  it('does not take a data-user-id reference on an author link as the customer', async () => {
    const { doc, win } = loadFixture(SITE, 'no-thread.html', 'https://desk.example.org/tickets/9');
    doc.body.insertAdjacentHTML(
      'afterbegin',
      '<div class="thread">' +
        '<div class="comment from-customer"><p>Where is my parcel?</p></div>' +
        '<div class="comment"><a class="author" data-user-id="17" href="/users/17">Alex</a><p>I am on it.</p></div>' +
        '</div>',
    );
    expect((await genericAdapter.latestCustomerMessage(doc, win))?.text).toBe('Where is my parcel?');
  });

  it('reads camelCase role classes (chatMessage isCustomer / isAgent)', async () => {
    const { doc, win } = loadFixture(SITE, 'no-thread.html', 'https://chat.example.org/c/1');
    doc.body.insertAdjacentHTML(
      'afterbegin',
      '<div class="chatLog"><div class="chatMessage isCustomer"><p>My card was charged twice!</p></div>' +
        '<div class="chatMessage isAgent"><p>Let me check that for you.</p></div></div>',
    );
    expect((await genericAdapter.latestCustomerMessage(doc, win))?.text).toBe('My card was charged twice!');
  });

  it('orders by time when only some blocks carry one (an untimed note among timed messages)', async () => {
    const { doc, win } = loadFixture(SITE, 'intercom-like.html', 'https://inbox.example.net/a/inbox/conversation/555');
    doc.querySelector('.conversation__part--note time')?.remove();
    const message = await genericAdapter.latestCustomerMessage(doc, win);
    expect(message?.text).toContain('I am worried I will lose the form');
    expect(message?.at).toBe('2026-11-23T16:05:00.000Z');
  });

  it('falls back to Readability on a page without message markup, leaving the reply out', async () => {
    const { doc, win } = loadFixture(SITE, 'webmail-like.html', 'https://mail.example.se/view?id=991');
    expect(messageBlocks(doc).filter((b) => b.role !== 'unknown')).toEqual([]);
    const message = await genericAdapter.latestCustomerMessage(doc, win);
    expect(message?.text).toContain('tredje gången jag skriver');
    expect(message?.text).not.toContain('Hej Olle');
  });

  it('returns null when nothing on the page is from a customer (draft-only coaching)', async () => {
    const { doc, win } = loadFixture(SITE, 'no-thread.html', 'https://desk.example.org/tickets/new');
    await expect(genericAdapter.latestCustomerMessage(doc, win)).resolves.toBeNull();
  });

  it('returns null rather than the agent’s own words when only agents wrote', async () => {
    const { doc, win } = loadFixture(SITE, 'front-like.html', 'https://front.example.net/x');
    for (const el of doc.querySelectorAll('.inbound')) el.remove();
    await expect(genericAdapter.latestCustomerMessage(doc, win)).resolves.toBeNull();
  });

  it('returns null when aborted', async () => {
    const { doc, win } = loadFixture(SITE, 'helpscout-like.html', 'https://secure.example.net/conversation/2211');
    const controller = new AbortController();
    controller.abort();
    await expect(genericAdapter.latestCustomerMessage(doc, win, controller.signal)).resolves.toBeNull();
  });
});

describe('generic: composers', () => {
  it.each([
    {
      file: 'helpscout-like.html',
      selector: '.c-editor',
      expected: { audience: 'customer', editor: 'contenteditable' },
    },
    {
      file: 'front-like.html',
      selector: 'textarea[name="body"]',
      expected: { audience: 'customer', editor: 'textarea' },
    },
    {
      file: 'front-like.html',
      selector: 'textarea[name="comment"]',
      expected: { audience: 'internal', editor: 'textarea' },
    },
    {
      file: 'intercom-like.html',
      selector: '.composer-editor',
      expected: { audience: 'customer', editor: 'prosemirror' },
    },
    {
      file: 'webmail-like.html',
      selector: 'textarea[name="reply"]',
      expected: { audience: 'customer', editor: 'textarea' },
    },
    { file: 'helpscout-like.html', selector: 'input[type="search"]', expected: null },
    { file: 'no-thread.html', selector: 'input[name="subject"]', expected: null },
  ])('$file $selector -> $expected', ({ file, selector, expected }) => {
    const { doc } = loadFixture(SITE, file, 'https://desk.example.org/');
    const el = doc.querySelector(selector);
    expect(el).not.toBeNull();
    expect(genericAdapter.classifyComposer(el as Element, doc)).toEqual(expected);
  });

  it('treats a textarea labelled as an internal note as internal', () => {
    const { doc } = loadFixture(SITE, 'no-thread.html', 'https://desk.example.org/');
    const form = doc.querySelector('form') as HTMLFormElement;
    form.insertAdjacentHTML('beforeend', '<label for="n">Intern anteckning</label><textarea id="n"></textarea>');
    expect(genericAdapter.classifyComposer(doc.getElementById('n') as Element, doc)?.audience).toBe('internal');
  });
});

describe('generic: ticket context', () => {
  it.each([
    ['https://desk.example.org/tickets/4711', '4711'],
    ['https://desk.example.org/a/conversations/88?x=1', '88'],
    ['https://desk.example.org/view.php?id=123', '123'],
    ['https://desk.example.org/#/tickets/5', '5'],
    ['https://desk.example.org/inbox', null],
  ])('%s -> ticket %s', (url, ticketId) => {
    const { doc, win } = loadFixture(SITE, 'no-thread.html', url);
    expect(genericAdapter.ticketContext(doc, win).ticketId).toBe(ticketId);
  });

  it('names the requester from the latest customer block', () => {
    const { doc, win } = loadFixture(SITE, 'helpscout-like.html', 'https://secure.example.net/conversation/2211');
    expect(genericAdapter.ticketContext(doc, win)).toMatchObject({ requesterName: 'Priya Raman', agent: null });
  });
});
