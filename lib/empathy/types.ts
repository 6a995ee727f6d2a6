// Public types of the empathy engine. Keep these names and fields; add more as needed.
export type Lang = 'en' | 'sv' | 'nb' | 'da' | 'fi';
export const LANGS = ['en', 'sv', 'nb', 'da', 'fi'] as const satisfies readonly Lang[];
export type Emotion = 'frustrated' | 'disappointed' | 'worried' | 'confused' | 'positive' | 'neutral';
export const EMOTIONS: readonly Emotion[] = [
  'frustrated',
  'disappointed',
  'worried',
  'confused',
  'positive',
  'neutral',
];
export type Behavior =
  | 'acknowledge'
  | 'apology'
  | 'restate'
  | 'explore'
  | 'reassure'
  | 'solution'
  | 'ownership'
  | 'thanks'
  | 'personal';
export const BEHAVIORS = [
  'acknowledge',
  'apology',
  'restate',
  'explore',
  'reassure',
  'solution',
  'ownership',
  'thanks',
  'personal',
] as const satisfies readonly Behavior[];
export type Risk = 'blame' | 'dismissive' | 'passive-aggressive' | 'negative-framing' | 'jargon' | 'shouting';
export const RISKS: readonly Risk[] = [
  'blame',
  'dismissive',
  'passive-aggressive',
  'negative-framing',
  'jargon',
  'shouting',
];
/** UTF-16 offsets into the analysed text, end exclusive. */
export type Span = [start: number, end: number];
export type Channel = 'chat' | 'email';

/** One phrase the coach can suggest. `{name}` and `{issue}` are filled from context or left out gracefully. */
export interface Phrase {
  id: string;
  lang: Lang;
  kind: Behavior;
  text: string;
  /** Omitted: fits both channels. */
  channels?: Channel[];
  /** Omitted: fits any customer emotion. */
  emotions?: Emotion[];
  /** Email greeting or sign-off: suggested where an email lacks one (never in chat). */
  slot?: 'greeting' | 'closing';
}

/** A team's library (from the hub) or the agent's favourites; merged over the built-in phrases. */
export interface PhraseLibrary {
  id: string;
  name: string;
  version?: number;
  phrases: Phrase[];
  /** Built-in phrase ids this library hides. */
  disabled?: string[];
  /** Phrase ids ranked up for this agent. */
  favourites?: string[];
}

export interface MessageAnalysis {
  lang: Lang;
  emotion: Emotion;
  scores: Record<Emotion, number>;
  /** 0..1 */
  intensity: number;
  /** e.g. 'repeat-contact', 'churn-threat', 'caps' */
  cues: { kind: string; span: Span }[];
  /**
   * What decided `emotion`: the rules (cues and emotion words), the learned model (the wording as a whole,
   * where the rules were unsure), or both agreeing. Lets the chip say honestly why it reads the customer so.
   */
  basis?: 'rules' | 'model' | 'rules+model';
}

export type SuggestionUsage = Record<string, { shown: number; accepted: number; dismissed: number }>;

export interface DraftContext {
  customer?: MessageAnalysis;
  customerText?: string;
  lang?: Lang;
  channel?: Channel;
  customerName?: string;
  library?: PhraseLibrary;
  usage?: SuggestionUsage;
}

/** Why a suggestion is made, as codes a UI words in its own language (see SuggestionWhy). */
export type ReasonCode = Behavior | 'greeting' | 'closing' | 'rewrite';

export interface SuggestionWhy {
  /** A missing behaviour, an email greeting or sign-off, or a gentler wording for a risk. */
  code: ReasonCode;
  /** The customer's emotion that led to it (absent when neutral). */
  emotion?: Exclude<Emotion, 'neutral'>;
  /** For 'rewrite': the risk the original wording carries. */
  risk?: Risk;
}

export interface Suggestion {
  id: string;
  kind: Behavior | 'rewrite';
  text: string;
  /** The reason in English, made from `why` (for logs and callers without their own words). */
  reason: string;
  /**
   * The reason as codes: UIs word these in the agent's language rather than parsing `reason`. Always set
   * by the engine; optional so hand-made suggestions (a team library preview, tests) need not invent one.
   */
  why?: SuggestionWhy;
  replaces?: Span;
}

export interface DraftAnalysis {
  lang: Lang;
  /** 0..100 */
  score: number;
  behaviors: { kind: Behavior; span: Span; rule: string }[];
  risks: { kind: Risk; span: Span; rule: string; rewrite?: string }[];
  readability: { index: 'lix' | 'flesch'; value: number; longSentences: Span[] };
  suggestions: Suggestion[];
}
