// Language packs: English is bundled; the others come on demand from a pluggable source (dynamic import()
// by default, see ./packs/loaders.ts; a content script can fetch them from the background instead, since a
// pack is plain data). Each pack is compiled once into token indexes.
import { compilePatterns, PatternIndex, WordSet, type CompiledPattern } from './match';
import en from './packs/en';
import { loadLanguageIdModel, registerLanguageIdModel } from './model/langid';
import { loadEmotionModel, registerEmotionModel } from './model/store';
import { compileSynonyms, foldWord, withFolded } from './terms';
import type { BehaviorRule, CueRule, EmotionTerm, LanguagePack, RiskRule, TopicTerm } from './packs/types';
import { LANGS, type Lang } from './types';

/** Where packs that are not bundled come from. Resolves undefined for a language it cannot provide. */
export type LanguagePackSource = (lang: Lang) => Promise<LanguagePack | undefined>;

export type MessageRule =
  | { t: 'emotion'; term: EmotionTerm }
  | { t: 'cue'; rule: CueRule }
  | { t: 'sarcasm'; id: string }
  | { t: 'topic'; term: TopicTerm };

export type DraftRule = { t: 'behavior'; rule: BehaviorRule } | { t: 'risk'; rule: RiskRule } | { t: 'closing' };

export interface CompiledPack {
  lang: Lang;
  /** False for the stand-in used while the real pack is loading: only language-neutral rules apply. */
  loaded: boolean;
  pack: LanguagePack;
  message: PatternIndex<MessageRule>;
  draft: PatternIndex<DraftRule>;
  negators: WordSet;
  intensifiers: WordSet;
  /** Intensifying compound prefixes ("jätte"), with their undiacritic spellings when the pack folds. */
  compoundIntensifiers: string[];
  /** Wish verbs ("vill", "want"): "vill inte hamna hos inkasso" is a fear, not a negated one. */
  wishes: WordSet;
  /** The pack folds diacritics: key terms compare "rakning" with "räkning". */
  fold: boolean;
  stopwords: Set<string>;
  secondPerson: WordSet;
  greetings: WordSet;
  /** Openings of offers ("shall I", "vill du att jag"): such a question is not 'explore'. */
  offers: PatternIndex<true>;
  /** Listening markers ("I can see", "jag förstår att"): a restatement without empathy needs one. */
  listening: PatternIndex<true>;
  /** Summary openers ("so you", "så du"): a listening marker when it opens the sentence. */
  paraphrase: PatternIndex<true>;
  /** Inflection endings stripped before key terms are compared, longest first. */
  suffixes: string[];
  /** Key-term synonyms: stem key -> the key of the first word of its group. */
  synonyms: Map<string, string>;
  /** Capitalised names that are not shouting: the engine's list plus the pack's. */
  acronyms: Set<string>;
}

// Acronyms agents and customers write in capitals in any of the five languages.
const ACRONYMS =
  `sms mms pin puk iban bic swift vat eu eea ok id sim esim usb atm isp imei gps tv pdf url wifi vpn faq api
  app cvc cvv otp dns ip ios nfc qr sla gdpr kyc aml adsl vdsl dsl eur usd sek nok dkk gbp uk us usa ups dhl gls fedex
  tnt ab as asa oy aps hq ceo cfo it hr ps btw fyi eta asap nb obs pc mac lan wan 4g 5g lte dvd cd hd uhd sd bankid
  mitid nemid vip nps csat crm erp pos rma`.split(/\s+/);

let source: LanguagePackSource | undefined;
let sourceLangs: Lang[] = [];

/**
 * Sets where on-demand packs come from, and which languages it offers. lib/empathy (index.ts) installs
 * the dynamic-import source; a content script built from lib/empathy/core can ask the background instead:
 *   setLanguagePackSource((lang) => sendMessage('getLanguagePack', lang), ['sv', 'nb', 'da', 'fi']);
 */
