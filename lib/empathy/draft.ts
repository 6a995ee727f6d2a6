// Draft analysis: empathy behaviours and risky wordings with spans and rule ids, readability, a 0-100
// score and ranked suggestions.
import { detectLanguage } from './detect';
import { type TokenMatch, type Tokens, tokenizeIncremental } from './match';
import { analyzeMessageDetailed, capsRuns, exclamationRuns, type MessageDetails } from './message';
import { readability, type Sentence, splitSentences, type TokenTallies, tallyTokens } from './readability';
import { type CompiledPack, type DraftRule, packFor } from './registry';
import { NEEDS } from './needs';
import { WordIndex } from './word-index';
import { rankSuggestions } from './suggest';
import { stemKey } from './terms';
import type { Behavior, DraftAnalysis, DraftContext, Emotion, Lang, MessageAnalysis, Risk, Span } from './types';

type BehaviorHit = DraftAnalysis['behaviors'][number];
type RiskHit = DraftAnalysis['risks'][number];

const BEHAVIOR_POINTS: Record<Behavior, number> = {
  acknowledge: 14,
  apology: 9,
  restate: 10,
  explore: 7,
  reassure: 9,
  solution: 14,
  ownership: 9,
  thanks: 6,
  personal: 6,
};

const RISK_PENALTY: Record<Risk, number> = {
  blame: 16,
  dismissive: 13,
  'passive-aggressive': 13,
  'negative-framing': 6,
  jargon: 4,
  shouting: 12,
};

/** Key terms of a text: content words (stemmed, see stemKey), long numbers and counts ("3", "three", "third"). */
export function keyTerms(tokens: Tokens, pack: CompiledPack): Set<string> {
  const terms = new Set<string>();
  for (let i = 0; i < tokens.words.length; i++) {
    const w = tokens.words[i] as string;
    const count = countOf(w);
    if (count !== undefined) {
      terms.add(count);
      continue;
    }
    const letters = tokens.letters[i] as number;
    if (letters === 0) {
      if (w.length >= 3) terms.add(w); // order and case numbers
      continue;
    }
    if (letters < 4 || pack.stopwords.has(w)) continue;
    terms.add(stemKey(w, pack));
  }
  return terms;
}

// The coach analyses the same customer message on every keystroke of the draft: keep the last one.
let lastCustomer:
  | {
      text: string;
      lang: Lang | undefined;
      details: MessageDetails;
      terms: Set<string>;
      /** Content words of 5+ letters, whole. */
      words: Set<string>;
      /** Tails of the customer's long words (compounds: "födelsedagspresent" -> "present"). */
      tails: Set<string>;
      allWords: Set<string>;
      /** sharedTerm's answers for this message and draft pack: typing re-reads the same words. */
      shared: Map<string, string | null>;
      sharedPack: CompiledPack | undefined;
      cueKinds: Set<string>;
    }
  | undefined;

function customerDetails(text: string, lang: Lang | undefined) {
  // Reuse only while the same pack applies: a pack that finished loading since must re-read the message.
  if (
    lastCustomer &&
    lastCustomer.text === text &&
    lastCustomer.lang === lang &&
    packFor(lastCustomer.details.analysis.lang) === lastCustomer.details.pack
  ) {
    return lastCustomer;
  }
  const details = analyzeMessageDetailed(text, lang);
  const terms = keyTerms(details.tokens, details.pack);
  const words = new Set<string>();
  const tails = new Set<string>();
  for (const w of details.tokens.words) {
    if (w.length < TAIL_MIN || details.pack.stopwords.has(w)) continue;
    words.add(w);
    for (let k = 1; w.length - k >= TAIL_MIN; k++) tails.add(w.slice(k));
  }
  const cueKinds = new Set<string>();
  for (const c of details.analysis.cues) if (MIRRORED_CUES.has(c.kind)) cueKinds.add(c.kind);
  lastCustomer = {
    text,
    lang,
    details,
    terms,
    words,
    tails,
    allWords: new Set(details.tokens.words),
    cueKinds,
    shared: new Map(),
    sharedPack: undefined,
  };
  return lastCustomer;
}

// The coach re-analyses the draft on every keystroke, and the text before the caret is unchanged: what was
// found in the tokens, sentences and counts before the first changed character is reused, so a keystroke at
// the end of a 5,000-word draft costs about what it costs in a short one. Each reuse is exact: the result
// equals a fresh analysis (tests/unit/empathy/incremental.test.ts edits drafts at random and compares).
interface DraftMemo {
  text: string;
  tokens: Tokens;
  pack: CompiledPack;
  matches: TokenMatch<DraftRule>[];
  /** What each match found, in the same order. */
  ruleHits: RuleHit[];
  sentences: Sentence[];
  tallies: TokenTallies;
  restate: RestateMemo | undefined;
  personal: PersonalMemo | undefined;
  words: WordIndex;
}
let lastDraft: DraftMemo | undefined;

