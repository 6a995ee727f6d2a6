// The default source of on-demand packs: dynamic import(). Bundlers that split code (esbuild, Vite for
// pages) put each pack in its own chunk; note that WXT inlines dynamic imports into content scripts, so a
// content script that must stay small imports lib/empathy/core and fetches packs from the background.
// A pack handed out here carries its language's emotion model (lib/empathy/model/) when one loads, so the
// weights travel to the content script with the rules; English too, for the model alone (its rules are bundled),
// and with it the language identifier (lib/empathy/model/langid.ts).
import { importEmotionModel, importLanguageId } from '../model/loaders';
import type { Lang } from '../types';
import type { LanguagePack } from './types';

export const LOADABLE_LANGS: readonly Lang[] = ['sv', 'nb', 'da', 'fi'];

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

export async function importLanguagePack(lang: Lang): Promise<LanguagePack | undefined> {
  const pack = await rules(lang);
  if (!pack) return undefined;
  // A missing weights file leaves the pack rules-only; the engine warns when it finds no model.
  const model = await importEmotionModel(lang).catch(() => undefined);
  // The language identifier travels with the English pack, the one a content script asks for first.
  const langid = lang === 'en' ? await importLanguageId().catch(() => undefined) : undefined;
  return { ...pack, ...(model === undefined ? {} : { model }), ...(langid === undefined ? {} : { langid }) };
}
