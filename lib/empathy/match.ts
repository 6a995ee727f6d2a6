// Tokenizer and token-pattern matcher. One pass over the text finds every rule of a pack: each token is
// looked up in an index keyed by the rules' first slot (exact words in a Map, prefixes in a char trie),
// and only those candidates are matched further. No regex per rule, no per-rule scan of the text.
import { commonPrefix } from '../text/common-prefix';
import type { TokenPattern } from './packs/types';

/** Texts longer than this are analysed up to this offset only (a 1 MB paste must not freeze the page). */
export const MAX_ANALYSED_CHARS = 200_000;

export interface Tokens {
  /** Lower-cased tokens, apostrophes normalised. */
  words: string[];
  starts: number[];
  ends: number[];
  /** Number of letters that are upper case in the original token (for capitals detection). */
  upper: number[];
  /** Number of letters in the token. */
  letters: number[];
  /** 1 when a sentence ends between the previous token and this one (see `sentenceBreak`). */
  breaks: number[];
}

// Character classes, computed once per UTF-16 code unit and cached: a keystroke's tokenization is a table
// lookup per character.
const KNOWN = 8;
const WORD = 1;
const UPPER = 2;
const LETTER = 4;
const charClass = new Uint8Array(65536);
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

function classOf(code: number): number {
  const cached = charClass[code] as number;
  if (cached !== 0) return cached;
  let f = KNOWN;
  // Surrogates (emoji and lone halves) are never part of a word.
  if (code < 0xd800 || code > 0xdfff) {
    const ch = String.fromCharCode(code);
    if (LETTER_OR_DIGIT.test(ch)) {
      f |= WORD;
      const lo = ch.toLowerCase();
      if (lo !== ch) f |= UPPER;
      if (lo !== ch.toUpperCase()) f |= LETTER;
    }
  }
  charClass[code] = f;
  return f;
}

function isWordChar(code: number): boolean {
  return (classOf(code) & WORD) !== 0;
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019;
}

function emptyTokens(): Tokens {
  return { words: [], starts: [], ends: [], upper: [], letters: [], breaks: [] };
}

/**
 * Splits text into word tokens, keeping UTF-16 offsets. HTML tags (`<div class="x">`) and entities
 * (`&nbsp;`) pasted from a rich editor are skipped rather than read as words.
 */
export function tokenize(text: string, limit = MAX_ANALYSED_CHARS): Tokens {
  const out = emptyTokens();
  tokenizeInto(out, text, 0, Math.min(text.length, limit));
  return out;
}

/**
 * Tokenizes `text` reusing the tokens of `previous` (the same composer a keystroke ago) up to the first
 * changed character: typing at the end of a long draft re-reads only the last words. `previous`'s arrays are
 * cut back and extended in place rather than copied (a 5,000-word draft's six arrays cost more to copy than
 * the keystroke to read): the caller gives up `previous.tokens`. Returns the tokens and how many were reused.
 */
export function tokenizeIncremental(
  text: string,
  previous: { text: string; tokens: Tokens } | undefined,
  limit = MAX_ANALYSED_CHARS,
): { tokens: Tokens; reused: number } {
  const n = Math.min(text.length, limit);
  if (!previous) return { tokens: tokenize(text, limit), reused: 0 };
  const old = previous.text;
  const safe = unchangedReading(text, commonPrefix(text, old, Math.min(n, old.length)));
  const out = previous.tokens;
  // Keep the tokens that end before `safe`: everything the tokenizer read to make them is unchanged.
  let lo = 0;
  let hi = out.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((out.ends[mid] as number) < safe) lo = mid + 1;
    else hi = mid;
  }
  const keep = lo;
  const from = keep > 0 ? (out.ends[keep - 1] as number) : 0;
  for (const a of [out.words, out.starts, out.ends, out.upper, out.letters, out.breaks] as unknown[][]) {
    a.length = keep;
  }
  tokenizeInto(out, text, from, n);
  return { tokens: out, reused: keep };
}

/**
 * How far the tokens read from text whose first `same` characters are unchanged are still what they were.
 * The tokenizer looks past a token's last character: one character after an apostrophe ("I'" + "d" is
 * "i'd"), up to 300 after a "<" (a tag once its ">" is typed: "<b world" + ">"), up to 8 after a "&" (an
 * entity once its ";" is typed) and 6 for a block tag between sentences ("<br"). A token that ends before
 * the returned offset was read from unchanged text only.
 */
