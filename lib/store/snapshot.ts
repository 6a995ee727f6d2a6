// The panel's first paint from a picture of its last view. Opening the panel costs the browser about as much
// as any extension page, and then React, Dexie and i18next still have to load and read before anything shows
// (scripts/bench-panel.ts measures both). So the panel keeps the HTML of the view it last showed, per tab, in
// its own localStorage (synchronous, extension origin only) and puts it on screen, inert, before loading
// anything else; the live view replaces it as soon as its data is read. Sign-in and sign-out delete it, like
// every other local record (entrypoints/options/actions.ts, entrypoints/sidepanel/actions.ts).

/** Each tab's picture is kept under this key plus the tab's name (scripts/bench-panel.ts deletes it too). */
export const PANEL_SNAPSHOT_PREFIX = 'attune.panelSnapshot.';
const PREFIX = PANEL_SNAPSHOT_PREFIX;
const VERSION = 1;
/** A bigger view (a long feedback page) is not worth the storage: the live view comes soon enough. */
const MAX_HTML_CHARS = 200_000;

export interface PanelSnapshot {
  v: typeof VERSION;
  /** The UI language it was rendered in (<html lang>). */
  lang: string;
  html: string;
  savedAt: string;
}

/** The live view is on screen with its data: a section of the panel's views, none of them still reading. */
export function isViewReady(root: ParentNode): boolean {
  return root.querySelector('.view') !== null && root.querySelector('[aria-busy="true"]') === null;
}

/**
 * The view's HTML as a copy that cannot be mistaken for the live view: ids and test ids renamed (no duplicate
 * ids; queries by test id find only the live view). With `keepAbove` (px from the top of the viewport), what
 * lies wholly below it is left out: the picture only stands in for the first screen, and every element in it
 * has to be parsed, checked and laid out before the first paint.
 */
export function inertHtml(root: Element, keepAbove = Number.POSITIVE_INFINITY): string {
  const copy = root.cloneNode(true) as Element;
  if (Number.isFinite(keepAbove)) dropBelow(root, copy, keepAbove);
  for (const [from, to] of [
    ['id', 'data-snapshot-id'],
    ['data-testid', 'data-snapshot-testid'],
  ] as const) {
    for (const el of copy.querySelectorAll(`[${from}]`)) {
      el.setAttribute(to, el.getAttribute(from) ?? '');
      el.removeAttribute(from);
    }
  }
  return copy.innerHTML;
}

/**
 * Removes from `copy` (a deep clone of `live`) the elements whose box in `live` starts at or below `limit`,
 * looking inside only the elements that straddle it. Positions are the live view's as they are now: if it is
 * scrolled down, boxes are higher than at the top, so this keeps more, never less, than the first screen.
 */
function dropBelow(live: Element, copy: Element, limit: number): void {
  const copies = [...copy.children];
  [...live.children].forEach((child, i) => {
    const twin = copies[i];
    if (!twin) return;
    const box = child.getBoundingClientRect();
    if (box.height === 0 && box.width === 0) return;
    if (box.top >= limit) twin.remove();
    else if (box.bottom > limit) dropBelow(child, twin, limit);
  });
}

/** What was on screen when saved; a panel opened taller shows blank below it until the live view comes. */
const KEEP_SCREENS = 1;

export function savePanelSnapshot(storage: Storage, tab: string, lang: string, root: Element, now = new Date()): void {
  const viewport = root.ownerDocument.defaultView?.innerHeight ?? 0;
  // No viewport (a document without a window): keep everything rather than nothing. Elements without a box
  // (display: none; or jsdom, which lays nothing out) are kept whole by dropBelow.
  const html = inertHtml(root, viewport > 0 ? viewport * KEEP_SCREENS : Number.POSITIVE_INFINITY);
  if (html.length > MAX_HTML_CHARS) return;
  const snapshot: PanelSnapshot = { v: VERSION, lang, html, savedAt: now.toISOString() };
  try {
    storage.setItem(PREFIX + tab, JSON.stringify(snapshot));
  } catch {
    // Quota or storage disabled: the panel simply starts without a picture.
  }
}

export function readPanelSnapshot(storage: Storage, tab: string): PanelSnapshot | null {
  try {
    const raw = storage.getItem(PREFIX + tab);
    if (!raw) return null;
    const s = JSON.parse(raw) as Partial<PanelSnapshot>;
    return s.v === VERSION && typeof s.html === 'string' && typeof s.lang === 'string' && typeof s.savedAt === 'string'
      ? (s as PanelSnapshot)
      : null;
  } catch {
    return null;
  }
}

/**
 * Puts a picture on screen. The HTML is the panel's own serialised DOM, where remote strings were text nodes
 * (escaped when serialised); it is still parsed in an inert template (nothing loads, no handler runs) and
 * anything executable is dropped before it reaches the page (extension pages' CSP forbids inline script too).
 * tests/dom/panel/xss.test.tsx round-trips the hostile-string corpus through it.
 */
export function restorePanelSnapshot(holder: Element, snapshot: PanelSnapshot): void {
  const template = holder.ownerDocument.createElement('template');
  template.innerHTML = snapshot.html;
  for (const el of template.content.querySelectorAll('script, iframe, object, embed, link, meta, base, style')) {
    el.remove();
  }
  for (const el of template.content.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      const unsafeUrl = /^(href|src|action|formaction|xlink:href)$/i.test(attr.name) && !/^https?:/i.test(attr.value);
      if (/^on/i.test(attr.name) || unsafeUrl) el.removeAttribute(attr.name);
    }
  }
  holder.replaceChildren(template.content);
}

export function clearPanelSnapshots(storage: Storage): void {
  try {
    for (const key of Object.keys(storage)) if (key.startsWith(PREFIX)) storage.removeItem(key);
  } catch {
    // storage disabled: nothing was saved
  }
}
