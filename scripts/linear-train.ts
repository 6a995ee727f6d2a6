// The linear model's trainer, shared by the emotion classifiers and the language identifier
// (scripts/train-emotion.ts): multinomial logistic regression over the hashed features of
// lib/empathy/model/features.ts, AdaGrad on soft targets, a seeded shuffle, int8 quantisation.
import { hashFeatures } from '../lib/empathy/model/features';
import { mulberry32 } from '../lib/random';

interface Example {
  feats: Int32Array;
  norm: number;
  target: Float64Array;
  weight: number;
}

function featurise(text: string, mask: number, fold: boolean): { feats: Int32Array; norm: number } {
  const list: number[] = [];
  const n = hashFeatures(text, mask, (b) => list.push(b), fold);
  return { feats: Int32Array.from(list), norm: n > 0 ? 1 / Math.sqrt(n) : 0 };
}

export interface TrainRow {
  text: string;
  /** The row's labels (several: soft targets, each gets an equal share). */
  labels: string[];
  weight: number;
}

export interface TrainSettings {
  seed: number;
  epochs: number;
  learningRate: number;
  l2: number;
  /** Class weight = (rows / (classes * class rows)) ^ balance: 0 = none, 1 = fully balanced. */
  balance: number;
  /** As hashFeatures: false keeps å/ä/ö/æ/ø (language identification). Default true. */
  foldDiacritics?: boolean;
}

/** Multinomial logistic regression by AdaGrad over hashed features; deterministic for a seed. */
export function train(
  rows: TrainRow[],
  classes: readonly string[],
  bits: number,
  SETTINGS: TrainSettings,
): { w: Float64Array; b: Float64Array } {
  const k = classes.length;
  const buckets = 1 << bits;
  const mask = buckets - 1;
  const counts = new Float64Array(k);
  for (const r of rows) {
    for (const s of r.labels) {
      const c = classes.indexOf(s);
      counts[c] = (counts[c] as number) + 1 / r.labels.length;
    }
  }
  const classWeight = Array.from(counts, (c) => (rows.length / (k * Math.max(1, c))) ** SETTINGS.balance);
  const examples: Example[] = rows.map((r) => {
    const { feats, norm } = featurise(r.text, mask, SETTINGS.foldDiacritics !== false);
    const target = new Float64Array(k);
    let weight = 0;
    for (const s of r.labels) {
      const c = classes.indexOf(s);
      target[c] = 1 / r.labels.length;
      weight += (classWeight[c] as number) / r.labels.length;
    }
    return { feats, norm, target, weight: weight * r.weight };
  });
  const w = new Float64Array(buckets * k);
  const g2 = new Float64Array(buckets * k).fill(1e-8);
  const b = new Float64Array(k);
  const bg2 = new Float64Array(k).fill(1e-8);
  const rand = mulberry32(SETTINGS.seed);
  const order = examples.map((_, i) => i);
  const z = new Float64Array(k);
  const lr = SETTINGS.learningRate;
  for (let epoch = 0; epoch < SETTINGS.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const idx of order) {
      const ex = examples[idx] as Example;
      for (let c = 0; c < k; c++) z[c] = b[c] as number;
      for (const f of ex.feats) {
        const base = f * k;
        for (let c = 0; c < k; c++) z[c] = (z[c] as number) + (w[base + c] as number) * ex.norm;
      }
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) max = Math.max(max, z[c] as number);
      let sum = 0;
      for (let c = 0; c < k; c++) {
        z[c] = Math.exp((z[c] as number) - max);
        sum += z[c] as number;
      }
      for (let c = 0; c < k; c++) {
        const g = ((z[c] as number) / sum - (ex.target[c] as number)) * ex.weight;
        bg2[c] = (bg2[c] as number) + g * g;
        b[c] = (b[c] as number) - (lr * g) / Math.sqrt(bg2[c] as number);
        if (g === 0) continue;
        for (const f of ex.feats) {
          const i = f * k + c;
          const gi = g * ex.norm + SETTINGS.l2 * (w[i] as number);
          g2[i] = (g2[i] as number) + gi * gi;
          w[i] = (w[i] as number) - (lr * gi) / Math.sqrt(g2[i] as number);
        }
      }
    }
  }
  return { w, b };
}

/** int8 weights with one scale per class, base64, as lib/empathy/model/classifier.ts reads them. */
export function quantise(
  classes: readonly string[],
  bits: number,
  w: Float64Array,
  b: Float64Array,
): { bits: number; scales: number[]; bias: number[]; weights: string } {
  const k = classes.length;
  const buckets = 1 << bits;
  const scales: number[] = [];
  const q = new Int8Array(buckets * k);
  for (let c = 0; c < k; c++) {
    let max = 0;
    for (let f = 0; f < buckets; f++) max = Math.max(max, Math.abs(w[f * k + c] as number));
    const scale = max > 0 ? max / 127 : 1;
    scales.push(Number(scale.toPrecision(6)));
    for (let f = 0; f < buckets; f++) q[f * k + c] = Math.round((w[f * k + c] as number) / scale);
  }
  return {
    bits,
    scales,
    bias: Array.from(b, (x) => Number(x.toFixed(5))),
    weights: Buffer.from(q.buffer).toString('base64'),
  };
}

/**
 * A binarised multinomial naive Bayes over the same hashed features (each feature counted once per row, a
 * row's weight shared among its labels), packed as lib/empathy/model/classifier.ts reads it (NaiveBayesData):
 * log P(f | c) = log(1 + count / alpha) + perFeature[c], the first term as uint8 with one scale per class.
 */
export function trainNaiveBayes(
  rows: TrainRow[],
  classes: readonly string[],
  bits: number,
  alpha: number,
  weight: number,
): { weight: number; bits: number; prior: number[]; perFeature: number[]; scales: number[]; logCounts: string } {
  const k = classes.length;
  const buckets = 1 << bits;
  const mask = buckets - 1;
  const counts = new Float64Array(buckets * k);
  const rowsOf = new Float64Array(k);
  const totals = new Float64Array(k);
  for (const r of rows) {
    const seen = new Set<number>();
    hashFeatures(r.text, mask, (b) => seen.add(b), true);
    for (const s of r.labels) {
      const c = classes.indexOf(s);
      const share = r.weight / r.labels.length;
      rowsOf[c] = (rowsOf[c] as number) + share;
      totals[c] = (totals[c] as number) + share * seen.size;
      for (const f of seen) counts[f * k + c] = (counts[f * k + c] as number) + share;
    }
  }
  const allRows = rowsOf.reduce((a, x) => a + x, 0);
  const perFeature = Array.from(totals, (t) => Math.log(alpha / (t + alpha * buckets)));
  const mean = perFeature.reduce((a, x) => a + x, 0) / k;
  const scales: number[] = [];
  const q = new Uint8Array(buckets * k);
  for (let c = 0; c < k; c++) {
    let max = 0;
    for (let f = 0; f < buckets; f++) max = Math.max(max, counts[f * k + c] as number);
    const top = Math.log1p(max / alpha);
    const scale = top > 0 ? top / 255 : 1;
    scales.push(Number(scale.toPrecision(6)));
    for (let f = 0; f < buckets; f++)
      q[f * k + c] = Math.round(Math.log1p((counts[f * k + c] as number) / alpha) / scale);
  }
  return {
    weight,
    bits,
    prior: Array.from(rowsOf, (n) => Number(Math.log(Math.max(n, 1e-9) / allRows).toFixed(5))),
    perFeature: perFeature.map((x) => Number((x - mean).toFixed(5))),
    scales,
    logCounts: Buffer.from(q.buffer).toString('base64'),
  };
}
