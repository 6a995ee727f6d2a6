// Where each word of a draft stands, kept up to date as the agent types: "does the draft already say this
// phrase?" is asked for every suggestion on every keystroke, and searching a 5,000-word draft for each one
// cost more than the rest of the ranking.
import type { Tokens } from './match';

export class WordIndex {
  /** Token positions of each word, ascending. */
  private readonly at = new Map<string, number[]>();
  /** The words indexed, in draft order: a copy, as the caller's token arrays change in place. */
  private readonly words: string[] = [];

  /**
   * Brings the index to `tokens`, of which the first `reused` are the ones indexed last time (the rest are
   * re-read). Returns the index, so a memo can hold it.
   */
  update(tokens: Tokens, reused: number): this {
    const keep = Math.min(reused, this.words.length);
    while (this.words.length > keep) {
      const w = this.words.pop() as string;
      const list = this.at.get(w);
      list?.pop();
      if (list?.length === 0) this.at.delete(w);
    }
    const words = tokens.words;
    for (let i = keep; i < words.length; i++) {
      const w = words[i] as string;
      this.words.push(w);
      const list = this.at.get(w);
      if (list) list.push(i);
      else this.at.set(w, [i]);
    }
    return this;
  }

  /** The words appear one after another somewhere in the draft (an empty sequence never does). */
  has(sequence: readonly string[]): boolean {
    const first = sequence[0];
    if (first === undefined) return false;
    const starts = this.at.get(first);
    if (!starts) return false;
    const n = sequence.length;
    for (const i of starts) {
      if (i + n > this.words.length) break;
      let k = 1;
      while (k < n && this.words[i + k] === sequence[k]) k++;
      if (k === n) return true;
    }
    return false;
  }
}
