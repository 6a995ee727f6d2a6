// How the emotion data is scored (train-check slice in train:emotion, dev files in eval:empathy): one
// predicted state per row; rows whose labels map to two or more states are left out (a single prediction
// cannot be right or wrong about both); macro-F1 averages over the states present in the gold labels.
import type { Emotion } from '../lib/empathy/types';
import type { Row } from './emotion-data';

export function singleState<T extends Row>(rows: T[]): T[] {
  return rows.filter((r) => r.states.length === 1);
}

export function macroF1(gold: readonly Emotion[], pred: readonly Emotion[]): number {
  const labels = [...new Set(gold)];
  let sum = 0;
  for (const l of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i] === l;
      const p = pred[i] === l;
      if (g && p) tp++;
      else if (p) fp++;
      else if (g) fn++;
    }
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return labels.length === 0 ? 0 : sum / labels.length;
}
