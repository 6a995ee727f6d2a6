// Fallback adapter for any site the agent enables (self-hosted helpdesks, webmail, ...). It knows no markup,
// so it guesses: message-like blocks with author roles and timestamps first, Readability second, and null
// (draft-only coaching) when neither finds anything that reads like a customer message.
import { Readability } from '@mozilla/readability';
import { clipTail, markerText, memoForPage, normalizeText, readableText, ticketIdFromUrl } from './dom';
import type { ComposerClassification, CustomerMessage, SiteAdapter, TicketContext } from './types';

/** Tokens in class/id/data-* that mark one message of a thread. */
const MESSAGE_TOKENS = new Set([
  'message',
  'msg',
  'comment',
  'reply',
  'post',
  'event',
  'entry',
  'bubble',
  'part',
  'thread-item',
  'conversation-part',
  'note',
]);
/** Tokens that mark a piece *of* a message (or a list of them), not a message. */
const PART_TOKENS = new Set([
  'body',
  'content',
  'text',
  'header',
  'footer',
  'meta',
  'author',
  'avatar',
  'actions',
  'action',
  'time',
  'date',
  'list',
  'lists',
  'container',
  'wrapper',
  'composer',
  'editor',
  'input',
  'form',
  'count',
  'counter',
  'icon',
  'button',
  'btn',
  'toolbar',
  'attachments',
  'attachment',
]);
const CUSTOMER_TOKENS = new Set([
  'customer',
  'requester',
  'requestor',
  'enduser',
  'end-user',
  'contact',
  'visitor',
  'client',
  'user',
  'incoming',
  'inbound',
  'received',
  'external',
]);
const AGENT_TOKENS = new Set([
  'agent',
  'staff',
  'admin',
  'operator',
  'teammate',
  'assignee',
  'outgoing',
  'outbound',
  'sent',
  'internal',
  'private',
  'note',
  'bot',
  'system',
  'automation',
  'me',
  'self',
  'mine',
]);
/** Composer markers that mean "only colleagues read this" (en, sv, nb, da, fi). */
const INTERNAL_COMPOSER =
  /\b(internal|private|note|notes|intern|interna|internt|anteckning|notat|sisäinen|muistiinpano)\b/i;
/** Editable things that are not replies. */
const NOT_A_COMPOSER = /\b(search|sök|søk|haku|filter|subject|ämne|emne|title|tags?|cc|bcc|recipients?|macros?)\b/i;
const AUTHOR_TOKENS = new Set(['author', 'sender', 'from', 'name', 'user-name', 'username', 'byline', 'actor']);
const BODY_TOKENS = new Set(['body', 'content', 'text', 'message-body', 'comment-body', 'html', 'plain', 'markdown']);

/** Token sets by marker string: a thread repeats the same few class lists on every message. */
const tokensByMarker = new Map<string, Set<string>>();

function tokens(marker: string): Set<string> {
  const hit = tokensByMarker.get(marker);
  if (hit) return hit;
  const out = tokenize(marker);
  if (tokensByMarker.size > 4000) tokensByMarker.clear();
  tokensByMarker.set(marker, out);
  return out;
}

