// Key terms for restate detection: how a content word is reduced before the draft and the customer's
// message are compared. Pure and allocation-light: it runs on every content word of a candidate sentence.

/** What stemKey needs from a compiled pack. */
export interface TermRules {
  /** Inflection endings, longest first ("ings", "ing", "ed"; "arna", "en", "et"). */
  suffixes: readonly string[];
  /** Stem key -> the stem key of its synonym group's first word ("package" -> "parce"). */
  synonyms: ReadonlyMap<string, string>;
  /** Compare words without diacritics ("rakning" ~ "räkning"). */
  fold?: boolean;
}

const KEY_TERM_STEM = 5;

/**
 * The comparable key of a content word: an inflection ending stripped ("leaking", "leaks" -> "leak";
 * "kortet", "korten" -> "kort"), a doubled final consonant undone ("dropped" -> "drop"), then cut to a
 * prefix (crude but language-neutral for long words and compounds) and mapped through the synonyms.
 */
export function stemKey(word: string, rules: TermRules): string {
  const w = rules.fold ? foldWord(word) : word;
  let stem = w;
  for (const suffix of rules.suffixes) {
    if (stem.length - suffix.length >= 3 && stem.endsWith(suffix)) {
      stem = stem.slice(0, -suffix.length);
      break;
    }
  }
  if (stem !== w && stem.length >= 4 && stem.charCodeAt(stem.length - 1) === stem.charCodeAt(stem.length - 2)) {
    stem = stem.slice(0, -1);
  }
  if (stem.length > KEY_TERM_STEM) stem = stem.slice(0, KEY_TERM_STEM);
  return rules.synonyms.get(stem) ?? stem;
}

/** Compiles a pack's synonym groups ("parcel|package", "faktura|räkning") into a stem-key map. */
export function compileSynonyms(
  groups: readonly string[],
  suffixes: readonly string[],
  fold = false,
): Map<string, string> {
  const synonyms = new Map<string, string>();
  const plain: TermRules = { suffixes, synonyms: new Map(), fold };
  for (const group of groups) {
    const keys = group
      .toLowerCase()
      .split('|')
      .map((w) => w.trim())
      .filter(Boolean)
      .map((w) => stemKey(w, plain));
    const head = keys[0];
    if (head === undefined) continue;
    for (const k of keys.slice(1)) if (k !== head && !synonyms.has(k)) synonyms.set(k, head);
  }
  return synonyms;
}

// ---- writing without diacritics ----

// ø/æ as a Norwegian or Danish keyboardless writer types them ("hoere", "vaere" are rarer than "hore", "vare").
const FOLD: Record<string, string> = { å: 'a', ä: 'a', ö: 'o', é: 'e', ü: 'u', ø: 'o', æ: 'ae' };
const FOLDABLE = /[åäöéüøæ]/;

/** "räkning" -> "rakning": how a word reads typed on a keyboard without the language's letters. */
export function foldWord(w: string): string {
  return FOLDABLE.test(w) ? w.replace(/[åäöéüøæ]/g, (c) => FOLD[c] as string) : w;
}

/**
 * Adds the undiacritic spelling of every alternative that has one: "är|rädd*" -> "är|rädd*|ar|radd*", so a
 * message typed without å/ä/ö ("jag ar sa radd") still matches. The pattern syntax is kept as it is.
 */
export function withFolded(pattern: string, avoid?: ReadonlySet<string>): string {
  if (!FOLDABLE.test(pattern)) return pattern;
  return pattern
    .split(' / ')
    .map((alt) =>
      alt
        .trim()
        .split(/\s+/)
        .map((slot) => {
          const optional = slot.startsWith('[') && slot.endsWith(']');
          const body = optional ? slot.slice(1, -1) : slot;
          if (body === '..' || body === '.' || !FOLDABLE.test(body)) return slot;
          const alts = body.split('|');
          const seen = new Set(alts.map((a) => a.toLowerCase()));
          for (const a of body.split('|')) {
            const f = foldWord(a.toLowerCase());
            // "ändra" folds to "andra", itself a word ("others"): such a spelling is not added.
            if (!seen.has(f) && !avoid?.has(f)) {
              seen.add(f);
              alts.push(f);
            }
          }
          const joined = alts.join('|');
          return optional ? `[${joined}]` : joined;
        })
        .join(' '),
    )
    .join(' / ');
}
