// The Gmail adapter on a fixture built from public evidence (tests/fixtures/gmail; its header names the sources).
import { describe, expect, it } from 'vitest';
import { pickAdapter } from '../../../lib/sites';
import { gmailAdapter } from '../../../lib/sites/gmail';
import { conversationLanguage } from '../../../lib/sites/language';
import { loadFixture } from './fixtures';

const URL_THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWbcDrjhLmQwXz';
const load = (url = URL_THREAD) => loadFixture('gmail', 'thread.html', url);

describe('gmail', () => {
  it('is picked on mail.google.com', () => {
    const { doc, win } = load();
    expect(pickAdapter(doc, win).id).toBe('gmail');
  });

  it("reads the customer's latest mail without the quoted history", async () => {
    const { doc, win } = load();
    const message = await gmailAdapter.latestCustomerMessage(doc, win);
    expect(message?.text).toBe(
      'It is still not on my account. This is really frustrating, I need that money before the weekend.',
    );
    expect(message?.author).toBe('Olle Berg');
    expect(message?.element?.textContent).toContain('It is still not on my account.');
    expect(message?.at).toMatch(/^2026-11-23T/);
  });

  it('skips mails the account sent itself', async () => {
    const { doc, win } = load();
    const lastCustomer = doc.querySelectorAll('div.adn')[2] as Element;
    lastCustomer.remove();
    expect((await gmailAdapter.latestCustomerMessage(doc, win))?.text).toContain('I returned the jacket');
  });

  it('returns null off a thread (inbox list)', async () => {
    const { doc, win } = load('https://mail.google.com/mail/u/0/#inbox');
    for (const el of doc.querySelectorAll('div.adn')) el.remove();
    await expect(gmailAdapter.latestCustomerMessage(doc, win)).resolves.toBeNull();
  });

  it('classifies the reply box as customer-facing and ignores the search box', () => {
    const { doc } = load();
    const reply = doc.querySelector('[g_editable="true"]') as Element;
    expect(gmailAdapter.classifyComposer(reply, doc)).toEqual({ audience: 'customer', editor: 'contenteditable' });
    expect(gmailAdapter.classifyComposer(doc.querySelector('input[name="q"]') as Element, doc)).toBeNull();
    expect(gmailAdapter.sendButtons?.(reply, doc).map((b) => b.textContent)).toEqual(['Send']);
  });

  it('names thread, requester and the signed-in account', () => {
    const { doc, win } = load();
    expect(gmailAdapter.ticketContext(doc, win)).toEqual({
      ticketId: 'FMfcgzQXJWbcDrjhLmQwXz',
      channel: 'email',
      requesterName: 'Olle Berg',
      agent: 'support@acme.example',
      url: URL_THREAD,
    });
  });

  it("reads the conversation's language, following the latest customer mail in a mixed thread", async () => {
    const { doc, win } = load();
    expect(conversationLanguage(await gmailAdapter.latestCustomerMessage(doc, win))?.lang).toBe('en');
    const body = doc.querySelectorAll('div.a3s')[2]?.firstElementChild as Element;
    body.textContent = 'Pengarna har fortfarande inte kommit till mitt konto och jag behöver dem innan helgen.';
    expect(conversationLanguage(await gmailAdapter.latestCustomerMessage(doc, win))?.lang).toBe('sv');
  });

  it('classifies the compose root of gmail.js (div.M9) without the g_editable attribute', () => {
    const { doc } = load();
    const reply = doc.querySelector('[g_editable="true"]') as Element;
    reply.removeAttribute('g_editable');
    reply.removeAttribute('aria-label');
    expect(gmailAdapter.classifyComposer(reply, doc)?.audience).toBe('customer');
  });
});
