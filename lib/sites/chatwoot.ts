// Chatwoot (open-source, self-hosted or app.chatwoot.com). Built from Chatwoot's own source
// (../shared/helpdesk-evidence/evidence.json): a message is div#message{id}[data-message-id] whose flex class
// places it: justify-start (left: incoming, i.e. the contact, or another agent), justify-end (right: the
// signed-in agent's own), justify-center (activity). The DOM carries no author role, only this layout
// (components-next/message/Message.vue). The composer is ProseMirror; a private note is a mode of the same
// reply box, marked .is-private on .reply-box__top in the reply box's template.
// Known limit: another agent's reply or private note is also on the left; ids order the thread.
import { type DatedSelector, queryAllFirst, queryFirst, readableText, ticketIdFromUrl } from './dom';
import { classifyGenericComposer, genericAdapter } from './generic';
import type { ComposerClassification, CustomerMessage, SiteAdapter, TicketContext } from './types';

const MESSAGE_VUE =
  'https://github.com/chatwoot/chatwoot/blob/00191be389561154728f52914b9e8257011639c1/app/javascript/dashboard/components-next/message/Message.vue';
const EDITOR_VUE =
  'https://github.com/chatwoot/chatwoot/blob/00be7cdba5fb5eff818d2b5fb291e08cc88764e5/app/javascript/dashboard/components/widgets/WootWriter/Editor.vue';
const REPLY_BOX = "Chatwoot's ReplyBox.vue template (.reply-box__top :class is-private) as found in public code";
/** The commits carry no date in the evidence: the day it was gathered. */
const GATHERED = '2026-12-07';

/** Selectors from Chatwoot's source, each with its source and date. */
export const CHATWOOT_SELECTORS = {
  message: [{ selector: 'div[data-message-id]', seen: GATHERED, source: MESSAGE_VUE }],
  incoming: [{ selector: 'div[data-message-id].justify-start', seen: GATHERED, source: MESSAGE_VUE }],
  bubble: [{ selector: '[class*="grid-area:bubble"]', seen: GATHERED, source: MESSAGE_VUE }],
  composer: [{ selector: '.ProseMirror[contenteditable="true"]', seen: GATHERED, source: EDITOR_VUE }],
  replyBox: [{ selector: '.reply-box', seen: GATHERED, source: REPLY_BOX }],
  privateReplyBox: [{ selector: '.reply-box__top.is-private', seen: GATHERED, source: REPLY_BOX }],
} satisfies Record<string, readonly DatedSelector[]>;

function messageId(el: Element): number {
  return Number(el.getAttribute('data-message-id'));
}

/** The contact's newest message: the left-placed message with the highest id (ids grow as messages arrive). */
export function latestIncoming(doc: Document): Element | null {
  const incoming = queryAllFirst(doc, CHATWOOT_SELECTORS.incoming);
  if (incoming.every((m) => Number.isFinite(messageId(m)))) {
    return incoming.reduce<Element | null>((a, b) => (!a || messageId(b) > messageId(a) ? b : a), null);
  }
  return incoming[incoming.length - 1] ?? null;
}

export const chatwootAdapter: SiteAdapter = {
  id: 'chatwoot',
  name: 'Chatwoot',
  selectors: CHATWOOT_SELECTORS,
  healthKeys: ['message', 'composer'],
  matches: [],
  detect: (doc) =>
    queryFirst(doc, CHATWOOT_SELECTORS.message) !== null && queryFirst(doc, CHATWOOT_SELECTORS.replyBox) !== null,
  classifyComposer(el, doc): ComposerClassification | null {
    const box = el.closest('.reply-box');
    if (!box || !el.matches('.ProseMirror')) return genericAdapter.classifyComposer(el, doc);
    if (!classifyGenericComposer(el)) return null;
    const isPrivate = queryFirst(box, CHATWOOT_SELECTORS.privateReplyBox) !== null || box.matches('.is-private');
    return { audience: isPrivate ? 'internal' : 'customer', editor: 'prosemirror' };
  },
  async latestCustomerMessage(doc, win, signal): Promise<CustomerMessage | null> {
    if (!queryFirst(doc, CHATWOOT_SELECTORS.message)) return genericAdapter.latestCustomerMessage(doc, win, signal);
    const message = latestIncoming(doc);
    if (!message) return null;
    const text = readableText(queryFirst(message, CHATWOOT_SELECTORS.bubble) ?? message);
    return text ? { text, element: message } : null;
  },
  ticketContext(_doc, win): TicketContext {
    // No channel or contact name is evidenced in the message DOM.
    return {
      ticketId: ticketIdFromUrl(win.location.href),
      channel: null,
      requesterName: null,
      agent: null,
      url: win.location.href,
    };
  },
};

export default chatwootAdapter;
