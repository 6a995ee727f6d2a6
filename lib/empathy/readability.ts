// Readability: LIX for the Nordic languages, Flesch reading ease for English, and the sentences that are
// too long (clarity is one of the agent's KPIs).
import type { Tokens } from './match';
import type { Span } from './types';

export interface Sentence {
  span: Span;
  /** Token range [first, last); empty when first === last. */
  first: number;
  last: number;
  question: boolean;
}

/**
 * Sentences by terminal punctuation and line breaks (greetings and sign-offs sit on their own lines).
 * `previous`: the sentences of the same draft a keystroke ago, whose first `reused` tokens are unchanged
 * (tokenizeIncremental). A sentence is kept when the token after it is one of those: every token and break it
 * depends on, up to the next sentence's break, is then the same.
 */
export function splitSentences(
  text: string,
  tokens: Tokens,
  previous?: { sentences: readonly Sentence[]; reused: number },
): Sentence[] {
  const sentences: Sentence[] = [];
  const n = tokens.words.length;
  let ti = 0;
  if (previous) {
    for (const s of previous.sentences) {
      if (s.last >= previous.reused) break;
      sentences.push(s);
      ti = s.last;
    }
  }
  while (ti < n) {
    const first = ti;
    const start = tokens.starts[first] as number;
    let end = tokens.ends[first] as number;
    ti++;
    // Extend to the next sentence break the tokenizer found ("3.5", "e.g. the", "kl. 19.40" stay whole).
    while (ti < n && tokens.breaks[ti] !== 1) {
      end = tokens.ends[ti] as number;
      ti++;
    }
    // Include the terminal punctuation in the span.
    let stop = end;
    let question = false;
    const limit = ti < n ? (tokens.starts[ti] as number) : text.length;
    while (stop < limit) {
      const c = text.charCodeAt(stop);
      if (c === 63) question = true;
      if (c === 46 || c === 33 || c === 63 || c === 0x2026) stop++;
      else if (c === 41 || c === 34 || c === 0x201d) stop++;
      else break;
    }
    sentences.push({ span: [start, stop], first, last: ti, question });
  }
  return sentences;
}

/** English syllables by vowel groups, the usual Flesch approximation. */
export function englishSyllables(word: string): number {
  let count = 0;
  let prevVowel = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const vowel = c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121;
    if (vowel && !prevVowel) count++;
    prevVowel = vowel;
  }
  if (word.length > 2 && word.endsWith('e') && !word.endsWith('le') && count > 1) count--;
  return Math.max(1, count);
}

export interface Readability {
  index: 'lix' | 'flesch';
  value: number;
  longSentences: Span[];
}

/**
 * Running counts over a draft's tokens: at [i], the words (tokens with letters), long words (7+ letters) and
 * syllables (English) of tokens [0, i). A sentence's word count is a difference, and a keystroke recounts
 * only the tokens after the unchanged prefix (`from`).
 */
export interface TokenTallies {
  words: Int32Array;
  longWords: Int32Array;
  syllables: Int32Array;
}

export function tallyTokens(tokens: Tokens, previous?: TokenTallies, from = 0): TokenTallies {
  const n = tokens.words.length;
  let t = previous;
  if (!t || t.words.length < n + 1) {
    const size = Math.max(n + 1, 2 * (t?.words.length ?? 0), 256);
    const grown: TokenTallies = {
      words: new Int32Array(size),
      longWords: new Int32Array(size),
      syllables: new Int32Array(size),
    };
    if (t) {
      grown.words.set(t.words);
      grown.longWords.set(t.longWords);
      grown.syllables.set(t.syllables);
    }
    t = grown;
  }
  const start = previous ? Math.min(from, n) : 0;
  for (let i = start; i < n; i++) {
    const letters = tokens.letters[i] as number;
    const word = letters > 0 ? 1 : 0;
    t.words[i + 1] = (t.words[i] as number) + word;
    t.longWords[i + 1] = (t.longWords[i] as number) + (letters > 6 ? 1 : 0);
    t.syllables[i + 1] = (t.syllables[i] as number) + (word ? englishSyllables(tokens.words[i] as string) : 0);
  }
  return t;
}

export function readability(
  tokens: Tokens,
  sentences: Sentence[],
  index: 'lix' | 'flesch',
  longSentenceWords: number,
  tallies: TokenTallies = tallyTokens(tokens),
): Readability {
  const n = tokens.words.length;
  const words = tallies.words[n] as number;
  const longWords = tallies.longWords[n] as number;
  const syllables = index === 'flesch' ? (tallies.syllables[n] as number) : 0;
  const longSentences: Span[] = [];
  let sentenceCount = 0;
  for (const s of sentences) {
    const count = (tallies.words[s.last] as number) - (tallies.words[s.first] as number);
    if (count === 0) continue;
    sentenceCount++;
    if (count > longSentenceWords) longSentences.push(s.span);
  }
  if (words === 0 || sentenceCount === 0) return { index, value: 0, longSentences };
  const perSentence = words / sentenceCount;
  const value =
    index === 'lix'
      ? perSentence + (100 * longWords) / words
      : 206.835 - 1.015 * perSentence - 84.6 * (syllables / words);
  return { index, value: Math.round(value * 10) / 10, longSentences };
}
