// Language identification, learned: a linear model over hashed character and word n-grams with the
// letters kept as written (å/ä/ö/æ/ø tell the languages apart), trained by `npm run train:emotion` on the
// held-in slices of the XED projections (sv/no/da/fi) and English and Swedish comments and reviews.
// detect.ts asks it where its word lists are unsure, above all Norwegian against Danish. Like the emotion
// models it loads on demand (with the English pack for a content script) and a missing or corrupt file
// leaves the word-list detector alone, with a warning.
import { LANGS, type Lang } from '../types';
import { type LinearModelData, linearPredictor } from './classifier';

export interface LanguageIdData extends LinearModelData {
  format: 'attune-langid-linear/1';
  classes: Lang[];
  /** Word-list confidence at or above which detect.ts keeps its own answer (chosen on train data). */
  rulesSure: number;
}

export interface LanguageIdModel {
  classes: Lang[];
  rulesSure: number;
  predict(text: string, out?: Float64Array): Float64Array;
}

let model: LanguageIdModel | undefined;
let failed = false;
let pending: Promise<boolean> | undefined;
let source: (() => Promise<unknown>) | undefined;

export function loadLanguageIdData(data: unknown): LanguageIdModel {
  if (!data || typeof data !== 'object') throw new Error('language-ID model: not an object');
  const d = data as Partial<LanguageIdData>;
  if (d.format !== 'attune-langid-linear/1') throw new Error(`language-ID model: unknown format ${String(d.format)}`);
  const classes = d.classes;
  if (!Array.isArray(classes) || classes.length < 2 || !classes.every((c) => LANGS.includes(c))) {
    throw new Error('language-ID model: bad classes');
  }
  if (typeof d.rulesSure !== 'number' || !Number.isFinite(d.rulesSure))
    throw new Error('language-ID model: bad rulesSure');
  return {
    classes: [...classes],
    rulesSure: d.rulesSure,
    predict: linearPredictor(d, classes.length, 'language-ID model', false),
  };
}

export function setLanguageIdSource(next: (() => Promise<unknown>) | undefined): void {
  source = next;
}

/** Registers the model; false (and a warning) when the data is not usable: detection stays word-list only. */
export function registerLanguageIdModel(data: unknown): boolean {
  try {
    model = loadLanguageIdData(data);
    failed = false;
    return true;
  } catch (err) {
    failed = true;
    console.warn(`[attune] ${(err as Error).message}; language detection uses its word lists only.`);
    return false;
  }
}

export function unregisterLanguageIdModel(): void {
  model = undefined;
  failed = false;
}

export function languageIdModel(): LanguageIdModel | undefined {
  return model;
}

/** Loads the model from the source once; never rejects. */
export function loadLanguageIdModel(): Promise<boolean> {
  if (model) return Promise.resolve(true);
  if (failed || !source) return Promise.resolve(false);
  if (pending) return pending;
  const from = source;
  pending = Promise.resolve()
    .then(() => from())
    .then((data) => {
      if (data === undefined || data === null) throw new Error('no data');
      return registerLanguageIdModel(data);
    })
    .catch((err: unknown) => {
      failed = true;
      console.warn(`[attune] language-ID model could not be loaded (${String(err)}); using the word lists only.`);
      return false;
    })
    .finally(() => {
      pending = undefined;
    });
  return pending;
}