/**
 * Analyses as if no draft came before, and leaves the memo of the previous draft as it was: tests compare
 * an analysis that reused the last keystroke's with one that did not.
 */
export function analyzeDraftFresh(draft: string, ctx?: DraftContext): DraftAnalysis {
  const kept = lastDraft;
  lastDraft = undefined;
  try {
    return analyzeDraft(draft, ctx);
  } finally {
    lastDraft = kept;
  }
}

/** The pack's rule matches; those that end well before the change (`kept` of them) are last keystroke's. */
function scanDraft(
  tokens: Tokens,
  reused: number,
  pack: CompiledPack,
  prev: DraftMemo | undefined,
): { matches: TokenMatch<DraftRule>[]; kept: number } {
  const matches: TokenMatch<DraftRule>[] = [];
  let from = 0;
  if (prev && prev.pack === pack && reused > 0) {
    from = Math.max(0, reused - pack.draft.maxSpan);
    for (const m of prev.matches) {
      if (m.first >= from) break;
      matches.push(m);
    }
  }
  const kept = matches.length;
  pack.draft.scan(
    tokens,
    (m) => {
      matches.push(m);
    },
    from,
  );
  return { matches, kept };
}

function chooseLang(draft: string, tokens: Tokens, ctx: DraftContext, customer?: MessageAnalysis): Lang {
  if (ctx.lang) return ctx.lang;
  const guess = detectLanguage(draft);
  if (customer && (tokens.words.length < 6 || guess.confidence < 0.3)) return customer.lang;
  return guess.lang;
}

/**
 * Counts, whichever way they are written: "two hours", "2 hours", "tre gånger", "third time" all mirror the
 * customer as much as content words do. "one"/"en" are left out: they are articles as often as numbers.
 */
const COUNT_WORDS = new Map<string, string>();
for (const [n, words] of [
  [2, 'two twice second två andra kaksi kahden kahteen kahdesti toinen'],
  [3, 'three third tre tredje tredie kolme kolmen kolmeen kolmesti kolmas kolmatta'],
  [4, 'four fourth fyra fjärde fire fjerde neljä neljän neljään neljästi neljäs'],
  [5, 'five fifth fem femte viisi viiden viiteen viidesti viides'],
  [6, 'six sixth sjätte seks sjette kuusi'],
  [7, 'seven sju syv sjuende seitsemän'],
  [8, 'eight åtta otte åtte kahdeksan'],
  [9, 'nine nio yhdeksän'],
  [10, 'ten tio ti tiende kymmenen'],
  [12, 'twelve dozen tolv'],
] as const) {
  for (const w of words.split(' ')) COUNT_WORDS.set(w, `#${n}`);
}
for (let n = 2; n <= 12; n++) COUNT_WORDS.set(String(n), `#${n}`);
// "andra" (sv "other"), "second" (a time unit) and "toinen" (fi "other") are too ambiguous to count; so are
// "ni" (sv "you") and "sex".
for (const w of ['andra', 'second', 'toinen']) COUNT_WORDS.delete(w);

/** "#3" for "3", "three", "third", "tre", "tredje"; undefined for anything else. */
function countOf(w: string): string | undefined {
  return COUNT_WORDS.get(w);
}

/** Customer cues a draft can mirror ("you've called three times" mirrors "third time I'm calling"). */
const MIRRORED_CUES = new Set(['repeat-contact', 'service-failure', 'vulnerability', 'urgency']);
const TAIL_MIN = 5;

type CustomerTerms = NonNullable<ReturnType<typeof customerDetails>>;

/** A draft word shares a key term with the customer: same stem, or one is the tail of the other's compound. */
function sharedTerm(w: string, letters: number, cust: CustomerTerms, pack: CompiledPack): string | undefined {
  if (cust.sharedPack !== pack || cust.shared.size > SHARED_MEMO) {
    cust.shared.clear();
    cust.sharedPack = pack;
  }
  const known = cust.shared.get(w);
  if (known !== undefined) return known ?? undefined;
  const term = findSharedTerm(w, letters, cust, pack);
  cust.shared.set(w, term ?? null);
  return term;
}

/** Distinct draft words remembered per customer message (a long draft has a few thousand). */
const SHARED_MEMO = 20_000;

