// The shape every language pack follows (en.ts is the worked example).
// Packs are data only; lib/empathy compiles them once into token indexes (match.ts), so a keystroke costs
// one pass over the text however many rules a pack has.
import type { Behavior, Emotion, Lang, Phrase, Risk } from '../types';

/**
 * A token pattern: a tiny, regex-free language matched against lower-cased word tokens (punctuation is
 * skipped, so "great, another delay" is the tokens great / another / delay).
 *
 * - Slots are separated by spaces: `third time` matches two consecutive tokens.
 * - `a|b|c` inside a slot: any of the alternatives. A slot is one word: `sick|fed up` is (sick or fed) then
 *   up; phrases of different lengths are whole alternatives: `sick of / fed up`.
 * - `frustrat*`: prefix (stems: frustrated, frustrating...). `*lla`: suffix (Finnish case endings).
 * - `[already|just]`: optional slot (may be absent).
 * - `..`: a gap of 0 to 3 arbitrary tokens (`can't .. help`).
 * - A match never spans the end of a sentence ("." "!" "?" or a line break; "t.ex." and "kl. 19.40" are not
 *   ends), unless the pattern says so with a `.` slot: `ok . send` matches "Ok. Send it back".
 * - ` / ` (slash with spaces) separates whole alternatives: `sick of / tired of / had enough`.
 * - Apostrophes are normalised (’ → '), so write `don't`, `can't`, `i'm`.
 * The first slot must be a word, prefix or suffix slot (not optional, not a gap): it is the index key.
 * Suffix-first rules (`*strul` for Swedish compounds) are checked on every word: keep them few.
 */
export type TokenPattern = string;

/** Cue kinds labelled in the corpus (tests/fixtures/empathy/README.md); the engine may emit a few more. */
export type CueKind =
  | 'repeat-contact'
  | 'churn-threat'
  | 'caps'
  | 'exclamation'
  | 'vulnerability'
  | 'sarcasm'
  | 'negation'
  | 'urgency'
  | 'thanks'
  /** Not labelled: the company is at fault (double charge, never arrived); raises the apology. */
  | 'service-failure';

export type FeltEmotion = Exclude<Emotion, 'neutral'>;

/** A word or phrase that signals an emotion in a customer's message. */
export interface EmotionTerm {
  p: TokenPattern;
  emotion: FeltEmotion;
  /** Default 1. Strong words ("furious") 2, weak hints 0.5. */
  w?: number;
  /** The term is a negated judgement ("not okay", "inte okej"): also reported as a 'negation' cue. */
  negation?: boolean;
}

/** A cue in the customer's message; `emotion` adds weight to that emotion when present. */
export interface CueRule {
  id: string;
  kind: CueKind;
  p: TokenPattern;
  emotion?: FeltEmotion;
  /** Default 1. */
  w?: number;
}

/** An empathy behaviour found in the agent's draft. */
export interface BehaviorRule {
  id: string;
  kind: Behavior;
  p: TokenPattern;
}

/** A risky wording in the agent's draft, with a gentler rewrite where one exists. */
export interface RiskRule {
  id: string;
  kind: Risk;
  p: TokenPattern;
  /** Replaces the matched words; written to fit in the middle of the agent's sentence. */
  rewrite?: string;
}

/** What the customer writes about; `issue` fills the `{issue}` placeholder ("your bill", "fakturan"). */
export interface TopicTerm {
  p: TokenPattern;
  issue: string;
}

