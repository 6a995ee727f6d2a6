// The chip's state: the zustand store the UI (components/coach) renders, filled from the active composer's
// analysis, and its geometry (anchor, highlights, what to keep clear), read at most once per frame.
import { createStore } from 'zustand/vanilla';
import type { CoachRootState } from '../../components/coach/CoachRoot';
import type { COACH_STRINGS } from '../../components/coach/strings';
import type { HighlightBox } from '../../components/coach/types';
import { buildCoachModel } from '../../entrypoints/coach.content/model';
import type { Lang } from '../empathy/types';
import { sendButtons } from './sent-reply';
import { box, type CustomerThread } from './thread';
import type { CoachDeps, Tracked } from './types';

export type CoachStore = ReturnType<typeof createCoachStore>;

/** What the UI renders, and the analysis counter (components/coach/CoachRoot.tsx, AnalysisMark). */
export type CoachStoreState = CoachRootState & { revision: number };

export function createCoachStore(uiLang: Lang = 'en') {
  // The viewport is read in layout(): reading innerWidth at start-up would force the page's first layout.
  return createStore<CoachStoreState>(() => ({
    revision: 0,
    view: null,
    collapsed: false,
    highlights: [],
    previewId: null,
    viewport: { width: 0, height: 0 },
    uiLang,
  }));
}

/** Dark when the nearest opaque background behind the composer is dark (page themes, not the OS setting). */
export function detectTheme(el: Element, win: Window): 'light' | 'dark' {
  for (let n: Element | null = el; n; n = n.parentElement) {
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(
      win.getComputedStyle(n).backgroundColor,
    );
    if (!m || (m[4] !== undefined && Number(m[4]) < 0.5)) continue;
    const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
  }
  return win.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export interface Chip {
  /** Shows the active composer's analysis (or nothing). */
  render(): void;
  /** Reads geometry in the next frame. */
  scheduleLayout(): void;
  /** The agent dismissed a suggestion: hidden until the next ticket. */
  dismiss(id: string): void;
  /** A new ticket: dismissed suggestions may come back. */
  forgetDismissed(): void;
  dispose(): void;
}

export function createChip(
  deps: Pick<CoachDeps, 'doc' | 'win' | 'adapter' | 'messaging' | 'mountUi' | 'signal'>,
  store: CoachStore,
  strings: (typeof COACH_STRINGS)[Lang],
  thread: CustomerThread,
  active: () => Tracked | null,
): Chip {
  const { doc, win, adapter, messaging, signal } = deps;
  const hidden = new Set<string>();
  const shown = new Set<string>();
  let uiMounted = false;
  let frame = 0;
  let revision = 0;

  const render = () => {
    const t = active();
    if (!t || t.closed || !t.analysis || signal.aborted) {
      store.setState({ view: null, highlights: [], insertFailure: null });
      return;
    }
    // A refused insertion's notice lasts until the draft changes (a keystroke, or an insertion that landed).
    const failure = store.getState().insertFailure;
    if (failure && failure.draft !== t.draft) store.setState({ insertFailure: null });
    if (!uiMounted) {
      uiMounted = true;
      deps.mountUi();
    }
    const built = buildCoachModel({
      audience: t.audience,
      draft: t.draft,
      analysis: t.analysis,
      customer: thread.customer,
      customerText: thread.text,
      hidden,
      strings,
    });
    const prev = store.getState().view;
    // Most keystrokes leave the advice as it was (the middle of a word): then the view stays the same object
    // and only the analysis counter moves, so the chip does not re-render in the keystroke's frame.
    const model = prev && sameJson(prev.model, built) ? prev.model : built;
    for (const s of model.suggestions) {
      if (shown.has(s.id)) continue;
      shown.add(s.id);
      messaging.usage({ suggestionId: s.id, event: 'shown' });
    }
    if (prev && model === prev.model) {
      store.setState({ revision: ++revision });
      scheduleLayout();
      return;
    }
    if (!prev) store.setState({ viewport: { width: win.innerWidth, height: win.innerHeight } });
    // Geometry is refreshed in the next frame (layout()); reading it here would force a synchronous
    // layout of the freshly typed-in editor on every keystroke.
    store.setState({
      revision: ++revision,
      view: {
        model,
        anchor: prev?.anchor ?? box(t.bridge.anchor.getBoundingClientRect()),
        avoid: prev?.avoid ?? sendButtons(adapter, doc, t).map((b) => box(b.getBoundingClientRect())),
        keepClear: prev?.keepClear ?? thread.keepClear(),
        theme: prev?.theme ?? detectTheme(t.bridge.anchor, win),
      },
    });
    scheduleLayout();
  };

  // Geometry (overlay rects, anchor) is read once per frame, after the keystroke's chip update.
  const scheduleLayout = () => {
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      layout();
    });
  };
  const layout = () => {
    const t = active();
    const state = store.getState();
    if (!t || !state.view || signal.aborted) return;
    if (!t.bridge.anchor.isConnected) return;
    const rewrites = state.view.model.rewrites;
    const rects = rewrites.length > 0 ? t.bridge.rectsFor(rewrites.map((r) => r.span)) : [];
    const highlights: HighlightBox[] = [];
    rewrites.forEach((r, i) => {
      for (const rect of rects[i] ?? []) highlights.push({ id: r.id, risk: r.risk, ...box(rect) });
    });
    const view = state.view;
    // Geometry that did not move keeps its objects, and nothing at all moved sets nothing: typing in a
    // long draft usually moves none of it, and every store update re-renders the chip and the overlay in
    // the keystroke's frame.
    const keep = <T>(before: T, after: T): T => (sameJson(before, after) ? before : after);
    const next = {
      highlights: keep(state.highlights, highlights),
      viewport: keep(state.viewport, { width: win.innerWidth, height: win.innerHeight }),
      anchor: keep(view.anchor, box(t.bridge.anchor.getBoundingClientRect())),
      avoid: keep(
        view.avoid,
        sendButtons(adapter, doc, t).map((b) => box(b.getBoundingClientRect())),
      ),
      keepClear: keep(view.keepClear, thread.keepClear()),
    };
    if (
      next.highlights === state.highlights &&
      next.viewport === state.viewport &&
      next.anchor === view.anchor &&
      next.avoid === view.avoid &&
      next.keepClear === view.keepClear
    ) {
      return;
    }
    store.setState({
      highlights: next.highlights,
      viewport: next.viewport,
      view: { ...view, anchor: next.anchor, avoid: next.avoid, keepClear: next.keepClear },
    });
  };

  return {
    render,
    scheduleLayout,
    dismiss(id) {
      hidden.add(id);
      messaging.usage({ suggestionId: id, event: 'dismissed' });
      render();
    },
    forgetDismissed() {
      hidden.clear();
    },
    dispose() {
      if (frame) win.cancelAnimationFrame(frame);
    },
  };
}

/** Plain data (models, boxes) compared by value: small objects, far cheaper than a render. */
function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
