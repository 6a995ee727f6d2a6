import Dexie, { type EntityTable, type Table } from 'dexie';
import type { PhraseLibrary } from '../empathy/types';
import type { FeedbackItem } from './feedback';
import type { KpiSnapshot } from './kpi-snapshot';
import type { CursorMeta, MetaKey, MetaRecord, ReconcileMeta, SessionMeta, StatusMeta, UsageMeta } from './meta';
import type { OutboxEntry } from './outbox';
import type { PulseEntry } from './pulse';
import type { ReplyFlags } from './reply-flags';
import type { LeadRequest } from './request';
import { SCHEMA_VERSIONS, type SchemaVersion } from './schema';
import type { TeamCache } from './team-cache';
import type { Tip } from './tip';

export type { FeedbackChannel, FeedbackItem } from './feedback';
export type { Influence, Kpi, KpiSlice, KpiSnapshot, KpiWindow } from './kpi-snapshot';
export { KPI_WINDOWS } from './kpi-snapshot';
export type {
  CursorKey,
  CursorMeta,
  MetaKey,
  MetaRecord,
  ReconcileMeta,
  SessionMeta,
  SessionUser,
  StatusMeta,
  SyncState,
  UsageMeta,
  UserRole,
} from './meta';
export { SIGNED_OUT_STATUS } from './meta';
export type { OutboxEntry, OutboxKind } from './outbox';
export type { PulseEntry } from './pulse';
export type { ReplyFlags } from './reply-flags';
export type { LeadRequest } from './request';
export { LOCAL_ID_PREFIX } from './request';
export type { TeamCache, TeamCacheKey } from './team-cache';
export { TEAM_CACHE_KEYS } from './team-cache';
export type { Tip, TipAck } from './tip';

export const DB_NAME = 'attune';

/** The record type stored under a meta key. */
export type MetaOf<K extends MetaKey> = K extends 'session'
  ? SessionMeta
  : K extends 'status'
    ? StatusMeta
    : K extends 'usage'
      ? UsageMeta
      : K extends 'reconciled:feedback'
        ? ReconcileMeta
        : CursorMeta;

/** Declare the given schema versions on a Dexie instance (all of them for the app; a prefix in migration tests). */
export function declareVersions(dexie: Dexie, versions: readonly SchemaVersion[]): void {
  for (const v of versions) {
    const declared = dexie.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
}

/** The extension's database. Lives in the extension origin only (background, side panel, options). */
export class AttuneDB extends Dexie {
  kpiSnapshots!: EntityTable<KpiSnapshot, 'window'>;
  feedback!: EntityTable<FeedbackItem, 'id'>;
  tips!: EntityTable<Tip, 'id'>;
  requests!: EntityTable<LeadRequest, 'id'>;
  libraries!: EntityTable<PhraseLibrary, 'id'>;
  replyFlags!: EntityTable<ReplyFlags, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  pulse!: EntityTable<PulseEntry, 'date'>;
  team!: EntityTable<TeamCache, 'key'>;
  // A union of row shapes: EntityTable's insert type cannot take it, a plain Table can.
  meta!: Table<MetaRecord, MetaKey, MetaRecord>;

  constructor(name: string = DB_NAME) {
    super(name);
    declareVersions(this, SCHEMA_VERSIONS);
  }

  /** Typed read of one meta row, e.g. `db.getMeta('status')` inside a liveQuery. */
  async getMeta<K extends MetaKey>(key: K): Promise<MetaOf<K> | undefined> {
    return (await this.meta.get(key)) as MetaOf<K> | undefined;
  }

  /** Sign-out: every table emptied (the database itself stays, so open liveQueries keep working). */
  async wipe(): Promise<void> {
    await this.transaction('rw', this.tables, async () => {
      await Promise.all(this.tables.map((t) => t.clear()));
    });
  }
}

export const db = new AttuneDB();
