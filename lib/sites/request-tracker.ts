// Request Tracker 5 (Best Practical), self-hosted: the agent enables its origin at run time, and
// http://localhost / 127.0.0.1 are covered by the default matches.
//
// Reply vs comment: Ticket/Update.html has one composer (CKEditor 4 in an iframe over
// textarea[name=UpdateContent]) and a select[name=UpdateType] the agent can flip between "response"
// (Reply to requestors: customer-facing) and "private" (Comments: internal). We read the select live, so
// flipping it re-classifies the composer the next time the content script asks.
//
// The agent: `window.RT.CurrentUser` lives in the page's JS world, which an isolated-world content script
// cannot see. RT writes it as an inline <script> (`RT.CurrentUser = {...};`) whose text *is* in the shared
// DOM, so we parse that JSON instead of injecting a page-world bridge: synchronous, no script injection
// (nothing for a strict CSP to block), and the same data.
//
// The customer's latest message: the Update page shows no history, so we fetch the ticket's pages
// same-origin (the session cookie goes along) and parse them with DOMParser. Display gives the requestors'
// user ids; the newest page of history (RT 5's /Helpers/TicketHistoryPage, else the full History.html) gives
// transactions with their author's user id. The latest message transaction written by a requestor is the
// customer's latest message. This uses the pages the agent can already see, works on any RT 5 without REST 2
// rights, and needs no language-dependent text matching.
import {
  type DatedSelector,
  matchesAny,
  memoForPage,
  normalizeText,
  queryAllFirst,
  queryFirst,
  readableText,
} from './dom';
import type { ComposerClassification, CustomerMessage, SiteAdapter, TicketContext } from './types';

/** A live RT 5.0.3 (Debian's package, ../shared/tools/rt-up.sh), pages saved from it by capture.ts. */
const RT_SOURCE = 'live Request Tracker 5.0.3 on 127.0.0.1:8085; saved pages tests/fixtures/request-tracker/';

/** Selectors, newest first. Dates say when each was checked against a live RT or a saved page. */
export const RT_SELECTORS = {
  /** Reply composer textarea that CKEditor replaces (stays in the DOM, hidden). */
  composerTextarea: [
    { selector: 'textarea[name="UpdateContent"]', seen: '2026-11-23', source: RT_SOURCE }, // RT 5.0.3
    { selector: 'textarea.messagebox', seen: '2026-11-23', source: RT_SOURCE }, // RT 5.0.3
  ],
  /** Wrapper of the composer; RT 5 adds action-response / action-private to it. */
  composerContainer: [
    { selector: '.messagebox-container', seen: '2026-11-23', source: RT_SOURCE }, // RT 5.0.3
    { selector: '#cke_UpdateContent', seen: '2026-11-23', source: RT_SOURCE }, // CKEditor 4 chrome around the iframe
  ],
  updateType: [{ selector: 'select[name="UpdateType"]', seen: '2026-11-23', source: RT_SOURCE }], // RT 4.4 and 5.0
  ticketIdInput: [
    { selector: 'form[name="TicketUpdate"] input[name="id"]', seen: '2026-11-23', source: RT_SOURCE }, // RT 5.0.3
    { selector: 'input[type="hidden"][name="id"]', seen: '2026-11-23', source: RT_SOURCE },
  ],
  transaction: [
    { selector: '.history-container .transaction[data-transaction-id]', seen: '2026-11-23', source: RT_SOURCE }, // RT 5.0.3
    { selector: '.transaction[data-transaction-id]', seen: '2026-11-23', source: RT_SOURCE }, // RT 5.0.3 History.html
  ],
  /** A transaction that carries a message (create, correspond, comment) rather than a field change. */
  messageTransaction: [{ selector: '.transaction.message', seen: '2026-11-23', source: RT_SOURCE }], // RT 5.0.3: "transaction Ticket-transaction message odd"
  transactionAuthor: [
    { selector: '.metadata .description .user[data-user-id]', seen: '2026-11-23', source: RT_SOURCE }, // RT 5.0.3
    { selector: '.metadata .description a[href*="User/Summary.html?id="]', seen: '2026-11-23', source: RT_SOURCE },
  ],
  transactionDate: [{ selector: '.metadata .date', seen: '2026-11-23', source: RT_SOURCE }], // RT 5.0.3
  messageBody: [
    { selector: '.messagebody', seen: '2026-11-23', source: RT_SOURCE }, // RT 5.0.3
    { selector: '.content', seen: '2026-11-23', source: RT_SOURCE },
  ],
  /** Quoted earlier mail inside a message, and its "Show quoted text" toggle: not the customer's new words. */
  quoted: [
    {
      selector: '.message-stanza-folder, .message-stanza.closed, .messagebody blockquote.rt-quote',
      seen: '2026-11-23',
      source: RT_SOURCE,
    },
  ],
  requestors: [
    { selector: '.form-row.requestors .user[data-user-id]', seen: '2026-11-23', source: RT_SOURCE }, // RT 5.0.3 Display
    { selector: '.ticket-info-requestor .user[data-user-id]', seen: '2026-11-23', source: RT_SOURCE }, // RT 5.0.3 "More about"
  ],
  submit: [
    { selector: 'form[name="TicketUpdate"] input[name="SubmitTicket"]', seen: '2026-11-23', source: RT_SOURCE }, // RT 5.0.3
    { selector: '#SubmitTicket input[type="submit"]', seen: '2026-11-23', source: RT_SOURCE },
  ],
  /** Markup only RT renders, for detection when the inline script is missing. */
  marker: [
    { selector: 'body[id^="comp-"] #rt-header-container', seen: '2026-11-23', source: RT_SOURCE }, // RT 5.0.3
    { selector: '#bpscredits', seen: '2026-11-23', source: RT_SOURCE }, // "Best Practical Solutions" footer, RT 4.4 and 5.0
    { selector: 'img[alt="Request Tracker logo"]', seen: '2026-11-23', source: RT_SOURCE },
  ],
} satisfies Record<string, readonly DatedSelector[]>;

