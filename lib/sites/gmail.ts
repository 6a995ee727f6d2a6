// Gmail used as a shared support inbox. A thread is a list of messages (div.adn) with the sender in
// span.gD[email] and the body in div.a3s; the customer is whoever wrote from an address that is not the
// signed-in account's (which Gmail prints in the document title: UNEVIDENCED, gmail.js reads the account from
// page data an isolated content script cannot see). The class names are generated but gmail.js (2026) and
// evicypher-webmail (2021) address the same ones (../shared/helpdesk-evidence). Gmail has no internal notes.
import {
  closestFirst,
  type DatedSelector,
  matchesAny,
  memoForPage,
  normalizeText,
  queryAllFirst,
  queryFirst,
  readableText,
} from './dom';
import { genericAdapter } from './generic';
import type { ComposerClassification, CustomerMessage, SiteAdapter, TicketContext } from './types';

const GMAILJS = 'https://github.com/KartikTalwar/gmail.js/blob/b7dfdabc19060721426e93dba85b3f6b6d60a211/src/gmail.js';
const EVICYPHER = 'https://github.com/Freemindtronic/evicypher-webmail/blob/0e188e4/src/content-scripts/gmail.ts';
const UNATTRIBUTED = 'unattributed public Gmail extension or userscript (helpdesk-evidence/evidence.json)';
const UNVERIFIED = 'UNVERIFIED: no public evidence found (Attune hand-written structure, 2026-11-23)';
/** The day the evidence was gathered: the date for sources that carry none. */
const GATHERED = '2026-12-07';

/** Selectors, newest first, each with its source and date. */
export const GMAIL_SELECTORS = {
  message: [
    { selector: 'div.adn[data-message-id]', seen: '2026-03-25', source: GMAILJS },
    { selector: 'div.adn[data-legacy-message-id]', seen: '2026-03-25', source: GMAILJS },
    { selector: 'div[role="main"] div.adn', seen: '2026-03-25', source: GMAILJS },
  ],
  sender: [{ selector: 'span.gD[email]', seen: '2026-03-25', source: GMAILJS }],
  body: [
    { selector: 'div.a3s.aiL', seen: '2021-11-05', source: EVICYPHER },
    { selector: 'div.a3s', seen: '2026-03-25', source: GMAILJS },
  ],
  /** Quoted history and signatures inside a body: not the customer's new words (Gmail's own class names). */
  quoted: [
    { selector: '.gmail_quote, blockquote, .gmail_signature, .adL, .yj6qo', seen: '2026-11-23', source: UNVERIFIED },
  ],
  date: [{ selector: 'span.g3[title]', seen: '2026-03-25', source: GMAILJS }],
  subject: [{ selector: 'h2.hP', seen: '2026-03-25', source: GMAILJS }],
  composer: [
    { selector: 'div.M9 div[contenteditable="true"]:not([id="subject"])', seen: '2026-03-25', source: GMAILJS },
    {
      selector: 'div[role="textbox"][aria-label="Message Body"][contenteditable="true"]',
      seen: GATHERED,
      source: UNATTRIBUTED,
    },
    { selector: 'div[contenteditable="true"][g_editable="true"]', seen: GATHERED, source: UNATTRIBUTED },
    { selector: '.iN [contenteditable]', seen: '2021-11-05', source: EVICYPHER },
  ],
  composeWindow: [
    { selector: 'div.M9', seen: '2026-03-25', source: GMAILJS },
    { selector: '.iN', seen: '2021-11-05', source: EVICYPHER },
    { selector: '[role="dialog"]', seen: '2026-11-23', source: UNVERIFIED },
  ],
  send: [{ selector: '.T-I.J-J5-Ji.aoO.v7.T-I-atl.L3', seen: '2021-11-05', source: EVICYPHER }],
} satisfies Record<string, readonly DatedSelector[]>;

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
    const text = readableText(body, (d) => matchesAny(d, GMAIL_SELECTORS.quoted));
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
  selectors: GMAIL_SELECTORS,
  healthKeys: ['message', 'composer'],
  matches: ['*://mail.google.com/*'],
  detect: (_doc, win) => win.location.hostname === 'mail.google.com',
  classifyComposer(el, doc): ComposerClassification | null {
    const isCompose = matchesAny(el, GMAIL_SELECTORS.composer);
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
    const win = closestFirst(composer, GMAIL_SELECTORS.composeWindow) ?? doc;
    const send = queryFirst(win, GMAIL_SELECTORS.send);
    return send ? [send] : [];
  },
};

export default gmailAdapter;
