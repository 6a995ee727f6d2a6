// Freshdesk. Almost nothing current about its agent UI is evidenced in public code
// (../shared/helpdesk-evidence/README.md): the one dated finding is the 2019 "Mint" conversation items,
// [data-album] .ticket-details__item (roelvanduijnhoven/freshdesk-mint-navigator). So this adapter keeps
// only that: it scopes the thread to those items and reads who wrote each with the generic heuristics.
// Composers, channel, requester, agent and send buttons are the generic adapter's guesses; no Froala,
// requester or agent selector is claimed here without evidence.
import { type DatedSelector, queryAllFirst } from './dom';
import { genericAdapter, latestCustomerAmong } from './generic';
import type { CustomerMessage, SiteAdapter } from './types';

const MINT =
  'https://github.com/roelvanduijnhoven/freshdesk-mint-navigator/blob/8ed9393e2256d81074fe269e34c8fa3f012655aa/snipplet.js';

/** The only evidenced Freshdesk selector, with its source and date. */
export const FRESHDESK_SELECTORS = {
  item: [{ selector: '[data-album] .ticket-details__item', seen: '2019-03-07', source: MINT }],
} satisfies Record<string, readonly DatedSelector[]>;

/** The conversation's items, each the [data-album] wrapper whose markers say who wrote it. */
export function freshdeskItems(doc: Document): Element[] {
  return queryAllFirst(doc, FRESHDESK_SELECTORS.item).map((item) => item.closest('[data-album]') ?? item);
}

export function isFreshdesk(doc: Document, win: Window): boolean {
  return /(^|\.)freshdesk\.com$/i.test(win.location.hostname) || freshdeskItems(doc).length > 0;
}

export const freshdeskAdapter: SiteAdapter = {
  id: 'freshdesk',
  name: 'Freshdesk',
  selectors: FRESHDESK_SELECTORS,
  healthKeys: ['item'],
  matches: ['*://*.freshdesk.com/*'],
  detect: (doc, win) => isFreshdesk(doc, win),
  classifyComposer: (el, doc) => genericAdapter.classifyComposer(el, doc),
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
  ticketContext: (doc, win) => genericAdapter.ticketContext(doc, win),
};

export default freshdeskAdapter;
