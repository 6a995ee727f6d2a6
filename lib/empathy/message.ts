// Customer-message analysis: emotion, intensity and cues, from one scan of the message's tokens.
import { detectLanguage } from './detect';
import { combineVerdicts, type EmotionBasis } from './model/combine';
import { emotionModelFor } from './model/store';
import { type Tokens, type TokenMatch, tokenize } from './match';
import type { FeltEmotion, TopicTerm } from './packs/types';
import { type CompiledPack, type MessageRule, packFor } from './registry';
import { EMOTIONS, type Emotion, type Lang, type MessageAnalysis, type Span } from './types';

/** Evidence an emotion needs to beat "neutral". */
const NEUTRAL_BASELINE = 0.7;
const NEGATION_WINDOW = 3;

/** Internal result: the public analysis plus what draft analysis reuses (topic, tokens). */
export interface MessageDetails {
  analysis: MessageAnalysis;
  tokens: Tokens;
  topic: TopicTerm | undefined;
  pack: CompiledPack;
}

/**
 * "jätteorolig", "kjempefornøyd": reads the word after an intensifying prefix so the lexicon's "orolig*"
 * matches; returns how many words were intensified this way. Rewrites the token list in place.
 */
function splitCompoundIntensifiers(tokens: Tokens, prefixes: readonly string[] | undefined): number {
  if (!prefixes || prefixes.length === 0) return 0;
  let hits = 0;
  const words = tokens.words;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    for (const p of prefixes) {
      if (w.length >= p.length + 3 && w.startsWith(p)) {
        words[i] = w.slice(p.length);
        hits++;
        break;
      }
    }
  }
  return hits;
}

function isCapsToken(tokens: Tokens, i: number): boolean {
  const letters = tokens.letters[i] as number;
  return letters >= 2 && tokens.upper[i] === letters;
}

/** How capitals are read: which words are names (acronyms) and which short words are emphasis. */
export interface CapsRules {
  acronyms: Set<string>;
  /** Ordinary short words that are emphasis in capitals ("NOT", "STILL", "SKAL"). */
  emphatic: (word: string) => boolean;
  /**
   * Drafts: a short word in capitals is a raised voice when it is an ordinary word of the language ("Du SKAL
   * ha fått", "You MUST"), not only when it is a function word; unknown short capitals (CPI, PIR) are names.
   */
  ordinary?: (word: string) => boolean;
}

function isCapsLetter(tokens: Tokens, i: number): boolean {
  return tokens.letters[i] === 1 && tokens.upper[i] === 1 && (tokens.words[i] as string).length === 1;
}

/** Runs of words in capitals used for emphasis (acronyms like "SMS" or "PIN" alone don't count). */
export function capsRuns(tokens: Tokens, text: string, rules: CapsRules): Span[] {
  const runs: Span[] = [];
  const n = tokens.words.length;
  let i = 0;
  while (i < n) {
    if (!isCapsToken(tokens, i) && !(isCapsLetter(tokens, i) && i + 1 < n && isCapsToken(tokens, i + 1))) {
      i++;
      continue;
    }
    let j = i;
    // A capital single letter ("I", "A") inside a run of capitals belongs to it: "I TOLD YOU I SENT IT".
    while (
      j + 1 < n &&
      (isCapsToken(tokens, j + 1) || (isCapsLetter(tokens, j + 1) && j + 2 < n && isCapsToken(tokens, j + 2)))
    ) {
      j++;
    }
    // Acronyms ("SMS", "PIN", "IBAN") are names, whatever their length; the other words carry the voice.
    let words = 0;
    let loud = false;
    for (let k = i; k <= j; k++) {
      const w = tokens.words[k] as string;
      const letters = tokens.letters[k] as number;
      if (letters < 2 || rules.acronyms.has(w)) continue;
      words++;
      if (letters >= 5 || rules.emphatic(w) || rules.ordinary?.(w)) loud = true;
    }
    if (words >= 2 || loud) runs.push([tokens.starts[i] as number, tokens.ends[j] as number]);
    i = j + 1;
  }
  // The whole text in capitals of one word ("OK") is not shouting.
  if (runs.length === 1 && tokens.words.length === 1 && text.trim().length < 4) return [];
  return runs;
}

/** Runs of "!" (and "?!"); each is one exclamation cue. */
export function exclamationRuns(text: string, limit: number): Span[] {
  const runs: Span[] = [];
  let from = text.indexOf('!');
  while (from !== -1 && from < limit) {
    let start = from;
    while (start > 0 && (text[start - 1] === '?' || text[start - 1] === '!')) start--;
    let end = from + 1;
    while (end < text.length && (text[end] === '!' || text[end] === '?' || text[end] === '1')) end++;
    runs.push([start, end]);
    from = text.indexOf('!', end);
  }
  return runs;
}