export interface RtCurrentUser {
  id?: number;
  Name?: string;
  RealName?: string;
  EmailAddress?: string;
  Privileged?: boolean;
}

interface RtWindow {
  RT?: { CurrentUser?: RtCurrentUser; Config?: { WebPath?: string } };
}

/** `RT.CurrentUser = {...};` and `RT.Config = {...};` from RT's inline head script. */
function inlineRtJson(doc: Document, key: 'CurrentUser' | 'Config'): Record<string, unknown> | null {
  const pattern = new RegExp(`^\\s*RT\\.${key}\\s*=\\s*(\\{.*\\})\\s*;?\\s*$`, 'm');
  for (const script of doc.querySelectorAll('head script:not([src]), script:not([src])')) {
    const text = script.textContent ?? '';
    if (!text.includes(`RT.${key}`)) continue;
    const json = pattern.exec(text)?.[1];
    if (!json) continue;
    try {
      const parsed: unknown = JSON.parse(json);
      if (parsed && typeof parsed === 'object') return parsed as Record<string, unknown>;
    } catch {
      // Not JSON after all (a customised template): try the next script.
    }
  }
  return null;
}

/** The signed-in RT user: the page world's object when visible (tests, page-world callers), else the inline script. */
export function rtCurrentUser(doc: Document, win: Window): RtCurrentUser | null {
  const fromWindow = (win as unknown as RtWindow).RT?.CurrentUser;
  if (fromWindow && typeof fromWindow === 'object') return fromWindow;
  // RT's head scripts carry its whole i18n catalogue: parse once per page, not per keystroke.
  return memoForPage(doc, win.location.href, 'rt:user', () => inlineRtJson(doc, 'CurrentUser') as RtCurrentUser | null);
}

export function isRequestTracker(doc: Document, win: Window): boolean {
  if ((win as unknown as RtWindow).RT?.CurrentUser) return true;
  if (queryFirst(doc, RT_SELECTORS.marker)) return true;
  return inlineRtJson(doc, 'CurrentUser') !== null;
}