function unchangedReading(text: string, same: number): number {
  // Any "<" or "&" close enough to the change to read into it: the first one counts.
  let safe = same - 1;
  const tagFrom = Math.max(0, same - 300);
  const lt = text.substring(tagFrom, same).indexOf('<');
  if (lt !== -1) safe = Math.min(safe, tagFrom + lt);
  const entityFrom = Math.max(0, same - 9);
  const amp = text.substring(entityFrom, same).indexOf('&');
  if (amp !== -1) safe = Math.min(safe, entityFrom + amp);
  return Math.max(0, safe);
}

// Abbreviations whose dot does not end a sentence when a lower-case word or a number follows ("kl. 19.40",
// "t.ex. du", "bl.a. fakturan", "e.g. the", "ca. 3"); the last token of dotted ones ("t.ex." -> "ex").
const ABBREVIATIONS = new Set(
  `kl ca ex a g e v k m s fx bl jf jfr evt ev inkl exkl tel tlf nr no vs etc approx dept osv mfl dvs resp obs pga
  st mm fr tr ang bla ifm sk aug sep sept okt nov dec jan feb mar apr jun jul ff pkt`.split(/\s+/),
);
// Titles are followed by a name, so their dot never ends a sentence.
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'hr', 'fru', 'sr', 'jr']);

const BLOCK_TAG = /^<(br|\/p|\/div|\/li|p[\s>]|div|li)/i;

function startsLowerOrDigit(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c >= 48 && c <= 57) return true;
  const f = classOf(c);
  return (f & LETTER) !== 0 && (f & UPPER) === 0;
}

/**
 * Whether the gap text[from, to) between the token `prev` and the next token ends a sentence: ". ! ? …" or
 * a line break, except a dot glued to the next word ("3.5"), after a title ("Mr. Smith"), or after an
 * abbreviation or a number when a lower-case word or number follows ("kl. 19.40", "1. mars", "e.g. the").
 */
export function sentenceBreak(
  text: string,
  from: number,
  to: number,
  prev: string | undefined,
  prevStart = -1,
): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 33 || c === 63 || c === 0x2026) return true;
    // Block tags pasted from a rich editor ("<br>", "</p>", "</div>", "</li>") end a line like "\n" does.
    if (c === 60 && BLOCK_TAG.test(text.slice(k, k + 6))) return true;
    if (c !== 46) continue;
    if (k + 1 === to) continue;
    if (prev !== undefined) {
      if (TITLES.has(prev)) continue;
      // The last part of a dotted abbreviation ("e.g.", "t.ex.", "bl.a.", "i.e.") may precede a name.
      const numeric = prev.charCodeAt(0) >= 48 && prev.charCodeAt(0) <= 57;
      if (!numeric && prev.length <= 2 && prevStart > 0 && text.charCodeAt(prevStart - 1) === 46 && k === from) {
        continue;
      }
      if ((numeric || ABBREVIATIONS.has(prev)) && to < text.length && startsLowerOrDigit(text, to)) continue;
    }
    return true;
  }
  return false;
}

function tokenizeInto(out: Tokens, text: string, from: number, n: number): void {
  const { words, starts, ends, upper, letters, breaks } = out;
  let gapFrom = from;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 60 /* < */) {
      const next = text.charCodeAt(i + 1);
      if ((next >= 97 && next <= 122) || (next >= 65 && next <= 90) || next === 47 || next === 33) {
        const close = text.indexOf('>', i + 1);
        if (close !== -1 && close - i < 300) {
          i = close + 1;
          continue;
        }
      }
      i++;
      continue;
    }
    if (c === 38 /* & */) {
      const semi = text.indexOf(';', i + 1);
      if (semi !== -1 && semi - i <= 8 && /^&#?[a-z0-9]+;$/i.test(text.slice(i, semi + 1))) {
        i = semi + 1;
        continue;
      }
    }
    if ((classOf(c) & WORD) === 0) {
      i++;
      continue;
    }
    const start = i;
    let up = 0;
    let let_ = 0;
    let nonAscii = false;
    let hasApostrophe = false;
    while (i < n) {
      const d = text.charCodeAt(i);
      const f = classOf(d);
      if ((f & WORD) !== 0) {
        if ((f & UPPER) !== 0) up++;
        if ((f & LETTER) !== 0) let_++;
        if (d >= 128) nonAscii = true;
        i++;
      } else if (isApostrophe(d) && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) {
        hasApostrophe = true;
        i++;
      } else {
        break;
      }
    }
    let word = text.slice(start, i);
    // Most words are already lower-case ASCII: skip the extra allocation when we can.
    if (up > 0 || nonAscii) word = word.toLowerCase();
    if (hasApostrophe) word = word.replace(/\u2019/g, "'");
    const prevAt = words.length - 1;
    breaks.push(prevAt >= 0 && sentenceBreak(text, gapFrom, start, words[prevAt], starts[prevAt]) ? 1 : 0);
    words.push(word);
    starts.push(start);
    ends.push(i);
    upper.push(up);
    letters.push(let_);
    gapFrom = i;
  }
}

