// The Zendesk part of `npm run bench:hub` (`--only zendesk`): an incremental sync of N ticket events
// (default 100,000; --zendesk-events) from the local Zendesk stub (tests/hub/stubs/zendesk.ts) into a hub,
// end to end: HTTP pages of 1000 audits, JSON parsing, user look-ups, mapping, ingestion with fair
// attribution and the cursor writes. The stub runs in a worker thread (scripts/bench-zendesk-stub.ts): Zendesk
// is another machine. Prints events/s and RSS: the stub's data is built before the baseline is taken, so
// the growth during the sync is the connector's (pages are processed a few at a time).
import { createTeam, createUser } from '../server/admin';
import type { startHubWithContext } from '../server/app';
import { type ConnectorConfig, saveConnector } from '../server/connectors/hooks/registry';
import { syncZendesk } from '../server/connectors/zendesk/sync';
import { Worker } from 'node:worker_threads';

type Running = Awaited<ReturnType<typeof startHubWithContext>>;
type Row = { what: string; db: string; result: string; target: string };

export async function benchZendesk(
  db: 'pglite' | 'postgres',
  events: number,
  withHub: <T>(db: 'pglite' | 'postgres', fn: (h: Running) => Promise<T>) => Promise<T>,
  rows: Row[],
  log: (msg: string) => void,
): Promise<void> {
  const agents = 20;
  // A worker does not inherit tsx's loader: register it, then load the TypeScript entry.
  const entry = new URL('./bench-zendesk-stub.ts', import.meta.url).href;
  const worker = new Worker(
    `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true, workerData: { events, agents } },
  );
  const { url } = await new Promise<{ url: string }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  try {
    await withHub(db, async (h) => {
      const team = await createTeam(h.hub.db, 'Zendesk bench');
      for (let a = 0; a < agents; a++) {
        await createUser(h.hub.db, { name: `A${a}`, email: `zd-agent${a}@bench.test`, role: 'agent', teamId: team.id });
      }
      const cfg: ConnectorConfig = {
        slug: 'bench',
        kind: 'zendesk',
        teamId: team.id,
        site: 'bench',
        baseUrl: url,
        email: 'bench@acme.test',
        tokenEnv: 'UNUSED',
        surveyWindowDays: 14,
        createdAt: new Date().toISOString(),
      };
      await saveConnector(h.hub.db, cfg);
      global.gc?.();
      const base = process.memoryUsage().rss;
      let peak = base;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 50);
      const started = performance.now();
      const report = await syncZendesk(h.hub, cfg, { token: 'bench-token' });
      const secs = (performance.now() - started) / 1000;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      if (!report.ok) throw new Error(`zendesk bench sync failed: ${report.error}`);
      const rate = report.inserted / secs;
      const mb = (b: number) => `${Math.round(b / 1048576)}`;
      rows.push({
        what: `zendesk incremental sync, ${report.inserted.toLocaleString('en')} events (${report.pages} pages)`,
        db,
        result: `${Math.round(rate).toLocaleString('en')} events/s; RSS ${mb(base)}→${mb(peak)} MB`,
        target: '>= 5,000 events/s',
      });
      log(
        `zendesk ${db}: ${report.inserted} events in ${secs.toFixed(1)} s = ${Math.round(rate)}/s, rss ${mb(base)} -> peak ${mb(peak)} MB`,
      );
    });
  } finally {
    worker.postMessage('close');
    await new Promise((r) => worker.once('exit', r));
  }
}
