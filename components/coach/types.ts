// What the in-page coach shows. The content script builds it from the engine's output; components only render.
import type { Emotion, Lang, Risk, Span, Suggestion } from '../../lib/empathy/types';
import type { Audience } from '../../lib/sites/types';

export interface CoachRewrite {
  id: string;
  risk: Risk;
  /** The risky words as they stand in the draft. */
  original: string;
  replacement: string;
  reason: string;
  span: Span;
}

export interface CoachModel {
  audience: Audience;
  lang: Lang;
  /** 0..100 for the current draft. */
  score: number;
  emotion: Emotion;
  /** Plain words, e.g. "Sounds frustrated — third contact about this". */
  customerState: string;
  /** Top suggestions in rank order (phrases to insert), at most three. */
  suggestions: Suggestion[];
  rewrites: CoachRewrite[];
  /** Readability hint (internal notes get only this). */
  readability: { label: string; longSentences: number } | null;
}

export interface HighlightBox {
  id: string;
  risk: Risk;
  left: number;
  top: number;
  width: number;
  height: number;
}
