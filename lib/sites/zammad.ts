// Zammad (open-source, self-hosted), classic agent UI. Built from Zammad's own templates
// (../shared/helpdesk-evidence/evidence.json): each article is .ticket-article-item[data-id] whose classes
// name the sender (customer | agent | system) and the article type (email, note, phone, web, chat, ...);
// internal articles add .internal (later .is-internal) on the .text-bubble; the composer is Zammad's own
// contenteditable .articleNewEdit-body inside form.article-add, which carries .is-internal or .is-public.
// The newer desktop UI (Vue, TipTap) is not evidenced: pages without this markup go to the generic adapter.
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
import { newestFirstByTime } from './order-helpers';
import type { Audience, ComposerClassification, CustomerMessage, SiteAdapter, TicketContext } from './types';

const VIEW =
  'https://github.com/zammad/zammad/blob/01012ed6353f1b8b7121611ac228cce0f64a845d/app/assets/javascripts/app/views/ticket_zoom/article_view.jst.eco';
const NEW =
  'https://github.com/zammad/zammad/blob/02bcdcd14b60d6c21f1b13313b88a4f2ac6d95ae/app/assets/javascripts/app/views/ticket_zoom/article_new.jst.eco';
/** The commits carry no date in the evidence: the day it was gathered. */
const GATHERED = '2026-12-07';

/** Selectors from Zammad's classic-UI templates, each with its source and date. */
export const ZAMMAD_SELECTORS = {
  article: [{ selector: '.ticket-article-item[data-id]', seen: GATHERED, source: VIEW }],
  customerArticle: [{ selector: '.ticket-article-item.customer[data-id]', seen: GATHERED, source: VIEW }],
  internalBubble: [
    { selector: '.text-bubble.internal', seen: GATHERED, source: VIEW },
    { selector: '.is-internal', seen: GATHERED, source: VIEW },
  ],
  body: [{ selector: '.text-bubble', seen: GATHERED, source: VIEW }],
  from: [{ selector: '.article-meta.top .article-meta-row .article-meta-value', seen: GATHERED, source: VIEW }],
  time: [{ selector: 'time[data-time]', seen: GATHERED, source: VIEW }],
  composer: [
    { selector: 'form.article-add .articleNewEdit-body[contenteditable="true"]', seen: GATHERED, source: NEW },
  ],
  internalForm: [{ selector: 'form.article-add.is-internal', seen: GATHERED, source: NEW }],
} satisfies Record<string, readonly DatedSelector[]>;

const CHAT_TYPES = /\b(chat|sms|telegram|facebook|twitter|whatsapp|instagram)\b/;
const EMAIL_TYPES = /\b(email|web)\b/;

function isInternal(article: Element): boolean {
  return ZAMMAD_SELECTORS.internalBubble.some(
    ({ selector }) => article.querySelector(selector) || article.matches(selector),
  );
}

function customerArticles(doc: Document): Element[] {
  return queryAllFirst(doc, ZAMMAD_SELECTORS.customerArticle).filter((a) => !isInternal(a));
}

function latestCustomerArticle(doc: Document): Element | null {
  const articles = customerArticles(doc);
  const at = (a: Element) => Date.parse(queryFirst(a, ZAMMAD_SELECTORS.time)?.getAttribute('data-time') ?? '');
  return newestFirstByTime(articles, at)[0] ?? null;
}

export const zammadAdapter: SiteAdapter = {
  id: 'zammad',
  name: 'Zammad',
  selectors: ZAMMAD_SELECTORS,
  healthKeys: ['article', 'composer'],
  matches: [],
  detect: (doc) =>
    queryFirst(doc, ZAMMAD_SELECTORS.article) !== null || queryFirst(doc, ZAMMAD_SELECTORS.composer) !== null,
  classifyComposer(el, doc): ComposerClassification | null {
    if (!matchesAny(el, ZAMMAD_SELECTORS.composer)) return genericAdapter.classifyComposer(el, doc);
    const audience: Audience = closestFirst(el, ZAMMAD_SELECTORS.internalForm) ? 'internal' : 'customer';
    return { audience, editor: 'contenteditable' };
  },
  async latestCustomerMessage(doc, win, signal): Promise<CustomerMessage | null> {
    if (!queryFirst(doc, ZAMMAD_SELECTORS.article)) return genericAdapter.latestCustomerMessage(doc, win, signal);
    const article = latestCustomerArticle(doc);
    if (!article) return null;
    const text = readableText(queryFirst(article, ZAMMAD_SELECTORS.body) ?? article, (el) =>
      el.matches('.bubble-arrow'),
    );
    if (!text) return null;
    const author = normalizeText(queryFirst(article, ZAMMAD_SELECTORS.from)?.textContent ?? '');
    const ms = Date.parse(queryFirst(article, ZAMMAD_SELECTORS.time)?.getAttribute('data-time') ?? '');
    return {
      text,
      ...(author ? { author } : {}),
      ...(Number.isFinite(ms) ? { at: new Date(ms).toISOString() } : {}),
      element: article,
    };
  },
  ticketContext(doc, win): TicketContext {
    const latest = latestCustomerArticle(doc);
    const type = latest?.getAttribute('class') ?? '';
    return {
      // Zammad's ticket URL (#ticket/zoom/<id>) is not in the evidence; it is what the app shows in the address bar.
      ticketId: /#ticket\/zoom\/(\d+)/.exec(win.location.hash)?.[1] ?? null,
      channel: CHAT_TYPES.test(type) ? 'chat' : EMAIL_TYPES.test(type) ? 'email' : null,
      requesterName:
        normalizeText(latest ? (queryFirst(latest, ZAMMAD_SELECTORS.from)?.textContent ?? '') : '') || null,
      agent: null,
      url: win.location.href,
    };
  },
};

export default zammadAdapter;
