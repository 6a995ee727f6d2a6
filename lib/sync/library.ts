import type { PhraseLibrary } from '../empathy/types';

/**
 * The library the in-page coach uses: the team's (from the hub) with the agent's favourites on top.
 * Null when there is neither, so the coach falls back to its built-in phrases.
 */
export function mergeLibraries(
  team: PhraseLibrary | undefined,
  favourites: PhraseLibrary | undefined,
): PhraseLibrary | null {
  if (!team && !favourites) return null;
  const phrases = new Map<string, PhraseLibrary['phrases'][number]>();
  for (const p of team?.phrases ?? []) phrases.set(p.id, p);
  for (const p of favourites?.phrases ?? []) phrases.set(p.id, p);
  const union = (...lists: (string[] | undefined)[]) => [...new Set(lists.flatMap((l) => l ?? []))];
  return {
    id: 'merged',
    name: team?.name ?? favourites?.name ?? 'Library',
    version: team?.version,
    phrases: [...phrases.values()],
    disabled: union(team?.disabled, favourites?.disabled),
    favourites: union(team?.favourites, favourites?.favourites),
  };
}