function findSharedTerm(w: string, letters: number, cust: CustomerTerms, pack: CompiledPack): string | undefined {
  const count = countOf(w);
  if (count !== undefined) return cust.terms.has(count) ? count : undefined;
  if (letters === 0) return cust.terms.has(w) ? w : undefined;
  const stem = stemKey(w, pack);
  if (cust.terms.has(stem)) return stem;
  // "present" ~ "födelsedagspresent", "elfakturan" ~ "fakturan".
  if (w.length >= TAIL_MIN && cust.tails.has(w)) return w;
  for (let k = 1; w.length - k >= TAIL_MIN; k++) {
    const tail = w.slice(k);
    if (cust.words.has(tail)) return tail;
  }
  return undefined;
}

/** Token ranges [first, last) of the clauses of a sentence (split at , ; : and dashes). */
function clauses(text: string, tokens: Tokens, s: Sentence): [number, number][] {
  const out: [number, number][] = [];
  let first = s.first;
  for (let i = s.first + 1; i < s.last; i++) {
    const gapFrom = tokens.ends[i - 1] as number;
    const gapTo = tokens.starts[i] as number;
    for (let k = gapFrom; k < gapTo; k++) {
      const c = text.charCodeAt(k);
      if (c === 44 || c === 59 || c === 58 || c === 0x2013 || c === 0x2014) {
        out.push([first, i]);
        first = i;
        break;
      }
    }
  }
  out.push([first, s.last]);
  return out;
}

/** How far into a sentence a marker may start and still open it ("Thanks, so if I understand you..."). */
const OPENING = 3;

/**
 * Restate (active listening): a statement that mirrors the customer's issue, judged by how many key terms
 * (stems, synonyms, counts, compound tails) or mirrored cues it shares with the customer's message, and how
 * clearly it is about what the customer said:
 * - it opens with a paraphrase marker ("if I understand you correctly", "you mention", "du skriver att"):
 *   one shared term confirms it;
 * - it shows empathy, has a listening marker ("I can see", "you've had to") or opens with a summary word
 *   ("So you...", "Så ..."): two (one when the customer's message is short);
 * - any other statement about the customer ("you", "your"): three, a close mirror of their message.
 * The agent's own actions and risky wording never count ("I've refunded your order" is a solution).
 */
