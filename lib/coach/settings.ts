// The agent's coach languages, as the content script reads them (the options page writes them).
import { LANGS, type Lang } from '../empathy/types';

/** The agent's settings the coach follows (the options page stores them; the content script reads them). */
export interface CoachSettings {
  /** Languages the agent coaches in, first choice first. */
  coachLangs(): Promise<readonly Lang[]>;
  /** Calls `onChange` when the agent changes them; returns the unsubscribe. */
  watchCoachLangs(onChange: (langs: readonly Lang[]) => void): () => void;
}

/** Only known languages, in the agent's order; anything else in storage is ignored. */
export function validCoachLangs(value: unknown): Lang[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((l): l is Lang => (LANGS as readonly unknown[]).includes(l)))];
}
