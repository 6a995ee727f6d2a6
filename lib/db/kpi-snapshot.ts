// One cached KPI response per window (`GET /api/v1/me/kpis?window=`); replaced whole on every sync.
import type { HubKpi, KpiSlice } from '../contract/schemas';
import type { KpiWindow } from '../contract/vocab';

export { type Influence, KPI_WINDOWS, type KpiWindow } from '../contract/vocab';
export type { KpiSlice };

/** The hub's KPI object, stored as sent. */
export type Kpi = HubKpi;

export interface KpiSnapshot {
  window: KpiWindow;
  /** ISO time of the sync that fetched it. */
  fetchedAt: string;
  kpis: Kpi[];
}
