// The learned layer for the customer's state: a multinomial logistic regression over hashed features
// (./features.ts), one per language, trained by scripts/train-emotion.ts on the human-labelled data in
// ../shared/data/emotion/ (see ./README.md for sources, licences and attribution). Weights ship as int8 with
// one scale per class, base64 in a small JSON object, so they travel as plain data (the background hands
// them to the content script with the language pack, like the rules).
//
// A hand-written linear model rather than a library: inference is a sum over ~1,000 hashed features (well
// under a millisecond, no WebAssembly or tensor runtime in a content script), and training it is ~100 lines.
import { EMOTIONS, type Emotion, LANGS, type Lang } from '../types';
import { hashFeatures } from './features';

/** The serialised model, as committed in ./weights/<lang>.json. */
export interface EmotionModelData {
  format: 'attune-emotion-linear/1';
  lang: Lang;
  /** The states this model knows, in weight order (the Nordic projections have no neutral or confused). */
  classes: Emotion[];
  /** log2 of the number of hash buckets. */
  bits: number;
  /** Per class: weight = int8 * scale. */
  scales: number[];
  bias: number[];
  /** base64 of Int8Array(buckets * classes.length), bucket-major. */
  weights: string;
  /** How the rules and the model share the decision (./combine.ts); tuned on train data by the trainer. */
  combine?: CombineSettings;
  /** Optional: a naive Bayes over the same features, mixed into the log-probabilities (NaiveBayesData). */
  naiveBayes?: NaiveBayesData;
}

/**
 * A multinomial naive Bayes over the model's hashed features, each present feature counted once
 * (binarised; Rennie et al. 2003, "Tackling the Poor Assumptions of Naive Bayes Text Classifiers"), mixed in
 * as log p = log-softmax(linear) + weight * log p_NB. With count(f, c) the class's rows that have feature f and
 * alpha the smoothing, log P(f | c) = logCounts[f, c] + perFeature[c], logCounts = log(1 + count / alpha)
 * (0 for a feature no row of the class had, so most of the table is zeros) and perFeature[c] =
 * log(alpha / (class total + alpha * buckets)), centred over the classes.
 */
export interface NaiveBayesData {
  /** How much the naive Bayes log-probabilities count beside the linear model's. */
  weight: number;
  /** log2 of its buckets (at most the model's bits: a feature's bucket is the model's bucket, masked). */
  bits: number;
  /** Per class: log prior. */
  prior: number[];
  /** Per class: added once per distinct feature. */
  perFeature: number[];
  /** Per class: logCounts = uint8 * scale. */
  scales: number[];
  /** base64 of Uint8Array(buckets * classes.length), bucket-major. */
  logCounts: string;
}

export interface CombineSettings {
  /** Added to the log-probability of the emotion the rules found (not neutral), whatever their evidence. */
  ruleBase: number;
  /** Added to the log-probability of the rules' emotion per unit of rule evidence (./combine.ts). */
  ruleWeight: number;
  /** Added to neutral's log-probability when the rules found no feeling. */
  neutralBonus: number;
  /** Added to the rules' emotion when they found a cue they are sure of (repeat contact, churn, sarcasm). */
  cueBonus: number;
  /** States the model learned from too few rows to overrule the rules on (the rules' verdict stands). */
  ruleStands: Emotion[];
  /** For a model without a neutral class: the probability neutral stands at (wins when the model is unsure). */
  neutralFloor: number;
}

export const DEFAULT_COMBINE: CombineSettings = {
  ruleBase: 0,
  ruleWeight: 1,
  neutralBonus: 0.5,
  cueBonus: 1000,
  neutralFloor: 0.4,
  ruleStands: [],
};

export interface EmotionModel {
  lang: Lang;
  classes: Emotion[];
  combine: CombineSettings;
  /** Probabilities over `classes`, in that order; written into `out` when given. */
  predict(text: string, out?: Float64Array): Float64Array;
}

