// Zendesk Support, Agent Workspace. Built from public code that runs against live Zendesk
// (../shared/helpdesk-evidence/evidence.json), best source holatuwol/liferay-zendesk-userscript (2025-08-22):
// - several tickets stay open as hidden panes; a pane is div[data-side-conversations-anchor-id="<id>"] in the
//   best source and [data-ticket-id="<id>"] in other scripts: both are tried;
// - the log is <article> items in [data-test-id="omni-log-container"]; the message div
//   [data-test-id="omni-log-item-message"] carries type="end-user" | "agent" (collapsed aria-hidden copies
//   repeat a visible one); internal notes carry [data-test-id="omni-log-internal-note-tag"];
// - the composer is a CKEditor 5 editable; the channel switcher button carries data-channel (not localised;
//   "web" seen for a public reply), its label is the fallback;
// - no public evidence names the signed-in agent, the requester field or the submit button: the requester is
//   the author of the latest end-user message; the two unverified selectors below say so.
// When none of this markup is found (a new Zendesk UI), the generic heuristics take over.
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
import type { Audience, ComposerClassification, CustomerMessage, SiteAdapter, TicketContext } from './types';

const HOLA = 'https://github.com/holatuwol/liferay-zendesk-userscript/blob/90ee874fd5776197029d8eee0e7a48a7626b0fee';
const ALT = 'joaoaguiar264/Automacoes-ALT "Zendesk - ALT Copilot.user.js" (undated userscript)';
const UNATTRIBUTED = 'unattributed public Zendesk extension or userscript (helpdesk-evidence/evidence.json)';
const UNVERIFIED = 'UNVERIFIED: no public evidence found (Attune hand-written structure, 2026-11-23)';
/** The day the evidence was gathered: the date for sources that carry none. */
const GATHERED = '2026-12-07';

/** Selectors, newest first, each with its source and date. */
export const ZENDESK_SELECTORS = {
  pane: [
    { selector: 'div[data-side-conversations-anchor-id]', seen: '2025-08-22', source: `${HOLA}/src/main.ts` },
    { selector: '[data-ticket-id]', seen: GATHERED, source: UNATTRIBUTED },
  ],
  logItem: [
    { selector: '[data-test-id="omni-log-container"] article', seen: '2025-08-22', source: `${HOLA}/src/permalink.ts` },
    { selector: 'article[data-test-id="omni-log-comment-item"]', seen: GATHERED, source: UNATTRIBUTED },
  ],
  message: [{ selector: 'div[data-test-id="omni-log-item-message"]', seen: GATHERED, source: UNATTRIBUTED }],
  internalNoteTag: [
    {
      selector: 'div[data-test-id="omni-log-internal-note-tag"]',
      seen: '2025-08-22',
      source: `${HOLA}/src/internal.ts`,
    },
  ],
  sender: [
    { selector: 'div[data-test-id="omni-log-item-sender"]', seen: '2025-08-22', source: `${HOLA}/src/attachments.ts` },
    { selector: '[data-test-id="omni-log-comment-user-link"]', seen: GATHERED, source: UNATTRIBUTED },
  ],
  timestamp: [{ selector: 'time[datetime]', seen: '2025-08-22', source: `${HOLA}/src/permalink.ts` }],
  composer: [
    {
      selector: 'div[data-test-id="omnicomposer-rich-text-ckeditor"]',
      seen: '2025-08-22',
      source: `${HOLA}/src/reply.ts`,
    },
    {
      selector: '[data-test-id="omnicomposer-plain-text-ckeditor"][contenteditable="true"]',
      seen: GATHERED,
      source: ALT,
    },
    {
      selector: 'div[data-test-id="editor-view"] div[data-test-id="ticket-rich-text-editor"] [contenteditable="true"]',
      seen: '2025-08-22',
      source: `${HOLA}/src/reply.ts`,
    },
    // Zendesk's own editor before Agent Workspace; still referenced as legacy by the best source.
    {
      selector: '.zendesk-editor--rich-text-container .zendesk-editor--rich-text-comment',
      seen: '2020-03-26',
      source: `${HOLA}/src/reply.ts`,
    },
  ],
  channelSwitcher: [
    {
      selector: 'div[data-test-id="editor-view"] button[data-test-id="omnichannel-channel-switcher-button"]',
      seen: '2025-08-22',
      source: `${HOLA}/src/internal.ts`,
    },
    {
      selector: 'button[data-test-id="omnichannel-channel-switcher-button"]',
      seen: '2025-08-22',
      source: `${HOLA}/src/internal.ts`,
    },
  ],
  selectedTicketTab: [
    {
      selector: 'a[data-test-id="header-tab"][data-entity-type="TICKET_ENTITY_TYPE"][data-entity-is-selected="true"]',
      seen: GATHERED,
      source: ALT,
    },
  ],
  requester: [
    { selector: '[data-test-id="ticket-system-field-requester-select"]', seen: '2026-11-23', source: UNVERIFIED },
  ],
  submit: [{ selector: '[data-test-id="submit_button-button"]', seen: '2026-11-23', source: UNVERIFIED }],
} satisfies Record<string, readonly DatedSelector[]>;

