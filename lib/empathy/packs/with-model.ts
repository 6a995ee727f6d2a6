// A language pack with its emotion model (and, for English, the language identifier) attached, from sources
// the caller chooses: dynamic import() in tests and page bundles (./loaders.ts), extension assets fetched on
// demand in the background (lib/empathy/model/assets.ts), so the weights are not inside background.js.
// This file imports no weights itself: a bundle that uses it carries only the sources it passes.
import type { Lang } from '../types';
import type { LanguagePack } from './types';

export const LOADABLE_LANGS: readonly Lang[] = ['sv', 'nb', 'da', 'fi'];

export interface ModelSources {
  /** A language's serialised emotion model (lib/empathy/model/classifier.ts); may reject. */
  model: (lang: Lang) => Promise<unknown>;
  /** The serialised language identifier (lib/empathy/model/langid.ts); may reject. */
  langid: () => Promise<unknown>;
}

async function rules(lang: Lang): Promise<LanguagePack | undefined> {
  switch (lang) {
    case 'en':
      return (await import('./en')).default;
    case 'sv':
      return (await import('./sv')).default;
    case 'nb':
      return (await import('./nb')).default;
    case 'da':
      return (await import('./da')).default;
    case 'fi':
      return (await import('./fi')).default;
    default:
      return undefined;
  }
}

export function languagePackImporter(sources: ModelSources): (lang: Lang) => Promise<LanguagePack | undefined> {
  return async (lang) => {
    const pack = await rules(lang);
    if (!pack) return undefined;
    // A missing or corrupt weights file leaves the pack rules-only (the source says why); the engine that
    // receives the pack then warns once that it has no model for the language.
    const model = await sources.model(lang).catch(() => undefined);
    // The language identifier travels with the English pack, the one a content script asks for first.
    const langid = lang === 'en' ? await sources.langid().catch(() => undefined) : undefined;
    return { ...pack, ...(model === undefined ? {} : { model }), ...(langid === undefined ? {} : { langid }) };
  };
}