/** RT's web root (RT may live under a path such as /rt): the path before /Ticket/, else RT.Config.WebPath. */
export function rtBaseUrl(doc: Document, win: Window): string {
  const url = new URL(win.location.href);
  const at = url.pathname.search(/\/(Ticket|Search|SelfService|Dashboards|Prefs|User)\//);
  if (at >= 0) return `${url.origin}${url.pathname.slice(0, at)}`;
  const config = (win as unknown as RtWindow).RT?.Config ?? inlineRtJson(doc, 'Config');
  const webPath = typeof config?.WebPath === 'string' ? config.WebPath : '';
  return `${url.origin}${webPath.replace(/\/$/, '')}`;
}

export function rtTicketId(doc: Document, win: Window): string | null {
  const input = queryFirst<HTMLInputElement>(doc, RT_SELECTORS.ticketIdInput);
  const fromInput = input?.value ?? input?.getAttribute('value');
  if (fromInput && /^\d+$/.test(fromInput)) return fromInput;
  // RT links use both ?id=4 and ;id=4.
  const m = /[?;&]id=(\d+)/.exec(win.location.search || win.location.href);
  return m?.[1] ?? null;
}

/** "Tom Becker <tom@example.net>" -> "Tom Becker"; "agent1 (Alex Agent)" -> "Alex Agent"; a bare address stays. */
export function rtDisplayName(text: string): string {
  const clean = normalizeText(text);
  const paren = /^\S+\s+\((.+)\)$/.exec(clean);
  if (paren?.[1]) return paren[1].trim();
  const angle = /^"?([^"<]+?)"?\s*<[^>]+>$/.exec(clean);
  if (angle?.[1]) return angle[1].trim();
  return clean;
}

export interface RtRequestor {
  id: string;
  name: string;
}

export function rtRequestors(doc: Document): RtRequestor[] {
  const seen = new Map<string, RtRequestor>();
  for (const el of queryAllFirst(doc, RT_SELECTORS.requestors)) {
    const id = el.getAttribute('data-user-id');
    if (id && !seen.has(id)) seen.set(id, { id, name: rtDisplayName(el.textContent ?? '') });
  }
  return [...seen.values()];
}

export interface RtTransaction {
  id: number;
  authorId: string | null;
  author: string | null;
  /** Carries a message (create, correspond, comment), not a field change. */
  isMessage: boolean;
  text: string;
  at?: string;
}

function authorIdOf(el: Element): string | null {
  const id = el.getAttribute('data-user-id');
  if (id) return id;
  const href = el.getAttribute('href') ?? '';
  return /[?;&]id=(\d+)/.exec(href)?.[1] ?? null;
}