/** Channel names (en, sv, nb, da, fi) in the switcher's label that mean "only colleagues read this". */
const INTERNAL_LABEL = /internal|intern|private|privat|note|notat|anteckning|sisäinen|muistiinpano/i;
const CHAT = /chat|messaging|whatsapp|messenger|sms|meddelande|viesti|native_messaging|instagram|line|wechat/i;

export function zendeskTicketId(win: Window, doc?: Document): string | null {
  const fromUrl = /\/agent\/tickets\/(\d+)/.exec(win.location.pathname)?.[1];
  if (fromUrl) return fromUrl;
  const tab = doc ? queryFirst(doc, ZENDESK_SELECTORS.selectedTicketTab) : null;
  return /\/tickets\/(\d+)/.exec(tab?.getAttribute('href') ?? '')?.[1] ?? null;
}

/** The visible ticket's pane: hidden panes of other open tickets stay in the DOM. */
export function ticketPane(doc: Document, win: Window): ParentNode {
  const id = zendeskTicketId(win, doc);
  if (id) {
    for (const { selector } of ZENDESK_SELECTORS.pane) {
      const attr = /\[([\w-]+)\]$/.exec(selector)?.[1];
      if (!attr) continue;
      for (const pane of doc.querySelectorAll(selector)) if (pane.getAttribute(attr) === id) return pane;
    }
  }
  return doc;
}

export interface ZendeskChannel {
  audience: Audience;
  channel: 'email' | 'chat' | null;
  /** Where it was read: the switcher's data-channel (language-independent) or its label. */
  from: 'data-channel' | 'label' | null;
}

/** The composer's channel: `data-channel` first (not localised), the switcher's label as the fallback. */
export function zendeskChannel(scope: ParentNode): ZendeskChannel {
  const button = queryFirst(scope, ZENDESK_SELECTORS.channelSwitcher);
  const data = button?.getAttribute('data-channel')?.toLowerCase();
  if (data) {
    if (/internal|private|note/.test(data)) return { audience: 'internal', channel: null, from: 'data-channel' };
    return { audience: 'customer', channel: CHAT.test(data) ? 'chat' : 'email', from: 'data-channel' };
  }
  const label = normalizeText(button?.getAttribute('aria-label') || button?.textContent || '');
  if (!label) return { audience: 'customer', channel: null, from: null };
  if (INTERNAL_LABEL.test(label)) return { audience: 'internal', channel: null, from: 'label' };
  return { audience: 'customer', channel: CHAT.test(label) ? 'chat' : 'email', from: 'label' };
}

export function isZendesk(doc: Document, win: Window): boolean {
  if (/(^|\.)zendesk\.com$/i.test(win.location.hostname)) return true;
  return queryFirst(doc, ZENDESK_SELECTORS.logItem) !== null || queryFirst(doc, ZENDESK_SELECTORS.composer) !== null;
}

export interface ZendeskLogEntry {
  el: Element;
  type: 'end-user' | 'agent' | 'internal' | 'unknown';
  text: string;
  author?: string;
  at?: string;
}

