// Adapter for Attune's own demo helpdesk (demo/helpdesk). Selectors are named constants (see dom.ts);
// the demo's markup is ours, so there is one dated generation so far.
import { type DatedSelector, queryAllFirst, queryFirst, readableText } from './dom';
import type { ComposerClassification, CustomerMessage, SiteAdapter, TicketContext } from './types';

const seen = '2026-11-23';
const source = 'demo/helpdesk (our own markup)';
/** Selectors for the demo's markup, newest first (see dom.ts). */
export const ATTUNE_DEMO_SELECTORS = {
  marker: [{ selector: 'meta[name="generator"][content="attune-demo-helpdesk"]', seen, source }],
  ticket: [{ selector: 'section.ticket[data-ticket-id]', seen, source }],
  composerForm: [{ selector: 'form.composer[data-audience]', seen, source }],
  customerMessage: [{ selector: 'article.message[data-author-role="customer"]', seen, source }],
  messageBody: [{ selector: '.message__body', seen, source }],
  agent: [{ selector: '.current-agent[data-agent-name]', seen, source }],
  requester: [{ selector: '.ticket__requester', seen, source }],
  sendButton: [{ selector: '[data-action="send"]', seen, source }],
} satisfies Record<string, DatedSelector[]>;

function ticketRoot(doc: Document): HTMLElement | null {
  return queryFirst<HTMLElement>(doc, ATTUNE_DEMO_SELECTORS.ticket);
}

function closestAny(el: Element, selectors: readonly DatedSelector[]): Element | null {
  for (const { selector } of selectors) {
    const found = el.closest(selector);
    if (found) return found;
  }
  return null;
}

export const attuneDemoAdapter: SiteAdapter = {
  id: 'attune-demo',
  name: 'Attune demo helpdesk',
  selectors: ATTUNE_DEMO_SELECTORS,
  healthKeys: ['ticket', 'composerForm'],
  // Served on 127.0.0.1/localhost, which the default content-script matches already cover.
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  detect(doc) {
    return queryFirst(doc, ATTUNE_DEMO_SELECTORS.marker) !== null;
  },
  classifyComposer(el): ComposerClassification | null {
    const form = closestAny(el, ATTUNE_DEMO_SELECTORS.composerForm);
    if (!form) return null;
    const audience = form.getAttribute('data-audience') === 'internal' ? 'internal' : 'customer';
    return { audience, editor: el instanceof HTMLTextAreaElement ? 'textarea' : 'contenteditable' };
  },
  async latestCustomerMessage(doc): Promise<CustomerMessage | null> {
    const all = queryAllFirst<HTMLElement>(doc, ATTUNE_DEMO_SELECTORS.customerMessage);
    const last = all[all.length - 1];
    if (!last) return null;
    const body = queryFirst<HTMLElement>(last, ATTUNE_DEMO_SELECTORS.messageBody) ?? last;
    const text = readableText(body);
    if (!text) return null;
    const at = last.querySelector('time')?.getAttribute('datetime') ?? undefined;
    return { text, author: last.getAttribute('data-author') ?? undefined, at, element: last };
  },
  ticketContext(doc, win): TicketContext {
    const root = ticketRoot(doc);
    const channel = root?.getAttribute('data-channel');
    return {
      ticketId: root?.getAttribute('data-ticket-id') ?? null,
      channel: channel === 'chat' || channel === 'email' ? channel : null,
      requesterName: queryFirst(doc, ATTUNE_DEMO_SELECTORS.requester)?.textContent?.trim() || null,
      agent: queryFirst(doc, ATTUNE_DEMO_SELECTORS.agent)?.getAttribute('data-agent-name') ?? null,
      url: root ? win.location.href : null,
    };
  },
  sendButtons(composer) {
    const form = closestAny(composer, ATTUNE_DEMO_SELECTORS.composerForm);
    return form ? queryAllFirst(form, ATTUNE_DEMO_SELECTORS.sendButton) : [];
  },
};

export default attuneDemoAdapter;
