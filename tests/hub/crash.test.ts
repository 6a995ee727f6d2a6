// kill -9 of the hub in the middle of a stream of ingests loses no acknowledged record: send, record every
// 201, kill, restart on the same data, and check each acknowledged answer is there (replays are duplicates).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createIntegration, createTeam, createToken, createUser } from '../../server/admin';
import { type HubOptions, openHub } from '../../server/app';
import { PG_URL, answer, dropSchema, freshSchema, spawnHub } from './_fixture';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function prepare(opts: HubOptions) {
  const hub = await openHub(opts);
  const team = await createTeam(hub.db, 'Crash');
  await createUser(hub.db, { name: 'Agent', email: 'agent@crash.test', role: 'agent', teamId: team.id });
  const token = await createToken(hub.db, { integrationId: (await createIntegration(hub.db, 'crash', team.id)).id });
  hub.realtime.stop();
  await hub.db.close();
  return token;
}

const cases: [string, () => Promise<{ args: string[]; env: Record<string, string>; opts: HubOptions }>][] = [
  [
    'PGlite in a data folder',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'attune-crash-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      return { args: ['--data', dir], env: { DATABASE_URL: '' }, opts: { dataDir: dir } };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const schema = freshSchema('crash');
      cleanups.push(() => dropSchema(schema));
      return {
        args: [],
        env: { DATABASE_URL: PG_URL, ATTUNE_DB_SCHEMA: schema },
        opts: { databaseUrl: PG_URL, schema },
      };
    },
  ],
];

describe.each(cases)('kill -9 during ingestion on %s', (_name, make) => {
  // Two hub processes start and 150+ answers go through one by one: on a loaded 2-core machine that has taken
  // over a minute, so this test gets more room than the project's 60 s default.
  it('keeps every acknowledged answer', { timeout: 180_000 }, async () => {
    const { args, env, opts } = await make();
    const token = await prepare(opts);
    const hub = await spawnHub(args, env);
    const acked: Record<string, unknown>[] = [];
    let sent = 0;
    let stop = false;
    const sender = async () => {
      while (!stop) {
        const body = answer('agent@crash.test');
        sent++;
        try {
          const res = await fetch(`${hub.url}/api/v1/feedback`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          });
          if (res.status === 201) acked.push(body);
        } catch {
          return; // the hub is gone
        }
      }
    };
    const senders = Array.from({ length: 4 }, sender);
    // Kill once a good number of answers were acknowledged (work is in flight at that moment).
    while (acked.length < 150) await new Promise((r) => setTimeout(r, 20));
    await hub.kill9();
    stop = true;
    await Promise.all(senders);
    expect(acked.length).toBeGreaterThanOrEqual(150);
    expect(sent).toBeGreaterThan(acked.length - 1);

    const again = await spawnHub(args, env);
    try {
      for (let i = 0; i < acked.length; i += 1000) {
        const res = await fetch(`${again.url}/api/v1/feedback/batch`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(acked.slice(i, i + 1000)),
        });
        const body = (await res.json()) as { inserted: number; duplicates: number };
        // Every acknowledged answer is already stored: replaying them inserts nothing.
        expect(body.inserted).toBe(0);
        expect(body.duplicates).toBe(Math.min(1000, acked.length - i));
      }
    } finally {
      await again.stop();
    }
  });
});
