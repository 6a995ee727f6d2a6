// Rules + model: the rules keep what they are good at (cues such as a repeat contact, sarcasm or a churn
// threat, and clear emotion words); where their evidence is thin, the model's reading of the whole wording
// decides, if it is confident enough. Both thresholds live in the weights file (tuned on train data).
import type { Emotion } from '../types';
import type { CombineSettings, EmotionModel } from './classifier';

export interface RuleVerdict {
  emotion: Emotion;
  /** The rules' length-scaled evidence for their emotion (for neutral: the strongest other emotion's). */
  evidence: number;
  /** A cue the rules are sure of (repeat contact, churn threat, sarcasm): the rules decide. */
  strongCue: boolean;
}

/** Rule evidence below this is "no feeling found" (a question mark alone adds 0.15 to confused). */
export const BLANK_EVIDENCE = 0.3;

export type EmotionBasis = 'rules' | 'model' | 'rules+model';

export interface Combined {
  emotion: Emotion;
  basis: EmotionBasis;
  /** The model's probability for the chosen emotion (0 when the model does not know it). */
  p: number;
}

export function topClass(model: EmotionModel, probs: ArrayLike<number>): { emotion: Emotion; p: number } {
  let best = 0;
  for (let c = 1; c < model.classes.length; c++) if ((probs[c] as number) > (probs[best] as number)) best = c;
  return { emotion: model.classes[best] as Emotion, p: probs[best] as number };
}

export function combineVerdicts(
  rule: RuleVerdict,
  model: EmotionModel,
  probs: ArrayLike<number>,
  settings: CombineSettings = model.combine,
): Combined {
  const top = topClass(model, probs);
  const idx = model.classes.indexOf(rule.emotion);
  const ruleP = idx === -1 ? 0 : (probs[idx] as number);
  if (top.emotion === rule.emotion) return { emotion: rule.emotion, basis: 'rules+model', p: top.p };
  const sure = rule.strongCue || (rule.emotion !== 'neutral' && rule.evidence >= settings.ruleSure);
  const blank = rule.evidence < BLANK_EVIDENCE;
  // The model's "neutral" never cancels a feeling the rules found words for: the chip can point at those
  // words, and a missed worry costs more than a gentle word too many.
  const cancels = top.emotion === 'neutral' && rule.emotion !== 'neutral';
  if (sure || cancels || top.p < (blank ? settings.blankSure : settings.modelSure)) {
    return { emotion: rule.emotion, basis: 'rules', p: ruleP };
  }
  // A model trained without neutral examples (the Nordic projections) cannot tell a calm message: it only
  // re-reads messages in which the rules found some feeling.
  if (blank && !model.classes.includes('neutral')) return { emotion: rule.emotion, basis: 'rules', p: 0 };
  return { emotion: top.emotion, basis: 'model', p: top.p };
}
