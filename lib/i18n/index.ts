// The panel's UI language follows the browser (en, sv, nb, da, fi; English otherwise).
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGS, type Lang } from '../contract/vocab';
import { da } from './locales/da';
import { en } from './locales/en';
import { fi } from './locales/fi';
import { nb } from './locales/nb';
import { sv } from './locales/sv';

/** The panel speaks every language the engine coaches in. */
export type UiLang = Lang;
export const UI_LANGS: readonly UiLang[] = LANGS;
export const resources = { en, sv, nb, da, fi } as const;

/** First supported language among the browser's preferences; Norwegian 'no'/'nn' map to bokmål. */
export function pickUiLang(preferred: readonly string[]): UiLang {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0] ?? '';
    if (base === 'no' || base === 'nn' || base === 'nb') return 'nb';
    if ((UI_LANGS as readonly string[]).includes(base)) return base as UiLang;
  }
  return 'en';
}

export function browserLanguages(): string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? [...navigator.languages] : navigator.language ? [navigator.language] : [];
}

/** A ready i18next instance (resources are bundled, so init is synchronous). */
export function createI18n(lang: UiLang = pickUiLang(browserLanguages())): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: Object.fromEntries(Object.entries(resources).map(([k, v]) => [k, { translation: v }])),
    lng: lang,
    fallbackLng: 'en',
    initAsync: false,
    // React escapes text nodes itself; escaping here too would show &lt; to the agent.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