function findRestatements(
  text: string,
  tokens: Tokens,
  sentences: Sentence[],
  pack: CompiledPack,
  cust: CustomerTerms,
  behaviors: BehaviorHit[],
  risks: RiskHit[],
  markers: BehaviorHit[],
  memo: RestateMemo | undefined,
): RestateMemo {
  const needed = cust.terms.size >= 4 ? 2 : 1;
  // A hit kept from the last keystroke is the same object over the same words (rulePass): its verdict stands.
  const isOwnAction = (b: BehaviorHit): boolean => {
    const known = ownVerdicts.get(b);
    if (known && known.cust === cust && known.pack === pack) return known.own;
    const own = !allCustomerWords(tokens, b.span, cust) && !negatedAt(tokens, b.span[0], pack);
    ownVerdicts.set(b, { cust, pack, own });
    return own;
  };
  let cueKinds: Set<string> | undefined;
  // The agent's own actions and risky wording ("YOU WERE NOT CHARGED TWICE") are not active listening; a
  // "solution" word the customer used first ("compensation") is their issue, not our action.
  // A negated action is the customer's problem, not ours ("the demand should never have been sent").
  const own = behaviors.filter((b) => (b.kind === 'solution' || b.kind === 'ownership') && isOwnAction(b));
  const riskTokens = markTokens(tokens, risks, blockBuffer(0, tokens.words.length));
  const ownTokens = markTokens(tokens, own, blockBuffer(1, tokens.words.length, riskTokens));
  const empathic = sentencesTouched(
    sentences,
    behaviors.filter((b) => b.kind === 'acknowledge' || b.kind === 'apology'),
  );
  const paraphrased = sentencesTouched(
    sentences,
    markers.map((m) => ({ span: [m.span[0], m.span[0] + 1] as Span })),
  );
  const listening = pack.listening;
  const openers = pack.paraphrase;
  const reuse = memo && memo.pack === pack && memo.cust === cust ? memo : undefined;
  const flags = new Uint8Array(sentences.length);
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si] as Sentence;
    if (s.question || s.last <= s.first) continue;
    const opening = Math.min(s.last, s.first + OPENING);
    const opensWithMarker = paraphrased[si] === 1 && startsWithin(tokens, markers, s.first, opening);
    const inputs = (empathic[si] as number) | (opensWithMarker ? 2 : 0);
    flags[si] = inputs;
    // A sentence kept from the last keystroke (same tokens, same text) with the same hits in it reads the same.
    if (
      reuse &&
      reuse.sentences[si] === s &&
      ((reuse.flags[si] as number) & 3) === inputs &&
      sameMarks(reuse.risk, riskTokens, s.first, s.last) &&
      sameMarks(reuse.own, ownTokens, s.first, s.last)
    ) {
      if ((reuse.flags[si] as number) & RESTATED) {
        flags[si] = inputs | RESTATED;
        behaviors.push({ kind: 'restate', span: s.span, rule: 'restate.key-terms' });
      }
      continue;
    }
    let required = 0;
    // What follows "You mentioned..." is the customer's account, even where it names an action ("you've
    // only been refunded for one"); risky wording still never counts.
    let stops = ownTokens;
    let weak = false;
    // A short message ("THE INTERNET IS DOWN AGAIN!!") leaves little to mirror: an opening marker suffices.
    if (opensWithMarker) {
      required = needed - 1;
      stops = riskTokens;
    } else if (empathic[si] === 1) required = needed;
    else {
      let heard = false;
      const hear = () => {
        heard = true;
      };
      if (listening.size > 0) listening.scan(tokens, hear, s.first, s.last);
      if (!heard && openers.size > 0) openers.scan(tokens, hear, s.first, Math.min(s.last, s.first + 2), s.last);
      if (heard || (listening.size === 0 && sentenceMentions(tokens, s, pack.secondPerson))) required = needed;
      else if (sentenceMentions(tokens, s, pack.secondPerson) && sentenceMentions(tokens, s, pack.negators)) {
        // A statement about the customer that tells of a problem ("you still haven't had an answer") and
        // closely mirrors their message; without a negation it is an answer ("Your direct debit is based on
        // your usage").
        required = Math.max(3, needed + 1);
        weak = true;
      } else continue;
    }
    const shared = new Set<string>();
    for (const [first, last] of clauses(text, tokens, s)) {
      let blocked = false;
      for (let i = first; i < last && !blocked; i++) blocked = stops[i] === 1;
      if (blocked) continue;
      for (let i = first; i < last; i++) {
        const w = tokens.words[i] as string;
        const letters = tokens.letters[i] as number;
        if (((letters > 0 && letters < 4) || pack.stopwords.has(w)) && countOf(w) === undefined) continue;
        const term = sharedTerm(w, letters, cust, pack);
        if (term !== undefined) shared.add(term);
      }
      // Mirroring the customer's situation: "you've had to call four times" for "third time I'm calling".
      if (!weak && cust.cueKinds.size > 0 && shared.size < required) {
        cueKinds ??= new Set();
        const found = cueKinds;
        found.clear();
        pack.message.scan(
          tokens,
          (m) => {
            if (m.payload.t === 'cue' && cust.cueKinds.has(m.payload.rule.kind)) found.add(m.payload.rule.kind);
          },
          first,
          last,
        );
        for (const k of found) shared.add(`cue:${k}`);
      }
    }
    if (shared.size >= required) {
      flags[si] = inputs | RESTATED;
      behaviors.push({ kind: 'restate', span: s.span, rule: 'restate.key-terms' });
    }
  }
  return { pack, cust, sentences, flags, risk: riskTokens.slice(), own: ownTokens.slice() };
}

/** Whether an action hit is the agent's own (findRestatements), per hit object, customer message and pack. */
const ownVerdicts = new WeakMap<BehaviorHit, { cust: CustomerTerms; pack: CompiledPack; own: boolean }>();

/** What findRestatements read last time: per sentence, its inputs (bits 0-1) and its verdict (RESTATED). */
interface RestateMemo {
  pack: CompiledPack;
  cust: CustomerTerms;
  sentences: readonly Sentence[];
  flags: Uint8Array;
  risk: Uint8Array;
  own: Uint8Array;
}
const RESTATED = 4;

function sameMarks(a: Uint8Array, b: Uint8Array<ArrayBufferLike>, first: number, last: number): boolean {
  if (a.length < last) return false;
  for (let i = first; i < last; i++) if (a[i] !== b[i]) return false;
  return true;
}

// Two reusable token masks (risks; risks and the agent's own actions): restate runs on every keystroke.
const blockBuffers: Uint8Array[] = [new Uint8Array(256), new Uint8Array(256)];

function blockBuffer(i: 0 | 1, n: number, copyOf?: Uint8Array<ArrayBufferLike>): Uint8Array<ArrayBufferLike> {
  let buf = blockBuffers[i] as Uint8Array;
  if (buf.length < n) {
    buf = new Uint8Array(Math.max(n, buf.length * 2));
    blockBuffers[i] = buf;
  }
  const view = buf.subarray(0, n);
  if (copyOf) view.set(copyOf.subarray(0, n));
  else view.fill(0);
  return view;
}

/** Marks (1) the tokens that any of the hits covers, in `into` (a fresh array by default). */
function markTokens(
  tokens: Tokens,
  hits: readonly { span: Span }[],
  into: Uint8Array<ArrayBufferLike> = new Uint8Array(tokens.words.length),
): Uint8Array<ArrayBufferLike> {
  const n = tokens.words.length;
  for (const { span } of hits) {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tokens.ends[mid] as number) <= span[0]) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < n && (tokens.starts[k] as number) < span[1]; k++) into[k] = 1;
  }
  return into;
}

