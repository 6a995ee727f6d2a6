import type { Transaction } from 'dexie';

// Every schema version the extension ever shipped, oldest first. Never edit or drop an entry: a browser
// may still hold a database at any of them (Dexie docs: keep every old version() declaration). To change
// the schema, append a version; add its sample data to tests/dom/db/migrations.test.ts.
export interface SchemaVersion {
  version: number;
  /** Dexie store specs: primary key first; index only fields used in where()/orderBy(). null deletes a table. */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      kpiSnapshots: 'window',
      feedback: 'id, answeredAt, updatedAt',
      tips: 'id, createdAt',
      libraries: 'id',
      replyFlags: '++id, ticketId, sentAt',
      outbox: '++seq',
      meta: 'key',
    },
  },
  {
    // v2: "ask my lead" requests, the daily pulse and the lead's team caches; tips gain a local read marker
    // (existing tips count as read so an upgrade does not light up the badge) and outbox entries gain
    // retry bookkeeping.
    version: 2,
    stores: {
      requests: 'id, feedbackId',
      pulse: 'date',
      team: 'key',
    },
    upgrade: async (tx) => {
      const upgradedAt = new Date().toISOString();
      await tx
        .table('tips')
        .toCollection()
        .modify((tip: Record<string, unknown>) => {
          if (!('readAt' in tip)) tip.readAt = upgradedAt;
        });
      await tx
        .table('outbox')
        .toCollection()
        .modify((entry: Record<string, unknown>) => {
          if (typeof entry.attempts !== 'number') entry.attempts = 0;
          if (!('lastError' in entry)) entry.lastError = null;
        });
    },
  },
];

export const LATEST_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1;
