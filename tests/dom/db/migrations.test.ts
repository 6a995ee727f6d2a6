// Upgrades a database from every earlier schema version, with data in it, to the latest (lib/db keeps every version() declaration).
import Dexie from 'dexie';
import { describe, expect, test } from 'vitest';
import { AttuneDB, declareVersions } from '../../../lib/db';
import { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../../lib/db/schema';

type Rows = Record<string, Record<string, unknown>[]>;

const feedbackRow = {
  id: 'f1',
  externalId: 'ext-1',
  contactId: 'c1',
  channel: 'chat',
  caseType: 'billing',
  answeredAt: '2026-11-01T10:00:00.000Z',
  empathy: 4,
  csat: 5,
  clarity: null,
  nps: 9,
  comment: 'Thanks for listening',
  lang: 'en',
  ticketUrl: null,
  reviewed: false,
  note: null,
  updatedAt: '2026-11-01T10:00:00.000Z',
};

/** What a browser could hold at each version. Every declared version except the latest needs an entry. */
const DATA_AT_VERSION: Record<number, Rows> = {
  1: {
    kpiSnapshots: [{ window: '30d', fetchedAt: '2026-11-01T10:00:00.000Z', kpis: [] }],
    feedback: [feedbackRow],
    // v1 tips had no local read marker; v1 outbox entries had no retry bookkeeping.
    tips: [
      {
        id: 't1',
        text: 'Summarise what you heard first.',
        author: { id: 'u-lead', name: 'Lena' },
        feedbackId: null,
        kpi: 'empathy',
        due: null,
        createdAt: '2026-11-01T09:00:00.000Z',
        updatedAt: '2026-11-01T09:00:00.000Z',
        ack: null,
      },
    ],
    libraries: [{ id: 'favourites', name: 'Mine', phrases: [] }],
    replyFlags: [
      {
        site: 'attune-demo',
        ticketId: '42',
        channel: 'email',
        behaviors: ['apology'],
        sentAt: '2026-11-01T11:00:00.000Z',
      },
    ],
    outbox: [
      {
        kind: 'tip:ack',
        path: '/api/v1/tips/t1/ack',
        body: { comment: 'ok' },
        idempotencyKey: 'k-1',
        createdAt: '2026-11-01T12:00:00.000Z',
      },
    ],
    meta: [
      { key: 'status', state: 'online', lastSyncedAt: '2026-11-01T10:00:00.000Z', lastError: null, nextRetryAt: null },
      { key: 'cursor:feedback', value: 'abc' },
    ],
  },
};

/** What each upgrade must have done, checked on the upgraded database. */
const AFTER_UPGRADE_FROM: Record<number, (db: AttuneDB) => Promise<void>> = {
  1: async (db) => {
    const tip = await db.tips.get('t1');
    expect(typeof tip?.readAt).toBe('string');
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ attempts: 0, lastError: null, idempotencyKey: 'k-1' });
    // Tables added in v2 exist and take rows.
    await db.requests.put({
      id: 'r1',
      feedbackId: 'f1',
      question: 'q',
      answer: null,
      createdAt: 'x',
      answeredAt: null,
    });
    await db.pulse.put({ date: '2026-11-02', mood: 4 });
    await db.team.put({ key: 'members', data: [], fetchedAt: 'x' });
    expect(await db.requests.where('feedbackId').equals('f1').count()).toBe(1);
  },
};

const earlierVersions = SCHEMA_VERSIONS.filter((v) => v.version < LATEST_SCHEMA_VERSION).map((v) => v.version);

describe('Dexie schema versions', () => {
  test('versions are declared in increasing order and there is more than one', () => {
    const numbers = SCHEMA_VERSIONS.map((v) => v.version);
    expect(numbers.length).toBeGreaterThan(1);
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  test('every earlier version has sample data and upgrade expectations', () => {
    for (const v of earlierVersions) {
      expect(DATA_AT_VERSION[v], `sample data for v${v}`).toBeDefined();
      expect(AFTER_UPGRADE_FROM[v], `upgrade checks for v${v}`).toBeDefined();
    }
  });

  test.each(earlierVersions)('upgrades from v%i with data in every table', async (from) => {
    const name = `attune-migration-${from}-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    declareVersions(
      old,
      SCHEMA_VERSIONS.filter((v) => v.version <= from),
    );
    await old.open();
    const data = DATA_AT_VERSION[from] ?? {};
    const tablesAtVersion = old.tables.map((t) => t.name).sort();
    expect(Object.keys(data).sort()).toEqual(tablesAtVersion);
    for (const [table, rows] of Object.entries(data)) await old.table(table).bulkAdd(rows);
    old.close();

    const db = new AttuneDB(name);
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    for (const [table, rows] of Object.entries(data)) {
      expect(await db.table(table).count(), `rows kept in ${table}`).toBe(rows.length);
    }
    expect(await db.feedback.get('f1')).toEqual(feedbackRow);
    expect(await db.getMeta('cursor:feedback')).toEqual({ key: 'cursor:feedback', value: 'abc' });
    await AFTER_UPGRADE_FROM[from]?.(db);
    db.close();
    await Dexie.delete(name);
  });

  test('a fresh database opens at the latest version with every table of the contract', async () => {
    const db = new AttuneDB(`attune-fresh-${crypto.randomUUID()}`);
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [
        'feedback',
        'kpiSnapshots',
        'libraries',
        'meta',
        'outbox',
        'pulse',
        'replyFlags',
        'requests',
        'team',
        'tips',
      ].sort(),
    );
    expect(db.feedback.schema.indexes.map((i) => i.name).sort()).toEqual(['answeredAt', 'updatedAt']);
    await db.delete();
  });

  test('wipe empties every table and leaves the database usable', async () => {
    const db = new AttuneDB(`attune-wipe-${crypto.randomUUID()}`);
    await db.feedback.put(feedbackRow as never);
    await db.meta.put({ key: 'cursor:tips', value: '7' });
    await db.wipe();
    for (const t of db.tables) expect(await t.count(), t.name).toBe(0);
    await db.meta.put({ key: 'cursor:tips', value: '8' });
    expect(await db.getMeta('cursor:tips')).toEqual({ key: 'cursor:tips', value: '8' });
    await db.delete();
  });
});
