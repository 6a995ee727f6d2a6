// Fallback adapter for any site the agent enables (self-hosted helpdesks, webmail, ...). It knows no markup,
// so it guesses: message-like blocks with author roles and timestamps first, Readability second, and null
// (draft-only coaching) when neither finds anything that reads like a customer message.
import { Readability } from '@mozilla/readability';
import {
  clipTail,
  markerText,
  memoForPage,
  normalizeText,
  readableText,
  rememberForPage,
  ticketIdFromUrl,
} from './dom';
import { blockId, blockTime, listOrder } from './thread-order';
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
  'field',
  'fields',
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
/** Words in a label, placeholder or tab that mean "only colleagues read this" (en, sv, nb, da, fi). */
const INTERNAL_COMPOSER =
  /\b(internal|private|note|notes|intern|interna|internt|anteckning|notat|sisäinen|muistiinpano)\b/i;
/** The same as marker tokens (class names, data-* values). */
const INTERNAL_TOKENS = new Set([
  'internal',
  'private',
  'note',
  'notes',
  'intern',
  'interna',
  'internt',
  'anteckning',
  'notat',
  'sisäinen',
  'muistiinpano',
  'is-internal',
  'is-private',
  'is-note',
]);
/** Layout cues of a chat bubble's side: incoming messages start the line, outgoing ones end it. */
const START_SIDE = new Set(['left', 'justify-start', 'self-start', 'mr-auto', 'me-auto', 'incoming', 'received']);
const END_SIDE = new Set([
  'right',
  'justify-end',
  'self-end',
  'ml-auto',
  'ms-auto',
  'flex-row-reverse',
  'outgoing',
  'sent',
]);
/** How pages name the signed-in agent's own messages. */
const SELF_AUTHORS = new Set(['you', 'me', 'du', 'jag', 'deg', 'dig', 'meg', 'mig', 'sinä', 'minä']);
/** Editable things that are not replies. */
const NOT_A_COMPOSER = /\b(search|sök|søk|haku|filter|subject|ämne|emne|title|tags?|cc|bcc|recipients?|macros?)\b/i;
const AUTHOR_TOKENS = new Set([
  'author',
  'sender',
  'from',
  'name',
  'user-name',
  'username',
  'byline',
  'actor',
  'person',
]);
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

/**
 * Split "zd-comment__body--customer isCustomer" into comparable tokens: zd, comment, body, customer, is, ...
 * A leading "note-" is a namespace, not a note: Summernote prefixes every class of its editor with it
 * (note-editor, note-editable, note-toolbar, note-popover), and FreeScout's reply composer is Summernote
 * (../shared/helpdesk-evidence/freescout-1.8.145). "conv-note-block", "is-note" or "note" still mean a note.
 */
