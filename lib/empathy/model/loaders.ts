// The committed weights (./weights/<lang>.json, written by `npm run train:emotion`), loaded with dynamic
// import(): page bundles split them into chunks, and the background hands them to content scripts with the
// language pack (lib/empathy/packs/loaders.ts), so no weights are inside the content scripts.
import type { Lang } from '../types';

export async function importEmotionModel(lang: Lang): Promise<unknown> {
  switch (lang) {
    case 'en':
      return (await import('./weights/en.json')).default;
    case 'sv':
      return (await import('./weights/sv.json')).default;
    case 'nb':
      return (await import('./weights/nb.json')).default;
    case 'da':
      return (await import('./weights/da.json')).default;
    case 'fi':
      return (await import('./weights/fi.json')).default;
    default:
      return undefined;
  }
}

export async function importLanguageId(): Promise<unknown> {
  return (await import('./weights/langid.json')).default;
}
