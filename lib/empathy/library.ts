// Phrase library: the built-in phrases of a pack, with a team's library and the agent's favourites merged
// over them. Team and favourite phrases replace built-ins with the same id; `disabled` hides built-ins.
import type { Lang, Phrase, PhraseLibrary } from './types';

export interface MergedPhrases {
  phrases: Phrase[];
  /** Ids from libraries (not built in): ranked a little higher, the team chose them. */
  custom: Set<string>;
  favourites: Set<string>;
}

/** Combines several libraries (e.g. the team's, then the agent's favourites); later ones win. */
export function combinePhraseLibraries(...libraries: (PhraseLibrary | undefined)[]): PhraseLibrary {
  const byId = new Map<string, Phrase>();
  const disabled = new Set<string>();
  const favourites = new Set<string>();
  const names: string[] = [];
  for (const lib of libraries) {
    if (!lib) continue;
    names.push(lib.name);
    for (const p of lib.phrases ?? []) byId.set(p.id, p);
    for (const id of lib.disabled ?? []) disabled.add(id);
    for (const id of lib.favourites ?? []) favourites.add(id);
  }
  return {
    id: 'combined',
    name: names.join(' + '),
    phrases: [...byId.values()],
    disabled: [...disabled],
    favourites: [...favourites],
  };
}

function isUsablePhrase(p: unknown): p is Phrase {
  if (!p || typeof p !== 'object') return false;
  const q = p as Partial<Phrase>;
  return typeof q.id === 'string' && typeof q.text === 'string' && typeof q.kind === 'string' && q.text.trim() !== '';
}

// Per library object, per built-in phrase list (one per pack), per language.
const cache = new WeakMap<PhraseLibrary, WeakMap<readonly Phrase[], Map<Lang, MergedPhrases>>>();

/** Built-ins for `lang` merged with `library` (memoised per library object, as the coach calls it per keystroke). */
export function mergePhrases(builtIn: readonly Phrase[], lang: Lang, library?: PhraseLibrary): MergedPhrases {
  if (!library || typeof library !== 'object') {
    return { phrases: builtIn as Phrase[], custom: new Set(), favourites: new Set() };
  }
  let perPack = cache.get(library);
  let perLang = perPack?.get(builtIn);
  const hit = perLang?.get(lang);
  if (hit) return hit;
  const disabled = new Set(Array.isArray(library.disabled) ? library.disabled : []);
  const custom = new Map<string, Phrase>();
  for (const p of Array.isArray(library.phrases) ? library.phrases : []) {
    if (isUsablePhrase(p) && (p.lang === lang || p.lang === undefined)) custom.set(p.id, p);
  }
  const phrases: Phrase[] = [];
  for (const p of builtIn) if (!disabled.has(p.id) && !custom.has(p.id)) phrases.push(p);
  for (const p of custom.values()) if (!disabled.has(p.id)) phrases.push(p);
  const merged: MergedPhrases = {
    phrases,
    custom: new Set(custom.keys()),
    favourites: new Set(Array.isArray(library.favourites) ? library.favourites : []),
  };
  if (!perPack) {
    perPack = new WeakMap();
    cache.set(library, perPack);
  }
  if (!perLang) {
    perLang = new Map();
    perPack.set(builtIn, perLang);
  }
  perLang.set(lang, merged);
  return merged;
}
