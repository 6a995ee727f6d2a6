// What every editor test page exposes as window.attuneTest: the editor's model read through the editor's own
// API (never the DOM), the caret, and a way to put a draft in (tests and bench:inpage).
export interface AttuneTestApi {
  /** The editor is initialised. */
  ready?(): boolean;
  /** The model's plain text, blocks joined by '\n', read through the editor's API. */
  model(): string;
  /** The model's text before the caret, or null when the editor has no selection. */
  textBeforeCaret(): string | null;
  /** Focuses the editor with the caret at the end of the text. */
  focusEnd(): void;
  /**
   * How often the editor API the coach's page-world bridge uses for this editor was called (pages whose editor
   * is written to through its API; the generic fallback never calls it), so tests see which path was taken.
   */
  apiCalls?(): number;
  /** Replaces the content with `text` (lines become paragraphs). */
  setDraft?(text: string): void | Promise<void>;
}

export function expose(api: AttuneTestApi): void {
  (window as unknown as { attuneTest: AttuneTestApi }).attuneTest = api;
}

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
