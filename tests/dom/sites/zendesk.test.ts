// The Zendesk adapter on a fixture built from public evidence (tests/fixtures/zendesk; its header names the
// source of each structure): two open tickets, one scoped by data-side-conversations-anchor-id and one by
// data-ticket-id; a CKEditor 5 composer whose channel switcher carries data-channel.
import { describe, expect, it } from 'vitest';
import { pickAdapter } from '../../../lib/sites';
import { conversationLanguage } from '../../../lib/sites/language';
import { zendeskAdapter } from '../../../lib/sites/zendesk';
import { loadFixture } from './fixtures';

const URL_48213 = 'https://acme.zendesk.com/agent/tickets/48213';
const URL_48100 = 'https://acme.zendesk.com/agent/tickets/48100';
const load = (url = URL_48213) => loadFixture('zendesk', 'agent-workspace-ticket.html', url);
const richEditor = (doc: Document) => doc.querySelector('[data-test-id="omnicomposer-rich-text-ckeditor"]') as Element;
const switcher = (doc: Document) =>
  doc.querySelector(
    '[data-side-conversations-anchor-id] [data-test-id="omnichannel-channel-switcher-button"]',
  ) as Element;

describe('zendesk', () => {
  it('is picked on *.zendesk.com', () => {
    const { doc, win } = load();
    expect(pickAdapter(doc, win).id).toBe('zendesk');
  });

  it("reads the visible ticket's newest end-user message: not the later note, an agent reply or the hidden copy", async () => {
    const { doc, win } = load();
    const message = await zendeskAdapter.latestCustomerMessage(doc, win);
    const { element, ...rest } = message ?? {};
    expect(rest).toEqual({
      text: "This is the THIRD time I am asking. Nobody answers and my desk is still missing.\n\nIf I don't hear back today I will file a chargeback.",
      author: 'Mark Thompson',
      at: '2026-11-23T07:45:00.000Z',
    });
    expect(element?.getAttribute('data-comment-id')).toBe('1004');
  });

  it('scopes to the pane marked data-ticket-id when the URL points at that ticket', async () => {
    const { doc, win } = load(URL_48100);
    expect((await zendeskAdapter.latestCustomerMessage(doc, win))?.author).toBe('Anna Lindqvist');
  });

  it("reads each conversation's language", async () => {
    for (const [url, lang] of [
      [URL_48213, 'en'],
      [URL_48100, 'sv'],
    ] as const) {
      const { doc, win } = load(url);
      expect(conversationLanguage(await zendeskAdapter.latestCustomerMessage(doc, win))?.lang).toBe(lang);
    }
  });

  it('the CKEditor 5 composer under data-channel="web" is a customer reply', () => {
    const { doc } = load();
    expect(zendeskAdapter.classifyComposer(richEditor(doc), doc)).toEqual({
      audience: 'customer',
      editor: 'ckeditor5',
    });
  });

  it('data-channel decides before the (localised) label', () => {
    const { doc } = load();
    switcher(doc).setAttribute('data-channel', 'internal');
    expect(zendeskAdapter.classifyComposer(richEditor(doc), doc)?.audience).toBe('internal');
  });

  it.each([
    ['Internal note', 'internal'],
    ['Intern anteckning', 'internal'],
    ['Public reply', 'customer'],
  ] as const)('without data-channel, the label "%s" makes it %s', (label, audience) => {
    const { doc } = load();
    switcher(doc).removeAttribute('data-channel');
    switcher(doc).setAttribute('aria-label', label);
    expect(zendeskAdapter.classifyComposer(richEditor(doc), doc)?.audience).toBe(audience);
  });

  it('ignores the macro search box', () => {
    const { doc } = load();
    const search = doc.querySelector('[data-test-id="macro-search"]') as Element;
    expect(zendeskAdapter.classifyComposer(search, doc)).toBeNull();
  });

  it('names ticket, requester (the end-user who wrote) and channel; no evidence names the agent', () => {
    const { doc, win } = load();
    expect(zendeskAdapter.ticketContext(doc, win)).toEqual({
      ticketId: '48213',
      channel: 'email',
      requesterName: 'Mark Thompson',
      agent: null,
      url: URL_48213,
    });
    expect(zendeskAdapter.ticketContext(...(Object.values(load(URL_48100)) as [Document, Window])).channel).toBe(
      'chat',
    );
  });

  it('takes the ticket id from the selected ticket tab when the URL has none', () => {
    const { doc, win } = load('https://acme.zendesk.com/agent/dashboard');
    expect(zendeskAdapter.ticketContext(doc, win).ticketId).toBe('48213');
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
  it('follows the switcher to an internal note and back, by data-channel', async () => {
    const { doc } = load();
    const seen: string[] = [];
    const controller = new AbortController();
    zendeskAdapter.watchAudience?.(richEditor(doc), doc, (a) => seen.push(a), controller.signal);
    switcher(doc).setAttribute('data-channel', 'internal');
    await expect.poll(() => seen).toEqual(['internal']);
    switcher(doc).setAttribute('data-channel', 'web');
    await expect.poll(() => seen).toEqual(['internal', 'customer']);
    controller.abort();
    switcher(doc).setAttribute('data-channel', 'internal');
    await Promise.resolve();
    expect(seen).toEqual(['internal', 'customer']);
  });
});
