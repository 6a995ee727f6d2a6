// Sync state, one row per key. The token is not here: it lives in browser.storage.local.
import type { HubUser } from '../contract/schemas';
import type { Role } from '../contract/vocab';
import type { SuggestionUsage } from '../empathy/types';

export type UserRole = Role;

/** The signed-in user as the hub described them (`GET /api/v1/me`). */
export type SessionUser = HubUser;

export type SyncState = 'signed-out' | 'syncing' | 'online' | 'offline';

export interface SessionMeta {
  key: 'session';
  hubUrl: string;
  user: SessionUser;
}

export interface StatusMeta {
  key: 'status';
  state: SyncState;
  lastSyncedAt: string | null;
  lastError: string | null;
  nextRetryAt: string | null;
}

export type CursorKey = 'cursor:feedback' | 'cursor:tips';

export interface CursorMeta {
  key: CursorKey;
  value: string | null;
}

/** When the local feedback was last checked against the hub's full list (drops answers re-attributed away). */
export interface ReconcileMeta {
  key: 'reconciled:feedback';
  value: string;
}

export interface UsageMeta {
  key: 'usage';
  value: SuggestionUsage;
}

export type MetaRecord = SessionMeta | StatusMeta | CursorMeta | UsageMeta | ReconcileMeta;
export type MetaKey = MetaRecord['key'];

export const SIGNED_OUT_STATUS: StatusMeta = {
  key: 'status',
  state: 'signed-out',
  lastSyncedAt: null,
  lastError: null,
  nextRetryAt: null,
};
