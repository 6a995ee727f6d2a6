// FreeScout (open-source, self-hosted; a Help Scout look-alike in PHP). Built from a real FreeScout 1.8.145
// page saved with the reply composer open (../shared/helpdesk-evidence/freescout-1.8.145/, also
// tests/fixtures/freescout/). What matters there:
// - threads are listed NEWEST FIRST under #conv-layout-main, typed by class: thread-type-customer (the
//   customer), thread-type-message (an agent's reply), thread-type-note (an internal note); no <time>, the
//   date is only in a tooltip (.thread-date data-original-title, "Dec 7, 2026 16:48");
// - one composer block .conv-reply-block holds Summernote (.note-editable over a hidden textarea#body):
//   Summernote's "note-*" class names say nothing about internal notes; note mode adds .conv-note-block to
//   the block and sets input[name=is_note] to 1;
// - ids on <body>: data-conversation_id, data-mailbox_id, data-auth_user_id; the agent's first name in the
//   navbar (span.nav-user), the customer in the sidebar (.customer-name).
import {
  closestFirst,
  type DatedSelector,
  matchesAny,
  normalizeText,
  queryAllFirst,
  queryFirst,
  readableText,
} from './dom';
import { genericAdapter } from './generic';
import { parseAbsoluteDate } from './thread-order';
import type { Audience, ComposerClassification, CustomerMessage, SiteAdapter, TicketContext } from './types';

const SAVED = 'saved real page ../shared/helpdesk-evidence/freescout-1.8.145/conversation-reply-open.html';
const seen = '2026-12-07';

/** Selectors from the saved FreeScout 1.8.145 page, with where in it they were seen. */
export const FREESCOUT_SELECTORS = {
  marker: [{ selector: 'body[data-conversation_id][data-mailbox_id]', seen, source: SAVED }],
  thread: [{ selector: '#conv-layout-main .thread[data-thread_id]', seen, source: SAVED }],
  customerThread: [{ selector: '.thread.thread-type-customer[data-thread_id]', seen, source: SAVED }],
  agentThread: [{ selector: '.thread.thread-type-message[data-thread_id]', seen, source: SAVED }],
  noteThread: [{ selector: '.thread.thread-type-note[data-thread_id]', seen, source: SAVED }],
  threadContent: [{ selector: '.thread-content', seen, source: SAVED }],
  threadPerson: [{ selector: '.thread-person', seen, source: SAVED }],
  threadDate: [{ selector: '.thread-date', seen, source: SAVED }],
  composerBlock: [{ selector: '.conv-reply-block', seen, source: SAVED }],
  noteBlock: [{ selector: '.conv-reply-block.conv-note-block', seen, source: SAVED }],
  isNote: [{ selector: 'input[name="is_note"]', seen, source: SAVED }],
  editor: [{ selector: '.conv-reply-block .note-editable[contenteditable="true"]', seen, source: SAVED }],
  emailRecipient: [{ selector: '.conv-reply-block select[name="to_email[]"]', seen, source: SAVED }],
  agent: [{ selector: '.navbar .nav-user', seen, source: SAVED }],
  requester: [{ selector: '.conv-customer-block .customer-name', seen, source: SAVED }],
  sendReply: [{ selector: '.btn-reply-submit.btn-send-text', seen, source: SAVED }],
  addNote: [{ selector: '.btn-reply-submit.btn-add-note-text', seen, source: SAVED }],
} satisfies Record<string, readonly DatedSelector[]>;

export function isFreeScout(doc: Document): boolean {
  return queryFirst(doc, FREESCOUT_SELECTORS.marker) !== null && queryFirst(doc, FREESCOUT_SELECTORS.thread) !== null;
}

function threadDate(thread: Element): number | null {
  const link = queryFirst(thread, FREESCOUT_SELECTORS.threadDate);
  // Bootstrap moves the tooltip text from title to data-original-title once the tooltip is set up.
  return parseAbsoluteDate(link?.getAttribute('data-original-title') || link?.getAttribute('title'));
}