/** Some marker starts at a token in [from, to). */
function startsWithin(tokens: Tokens, markers: BehaviorHit[], from: number, to: number): boolean {
  const start = tokens.starts[from] as number;
  const end = to < tokens.starts.length ? (tokens.starts[to] as number) : Number.POSITIVE_INFINITY;
  return markers.some((m) => m.span[0] >= start && m.span[0] < end);
}

/** Every word of the span is the customer's, or the tail of one of their compounds ("förseningsersättning"). */
function allCustomerWords(tokens: Tokens, span: Span, cust: CustomerTerms): boolean {
  let k = firstTokenAt(tokens, span[0]);
  const n = tokens.words.length;
  if (k >= n || (tokens.starts[k] as number) >= span[1]) return false;
  for (; k < n && (tokens.starts[k] as number) < span[1]; k++) {
    const w = tokens.words[k] as string;
    if (!cust.allWords.has(w) && !cust.tails.has(w)) return false;
  }
  return true;
}

/** Index of the first token that starts at or after the character offset. */
function firstTokenAt(tokens: Tokens, offset: number): number {
  let lo = 0;
  let hi = tokens.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens.starts[mid] as number) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where the negator follows the finite verb ("jag förstår inte", "jeg forstår ikke"). */
const NEGATOR_FOLLOWS_VERB: ReadonlySet<Lang> = new Set(['sv', 'nb', 'da']);

/**
 * An acknowledgement or apology that a negator right next to it turns around: "not sorry" (before it) or, in
 * Swedish, Norwegian and Danish, "jag förstår inte vilken..." (after it). Not after it in Finnish, where a
 * negator after an apology opens its clause ("Pahoittelen, ettet ole saanut vastausta"). A rule whose own
 * words hold a negator ("can't imagine", "kan inte föreställa mig") says what it means.
 */
function negatedFeeling(tokens: Tokens, first: number, last: number, kind: string, pack: CompiledPack): boolean {
  if (kind !== 'acknowledge' && kind !== 'apology') return false;
  for (let k = first; k <= last; k++) if (pack.negators.has(tokens.words[k] as string)) return false;
  const after = last + 1;
  if (
    kind === 'acknowledge' &&
    NEGATOR_FOLLOWS_VERB.has(pack.lang) &&
    after < tokens.words.length &&
    tokens.breaks[after] !== 1 &&
    pack.negators.has(tokens.words[after] as string)
  ) {
    return true;
  }
  return first > 0 && tokens.breaks[first] !== 1 && pack.negators.has(tokens.words[first - 1] as string);
}

/** A negator stands within the three words before the character offset ("never have been sent"). */
function negatedAt(tokens: Tokens, offset: number, pack: CompiledPack): boolean {
  const i = firstTokenAt(tokens, offset);
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    if (tokens.breaks[k + 1] === 1) break;
    if (pack.negators.has(tokens.words[k] as string)) return true;
  }
  return false;
}

/** Drops hits contained in a longer hit of the same kind, so one phrase is one behaviour. O(n log n). */
function dedupe<T extends { kind: string; span: Span }>(hits: T[]): T[] {
  hits.sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  const kept: T[] = [];
  // Earlier hits start at or before this one, so it is contained iff some earlier hit of its kind ends at or after it.
  const maxEnd = new Map<string, number>();
  for (const h of hits) {
    const end = maxEnd.get(h.kind);
    if (end !== undefined && end >= h.span[1]) continue;
    maxEnd.set(h.kind, h.span[1]);
    kept.push(h);
  }
  return kept;
}

function sentenceMentions(tokens: Tokens, s: Sentence, words: { has(w: string): boolean }): boolean {
  for (let i = s.first; i < s.last; i++) if (words.has(tokens.words[i] as string)) return true;
  return false;
}

/** Marks the sentences that overlap any of the spans (both sorted by start). */
function sentencesTouched(sentences: Sentence[], spans: { span: Span }[]): Uint8Array {
  const touched = new Uint8Array(sentences.length);
  for (const { span } of spans) {
    let lo = 0;
    let hi = sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sentences[mid] as Sentence).span[1] <= span[0]) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < sentences.length && (sentences[k] as Sentence).span[0] < span[1]; k++) touched[k] = 1;
  }
  return touched;
}

/** The question opens with an offer (within its first three words: "Anna, shall I..."). */
function opensWithOffer(tokens: Tokens, s: Sentence, pack: CompiledPack): boolean {
  if (pack.offers.size === 0) return false;
  let found = false;
  pack.offers.scan(
    tokens,
    () => {
      found = true;
    },
    s.first,
    Math.min(s.last, s.first + 3),
    s.last,
  );
  return found;
}

