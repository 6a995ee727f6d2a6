// One cached KPI response per window (`GET /api/v1/me/kpis?window=`); replaced whole on every sync.
export type KpiWindow = '7d' | '30d' | '90d';
export const KPI_WINDOWS: readonly KpiWindow[] = ['7d', '30d', '90d'];
export type Influence = 'inside' | 'edge' | 'outside';

/** A KPI for one slice (channel or case type). */
export interface KpiSlice {
  value: number | null;
  n: number;
}

/** The hub's KPI object, stored as sent. */
export interface Kpi {
  key: string;
  label: string;
  influence: Influence;
  value: number | null;
  unit: string;
  n: number;
  target: number | null;
  teamMedian: number | null;
  trend: { date: string; value: number | null }[];
  byChannel: Record<string, KpiSlice>;
  byCaseType: Record<string, KpiSlice>;
}

export interface KpiSnapshot {
  window: KpiWindow;
  /** ISO time of the sync that fetched it. */
  fetchedAt: string;
  kpis: Kpi[];
}
