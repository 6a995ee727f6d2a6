// The Zendesk adapter on a hand-written Agent Workspace structure (tests/fixtures/zendesk).
import { describe, expect, it } from 'vitest';
import { pickAdapter } from '../../../lib/sites';
import { zendeskAdapter } from '../../../lib/sites/zendesk';
import { loadFixture } from './fixtures';

const URL_48213 = 'https://acme.zendesk.com/agent/tickets/48213';
const load = (url = URL_48213) => loadFixture('zendesk', 'agent-workspace-ticket.html', url);

describe('zendesk', () => {
  it('is picked on *.zendesk.com', () => {
    const { doc, win } = load();
    expect(pickAdapter(doc, win).id).toBe('zendesk');
  });

  it("reads the visible ticket's latest end-user message, not notes, agents or hidden panes", async () => {
    const { doc, win } = load();
    const message = await zendeskAdapter.latestCustomerMessage(doc, win);
    const { element, ...rest } = message ?? {};
    expect(rest).toEqual({
      text: "This is the THIRD time I am asking. Nobody answers and my desk is still missing.\n\nIf I don't hear back today I will file a chargeback.",
      author: 'Mark Thompson',
      at: '2026-11-23T07:45:00.000Z',
    });
    // The message's box on the page, which the chip keeps clear of.
    expect(element?.textContent).toContain('This is the THIRD time I am asking.');
  });

  it('reads the other open ticket when the URL points at it', async () => {
    const { doc, win } = load('https://acme.zendesk.com/agent/tickets/48100');
    expect((await zendeskAdapter.latestCustomerMessage(doc, win))?.text).toBe('Thanks, that fixed it, you are great!');
  });

  it.each([
    ['Public reply', 'customer'],
    ['Email', 'customer'],
    ['Internal note', 'internal'],
    ['Intern anteckning', 'internal'],
  ] as const)('the composer under channel "%s" is %s', (label, audience) => {
    const { doc } = load();
    doc.querySelector('[data-test-id="omnichannel-channel-switcher-button"]')?.setAttribute('aria-label', label);
    const editor = doc.querySelector('[data-test-id="omnicomposer-rich-text-ckeditor"]') as Element;
    expect(zendeskAdapter.classifyComposer(editor, doc)).toEqual({ audience, editor: 'contenteditable' });
  });

  it('ignores the macro search box', () => {
    const { doc } = load();
    const search = doc.querySelector('[data-test-id="macro-search"]') as Element;
    expect(zendeskAdapter.classifyComposer(search, doc)).toBeNull();
  });

  it('names ticket, requester and channel, and finds the submit button', () => {
    const { doc, win } = load();
    expect(zendeskAdapter.ticketContext(doc, win)).toEqual({
      ticketId: '48213',
      channel: 'email',
      requesterName: 'Mark Thompson',
      agent: null,
      url: URL_48213,
    });
    const editor = doc.querySelector('[data-test-id="omnicomposer-rich-text-ckeditor"]') as Element;
    expect(zendeskAdapter.sendButtons?.(editor, doc).map((b) => b.textContent)).toEqual(['Submit as Open']);
  });

  it('degrades to the generic heuristics when the Agent Workspace log is gone (new UI)', async () => {
    const { doc, win } = load();
    for (const el of doc.querySelectorAll('[data-test-id="omni-log-container"]')) {
      el.outerHTML = '<div class="thread"><div class="message from-customer"><p>Where is my refund?</p></div></div>';
    }
    expect((await zendeskAdapter.latestCustomerMessage(doc, win))?.text).toBe('Where is my refund?');
  });
});

describe('zendesk: audience changes', () => {
  it('reports the channel switcher moving to an internal note and back', async () => {
    const { doc } = load();
    const editor = doc.querySelector('[data-test-id="omnicomposer-rich-text-ckeditor"]') as Element;
    const button = doc.querySelector('[data-test-id="omnichannel-channel-switcher-button"]') as Element;
    const seen: string[] = [];
    const controller = new AbortController();
    zendeskAdapter.watchAudience?.(editor, doc, (a) => seen.push(a), controller.signal);
    button.setAttribute('aria-label', 'Internal note');
    await Promise.resolve();
    button.setAttribute('aria-label', 'Public reply');
    await Promise.resolve();
    controller.abort();
    button.setAttribute('aria-label', 'Internal note');
    await Promise.resolve();
    expect(seen).toEqual(['internal', 'customer']);
  });
});