function firstName(name: string | undefined): string | undefined {
  if (typeof name !== 'string') return undefined;
  const first = name.trim().split(/[\s,]+/)[0];
  if (!first || first.length < 2 || first.length > 40 || /[<>{}[\]]/.test(first)) return undefined;
  return first;
}

/** What the passes of analyzeDraft share: the draft, its tokens and the hits found so far. */
interface DraftState {
  text: string;
  tokens: Tokens;
  /** Tokens [0, reused) are unchanged since the last analysis (`memo`). */
  reused: number;
  memo: DraftMemo | undefined;
  sentences: Sentence[];
  lang: Lang;
  pack: CompiledPack;
  /** The customer's message, analysed once per message (undefined without one). */
  cust: CustomerTerms | undefined;
  /** The customer's first name, when it looks like one. */
  name: string | undefined;
  behaviors: BehaviorHit[];
  risks: RiskHit[];
  hasClosing: boolean;
  matches: TokenMatch<DraftRule>[];
  ruleHits: RuleHit[];
  restate: RestateMemo | undefined;
  personal: PersonalMemo | undefined;
}

/** The pack's behaviour, risk and sign-off rules over the draft's tokens (reusing the unchanged prefix). */
function rulePass(st: DraftState): void {
  const { tokens, reused, pack } = st;
  const { matches, kept } = scanDraft(tokens, reused, pack, st.memo);
  st.matches = matches;
  // A kept match ends at least a token before the unchanged prefix does, so the tokens around it that
  // negatedFeeling reads are unchanged too: its hit is last keystroke's (the same object, so what ranks
  // rewrites can remember it).
  const before = st.memo?.ruleHits ?? [];
  const hits: RuleHit[] = new Array(matches.length);
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i] as TokenMatch<DraftRule>;
    let h = i < kept ? before[i] : undefined;
    if (h === undefined) {
      const span: Span = [tokens.starts[m.first] as number, tokens.ends[m.last] as number];
      const p = m.payload;
      if (p.t === 'behavior') {
        h = negatedFeeling(tokens, m.first, m.last, p.rule.kind, pack)
          ? null
          : { behavior: { kind: p.rule.kind, span, rule: p.rule.id } };
      } else if (p.t === 'risk') {
        const risk: RiskHit = { kind: p.rule.kind, span, rule: p.rule.id };
        if (p.rule.rewrite) risk.rewrite = p.rule.rewrite;
        h = { risk };
      } else h = CLOSING;
    }
    hits[i] = h;
    if (h === null) continue;
    if ('closing' in h) st.hasClosing = true;
    else if ('behavior' in h) st.behaviors.push(h.behavior);
    else st.risks.push(h.risk);
  }
  st.ruleHits = hits;
}

/** What a rule match found: a behaviour, a risk, a sign-off, or nothing (a negated feeling). */
type RuleHit = { behavior: BehaviorHit } | { risk: RiskHit } | typeof CLOSING | null;
const CLOSING = { closing: true } as const;

/**
 * Explore: any question the agent asks (rhetorical questions are rare in support replies), except an
 * offer ("Shall I...?", "Would you like me to...?", "Skal jeg...?"): that is the agent acting, not asking.
 */
function explorePass(st: DraftState): void {
  for (const s of st.sentences) {
    if (s.question && s.last > s.first && !opensWithOffer(st.tokens, s, st.pack)) {
      st.behaviors.push({ kind: 'explore', span: s.span, rule: 'explore.question' });
    }
  }
}

/** Jargon the customer used first ("IBAN", "ticket") is their word, not ours. */
function customerJargonPass(st: DraftState): void {
  if (!st.cust) return;
  const customerWords = new Set(st.cust.details.tokens.words);
  const { risks, text } = st;
  for (let i = risks.length - 1; i >= 0; i--) {
    const r = risks[i] as RiskHit;
    if (r.kind !== 'jargon') continue;
    const words = text
      .slice(r.span[0], r.span[1])
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    if (words.length > 0 && words.every((w) => customerWords.has(w))) risks.splice(i, 1);
  }
}

/**
 * Shouting: capitals and "!!" read as raised voice in writing. A short word the draft also writes in lower
 * case ("SKAL" ... "skal") is an ordinary word, not a name.
 */