export function setLanguagePackSource(next: LanguagePackSource | undefined, langs: readonly Lang[] = LANGS): void {
  source = next;
  sourceLangs = next ? langs.filter((l) => LANGS.includes(l)) : [];
}

const compiled = new Map<Lang, CompiledPack>();
const neutral = new Map<Lang, CompiledPack>();
const pending = new Map<Lang, Promise<boolean>>();

export function emptyPack(lang: Lang): LanguagePack {
  return {
    lang,
    emotions: [],
    cues: [],
    sarcasm: [],
    negators: [],
    intensifiers: [],
    behaviors: [],
    risks: [],
    topics: [],
    stopwords: [],
    secondPerson: [],
    greetings: [],
    closings: [],
    readability: { index: lang === 'en' ? 'flesch' : 'lix', longSentenceWords: 25 },
    phrases: [],
  };
}

/** Every word a pack's patterns and word lists spell out (lower-cased, without pattern syntax). */
function knownWords(pack: LanguagePack): Set<string> {
  const out = new Set<string>(pack.stopwords.map((w) => w.toLowerCase()));
  const patterns = [
    ...pack.emotions.map((t) => t.p),
    ...pack.cues.map((r) => r.p),
    ...pack.behaviors.map((r) => r.p),
    ...pack.risks.map((r) => r.p),
    ...pack.sarcasm,
    ...pack.closings,
  ];
  for (const p of patterns) {
    for (const w of p.toLowerCase().split(/[\s/|[\]]+/)) if (w && !w.includes('*') && w !== '..') out.add(w);
  }
  return out;
}

/** Compiles a pack; throws a PatternError naming the bad pattern (pack authoring error, caught by tests). */
export function compilePack(pack: LanguagePack, loaded = true): CompiledPack {
  // Customers often type without the language's letters ("jag ar sa besviken"): message rules then match both.
  const fold = pack.foldDiacritics === true;
  const m = fold ? withFolded : (p: string) => p;
  const words = (list: readonly string[]) =>
    fold ? [...new Set([...list, ...list.map((w) => foldWord(w.toLowerCase()))])] : [...list];
  const message: CompiledPattern<MessageRule>[] = [];
  for (const term of pack.emotions) message.push(...compilePatterns<MessageRule>(m(term.p), { t: 'emotion', term }));
  for (const rule of pack.cues) message.push(...compilePatterns<MessageRule>(m(rule.p), { t: 'cue', rule }));
  pack.sarcasm.forEach((p, i) => {
    message.push(...compilePatterns<MessageRule>(m(p), { t: 'sarcasm', id: `${pack.lang}.sarcasm.${i + 1}` }));
  });
  for (const term of pack.topics) message.push(...compilePatterns<MessageRule>(m(term.p), { t: 'topic', term }));
  const draft: CompiledPattern<DraftRule>[] = [];
  const suffixes = [...new Set((pack.suffixes ?? []).map((x) => x.toLowerCase()))].sort((a, b) => b.length - a.length);
  const synonyms = compileSynonyms(pack.synonyms ?? [], suffixes, fold);
  // Agents type without å/ä/ö/ø/æ too (a foreign keyboard, a quick chat line): draft rules fold like messages,
  // except into a spelling that is itself a word the pack knows ("ändra" -> "andra", "för" -> "for").
  const known = fold ? knownWords(pack) : undefined;
  const d = fold ? (p: string) => withFolded(p, known) : (p: string) => p;
  for (const rule of pack.behaviors) draft.push(...compilePatterns<DraftRule>(d(rule.p), { t: 'behavior', rule }));
  for (const rule of pack.risks) draft.push(...compilePatterns<DraftRule>(d(rule.p), { t: 'risk', rule }));
  for (const p of pack.closings) draft.push(...compilePatterns<DraftRule>(d(p), { t: 'closing' }));
  return {
    lang: pack.lang,
    loaded,
    pack,
    message: new PatternIndex(message),
    draft: new PatternIndex(draft),
    negators: new WordSet(words(pack.negators)),
    intensifiers: new WordSet(words(pack.intensifiers)),
    compoundIntensifiers: words(pack.compoundIntensifiers ?? []),
    wishes: new WordSet(words(pack.wishes ?? [])),
    stopwords: new Set(words(pack.stopwords.map((w) => w.toLowerCase()))),
    fold,
    secondPerson: new WordSet(pack.secondPerson),
    greetings: new WordSet(pack.greetings),
    offers: new PatternIndex((pack.offers ?? []).flatMap((p) => compilePatterns<true>(p, true))),
    listening: new PatternIndex((pack.listening ?? []).flatMap((p) => compilePatterns<true>(p, true))),
    paraphrase: new PatternIndex((pack.paraphrase ?? []).flatMap((p) => compilePatterns<true>(p, true))),
    suffixes,
    synonyms,
    acronyms: new Set([...ACRONYMS, ...(pack.acronyms ?? []).map((w) => w.toLowerCase())]),
  };
}

