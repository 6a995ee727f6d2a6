// Everything the coach draws in its shadow root: the chip for the active composer and the risk overlay.
import type { Suggestion } from '../../lib/empathy/types';
import type { Lang } from '../../lib/empathy/types';
import type { SiteHealth } from '../../lib/sites/health';
import { CoachChip } from './CoachChip';
import type { Box } from './placement';
import { RiskOverlay } from './RiskOverlay';
import { COACH_STRINGS } from './strings';
import type { CoachModel, CoachRewrite, HighlightBox } from './types';

export interface CoachView {
  model: CoachModel;
  anchor: Box;
  /** Boxes the chip must never cover (send buttons). */
  avoid: Box[];
  /** Boxes the chip covers only when nothing else fits (the latest customer message). */
  keepClear: Box[];
  theme: 'light' | 'dark';
}

export interface CoachRootState {
  view: CoachView | null;
  collapsed: boolean;
  highlights: HighlightBox[];
  previewId: string | null;
  viewport: { width: number; height: number };
  /** The chip's language: the browser's UI language when it is one of ours, else English. */
  uiLang: Lang;
  /** What the coach sees on this page (the chip's menu); lib/coach/site-health.ts keeps it current. */
  health?: SiteHealth | null;
  /** The editor refused the last insertion or rewrite: its phrase, and the draft it left (unchanged). */
  insertFailure?: { phrase: string; draft: string } | null;
}

/**
 * Marks each analysis of the draft (a counter in data-revision), so observers (tests, bench:inpage) see the
 * chip take in a keystroke whose advice is unchanged, when the chip itself does not re-render.
 */
export function AnalysisMark({ revision }: { revision: number }) {
  return <span hidden data-revision={revision} />;
}

export interface CoachHandlers {
  onToggleCollapsed(): void;
  onClose(): void;
  onInsert(suggestion: Suggestion, index: number): void;
  onDismissSuggestion(suggestion: Suggestion): void;
  onApplyRewrite(rewrite: CoachRewrite): void;
  onPreviewRewrite(rewrite: CoachRewrite | null): void;
  /** Copies the site-health diagnostic report; resolves to whether it worked. */
  onCopyDiagnostics?(): Promise<boolean>;
  /** Copies a phrase the editor refused; resolves to whether it worked. */
  onCopyPhrase?(text: string): Promise<boolean>;
}

const shortcutLabel = (i: number) => `Alt+Shift+${i + 1}`;

export function CoachRoot({ state, handlers }: { state: CoachRootState; handlers: CoachHandlers }) {
  const { view } = state;
  if (!view) return null;
  return (
    <>
      <RiskOverlay boxes={state.highlights} activeId={state.previewId} />
      <CoachChip
        model={view.model}
        anchor={view.anchor}
        avoid={view.avoid}
        keepClear={view.keepClear}
        viewport={state.viewport}
        theme={view.theme}
        collapsed={state.collapsed}
        shortcutLabel={shortcutLabel}
        strings={COACH_STRINGS[state.uiLang] ?? COACH_STRINGS.en}
        health={state.health ?? null}
        failedPhrase={state.insertFailure?.phrase ?? null}
        {...handlers}
      />
    </>
  );
}
