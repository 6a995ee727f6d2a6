// The Freshdesk adapter on a hand-written ticket view (tests/fixtures/freshdesk): only its conversation items
// are evidenced; everything else is left to the generic heuristics.
import { describe, expect, it } from 'vitest';
import { pickAdapter } from '../../../lib/sites';
import { freshdeskAdapter } from '../../../lib/sites/freshdesk';
import { conversationLanguage } from '../../../lib/sites/language';
import { loadFixture } from './fixtures';

const URL_3107 = 'https://acme.freshdesk.com/a/tickets/3107';
const load = () => loadFixture('freshdesk', 'ticket-view.html', URL_3107);

describe('freshdesk', () => {
  it('is picked on *.freshdesk.com', () => {
    const { doc, win } = load();
    expect(pickAdapter(doc, win).id).toBe('freshdesk');
  });

  it('reads the latest incoming conversation item, not replies or private notes', async () => {
    const { doc, win } = load();
    const message = await freshdeskAdapter.latestCustomerMessage(doc, win);
    expect(message?.text).toBe(
      'Jag blir ärligt talat ganska orolig, hyran dras på fredag och kontot får inte hamna på minus.\n\nKan ni betala tillbaka idag?',
    );
    expect(message?.author).toBe('Anna Lindqvist');
    expect(message?.at).toBe('2026-11-23T13:50:00.000Z');
    expect(message?.element?.textContent).toContain('hyran dras på fredag');
  });

  it.each([
    ['Reply', 'customer'],
    ['Add note', 'internal'],
  ] as const)('the Froala editor "%s" is %s', (label, audience) => {
    const { doc } = load();
    const editor = doc.querySelector(`.fr-element[aria-label="${label}"]`) as Element;
    expect(freshdeskAdapter.classifyComposer(editor, doc)).toEqual({ audience, editor: 'contenteditable' });
  });

  it('ignores the global search', () => {
    const { doc } = load();
    expect(freshdeskAdapter.classifyComposer(doc.querySelector('.global-search') as Element, doc)).toBeNull();
  });

  it('names ticket and requester through the generic heuristics; claims no agent, channel or send button', () => {
    const { doc, win } = load();
    expect(freshdeskAdapter.ticketContext(doc, win)).toMatchObject({
      ticketId: '3107',
      requesterName: 'Anna Lindqvist',
      agent: null,
    });
    const reply = doc.querySelector('.fr-element[aria-label="Reply"]') as Element;
    expect(freshdeskAdapter.sendButtons).toBeUndefined();
    expect(freshdeskAdapter.classifyComposer(reply, doc)?.audience).toBe('customer');
  });

  it("reads the conversation's language (Swedish)", async () => {
    const { doc, win } = load();
    expect(conversationLanguage(await freshdeskAdapter.latestCustomerMessage(doc, win))?.lang).toBe('sv');
  });

  it('returns null when the conversation holds only agent items', async () => {
    const { doc, win } = load();
    for (const el of doc.querySelectorAll('.conversation--incoming')) el.remove();
    await expect(freshdeskAdapter.latestCustomerMessage(doc, win)).resolves.toBeNull();
  });
});
