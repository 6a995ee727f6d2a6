// The weights as extension assets: the build copies ./weights/*.json to /empathy-model/ in the extension
// (wxt.config.ts, hook build:publicAssets), and the background fetches a language's file the first time a
// content script asks for that language's pack, so background.js carries no weights (~0.7 MB of base64 when
// they were bundled). A missing or corrupt file is not an error for the caller: the pack goes out rules-only
// and one warning per file is logged here (the content script then warns once that it has no model).
import type { Lang } from '../types';
import type { ModelSources } from '../packs/with-model';

/** The folder inside the extension that holds the weights files. */
export const MODEL_ASSET_DIR = 'empathy-model';

/** The weights files the build copies (./weights/, minus the manifest, which is for people, not the engine). */
export const MODEL_ASSET_FILES = ['en', 'sv', 'nb', 'da', 'fi', 'langid'].map((name) => `${name}.json`);

/**
 * Model sources that fetch `/<MODEL_ASSET_DIR>/<name>.json` through `getURL` (browser.runtime.getURL in the
 * extension) with `fetchFn`. Each file is fetched and parsed once; a failure is remembered, so it warns once and is not
 * retried until the background restarts.
 */
export function assetModelSources(
  getURL: (path: string) => string,
  /** The caller's fetch (lib/empathy does no I/O of its own). */
  fetchFn: (url: string) => Promise<Response>,
): ModelSources {
  const files = new Map<string, Promise<unknown>>();
  const get = (name: string): Promise<unknown> => {
    const known = files.get(name);
    if (known) return known;
    const loading = (async () => {
      const res = await fetchFn(getURL(`/${MODEL_ASSET_DIR}/${name}.json`));
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const text = await res.text();
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new Error(`not JSON (${text.length} characters)`);
      }
    })();
    loading.catch((err: unknown) => {
      console.warn(
        `[attune] weights file ${MODEL_ASSET_DIR}/${name}.json could not be loaded (${err instanceof Error ? err.message : String(err)}); the coach uses the rules only for it.`,
      );
    });
    files.set(name, loading);
    return loading;
  };
  return { model: (lang: Lang) => get(lang), langid: () => get('langid') };
}
