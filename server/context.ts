// What every route and service gets: the database, the clock, the logger and the realtime bus.
import type { Logger } from 'pino';
import type { Db } from './db/index';
import type { KpiService } from './kpi/service';
import type { Realtime } from './realtime/bus';

export interface HubContext {
  db: Db;
  now: () => Date;
  log: Logger;
  realtime: Realtime;
  kpis: KpiService;
}

export interface UserPrincipal {
  kind: 'user';
  id: string;
  name: string;
  email: string;
  role: 'agent' | 'lead' | 'admin';
  teamId: string | null;
  teamName: string | null;
}
export interface IntegrationPrincipal {
  kind: 'integration';
  id: string;
  name: string;
  /** Null: may send data for agents of any team. */
  teamId: string | null;
}
export type Principal = UserPrincipal | IntegrationPrincipal;

/** Hono environment shared by every route module. */
export interface HubEnv {
  Variables: { hub: HubContext; principal: Principal };
}