/** Sentence or clause punctuation before token `next` (abbreviation dots such as "t.ex." don't count). */
function clauseBreak(text: string, tokens: Tokens, next: number): boolean {
  if (tokens.breaks[next] === 1) return true;
  for (let i = tokens.ends[next - 1] as number; i < (tokens.starts[next] as number); i++) {
    const c = text.charCodeAt(i);
    if (c === 59 || c === 58) return true;
  }
  return false;
}

function overlaps(a: Span, b: Span): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

function emptyScores(): Record<Emotion, number> {
  return { frustrated: 0, disappointed: 0, worried: 0, confused: 0, positive: 0, neutral: 0 };
}

/** Index of the sentence token `i` belongs to. */
function sentenceIndex(tokens: Tokens, i: number): number {
  let n = 0;
  for (let k = 1; k <= i; k++) n += tokens.breaks[k] as number;
  return n;
}

/** Sentences that report a failure (repeat contact, service failure), when the message is sarcastic at all. */
function sarcasticFailureSentences(
  tokens: Tokens,
  matches: TokenMatch<MessageRule>[],
  sarcastic: boolean,
): Set<number> | undefined {
  if (!sarcastic) return undefined;
  const out = new Set<number>();
  for (const m of matches) {
    const p = m.payload;
    if (p.t === 'cue' && (p.rule.kind === 'repeat-contact' || p.rule.kind === 'service-failure')) {
      out.add(sentenceIndex(tokens, m.first));
    }
  }
  return out;
}

/** The negator at `k` goes with a wish ("vill [verkligen] inte", "don't want"), not with the feeling. */
function wishedAway(words: string[], k: number, pack: CompiledPack): boolean {
  const after = words[k + 1];
  if (after !== undefined && pack.wishes.has(after)) return true;
  for (let j = k - 1; j >= 0 && j >= k - 2; j--) {
    const w = words[j] as string;
    if (pack.wishes.has(w)) return true;
    if (!pack.intensifiers.has(w)) break;
  }
  return false;
}

/** Cues the rules are sure of: the model never overrides them. */
const STRONG_CUES = new Set(['sarcasm', 'repeat-contact', 'churn-threat']);

