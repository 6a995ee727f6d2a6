// The default source of on-demand packs: dynamic import(). Bundlers that split code (esbuild, Vite for
// pages) put each pack in its own chunk; note that WXT inlines dynamic imports into content scripts, so a
// content script that must stay small imports lib/empathy/core and fetches packs from the background.
import type { Lang } from '../types';
import type { LanguagePack } from './types';

export const LOADABLE_LANGS: readonly Lang[] = ['sv', 'nb', 'da', 'fi'];

export async function importLanguagePack(lang: Lang): Promise<LanguagePack | undefined> {
  switch (lang) {
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
