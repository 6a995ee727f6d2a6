// Hashed features of a text for the emotion classifier: word unigrams and bigrams, and character 3- to
// 5-grams inside words ("<word>"), each hashed into a fixed number of buckets (the "hashing trick", Weinberger
// et al. 2009, https://arxiv.org/abs/0902.2206), so no vocabulary ships. Letters are lower-cased and
// diacritics folded (å/ä -> a, ö/ø -> o, æ -> ae), so "jag ar sa besviken" reads like "jag är så besviken".
// Training (scripts/train-emotion.ts) and inference use this one function, so they cannot drift apart.

/** Texts longer than this are read from their start only: bounded time on a 100,000-character paste. */
export const MAX_MODEL_CHARS = 4000;

const SEED_WORD = 0x9e3779b1;
const SEED_BIGRAM = 0x85ebca77;
const SEED_CHAR = 0xc2b2ae3d;

function fold(c: number): number {
  // Lower-cases ASCII and folds the Nordic and common Latin-1 letters; other letters pass through lower-cased.
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  switch (c) {
    case 0xe5:
    case 0xe4:
    case 0xe0:
    case 0xe1:
    case 0xe2:
    case 0xc5:
    case 0xc4:
    case 0xc0:
    case 0xc1:
    case 0xc2:
      return 97; // a
    case 0xf6:
    case 0xf8:
    case 0xf3:
    case 0xf2:
    case 0xf4:
    case 0xd6:
    case 0xd8:
    case 0xd3:
    case 0xd2:
    case 0xd4:
      return 111; // o
    case 0xe9:
    case 0xe8:
    case 0xea:
    case 0xeb:
    case 0xc9:
    case 0xc8:
    case 0xca:
    case 0xcb:
      return 101; // e
    case 0xfc:
    case 0xfa:
    case 0xdc:
    case 0xda:
      return 117; // u
    case 0xe6:
    case 0xc6:
      return 0xe6; // æ stays one letter (folded below to "ae" would change n-gram lengths)
    default:
      return c;
  }
}

function lower(c: number): number {
  if ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7)) return c + 32;
  return c;
}

function isWordChar(c: number): boolean {
  // Letters and digits (Latin-1, Latin Extended, Greek/Cyrillic ranges) and the apostrophe inside words.
  return (
    (c >= 97 && c <= 122) ||
    (c >= 48 && c <= 57) ||
    c === 39 ||
    c === 0x2019 ||
    (c >= 0xdf && c <= 0x24f && c !== 0xf7) ||
    (c >= 0x370 && c <= 0x52f)
  );
}

/**
 * Calls `emit(bucket)` for every feature of the text (the same feature may repeat: counts matter).
 * Returns how many features were emitted. `mask` is buckets - 1 (buckets a power of two).
 */
export function hashFeatures(
  text: string,
  mask: number,
  emit: (bucket: number) => void,
  /** False keeps å/ä/ö/æ/ø (language identification needs them); letters are still lower-cased. */
  foldDiacritics = true,
): number {
  const n = Math.min(text.length, MAX_MODEL_CHARS);
  const word: number[] = [];
  let prevWord = 0;
  let count = 0;
  const flush = () => {
    if (word.length === 0) return;
    let hw = SEED_WORD;
    for (const c of word) hw = Math.imul(hw ^ c, 0x01000193);
    emit((hw >>> 0) & mask);
    emit(((Math.imul(prevWord ^ hw, 0x01000193) ^ SEED_BIGRAM) >>> 0) & mask);
    count += 2;
    prevWord = hw;
    // Character n-grams of "<word>", n = 3..5.
    const len = word.length + 2;
    if (len > 3) {
      for (let i = 0; i + 3 <= len; i++) {
        let h = SEED_CHAR;
        for (let k = 0; k < 5 && i + k < len; k++) {
          const j = i + k;
          const c = j === 0 ? 60 : j === len - 1 ? 62 : (word[j - 1] as number);
          h = Math.imul(h ^ c, 0x01000193);
          if (k >= 2) {
            emit(((h ^ k) >>> 0) & mask);
            count++;
          }
        }
      }
    }
    word.length = 0;
  };
  for (let i = 0; i < n; i++) {
    const raw = text.charCodeAt(i);
    const c = foldDiacritics ? fold(raw) : lower(raw);
    if (isWordChar(c)) {
      if (word.length < 40) word.push(c);
      continue;
    }
    flush();
    // "!" and "?" carry feeling; emoji and other symbols (surrogate pairs: the high half) are words of their own.
    if (c === 33 || c === 63 || (c >= 0x2190 && c <= 0x2bff) || (c >= 0xd83c && c <= 0xd83e)) {
      const h = Math.imul(SEED_WORD ^ c, 0x01000193);
      emit((h >>> 0) & mask);
      count++;
      prevWord = h;
    } else if (c === 46 || c === 10) prevWord = 0; // a sentence break ends bigrams
  }
  flush();
  return count;
}