export function tokenize(marker: string): Set<string> {
  const out = new Set<string>();
  for (const raw of marker.split(/[\s="]+/)) {
    if (!raw) continue;
    const dashed = raw.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
    out.add(dashed);
    const namespaced = /^notes?[-_.:]+[a-z0-9]/.test(dashed);
    const parts = dashed.split(/[-_.:/]+/);
    for (let i = namespaced ? 1 : 0; i < parts.length; i++) if (parts[i]) out.add(parts[i] as string);
    // Keep two-word compounds ("end-user", "conversation-part") as one token too.
    const pieces = dashed.split(/[-_]+/).filter(Boolean);
    for (let i = namespaced ? 1 : 0; i + 1 < pieces.length; i++) out.add(`${pieces[i]}-${pieces[i + 1]}`);
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

/** Substrings one of MESSAGE_TOKENS (or "listitem") needs in a class or id: a cheap first look. */
const MAY_BE_MESSAGE = /message|msg|comment|reply|post|event|entry|bubble|part|item|note/i;

/**
 * Whether an element needs the full look: the costly token work is skipped for the many elements of a long
 * thread whose only attributes are a class and id that cannot hold a message token.
 */
function mayBeMessage(el: Element, tag: string): boolean {
  if (tag === 'ARTICLE' || tag === 'LI') return true;
  const count = el.attributes.length;
  if (count === 0) return false;
  const cls = el.getAttribute('class');
  const id = el.getAttribute('id');
  if (count > (cls === null ? 0 : 1) + (id === null ? 0 : 1)) return true;
  return MAY_BE_MESSAGE.test(cls ?? '') || MAY_BE_MESSAGE.test(id ?? '');
}

/** Verdicts by tag and marker: a long thread repeats the same few element shapes thousands of times. */
const verdictByShape = new Map<string, boolean>();

function isMessageBlock(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  // Most elements of a page carry no attributes, or none that could mark a message: skip the token work.
  if (!mayBeMessage(el, tag)) return false;
  const shape = `${tag}|${el.getAttribute('contenteditable') ?? ''}|${roleMarker(el)}`;
  const known = verdictByShape.get(shape);
  if (known !== undefined) return known;
  const verdict = messageShape(el, tag);
  if (verdictByShape.size > 4000) verdictByShape.clear();
  verdictByShape.set(shape, verdict);
  return verdict;
}

function messageShape(el: Element, tag: string): boolean {
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
  const ms = blockTime(block);
  return ms === null ? undefined : new Date(ms).toISOString();
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
    return (
      hasAny(t, AUTHOR_TOKENS) ||
      t.has('time') ||
      t.has('date') ||
      t.has('timestamp') ||
      t.has('actions') ||
      t.has('avatar') ||
      d.tagName === 'TIME'
    );
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

/** Pages up to this many elements are read whole. */
const WHOLE_PAGE_LIMIT = 8000;
/** On a bigger page, this many elements at each end of it (in document order) are read. */
const END_WINDOW = 1500;

/**
 * The elements to look at for messages. Real helpdesk pages (3,000-10,000 elements) are read whole, so a
 * thread anywhere in them is found. A page beyond that is a long thread (2,000 messages is some 15,000
 * elements), read at its two ends only: the newest messages are at one end or the other (newest first or
 * oldest first), the page's order cues are there too, and the cost stops growing with the thread.
 */
function scanPool(scope: Element, whole: boolean): Element[] {
  // A static list: indexing a live HTMLCollection from its far end walks the tree again.
  const all = scope.querySelectorAll('*');
  const n = all.length;
  if (whole || n <= WHOLE_PAGE_LIMIT) return [...all];
  const out: Element[] = [];
  for (let i = 0; i < END_WINDOW; i++) out.push(all[i] as Element);
  for (let i = n - END_WINDOW; i < n; i++) out.push(all[i] as Element);
  return out;
}

/** The elements `messageBlocks` describes, not yet read (reading every one is the costly part). */
export function messageElements(root: Document | Element, opts: { whole?: boolean } = {}): Element[] {
  const scope = root.nodeType === 9 ? (root as Document).body : (root as Element);
  if (!scope) return [];
  return scanning(() => {
    const candidates = scanPool(scope, opts.whole ?? false).filter((el) => isMessageBlock(el) && !insideComposer(el));
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
    // Blocks without text (an empty form row, an image-only part) are not messages to answer.
    return candidates.filter((el) => !isList(el) && !insideMessage(el) && len(el) >= 2);
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

/** Whether a reply composer sits above the first of `elements` (newest-first helpdesks put it there). */
export function composerAbove(elements: readonly Element[]): boolean {
  const first = elements[0];
  const last = elements[elements.length - 1];
  if (!first || !last) return false;
  for (const ed of first.ownerDocument.querySelectorAll('[contenteditable="true"], [contenteditable=""], textarea')) {
    // Position first (cheap), then whether it is a reply box at all (not a search or subject field).
    const beforeFirst = (ed.compareDocumentPosition(first) & 4) !== 0; // DOCUMENT_POSITION_FOLLOWING
    const afterLast = (last.compareDocumentPosition(ed) & 4) !== 0;
    if (!beforeFirst || afterLast || first.contains(ed)) continue;
    if (isEditableReplyBox(ed)) return true;
  }
  return false;
}

/** How many messages at each end of a thread are read to tell its order (a long thread is not read whole). */
const ORDER_SAMPLE = 12;
/** Up to this many messages, a thread is ordered by time whenever every message has one. */
const FULL_SORT_LIMIT = 300;

/**
 * Indexes of `elements`, newest first: by times when every message has one, else by the page's order cues
 * (thread-order.ts). A long thread's order is read from a sample at both ends, and only its newest messages
 * are sorted by time, so a 2,000-message thread costs about what a 50-message one does.
 */
export function newestFirst(elements: readonly Element[], above = false): number[] {
  const now = Date.now();
  const n = elements.length;
  const sampled = n <= FULL_SORT_LIMIT ? elements.map((_, i) => i) : sampleEnds(n, ORDER_SAMPLE);
  const times = new Map<number, number | null>();
  const timeAt = (i: number) => {
    if (!times.has(i)) times.set(i, blockTime(elements[i] as Element, now));
    return times.get(i) ?? null;
  };
  const order = listOrder({
    times: sampled.map(timeAt),
    ids: sampled.map((i) => blockId(elements[i] as Element)),
    composerAbove: above,
  });
  const idx = elements.map((_, i) => i);
  if (order === 'oldest-first') idx.reverse();
  // Sort by time where every message (of a short thread) or every one of the newest (of a long one) has one.
  const head = n <= FULL_SORT_LIMIT ? idx : idx.slice(0, 3 * ORDER_SAMPLE);
  if (head.every((i) => timeAt(i) !== null)) {
    const rank = new Map(head.map((i, r) => [i, r]));
    head.sort((a, b) => (timeAt(b) as number) - (timeAt(a) as number) || (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    if (head !== idx) idx.splice(0, head.length, ...head);
  }
  return idx;
}

function sampleEnds(n: number, k: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < k; i++) out.push(i);
  for (let i = n - k; i < n; i++) out.push(i);
  return out;
}

/** Start or end of the line for a chat bubble, from its layout classes or, in a real page, its box. */
function sideOf(block: Element): 'start' | 'end' | null {
  const look = (el: Element): 'start' | 'end' | null => {
    const t = ownTokens(el);
    const start = hasAny(t, START_SIDE);
    const end = hasAny(t, END_SIDE);
    return start === end ? null : start ? 'start' : 'end';
  };
  // The block itself and what it holds first, then the rows around it (the nearest marker wins): a picked
  // bubble's side is often on its row (Chatwoot's justify-start / justify-end, left-bubble / right-bubble).
  const own = look(block);
  if (own) return own;
  for (const child of block.children) {
    const side = look(child) ?? [...child.children].map(look).find(Boolean);
    if (side) return side;
  }
  let up = block.parentElement;
  for (let i = 0; up && i < 4 && up.tagName !== 'BODY'; i++, up = up.parentElement) {
    const side = look(up);
    if (side) return side;
  }
  // Layout, where there is one (jsdom has none): the bubble's centre against its row's.
  const row = block.parentElement?.getBoundingClientRect();
  const bubble = block.getBoundingClientRect();
  if (!row || row.width <= 0 || bubble.width <= 0 || bubble.width > 0.85 * row.width) return null;
  const centre = (bubble.left + bubble.width / 2 - row.left) / row.width;
  return centre < 0.45 ? 'start' : centre > 0.55 ? 'end' : null;
}

function isSelfAuthor(author: string | undefined): boolean {
  return author !== undefined && SELF_AUTHORS.has(author.toLowerCase());
}

/**
 * The customer's newest message where the page marks no message as theirs: some pages mark only internal
 * notes (or agents), some show authorship only by the bubble's side. Among the unmarked messages: by side
 * when both sides occur (incoming starts the line), else by author (not an agent who wrote a marked message,
 * not "you"), else the newest unmarked one when something else on the page was marked.
 */
function inferCustomer(ordered: readonly Element[], roles: readonly AuthorRole[]): MessageBlock | null {
  const unmarked = ordered.filter((_, i) => roles[i] === 'unknown');
  if (unmarked.length === 0) return null;
  const sides = unmarked.map(sideOf);
  if (sides.includes('start') && sides.includes('end')) {
    for (let i = 0; i < unmarked.length; i++) {
      if (sides[i] !== 'start') continue;
      const block = describeOne(unmarked[i] as Element);
      if (block) return block;
    }
    return null;
  }
  // Authors and the newest unmarked message only mean something next to messages the page did mark.
  if (!roles.includes('agent')) return null;
  const agents = new Set<string>();
  ordered.forEach((el, i) => {
    if (roles[i] !== 'agent') return;
    const author = authorOf(el);
    if (author) agents.add(author.toLowerCase());
  });
  const described = unmarked.map(describeOne).filter((b): b is MessageBlock => b !== null);
  const withAuthors = described.filter((b) => b.author);
  if (withAuthors.length > 0) {
    return withAuthors.find((b) => !isSelfAuthor(b.author) && !agents.has((b.author as string).toLowerCase())) ?? null;
  }
  return described[0] ?? null;
}

/**
 * The latest customer block among message elements, reading as few as possible: newest first (see
 * `newestFirst`), stopping at the first customer block; where no message is marked as the customer's, the
 * unmarked ones are weighed by side and author (`inferCustomer`). `sawRoles` tells whether any element read
 * had a known author role.
 */
export function latestCustomerAmong(
  elements: readonly Element[],
  opts: { composerAbove?: boolean } = {},
): { block: MessageBlock | null; sawRoles: boolean } {
  return scanning(() => {
    const ordered = newestFirst(elements, opts.composerAbove ?? composerAbove(elements)).map(
      (i) => elements[i] as Element,
    );
    let sawRoles = false;
    const roles: AuthorRole[] = [];
    for (const el of ordered) {
      const role = authorRole(el);
      roles.push(role);
      if (role !== 'unknown') sawRoles = true;
      if (role !== 'customer') continue;
      const block = describeOne(el);
      if (block) return { block, sawRoles };
    }
    return { block: inferCustomer(ordered, roles), sawRoles };
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

/** Name, placeholder and label of a composer: free text that may say "Internal note". */
function composerLabels(el: Element): string {
  const bits = [
    el.getAttribute('name') ?? '',
    el.getAttribute('placeholder') ?? '',
    el.getAttribute('aria-label') ?? '',
  ];
  const id = el.getAttribute('id');
  if (id) {
    // Compare htmlFor rather than building a selector: ids can hold any character.
    for (const label of el.ownerDocument.querySelectorAll('label')) {
      if (label.htmlFor === id) bits.push(label.textContent ?? '');
    }
  }
  return bits.join(' ');
}

const NOTE_FIELD = /(^|[-_])(is[-_]?)?(note|internal|private)$/i;
const PUBLIC_FIELD = /(^|[-_])(is[-_]?)?public$/i;
const SELECTED = '[aria-selected="true"], [aria-pressed="true"], [aria-checked="true"], .active, .is-active, .selected';

/**
 * Whether the helpdesk has put this composer in internal-note mode. Markers on the composer and its wrappers
 * (six levels reach FreeScout's .conv-reply-block, whose note mode adds .conv-note-block), the composer's
 * form (FreeScout's hidden input[name=is_note] = 1, Zendesk's "_is_public" checkbox unchecked), and a
 * selected tab or toggle next to it that reads "Note" / "Internal" (Chatwoot's and Intercom's reply/note tabs).
 */
export function isInternalComposer(el: Element): boolean {
  if (INTERNAL_COMPOSER.test(composerLabels(el).replace(/[-_]/g, ' '))) return true;
  let cur: Element | null = el;
  for (let i = 0; cur && i < 7; i++, cur = cur.parentElement) {
    if (cur.tagName === 'BODY') break;
    if (hasAny(ownTokens(cur), INTERNAL_TOKENS)) return true;
  }
  const form = el.closest('form');
  if (form) {
    for (const input of form.querySelectorAll('input')) {
      const name = input.getAttribute('name') ?? '';
      const on =
        input.type === 'checkbox' || input.type === 'radio' ? input.checked : /^(1|true|on|yes)$/i.test(input.value);
      if (input.type !== 'hidden' && input.type !== 'checkbox' && input.type !== 'radio') continue;
      if (NOTE_FIELD.test(name) && on) return true;
      if (PUBLIC_FIELD.test(name) && input.type === 'checkbox' && !on) return true;
    }
  }
  cur = el.parentElement;
  for (let i = 0; cur && i < 4; i++, cur = cur.parentElement) {
    if (cur.tagName === 'BODY') break;
    for (const tab of cur.querySelectorAll(SELECTED)) {
      if (tab.contains(el)) continue;
      const text = normalizeText(tab.textContent ?? '') || (tab.getAttribute('aria-label') ?? '');
      if (text.length <= 40 && INTERNAL_COMPOSER.test(text)) return true;
    }
  }
  return false;
}

/** An editable element that could be a reply box: not an input, search, subject or read-only field. */
function isEditableReplyBox(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'INPUT' || tag === 'SELECT') return false;
  const role = el.getAttribute('role');
  if (role === 'searchbox' || role === 'combobox' || el.getAttribute('aria-readonly') === 'true') return false;
  if (tag === 'TEXTAREA' && ((el as HTMLTextAreaElement).readOnly || (el as HTMLTextAreaElement).disabled))
    return false;
  const own = `${markerText(el)} ${el.getAttribute('name') ?? ''} ${el.getAttribute('placeholder') ?? ''}`;
  // Test attribute values, not the name "title=" itself (CKEditor titles its iframe "Rich Text Editor, x").
  return !NOT_A_COMPOSER.test(own.replace(/(^|\s)title=/g, '$1').replace(/[-_]/g, ' '));
}

export function classifyGenericComposer(el: Element): ComposerClassification | null {
  if (!isEditableReplyBox(el)) return null;
  const editor = editorOf(el);
  const audience = scanning(() => (isInternalComposer(el) ? 'internal' : 'customer'));
  return { audience, ...(editor ? { editor } : {}) };
}

/** Fields only an email composer has (FreeScout's to_email[], cc[], bcc[]; most webmails' Cc/Bcc). */
const EMAIL_FIELDS =
  'select[name^="cc"], select[name^="bcc"], input[name^="cc"], input[name^="bcc"], [name^="to_email"]';

function channelFromPage(doc: Document, win: Window): TicketContext['channel'] {
  const hay = `${win.location.href} ${doc.body ? markerText(doc.body) : ''}`.toLowerCase();
  if (/\b(chat|messenger|live-?chat|conversation-?chat)\b/.test(hay)) return 'chat';
  if (/\b(mail|email|e-mail|inbox|mailbox)\b|mailbox[-_]id/.test(hay)) return 'email';
  return doc.querySelector(EMAIL_FIELDS) ? 'email' : null;
}

/** Where pages name the signed-in agent: a user menu in the page's header or navigation. */
const AGENT_NAME =
  '[class*="nav-user"], [class*="current-user"], [class*="user-name"], [class*="username"], [class*="agent-name"], [class*="account-name"], [data-current-user-name]';
/** Where pages name the customer outside the thread: a customer or requester card in a sidebar. */
const REQUESTER_NAME =
  '[class~="customer-name"], [class*="requester-name"], [class*="customer__name"], [class*="contact-name"], [data-requester-name]';

function shortText(el: Element | null): string | null {
  const text = normalizeText(el?.textContent ?? '');
  return text && text.length <= 60 && !text.includes('\n') ? text : null;
}

function agentFromPage(doc: Document): string | null {
  // The page's own header and navigation come first; a thread's 2,000 message <header>s need not be searched.
  const scopes = [...doc.querySelectorAll('nav, header, [role="banner"], [role="navigation"]')].slice(0, 8);
  for (const scope of scopes) {
    const name = shortText(scope.querySelector(AGENT_NAME));
    if (name) return name;
  }
  return null;
}

export const genericAdapter: SiteAdapter = {
  id: 'generic',
  name: 'Any site (generic)',
  // Generic only runs where the agent enabled it (registered at run time), and on localhost by default.
  matches: [],
  detect: () => true,
  classifyComposer: (el) => classifyGenericComposer(el),
  async latestCustomerMessage(doc, win, signal) {
    if (signal?.aborted) return null;
    let { block, sawRoles } = latestCustomerAmong(messageElements(doc));
    // A big page whose ends hold no customer message may have its thread in the middle: read it whole.
    if (!block && (doc.body?.getElementsByTagName('*').length ?? 0) > WHOLE_PAGE_LIMIT) {
      ({ block, sawRoles } = latestCustomerAmong(messageElements(doc, { whole: true })));
    }
    // The ticket context names the requester from the same block: no second read of a long thread.
    rememberForPage(
      doc,
      win.location.href,
      'generic:requester',
      block?.author ?? shortText(doc.querySelector(REQUESTER_NAME)),
    );
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
    const requester = memoForPage(
      doc,
      href,
      'generic:requester',
      () => latestCustomerBlock(doc)?.author ?? shortText(doc.querySelector(REQUESTER_NAME)),
    );
    return {
      ticketId: ticketIdFromUrl(href),
      channel: memoForPage(doc, href, 'generic:channel', () => channelFromPage(doc, win)),
      requesterName: requester,
      agent: memoForPage(doc, href, 'generic:agent', () => agentFromPage(doc)),
      url: href,
    };
  },
};

export default genericAdapter;
