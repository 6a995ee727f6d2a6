// Tests read the extension's database (lib/db, IndexedDB "attune") from one of its own pages with the plain
// IndexedDB API: an extension page shares the origin, so the build needs no test hook. Every read opens and
// closes its own connection, which never blocks the page's Dexie instance (or a schema upgrade).
import type { Page } from 'playwright-core';
import { DB_NAME } from '../../lib/db';

/** Every object store's row count. Throws when the database does not exist yet. */
export function tableCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      // No database yet: do not create an empty one under Dexie's feet.
      req.onupgradeneeded = () => req.transaction?.abort();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(new Error(`no database "${name}" in this extension page`));
    });
    try {
      const stores = [...db.objectStoreNames];
      const tx = db.transaction(stores, 'readonly');
      const counts = await Promise.all(
        stores.map(
          (s) =>
            new Promise<number>((resolve, reject) => {
              const req = tx.objectStore(s).count();
              req.onsuccess = () => resolve(req.result);
              req.onerror = () => reject(req.error);
            }),
        ),
      );
      return Object.fromEntries(stores.map((s, i) => [s, counts[i] ?? 0]));
    } finally {
      db.close();
    }
  }, DB_NAME);
}

/** Every row of one table (small tables only: tips, outbox, meta). */
export function tableRows<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    async ({ name, table }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onupgradeneeded = () => req.transaction?.abort();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(new Error(`no database "${name}" in this extension page`));
      });
      try {
        return await new Promise<T[]>((resolve, reject) => {
          const req = db.transaction(table, 'readonly').objectStore(table).getAll();
          req.onsuccess = () => resolve(req.result as T[]);
          req.onerror = () => reject(req.error);
        });
      } finally {
        db.close();
      }
    },
    { name: DB_NAME, table },
  );
}