// ---- pattern compiler ----

interface AltSlot {
  gap: false;
  optional: boolean;
  exact: Set<string>;
  prefixes: string[];
  /** Prefixes by their first char code: a word is only compared with prefixes that can match. */
  byFirst: Map<number, string[]>;
  suffixes: string[];
  /** Set by a `.` slot before it: this token starts a new sentence ("ok . send" is "Ok. Send..."). */
  afterBreak: boolean;
}
interface GapSlot {
  gap: true;
}
type Slot = AltSlot | GapSlot;

/** A compiled rule; `payload` is whatever the caller attached (a rule, a term...). */
export interface CompiledPattern<T> {
  slots: Slot[];
  payload: T;
}

export class PatternError extends Error {}

function addPrefix(slot: AltSlot, prefix: string): void {
  slot.prefixes.push(prefix);
  const code = prefix.charCodeAt(0);
  const list = slot.byFirst.get(code);
  if (list) list.push(prefix);
  else slot.byFirst.set(code, [prefix]);
}

function compileSlot(raw: string, source: string): Slot {
  if (raw === '..') return { gap: true };
  let body = raw;
  let optional = false;
  if (body.startsWith('[') && body.endsWith(']')) {
    optional = true;
    body = body.slice(1, -1);
  }
  const slot: AltSlot = {
    gap: false,
    optional,
    exact: new Set(),
    prefixes: [],
    byFirst: new Map(),
    suffixes: [],
    afterBreak: false,
  };
  for (const altRaw of body.split('|')) {
    const alt = altRaw.toLowerCase().replace(/\u2019/g, "'");
    if (alt.length === 0 || alt === '*') throw new PatternError(`Empty alternative in pattern "${source}"`);
    if (alt.endsWith('*')) addPrefix(slot, alt.slice(0, -1));
    else if (alt.startsWith('*')) slot.suffixes.push(alt.slice(1));
    else slot.exact.add(alt);
  }
  return slot;
}

/** Compiles a pattern; top-level alternatives (`sick of / tired of`) become one compiled pattern each. */
export function compilePatterns<T>(pattern: TokenPattern, payload: T): CompiledPattern<T>[] {
  return pattern.split(' / ').map((alt) => compilePattern(alt, payload));
}

export function compilePattern<T>(pattern: TokenPattern, payload: T): CompiledPattern<T> {
  const parts = pattern.trim().split(/\s+/);
  const slots: Slot[] = [];
  let afterBreak = false;
  for (const part of parts) {
    if (part === '.') {
      afterBreak = true;
      continue;
    }
    const slot = compileSlot(part, pattern);
    if (afterBreak) {
      if (slot.gap || slot.optional) throw new PatternError(`Pattern "${pattern}": "." must precede a word slot`);
      slot.afterBreak = true;
      afterBreak = false;
    }
    slots.push(slot);
  }
  if (afterBreak) throw new PatternError(`Pattern "${pattern}" must not end with "."`);
  const first = slots[0];
  if (!first || first.gap || first.optional || first.afterBreak) {
    throw new PatternError(`Pattern "${pattern}" must start with a word, prefix or suffix slot`);
  }
  if (slots[slots.length - 1]?.gap) throw new PatternError(`Pattern "${pattern}" must not end with a gap`);
  return { slots, payload };
}

function slotMatches(slot: AltSlot, word: string): boolean {
  if (slot.exact.has(word)) return true;
  const candidates = slot.byFirst.get(word.charCodeAt(0));
  if (candidates) for (const p of candidates) if (word.startsWith(p)) return true;
  for (const s of slot.suffixes) if (word.length > s.length && word.endsWith(s)) return true;
  return false;
}

const GAP_MAX = 3;

/** Returns the index of the last token matched, or -1. Greedy on optional slots, then backtracks. */
// A match never spans a sentence break: "aldri har fått. Hvor finner jeg" is two sentences, not "aldri .. finner".
function matchFrom(slots: Slot[], si: number, words: string[], breaks: number[], ti: number, limit: number): number {
  if (si === slots.length) return ti - 1;
  const slot = slots[si] as Slot;
  if (slot.gap) {
    for (let skip = 0; skip <= GAP_MAX && ti + skip < limit; skip++) {
      if (skip > 0 && breaks[ti + skip - 1] === 1) break;
      const end = matchFrom(slots, si + 1, words, breaks, ti + skip, limit);
      if (end !== -1) return end;
    }
    return -1;
  }
  if (ti < limit && (breaks[ti] === 1) === slot.afterBreak && slotMatches(slot, words[ti] as string)) {
    const end = matchFrom(slots, si + 1, words, breaks, ti + 1, limit);
    if (end !== -1) return end;
  }
  if (slot.optional) return matchFrom(slots, si + 1, words, breaks, ti, limit);
  return -1;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  rules: CompiledPattern<unknown>[];
}

