// Gmail used as a shared support inbox. A thread is a list of messages (div.adn) with the sender in
// span.gD[email] and the body in div.a3s; the customer is whoever wrote from an address that is not the
// signed-in account's (which Gmail prints in the document title). Gmail's class names are generated but have
// been stable for years; public extensions and tests address the same ones. Gmail has no internal notes.
import { type DatedSelector, memoForPage, normalizeText, queryAllFirst, queryFirst, readableText } from './dom';
import { genericAdapter } from './generic';
import type { ComposerClassification, CustomerMessage, SiteAdapter, TicketContext } from './types';

/** Selectors, newest first, with the date each was last seen in public Gmail extensions and tests. */
export const GMAIL_SELECTORS = {
  message: [
    { selector: 'div[role="main"] div.adn', seen: '2025-10-01' }, // expanded message
    { selector: 'div[role="main"] div.gs', seen: '2025-10-01' },
  ],
  sender: [
    { selector: 'span.gD[email]', seen: '2025-10-01' },
    { selector: 'h3 span[email]', seen: '2025-10-01' },
  ],
  body: [
    { selector: 'div.a3s.aiL', seen: '2025-10-01' },
    { selector: 'div.a3s', seen: '2025-10-01' },
  ],
  /** Quoted history and signatures inside a body: not the customer's new words. */
  quoted: '.gmail_quote, blockquote, .gmail_signature, .adL, .yj6qo',
  date: [{ selector: 'span.g3[title]', seen: '2025-10-01' }],
  subject: [{ selector: 'h2.hP', seen: '2025-10-01' }],
  composer: [
    { selector: 'div[role="textbox"][g_editable="true"]', seen: '2025-10-01' },
    { selector: 'div.Am.Al.editable[contenteditable="true"]', seen: '2024-01-01' },
  ],
  composeWindow: '[role="dialog"], .M9, td.I5, .aO9',
  send: [{ selector: 'div.T-I.aoO[role="button"]', seen: '2025-10-01' }],
} satisfies Record<string, readonly DatedSelector[] | string>;

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;

/** The signed-in account, from the title Gmail keeps ("Inbox (3) - me@example.com - Gmail"). */
export function gmailAccount(doc: Document): string | null {
  return EMAIL.exec(doc.title)?.[0]?.toLowerCase() ?? null;
}

export interface GmailMessage {
  el: Element;
  email: string | null;
  name: string | null;
  text: string;
  at?: string;
}

export function gmailMessages(doc: Document): GmailMessage[] {
  const out: GmailMessage[] = [];
  for (const el of queryAllFirst(doc, GMAIL_SELECTORS.message)) {
    const body = queryFirst(el, GMAIL_SELECTORS.body);
    if (!body) continue; // collapsed message: no body rendered
    const text = readableText(body, (d) => d.matches(GMAIL_SELECTORS.quoted));
    if (!text) continue;
    const sender = queryFirst(el, GMAIL_SELECTORS.sender);
    const title = queryFirst(el, GMAIL_SELECTORS.date)?.getAttribute('title');
    const ms = title ? Date.parse(title.replace(/\s+at\s+/, ' ')) : Number.NaN;
    out.push({
      el,
      email: sender?.getAttribute('email')?.toLowerCase() ?? null,
      name: sender?.getAttribute('name') || normalizeText(sender?.textContent ?? '') || null,
      text,
      ...(Number.isFinite(ms) ? { at: new Date(ms).toISOString() } : {}),
    });
  }
  return out;
}

/** The last message in the thread from someone other than the signed-in account. */
export function latestFromCustomer(messages: readonly GmailMessage[], account: string | null): GmailMessage | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m?.email && m.email !== account) return m;
  }
  return null;
}

function threadId(win: Window): string | null {
  // #inbox/FMfcgzQXJWbc..., #label/Support/FMfcgz..., #search/x/FMfcgz...
  const last = win.location.hash.split('/').pop() ?? '';
  return /^[A-Za-z0-9]{16,}$/.test(last) ? last : null;
}

export const gmailAdapter: SiteAdapter = {
  id: 'gmail',
  name: 'Gmail',
  matches: ['*://mail.google.com/*'],
  detect: (_doc, win) => win.location.hostname === 'mail.google.com',
  classifyComposer(el, doc): ComposerClassification | null {
    const isCompose = GMAIL_SELECTORS.composer.some(({ selector }) => el.matches(selector));
    if (isCompose) return { audience: 'customer', editor: 'contenteditable' };
    return genericAdapter.classifyComposer(el, doc);
  },
  async latestCustomerMessage(doc): Promise<CustomerMessage | null> {
    // Not on a thread (inbox list, settings): nothing the customer wrote is on screen, so null.
    const latest = latestFromCustomer(gmailMessages(doc), gmailAccount(doc));
    if (!latest) return null;
    return {
      text: latest.text,
      ...(latest.name ? { author: latest.name } : {}),
      ...(latest.at ? { at: latest.at } : {}),
      element: latest.el,
    };
  },
  ticketContext(doc, win): TicketContext {
    const href = win.location.href;
    const requester = memoForPage(doc, href, 'gmail:requester', () => {
      const m = latestFromCustomer(gmailMessages(doc), gmailAccount(doc));
      return m?.name ?? m?.email ?? null;
    });
    return {
      ticketId: threadId(win),
      channel: 'email',
      requesterName: requester,
      agent: gmailAccount(doc),
      url: href,
    };
  },
  sendButtons(composer, doc) {
    const win = composer.closest(GMAIL_SELECTORS.composeWindow) ?? doc;
    const send = queryFirst(win, GMAIL_SELECTORS.send);
    return send ? [send] : [];
  },
};

export default gmailAdapter;
