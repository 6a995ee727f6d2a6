// Lead-mode caches: one row per team endpoint, replaced whole on every sync. `data` is the hub's response.
export type TeamCacheKey = 'kpis:30d' | 'members' | 'tips' | 'requests' | 'targets' | 'pulse';
export const TEAM_CACHE_KEYS: readonly TeamCacheKey[] = ['kpis:30d', 'members', 'tips', 'requests', 'targets', 'pulse'];

export interface TeamCache {
  key: TeamCacheKey;
  data: unknown;
  fetchedAt: string;
}
