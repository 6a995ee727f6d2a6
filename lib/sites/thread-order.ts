// When a message of a thread was written, and which way a page lists its messages. Helpdesks disagree:
// Zendesk and most chats list oldest first with the composer below; FreeScout and Help Scout list newest
// first with the composer above, and FreeScout prints no machine-readable time at all, only "1 hour ago"
// with the date in a tooltip (../shared/helpdesk-evidence/freescout-1.8.145/summary.json). So a time is read
// from whatever the page offers, and the order falls back to cues: times, then ids, then the composer's place.

const MONTHS =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januari|februari|mars|april|maj|juni|juli|augusti|oktober|mai|desember|december|okt|des|tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)/i;
const ISO = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const EPOCH = /^\d{10}(\d{3})?$/;

/**
 * An absolute date in `text`, as epoch ms: ISO 8601, epoch seconds/ms, or an English date with a month name
 * and a four-digit year ("Dec 7, 2026 16:48"). `Date.parse` alone is too lenient ("Order 2" parses in V8).
 */
export function parseAbsoluteDate(raw: string | null | undefined): number | null {
  const text = raw?.trim();
  if (!text || text.length > 80) return null;
  if (EPOCH.test(text)) return Number(text) * (text.length === 10 ? 1000 : 1);
  if (ISO.test(text)) {
    const ms = Date.parse(text);
    return Number.isFinite(ms) ? ms : null;
  }
  if (!/\b(19|20)\d{2}\b/.test(text) || !MONTHS.test(text)) return null;
  const ms = Date.parse(text.replace(/\s+at\s+/i, ' ').replace(/(\d)(st|nd|rd|th)\b/, '$1'));
  return Number.isFinite(ms) ? ms : null;
}

const MINUTE = 60_000;
const UNIT_MS: Array<[RegExp, number]> = [
  [/^(s|secs?|seconds?|sek|sekunder|sekunnin|sekuntia)$/, 1000],
  [/^(m|mins?|minutes?|minut|minuter|minutter|minuuttia|minuutin)$/, MINUTE],
  [/^(h|hrs?|hours?|timme|timmar|time|timer|tunti|tuntia|tunnin)$/, 60 * MINUTE],
  [/^(d|days?|dag|dagar|dager|dage|päivä|päivää|päivän)$/, 24 * 60 * MINUTE],
  [/^(w|wks?|weeks?|vecka|veckor|uke|uker|uge|uger|viikko|viikkoa|viikon)$/, 7 * 24 * 60 * MINUTE],
  [/^(mo|months?|månad|månader|måned|måneder|kuukausi|kuukautta|kuukauden)$/, 30 * 24 * 60 * MINUTE],
  [/^(y|yrs?|years?|år|vuosi|vuotta|vuoden)$/, 365 * 24 * 60 * MINUTE],
];

/**
 * How long ago `text` says something happened, in ms: "1 hour ago", "2 days ago", "yesterday", "just now",
 * and the same in Swedish, Norwegian, Danish and Finnish ("för 2 dagar sedan", "3 timer siden", "2 päivää
 * sitten"). Null when it says no such thing.
 */
export function parseRelativeAge(raw: string | null | undefined): number | null {
  const text = raw?.trim().toLowerCase();
  if (!text || text.length > 60) return null;
  if (/^(just now|now|a moment ago|moments ago|nyss|just nu|nå nettopp|lige nu|juuri nyt|nyt)$/.test(text)) return 0;
  if (/^(yesterday|igår|i går|eilen)\b/.test(text)) return 24 * 60 * MINUTE;
  const m =
    /^(?:för|for|about|ca\.?|noin)?\s*(\d+|an?|one|en|ett|et)\s*([a-zåäöæø]+)\.?\s+(?:ago|sedan|siden|sitten)$/.exec(
      text,
    ) ?? /^(\d+)\s*([a-z]+)$/.exec(text);
  if (!m) return null;
  const count = /^\d+$/.test(m[1] ?? '') ? Number(m[1]) : 1;
  for (const [unit, ms] of UNIT_MS) if (unit.test(m[2] ?? '')) return count * ms;
  return null;
}

