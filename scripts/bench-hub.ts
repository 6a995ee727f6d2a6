// npm run bench:hub [-- --answers N] [--skip-kpis] [--only ingest|push|kpis]: hub speed figures (README.md, Benchmarks).
//  - ingest throughput, single POSTs and 1,000-answer batches, on PGlite (data folder) and PostgreSQL
//  - GET /api/v1/me/kpis p50/p95 with N answers (default 1,000,000) across 500 agents on PostgreSQL
//  - tip push latency (POST /tips -> `tip` event on a connected stream) p50/p95
// Prints a table; asserts nothing (targets are in the last column for the reader).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createIntegration, createTeam, createToken, createUser } from '../server/admin';
import { type HubOptions, startHubWithContext } from '../server/app';
import { rebuildAllAnswerDaily } from '../server/ingest';
import { benchZendesk } from './bench-zendesk';

const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const { values } = parseArgs({
  options: {
    answers: { type: 'string', default: '1000000' },
    'skip-kpis': { type: 'boolean', default: false },
    'kpi-requests': { type: 'string', default: '500' },
    only: { type: 'string' }, // ingest | push | kpis | zendesk
    'zendesk-events': { type: 'string', default: '100000' },
  },
});
const ANSWERS = Number(values.answers);
const AGENTS = 500;
const TEAM_SIZE = 10;

type Row = { what: string; db: string; result: string; target: string };
const rows: Row[] = [];
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
const log = (msg: string) => process.stderr.write(`${msg}\n`);

async function withHub<T>(
  db: 'pglite' | 'postgres',
  fn: (h: Awaited<ReturnType<typeof startHubWithContext>>) => Promise<T>,
) {
  const schema = `bench_${process.pid}_${Date.now().toString(36)}`;
  const dir = db === 'pglite' ? mkdtempSync(join(tmpdir(), 'attune-bench-')) : null;
  const opts: HubOptions = db === 'pglite' ? { dataDir: dir as string } : { databaseUrl: PG_URL, schema };
  const hub = await startHubWithContext({ ...opts, port: 0, logLevel: 'silent' });
  try {
    return await fn(hub);
  } finally {
    await hub.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (db === 'postgres') {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    }
  }
}

async function people(h: Awaited<ReturnType<typeof startHubWithContext>>, agents: number) {
  const db = h.hub.db;
  const out = {
    agents: [] as { id: string; email: string; token: string; teamId: string }[],
    leads: [] as string[],
    teams: [] as string[],
    /** An integration token per team: teams are sealed, a token writes into its own team only. */
    ingest: new Map<string, string>(),
  };
  for (let t = 0; t < Math.ceil(agents / TEAM_SIZE); t++) {
    const team = await createTeam(db, `Team ${t}`);
    out.teams.push(team.id);
    const lead = await createUser(db, {
      name: `Lead ${t}`,
      email: `lead${t}@bench.test`,
      role: 'lead',
      teamId: team.id,
    });
    out.leads.push(await createToken(db, { userId: lead.id }));
    for (let i = 0; i < TEAM_SIZE && out.agents.length < agents; i++) {
      const n = out.agents.length;
      const a = await createUser(db, {
        name: `Agent ${n}`,
        email: `agent${n}@bench.test`,
        role: 'agent',
        teamId: team.id,
      });
      out.agents.push({ id: a.id, email: a.email, token: await createToken(db, { userId: a.id }), teamId: team.id });
    }
    out.ingest.set(
      team.id,
      await createToken(db, { integrationId: (await createIntegration(db, 'bench', team.id)).id }),
    );
  }
  return out;
}

let seq = 0;
function randomAnswer(agentEmail: string) {
  seq++;
  const r = (n: number) => 1 + Math.floor(Math.random() * n);
  return {
    externalId: `bench-${seq}-${Math.random().toString(36).slice(2)}`,
    contactId: `bc-${seq}`,
    agent: { email: agentEmail },
    channel: ['chat', 'email', 'phone'][seq % 3],
    caseType: ['billing', 'delivery', 'technical', 'account', 'cancellation'][seq % 5],
    answeredAt: new Date(Date.now() - Math.floor(Math.random() * 90 * 86_400_000)).toISOString(),
    empathy: r(5),
    csat: r(5),
    clarity: r(5),
    nps: r(11) - 1,
    comment: seq % 3 === 0 ? 'Quick and friendly, thanks.' : undefined,
  };
}

async function pool<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>) {
  let i = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (i < items.length) await fn(items[i++] as T);
    }),
  );
}

