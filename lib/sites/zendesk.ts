// Zendesk Support, Agent Workspace. Several tickets stay open as hidden panes, each under
// [data-ticket-id]; the conversation log is a list of <article data-test-id="omni-log-comment-item">, whose
// message <div data-test-id="omni-log-item-message"> carries type="end-user" | "agent" | "internal".
// The composer's channel switcher button names the current channel in its aria-label ("Public reply",
// "Email", "Chat", "Internal note"): internal notes get no empathy nudges.
// When none of this markup is found (a new Zendesk UI), the generic heuristics take over.
import { type DatedSelector, memoForPage, normalizeText, queryAllFirst, queryFirst, readableText } from './dom';
import { genericAdapter } from './generic';
import type { ComposerClassification, CustomerMessage, SiteAdapter, TicketContext } from './types';

/** Selectors, newest first. Dated by when they were last seen in public Zendesk userscripts and tests. */
export const ZENDESK_SELECTORS = {
  logItem: [
    { selector: 'article[data-test-id="omni-log-comment-item"]', seen: '2025-11-01' }, // Agent Workspace
    { selector: '[data-test-id="omni-log-container"] article', seen: '2025-11-01' },
  ],
  message: [{ selector: '[data-test-id="omni-log-item-message"]', seen: '2025-11-01' }],
  internalNoteTag: '[data-test-id="omni-log-internal-note-tag"]',
  content: [
    { selector: '[data-test-id="omni-log-message-content"]', seen: '2025-11-01' },
    { selector: '[data-test-id="omni-log-item-message"]', seen: '2025-11-01' },
  ],
  sender: [
    { selector: '[data-test-id="omni-log-item-sender"]', seen: '2025-11-01' },
    { selector: '[data-test-id="omni-log-comment-user-link"]', seen: '2025-11-01' },
  ],
  timestamp: [{ selector: 'time[data-test-id^="timestamp-"][datetime]', seen: '2025-11-01' }],
  composer: [
    { selector: '[data-test-id="omnicomposer-rich-text-ckeditor"]', seen: '2025-11-01' }, // CKEditor 5 editable
    { selector: '[data-test-id="omnicomposer-plain-text-ckeditor"]', seen: '2025-11-01' },
    { selector: '[data-test-id="ticket-rich-text-editor"] [contenteditable="true"]', seen: '2024-06-01' },
  ],
  channelSwitcher: [{ selector: '[data-test-id="omnichannel-channel-switcher-button"]', seen: '2025-11-01' }],
  requester: [{ selector: '[data-test-id="ticket-system-field-requester-select"]', seen: '2025-06-01' }],
  submit: [{ selector: '[data-test-id="submit_button-button"]', seen: '2025-06-01' }],
  pane: '[data-ticket-id]',
} satisfies Record<string, readonly DatedSelector[] | string>;

/** Channel names (en, sv, nb, da, fi) that mean "only colleagues read this". */
const INTERNAL_CHANNEL = /internal|intern|private|privat|note|notat|anteckning|sisäinen|muistiinpano/i;
const CHAT_CHANNEL = /chat|messaging|whatsapp|messenger|sms|meddelande|viesti/i;

function ticketIdFromLocation(win: Window): string | null {
  return /\/agent\/tickets\/(\d+)/.exec(win.location.pathname)?.[1] ?? null;
}

/** The visible ticket's pane: hidden panes of other open tickets stay in the DOM. */
function ticketPane(doc: Document, win: Window): ParentNode {
  const id = ticketIdFromLocation(win);
  if (id) {
    const pane = doc.querySelector(`${ZENDESK_SELECTORS.pane}[data-ticket-id="${id}"]`);
    if (pane) return pane;
  }
  return doc;
}

function channelLabel(scope: ParentNode): string {
  const button = queryFirst(scope, ZENDESK_SELECTORS.channelSwitcher);
  return normalizeText(button?.getAttribute('aria-label') || button?.textContent || '');
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
    const message = queryFirst(item, ZENDESK_SELECTORS.message);
    // Zendesk keeps collapsed copies with aria-hidden; they repeat a visible message.
    if (!message || message.getAttribute('aria-hidden') === 'true') continue;
    const rawType = message.getAttribute('type');
    const type: ZendeskLogEntry['type'] = item.querySelector(ZENDESK_SELECTORS.internalNoteTag)
      ? 'internal'
      : rawType === 'end-user' || rawType === 'agent' || rawType === 'internal'
        ? rawType
        : 'unknown';
    const content = queryFirst(item, ZENDESK_SELECTORS.content) ?? message;
    const text = readableText(content, (el) => el.matches('button, [data-test-id$="-indicator"], .signature'));
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

export const zendeskAdapter: SiteAdapter = {
  id: 'zendesk',
  name: 'Zendesk',
  matches: ['*://*.zendesk.com/*'],
  detect: (doc, win) => isZendesk(doc, win),
  classifyComposer(el, doc): ComposerClassification | null {
    const isComposer = ZENDESK_SELECTORS.composer.some(({ selector }) => el.matches(selector) || el.closest(selector));
    if (!isComposer) return genericAdapter.classifyComposer(el, doc);
    const pane = el.closest(ZENDESK_SELECTORS.pane) ?? doc;
    const internal = INTERNAL_CHANNEL.test(channelLabel(pane));
    return { audience: internal ? 'internal' : 'customer', editor: 'contenteditable' };
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
    const requesterField = normalizeText(queryFirst(pane, ZENDESK_SELECTORS.requester)?.textContent ?? '');
    const requester =
      requesterField ||
      memoForPage(doc, win.location.href, 'zendesk:requester', () => latestEndUserEntry(zendeskLog(pane))?.author) ||
      null;
    const label = channelLabel(pane);
    return {
      ticketId: ticketIdFromLocation(win),
      channel: label ? (CHAT_CHANNEL.test(label) ? 'chat' : 'email') : null,
      requesterName: requester,
      agent: null,
      url: win.location.href,
    };
  },
  sendButtons(composer, doc) {
    const pane = composer.closest(ZENDESK_SELECTORS.pane) ?? doc;
    return queryAllFirst(pane, ZENDESK_SELECTORS.submit);
  },
  watchAudience(composer, doc, onChange, signal) {
    const pane = composer.closest(ZENDESK_SELECTORS.pane) ?? doc;
    const button = queryFirst(pane, ZENDESK_SELECTORS.channelSwitcher);
    if (!button) return;
    let last = INTERNAL_CHANNEL.test(channelLabel(pane));
    // The switcher re-labels itself (aria-label / text) when the agent picks another channel.
    const observer = new MutationObserver(() => {
      const internal = INTERNAL_CHANNEL.test(channelLabel(pane));
      if (internal === last) return;
      last = internal;
      onChange(internal ? 'internal' : 'customer');
    });
    observer.observe(button, {
      attributes: true,
      attributeFilter: ['aria-label'],
      childList: true,
      subtree: true,
      characterData: true,
    });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  },
};

export default zendeskAdapter;
