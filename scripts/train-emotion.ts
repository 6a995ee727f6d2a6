// npm run train:emotion — trains the per-language emotion classifiers (lib/empathy/model/) on the train files
// of ../shared/data/emotion/ and writes lib/empathy/model/weights/<lang>.json plus manifest.json (the data
// files' SHA-256, the settings, the train-check and dev scores). Deterministic: same data, same weights.
//   --lang=en,sv   only these languages (the manifest keeps the others' entries)
//   --combine-only keep the committed weights; re-tune only the rules + model combination
//
// The model is multinomial logistic regression on hashed features (lib/empathy/model/features.ts), fitted
// with AdaGrad on soft targets (a row labelled with two states counts half for each). Settings are checked on
// the train files only, by k-fold cross-validation: the rows are split into SETTINGS.folds folds by text
// hash, each fold is read by a model trained on the others, and those out-of-fold readings ("train-check")
// choose the bias offsets and the rules + model weights; the shipped model is then trained on all train rows.
// (A fixed 10 % slice was used before: 89 rows for Swedish, too few to choose anything on.) The dev files the
// eval reports are never used for a choice; the dev scores in the manifest are reported only.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyzeMessage,
  detectLanguage,
  emotionModelFor,
  loadAllLanguagePacks,
  registerEmotionModel,
  registerLanguageIdModel,
} from '../lib/empathy';
import type { LanguageIdData } from '../lib/empathy/model/langid';
import {
  type CombineSettings,
  DEFAULT_COMBINE,
  type EmotionModelData,
  loadEmotionModelData,
} from '../lib/empathy/model/classifier';
import { quantise, train, trainNaiveBayes } from './linear-train';
import { EMOTIONS, type Emotion, LANGS, type Lang } from '../lib/empathy/types';
import {
  DATA_DIR,
  dataAvailable,
  devSets,
  isProjectionDev,
  isTrainCheck,
  textHash,
  readBrighter,
  readGoEmotions,
  readSource,
  readXed,
  type Row,
  sha256,
  trainSources,
} from './emotion-data';
import { macroF1, singleState } from './emotion-score';
import { readCorpus } from '../tests/unit/empathy/corpus';

const OUT_DIR = join(import.meta.dirname, '../lib/empathy/model/weights');

