// The Zendesk part of `npm run bench:hub` (`--only zendesk`): an incremental sync of N ticket events
// (default 100,000; --zendesk-events) from the local Zendesk stub (tests/hub/stubs/zendesk.ts) into a hub,
// end to end: HTTP pages of 1000 audits, JSON parsing, user look-ups, mapping, ingestion with fair
// attribution and the cursor write per page. Prints events/s and RSS: the stub's data is built before the
// baseline is taken, so the growth during the sync is the connector's (pages are processed one at a time).
import { createTeam, createUser } from '../server/admin';
import type { startHubWithContext } from '../server/app';
import { type ConnectorConfig, saveConnector } from '../server/connectors/hooks/registry';
import { syncZendesk } from '../server/connectors/zendesk/sync';
import { audit, child, startZendeskStub } from '../tests/hub/stubs/zendesk';

type Running = Awaited<ReturnType<typeof startHubWithContext>>;
type Row = { what: string; db: string; result: string; target: string };

export async function benchZendesk(
  db: 'pglite' | 'postgres',
  events: number,
  withHub: <T>(db: 'pglite' | 'postgres', fn: (h: Running) => Promise<T>) => Promise<T>,
  rows: Row[],
  log: (msg: string) => void,
): Promise<void> {
  const stub = await startZendeskStub({ email: 'bench@acme.test', token: 'bench-token' });
  try {
    const agents = 20;
    for (let a = 0; a < agents; a++) {
      stub.users.set(100 + a, { id: 100 + a, email: `zd-agent${a}@bench.test`, role: 'agent', name: `A${a}` });
    }
    stub.users.set(1, { id: 1, email: 'customer@client.test', role: 'end-user', name: 'C' });
    // Per ticket: created, customer reply, agent reply, solved (one hub event per audit), one second apart.
    const t0 = Date.UTC(2026, 0, 1) / 1000;
    const tickets = Math.ceil(events / 4);
    for (let i = 0; i < tickets; i++) {
      const agent = 100 + (i % agents);
      const ts = t0 + i * 4;
      stub.audits.push(
        audit(i + 1, ts, 1, [child.create()]),
        audit(i + 1, ts + 1, 1, [child.comment(1, true, 'Where is my parcel?')]),
        audit(i + 1, ts + 2, agent, [child.comment(agent, true, 'It ships today.'), child.notification()]),
        audit(i + 1, ts + 3, agent, [child.status('open', 'solved')]),
      );
    }
    stub.audits.length = Math.min(stub.audits.length, events);
    stub.sort();
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
        baseUrl: stub.url,
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
    await stub.close();
  }
}
