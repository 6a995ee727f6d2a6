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

/** Sentences by terminal punctuation and line breaks (greetings and sign-offs sit on their own lines). */
export function splitSentences(text: string, tokens: Tokens): Sentence[] {
  const sentences: Sentence[] = [];
  const n = tokens.words.length;
  let ti = 0;
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

export function readability(
  tokens: Tokens,
  sentences: Sentence[],
  index: 'lix' | 'flesch',
  longSentenceWords: number,
): Readability {
  let words = 0;
  let longWords = 0;
  let syllables = 0;
  for (let i = 0; i < tokens.words.length; i++) {
    const letters = tokens.letters[i] as number;
    if (letters === 0) continue;
    words++;
    if (letters > 6) longWords++;
    if (index === 'flesch') syllables += englishSyllables(tokens.words[i] as string);
  }
  const longSentences: Span[] = [];
  let sentenceCount = 0;
  for (const s of sentences) {
    let count = 0;
    for (let i = s.first; i < s.last; i++) if ((tokens.letters[i] as number) > 0) count++;
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