export const SETTINGS = {
  seed: 20261207,
  /** Cross-validation folds for the train-check readings (see the header). */
  folds: 5,
  epochs: 6,
  learningRate: 0.1,
  l2: 1e-6,
  /** Class weight = (rows / (classes * class rows)) ^ balance: 0 = none, 1 = fully balanced. */
  balance: 0.5,
  bits: { en: 15, sv: 15, nb: 14, da: 13, fi: 14 } as Record<Lang, number>,
  /**
   * Languages whose model mixes in a binarised multinomial naive Bayes over the same features
   * (lib/empathy/model/classifier.ts NaiveBayesData): smoothing alpha, its weight beside the linear model's
   * log-probabilities, its bits (at most the model's). Chosen on the train-check (see the model README).
   */
  naiveBayes: {
    sv: { alpha: 1, weight: 0.1, bits: 14 },
  } as Partial<Record<Lang, { alpha: number; weight: number; bits: number }>>,
  /** Bias offsets searched on the train-check slice for macro-F1 (coordinate ascent). */
  biasSearch: { from: -1.5, to: 1.5, step: 0.1, rounds: 3 },
  /** Rules + model weights searched on the train-check slice (lib/empathy/model/combine.ts). */
  combineSearch: {
    ruleBase: [0, 1, 2, 3],
    ruleWeight: [0, 0.25, 0.5, 1, 1.5, 2, 3, 5, 8],
    neutralBonus: [-0.5, 0, 0.5, 1, 1.5, 2, 3, 4, 6],
    cueBonus: [1, 3, 1000],
    /**
     * Train-check macro-F1 a setting may lose to the best one and still win by leaning on the rules, on top
     * of the sampling noise of the scored rows (0.5/sqrt(rows)). It was 0.02, which cost English 0.04 of
     * train-check macro-F1 (0.486 against 0.525 for the best setting that keeps the corpus tune split).
     * With no lean at all, Swedish took a setting that reads the calm request "Kan jag flytta mitt bredband
     * till min nya lägenhet nästa månad?" as positive (tests/unit/empathy/recall.test.ts): the noise margin
     * stays. Earlier, 0 together with a gate that shrank the rule bonuses where no service topic is named lost
     * 3 en corpus test messages ("I am not happy with the new price" read as positive).
     */
    nearlyAsGood: 0,
    /** A state with fewer train rows than this is the rules' call (CombineSettings.ruleStands). */
    minRows: 200,
    /** Only for models without a neutral class (the Nordic projections). */
    neutralFloor: [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
    /**
     * Corpus tune-split messages the combination may get wrong that the rules alone got right (1 was tried:
     * the test split then lost 5-10 points in sv/nb/da, so none).
     */
    corpusSlack: 0,
    /**
     * At most this many train-check rows score each setting (an even stride through them). 3,000 before: on
     * English its noise margin (0.009) let a setting 0.008 under the best win; 10,000 (margin 0.005) costs
     * ~40 s more.
     */
    maxRows: 10000,
  },
};

/** The fold a train row belongs to (a stable hash of its text: no random state to keep). */
function foldOf(text: string): number {
  return textHash(`fold:${text}`) % SETTINGS.folds;
}

function argmax(logp: ArrayLike<number>, offset?: ArrayLike<number>): number {
  let best = 0;
  const at = (c: number) => (logp[c] as number) + ((offset?.[c] as number | undefined) ?? 0);
  for (let c = 1; c < logp.length; c++) if (at(c) > at(best)) best = c;
  return best;
}

function predictAll(data: EmotionModelData, rows: Row[]): Emotion[] {
  const model = loadEmotionModelData(data);
  const out = new Float64Array(model.classes.length);
  return rows.map((r) => {
    model.predict(r.text, out);
    let best = 0;
    for (let c = 1; c < out.length; c++) if ((out[c] as number) > (out[best] as number)) best = c;
    return model.classes[best] as Emotion;
  });
}

/**
 * Per-class bias offsets that maximise macro-F1 on the train-check rows' out-of-fold log-probabilities
 * (coordinate ascent, deterministic).
 */
function tuneBias(classes: Emotion[], check: Row[], logp: Float64Array[]): number[] {
  const gold = check.map((r) => r.states[0] as Emotion);
  const k = classes.length;
  const offset = new Array<number>(k).fill(0);
  const score = () =>
    macroF1(
      gold,
      logp.map((lp) => classes[argmax(lp, offset)] as Emotion),
    );
  let bestScore = score();
  const { from, to, step, rounds } = SETTINGS.biasSearch;
  for (let round = 0; round < rounds; round++) {
    for (let c = 0; c < k; c++) {
      let bestV = offset[c] as number;
      for (let v = from; v <= to + 1e-9; v += step) {
        offset[c] = v;
        const s = score();
        if (s > bestScore + 1e-9) {
          bestScore = s;
          bestV = v;
        }
      }
      offset[c] = bestV;
    }
  }
  return offset;
}

/**
 * The rules + model weights: the highest macro-F1 on the train-check rows among the settings that keep the
 * emotion accuracy on the corpus' tune split (tests/fixtures/empathy/<lang>/, customer-service messages the
 * rules were written against) at least as high as the rules alone. The data sets are comments, narratives
 * and subtitles; the tune split is the only customer-service text we may fit to, and there the rules are good.
 */
function tuneCombine(
  data: EmotionModelData,
  allCheck: Row[],
  /** The train-check rows' out-of-fold probabilities, by text (bias offsets applied). */
  outOfFold: Map<string, Float64Array>,
  ruleStands: Emotion[],
): { combine: CombineSettings; score: number; tune: number } {
  const stride = Math.max(1, Math.ceil(allCheck.length / SETTINGS.combineSearch.maxRows));
  const check = allCheck.filter((_, i) => i % stride === 0);
  const gold = check.map((r) => r.states[0] as Emotion);
  const tune = readCorpus(data.lang).messages.filter((m) => m.split === 'tune');
  registerEmotionModel(data, data.lang);
  const model = emotionModelFor(data.lang);
  if (!model) throw new Error(`no ${data.lang} model`);
  // The model's reading of a text does not depend on the settings: read each text once. A train-check row is
  // read by the fold model that did not train on it; the corpus' tune split by the shipped model.
  const predict = model.predict;
  const seen = new Map<string, Float64Array>(outOfFold);
  model.predict = (text) => {
    let p = seen.get(text);
    if (!p) {
      p = Float64Array.from(predict(text));
      seen.set(text, p);
    }
    return p;
  };
  const accuracy = () => tune.filter((m) => analyzeMessage(m.text, { lang: data.lang }).emotion === m.emotion).length;
  const floor = tune.filter(
    (m) => analyzeMessage(m.text, { lang: data.lang, rulesOnly: true }).emotion === m.emotion,
  ).length;
  const s = SETTINGS.combineSearch;
  const floors = data.classes.includes('neutral') ? [DEFAULT_COMBINE.neutralFloor] : s.neutralFloor;
  const results: { combine: CombineSettings; score: number; tune: number }[] = [];
  let mostRight = 0;
  // The projections (no neutral rows) are machine-aligned labels on film subtitles (the data README): their
  // models re-read only messages in which the rules found no feeling; a feeling the rules found stands.
  for (const ruleBase of data.classes.includes('neutral') ? s.ruleBase : [1000]) {
    for (const ruleWeight of s.ruleWeight) {
      for (const neutralBonus of data.classes.includes('neutral') ? s.neutralBonus : [0]) {
        for (const cueBonus of s.cueBonus) {
          for (const neutralFloor of floors) {
            const combine = { ruleBase, ruleWeight, neutralBonus, cueBonus, neutralFloor, ruleStands };
            model.combine = combine;
            const right = accuracy();
            mostRight = Math.max(mostRight, right);
            if (right < floor - s.corpusSlack) continue;
            const pred = check.map((r) => analyzeMessage(r.text, { lang: data.lang }).emotion);
            const score = macroF1(gold, pred);
            results.push({ combine, score, tune: right / Math.max(1, tune.length) });
          }
        }
      }
    }
  }
  // The train-check rows are comments, narratives and subtitles, not customer messages: among the settings
  // that score as well there (within nearlyAsGood), the one that leans most on the rules (which were written
  // for customer text) wins.
  const top = Math.max(-1, ...results.map((r) => r.score));
  // Each setting counts by its place in its own search list (0 = leans least on the rules, 1 = most).
  const rank = (list: number[], v: number) => (list.length > 1 ? list.indexOf(v) / (list.length - 1) : 0);
  const lean = (c: CombineSettings) =>
    rank(s.ruleBase, c.ruleBase) +
    rank(s.ruleWeight, c.ruleWeight) +
    rank(s.neutralBonus, c.neutralBonus) +
    rank(s.cueBonus, c.cueBonus);
  let best = { combine: DEFAULT_COMBINE, score: -1, tune: 0 };
  for (const r of results) {
    // Macro-F1 on n rows moves by about 0.5/sqrt(n) from sampling alone: within that, the rules lean wins.
    if (r.score < top - s.nearlyAsGood - 0.5 / Math.sqrt(check.length)) continue;
    if (best.score < 0 || lean(r.combine) > lean(best.combine) + 1e-9) best = r;
  }
  if (best.score < 0) console.warn(`${data.lang}: no setting keeps the corpus tune split (${mostRight} < ${floor})`);
  // The chosen setting's figure on every train-check row, comparable with the model's (the search scored a
  // stride of them).
  model.combine = best.combine;
  const all = macroF1(
    allCheck.map((r) => r.states[0] as Emotion),
    allCheck.map((r) => analyzeMessage(r.text, { lang: data.lang }).emotion),
  );
  model.predict = predict;
  return { ...best, score: all };
}

function fmt(x: number): number {
  return Math.round(x * 1000) / 1000;
}

if (!dataAvailable()) {
  console.error(`No emotion data at ${DATA_DIR} (set ATTUNE_EMOTION_DATA to its folder).`);
  process.exit(1);
}
await loadAllLanguagePacks();
const only = process.argv
  .find((a) => a.startsWith('--lang='))
  ?.slice(7)
  .split(',') as Lang[] | undefined;
const combineOnly = process.argv.includes('--combine-only');
const manifestPath = join(OUT_DIR, 'manifest.json');
let manifest: { models: Record<string, unknown> } & Record<string, unknown>;
try {
  manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
} catch {
  manifest = { models: {} };
}
for (const lang of LANGS) {
  if (only && !only.includes(lang)) continue;
  const started = performance.now();
  const sources = trainSources(lang);
  const parts = sources.map((s) => ({ s, rows: readSource(s) }));
  const all: Row[] = parts.flatMap((p) => p.rows);
  const weightOf = (file: string) => sources.find((s) => s.file === file)?.weight ?? 1;
  // Every train row trains the shipped model; rows of the sources settings are checked on (check !== false)
  // also take their turn as out-of-fold train-check rows.
  const fit = parts
    .flatMap((p) =>
      p.rows.map((r) => ({ ...r, weight: weightOf(p.s.file), fold: p.s.check === false ? -1 : foldOf(r.text) })),
    )
    .filter((r) => r.weight > 0);
  const check = singleState(fit.filter((r) => r.fold >= 0));
  const classes = EMOTIONS.filter((e) => all.some((r) => r.states.includes(e)));
  const bits = SETTINGS.bits[lang];
  const toTrain = (rows: typeof fit) => rows.map((r) => ({ text: r.text, labels: r.states, weight: r.weight }));
  const nbSettings = SETTINGS.naiveBayes[lang];
  // The naive Bayes table, when this language has one, fitted on the same rows as the linear model.
  const naiveBayesOn = (rows: typeof fit) =>
    nbSettings
      ? {
          naiveBayes: trainNaiveBayes(toTrain(rows), classes, nbSettings.bits, nbSettings.alpha, nbSettings.weight),
        }
      : {};
  // --combine-only keeps the committed weights and bias and re-tunes only how rules and model combine.
  const committed = combineOnly
    ? (JSON.parse(readFileSync(join(OUT_DIR, `${lang}.json`), 'utf8')) as EmotionModelData)
    : undefined;
  const raw: EmotionModelData = committed ?? {
    format: 'attune-emotion-linear/1',
    lang,
    classes,
    ...(() => {
      const { w, b } = train(toTrain(fit), classes, bits, SETTINGS);
      return quantise(classes, bits, w, b);
    })(),
    ...naiveBayesOn(fit),
  };
  // Out-of-fold readings of the train-check rows (--combine-only: the committed model's own, optimistic).
  const logp = new Map<Row, Float64Array>();
  const toLog = (p: Float64Array) => p.map((x) => Math.log(Math.max(x, 1e-12)));
  if (committed) {
    const model = loadEmotionModelData(committed);
    for (const r of check) logp.set(r, toLog(model.predict(r.text)));
  } else {
    for (let f = 0; f < SETTINGS.folds; f++) {
      const rows = fit.filter((r) => r.fold !== f);
      const { w, b } = train(toTrain(rows), classes, bits, SETTINGS);
      const model = loadEmotionModelData({ ...raw, ...quantise(classes, bits, w, b), ...naiveBayesOn(rows) });
      for (const r of check) if (r.fold === f) logp.set(r, toLog(model.predict(r.text)));
    }
  }
  const checkLogp = check.map((r) => logp.get(r) as Float64Array);
  const gold = check.map((r) => r.states[0] as Emotion);
  const checkBefore = macroF1(
    gold,
    checkLogp.map((lp) => classes[argmax(lp)] as Emotion),
  );
  const offset = committed ? new Array<number>(classes.length).fill(0) : tuneBias(classes, check, checkLogp);
  const biased: EmotionModelData = committed ?? {
    ...raw,
    bias: raw.bias.map((x, c) => Number((x + (offset[c] as number)).toFixed(5))),
  };
  const checkAfter = macroF1(
    gold,
    checkLogp.map((lp) => classes[argmax(lp, offset)] as Emotion),
  );
  // The out-of-fold probabilities with the offsets applied, as the combination sees them.
  const outOfFold = new Map<string, Float64Array>();
  check.forEach((r, i) => {
    const z = (checkLogp[i] as Float64Array).map((x, c) => x + (offset[c] as number));
    const max = Math.max(...z);
    const e = z.map((x) => Math.exp(x - max));
    const sum = e.reduce((a, x) => a + x, 0);
    outOfFold.set(
      r.text,
      e.map((x) => x / sum),
    );
  });
  const rulesCheck = macroF1(
    check.map((r) => r.states[0] as Emotion),
    check.map((r) => analyzeMessage(r.text, { lang, rulesOnly: true }).emotion),
  );
  const rowsOf = (e: Emotion) =>
    fit.reduce((sum, r) => sum + (r.states.includes(e) ? r.weight / r.states.length : 0), 0);
  const tuned = tuneCombine(
    biased,
    check,
    outOfFold,
    classes.filter((e) => rowsOf(e) < SETTINGS.combineSearch.minRows),
  );
  const data: EmotionModelData = { ...biased, combine: tuned.combine };
  const dev: Record<string, { rows: number; macroF1: number }> = {};
  for (const d of devSets(lang)) {
    const rows = singleState(d.rows());
    dev[d.name] = {
      rows: rows.length,
      macroF1: fmt(
        macroF1(
          rows.map((r) => r.states[0] as Emotion),
          predictAll(data, rows),
        ),
      ),
    };
  }
  const json = `${JSON.stringify(data)}\n`;
  writeFileSync(join(OUT_DIR, `${lang}.json`), json);
  manifest.models[lang] = {
    file: `${lang}.json`,
    bytes: Buffer.byteLength(json),
    classes,
    buckets: 1 << bits,
    ...(nbSettings ? { naiveBayes: nbSettings } : {}),
    trainRows: fit.length,
    trainCheckRows: check.length,
    trainCheck: `${SETTINGS.folds}-fold out-of-fold readings of the train rows (single-state rows of the checked sources)`,
    data: Object.fromEntries(sources.map((s) => [s.file, { sha256: sha256(s.file), part: s.part ?? 'all' }])),
    combine: tuned.combine,
    trainCheckMacroF1: {
      // --combine-only has no model before bias: the last full run's figure stays.
      modelBeforeBias: combineOnly
        ? (manifest.models[lang] as { trainCheckMacroF1?: { modelBeforeBias?: number } } | undefined)?.trainCheckMacroF1
            ?.modelBeforeBias
        : fmt(checkBefore),
      model: fmt(checkAfter),
      rules: fmt(rulesCheck),
      rulesAndModel: fmt(tuned.score),
    },
    corpusTuneEmotionAccuracy: fmt(tuned.tune),
    devMacroF1: dev,
  };
  console.log(
    `${lang}: ${fit.length} train rows, classes ${classes.join('/')}, train-check macro-F1 model ${fmt(checkBefore)} -> ${fmt(checkAfter)}, ` +
      `rules ${fmt(rulesCheck)}, rules+model ${fmt(tuned.score)} (${JSON.stringify(tuned.combine)}), ` +
      `dev ${Object.entries(dev)
        .map(([n, v]) => `${n} ${v.macroF1}`)
        .join(', ')}, ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
// Language identification (lib/empathy/model/langid.ts): the same trainer, letters kept as written.
const LANGID = {
  bits: 12,
  settings: { ...SETTINGS, balance: 1, foldDiacritics: false },
  /** GoEmotions train rows used for English (enough to learn English; the file has 43k). */
  englishRows: 4000,
  rulesSure: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01],
};
if (!combineOnly && (!only || only.includes('langid' as Lang))) {
  const started = performance.now();
  const files: Record<string, { lang: Lang; rows: () => Row[] }> = {
    'xed/sv-projections.dedup.tsv': { lang: 'sv', rows: () => readXed('xed/sv-projections.dedup.tsv') },
    'xed/no-projections.dedup.tsv': { lang: 'nb', rows: () => readXed('xed/no-projections.dedup.tsv') },
    'xed/da-projections.dedup.tsv': { lang: 'da', rows: () => readXed('xed/da-projections.dedup.tsv') },
    'xed/fi-projections.dedup.tsv': { lang: 'fi', rows: () => readXed('xed/fi-projections.dedup.tsv') },
    'brighter/swe_train_track_a.dedup.csv': {
      lang: 'sv',
      rows: () => readBrighter('brighter/swe_train_track_a.dedup.csv'),
    },
    'brighter/eng_train_track_a.dedup.csv': {
      lang: 'en',
      rows: () => readBrighter('brighter/eng_train_track_a.dedup.csv'),
    },
    'goemotions/train.dedup.tsv': {
      lang: 'en',
      rows: () => readGoEmotions('goemotions/train.dedup.tsv').slice(0, LANGID.englishRows),
    },
  };
  const fit: { text: string; labels: string[]; weight: number }[] = [];
  const check: { text: string; lang: Lang; corpus?: boolean }[] = [];
  for (const { lang, rows } of Object.values(files)) {
    for (const r of rows()) {
      if (isProjectionDev(r.text)) continue; // the eval's held-apart sentences
      if (isTrainCheck(r.text)) check.push({ text: r.text, lang });
      else fit.push({ text: r.text, labels: [lang], weight: 1 });
    }
  }
  // The corpus' tune split: customer-service texts the word lists were written against (never its test split).
  for (const lang of LANGS) {
    const corpus = readCorpus(lang);
    for (const x of [...corpus.messages, ...corpus.drafts]) {
      if (x.split === 'tune') check.push({ text: x.text, lang, corpus: true });
    }
  }
  const classes: Lang[] = [...LANGS];
  const { w, b } = train(fit, classes, LANGID.bits, LANGID.settings);
  const base = { format: 'attune-langid-linear/1' as const, classes, ...quantise(classes, LANGID.bits, w, b) };
  // The threshold: best on all check texts among those that keep the corpus tune split at least as well
  // detected as by the word lists alone (customer-service text is what the coach reads).
  const corpusRight = () => check.filter((x) => x.corpus && detectLanguage(x.text).lang === x.lang).length;
  registerLanguageIdModel({ ...base, rulesSure: 0 });
  const rulesRight = check.filter((x) => detectLanguage(x.text).lang === x.lang).length;
  const rulesCorpus = corpusRight();
  let best = { rulesSure: 0, right: rulesRight };
  for (const rulesSure of LANGID.rulesSure) {
    registerLanguageIdModel({ ...base, rulesSure });
    if (corpusRight() < rulesCorpus) continue;
    const right = check.filter((x) => detectLanguage(x.text).lang === x.lang).length;
    if (right > best.right) best = { rulesSure, right };
  }
  const data: LanguageIdData = { ...base, rulesSure: best.rulesSure };
  const json = `${JSON.stringify(data)}\n`;
  writeFileSync(join(OUT_DIR, 'langid.json'), json);
  manifest.langid = {
    file: 'langid.json',
    bytes: Buffer.byteLength(json),
    buckets: 1 << LANGID.bits,
    trainRows: fit.length,
    checkRows: check.length,
    data: Object.fromEntries(
      Object.keys(files).map((f) => [f, { sha256: sha256(f), part: 'train (minus the held-out dev slice)' }]),
    ),
    settings: LANGID,
    checkAccuracy: { wordLists: fmt(rulesRight / check.length), withModel: fmt(best.right / check.length) },
    rulesSure: best.rulesSure,
  };
  console.log(
    `langid: ${fit.length} train rows, check accuracy word lists ${fmt(rulesRight / check.length)} -> ` +
      `with model ${fmt(best.right / check.length)} (rulesSure ${best.rulesSure}), ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

manifest.format = 'attune-emotion-linear/1';
manifest.settings = {
  ...SETTINGS,
  features: 'word 1-2-grams + char 3-5-grams in words, hashed (lib/empathy/model/features.ts)',
};
manifest.evaluation =
  'macro-F1 over the states present in the gold labels, on rows whose labels map to exactly one state (scripts/emotion-score.ts)';
manifest.data = 'See lib/empathy/model/README.md for sources, licences and attribution.';
writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
// The repository's formatter (Biome) lays out JSON too: write what it would, so retraining leaves no diff.
const formatted = spawnSync('npx', ['biome', 'format', '--write', OUT_DIR], { stdio: 'inherit' });
if (formatted.status !== 0) console.warn('biome format failed: the weights are correct but not laid out as committed');
