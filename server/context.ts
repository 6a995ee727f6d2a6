// What every route and service gets: the database, the clock, the logger and the realtime bus.
import type { Logger } from 'pino';
import type { Db } from './db/index';
import type { KpiService } from './kpi/service';
import type { Principal } from './principal';
import type { Realtime } from './realtime/bus';

export interface HubContext {
  db: Db;
  now: () => Date;
  log: Logger;
  realtime: Realtime;
  kpis: KpiService;
  /** Base URL put in survey links; null: minting links is refused (see server/app.ts). */
  publicUrl: string | null;
}

export type { IntegrationPrincipal, Principal, UserPrincipal } from './principal';

/** Hono environment shared by every route module. */
export interface HubEnv {
  /** `callerTeam` is set by the middleware of that name (server/api/util.ts) on the routes that write into a team. */
  Variables: { hub: HubContext; principal: Principal; callerTeam: string };
}