/** The newest customer thread: by tooltip dates when every one has one, else the first (FreeScout: newest first). */
export function latestCustomerThread(doc: Document): Element | null {
  const threads = queryAllFirst(doc, FREESCOUT_SELECTORS.customerThread).filter((t) => t.closest('#conv-layout-main'));
  const dated = threads.map((el) => ({ el, at: threadDate(el) }));
  if (dated.length > 1 && dated.every((d) => d.at !== null)) {
    return dated.reduce((a, b) => ((b.at as number) > (a.at as number) ? b : a)).el;
  }
  return threads[0] ?? null;
}

function audienceOf(block: Element): Audience {
  if (matchesAny(block, FREESCOUT_SELECTORS.noteBlock)) return 'internal';
  const isNote = queryFirst<HTMLInputElement>(block, FREESCOUT_SELECTORS.isNote);
  return isNote && /^(1|true)$/.test(isNote.value) ? 'internal' : 'customer';
}

export const freescoutAdapter: SiteAdapter = {
  id: 'freescout',
  name: 'FreeScout',
  selectors: FREESCOUT_SELECTORS,
  healthKeys: ['thread', 'editor'],
  // Self-hosted: enabled per site from the options page; localhost is covered by the default matches.
  matches: [],
  detect: (doc) => isFreeScout(doc),
  classifyComposer(el, doc): ComposerClassification | null {
    const block = closestFirst(el, FREESCOUT_SELECTORS.composerBlock);
    if (!block || !matchesAny(el, FREESCOUT_SELECTORS.editor)) return genericAdapter.classifyComposer(el, doc);
    return { audience: audienceOf(block), editor: 'summernote' };
  },
  async latestCustomerMessage(doc, win, signal): Promise<CustomerMessage | null> {
    if (queryFirst(doc, FREESCOUT_SELECTORS.thread) === null)
      return genericAdapter.latestCustomerMessage(doc, win, signal);
    const thread = latestCustomerThread(doc);
    if (!thread) return null;
    const content = queryFirst(thread, FREESCOUT_SELECTORS.threadContent) ?? thread;
    const text = readableText(content);
    if (!text) return null;
    const author = normalizeText(queryFirst(thread, FREESCOUT_SELECTORS.threadPerson)?.textContent ?? '');
    const at = threadDate(thread);
    return {
      text,
      ...(author ? { author } : {}),
      ...(at !== null ? { at: new Date(at).toISOString() } : {}),
      element: thread,
    };
  },
  ticketContext(doc, win): TicketContext {
    const conversation = doc.body?.getAttribute('data-conversation_id') ?? null;
    return {
      ticketId: conversation && /^\d+$/.test(conversation) ? conversation : null,
      // The reply form addresses an email (to_email[]); phone and chat conversations have no such field.
      channel: queryFirst(doc, FREESCOUT_SELECTORS.emailRecipient) ? 'email' : null,
      requesterName: normalizeText(queryFirst(doc, FREESCOUT_SELECTORS.requester)?.textContent ?? '') || null,
      agent: normalizeText(queryFirst(doc, FREESCOUT_SELECTORS.agent)?.textContent ?? '') || null,
      url: win.location.href,
    };
  },
  sendButtons(composer, doc) {
    const block = closestFirst(composer, FREESCOUT_SELECTORS.composerBlock) ?? doc;
    return [
      ...queryAllFirst(block, FREESCOUT_SELECTORS.sendReply),
      ...queryAllFirst(block, FREESCOUT_SELECTORS.addNote),
    ];
  },
  watchAudience(composer, _doc, onChange, signal) {
    const block = closestFirst(composer, FREESCOUT_SELECTORS.composerBlock);
    if (!block) return;
    let last = audienceOf(block);
    // FreeScout's own script toggles .conv-note-block when the agent picks Reply or Note.
    const observer = new MutationObserver(() => {
      const now = audienceOf(block);
      if (now === last) return;
      last = now;
      onChange(now);
    });
    observer.observe(block, { attributes: true, attributeFilter: ['class'] });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  },
};

export default freescoutAdapter;
