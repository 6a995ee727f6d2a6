// The side panel's UI state: one combined zustand store built from slices (zustand docs, slices-pattern.md).
// Records (KPIs, feedback, tips...) live in Dexie and are read with useLiveQuery; only what the agent is
// doing right now lives here: the tab, filters, the selected item and unsent form drafts.
import { create, type StateCreator } from 'zustand';
import { type ContactChannel, DEFAULT_KPI_WINDOW, type KpiWindow } from '../contract/vocab';

export { KPI_WINDOWS, type KpiWindow } from '../contract/vocab';
export type PanelTab = 'kpis' | 'feedback' | 'coaching' | 'pulse' | 'team';

export type FeedbackPeriod = KpiWindow | 'all';
export type FeedbackChannelFilter = 'all' | ContactChannel;
/** low: any rating 1-2 (NPS 0-6); high: every given rating 4-5 (NPS 9-10). */
export type FeedbackRatingFilter = 'all' | 'low' | 'high';

export interface FeedbackFilters {
  period: FeedbackPeriod;
  channel: FeedbackChannelFilter;
  rating: FeedbackRatingFilter;
  hasComment: boolean;
}

export const DEFAULT_FEEDBACK_FILTERS: FeedbackFilters = {
  period: DEFAULT_KPI_WINDOW,
  channel: 'all',
  rating: 'all',
  hasComment: false,
};

export interface NavSlice {
  tab: PanelTab;
  setTab: (tab: PanelTab) => void;
}

export interface KpiSlice {
  kpiWindow: KpiWindow;
  setKpiWindow: (w: KpiWindow) => void;
}

export interface FeedbackSlice {
  feedbackFilters: FeedbackFilters;
  setFeedbackFilter: <K extends keyof FeedbackFilters>(key: K, value: FeedbackFilters[K]) => void;
  /** The feedback item opened in the list (its note / ask-my-lead forms are shown). */
  selectedFeedbackId: string | null;
  selectFeedback: (id: string | null) => void;
  /** Jump from a tip's linked feedback to the Feedback view. */
  showFeedback: (id: string) => void;
}

export interface DraftSlice {
  /** Unsent text of forms, keyed e.g. 'note:<feedbackId>', 'ask:<feedbackId>', 'ack:<tipId>', 'tip:compose'. */
  drafts: Record<string, string>;
  setDraft: (key: string, text: string) => void;
  clearDraft: (key: string) => void;
}

export type PanelState = NavSlice & KpiSlice & FeedbackSlice & DraftSlice;

const createNavSlice: StateCreator<PanelState, [], [], NavSlice> = (set) => ({
  tab: 'kpis',
  setTab: (tab) => set({ tab }),
});

const createKpiSlice: StateCreator<PanelState, [], [], KpiSlice> = (set) => ({
  kpiWindow: DEFAULT_KPI_WINDOW,
  setKpiWindow: (kpiWindow) => set({ kpiWindow }),
});

const createFeedbackSlice: StateCreator<PanelState, [], [], FeedbackSlice> = (set) => ({
  feedbackFilters: DEFAULT_FEEDBACK_FILTERS,
  setFeedbackFilter: (key, value) => set((s) => ({ feedbackFilters: { ...s.feedbackFilters, [key]: value } })),
  selectedFeedbackId: null,
  selectFeedback: (selectedFeedbackId) => set({ selectedFeedbackId }),
  // A linked item may be older than the current period filter: widen it so the item is in the list.
  showFeedback: (id) =>
    set({ tab: 'feedback', selectedFeedbackId: id, feedbackFilters: { ...DEFAULT_FEEDBACK_FILTERS, period: 'all' } }),
});

const createDraftSlice: StateCreator<PanelState, [], [], DraftSlice> = (set) => ({
  drafts: {},
  setDraft: (key, text) => set((s) => ({ drafts: { ...s.drafts, [key]: text } })),
  clearDraft: (key) =>
    set((s) => {
      const { [key]: _removed, ...rest } = s.drafts;
      return { drafts: rest };
    }),
});

export const usePanelStore = create<PanelState>()((...a) => ({
  ...createNavSlice(...a),
  ...createKpiSlice(...a),
  ...createFeedbackSlice(...a),
  ...createDraftSlice(...a),
}));

const initialPanelState = usePanelStore.getState();

/** Tests start every case from the initial UI state (zustand docs: testing). */
export function resetPanelStore(): void {
  usePanelStore.setState(initialPanelState, true);
}

/** Selector for one draft, '' when none. */
export const selectDraft = (key: string) => (s: PanelState) => s.drafts[key] ?? '';
