// Rules + model: both readings are combined rather than one overriding the other. The model's log-probability
// for each state is the base; the rules add a bonus to the state they found, in proportion to their
// length-scaled evidence (clear emotion words count, a lone question mark barely does), a bonus to neutral
// when they found no feeling, and a large bonus where they found a cue they are sure of (repeat contact,
// churn threat, sarcasm). So the model decides wherever the rules have no strong, specific cue, and the
// rules keep what they are good at. The weights live in the weights file (tuned by scripts/train-emotion.ts
// on a held-out slice of the train files, with the hand-written corpus' tune split as a floor).
import type { Emotion } from '../types';
import type { CombineSettings, EmotionModel } from './classifier';

export interface RuleVerdict {
  emotion: Emotion;
  /** The rules' length-scaled evidence for their emotion (for neutral: the strongest other emotion's). */
  evidence: number;
  /** A cue the rules are sure of (repeat contact, churn threat, sarcasm). */
  strongCue: boolean;
}

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

function ruleP(model: EmotionModel, probs: ArrayLike<number>, e: Emotion): number {
  const idx = model.classes.indexOf(e);
  return idx === -1 ? 0 : (probs[idx] as number);
}

/** Rule evidence counts up to this much (a long list of feeling words is no surer than a few). */
const EVIDENCE_CAP = 3;

export function combineVerdicts(
  rule: RuleVerdict,
  model: EmotionModel,
  probs: ArrayLike<number>,
  settings: CombineSettings = model.combine,
): Combined {
  const top = topClass(model, probs);
  const hasNeutral = model.classes.includes('neutral');
  let best: Emotion = top.emotion;
  let bestScore = Number.NEGATIVE_INFINITY;
  const consider = (e: Emotion, logp: number) => {
    let s = logp;
    if (e === rule.emotion) {
      if (e === 'neutral') s += settings.neutralBonus;
      else s += settings.ruleBase + settings.ruleWeight * Math.min(EVIDENCE_CAP, Math.max(0, rule.evidence));
      if (rule.strongCue) s += settings.cueBonus;
    }
    if (s > bestScore) {
      bestScore = s;
      best = e;
    }
  };
  for (let c = 0; c < model.classes.length; c++) {
    const e = model.classes[c] as Emotion;
    // A state the model learned from too few rows (settings.ruleStands) is the rules' call both ways: the model
    // neither overrules it nor calls it where the rules did not ("Kan ni skicka en kopia av mitt avtal?" is no
    // worry because a Swedish model that saw 35 fear rows leans that way).
    if (e !== rule.emotion && settings.ruleStands.includes(e)) continue;
    consider(e, Math.log(Math.max(probs[c] as number, 1e-9)));
  }
  // A model trained without neutral rows (the Nordic projections) cannot say "calm": where the rules found no
  // feeling, neutral stands in with a fixed probability, so it wins unless the model is sure of a feeling.
  if (!hasNeutral && rule.emotion === 'neutral') consider('neutral', Math.log(settings.neutralFloor));
  // A state the model does not know, or learned from too few rows to weigh (settings.ruleStands, e.g. worried
  // in Swedish, where the train file has 35 fear rows), stays the rules' call.
  if (
    rule.emotion !== 'neutral' &&
    (!model.classes.includes(rule.emotion) || settings.ruleStands.includes(rule.emotion))
  ) {
    return { emotion: rule.emotion, basis: 'rules', p: ruleP(model, probs, rule.emotion) };
  }
  const p = ruleP(model, probs, best);
  if (best !== rule.emotion) return { emotion: best, basis: 'model', p };
  return { emotion: best, basis: best === top.emotion ? 'rules+model' : 'rules', p };
}