function shoutingPass(st: DraftState): void {
  const { tokens, text, pack, risks, lang } = st;
  let lowerWords: Set<string> | undefined;
  const draftWords = (): Set<string> => {
    if (!lowerWords) {
      lowerWords = new Set();
      for (let i = 0; i < tokens.words.length; i++)
        if (tokens.upper[i] === 0) lowerWords.add(tokens.words[i] as string);
    }
    return lowerWords;
  };
  for (const s of capsRuns(tokens, text, {
    acronyms: pack.acronyms,
    emphatic: (w) => pack.negators.has(w) || pack.intensifiers.has(w) || pack.stopwords.has(w),
    ordinary: (w) => {
      if (/\d/.test(w)) return false;
      return pack.draft.startsPattern(w) || pack.message.startsPattern(w) || draftWords().has(w);
    },
  })) {
    // Jargon in capitals ("PIR", "SLA") is already flagged as jargon; it is a term, not a raised voice.
    if (risks.some((r) => r.kind === 'jargon' && r.span[0] <= s[0] && r.span[1] >= s[1])) continue;
    risks.push({
      kind: 'shouting',
      span: s,
      rule: 'shouting.caps',
      rewrite: calmCapitals(text.slice(s[0], s[1]), lang, pack),
    });
  }
  for (const s of exclamationRuns(text, text.length)) {
    if (s[1] - s[0] >= 2) risks.push({ kind: 'shouting', span: s, rule: 'shouting.exclamations', rewrite: '.' });
  }
}

/**
 * Restate (active listening): a statement that mirrors the customer's message (shares its key terms)
 * without being the agent's own action ("I've refunded your order" shares terms but is a solution).
 * With the customer's message at hand, the pack's restate phrases ("if I understand you correctly", "to
 * recap") are markers: the sentence must still mirror the message ("To confirm, your refund is done" is not).
 */
function restatePass(st: DraftState): void {
  const { cust, behaviors } = st;
  if (!cust) return;
  const markers: BehaviorHit[] = [];
  for (let i = behaviors.length - 1; i >= 0; i--) {
    const b = behaviors[i] as BehaviorHit;
    if (b.kind === 'restate') {
      markers.push(b);
      behaviors.splice(i, 1);
    }
  }
  if (cust.terms.size > 0 || cust.cueKinds.size > 0) {
    st.restate = findRestatements(
      st.text,
      st.tokens,
      st.sentences,
      st.pack,
      cust,
      behaviors,
      st.risks,
      markers,
      st.memo?.restate,
    );
  } else {
    behaviors.push(...markers); // nothing to compare with (an empty message): as without one
  }
}

/** Personal: the customer's name, or a greeting followed by a name. */
function personalPass(st: DraftState): void {
  const { tokens, text, pack, behaviors } = st;
  const lowerName = st.name?.toLowerCase();
  // A hit at token i reads tokens i and i + 1 only: those before the last unchanged token stand.
  const hits: PersonalMemo['hits'] = [];
  let from = 0;
  const prev = st.memo?.personal;
  if (prev && prev.pack === pack && prev.name === lowerName) {
    from = Math.max(0, st.reused - 1);
    for (const h of prev.hits) {
      if (h.at >= from) break;
      hits.push(h);
    }
  }
  for (let i = from; i < tokens.words.length; i++) {
    const w = tokens.words[i] as string;
    if (lowerName && w === lowerName) {
      hits.push({
        at: i,
        hit: { kind: 'personal', span: [tokens.starts[i] as number, tokens.ends[i] as number], rule: 'personal.name' },
      });
    } else if (pack.greetings.has(w) && i + 1 < tokens.words.length) {
      const next = tokens.words[i + 1] as string;
      const nextStart = tokens.starts[i + 1] as number;
      const ch = text[nextStart] ?? '';
      const capitalised =
        ch !== ch.toLowerCase() && (tokens.upper[i + 1] as number) < (tokens.letters[i + 1] as number);
      // "Hei! Bindingstiden..." and "Hi.\nYour order" are a greeting and a new sentence, not a greeting and a name.
      const sameSentence = tokens.breaks[i + 1] !== 1;
      if (capitalised && sameSentence && !pack.stopwords.has(next) && next !== lowerName) {
        hits.push({
          at: i,
          hit: {
            kind: 'personal',
            span: [tokens.starts[i] as number, tokens.ends[i + 1] as number],
            rule: 'personal.greeting-name',
          },
        });
      }
    }
  }
  for (const h of hits) behaviors.push(h.hit);
  st.personal = { pack, name: lowerName, hits };
}

interface PersonalMemo {
  pack: CompiledPack;
  name: string | undefined;
  /** The hits in token order, each with the token it was found at. */
  hits: { at: number; hit: BehaviorHit }[];
}

/** The passes that find behaviours and risks, in order (restate needs the others' hits before it). */
const PASSES: readonly ((st: DraftState) => void)[] = [
  rulePass,
  explorePass,
  customerJargonPass,
  shoutingPass,
  restatePass,
  personalPass,
];

