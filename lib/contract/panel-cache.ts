// The lead's caches in the side panel (lib/db's `team` table: one row per team endpoint, its `data` the hub's
// answer as sent) and the schema each is read through: the same schemas the hub's team routes answer with
// (schemas.ts), so the panel reads what the contract says and nothing looser.
import type { z } from 'zod';
import {
  targetsSchema,
  teamKpisSchema,
  teamMembersSchema,
  teamPulseSchema,
  teamRequestsSchema,
  teamTipsSchema,
} from './schemas';

/** Keyed like lib/db's TeamCacheKey; components/panel/team/data.ts checks at compile time that none is missing. */
export const TEAM_CACHE_SCHEMAS = {
  'kpis:30d': teamKpisSchema,
  members: teamMembersSchema,
  tips: teamTipsSchema,
  requests: teamRequestsSchema,
  targets: targetsSchema,
  pulse: teamPulseSchema,
} as const;

export type TeamCacheName = keyof typeof TEAM_CACHE_SCHEMAS;

/** What a cache row holds once read through its schema. */
export type TeamCacheData = { [K in TeamCacheName]: z.output<(typeof TEAM_CACHE_SCHEMAS)[K]> };