export interface LanguagePack {
  lang: Lang;
  /** Customer-message lexicon: emotion words and phrases. */
  emotions: EmotionTerm[];
  /** Customer-message cues (repeat contact, churn threat, vulnerability, urgency, thanks...). */
  cues: CueRule[];
  /** Common sarcasm ("great, another delay"); each match is a 'sarcasm' cue and counts as frustration. */
  sarcasm: TokenPattern[];
  /** Single-token negators ("not", "inte", "ikke", "en"): flip an emotion term within 3 tokens after them. */
  negators: TokenPattern[];
  /**
   * Optional: wish verbs ("want", "hope"; "vill", "hoppas"). A negator next to one does not negate the
   * feeling after it: "jag vill inte hamna hos inkasso" and "I don't want to lose it" are fears.
   */
  wishes?: TokenPattern[];
  /** Single-token intensifiers ("very", "jätte*"): raise intensity and the next emotion term's weight. */
  intensifiers: TokenPattern[];
  /**
   * Optional: customers often write without the language's letters ("jag ar sa radd", "forstar inte"): the
   * message rules, negators, intensifiers and stopwords also match the undiacritic spelling, and restate
   * compares key terms without diacritics.
   */
  foldDiacritics?: boolean;
  /** Optional: intensifying compound prefixes ("jätte", "kjempe", "mega"): "jätteorolig" reads as "orolig". */
  compoundIntensifiers?: string[];
  /** Draft behaviours (acknowledge, apology, ...). 'restate' and 'personal' are also found by the engine. */
  behaviors: BehaviorRule[];
  /** Draft risks. 'shouting' is also found by the engine (capitals, "!!"). */
  risks: RiskRule[];
  /** Topics of the customer's message, used to fill `{issue}`. */
  topics: TopicTerm[];
  /** Function words ignored when comparing key terms (restate detection). */
  stopwords: string[];
  /** Tokens addressing the reader ("you", "din", "sinun", "*si"); a restatement talks about the customer. */
  secondPerson: TokenPattern[];
  /**
   * Optional: how an offer opens ("shall I", "would you like me to", "skal jeg", "vill du att jag"). A question
   * that opens with one offers an action (ownership/solution); it is not the 'explore' behaviour.
   */
  offers?: TokenPattern[];
  /**
   * Optional: listening markers ("I can see", "you've had to", "jag ser att"). With them, a sentence that
   * shares key terms with the customer's message is a restatement only when it shows empathy or has one of
   * these; without them, any sentence about the customer ("you", "your") does.
   */
  listening?: TokenPattern[];
  /**
   * Optional: summary openers ("so you", "so the", "så du"): a listening marker only when it opens the
   * sentence ("So you've been charged twice"), not mid-sentence ("..., so your payment goes up").
   */
  paraphrase?: TokenPattern[];
  /**
   * Optional: inflection endings stripped before the draft's and the customer's words are compared for
   * restate ("ing", "ed", "s"; "arna", "en", "et"), so "leaking" mirrors "leaks" and "kortet" mirrors "kort".
   * A stem keeps at least 3 letters.
   */
  suffixes?: string[];
  /**
   * Optional: groups of words that name the same thing in a customer's issue ("parcel|package",
   * "faktura|räkning"); a draft that says one mirrors a message that says another.
   */
  synonyms?: string[];
  /**
   * Optional: short words written in capitals that are names, not shouting ("BankID", "MVA", "KELA"); added
   * to the engine's own list (SMS, PIN, IBAN, VAT, EU, OK, ID...).
   */
  acronyms?: string[];
  /** Greeting words ("hi", "hej"); a greeting followed by a name is the 'personal' behaviour. */
  greetings: TokenPattern[];
  /** Email sign-offs ("kind regards", "med vänliga hälsningar"). */
  closings: TokenPattern[];
  readability: {
    /** LIX for the Nordic languages, Flesch reading ease for English. */
    index: 'lix' | 'flesch';
    /** Sentences with more words than this are flagged. */
    longSentenceWords: number;
  };
  /** Built-in phrases (>= 60, every behaviour, both channels), written as a native speaker writes. */
  phrases: Phrase[];
  /**
   * The language's emotion classifier (lib/empathy/model/), attached by the loaders when the pack travels on
   * demand, so the weights reach a content script by the same route as the rules. Checked when registered.
   */
  model?: unknown;
  /** The language identifier (lib/empathy/model/langid.ts): travels with the English pack only. */
  langid?: unknown;
}