function decodeBase64(s: string): Uint8Array {
  // atob exists in browsers and Node >= 16; Buffer would tie this file to Node.
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The shared part of a serialised linear model (emotion classifiers and the language identifier). */
export interface LinearModelData {
  bits: number;
  scales: number[];
  bias: number[];
  weights: string;
}

const finiteList = (a: unknown, k: number): a is number[] =>
  Array.isArray(a) && a.length === k && a.every((x) => typeof x === 'number' && Number.isFinite(x));

interface NaiveBayesTable {
  weight: number;
  mask: number;
  prior: number[];
  perFeature: number[];
  scales: number[];
  counts: Uint8Array;
}

/** Checks a naive Bayes table for a model of `k` classes and `bits` bits; throws naming the fault. */
function naiveBayesTable(d: unknown, k: number, bits: number, what: string): NaiveBayesTable {
  if (!d || typeof d !== 'object') throw new Error(`${what}: bad naive Bayes table`);
  const nb = d as Partial<NaiveBayesData>;
  if (typeof nb.weight !== 'number' || !Number.isFinite(nb.weight)) throw new Error(`${what}: bad naive Bayes weight`);
  if (typeof nb.bits !== 'number' || !Number.isInteger(nb.bits) || nb.bits < 8 || nb.bits > bits) {
    throw new Error(`${what}: bad naive Bayes bucket count`);
  }
  if (!finiteList(nb.prior, k) || !finiteList(nb.perFeature, k) || !finiteList(nb.scales, k)) {
    throw new Error(`${what}: bad naive Bayes prior, perFeature or scales`);
  }
  if (typeof nb.logCounts !== 'string') throw new Error(`${what}: no naive Bayes counts`);
  let counts: Uint8Array;
  try {
    counts = decodeBase64(nb.logCounts);
  } catch {
    throw new Error(`${what}: naive Bayes counts are not base64`);
  }
  const buckets = 1 << nb.bits;
  if (counts.length !== buckets * k) {
    throw new Error(`${what}: ${counts.length} naive Bayes counts, expected ${buckets * k}`);
  }
  return {
    weight: nb.weight,
    mask: buckets - 1,
    prior: nb.prior,
    perFeature: nb.perFeature,
    scales: nb.scales,
    counts,
  };
}

/**
 * Checks a linear model's weights and returns its predictor: probabilities over `k` classes. Throws an
 * Error naming `what` and the fault when the data is not usable. With `naiveBayes` (NaiveBayesData) the
 * predictor reads the mixture of both models over the same features.
 */
export function linearPredictor(
  d: Partial<LinearModelData>,
  k: number,
  what: string,
  foldDiacritics: boolean,
  naiveBayes?: unknown,
): (text: string, out?: Float64Array) => Float64Array {
  const bits = d.bits;
  if (typeof bits !== 'number' || !Number.isInteger(bits) || bits < 8 || bits > 20) {
    throw new Error(`${what}: bad bucket count`);
  }
  if (!finiteList(d.scales, k) || !finiteList(d.bias, k)) throw new Error(`${what}: bad scales or bias`);
  if (typeof d.weights !== 'string') throw new Error(`${what}: no weights`);
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64(d.weights);
  } catch {
    throw new Error(`${what}: weights are not base64`);
  }
  const buckets = 1 << bits;
  if (bytes.length !== buckets * k) throw new Error(`${what}: ${bytes.length} weights, expected ${buckets * k}`);
  const w = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const scales = d.scales;
  const bias = d.bias;
  const mask = buckets - 1;
  const acc = new Int32Array(k);
  const nb = naiveBayes === undefined ? undefined : naiveBayesTable(naiveBayes, k, bits, what);
  const nbAcc = new Int32Array(k);
  // Binarised: a feature counts once per text. seen[f] === stamp marks the features of the current text.
  const seen = new Uint32Array(nb ? nb.mask + 1 : 0);
  let stamp = 0;
  return (text, out = new Float64Array(k)) => {
    acc.fill(0);
    nbAcc.fill(0);
    stamp = (stamp + 1) >>> 0;
    if (stamp === 0) {
      seen.fill(0);
      stamp = 1;
    }
    let distinct = 0;
    const n = hashFeatures(
      typeof text === 'string' ? text : '',
      mask,
      (b) => {
        const base = b * k;
        for (let c = 0; c < k; c++) acc[c] = (acc[c] as number) + (w[base + c] as number);
        if (nb) {
          const f = b & nb.mask;
          if (seen[f] === stamp) return;
          seen[f] = stamp;
          distinct++;
          const nbBase = f * k;
          for (let c = 0; c < k; c++) nbAcc[c] = (nbAcc[c] as number) + (nb.counts[nbBase + c] as number);
        }
      },
      foldDiacritics,
    );
    const norm = n > 0 ? 1 / Math.sqrt(n) : 0;
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      let z = (bias[c] as number) + (acc[c] as number) * (scales[c] as number) * norm;
      // log-softmax(linear) + weight * log p_NB has the softmax of linear + weight * (NB joint log-likelihood):
      // both normalisers are the same for every class.
      if (nb) {
        z +=
          nb.weight *
          ((nb.prior[c] as number) +
            distinct * (nb.perFeature[c] as number) +
            (nbAcc[c] as number) * (nb.scales[c] as number));
      }
      out[c] = z;
      if (z > max) max = z;
    }
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const e = Math.exp((out[c] as number) - max);
      out[c] = e;
      sum += e;
    }
    for (let c = 0; c < k; c++) out[c] = (out[c] as number) / sum;
    return out;
  };
}

/** Checks and unpacks a model; throws an Error saying what is wrong when the data is not a usable model. */
export function loadEmotionModelData(data: unknown): EmotionModel {
  if (!data || typeof data !== 'object') throw new Error('emotion model: not an object');
  const d = data as Partial<EmotionModelData>;
  if (d.format !== 'attune-emotion-linear/1') throw new Error(`emotion model: unknown format ${String(d.format)}`);
  if (!d.lang || !LANGS.includes(d.lang)) throw new Error('emotion model: unknown language');
  const classes = d.classes;
  if (!Array.isArray(classes) || classes.length < 2 || !classes.every((c) => EMOTIONS.includes(c))) {
    throw new Error('emotion model: bad classes');
  }
  // A file without a naive Bayes table is the linear model alone; a corrupt table drops the model (throws).
  const predict = linearPredictor(d, classes.length, 'emotion model', true, d.naiveBayes);
  const c = d.combine;
  const combine =
    c &&
    (['ruleBase', 'ruleWeight', 'neutralBonus', 'cueBonus', 'neutralFloor'] as const).every((key) =>
      Number.isFinite(c[key]),
    )
      ? {
          ruleBase: c.ruleBase,
          ruleWeight: c.ruleWeight,
          neutralBonus: c.neutralBonus,
          cueBonus: c.cueBonus,
          neutralFloor: c.neutralFloor,
          ruleStands: Array.isArray(c.ruleStands) ? c.ruleStands.filter((e) => EMOTIONS.includes(e)) : [],
        }
      : DEFAULT_COMBINE;
  return {
    lang: d.lang,
    classes: [...classes],
    combine,
    predict,
  };
}