/** A match: token range [first, last] and the rule's payload. */
export interface TokenMatch<T> {
  first: number;
  last: number;
  payload: T;
}

/** An index over many patterns; `scan` finds all of them in one pass over the tokens. */
export class PatternIndex<T> {
  private readonly exact = new Map<string, CompiledPattern<T>[]>();
  private readonly trie: TrieNode = { next: new Map(), rules: [] };
  private hasPrefixes = false;
  /** Rules whose first slot is a suffix ("*strul": "leveransstrul"); few, so checked one by one. */
  private readonly suffixRules: { suffix: string; cp: CompiledPattern<T> }[] = [];
  readonly size: number;
  /** The most tokens one match can span: matches starting further back than this from a change are unaffected. */
  readonly maxSpan: number;

  constructor(patterns: CompiledPattern<T>[]) {
    this.size = patterns.length;
    let maxSpan = 1;
    for (const cp of patterns) {
      let span = 0;
      for (const slot of cp.slots) span += slot.gap ? GAP_MAX : 1;
      if (span > maxSpan) maxSpan = span;
    }
    this.maxSpan = maxSpan;
    for (const cp of patterns) {
      const first = cp.slots[0] as AltSlot;
      for (const w of first.exact) {
        const list = this.exact.get(w);
        if (list) list.push(cp);
        else this.exact.set(w, [cp]);
      }
      for (const suffix of first.suffixes) this.suffixRules.push({ suffix, cp });
      for (const p of first.prefixes) {
        this.hasPrefixes = true;
        let node = this.trie;
        for (let k = 0; k < p.length; k++) {
          const code = p.charCodeAt(k);
          let child = node.next.get(code);
          if (!child) {
            child = { next: new Map(), rules: [] };
            node.next.set(code, child);
          }
          node = child;
        }
        node.rules.push(cp as CompiledPattern<unknown>);
      }
    }
  }

  /** The word starts some pattern as a whole word: it is part of the language's vocabulary. */
  startsPattern(word: string): boolean {
    return this.exact.has(word);
  }

  /**
   * Every match of every pattern, in token order; `onMatch` avoids building arrays on the hot path.
   * Matches start in [from, to) and end before `end` (default `to`).
   */
  scan(tokens: Tokens, onMatch: (m: TokenMatch<T>) => void, from = 0, to = tokens.words.length, end = to): void {
    const words = tokens.words;
    const breaks = tokens.breaks;
    for (let ti = from; ti < to; ti++) {
      const word = words[ti] as string;
      const exact = this.exact.get(word);
      if (exact) {
        for (const cp of exact) {
          const last = matchFrom(cp.slots, 1, words, breaks, ti + 1, end);
          if (last !== -1) onMatch({ first: ti, last, payload: cp.payload });
        }
      }
      for (const { suffix, cp } of this.suffixRules) {
        if (word.length <= suffix.length || !word.endsWith(suffix)) continue;
        const last = matchFrom(cp.slots, 1, words, breaks, ti + 1, end);
        if (last !== -1) onMatch({ first: ti, last, payload: cp.payload });
      }
      if (this.hasPrefixes) {
        let node: TrieNode | undefined = this.trie;
        for (let k = 0; k < word.length && node; k++) {
          node = node.next.get(word.charCodeAt(k));
          if (node && node.rules.length > 0) {
            for (const cp of node.rules as CompiledPattern<T>[]) {
              // A prefix equal to the whole word still matches (frustrat* ~ "frustrat" is fine).
              const last = matchFrom(cp.slots, 1, words, breaks, ti + 1, end);
              if (last !== -1) onMatch({ first: ti, last, payload: cp.payload });
            }
          }
        }
      }
    }
  }
}

/** A single-token matcher (negators, stopwords, second person): exact, prefix* and *suffix entries. */
export class WordSet {
  private readonly slot: AltSlot;
  constructor(entries: readonly string[]) {
    this.slot = {
      gap: false,
      optional: false,
      exact: new Set(),
      prefixes: [],
      byFirst: new Map(),
      suffixes: [],
      afterBreak: false,
    };
    for (const e of entries) {
      const s = compileSlot(e.trim(), e);
      if (s.gap) continue;
      for (const w of s.exact) this.slot.exact.add(w);
      for (const p of s.prefixes) addPrefix(this.slot, p);
      this.slot.suffixes.push(...s.suffixes);
    }
  }
  has(word: string): boolean {
    return slotMatches(this.slot, word);
  }
}
