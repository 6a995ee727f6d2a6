// A small key/value table for the feedback sources: the survey signing secret and each connector's cursor
// ("where it stopped"). The table comes from migration 5 (server/db/migrations.ts).
import type { Queryable } from '../db/index';

export async function getState<T>(db: Queryable, key: string): Promise<T | null> {
  const rows = await db.query<{ value: T }>('SELECT value FROM source_state WHERE key = $1', [key]);
  return rows[0]?.value ?? null;
}

export async function setState(db: Queryable, key: string, value: unknown): Promise<void> {
  await db.query(
    `INSERT INTO source_state (key, value, updated_at) VALUES ($1, $2::jsonb, now())
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
    [key, JSON.stringify(value)],
  );
}

/** Inserts `value` unless the key exists; returns the stored value either way (first writer wins). */
export async function getOrInitState<T>(db: Queryable, key: string, init: () => T): Promise<T> {
  await db.query('INSERT INTO source_state (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO NOTHING', [
    key,
    JSON.stringify(init()),
  ]);
  return (await getState<T>(db, key)) as T;
}