/** RT prints dates in the agent's format and zone ("Sat Nov 21 16:58:09 2026"); keep them only when they parse. */
function rtDate(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const ms = Date.parse(normalizeText(text));
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

export function rtTransactions(doc: Document): RtTransaction[] {
  const out: RtTransaction[] = [];
  for (const el of queryAllFirst(doc, RT_SELECTORS.transaction)) {
    const id = Number(el.getAttribute('data-transaction-id'));
    if (!Number.isFinite(id)) continue;
    const authorEl = queryFirst(el, RT_SELECTORS.transactionAuthor);
    const body = queryFirst(el, RT_SELECTORS.messageBody);
    const text = body ? readableText(body, (d) => matchesAny(d, RT_SELECTORS.quoted)) : '';
    const at = rtDate(queryFirst(el, RT_SELECTORS.transactionDate)?.textContent);
    out.push({
      id,
      authorId: authorEl ? authorIdOf(authorEl) : null,
      author: authorEl ? rtDisplayName(authorEl.textContent ?? '') : null,
      isMessage: matchesAny(el, RT_SELECTORS.messageTransaction) && text.length > 0,
      text,
      ...(at ? { at } : {}),
    });
  }
  return out;
}

/**
 * The latest message a requestor wrote, from a parsed History (or Display-with-history) page and the
 * requestors. Transaction ids grow with time, so this holds whatever order the agent's preferences show.
 */
export function latestRequestorMessage(
  transactions: readonly RtTransaction[],
  requestors: readonly RtRequestor[],
): CustomerMessage | null {
  const ids = new Set(requestors.map((r) => r.id));
  let latest: RtTransaction | null = null;
  for (const t of transactions) {
    if (!t.isMessage || !t.authorId || !ids.has(t.authorId)) continue;
    if (!latest || t.id > latest.id) latest = t;
  }
  if (!latest) return null;
  return {
    text: latest.text,
    ...(latest.author ? { author: latest.author } : {}),
    ...(latest.at ? { at: latest.at } : {}),
  };
}

/** What we learnt about a ticket from its fetched pages; the Update page itself names no requestor. */
interface TicketFacts {
  requestors: RtRequestor[];
  message: CustomerMessage | null;
}

const CACHE_MS = 30_000;
const factsCache = new Map<string, { at: number; facts: Promise<TicketFacts | null> }>();
const knownRequestors = new Map<string, RtRequestor[]>();

/** For tests: forget fetched tickets. */
export function clearRtCache(): void {
  factsCache.clear();
  knownRequestors.clear();
}

function isLoginPage(doc: Document): boolean {
  return Boolean(doc.querySelector('form#login input[name="pass"], form[action*="NoAuth/Login"]'));
}

async function fetchPage(win: Window, url: string, signal?: AbortSignal): Promise<Document | null> {
  // Firefox content scripts fetch as the extension; `content.fetch` is the page's own, which carries RT's
  // session cookie like any same-origin request. Chromium content scripts fetch as the page already.
  const w = win as Window & { fetch?: typeof fetch; content?: { fetch?: typeof fetch } };
  const pageFetch = w.content?.fetch;
  const fetcher = pageFetch ? pageFetch.bind(w.content) : (w.fetch?.bind(win) ?? globalThis.fetch);
  const res = await fetcher(url, { credentials: 'same-origin', signal: signal ?? null });
  if (!res.ok) return null;
  const doc = new (win as Window & typeof globalThis).DOMParser().parseFromString(await res.text(), 'text/html');
  return isLoginPage(doc) ? null : doc;
}

async function loadTicketFacts(
  doc: Document,
  win: Window,
  ticketId: string,
  signal?: AbortSignal,
): Promise<TicketFacts | null> {
  // A Display page that already loaded its history holds everything; otherwise fetch what is missing:
  // the requestors from Display, and the newest transactions from RT 5's scroll-history helper (one small
  // page). Only when that page holds no requestor message (or RT lacks the helper) is the full History read:
  // on a long ticket it is megabytes to parse on the agent's main thread.
  let requestors = rtRequestors(doc);
  const here = rtTransactions(doc);
  const base = rtBaseUrl(doc, win);
  const [display, recent] = await Promise.all([
    requestors.length > 0 ? null : fetchPage(win, `${base}/Ticket/Display.html?id=${ticketId}`, signal),
    here.length > 0
      ? null
      : fetchPage(win, `${base}/Helpers/TicketHistoryPage?id=${ticketId}&oldestTransactionsFirst=0`, signal),
  ]);
  if (display) requestors = rtRequestors(display);
  if (requestors.length === 0) return null;
  knownRequestors.set(ticketId, requestors);
  if (here.length > 0) return { requestors, message: latestRequestorMessage(here, requestors) };
  const fromRecent = recent ? latestRequestorMessage(rtTransactions(recent), requestors) : null;
  if (fromRecent) return { requestors, message: fromRecent };
  const history = await fetchPage(win, `${base}/Ticket/History.html?id=${ticketId}`, signal);
  return { requestors, message: history ? latestRequestorMessage(rtTransactions(history), requestors) : null };
}

/** Latest customer message of the ticket on this page; null when RT's pages can't be read (logged out, no rights). */
export async function rtLatestCustomerMessage(
  doc: Document,
  win: Window,
  signal?: AbortSignal,
): Promise<CustomerMessage | null> {
  const ticketId = rtTicketId(doc, win);
  if (!ticketId) return null;
  const key = `${rtBaseUrl(doc, win)}#${ticketId}`;
  const cached = factsCache.get(key);
  const now = Date.now();
  let facts = cached && now - cached.at < CACHE_MS ? cached.facts : null;
  if (!facts) {
    facts = loadTicketFacts(doc, win, ticketId, signal).catch(() => null);
    factsCache.set(key, { at: now, facts });
  }
  const result = await facts;
  if (!result) factsCache.delete(key);
  return result?.message ?? null;
}

function composerAudience(el: Element, doc: Document, win: Window): ComposerClassification['audience'] {
  const form = el.closest('form') ?? doc;
  const select = queryFirst<HTMLSelectElement>(form, RT_SELECTORS.updateType);
  const value = select?.value || select?.querySelector('option[selected]')?.getAttribute('value');
  if (value === 'private') return 'internal';
  if (value === 'response') return 'customer';
  const container = queryFirst(doc, RT_SELECTORS.composerContainer);
  if (container?.classList.contains('action-private')) return 'internal';
  if (container?.classList.contains('action-response')) return 'customer';
  return /[?;&]Action=Comment\b/i.test(win.location.href) ? 'internal' : 'customer';
}

/** Is `el` RT's message composer: the UpdateContent textarea, CKEditor's iframe for it, or its editable body? */
function isRtComposer(el: Element, doc: Document): boolean {
  const textarea = queryFirst(doc, RT_SELECTORS.composerTextarea);
  if (!textarea) return false;
  if (el === textarea) return true;
  const container = queryFirst(doc, RT_SELECTORS.composerContainer);
  if (container?.contains(el)) return true;
  // CKEditor 4 puts its chrome (#cke_<name>) right after the textarea it replaces.
  const chrome = doc.getElementById(`cke_${textarea.getAttribute('name') ?? 'UpdateContent'}`);
  if (chrome?.contains(el)) return true;
  // The editable <body> inside CKEditor's iframe belongs to another document.
  const frame = el.ownerDocument?.defaultView?.frameElement;
  return Boolean(frame && (chrome?.contains(frame) || container?.contains(frame)));
}

export const requestTrackerAdapter: SiteAdapter = {
  id: 'request-tracker',
  name: 'Request Tracker',
  selectors: RT_SELECTORS,
  healthKeys: ['composerTextarea', 'transaction', 'marker'],
  // Self-hosted: no public domain to match; enabled per origin at run time (and localhost by default).
  matches: [],
  detect: (doc, win) => isRequestTracker(doc, win),
  classifyComposer(el, doc) {
    if (!isRtComposer(el, doc)) return null;
    const win = doc.defaultView ?? (globalThis as unknown as Window);
    const tag = el.tagName.toUpperCase();
    const editor: ComposerClassification['editor'] =
      tag === 'TEXTAREA' && !doc.getElementById(`cke_${el.getAttribute('name') ?? ''}`) ? 'textarea' : 'ckeditor4';
    return { audience: composerAudience(el, doc, win), editor };
  },
  latestCustomerMessage: (doc, win, signal) => rtLatestCustomerMessage(doc, win, signal),
  ticketContext(doc, win): TicketContext {
    const ticketId = rtTicketId(doc, win);
    const user = rtCurrentUser(doc, win);
    const requestors = rtRequestors(doc);
    const known = requestors.length > 0 ? requestors : ticketId ? (knownRequestors.get(ticketId) ?? []) : [];
    return {
      ticketId,
      // RT is an email helpdesk: every reply goes out as mail.
      channel: 'email',
      requesterName: known[0]?.name ?? null,
      agent: user?.RealName || user?.Name || null,
      url: ticketId ? `${rtBaseUrl(doc, win)}/Ticket/Display.html?id=${ticketId}` : win.location.href,
    };
  },
  sendButtons(composer, doc) {
    const form = composer.closest('form') ?? doc;
    return queryAllFirst(form, RT_SELECTORS.submit);
  },
  watchAudience(composer, doc, onChange, signal) {
    const form = composer.closest('form') ?? doc;
    const select = queryFirst<HTMLSelectElement>(form, RT_SELECTORS.updateType);
    if (!select) return;
    const win = doc.defaultView ?? (globalThis as unknown as Window);
    // RT's selectpicker (bootstrap-select) fires a jQuery change on the real <select>, which bubbles as a DOM event.
    const onSelect = () => onChange(composerAudience(composer, doc, win));
    select.addEventListener('change', onSelect);
    signal.addEventListener('abort', () => select.removeEventListener('change', onSelect), { once: true });
  },
};

export default requestTrackerAdapter;
