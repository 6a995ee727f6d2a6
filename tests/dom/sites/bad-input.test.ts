// Bad input for the thread readers: thousands of messages (newest at either end), messages without text,
// mixed languages, a page that changes while it is read, a cross-origin iframe composer. The coach gets an
// answer or null (draft-only coaching), never an exception.
import { describe, expect, it } from 'vitest';
import { createSiteHealth } from '../../../lib/coach/site-health';
import { siteAdapters } from '../../../lib/sites';
import { genericAdapter } from '../../../lib/sites/generic';
import { conversationLanguage } from '../../../lib/sites/language';
import { loadFixture } from './fixtures';

function longThread(count: number, newestFirst: boolean): string {
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    const who = i % 7 === 6 ? 'note internal' : i % 2 === 0 ? 'customer' : 'agent';
    rows.push(
      `<article class="message message--${who}" data-message-id="${i + 1}"><span class="author">${who}</span>` +
        `<div class="message-body"><p>Message number ${i + 1} about the parcel.</p></div></article>`,
    );
  }
  if (newestFirst) rows.reverse();
  const composer = '<form class="reply"><textarea name="reply"></textarea></form>';
  return `<main>${newestFirst ? composer : ''}<section class="thread">${rows.join('')}</section>${newestFirst ? '' : composer}</main>`;
}

function page(body: string, url = 'https://desk.example.org/tickets/1') {
  const { doc, win } = loadFixture('generic', 'no-thread.html', url);
  doc.body.innerHTML = body;
  return { doc, win };
}

describe('bad input', () => {
  it.each([false, true])(
    'a 2,000-message thread (newest first: %s): the newest customer message, no exception',
    async (newestFirst) => {
      const { doc, win } = page(longThread(2000, newestFirst));
      // Message 1999 is the newest customer one (even numbers from 0: customer; 2000 would be an agent's).
      expect((await genericAdapter.latestCustomerMessage(doc, win))?.text).toBe(
        'Message number 1999 about the parcel.',
      );
    },
  );

  it('messages without text are skipped, not taken as the latest', async () => {
    const { doc, win } = page(
      '<div class="thread"><div class="message customer"><p>My order is late.</p></div>' +
        '<div class="message customer"><img alt=""></div><div class="message customer"> </div></div>',
    );
    expect((await genericAdapter.latestCustomerMessage(doc, win))?.text).toBe('My order is late.');
  });

  it('a mixed-language thread follows the latest customer message', async () => {
    const { doc, win } = page(
      '<div class="thread"><div class="message customer"><p>Hello, my parcel has not arrived and I am worried.</p></div>' +
        '<div class="message agent"><p>We are checking.</p></div>' +
        '<div class="message customer"><p>Hej, jag har fortfarande inte fått mitt paket och jag är orolig.</p></div></div>',
    );
    expect(conversationLanguage(await genericAdapter.latestCustomerMessage(doc, win))?.lang).toBe('sv');
  });

  it('a page that changes while it is read: every adapter answers or says null', async () => {
    for (const adapter of siteAdapters) {
      const { doc, win } = page(longThread(50, false));
      const reading = adapter.latestCustomerMessage(doc, win).catch((e: unknown) => e);
      doc.body.innerHTML = '';
      const result = await reading;
      expect(result instanceof Error, adapter.id).toBe(false);
    }
  });

  it('a cross-origin iframe composer is classified without reaching into it', () => {
    const { doc, win } = page(
      '<div class="message customer"><p>Help!</p></div><iframe src="https://other.example.net/editor" title="Reply"></iframe>',
    );
    const frame = doc.querySelector('iframe') as Element;
    const monitor = createSiteHealth({ doc, win, adapter: genericAdapter });
    expect(() => monitor.adapter.classifyComposer(frame, doc)).not.toThrow();
  });
});

describe('a big page with its thread in the middle', () => {
  it('is read whole when its two ends hold no customer message', async () => {
    const filler = (n: number) =>
      Array.from({ length: n }, (_, i) => `<div class="nav-row"><span>link ${i}</span></div>`).join('');
    const { doc, win } = page(
      `<aside>${filler(3000)}</aside><section class="thread"><div class="message customer"><p>Where is my parcel?</p></div>` +
        `<div class="message agent"><p>Checking.</p></div></section><aside>${filler(3000)}</aside><textarea name="reply"></textarea>`,
    );
    expect(doc.body.getElementsByTagName('*').length).toBeGreaterThan(8000);
    expect((await genericAdapter.latestCustomerMessage(doc, win))?.text).toBe('Where is my parcel?');
  });
});
