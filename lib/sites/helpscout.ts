// Help Scout. Built from public code (../shared/helpdesk-evidence/evidence.json): customer threads are
// <article class="thread customer" id="thread-<id>"> with the text in section.js-thread-content
// section.messageBody (trentslutzky/helpscout-thread-hider, 2023-06-20); the older reply editor is Redactor
// (.redactor_redactor.redactor_editor) with the send button #sendBtn (unattributed, undated). Which way the
// threads are listed is an agent setting, so the order is read from the page (times, thread ids, composer).
// Agent threads, notes, the channel, the requester and the agent are not evidenced: agent and note threads
// are simply "not .customer", the rest is left to the generic heuristics.
import { closestFirst, type DatedSelector, matchesAny, queryAllFirst, queryFirst, readableText } from './dom';
import { describeBlock, genericAdapter, newestFirst } from './generic';
import type { ComposerClassification, CustomerMessage, SiteAdapter, TicketContext } from './types';

const HIDER =
  'https://github.com/trentslutzky/helpscout-thread-hider/blob/fc8755fe0ad4698a74fcc945ae84103387e29d40/threadhider.js';
const UNATTRIBUTED = 'unattributed public Help Scout script (scrapeTicketData), undated, older Help Scout UI';
/** The day the evidence was gathered: the date for the undated source. */
const GATHERED = '2026-12-07';

/** Selectors, each with its source and date. */
export const HELPSCOUT_SELECTORS = {
  thread: [{ selector: 'article.thread', seen: '2023-06-20', source: HIDER }],
  customerThread: [{ selector: 'article.thread.customer', seen: '2023-06-20', source: HIDER }],
  body: [
    { selector: 'section.js-thread-content section.messageBody', seen: '2023-06-20', source: HIDER },
    { selector: 'section.messageBody', seen: '2023-06-20', source: HIDER },
  ],
  meta: [{ selector: 'section.threadHeader section.meta', seen: '2023-06-20', source: HIDER }],
  composer: [{ selector: '.redactor_redactor.redactor_editor', seen: GATHERED, source: UNATTRIBUTED }],
  send: [{ selector: '#sendBtn', seen: GATHERED, source: UNATTRIBUTED }],
} satisfies Record<string, readonly DatedSelector[]>;

function latestCustomerThread(doc: Document): Element | null {
  const threads = queryAllFirst(doc, HELPSCOUT_SELECTORS.thread);
  for (const i of newestFirst(threads)) {
    const thread = threads[i] as Element;
    if (matchesAny(thread, HELPSCOUT_SELECTORS.customerThread)) return thread;
  }
  return null;
}

export const helpscoutAdapter: SiteAdapter = {
  id: 'helpscout',
  name: 'Help Scout',
  selectors: HELPSCOUT_SELECTORS,
  healthKeys: ['thread', 'composer'],
  matches: ['*://secure.helpscout.net/*'],
  detect: (doc, win) =>
    win.location.hostname === 'secure.helpscout.net' || queryFirst(doc, HELPSCOUT_SELECTORS.customerThread) !== null,
  classifyComposer(el, doc): ComposerClassification | null {
    const generic = genericAdapter.classifyComposer(el, doc);
    if (!generic || !matchesAny(el, HELPSCOUT_SELECTORS.composer)) return generic;
    return { audience: generic.audience, editor: 'contenteditable' };
  },
  async latestCustomerMessage(doc, win, signal): Promise<CustomerMessage | null> {
    if (!queryFirst(doc, HELPSCOUT_SELECTORS.thread)) return genericAdapter.latestCustomerMessage(doc, win, signal);
    const thread = latestCustomerThread(doc);
    if (!thread) return null;
    const text = readableText(queryFirst(thread, HELPSCOUT_SELECTORS.body) ?? thread);
    if (!text) return null;
    // Who wrote it and when: the thread header, read as the generic adapter reads any message header.
    const described = describeBlock(thread);
    return {
      text,
      ...(described?.author ? { author: described.author } : {}),
      ...(described?.at ? { at: described.at } : {}),
      element: thread,
    };
  },
  ticketContext(doc, win): TicketContext {
    const generic = genericAdapter.ticketContext(doc, win);
    const latest = latestCustomerThread(doc);
    return { ...generic, requesterName: (latest && describeBlock(latest)?.author) || generic.requesterName };
  },
  sendButtons(composer, doc) {
    const form = closestFirst(composer, [{ selector: 'form', seen: GATHERED, source: UNATTRIBUTED }]) ?? doc;
    return queryAllFirst(form, HELPSCOUT_SELECTORS.send);
  },
};

export default helpscoutAdapter;