export function zendeskLog(scope: ParentNode): ZendeskLogEntry[] {
  const out: ZendeskLogEntry[] = [];
  for (const item of queryAllFirst(scope, ZENDESK_SELECTORS.logItem)) {
    // Zendesk keeps collapsed copies with aria-hidden; they repeat a visible message.
    const message = queryAllFirst(item, ZENDESK_SELECTORS.message).find(
      (m) => m.getAttribute('aria-hidden') !== 'true',
    );
    const rawType = message?.getAttribute('type');
    const type: ZendeskLogEntry['type'] = queryFirst(item, ZENDESK_SELECTORS.internalNoteTag)
      ? 'internal'
      : rawType === 'end-user' || rawType === 'agent'
        ? rawType
        : 'unknown';
    const text = readableText(message ?? item, (el) =>
      el.matches('button, time, [data-test-id="omni-log-item-sender"], [data-test-id="omni-log-internal-note-tag"]'),
    );
    if (!text) continue;
    const author = normalizeText(queryFirst(item, ZENDESK_SELECTORS.sender)?.textContent ?? '');
    const datetime = queryFirst(item, ZENDESK_SELECTORS.timestamp)?.getAttribute('datetime');
    const ms = datetime ? Date.parse(datetime) : Number.NaN;
    out.push({
      el: item,
      type,
      text,
      ...(author ? { author } : {}),
      ...(Number.isFinite(ms) ? { at: new Date(ms).toISOString() } : {}),
    });
  }
  return out;
}

/** Latest end-user entry: by timestamp when all have one, else the last in the log. */
export function latestEndUserEntry(entries: readonly ZendeskLogEntry[]): ZendeskLogEntry | null {
  const mine = entries.filter((e) => e.type === 'end-user');
  if (mine.length === 0) return null;
  if (mine.every((e) => e.at)) return mine.reduce((a, b) => ((b.at ?? '') >= (a.at ?? '') ? b : a));
  return mine[mine.length - 1] ?? null;
}

function paneOf(el: Element, doc: Document): ParentNode {
  return closestFirst(el, ZENDESK_SELECTORS.pane) ?? doc;
}

export const zendeskAdapter: SiteAdapter = {
  id: 'zendesk',
  name: 'Zendesk',
  selectors: ZENDESK_SELECTORS,
  healthKeys: ['logItem', 'composer'],
  matches: ['*://*.zendesk.com/*'],
  detect: (doc, win) => isZendesk(doc, win),
  classifyComposer(el, doc): ComposerClassification | null {
    const isComposer = ZENDESK_SELECTORS.composer.some(({ selector }) => el.matches(selector) || el.closest(selector));
    if (!isComposer) return genericAdapter.classifyComposer(el, doc);
    // The legacy editor is Zendesk's own contenteditable; Agent Workspace's is CKEditor 5.
    const legacy = matchesAny(el, ZENDESK_SELECTORS.composer.slice(-1));
    return { audience: zendeskChannel(paneOf(el, doc)).audience, editor: legacy ? 'contenteditable' : 'ckeditor5' };
  },
  async latestCustomerMessage(doc, win, signal): Promise<CustomerMessage | null> {
    const entries = zendeskLog(ticketPane(doc, win));
    if (entries.length === 0) return genericAdapter.latestCustomerMessage(doc, win, signal);
    const latest = latestEndUserEntry(entries);
    if (!latest) return null;
    return {
      text: latest.text,
      ...(latest.author ? { author: latest.author } : {}),
      ...(latest.at ? { at: latest.at } : {}),
      element: latest.el,
    };
  },
  ticketContext(doc, win): TicketContext {
    const pane = ticketPane(doc, win);
    const requester =
      memoForPage(doc, win.location.href, 'zendesk:requester', () => latestEndUserEntry(zendeskLog(pane))?.author) ||
      normalizeText(queryFirst(pane, ZENDESK_SELECTORS.requester)?.textContent ?? '') ||
      null;
    return {
      ticketId: zendeskTicketId(win, doc),
      channel: zendeskChannel(pane).channel,
      requesterName: requester,
      agent: null,
      url: win.location.href,
    };
  },
  sendButtons(composer, doc) {
    return queryAllFirst(paneOf(composer, doc), ZENDESK_SELECTORS.submit);
  },
  watchAudience(composer, doc, onChange, signal) {
    const pane = paneOf(composer, doc);
    const button = queryFirst(pane, ZENDESK_SELECTORS.channelSwitcher);
    if (!button) return;
    let last = zendeskChannel(pane).audience;
    // The switcher changes its data-channel and label when the agent picks another channel.
    const observer = new MutationObserver(() => {
      const now = zendeskChannel(pane).audience;
      if (now === last) return;
      last = now;
      onChange(now);
    });
    observer.observe(button, {
      attributes: true,
      attributeFilter: ['aria-label', 'data-channel'],
      childList: true,
      subtree: true,
      characterData: true,
    });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  },
};

export default zendeskAdapter;
