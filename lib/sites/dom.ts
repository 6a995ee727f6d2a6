// Small DOM helpers shared by the site adapters. Not an adapter itself.

/**
 * A selector with where it comes from and when, newest first in a list (dated fallbacks, as refined-github's selectors.ts keeps them). Evidence for the
 * helpdesks we cannot run lives in ../shared/helpdesk-evidence/ (evidence.json: one row per finding).
 */
export interface DatedSelector {
  selector: string;
  /**
   * ISO date (YYYY-MM-DD): when the source showed it (a commit date, a saved page's capture date), or, for an
   * undated source, the day the evidence was gathered.
   */
  seen: string;
  /** Where it was seen: a repository file URL at a commit, a saved page in tests/fixtures, or a live instance. */
  source: string;
}

/** First element matching any of the dated selectors, tried in order (newest markup first). */
export function queryFirst<E extends Element = Element>(
  root: ParentNode,
  selectors: readonly DatedSelector[],
): E | null {
  for (const { selector } of selectors) {
    const found = root.querySelector<E>(selector);
    if (found) return found;
  }
  return null;
}

/** Nearest ancestor (or `el` itself) matching any of the dated selectors, tried in order. */
export function closestFirst<E extends Element = Element>(el: Element, selectors: readonly DatedSelector[]): E | null {
  for (const { selector } of selectors) {
    const found = el.closest<E>(selector as never);
    if (found) return found as E;
  }
  return null;
}

/** Whether `el` matches any of the dated selectors. */
export function matchesAny(el: Element, selectors: readonly DatedSelector[]): boolean {
  return selectors.some(({ selector }) => el.matches(selector));
}

/** All elements matched by the first dated selector that matches anything. */
export function queryAllFirst<E extends Element = Element>(root: ParentNode, selectors: readonly DatedSelector[]): E[] {
  for (const { selector } of selectors) {
    const found = root.querySelectorAll<E>(selector);
    if (found.length > 0) return [...found];
  }
  return [];
}

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'BLOCKQUOTE',
  'DIV',
  'DL',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'UL',
]);
const LINE_TAGS = new Set(['LI', 'TR', 'DT', 'DD', 'TD', 'TH']);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA']);

/**
 * Readable text of an element: block boundaries become line breaks, runs of blanks collapse.
 * `textContent` would glue paragraphs together ("Hello.Thanks"), and jsdom has no `innerText`.
 */
export function readableText(el: Element, skip?: (el: Element) => boolean): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const child = node as Element;
    const tag = child.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag) || child.getAttribute('aria-hidden') === 'true' || child.hasAttribute('hidden')) return;
    if (skip?.(child)) return;
    if (tag === 'BR') {
      parts.push('\n');
      return;
    }
    // Paragraph-like blocks end with a blank line, list items and table rows with a line break.
    const block = BLOCK_TAGS.has(tag);
    const line = LINE_TAGS.has(tag);
    if (block || line) parts.push('\n');
    for (const c of child.childNodes) walk(c);
    if (block) parts.push('\n');
  };
  for (const c of el.childNodes) walk(c);
  return normalizeText(parts.join(''));
}

/** Collapse blanks inside lines and blank lines between paragraphs. */
export function normalizeText(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\r]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Class, id, role, aria-label and data-* values of an element, lower-cased unless asked: what heuristics look at. */
export function markerText(el: Element, opts: { lowerCase?: boolean } = {}): string {
  const bits: string[] = [el.id, typeof el.className === 'string' ? el.className : (el.getAttribute('class') ?? '')];
  for (const attr of el.attributes) {
    if (attr.name.startsWith('data-') || attr.name === 'role' || attr.name === 'aria-label' || attr.name === 'title') {
      bits.push(`${attr.name}=${attr.value}`);
    }
  }
  const text = bits.join(' ');
  return opts.lowerCase === false ? text : text.toLowerCase();
}

/** Ticket ids in common helpdesk URL shapes: /tickets/123, /conversations/123, ?id=123, #/tickets/123. */
export function ticketIdFromUrl(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const path = `${url.pathname}${url.hash}`;
  const m = /\/(?:tickets?|conversations?|cases?|requests?|issues?|inbox\/\w+\/conversations?)\/(\d+)/i.exec(path);
  if (m?.[1]) return m[1];
  const id = url.searchParams.get('id') ?? url.searchParams.get('ticket') ?? url.searchParams.get('ticket_id');
  return id && /^\d+$/.test(id) ? id : null;
}

/** `text` clipped to its last `max` characters at a paragraph or word boundary (the latest words matter most). */
export function clipTail(text: string, max = 4000): string {
  if (text.length <= max) return text;
  const tail = text.slice(text.length - max);
  const cut = tail.search(/\n|\s/);
  return (cut >= 0 && cut < 200 ? tail.slice(cut) : tail).trim();
}

const pageMemo = new WeakMap<Document, Map<string, { href: string; at: number; value: unknown }>>();

/**
 * `compute()` once per document, URL and `ttlMs`. The content script asks for the ticket context on every
 * keystroke; scanning a long thread that often would eat the frame budget, and the answer rarely changes.
 */
export function memoForPage<T>(doc: Document, href: string, key: string, compute: () => T, ttlMs = 3000): T {
  let entries = pageMemo.get(doc);
  if (!entries) {
    entries = new Map();
    pageMemo.set(doc, entries);
  }
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.href === href && now - hit.at < ttlMs) return hit.value as T;
  const value = compute();
  entries.set(key, { href, at: now, value });
  return value;
}

/** Store `value` as `memoForPage` would have computed it now (a caller that already did the work). */
export function rememberForPage<T>(doc: Document, href: string, key: string, value: T): void {
  let entries = pageMemo.get(doc);
  if (!entries) {
    entries = new Map();
    pageMemo.set(doc, entries);
  }
  entries.set(key, { href, at: Date.now(), value });
}