/** Registers a pack (replacing any earlier one for its language). Used by the loaders and by tests. */
export function registerLanguagePack(pack: LanguagePack): void {
  compiled.set(pack.lang, compilePack(pack));
  // The weights that travel with the pack (see ./packs/loaders.ts); a corrupt model warns, the rules stay.
  if (pack.model !== undefined) registerEmotionModel(pack.model, pack.lang);
  if (pack.langid !== undefined) registerLanguageIdModel(pack.langid);
}

// English is bundled but compiled on first use, not at import: the content script loads on every helpdesk
// page and must stay cheap (<= 10 ms) on pages without a composer (README, Benchmarks: content-script start-up).
let englishPending = true;
function ensureEnglish(): void {
  if (!englishPending) return;
  englishPending = false;
  if (!compiled.has('en')) registerLanguagePack(en);
}

/** True when the language's pack is loaded and analysis uses its full rules. */
export function hasLanguagePack(lang: Lang): boolean {
  ensureEnglish();
  return compiled.has(lang);
}

/** Languages that have a pack (bundled or offered by the pack source). */
export function availableLanguagePacks(): Lang[] {
  ensureEnglish();
  const langs = new Set<Lang>([...compiled.keys(), ...sourceLangs]);
  return LANGS.filter((l) => langs.has(l));
}

/**
 * Loads a language pack on demand. Resolves true once the pack is usable (at once when already loaded),
 * false when there is no pack for the language or it could not be loaded; it never rejects, so callers
 * can always await it. Until then analysis of that language uses language-neutral rules.
 */
export function loadLanguagePack(lang: Lang): Promise<boolean> {
  ensureEnglish();
  if (compiled.has(lang)) return Promise.resolve(true);
  const inFlight = pending.get(lang);
  if (inFlight) return inFlight;
  const from = source;
  if (!from || !sourceLangs.includes(lang)) return Promise.resolve(false);
  const p = Promise.resolve()
    .then(() => from(lang))
    .then((pack) => {
      if (!pack || typeof pack !== 'object' || pack.lang !== lang) return false;
      registerLanguagePack(pack);
      return true;
    })
    .catch(() => false)
    .finally(() => pending.delete(lang));
  pending.set(lang, p);
  return p;
}

/** Loads every pack the source offers, and every language's emotion model (Node tests, eval and bench). */
export async function loadAllLanguagePacks(): Promise<void> {
  await Promise.all(sourceLangs.map((l) => loadLanguagePack(l)));
  await Promise.all([...LANGS.map((l) => loadEmotionModel(l)), loadLanguageIdModel()]);
}

/** The compiled pack for a language, or a language-neutral stand-in while it is not loaded. */
export function packFor(lang: Lang): CompiledPack {
  ensureEnglish();
  const c = compiled.get(lang);
  if (c) return c;
  let n = neutral.get(lang);
  if (!n) {
    n = compilePack(emptyPack(lang), false);
    neutral.set(lang, n);
  }
  return n;
}