/** Attributes where pages keep a message's time: machine-readable first, tooltips next. */
const TIME_ATTRS = ['datetime', 'data-timestamp', 'data-created-at', 'data-time', 'data-original-title', 'title'];
const TIME_HOLDERS =
  'time, [datetime], [data-timestamp], [data-created-at], [data-time], [class*="date"], [class*="time"], [class*="ago"]';

/** When `block` was written, as epoch ms (relative ages are counted back from `now`), or null. */
export function blockTime(block: Element, now = Date.now()): number | null {
  for (const name of ['data-timestamp', 'data-created-at', 'data-time']) {
    const at = parseAbsoluteDate(block.getAttribute(name));
    if (at !== null) return at;
  }
  // A few holders are enough: the message's own time comes first in its header.
  const holders = block.querySelectorAll(TIME_HOLDERS);
  let relative: number | null = null;
  for (let i = 0; i < holders.length && i < 6; i++) {
    const el = holders[i] as Element;
    for (const name of TIME_ATTRS) {
      const at = parseAbsoluteDate(el.getAttribute(name));
      if (at !== null) return at;
    }
    if (relative === null) {
      const text = el.textContent ?? '';
      const abs = parseAbsoluteDate(text);
      if (abs !== null) return abs;
      const age = parseRelativeAge(text);
      if (age !== null) relative = now - age;
    }
  }
  return relative;
}

/** data-id, data-thread_id, data-message-id, ...: ids of the message itself, not of its author or ticket. */
const ID_ATTR =
  /^data-(?:(?:message|thread|comment|part|article|entry|post|event|item|transaction|note|reply)[-_])?id$/;

/** A numeric id of the message itself (data-thread_id="4", data-message-id="812", id="thread-4"), or null. */
export function blockId(block: Element): number | null {
  // A block picked inside its message (the bubble of a chat row) takes the id of the row around it.
  let el: Element | null = block;
  for (let i = 0; el && i < 4; i++, el = el.parentElement) {
    for (const { name, value } of el.attributes) {
      if (ID_ATTR.test(name) && /^\d{1,15}$/.test(value)) return Number(value);
    }
    const id = /^[a-z]+[-_]?(\d{1,15})$/i.exec(el.id)?.[1];
    if (id) return Number(id);
  }
  return null;
}

export type ListOrder = 'oldest-first' | 'newest-first';

/** +1 when `values` (in page order, gaps allowed) mostly rise, -1 when they mostly fall, 0 when undecided. */
function trend(values: ReadonlyArray<number | null>): number {
  let up = 0;
  let down = 0;
  let prev: number | null = null;
  for (const v of values) {
    if (v === null) continue;
    if (prev !== null) {
      if (v > prev) up++;
      else if (v < prev) down++;
    }
    prev = v;
  }
  return up > down ? 1 : down > up ? -1 : 0;
}

export interface OrderCues {
  /** Each message's time (ms) in page order, null where unknown. */
  times: ReadonlyArray<number | null>;
  /** Each message's numeric id in page order, null where unknown. */
  ids: ReadonlyArray<number | null>;
  /** A reply composer sits above the first message (FreeScout, Help Scout) rather than below the last. */
  composerAbove: boolean;
}

/**
 * Which way the page lists its thread: by its times when they rise or fall, else by its ids (helpdesks number
 * messages as they arrive), else newest first when the composer sits above the thread, else oldest first.
 */
export function listOrder(cues: OrderCues): ListOrder {
  const byTime = trend(cues.times);
  if (byTime !== 0) return byTime > 0 ? 'oldest-first' : 'newest-first';
  const byId = trend(cues.ids);
  if (byId !== 0) return byId > 0 ? 'oldest-first' : 'newest-first';
  return cues.composerAbove ? 'newest-first' : 'oldest-first';
}
