// The default source of on-demand packs: dynamic import(). Bundlers that split code (esbuild, Vite for
// pages) put each pack in its own chunk; note that WXT inlines dynamic imports into content scripts and the
// background, so a content script that must stay small imports lib/empathy/core and fetches packs from the
// background, and the background attaches weights fetched from extension assets (./with-model.ts,
// lib/empathy/model/assets.ts) rather than these imports.
// A pack handed out here carries its language's emotion model (lib/empathy/model/) when one loads, so the
// weights travel to the content script with the rules; English too, for the model alone (its rules are bundled),
// and with it the language identifier (lib/empathy/model/langid.ts).
import { importEmotionModel, importLanguageId } from '../model/loaders';
import { languagePackImporter } from './with-model';

export { LOADABLE_LANGS } from './with-model';

export const importLanguagePack = languagePackImporter({ model: importEmotionModel, langid: importLanguageId });
