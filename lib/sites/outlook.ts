// Outlook on the web (outlook.office.com, outlook.live.com). Public code agrees on one stable hook only: the
// compose body is div[role="textbox"][aria-label="Message body"], contenteditable (the editor is roosterjs);
// class names are hashed and changed between 2021 and 2022 (evicypher-webmail), so none are used here
// (../shared/helpdesk-evidence/evidence.json). Nothing reliable marks the thread, so the customer's message,
// requester and agent come from the generic heuristics; Outlook has no internal notes and is email.
import { type DatedSelector, matchesAny } from './dom';
import { classifyGenericComposer, genericAdapter } from './generic';
import type { ComposerClassification, SiteAdapter, TicketContext } from './types';

const UNATTRIBUTED = 'unattributed Outlook content scripts, 2025-26 by content (helpdesk-evidence/evidence.json)';
/** The source is undated: the day the evidence was gathered. */
const GATHERED = '2026-12-07';

/** The one evidenced selector. aria-label is localised ("Message body" in English). */
export const OUTLOOK_SELECTORS = {
  composer: [
    {
      selector: 'div[role="textbox"][aria-label="Message body"][contenteditable="true"]',
      seen: GATHERED,
      source: UNATTRIBUTED,
    },
  ],
} satisfies Record<string, readonly DatedSelector[]>;

const HOSTS = /^outlook\.(office|office365|live)\.com$/i;

export const outlookAdapter: SiteAdapter = {
  id: 'outlook',
  name: 'Outlook on the web',
  selectors: OUTLOOK_SELECTORS,
  healthKeys: ['composer'],
  matches: ['*://outlook.office.com/*', '*://outlook.office365.com/*', '*://outlook.live.com/*'],
  detect: (_doc, win) => HOSTS.test(win.location.hostname),
  classifyComposer(el, doc): ComposerClassification | null {
    if (!matchesAny(el, OUTLOOK_SELECTORS.composer)) return genericAdapter.classifyComposer(el, doc);
    return classifyGenericComposer(el) ? { audience: 'customer', editor: 'roosterjs' } : null;
  },
  latestCustomerMessage: (doc, win, signal) => genericAdapter.latestCustomerMessage(doc, win, signal),
  ticketContext(doc, win): TicketContext {
    return { ...genericAdapter.ticketContext(doc, win), ticketId: null, channel: 'email' };
  },
};

export default outlookAdapter;
