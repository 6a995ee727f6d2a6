// One small database interface over embedded PGlite and a PostgreSQL pool, so every query, migration and
// test runs on both. Queries are plain parameterised SQL; results are cast in SQL (::int, ::float8, ::text)
// so both drivers return the same JS types.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction; rolls back when it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** Runs a multi-statement script (migrations). */
  exec(sql: string): Promise<void>;
  /** Cross-process broadcast: NOTIFY on PostgreSQL, an in-process emitter on PGlite (single process). */
  publish(payload: string): Promise<void>;
  subscribe(fn: (payload: string) => void): () => void;
  close(): Promise<void>;
}

export interface DbOptions {
  dataDir?: string;
  databaseUrl?: string;
  schema?: string;
}

const CHANNEL = 'attune_events';

export function quoteIdent(name: string): string {
  if (!/^[a-zA-Z_][a-zA-Z0-9_]{0,62}$/.test(name)) throw new Error(`invalid schema name: ${name}`);
  return `"${name}"`;
}

export async function openDb(opts: DbOptions): Promise<Db> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.schema);
  return openPglite(opts.dataDir);
}

/**
 * PGlite is a single-process database: two processes opening one folder corrupt it. A lock file with the
 * owner's pid keeps a second opener out (a CLI command while `serve` runs gets a clear error); a lock left
 * by a dead process (kill -9, power loss) is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'attune-hub.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(readFileSync(file, 'utf8').trim());
      let alive = false;
      try {
        alive = Number.isInteger(owner) && owner > 0 && owner !== process.pid && process.kill(owner, 0);
      } catch (err) {
        alive = (err as NodeJS.ErrnoException).code === 'EPERM';
      }
      if (alive) {
        throw new Error(`the data folder ${dataDir} is in use by another hub process (pid ${owner}); stop it first`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock the data folder ${dataDir}`);
}

async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  let pgl: PGlite;
  try {
    pgl = dataDir ? new PGlite(dataDir) : new PGlite();
    await pgl.waitReady;
  } catch (e) {
    unlock();
    throw e;
  }
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  const wrap = (q: { query: PGlite['query'] }): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const r = await q.query<T>(sql, params as unknown[]);
      return r.rows;
    },
  });
  const base = wrap(pgl);
  return {
    kind: 'pglite',
    query: base.query,
    tx: (fn) => pgl.transaction((t) => fn(wrap(t))),
    async exec(sql) {
      await pgl.exec(sql);
    },
    async publish(payload) {
      // Deliver after the caller's await chain, like a NOTIFY after commit.
      setImmediate(() => bus.emit(CHANNEL, payload));
    },
    subscribe(fn) {
      bus.on(CHANNEL, fn);
      return () => bus.off(CHANNEL, fn);
    },
    async close() {
      bus.removeAllListeners();
      try {
        await pgl.close();
      } finally {
        unlock();
      }
    },
  };
}

async function openPostgres(url: string, schema?: string): Promise<Db> {
  const options = schema ? `-c search_path=${quoteIdent(schema)}` : undefined;
  const pool = new pg.Pool({ connectionString: url, max: 10, options });
  pool.on('error', () => {
    // An idle client died (e.g. server restart); the pool replaces it on the next query.
  });
  if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  let listener: pg.Client | null = null;
  let closed = false;
  const channel = schema ? `${CHANNEL}_${schema}`.slice(0, 63) : CHANNEL;

  // A dedicated connection for LISTEN, reconnected with a short backoff when it drops.
  const connectListener = async (): Promise<void> => {
    if (closed) return;
    const client = new pg.Client({ connectionString: url, options });
    client.on('notification', (msg) => {
      if (msg.channel === channel && msg.payload) bus.emit(CHANNEL, msg.payload);
    });
    client.on('error', () => {
      listener = null;
      client.end().catch(() => {});
      if (!closed) setTimeout(() => void connectListener().catch(() => {}), 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${quoteIdent(channel)}`);
    listener = client;
  };
  await connectListener();

  return {
    kind: 'postgres',
    async query<T>(sql: string, params?: unknown[]) {
      const r = await pool.query(sql, params);
      return r.rows as T[];
    },
    async tx(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          async query<T>(sql: string, params?: unknown[]) {
            const r = await client.query(sql, params);
            return r.rows as T[];
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async publish(payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    subscribe(fn) {
      bus.on(CHANNEL, fn);
      return () => bus.off(CHANNEL, fn);
    },
    async close() {
      closed = true;
      bus.removeAllListeners();
      await listener?.end().catch(() => {});
      await pool.end();
    },
  };
}
