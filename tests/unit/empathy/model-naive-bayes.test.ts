// The naive Bayes table a weights file may carry (lib/empathy/model/classifier.ts NaiveBayesData): a model
// with it reads as the mixture log-softmax(linear) + weight * log p_NB over the same features, each feature
// counted once; without it, as the linear model alone; a corrupt table drops the model with a warning.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { emotionModelFor, registerEmotionModel, unregisterEmotionModel } from '../../../lib/empathy';
import { type EmotionModelData, loadEmotionModelData } from '../../../lib/empathy/model/classifier';
import { hashFeatures } from '../../../lib/empathy/model/features';
import { trainNaiveBayes } from '../../../scripts/linear-train';

const BITS = 8;
const K = 2;
const base64 = (bytes: Uint8Array | Int8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

// A tiny hand-made model: deterministic pseudo-random int8 weights and uint8 naive Bayes log-counts.
const linearWeights = Int8Array.from({ length: (1 << BITS) * K }, (_, i) => ((i * 37) % 61) - 30);
const logCounts = Uint8Array.from({ length: (1 << BITS) * K }, (_, i) => (i * 53) % 97);
const naiveBayes = {
  weight: 0.3,
  bits: BITS,
  prior: [-0.4, -1.1],
  perFeature: [0.05, -0.05],
  scales: [0.02, 0.03],
  logCounts: base64(logCounts),
};
const linear: EmotionModelData = {
  format: 'attune-emotion-linear/1',
  lang: 'en',
  classes: ['positive', 'neutral'],
  bits: BITS,
  scales: [0.01, 0.02],
  bias: [0.2, -0.1],
  weights: base64(linearWeights),
};
const mixed = { ...linear, naiveBayes };

/** The mixture written out the long way: linear log-softmax plus weight * normalised NB log-probabilities. */
function reference(text: string, withNaiveBayes: boolean): number[] {
  const buckets: number[] = [];
  const n = hashFeatures(text, (1 << BITS) - 1, (b) => buckets.push(b));
  const z = [0, 1].map((c) => {
    let sum = 0;
    for (const b of buckets) sum += linearWeights[b * K + c] as number;
    return (linear.bias[c] as number) + sum * (linear.scales[c] as number) * (n > 0 ? 1 / Math.sqrt(n) : 0);
  });
  const logSoftmax = (v: number[]) => {
    const m = Math.max(...v);
    const lse = m + Math.log(v.reduce((a, x) => a + Math.exp(x - m), 0));
    return v.map((x) => x - lse);
  };
  let logp = logSoftmax(z);
  if (withNaiveBayes) {
    const distinct = new Set(buckets);
    const joint = [0, 1].map((c) => {
      let s = naiveBayes.prior[c] as number;
      for (const f of distinct) {
        s += (logCounts[f * K + c] as number) * (naiveBayes.scales[c] as number) + (naiveBayes.perFeature[c] as number);
      }
      return s;
    });
    const nb = logSoftmax(joint);
    logp = logp.map((x, c) => x + naiveBayes.weight * (nb[c] as number));
  }
  const p = logp.map(Math.exp);
  const sum = p.reduce((a, x) => a + x, 0);
  return p.map((x) => x / sum);
}

const texts = [
  'Thanks, that sorted it!',
  // Repeated words: the naive Bayes counts each feature once, the linear model every time.
  'no no no no no, still broken broken broken',
  '',
];

afterEach(() => {
  vi.restoreAllMocks();
  registerEmotionModel(
    JSON.parse(readFileSync(new URL('../../../lib/empathy/model/weights/en.json', import.meta.url), 'utf8')),
    'en',
  );
});

describe('naive Bayes table', () => {
  test.each(texts)('with the table the model reads as the mixture: %j', (text) => {
    const p = Array.from(loadEmotionModelData(mixed).predict(text));
    const want = reference(text, true);
    for (let c = 0; c < K; c++) expect(p[c]).toBeCloseTo(want[c] as number, 10);
  });

  test.each(texts)('without it, as the linear model alone: %j', (text) => {
    const p = Array.from(loadEmotionModelData(linear).predict(text));
    const want = reference(text, false);
    for (let c = 0; c < K; c++) expect(p[c]).toBeCloseTo(want[c] as number, 10);
  });

  test('the table changes the reading (the mixture is not the linear model)', () => {
    const text = texts[1] as string;
    const mixedP = loadEmotionModelData(mixed).predict(text)[0] as number;
    const linearP = loadEmotionModelData(linear).predict(text)[0] as number;
    expect(Math.abs(mixedP - linearP)).toBeGreaterThan(0.01);
  });

  test.each([
    ['null', null],
    ['not an object', 'nb'],
    ['truncated counts', { ...naiveBayes, logCounts: naiveBayes.logCounts.slice(0, 40) }],
    ['counts not base64', { ...naiveBayes, logCounts: '%%%not base64%%%' }],
    ['no counts', { ...naiveBayes, logCounts: undefined }],
    ['more bits than the model', { ...naiveBayes, bits: BITS + 1 }],
    ['a prior per wrong class count', { ...naiveBayes, prior: [0] }],
    ['a weight that is no number', { ...naiveBayes, weight: 'high' }],
  ])('a corrupt table (%s) drops the model with a warning', (_, table) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    unregisterEmotionModel('en');
    expect(registerEmotionModel({ ...linear, naiveBayes: table }, 'en')).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('naive Bayes');
    expect(emotionModelFor('en')).toBeUndefined();
  });

  test('the trainer packs what the classifier reads: a feature seen with one class leans to it', () => {
    const rows = [
      { text: 'wonderful service', labels: ['positive'], weight: 1 },
      { text: 'wonderful people', labels: ['positive'], weight: 1 },
      { text: 'the invoice number', labels: ['neutral'], weight: 1 },
      { text: 'the account number', labels: ['neutral'], weight: 1 },
    ];
    const table = trainNaiveBayes(rows, ['positive', 'neutral'], BITS, 1, 1);
    // A linear model with no weights: the reading is the naive Bayes alone.
    const flat = { ...linear, weights: base64(new Int8Array((1 << BITS) * K)), bias: [0, 0], naiveBayes: table };
    const model = loadEmotionModelData(flat);
    expect(model.predict('wonderful')[0]).toBeGreaterThan(0.6);
    expect(model.predict('number')[1]).toBeGreaterThan(0.6);
  });

  test('the committed Swedish model carries a table and loads', () => {
    const sv = JSON.parse(
      readFileSync(new URL('../../../lib/empathy/model/weights/sv.json', import.meta.url), 'utf8'),
    ) as EmotionModelData;
    expect(sv.naiveBayes).toBeDefined();
    expect(() => loadEmotionModelData(sv)).not.toThrow();
  });
});