/** Split "zd-comment__body--customer isCustomer" into comparable tokens: zd, comment, body, customer, is, ... */
function tokenize(marker: string): Set<string> {
  const out = new Set<string>();
  for (const raw of marker.split(/[\s="]+/)) {
    if (!raw) continue;
    const dashed = raw.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
    out.add(dashed);
    for (const piece of dashed.split(/[-_.:/]+/)) if (piece) out.add(piece);
    // Keep two-word compounds ("end-user", "conversation-part") as one token too.
    const pieces = dashed.split(/[-_]+/).filter(Boolean);
    for (let i = 0; i + 1 < pieces.length; i++) out.add(`${pieces[i]}-${pieces[i + 1]}`);
  }
  return out;
}

/** Tokens per element while one scan runs (a scan looks at each element several times). */
let tokenCache: WeakMap<Element, Set<string>> | null = null;

/**
 * What an element says about itself: id, class, role, aria-label, title, type, and data-* values. A data-*
 * name counts when it is a flag (data-customer="") or names the element's own kind (data-message-id), not a
 * reference to something else (data-user-id on an author link does not make the element the customer's).
 * Raw case, so camelCase class names ("isCustomer") split into words before lower-casing.
 */
function roleMarker(el: Element): string {
  const bits = [el.id, el.getAttribute('class') ?? '', el.tagName.toLowerCase()];
  for (const { name, value } of el.attributes) {
    if (name === 'role' || name === 'aria-label' || name === 'title' || name === 'type') bits.push(value);
    else if (name.startsWith('data-')) {
      const key = name.slice(5);
      const kind = /^(.*?)-?id$/.exec(key)?.[1];
      if (kind !== undefined) {
        if (MESSAGE_TOKENS.has(kind)) bits.push(kind);
      } else if (value === '' || value === 'true') bits.push(key);
      else bits.push(value);
    }
  }
  return bits.join(' ');
}

function ownTokens(el: Element): Set<string> {
  const hit = tokenCache?.get(el);
  if (hit) return hit;
  const t = tokens(roleMarker(el));
  tokenCache?.set(el, t);
  return t;
}

/** Run a scan with the token cache on; attributes can change between scans, so it lives for one call. */
function scanning<T>(fn: () => T): T {
  if (tokenCache) return fn();
  tokenCache = new WeakMap();
  try {
    return fn();
  } finally {
    tokenCache = null;
  }
}

function hasAny(set: Set<string>, wanted: Set<string>): boolean {
  for (const t of wanted) if (set.has(t)) return true;
  return false;
}

/** Editable areas and their wrappers: never part of the customer's message. */
export function isComposerLike(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'INPUT' || tag === 'IFRAME' || tag === 'SELECT') return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  const t = ownTokens(el);
  return t.has('composer') || t.has('editor') || t.has('reply-box') || t.has('compose');
}

function isMessageBlock(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  // Most elements of a page carry no attributes at all: skip the token work for them.
  if (el.attributes.length === 0 && tag !== 'ARTICLE' && tag !== 'LI') return false;
  if (isComposerLike(el)) return false;
  const t = ownTokens(el);
  const looksLikeMessage =
    hasAny(t, MESSAGE_TOKENS) || tag === 'ARTICLE' || el.getAttribute('role') === 'article' || t.has('listitem');
  if (!looksLikeMessage) return false;
  // "message-body" is a part of a message; "messages" or "comment-list" is a list of them.
  for (const p of PART_TOKENS) if (t.has(p)) return false;
  return true;
}

function insideComposer(el: Element): boolean {
  for (let cur: Element | null = el; cur; cur = cur.parentElement) if (isComposerLike(cur)) return true;
  return false;
}

export type AuthorRole = 'customer' | 'agent' | 'unknown';

/** Who wrote a message block: markers on the block, its ancestors up to 2 levels, and its author line. */
export function authorRole(block: Element): AuthorRole {
  let customer = 0;
  let agent = 0;
  const count = (el: Element, weight: number) => {
    const t = ownTokens(el);
    if (hasAny(t, CUSTOMER_TOKENS)) customer += weight;
    if (hasAny(t, AGENT_TOKENS)) agent += weight;
  };
  count(block, 3);
  let up = block.parentElement;
  for (let i = 0; up && i < 2; i++, up = up.parentElement) count(up, 1);
  for (const d of block.querySelectorAll('*')) {
    if (isMessageBlock(d)) continue;
    const t = ownTokens(d);
    if (hasAny(t, AUTHOR_TOKENS) || t.has('avatar') || t.has('badge') || t.has('role')) count(d, 2);
  }
  if (customer > agent) return 'customer';
  if (agent > customer) return 'agent';
  return 'unknown';
}

function timestampOf(block: Element): string | undefined {
  const time = block.querySelector('time[datetime]');
  const candidates = [
    time?.getAttribute('datetime'),
    block.getAttribute('data-timestamp'),
    block.getAttribute('data-created-at'),
    block.getAttribute('data-time'),
    block.querySelector('[data-timestamp],[data-created-at]')?.getAttribute('data-timestamp'),
    block.querySelector('[data-created-at]')?.getAttribute('data-created-at'),
  ];
  for (const c of candidates) {
    if (!c) continue;
    const ms = /^\d{10,13}$/.test(c) ? Number(c) * (c.length === 10 ? 1000 : 1) : Date.parse(c);
    if (Number.isFinite(ms)) return new Date(ms).toISOString();
  }
  return undefined;
}

function authorOf(block: Element): string | undefined {
  for (const d of block.querySelectorAll('*')) {
    if (d === block || isMessageBlock(d)) continue;
    const t = ownTokens(d);
    if (!hasAny(t, AUTHOR_TOKENS)) continue;
    const name = normalizeText(d.textContent ?? '');
    if (name && name.length <= 80 && !name.includes('\n')) return name;
  }
  return undefined;
}

/** The block's message text: its body part when it has one, else its text without author line and actions. */
function bodyText(block: Element): string {
  for (const d of block.querySelectorAll('*')) {
    if (isComposerLike(d)) continue;
    const t = ownTokens(d);
    if (hasAny(t, BODY_TOKENS) && !hasAny(t, AUTHOR_TOKENS)) {
      const text = readableText(d, isComposerLike);
      if (text.length >= 2) return text;
    }
  }
  return readableText(block, (d) => {
    if (isComposerLike(d)) return true;
    const t = ownTokens(d);
    return hasAny(t, AUTHOR_TOKENS) || t.has('time') || t.has('actions') || t.has('avatar') || d.tagName === 'TIME';
  });
}

export interface MessageBlock {
  el: Element;
  role: AuthorRole;
  text: string;
  author?: string;
  at?: string;
}

/** Message-like blocks of the thread (or of `root`), innermost first-class messages only, in document order. */
export function messageBlocks(root: Document | Element): MessageBlock[] {
  return scanning(() =>
    messageElements(root)
      .map(describeOne)
      .filter((b): b is MessageBlock => b !== null),
  );
}

/** The elements `messageBlocks` describes, not yet read (reading every one is the costly part). */
export function messageElements(root: Document | Element): Element[] {
  const scope = root.nodeType === 9 ? (root as Document).body : (root as Element);
  if (!scope) return [];
  return scanning(() => {
    const candidates = [...scope.querySelectorAll('*')].filter((el) => isMessageBlock(el) && !insideComposer(el));
    // Candidates nest: a thread holds messages, and a message can hold a small marked piece (a sender's
    // "email" span). A candidate whose nested candidates carry most of its text is a list; otherwise it is a
    // message and what it holds are parts of it. One walk up per candidate, not a comparison of every pair.
    const set = new Set(candidates);
    const parentOf = new Map<Element, Element>();
    const kids = new Map<Element, Element[]>();
    for (const el of candidates) {
      for (let up = el.parentElement; up && up !== scope.parentElement; up = up.parentElement) {
        if (!set.has(up)) continue;
        parentOf.set(el, up);
        const list = kids.get(up);
        if (list) list.push(el);
        else kids.set(up, [el]);
        break;
      }
    }
    const lengths = new Map<Element, number>();
    const len = (el: Element) => {
      let n = lengths.get(el);
      if (n === undefined) {
        n = (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
        lengths.set(el, n);
      }
      return n;
    };
    const isList = (el: Element) => {
      const inner = kids.get(el);
      return inner !== undefined && inner.reduce((sum, k) => sum + len(k), 0) >= 0.5 * len(el);
    };
    const insideMessage = (el: Element) => {
      for (let up = parentOf.get(el); up; up = parentOf.get(up)) if (!isList(up)) return true;
      return false;
    };
    return candidates.filter((el) => !isList(el) && !insideMessage(el));
  });
}

/** Text, author, time and author role of one message element; null when it holds no text. */
export function describeBlock(el: Element): MessageBlock | null {
  return scanning(() => describeOne(el));
}

function describeOne(el: Element): MessageBlock | null {
  const text = bodyText(el);
  if (text.length < 2) return null;
  const author = authorOf(el);
  const at = timestampOf(el);
  return { el, role: authorRole(el), text, ...(author ? { author } : {}), ...(at ? { at } : {}) };
}

/** Latest customer block of a list: by timestamp when every one has one, else the last. */
export function latestOf(blocks: readonly MessageBlock[]): MessageBlock | null {
  const mine = blocks.filter((b) => b.role === 'customer');
  if (mine.length === 0) return null;
  if (mine.every((b) => b.at)) return mine.reduce((a, b) => ((b.at ?? '') >= (a.at ?? '') ? b : a));
  return mine[mine.length - 1] ?? null;
}

/**
 * The latest customer block among message elements, reading as few as possible: newest first (by timestamp
 * when every element has one, else from the end of the page), stopping at the first customer block.
 * `sawRoles` tells whether any element read had a known author role.
 */
export function latestCustomerAmong(elements: readonly Element[]): { block: MessageBlock | null; sawRoles: boolean } {
  return scanning(() => {
    const stamped = elements.map((el, i) => ({ el, i, at: timestampOf(el) }));
    const someStamped = stamped.some((s) => s.at);
    if (someStamped && !stamped.every((s) => s.at)) {
      // Mixed: only the customer's own blocks must carry times; read them all (rare, and no worse than before).
      const blocks = stamped.map((s) => describeOne(s.el)).filter((b): b is MessageBlock => b !== null);
      return { block: latestOf(blocks), sawRoles: blocks.some((b) => b.role !== 'unknown') };
    }
    const order = someStamped
      ? [...stamped].sort((a, b) => (b.at ?? '').localeCompare(a.at ?? '') || b.i - a.i)
      : [...stamped].reverse();
    let sawRoles = false;
    for (const { el } of order) {
      const role = authorRole(el);
      if (role !== 'unknown') sawRoles = true;
      if (role !== 'customer') continue;
      const block = describeOne(el);
      if (block) return { block, sawRoles };
    }
    return { block: null, sawRoles };
  });
}

/** Latest block written by the customer: by timestamp when every one has one, else the last in the page. */
export function latestCustomerBlock(root: Document | Element): MessageBlock | null {
  return latestCustomerAmong(messageElements(root)).block;
}

/** Readability over a copy of the page without its composers; null when the page has no article-like text. */
export function readabilityMessage(doc: Document): CustomerMessage | null {
  const copy = doc.cloneNode(true) as Document;
  for (const el of [
    ...copy.querySelectorAll('textarea, input, iframe, [contenteditable], form, nav, header, footer'),
  ]) {
    if (el.getAttribute('contenteditable') === 'false') continue;
    el.remove();
  }
  let article: ReturnType<Readability['parse']>;
  try {
    article = new Readability(copy, { charThreshold: 80 }).parse();
  } catch {
    return null;
  }
  const text = normalizeText(article?.textContent ?? '');
  if (text.length < 40) return null;
  const author = article?.byline?.trim();
  const at = article?.publishedTime ? new Date(article.publishedTime) : null;
  return {
    text: clipTail(text),
    ...(author ? { author } : {}),
    ...(at && Number.isFinite(at.getTime()) ? { at: at.toISOString() } : {}),
  };
}

function editorOf(el: Element): ComposerClassification['editor'] {
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA') return 'textarea';
  const cls = markerText(el);
  if (tag === 'IFRAME') {
    if (cls.includes('cke')) return 'ckeditor4';
    if (cls.includes('tox') || cls.includes('mce')) return 'tinymce';
    return undefined;
  }
  if (el.classList.contains('ProseMirror')) return 'prosemirror';
  if (el.classList.contains('ql-editor')) return 'quill';
  return 'contenteditable';
}

/** Markers of the composer and its nearest ancestors, plus its name, placeholder and label. */
function composerMarkers(el: Element): string {
  const bits: string[] = [];
  let cur: Element | null = el;
  // Five levels reach the editor's wrapper ("note-editor", "internal-reply") without reaching the ticket pane.
  for (let i = 0; cur && i < 5; i++, cur = cur.parentElement) {
    bits.push(markerText(cur), cur.getAttribute('name') ?? '', cur.getAttribute('placeholder') ?? '');
  }
  const id = el.getAttribute('id');
  if (id) {
    // Compare htmlFor rather than building a selector: ids can hold any character.
    for (const label of el.ownerDocument.querySelectorAll('label')) {
      if (label.htmlFor === id) bits.push(label.textContent ?? '');
    }
  }
  return bits.join(' ');
}

export function classifyGenericComposer(el: Element): ComposerClassification | null {
  const tag = el.tagName.toUpperCase();
  if (tag === 'INPUT' || tag === 'SELECT') return null;
  const role = el.getAttribute('role');
  if (role === 'searchbox' || role === 'combobox' || el.getAttribute('aria-readonly') === 'true') return null;
  if (tag === 'TEXTAREA' && ((el as HTMLTextAreaElement).readOnly || (el as HTMLTextAreaElement).disabled)) return null;
  const own = `${markerText(el)} ${el.getAttribute('name') ?? ''} ${el.getAttribute('placeholder') ?? ''}`;
  // Test attribute values, not the name "title=" itself (CKEditor titles its iframe "Rich Text Editor, x").
  if (NOT_A_COMPOSER.test(own.replace(/(^|\s)title=/g, '$1').replace(/[-_]/g, ' '))) return null;
  const markers = composerMarkers(el).replace(/[-_]/g, ' ');
  const editor = editorOf(el);
  return { audience: INTERNAL_COMPOSER.test(markers) ? 'internal' : 'customer', ...(editor ? { editor } : {}) };
}

function channelFromPage(doc: Document, win: Window): TicketContext['channel'] {
  const hay = `${win.location.href} ${doc.body ? markerText(doc.body) : ''}`.toLowerCase();
  if (/\b(chat|messenger|live-?chat|conversation-?chat)\b/.test(hay)) return 'chat';
  if (/\b(mail|email|e-mail|inbox)\b/.test(hay)) return 'email';
  return null;
}

export const genericAdapter: SiteAdapter = {
  id: 'generic',
  name: 'Any site (generic)',
  // Generic only runs where the agent enabled it (registered at run time), and on localhost by default.
  matches: [],
  detect: () => true,
  classifyComposer: (el) => classifyGenericComposer(el),
  async latestCustomerMessage(doc, _win, signal) {
    if (signal?.aborted) return null;
    const { block, sawRoles } = latestCustomerAmong(messageElements(doc));
    if (block) {
      return {
        text: clipTail(block.text),
        ...(block.author ? { author: block.author } : {}),
        ...(block.at ? { at: block.at } : {}),
        element: block.el,
      };
    }
    // Blocks were found but none reads as the customer's: better no message than the agent's own words.
    if (sawRoles) return null;
    return readabilityMessage(doc);
  },
  ticketContext(doc, win) {
    const href = win.location.href;
    const requester = memoForPage(doc, href, 'generic:requester', () => latestCustomerBlock(doc)?.author ?? null);
    return {
      ticketId: ticketIdFromUrl(href),
      channel: memoForPage(doc, href, 'generic:channel', () => channelFromPage(doc, win)),
      requesterName: requester,
      agent: null,
      url: href,
    };
  },
};

export default genericAdapter;
