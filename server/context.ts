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
  /** Base URL put in survey links; null: minting links is refused (see server/app.ts). */
  publicUrl: string | null;
}

export interface UserPrincipal {
  kind: 'user';
  id: string;
  name: string;
  email: string;
  role: 'agent' | 'lead' | 'admin';
  teamId: string | null;
  teamName: string | null;
  /** SHA-256 of the bearer token (revocation ends the streams opened with it). */
  tokenHash: string;
  /**
   * False for a device paired with a lead's pairing code: that session works for the agent but never reads
   * or writes the agent's private notes and pulse (only the agent's own sessions do).
   */
  privateAccess: boolean;
}
export interface IntegrationPrincipal {
  kind: 'integration';
  id: string;
  name: string;
  /** The team it writes into. Null (older, unscoped tokens): every request must name a team (Attune-Team). */
  teamId: string | null;
  tokenHash: string;
}
export type Principal = UserPrincipal | IntegrationPrincipal;

/** Hono environment shared by every route module. */
export interface HubEnv {
  Variables: { hub: HubContext; principal: Principal };
}
