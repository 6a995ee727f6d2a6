// Lead-mode caches hold the hub's responses as sent (`team` table, `data: unknown`). They are read through the
// contract's schemas (lib/contract/panel-cache.ts), the ones the hub's team routes answer with. A row that does
// not parse (written by an older version, or damaged) is left out and named in `corrupt`, so the Team view can
// fetch it again, instead of throwing or drawing half-read data. The readers below turn parsed rows into what
// the sections draw.
import { TEAM_CACHE_SCHEMAS, type TeamCacheData } from '../../../lib/contract/panel-cache';
import type { Kpi, TeamCache, TeamCacheKey } from '../../../lib/db';

// Every cache key the database knows has a schema (a compile error here otherwise).
const SCHEMAS: { [K in TeamCacheKey]: (typeof TEAM_CACHE_SCHEMAS)[K] } = TEAM_CACHE_SCHEMAS;

export interface TeamCaches {
  data: Partial<TeamCacheData>;
  fetchedAt: Partial<Record<TeamCacheKey, string>>;
  /** Rows whose data does not match their schema, left out of `data`. */
  corrupt: TeamCacheKey[];
}

export function readTeamCaches(rows: readonly TeamCache[]): TeamCaches {
  const out: TeamCaches = { data: {}, fetchedAt: {}, corrupt: [] };
  const data = out.data as Record<TeamCacheKey, unknown>;
  for (const row of rows) {
    const schema = SCHEMAS[row.key] as (typeof SCHEMAS)[TeamCacheKey] | undefined;
    const parsed = schema?.safeParse(row.data);
    if (parsed?.success) {
      data[row.key] = parsed.data;
      out.fetchedAt[row.key] = row.fetchedAt;
    } else out.corrupt.push(row.key);
  }
  return out;
}

export type TeamMember = TeamCacheData['members']['items'][number];

export function readMembers(data: TeamCacheData['members'] | undefined): TeamMember[] {
  return data?.items ?? [];
}

export interface TeamKpis {
  team: Kpi[];
  agents: { id: string; name: string; kpis: Kpi[] }[];
}

export function readTeamKpis(data: TeamCacheData['kpis:30d'] | undefined): TeamKpis {
  return data ? { team: data.team, agents: data.agents } : { team: [], agents: [] };
}

export type TeamTip = TeamCacheData['tips']['items'][number];

export function readTeamTips(data: TeamCacheData['tips'] | undefined): TeamTip[] {
  return data?.items ?? [];
}

export type TeamRequest = TeamCacheData['requests']['items'][number];

export function readTeamRequests(data: TeamCacheData['requests'] | undefined): TeamRequest[] {
  return data?.items ?? [];
}

export type TeamTarget = TeamCacheData['targets']['items'][number];

export function readTargets(data: TeamCacheData['targets'] | undefined): TeamTarget[] {
  return data?.items ?? [];
}

export type PulseDay =
  | { date: string; suppressed: true }
  | { date: string; suppressed: false; n: number; mean: number };

/** Days with fewer than 5 answers stay suppressed here too, whatever the cache holds. */
export function readTeamPulse(data: TeamCacheData['pulse'] | undefined): PulseDay[] {
  return (data?.items ?? []).map((d): PulseDay => {
    if ('suppressed' in d || d.n < 5) return { date: d.date, suppressed: true };
    return { date: d.date, suppressed: false, n: d.n, mean: d.mean };
  });
}
