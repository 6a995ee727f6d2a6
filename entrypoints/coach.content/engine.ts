// The engine as the content script uses it. WXT inlines dynamic imports into content scripts, so this imports
// the English-only core and gets the other language packs (plain data) from the background on demand; a
// message in a language whose pack is still loading is analysed again once it arrives. The emotion model's
// weights come the same way (a pack from the background carries its language's model; English asks for its
// pack once, for the model alone), so no weights count against the content scripts' size.
import {
  analyzeDraft,
  analyzeMessage,
  detectLanguage,
  hasLanguagePack,
  type LanguagePackSource,
  loadEmotionModel,
  loadLanguageIdModel,
  loadLanguagePack,
  setEmotionModelSource,
  setLanguageIdSource,
  setLanguagePackSource,
} from '../../lib/empathy/core';
import type { DraftAnalysis, DraftContext, Lang, MessageAnalysis } from '../../lib/empathy/types';

export interface CoachEngine {
  analyzeMessage(text: string): Promise<MessageAnalysis>;
  /** Without `ctx.lang`, the draft's own language (from its first words). */
  analyzeDraft(text: string, ctx: DraftContext): DraftAnalysis;
  /**
   * The language to coach a draft in, given the customer's language and the agent's coach languages (first
   * choice first; empty = any). The customer's language when the agent coaches in it; otherwise the language
   * the agent is clearly writing in, if it is one of theirs; otherwise their first choice.
   */
  coachLang(draft: string, customerLang: Lang | undefined, coachLangs: readonly Lang[]): Lang;
  /** Called when a language pack finished loading (analyses can be refined). */
  onPackLoaded(listener: () => void): void;
  /**
   * Compiles the bundled English pack now instead of in the first analysis: called while the coach waits for
   * the background's answer at start-up, when the main thread would otherwise be idle.
   */
  warm(): void;
}

/**
 * The language to coach in: `lang` when the agent coaches in it, else the agent's first chosen language
 * (phrases in a language the agent switched off are of no use to them). No choice at all means any.
 */
export function pickCoachLang(lang: Lang, coachLangs: readonly Lang[] | undefined): Lang {
  if (!coachLangs || coachLangs.length === 0 || coachLangs.includes(lang)) return lang;
  return coachLangs[0] as Lang;
}

/** Languages the background can hand out (English is bundled). */
export const REMOTE_PACK_LANGS: readonly Lang[] = ['sv', 'nb', 'da', 'fi'];

export function createCoachEngine(packSource?: LanguagePackSource): CoachEngine {
  if (packSource) {
    setLanguagePackSource(packSource, REMOTE_PACK_LANGS);
    // English's rules are bundled; its pack is fetched once, for the emotion model and the language identifier.
    let english: ReturnType<LanguagePackSource> | undefined;
    const englishPack = () => {
      english ??= packSource('en');
      return english;
    };
    setEmotionModelSource(async (lang) => (await (lang === 'en' ? englishPack() : packSource(lang)))?.model);
    setLanguageIdSource(async () => (await englishPack())?.langid);
  }
  const listeners: (() => void)[] = [];
  const requested = new Set<Lang>();
  const ensurePack = (lang: Lang) => {
    // Once per language: a language without a pack resolves at once and must not loop back here.
    if (hasLanguagePack(lang) || requested.has(lang)) return;
    requested.add(lang);
    loadLanguagePack(lang)
      .then(() => {
        if (!hasLanguagePack(lang)) return;
        for (const l of listeners) l();
      })
      .catch(() => {});
  };
  // Re-detecting the draft's language per keystroke is wasted work; its first words decide.
  let draftLangSample = '';
  let draftLang: Lang = 'en';
  let draftLangSure = false;
  const detectDraftLang = (text: string) => {
    const sample = text.slice(0, 400);
    if (sample !== draftLangSample && (sample.length < 400 || draftLangSample.length < 400)) {
      draftLangSample = sample;
      const guess = detectLanguage(sample);
      draftLang = guess.lang;
      // As the engine judges a draft: a few words or a close call say little (lib/empathy/draft.ts chooseLang).
      draftLangSure = guess.confidence >= 0.3 && sample.split(/\s+/).filter(Boolean).length >= 6;
    }
    return draftLang;
  };
  const coachLang: CoachEngine['coachLang'] = (draft, customerLang, coachLangs) => {
    const agentUses = (l: Lang) => coachLangs.length === 0 || coachLangs.includes(l);
    if (customerLang && agentUses(customerLang)) return customerLang;
    const written = detectDraftLang(draft);
    if (!customerLang) return pickCoachLang(written, coachLangs);
    return draftLangSure && agentUses(written) ? written : (coachLangs[0] as Lang);
  };
  return {
    coachLang,
    async analyzeMessage(text) {
      await loadLanguageIdModel().catch(() => false);
      const { lang } = detectLanguage(text);
      requested.add(lang);
      await loadLanguagePack(lang).catch(() => false);
      // A customer message is analysed once, so waiting for the model here costs no keystroke; without
      // one (missing or corrupt weights) the rules decide alone.
      await loadEmotionModel(lang).catch(() => false);
      return analyzeMessage(text, { lang });
    },
    analyzeDraft(text, ctx) {
      const lang = ctx.lang ?? detectDraftLang(text);
      ensurePack(lang);
      return analyzeDraft(text, { ...ctx, lang });
    },
    onPackLoaded(listener) {
      listeners.push(listener);
    },
    warm() {
      hasLanguagePack('en');
    },
  };
}