async function benchIngest(db: 'pglite' | 'postgres') {
  await withHub(db, async (h) => {
    const p = await people(h, 50);
    const post = async (path: string, teamId: string, body: unknown) => {
      const res = await fetch(h.url + path, {
        method: 'POST',
        headers: { Authorization: `Bearer ${p.ingest.get(teamId)}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    };
    const pickAgent = (teamId?: string) => {
      const pool = teamId ? p.agents.filter((a) => a.teamId === teamId) : p.agents;
      return pool[Math.floor(Math.random() * pool.length)] as { email: string; teamId: string };
    };
    const single = Array.from({ length: db === 'pglite' ? 1000 : 3000 }, () => {
      const a = pickAgent();
      return { teamId: a.teamId, answer: randomAnswer(a.email) };
    });
    let t = performance.now();
    await pool(single, 8, (x) => post('/api/v1/feedback', x.teamId, x.answer));
    const singleRate = single.length / ((performance.now() - t) / 1000);
    rows.push({
      what: 'ingest, single POSTs (8 in flight)',
      db,
      result: `${Math.round(singleRate)} answers/s`,
      target: '-',
    });
    log(`${db} single: ${Math.round(singleRate)}/s`);
    // Each batch comes from one team's integration (a helpdesk export of that team).
    const batches = Array.from({ length: db === 'pglite' ? 20 : 40 }, (_, i) => {
      const teamId = p.teams[i % p.teams.length] as string;
      return { teamId, items: Array.from({ length: 1000 }, () => randomAnswer(pickAgent(teamId).email)) };
    });
    t = performance.now();
    await pool(batches, 2, (b) => post('/api/v1/feedback/batch', b.teamId, b.items));
    const batchRate = (batches.length * 1000) / ((performance.now() - t) / 1000);
    rows.push({
      what: 'ingest, batches of 1,000 (2 in flight)',
      db,
      result: `${Math.round(batchRate)} answers/s`,
      target: db === 'pglite' ? '>= 2,000/s' : '>= 5,000/s',
    });
    log(`${db} batch: ${Math.round(batchRate)}/s`);
  });
}

async function benchTipPush(db: 'pglite' | 'postgres') {
  await withHub(db, async (h) => {
    const p = await people(h, 10);
    const agent = p.agents[0] as { id: string; token: string };
    const ac = new AbortController();
    const res = await fetch(`${h.url}/api/v1/stream`, {
      headers: { Authorization: `Bearer ${agent.token}` },
      signal: ac.signal,
    });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const waiting = new Map<string, (t: number) => void>();
    // The event may arrive before the POST's response is read: remember arrival times too.
    const arrived = new Map<string, number>();
    let buf = '';
    const pump = (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buf += new TextDecoder().decode(value);
          for (const m of buf.matchAll(/event: tip\ndata: (.*)\n/g)) {
            const id = (JSON.parse(m[1] as string) as { id: string }).id;
            const at = performance.now();
            arrived.set(id, at);
            waiting.get(id)?.(at);
          }
          buf = buf.slice(buf.lastIndexOf('\n\n') + 2);
        }
      } catch {
        // aborted
      }
    })();
    const latencies: number[] = [];
    for (let i = 0; i < 100; i++) {
      const start = performance.now();
      const r = await fetch(`${h.url}/api/v1/tips`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${p.leads[0]}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ agentId: agent.id, text: `Tip ${i}` }),
      });
      const { id } = (await r.json()) as { id: string };
      const seen = await Promise.race([
        new Promise<number>((resolve) => {
          const early = arrived.get(id);
          if (early !== undefined) resolve(early);
          else waiting.set(id, resolve);
        }),
        new Promise<number>((resolve) => setTimeout(() => resolve(Number.NaN), 5000)),
      ]);
      latencies.push(Number.isNaN(seen) ? 5000 : seen - start);
    }
    ac.abort();
    await pump;
    rows.push({
      what: 'tip push latency (POST -> stream event)',
      db,
      result: `p50 ${pct(latencies, 50).toFixed(1)} ms, p95 ${pct(latencies, 95).toFixed(1)} ms`,
      target: 'p95 <= 200 ms',
    });
    log(`${db} tip push p95 ${pct(latencies, 95).toFixed(1)} ms`);
  });
}

async function benchKpis() {
  await withHub('postgres', async (h) => {
    const p = await people(h, AGENTS);
    const db = h.hub.db;
    let t = performance.now();
    log(`loading ${ANSWERS} answers, their contacts and events...`);
    await db.query(
      `INSERT INTO feedback (id, external_id, contact_id, agent_id, source_agent_id, attribution, team_id, channel,
         case_type, answered_at, empathy, csat, clarity, nps, comment, lang, seq)
       SELECT 'bf-' || g, 'bx-' || g, 'bc-' || g, a.id, a.id, 'last_reply', a.team_id,
         (ARRAY['chat','email','phone'])[1 + g % 3],
         (ARRAY['billing','delivery','technical','account','cancellation'])[1 + (g / 3) % 5],
         now() - (random() * 90 * 86400)::int * interval '1 second',
         1 + (random() * 4)::int, 1 + (random() * 4)::int, 1 + (random() * 4)::int, (random() * 10)::int,
         CASE WHEN g % 4 = 0 THEN 'Thanks for the help' END, 'en', nextval('change_seq')
       FROM generate_series(1, $1::int) g
       JOIN (SELECT id, team_id, (row_number() OVER (ORDER BY id) - 1)::int AS n FROM users WHERE role = 'agent') a
         ON a.n = g % ${AGENTS}`,
      [ANSWERS],
    );
    await db.query(
      `INSERT INTO contacts (team_id, contact_id, channel, case_type, created_at, first_reply_at, first_reply_agent_id,
         resolved_at, resolved_agent_id, reopened_at)
       SELECT team_id, contact_id, channel, case_type, answered_at - interval '3 hours',
         answered_at - interval '3 hours' + (random() * 120)::int * interval '1 minute', agent_id,
         answered_at - interval '20 minutes', agent_id,
         CASE WHEN random() < 0.1 THEN answered_at + (random() * 10)::int * interval '1 day' END
       FROM feedback`,
    );
    await db.query(
      `INSERT INTO events (id, team_id, external_id, contact_id, type, at, agent_id, channel, case_type)
       SELECT 'be-' || contact_id || '-' || k, team_id, 'bex-' || contact_id || '-' || k, contact_id,
         (ARRAY['created','agent_reply','resolved'])[k],
         CASE k WHEN 1 THEN created_at WHEN 2 THEN first_reply_at ELSE resolved_at END,
         CASE WHEN k = 1 THEN NULL ELSE first_reply_agent_id END, channel, case_type
       FROM contacts, generate_series(1, 3) k`,
    );
    await rebuildAllAnswerDaily(db);
    await db.query('VACUUM ANALYZE');
    log(`loaded in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    // The bulk load bypassed ingestion, as a restore would: compute the team medians as start-up does.
    t = performance.now();
    const warmed = await h.hub.kpis.warmAll();
    const warmS = (performance.now() - t) / 1000;
    rows.push({
      what: `team-median warm-up (${warmed} team x window)`,
      db: 'postgres',
      result: `${warmS.toFixed(1)} s, ${((warmS * 1000) / warmed).toFixed(0)} ms each`,
      target: '-',
    });
    const windows = ['7d', '30d', '90d'];
    const n = Number(values['kpi-requests']);
    const lat: number[] = [];
    // warm-up
    for (let i = 0; i < 20; i++) {
      await fetch(`${h.url}/api/v1/me/kpis?window=30d`, { headers: { Authorization: `Bearer ${p.agents[i]?.token}` } });
    }
    for (let i = 0; i < n; i++) {
      const agent = p.agents[Math.floor(Math.random() * p.agents.length)] as { token: string };
      t = performance.now();
      const res = await fetch(`${h.url}/api/v1/me/kpis?window=${windows[i % 3]}`, {
        headers: { Authorization: `Bearer ${agent.token}` },
      });
      await res.json();
      lat.push(performance.now() - t);
    }
    rows.push({
      what: `GET /me/kpis, ${ANSWERS.toLocaleString('en')} answers, ${AGENTS} agents (${n} req)`,
      db: 'postgres',
      result: `p50 ${pct(lat, 50).toFixed(1)} ms, p95 ${pct(lat, 95).toFixed(1)} ms`,
      target: 'p95 <= 25 ms',
    });
    log(`kpis p95 ${pct(lat, 95).toFixed(1)} ms`);
  });
}

const only = values.only;
if (!only || only === 'ingest') {
  await benchIngest('pglite');
  await benchIngest('postgres');
}
if (!only || only === 'push') {
  await benchTipPush('pglite');
  await benchTipPush('postgres');
}
if ((!only || only === 'kpis') && !values['skip-kpis']) await benchKpis();
if (!only || only === 'zendesk') {
  for (const db of ['pglite', 'postgres'] as const)
    await benchZendesk(db, Number(values['zendesk-events']), withHub, rows, log);
}

const widths = [54, 9, 34, 16];
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
console.log(line(['measure', 'database', 'result', 'target']));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line([r.what, r.db, r.result, r.target]));
