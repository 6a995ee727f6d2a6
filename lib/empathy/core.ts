// The engine without any on-demand pack wired in: English only until setLanguagePackSource() provides the
// others. For contexts whose bundler cannot split code (WXT content scripts), so no other pack is bundled.
export { detectLanguage, type LanguageGuess } from './detect';
export { analyzeMessage } from './message';
export { analyzeDraft } from './draft';
export {
  availableLanguagePacks,
  hasLanguagePack,
  type LanguagePackSource,
  loadAllLanguagePacks,
  loadLanguagePack,
  registerLanguagePack,
  setLanguagePackSource,
} from './registry';
export { combinePhraseLibraries, mergePhrases } from './library';
export {
  emotionModelFor,
  type EmotionModelSource,
  loadEmotionModel,
  registerEmotionModel,
  setEmotionModelSource,
  unregisterEmotionModel,
} from './model/store';
export type { EmotionModel, EmotionModelData } from './model/classifier';
export {
  languageIdModel,
  loadLanguageIdModel,
  registerLanguageIdModel,
  setLanguageIdSource,
  unregisterLanguageIdModel,
} from './model/langid';
export { fillPlaceholders, MAX_SUGGESTIONS } from './suggest';
export type { LanguagePack, TokenPattern, CueKind } from './packs/types';
export * from './types';
