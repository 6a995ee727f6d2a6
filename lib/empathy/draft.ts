// Draft analysis: empathy behaviours and risky wordings with spans and rule ids, readability, a 0-100
// score and ranked suggestions.
import { detectLanguage } from './detect';
import { type TokenMatch, type Tokens, tokenizeIncremental } from './match';
import { analyzeMessageDetailed, capsRuns, exclamationRuns, type MessageDetails } from './message';
import { readability, type Sentence, splitSentences } from './readability';
import { type CompiledPack, type DraftRule, packFor } from './registry';
import { NEEDS } from './needs';
import { rankSuggestions } from './suggest';
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

const KEY_TERM_STEM = 5;

/** Key terms of a text: content words (stemmed by prefix, crude but language-neutral) and numbers. */
export function keyTerms(tokens: Tokens, stopwords: Set<string>): Set<string> {
  const terms = new Set<string>();
  for (let i = 0; i < tokens.words.length; i++) {
    const w = tokens.words[i] as string;
    const letters = tokens.letters[i] as number;
    if (letters === 0) {
      if (w.length >= 3) terms.add(w); // order and case numbers
      continue;
    }
    if (letters < 4 || stopwords.has(w)) continue;
    terms.add(w.length > KEY_TERM_STEM ? w.slice(0, KEY_TERM_STEM) : w);
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
      numbers: Set<string>;
      allWords: Set<string>;
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
  const terms = keyTerms(details.tokens, details.pack.stopwords);
  const words = new Set<string>();
  const tails = new Set<string>();
  const numbers = new Set<string>();
  for (const w of details.tokens.words) {
    if (NUMBER_WORDS.has(w)) numbers.add(w);
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
    numbers,
    allWords: new Set(details.tokens.words),
    cueKinds,
  };
  return lastCustomer;
}

// The coach re-analyses the draft on every keystroke; the text before the caret is unchanged, so the
// tokens and rule matches that end before the first changed character are reused.
let lastDraft: { text: string; tokens: Tokens; pack: CompiledPack; matches: TokenMatch<DraftRule>[] } | undefined;

function scanDraft(text: string, tokens: Tokens, reused: number, pack: CompiledPack): TokenMatch<DraftRule>[] {
  const prev = lastDraft;
  const matches: TokenMatch<DraftRule>[] = [];
  let from = 0;
  if (prev && prev.pack === pack && reused > 0) {
    from = Math.max(0, reused - pack.draft.maxSpan);
    for (const m of prev.matches) {
      if (m.first >= from) break;
      matches.push(m);
    }
  }
  pack.draft.scan(
    tokens,
    (m) => {
      matches.push(m);
    },
    from,
  );
  lastDraft = { text, tokens, pack, matches };
  return matches;
}

function chooseLang(draft: string, tokens: Tokens, ctx: DraftContext, customer?: MessageAnalysis): Lang {
  if (ctx.lang) return ctx.lang;
  const guess = detectLanguage(draft);
  if (customer && (tokens.words.length < 6 || guess.confidence < 0.3)) return customer.lang;
  return guess.lang;
}

/** Number words: "two hours", "tre gånger" mirror the customer as much as content words do. */
const NUMBER_WORDS = new Set(
  `two three four five six seven eight nine ten twice dozen två tre fyra fem sex sju åtta nio tio fire
  seks syv otte åtte ti kaksi kolme neljä viisi kuusi seitsemän kahdeksan yhdeksän kymmenen`.split(/\s+/),
);
/** Customer cues a draft can mirror ("you've called three times" mirrors "third time I'm calling"). */
const MIRRORED_CUES = new Set(['repeat-contact', 'service-failure', 'vulnerability', 'urgency']);
const TAIL_MIN = 5;

type CustomerTerms = NonNullable<ReturnType<typeof customerDetails>>;

/** A draft word shares a key term with the customer: same stem, or one is the tail of the other's compound. */
function sharedTerm(w: string, letters: number, cust: CustomerTerms): string | undefined {
  if (letters === 0) return cust.terms.has(w) ? w : undefined;
  if (NUMBER_WORDS.has(w)) return cust.numbers.has(w) ? w : undefined;
  const stem = w.length <= KEY_TERM_STEM ? w : w.slice(0, KEY_TERM_STEM);
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

function findRestatements(
  text: string,
  tokens: Tokens,
  sentences: Sentence[],
  pack: CompiledPack,
  cust: CustomerTerms,
  behaviors: BehaviorHit[],
  risks: RiskHit[],
): void {
  const needed = cust.terms.size >= 4 ? 2 : 1;
  // The agent's own actions and risky wording ("YOU WERE NOT CHARGED TWICE") are not active listening; a
  // "solution" word the customer used first ("compensation") is their issue, not our action.
  const own = behaviors.filter(
    (b) => (b.kind === 'solution' || b.kind === 'ownership') && !allCustomerWords(text, b.span, cust),
  );
  const blockers = [...own, ...risks].sort((a, b) => a.span[0] - b.span[0]);
  // Mirroring comes with empathy ("... is not okay, I'm sorry") or a listening marker ("I can see", "you've
  // had to"); packs without listening markers accept any sentence about the customer ("you", "your").
  const empathic = sentencesTouched(
    sentences,
    behaviors.filter((b) => b.kind === 'acknowledge' || b.kind === 'apology' || b.kind === 'restate'),
  );
  const listening = pack.listening;
  let cueKinds: Set<string> | undefined;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si] as Sentence;
    if (s.question || s.last <= s.first) continue;
    if (empathic[si] !== 1) {
      if (listening.size > 0) {
        let heard = false;
        listening.scan(
          tokens,
          () => {
            heard = true;
          },
          s.first,
          s.last,
        );
        if (!heard) continue;
      } else if (!sentenceMentions(tokens, s, pack.secondPerson)) continue;
    }
    const shared = new Set<string>();
    for (const [first, last] of clauses(text, tokens, s)) {
      const span: Span = [tokens.starts[first] as number, tokens.ends[last - 1] as number];
      if (blockers.some((b) => b.span[0] < span[1] && span[0] < b.span[1])) continue;
      for (let i = first; i < last; i++) {
        const w = tokens.words[i] as string;
        const letters = tokens.letters[i] as number;
        const number = NUMBER_WORDS.has(w);
        if (!number && ((letters > 0 && letters < 4) || pack.stopwords.has(w))) continue;
        const term = sharedTerm(w, letters, cust);
        if (term !== undefined) shared.add(term);
      }
      // Mirroring the customer's situation: "you've had to call four times" for "third time I'm calling".
      if (cust.cueKinds.size > 0 && shared.size < needed) {
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
    if (shared.size >= needed) behaviors.push({ kind: 'restate', span: s.span, rule: 'restate.key-terms' });
  }
}

function allCustomerWords(text: string, span: Span, cust: CustomerTerms): boolean {
  const words = text
    .slice(span[0], span[1])
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean);
  return words.length > 0 && words.every((w) => cust.allWords.has(w));
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

export function analyzeDraft(draft: string, ctx: DraftContext = {}): DraftAnalysis {
  const text = typeof draft === 'string' ? draft : '';
  const context: DraftContext = ctx && typeof ctx === 'object' ? ctx : {};
  const customerText = typeof context.customerText === 'string' ? context.customerText : undefined;
  const cust = customerText !== undefined ? customerDetails(customerText, context.lang) : undefined;
  const customer = context.customer ?? cust?.details.analysis;
  const { tokens, reused } = tokenizeIncremental(text, lastDraft);
  const lang = chooseLang(text, tokens, context, customer);
  const pack: CompiledPack = packFor(lang);
  const sentences = splitSentences(text, tokens);

  const behaviors: BehaviorHit[] = [];
  const risks: RiskHit[] = [];
  let hasClosing = false;
  for (const m of scanDraft(text, tokens, reused, pack)) {
    const span: Span = [tokens.starts[m.first] as number, tokens.ends[m.last] as number];
    const p = m.payload;
    if (p.t === 'behavior') behaviors.push({ kind: p.rule.kind, span, rule: p.rule.id });
    else if (p.t === 'risk') {
      const hit: RiskHit = { kind: p.rule.kind, span, rule: p.rule.id };
      if (p.rule.rewrite) hit.rewrite = p.rule.rewrite;
      risks.push(hit);
    } else hasClosing = true;
  }

  // Explore: any question the agent asks (rhetorical questions are rare in support replies), except an
  // offer ("Shall I...?", "Would you like me to...?", "Skal jeg...?"): that is the agent acting, not asking.
  for (const s of sentences) {
    if (s.question && s.last > s.first && !opensWithOffer(tokens, s, pack)) {
      behaviors.push({ kind: 'explore', span: s.span, rule: 'explore.question' });
    }
  }

  // Jargon the customer used first ("IBAN", "ticket") is their word, not ours.
  if (cust) {
    const customerWords = new Set(cust.details.tokens.words);
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

  // Shouting: capitals and "!!" read as raised voice in writing. A short word the draft also writes in lower
  // case ("SKAL" ... "skal") is an ordinary word, not a name.
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

  // Restate (active listening): a statement that mirrors the customer's message (shares its key terms)
  // without being the agent's own action ("I've refunded your order" shares terms but is a solution).
  if (cust && cust.terms.size > 0) findRestatements(text, tokens, sentences, pack, cust, behaviors, risks);

  // Personal: the customer's name, or a greeting followed by a name.
  const name = firstName(context.customerName);
  const lowerName = name?.toLowerCase();
  for (let i = 0; i < tokens.words.length; i++) {
    const w = tokens.words[i] as string;
    if (lowerName && w === lowerName) {
      behaviors.push({
        kind: 'personal',
        span: [tokens.starts[i] as number, tokens.ends[i] as number],
        rule: 'personal.name',
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
        behaviors.push({
          kind: 'personal',
          span: [tokens.starts[i] as number, tokens.ends[i + 1] as number],
          rule: 'personal.greeting-name',
        });
      }
    }
  }

  const behaviorsOut = dedupe(behaviors);
  const risksOut = dedupe(risks);
  const read = readability(tokens, sentences, pack.pack.readability.index, pack.pack.readability.longSentenceWords);

  const emotion: Emotion = customer?.emotion ?? 'neutral';
  const needs = NEEDS[emotion];
  const present = new Set(behaviorsOut.map((b) => b.kind));
  let score = 0;
  if (tokens.words.length > 0) {
    score = 30;
    for (const kind of present) score += BEHAVIOR_POINTS[kind] * (0.6 + 0.8 * needs[kind]);
    const riskKinds = new Map<Risk, number>();
    for (const r of risksOut) riskKinds.set(r.kind, (riskKinds.get(r.kind) ?? 0) + 1);
    for (const [kind, count] of riskKinds) score -= RISK_PENALTY[kind] * Math.min(2, count);
    score -= 3 * Math.min(3, read.longSentences.length);
    const upset = emotion === 'frustrated' || emotion === 'disappointed' || emotion === 'worried';
    if (upset && !present.has('acknowledge')) score -= 6;
    score = Math.round(Math.max(0, Math.min(100, score)));
  }

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
    hasClosing,
    channel: context.channel ?? 'chat',
    name,
    library: context.library,
    usage: context.usage,
  });

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