/**
 * 0-100: a base for any text, points for each behaviour present (weighted by how much this customer's
 * emotion needs it), penalties for risks and long sentences, and for not acknowledging an upset customer.
 */
function scoreDraft(
  wordCount: number,
  present: Set<Behavior>,
  risks: RiskHit[],
  longSentences: number,
  emotion: Emotion,
): number {
  if (wordCount === 0) return 0;
  const needs = NEEDS[emotion];
  let score = 30;
  for (const kind of present) score += BEHAVIOR_POINTS[kind] * (0.6 + 0.8 * needs[kind]);
  const riskKinds = new Map<Risk, number>();
  for (const r of risks) riskKinds.set(r.kind, (riskKinds.get(r.kind) ?? 0) + 1);
  for (const [kind, count] of riskKinds) score -= RISK_PENALTY[kind] * Math.min(2, count);
  score -= 3 * Math.min(3, longSentences);
  const upset = emotion === 'frustrated' || emotion === 'disappointed' || emotion === 'worried';
  if (upset && !present.has('acknowledge')) score -= 6;
  return Math.round(Math.max(0, Math.min(100, score)));
}

export function analyzeDraft(draft: string, ctx: DraftContext = {}): DraftAnalysis {
  const text = typeof draft === 'string' ? draft : '';
  const context: DraftContext = ctx && typeof ctx === 'object' ? ctx : {};
  const customerText = typeof context.customerText === 'string' ? context.customerText : undefined;
  const cust = customerText !== undefined ? customerDetails(customerText, context.lang) : undefined;
  const customer = context.customer ?? cust?.details.analysis;
  const memo = lastDraft;
  // The previous tokens are extended in place: the memo is dropped until this analysis replaces it, so an
  // analysis that throws half way leaves no memo that disagrees with its tokens.
  lastDraft = undefined;
  const { tokens, reused } = tokenizeIncremental(text, memo);
  const lang = chooseLang(text, tokens, context, customer);
  const pack: CompiledPack = packFor(lang);
  const st: DraftState = {
    text,
    tokens,
    reused,
    memo,
    sentences: splitSentences(text, tokens, memo && { sentences: memo.sentences, reused }),
    lang,
    pack,
    cust,
    name: firstName(context.customerName),
    behaviors: [],
    risks: [],
    hasClosing: false,
    matches: [],
    ruleHits: [],
    restate: undefined,
    personal: undefined,
  };
  for (const pass of PASSES) pass(st);
  const tallies = tallyTokens(tokens, memo?.tallies, reused);
  const words = (memo?.words ?? new WordIndex()).update(tokens, reused);

  const behaviorsOut = dedupe(st.behaviors);
  const risksOut = dedupe(st.risks);
  const read = readability(
    tokens,
    st.sentences,
    pack.pack.readability.index,
    pack.pack.readability.longSentenceWords,
    tallies,
  );
  const emotion: Emotion = customer?.emotion ?? 'neutral';
  const present = new Set(behaviorsOut.map((b) => b.kind));
  const score = scoreDraft(tokens.words.length, present, risksOut, read.longSentences.length, emotion);

  const suggestions = rankSuggestions({
    text,
    tokens,
    lang,
    pack,
    customer,
    topic: cust?.details.topic,
    present,
    risks: risksOut,
    hasGreeting: behaviorsOut.some((b) => b.rule === 'personal.greeting-name') || startsWithGreeting(tokens, pack),
    hasClosing: st.hasClosing,
    channel: context.channel ?? 'chat',
    name: st.name,
    library: context.library,
    usage: context.usage,
    words,
  });

  lastDraft = {
    text,
    tokens,
    pack,
    matches: st.matches,
    ruleHits: st.ruleHits,
    sentences: st.sentences,
    tallies,
    restate: st.restate,
    personal: st.personal,
    words,
  };
  return {
    lang,
    score,
    behaviors: behaviorsOut.sort((a, b) => a.span[0] - b.span[0]),
    risks: risksOut.sort((a, b) => a.span[0] - b.span[0]),
    readability: read,
    suggestions,
  };
}

/** "YOU MUST SEND THE IBAN" -> "you must send the IBAN": acronyms keep their capitals, and so does English "I". */
function calmCapitals(words: string, lang: Lang, pack: CompiledPack): string {
  return words.replace(/[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)?/gu, (w) => {
    const lower = w.toLowerCase();
    if (pack.acronyms.has(lower)) return w;
    if (lang === 'en' && (lower === 'i' || /^i['\u2019]/.test(lower))) return `I${lower.slice(1)}`;
    return lower;
  });
}

function startsWithGreeting(tokens: Tokens, pack: CompiledPack): boolean {
  const first = tokens.words[0];
  return first !== undefined && pack.greetings.has(first);
}