export function analyzeMessageDetailed(text: string, lang?: Lang, rulesOnly = false): MessageDetails {
  const safe = typeof text === 'string' ? text : '';
  const language = lang ?? detectLanguage(safe).lang;
  const pack = packFor(language);
  const tokens = tokenize(safe);
  const raw = emptyScores();
  let intensifierHits = splitCompoundIntensifiers(tokens, pack.compoundIntensifiers);
  const words = tokens.words;
  const cues: { kind: string; span: Span }[] = [];

  const matches: TokenMatch<MessageRule>[] = [];
  pack.message.scan(tokens, (m) => {
    matches.push(m);
  });
  const span = (m: { first: number; last: number }): Span => [
    tokens.starts[m.first] as number,
    tokens.ends[m.last] as number,
  ];

  // Sarcasm first: praise inside a sarcastic phrase counts as frustration, not as positive.
  const sarcasmSpans: Span[] = [];
  for (const m of matches) {
    if (m.payload.t !== 'sarcasm') continue;
    const s = span(m);
    if (sarcasmSpans.some((x) => overlaps(x, s))) continue;
    sarcasmSpans.push(s);
    cues.push({ kind: 'sarcasm', span: s });
    raw.frustrated += 1.5;
  }

  let topic: TopicTerm | undefined;
  const emotionSpans: { span: Span; emotion: FeltEmotion }[] = [];
  // For each token, the last token of the emotion term that covers it (-1: none).
  const coveredUntil = new Int32Array(words.length).fill(-1);
  // The emotion of the term that covers each token (for negators that are part of a term).
  const coveredEmotion: (FeltEmotion | undefined)[] = [];
  const cueSeen = new Map<string, Span[]>();
  const praiseOpeners: { span: Span; w: number }[] = [];
  // Worry that comes only from the customer's situation (illness, age, bereavement), not from worry words.
  let situationalWorry = 0;
  let worryWords = 0;
  const ironicSentences = sarcasticFailureSentences(tokens, matches, sarcasmSpans.length > 0);
  for (const m of matches) {
    const p = m.payload;
    if (p.t === 'topic') {
      topic ??= p.term;
      continue;
    }
    if (p.t === 'cue') {
      const s = span(m);
      // "Thanks for nothing" is sarcasm, not thanks.
      if (p.rule.kind === 'thanks' && sarcasmSpans.some((x) => overlaps(x, s))) continue;
      // In a sarcastic message, thanks for a failure ("Thanks a lot for sending the wrong item again") is ironic.
      if (p.rule.kind === 'thanks' && ironicSentences?.has(sentenceIndex(tokens, m.first))) continue;
      const seen = cueSeen.get(p.rule.kind) ?? [];
      if (seen.some((x) => overlaps(x, s))) continue;
      seen.push(s);
      cueSeen.set(p.rule.kind, seen);
      cues.push({ kind: p.rule.kind, span: s });
      if (p.rule.emotion) raw[p.rule.emotion] += p.rule.w ?? 1;
      if (p.rule.kind === 'vulnerability' && p.rule.emotion === 'worried') situationalWorry += p.rule.w ?? 1;
      continue;
    }
    if (p.t !== 'emotion') continue;
    const s = span(m);
    // A shorter term inside a longer one of the same emotion ("up" in "fed up") counts once.
    if (emotionSpans.some((e) => e.emotion === p.term.emotion && e.span[0] <= s[0] && e.span[1] >= s[1])) continue;
    emotionSpans.push({ span: s, emotion: p.term.emotion });
    let w = p.term.w ?? 1;
    // A negator flips the term when it is close, in the same clause, and not part of another term
    // ("I don't understand. Which one..." must not negate "which one").
    let negatedBy = -1;
    for (let k = m.first - 1; k >= 0 && k >= m.first - NEGATION_WINDOW; k--) {
      if (clauseBreak(safe, tokens, k + 1)) break;
      const until = coveredUntil[k] as number;
      if (until !== -1 && until < m.first) break;
      // A negator inside a term of the same emotion ("I don't know which one") belongs to that term.
      if (pack.negators.has(words[k] as string) && coveredEmotion[k] !== p.term.emotion) {
        negatedBy = k;
        break;
      }
    }
    // "jag vill verkligen inte hamna hos inkasso", "don't want to lose": a wish not to is the fear itself.
    if (negatedBy !== -1 && wishedAway(words, negatedBy, pack)) negatedBy = -1;
    for (let k = m.first; k <= m.last; k++) {
      if ((coveredUntil[k] as number) < m.last) {
        coveredUntil[k] = m.last;
        coveredEmotion[k] = p.term.emotion;
      }
    }
    // A term that is itself a negated judgement ("not okay", "inte okej") is a negation cue too.
    if (p.term.negation) cues.push({ kind: 'negation', span: s });
    for (let k = m.first - 1; k >= 0 && k >= m.first - 2; k--) {
      if (pack.intensifiers.has(words[k] as string)) {
        w *= 1.5;
        intensifierHits++;
        break;
      }
    }
    if (negatedBy !== -1) {
      cues.push({ kind: 'negation', span: [tokens.starts[negatedBy] as number, s[1]] });
      // "not happy" is disappointment; "not worried" leans neutral.
      if (p.term.emotion === 'positive') raw.disappointed += w * 1.3;
      else raw.neutral += w * 0.3;
      continue;
    }
    if (p.term.emotion === 'positive' && sarcasmSpans.some((x) => overlaps(x, s))) {
      raw.frustrated += w * 0.5;
      continue;
    }
    raw[p.term.emotion] += w;
    if (p.term.emotion === 'worried') worryWords += w;
    // "Wonderful, my suitcase has gone to Madrid": praise opening a sentence, then a comma.
    if (p.term.emotion === 'positive' && (m.first === 0 || tokens.breaks[m.first] === 1)) {
      const after = safe.charCodeAt(tokens.ends[m.last] as number);
      if (after === 44 /* , */) praiseOpeners.push({ span: s, w });
    }
  }

  // Praise that opens a complaint is sarcasm: the message reports a failure or is otherwise negative.
  if (praiseOpeners.length > 0) {
    const failing = cues.some((c) => c.kind === 'repeat-contact' || c.kind === 'service-failure');
    if (failing || raw.frustrated + raw.disappointed >= 1) {
      for (const o of praiseOpeners) {
        if (sarcasmSpans.some((x) => overlaps(x, o.span))) continue;
        if (cues.some((c) => c.kind === 'thanks' && overlaps(c.span, o.span))) continue;
        sarcasmSpans.push(o.span);
        cues.push({ kind: 'sarcasm', span: o.span });
        raw.positive = Math.max(0, raw.positive - o.w);
        raw.frustrated += 1.5;
      }
    }
  }

  // A thank-you that mentions the customer's situation ("who helped my mum with her wheelchair") is gratitude:
  // the situation is context, not a present worry, unless the customer also says they are worried.
  if (situationalWorry > 0 && worryWords === 0 && cues.some((c) => c.kind === 'thanks') && raw.positive >= 1) {
    raw.worried = Math.max(0, raw.worried - situationalWorry);
  }

  // Language-neutral cues: capitals and exclamation marks work without any pack.
  const limit = Math.min(safe.length, 200_000);
  // A lone short word in capitals is emphasis when it is an ordinary word (NOT, STILL, FIVE), not an acronym.
  const caps = capsRuns(tokens, safe, {
    acronyms: pack.acronyms,
    emphatic: (w) => pack.negators.has(w) || pack.intensifiers.has(w) || pack.stopwords.has(w),
  });
  for (const s of caps) cues.push({ kind: 'caps', span: s });
  const bangs = exclamationRuns(safe, limit);
  for (const s of bangs) cues.push({ kind: 'exclamation', span: s });
  let questions = 0;
  for (let i = safe.indexOf('?'); i !== -1 && i < limit && questions < 5; i = safe.indexOf('?', i + 1)) questions++;
  raw.confused += Math.min(questions, 3) * 0.15;
  if (caps.length > 0) raw.frustrated += 0.4 * Math.min(caps.length, 3);
  // Exclamation marks raise the temperature a little (thanks with "!" still reads as positive).
  raw.frustrated += 0.2 * Math.min(bangs.length, 2);

  // Long messages accumulate evidence; score per ~40 words so a long calm email isn't "frustrated".
  const lengthFactor = Math.max(1, words.length / 40);
  const scores = emptyScores();
  for (const e of EMOTIONS) scores[e] = raw[e] / (e === 'neutral' ? 1 : Math.sqrt(lengthFactor));
  scores.neutral += NEUTRAL_BASELINE;

  let emotion: Emotion = 'neutral';
  for (const e of EMOTIONS) if (scores[e] > scores[emotion]) emotion = e;
  // Thanks at the end of an angry message is politeness: negative evidence wins over a little praise.
  if (emotion === 'positive') {
    const negative = Math.max(scores.frustrated, scores.disappointed, scores.worried, scores.confused);
    if (negative >= scores.positive * 0.7 && negative >= NEUTRAL_BASELINE * 0.8) {
      emotion = (['frustrated', 'disappointed', 'worried', 'confused'] as const).reduce((a, b) =>
        scores[b] > scores[a] ? b : a,
      );
    }
  }

  const total = EMOTIONS.reduce((sum, e) => sum + scores[e], 0);
  const normalised = emptyScores();
  for (const e of EMOTIONS) normalised[e] = scores[e] / total;

  // The learned layer (./model/): decides where the rules' evidence is thin; see ./model/combine.ts.
  let basis: EmotionBasis = 'rules';
  let modelP = 0;
  const model = rulesOnly ? undefined : emotionModelFor(language);
  if (model && words.length > 0) {
    const probs = model.predict(safe);
    const evidence =
      emotion === 'neutral'
        ? Math.max(scores.frustrated, scores.disappointed, scores.worried, scores.confused, scores.positive)
        : scores[emotion];
    const strongCue = cues.some((c) => STRONG_CUES.has(c.kind));
    const verdict = combineVerdicts({ emotion, evidence, strongCue }, model, probs);
    emotion = verdict.emotion;
    basis = verdict.basis;
    modelP = verdict.p;
    // The scores blend both readings, so they agree with the label whichever decided it.
    for (const e of EMOTIONS) normalised[e] *= 0.5;
    model.classes.forEach((e, c) => {
      normalised[e] += 0.5 * (probs[c] as number);
    });
  }
  for (const e of EMOTIONS) normalised[e] = Math.round(normalised[e] * 1000) / 1000;

  const strongCues = cues.filter((c) => c.kind === 'repeat-contact' || c.kind === 'churn-threat').length;
  let intensity =
    0.1 +
    0.12 *
      Math.min(
        4,
        emotion === 'neutral' ? 0 : basis === 'model' ? Math.max(scores[emotion], 3 * modelP) : scores[emotion],
      ) +
    0.12 * Math.min(3, intensifierHits) +
    0.2 * Math.min(1, caps.length) +
    0.08 * Math.min(3, bangs.length) +
    0.12 * Math.min(2, strongCues);
  if (emotion === 'neutral') intensity = Math.min(intensity, 0.3);
  if (words.length === 0) intensity = 0;
  intensity = Math.round(Math.max(0, Math.min(1, intensity)) * 100) / 100;

  cues.sort((a, b) => a.span[0] - b.span[0]);
  return {
    analysis: { lang: language, emotion, scores: normalised, intensity, cues, basis },
    tokens,
    topic,
    pack,
  };
}

/** Analyses the customer's message: emotion, scores, intensity 0..1 and cues with their spans. */
export function analyzeMessage(text: string, opts?: { lang?: Lang; rulesOnly?: boolean }): MessageAnalysis {
  return analyzeMessageDetailed(text, opts?.lang, opts?.rulesOnly === true).analysis;
}
