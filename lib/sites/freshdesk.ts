// Freshdesk (the Ember "Mint" agent UI). Its conversation is a list of items marked [data-album] with a
// .ticket-details__item inside; the reply and note editors are Froala (.fr-element). Who wrote an item is
// read with the generic role heuristics (incoming/outgoing, customer/agent, private note markers), scoped
// to the conversation so sidebars and the ticket list don't count. Unknown markup degrades to generic.
import { type DatedSelector, memoForPage, queryFirst } from './dom';
import { classifyGenericComposer, genericAdapter, latestCustomerAmong } from './generic';
import type { ComposerClassification, CustomerMessage, SiteAdapter, TicketContext } from './types';

/** Selectors, newest first, with the date each was last seen (public userscripts; our saved structure). */
export const FRESHDESK_SELECTORS = {
  conversation: [
    { selector: '.ticket-conversation', seen: '2025-06-01' },
    { selector: '[data-test-id="ticket-conversation"]', seen: '2025-06-01' },
    { selector: '.ticket-details', seen: '2019-07-01' },
  ],
  item: '[data-album]', // seen 2019-07-01 (freshdesk-mint-navigator), still in our 2026-11-23 structure
  editor: [
    { selector: '.fr-element.fr-view[contenteditable="true"]', seen: '2025-06-01' }, // Froala
    { selector: '.redactor-editor[contenteditable="true"]', seen: '2018-01-01' }, // pre-Mint UI
  ],
  requester: [{ selector: '.requester-info .requester-name, [data-test-id="requester-name"]', seen: '2025-06-01' }],
  agent: [{ selector: '[data-test-id="current-agent-name"], .agent-profile .agent-name', seen: '2025-06-01' }],
  sendButton: [
    { selector: 'button[data-test-id="send-reply"], .reply-editor button[type="submit"]', seen: '2025-06-01' },
  ],
} satisfies Record<string, readonly DatedSelector[] | string>;

function ticketIdOf(win: Window): string | null {
  return /\/a\/tickets\/(\d+)/.exec(win.location.pathname)?.[1] ?? null;
}

function conversationRoot(doc: Document): Element | null {
  return queryFirst(doc, FRESHDESK_SELECTORS.conversation);
}

/** The conversation's items (the ticket description first); their authors are read with the generic heuristics. */
export function freshdeskItems(doc: Document): Element[] {
  const root = conversationRoot(doc);
  return root ? [...root.querySelectorAll(FRESHDESK_SELECTORS.item)] : [];
}

export function isFreshdesk(doc: Document, win: Window): boolean {
  if (/(^|\.)freshdesk\.com$/i.test(win.location.hostname)) return true;
  const root = conversationRoot(doc);
  return Boolean(root?.querySelector(FRESHDESK_SELECTORS.item));
}

export const freshdeskAdapter: SiteAdapter = {
  id: 'freshdesk',
  name: 'Freshdesk',
  matches: ['*://*.freshdesk.com/*'],
  detect: (doc, win) => isFreshdesk(doc, win),
  classifyComposer(el, doc): ComposerClassification | null {
    const generic = classifyGenericComposer(el);
    if (!generic) return null;
    const froala = FRESHDESK_SELECTORS.editor.some(({ selector }) => el.matches(selector));
    return froala ? { ...generic, editor: 'contenteditable' } : (genericAdapter.classifyComposer(el, doc) ?? generic);
  },
  async latestCustomerMessage(doc, win, signal): Promise<CustomerMessage | null> {
    const items = freshdeskItems(doc);
    if (items.length === 0) return genericAdapter.latestCustomerMessage(doc, win, signal);
    const { block } = latestCustomerAmong(items);
    if (!block) return null;
    return {
      text: block.text,
      ...(block.author ? { author: block.author } : {}),
      ...(block.at ? { at: block.at } : {}),
      element: block.el,
    };
  },
  ticketContext(doc, win): TicketContext {
    const requester =
      queryFirst(doc, FRESHDESK_SELECTORS.requester)?.textContent?.trim() ||
      memoForPage(
        doc,
        win.location.href,
        'freshdesk:requester',
        () => latestCustomerAmong(freshdeskItems(doc)).block?.author,
      ) ||
      null;
    const source = doc.querySelector('[data-ticket-source]')?.getAttribute('data-ticket-source') ?? '';
    return {
      ticketId: ticketIdOf(win),
      channel: /chat|messenger|whatsapp/i.test(source) ? 'chat' : source ? 'email' : null,
      requesterName: requester,
      agent: queryFirst(doc, FRESHDESK_SELECTORS.agent)?.textContent?.trim() || null,
      url: win.location.href,
    };
  },
  sendButtons(composer, doc) {
    const scope = composer.closest('form, .reply-editor, .note-editor') ?? doc;
    const found = queryFirst(scope, FRESHDESK_SELECTORS.sendButton);
    return found ? [found] : [];
  },
};

export default freshdeskAdapter;
