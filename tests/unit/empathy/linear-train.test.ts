// The emotion trainer (scripts/linear-train.ts): deterministic for a seed, and the NB-SVM-style scaling
// (Wang & Manning 2012) gives no weight to a feature that is as common in every class.
import { describe, expect, test } from 'vitest';
import { hashFeatures } from '../../../lib/empathy/model/features';
import { type TrainSettings, train } from '../../../scripts/linear-train';

const rows = [
  { text: 'great thanks today', labels: ['positive'], weight: 1 },
  { text: 'lovely thanks today', labels: ['positive'], weight: 1 },
  { text: 'awful broken today', labels: ['frustrated'], weight: 1 },
  { text: 'terrible broken today', labels: ['frustrated'], weight: 1 },
];
const classes = ['positive', 'frustrated'];
const settings: TrainSettings = { seed: 1, epochs: 5, learningRate: 0.1, l2: 1e-6, balance: 0.5 };
const BITS = 12;

function bucketsOf(word: string): number[] {
  const out: number[] = [];
  hashFeatures(word, (1 << BITS) - 1, (b) => out.push(b));
  return out;
}

describe('linear trainer', () => {
  test('the same rows and seed give the same weights, with and without NB scaling', () => {
    for (const s of [settings, { ...settings, nbScale: { alpha: 1, power: 2, floor: 0 } }]) {
      const a = train(rows, classes, BITS, s);
      const b = train(rows, classes, BITS, s);
      expect(Array.from(a.w)).toEqual(Array.from(b.w));
      expect(Array.from(a.b)).toEqual(Array.from(b.b));
    }
  });

  test('NB scaling leaves a word both classes use without weight and still separates the classes', () => {
    const { w } = train(rows, classes, BITS, { ...settings, nbScale: { alpha: 1, power: 2, floor: 0 } });
    const today = bucketsOf('today')[0] as number; // the word unigram: in every row of both classes
    expect(w[today * 2]).toBe(0);
    expect(w[today * 2 + 1]).toBe(0);
    const score = (word: string) =>
      bucketsOf(word).reduce((s, f) => s + (w[f * 2] as number) - (w[f * 2 + 1] as number), 0);
    expect(score('thanks')).toBeGreaterThan(0);
    expect(score('broken')).toBeLessThan(0);
  });
});
