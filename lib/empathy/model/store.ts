// The emotion models the engine has, per language, and where missing ones come from. A model that is
// missing or corrupt is never an error for the caller: analysis falls back to the rules and a warning is
// logged once, so a bad weights file degrades the coach instead of breaking it.
import type { Lang } from '../types';
import { type EmotionModel, loadEmotionModelData } from './classifier';

/** Resolves a language's serialised model (see EmotionModelData), or undefined when it has none. */
export type EmotionModelSource = (lang: Lang) => Promise<unknown>;

const models = new Map<Lang, EmotionModel>();
const failed = new Set<Lang>();
const pending = new Map<Lang, Promise<boolean>>();
let source: EmotionModelSource | undefined;

export function setEmotionModelSource(next: EmotionModelSource | undefined): void {
  source = next;
}

/**
 * Checks and registers a serialised model. Returns false (and warns) when the data is not a usable model
 * for `lang`; analysis of that language then stays rules-only.
 */
export function registerEmotionModel(data: unknown, lang?: Lang): boolean {
  try {
    const model = loadEmotionModelData(data);
    if (lang && model.lang !== lang) throw new Error(`emotion model: for ${model.lang}, expected ${lang}`);
    models.set(model.lang, model);
    failed.delete(model.lang);
    return true;
  } catch (err) {
    if (lang) failed.add(lang);
    console.warn(`[attune] ${(err as Error).message}; using the rules only${lang ? ` for ${lang}` : ''}.`);
    return false;
  }
}

/** Forgets a language's model (tests; rules only from then on). */
export function unregisterEmotionModel(lang: Lang): void {
  models.delete(lang);
  failed.delete(lang);
}

export function emotionModelFor(lang: Lang): EmotionModel | undefined {
  return models.get(lang);
}

/**
 * Loads a language's model from the source, once. Resolves true when a model is usable; never rejects
 * (a missing or corrupt file warns and resolves false).
 */
export function loadEmotionModel(lang: Lang): Promise<boolean> {
  if (models.has(lang)) return Promise.resolve(true);
  if (failed.has(lang) || !source) return Promise.resolve(false);
  const inFlight = pending.get(lang);
  if (inFlight) return inFlight;
  const from = source;
  const p = Promise.resolve()
    .then(() => from(lang))
    .then((data) => {
      if (data === undefined || data === null) {
        failed.add(lang);
        console.warn(`[attune] no emotion model for ${lang}; using the rules only.`);
        return false;
      }
      return registerEmotionModel(data, lang);
    })
    .catch((err: unknown) => {
      failed.add(lang);
      console.warn(`[attune] emotion model for ${lang} could not be loaded (${String(err)}); using the rules only.`);
      return false;
    })
    .finally(() => pending.delete(lang));
  pending.set(lang, p);
  return p;
}
