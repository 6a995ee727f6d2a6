// The empathy engine's public API. Pure TypeScript: no DOM, no browser APIs, no I/O.
//
// English is bundled; other languages load on demand:
//   const { lang } = detectLanguage(customerText);
//   if (!hasLanguagePack(lang)) loadLanguagePack(lang).then(reanalyse);
// Until a pack is loaded, analysis of that language still works with language-neutral rules
// (capitals, exclamation marks, names, key-term restatement, readability) and never throws.
// This entry loads packs with dynamic import(); lib/empathy/core leaves the source to the caller.
import { setLanguageIdSource } from './model/langid';
import { importEmotionModel, importLanguageId } from './model/loaders';
import { setEmotionModelSource } from './model/store';
import { importLanguagePack, LOADABLE_LANGS } from './packs/loaders';
import { setLanguagePackSource } from './registry';

export * from './core';

setLanguagePackSource(importLanguagePack, LOADABLE_LANGS);
setEmotionModelSource(importEmotionModel);
setLanguageIdSource(importLanguageId);
