// Shared set-up for the hub suite: every test file runs against PGlite (in memory) and PostgreSQL (a fresh
// schema per file, dropped afterwards), with two teams of users and integration tokens.
import pg from 'pg';
import { createIntegration, createTeam, createToken, createUser } from '../../server/admin';
import { type HubOptions, startHubWithContext } from '../../server/app';
import type { HubContext } from '../../server/context';

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const BACKENDS = ['pglite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

let schemaCounter = 0;
export function freshSchema(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${schemaCounter++}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await c.end();
  }
}

export interface Person {
  id: string;
  name: string;
  email: string;
  token: string;
}

export interface World {
  url: string;
  hub: HubContext;
  clock: { now: Date };
  teamA: string;
  teamB: string;
  leadA: Person;
  agentA1: Person;
  agentA2: Person;
  leadB: Person;
  agentB1: Person;
  admin: Person;
  /** integration scoped to team A */
  ingestA: string;
  /** integration scoped to team B */
  ingestB: string;
  close(): Promise<void>;
  /** fetch with a bearer token and JSON body */
  call(
    method: string,
    path: string,
    token: string | null,
    body?: unknown,
    headers?: Record<string, string>,
    // biome-ignore lint/suspicious/noExplicitAny: tests read response fields directly and assert each one
  ): Promise<{ status: number; body: any; headers: Headers }>;
  count(table: string): Promise<number>;
}

export async function startWorld(backend: Backend, prefix: string, extra: HubOptions = {}): Promise<World> {
  const clock = { now: new Date('2026-06-15T12:00:00Z') };
  const schema = backend === 'postgres' ? freshSchema(prefix) : undefined;
  const running = await startHubWithContext({
    port: 0,
    logLevel: 'silent',
    now: () => clock.now,
    ...(schema ? { databaseUrl: PG_URL, schema } : {}),
    ...extra,
  });
  const db = running.hub.db;
  const teamA = await createTeam(db, 'Team A');
  const teamB = await createTeam(db, 'Team B');
  const person = async (name: string, role: 'agent' | 'lead' | 'admin', teamId: string | null): Promise<Person> => {
    const email = `${name.toLowerCase().replace(/\s+/g, '.')}@example.test`;
    const u = await createUser(db, { name, email, role, teamId });
    return { id: u.id, name, email, token: await createToken(db, { userId: u.id }) };
  };
  const leadA = await person('Lead A', 'lead', teamA.id);
  const agentA1 = await person('Agent A1', 'agent', teamA.id);
  const agentA2 = await person('Agent A2', 'agent', teamA.id);
  const leadB = await person('Lead B', 'lead', teamB.id);
  const agentB1 = await person('Agent B1', 'agent', teamB.id);
  const admin = await person('Admin', 'admin', null);
  const ingestA = await createToken(db, { integrationId: (await createIntegration(db, 'A', teamA.id)).id });
  const ingestB = await createToken(db, { integrationId: (await createIntegration(db, 'B', teamB.id)).id });
  return {
    url: running.url,
    hub: running.hub,
    clock,
    teamA: teamA.id,
    teamB: teamB.id,
    leadA,
    agentA1,
    agentA2,
    leadB,
    agentB1,
    admin,
    ingestA,
    ingestB,
    async close() {
      await running.close();
      if (schema) await dropSchema(schema);
    },
    async call(method, path, token, body, headers = {}) {
      const res = await fetch(running.url + path, {
        method,
        headers: {
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // non-JSON body (kept as text)
      }
      return { status: res.status, body: parsed, headers: res.headers };
    },
    async count(table) {
      const rows = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      return rows[0]?.n ?? 0;
    },
  };
}

let seq = 0;
/** A valid survey answer for an agent; override any field. */
export function answer(agentEmail: string, over: Record<string, unknown> = {}) {
  seq++;
  return {
    externalId: `fb-${process.pid}-${seq}`,
    contactId: `c-${seq}`,
    agent: { email: agentEmail },
    channel: 'chat',
    caseType: 'billing',
    answeredAt: '2026-06-15T10:00:00Z',
    empathy: 4,
    csat: 5,
    clarity: 4,
    nps: 9,
    comment: 'Thanks!',
    lang: 'en',
    ...over,
  };
}

export function event(contactId: string, type: string, at: string, over: Record<string, unknown> = {}) {
  seq++;
  return { externalId: `ev-${process.pid}-${seq}`, contactId, type, at, channel: 'chat', caseType: 'billing', ...over };
}

export interface SseEvent {
  event: string;
  data: string;
}

/** Reads /api/v1/stream the way the extension does (fetch streaming + Authorization header). */
export async function openStream(baseUrl: string, token: string) {
  const ac = new AbortController();
  const res = await fetch(`${baseUrl}/api/v1/stream`, {
    headers: { Authorization: `Bearer ${token}` },
    signal: ac.signal,
  });
  if (!res.ok || !res.body) throw new Error(`stream failed: ${res.status}`);
  const events: SseEvent[] = [];
  const waiters: { match: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }[] = [];
  let raw = '';
  const decoder = new TextDecoder();
  const reader = res.body.getReader();
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        raw += decoder.decode(value, { stream: true });
        let idx = raw.indexOf('\n\n');
        while (idx >= 0) {
          const block = raw.slice(0, idx);
          raw = raw.slice(idx + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
          }
          if (data.length > 0) {
            const e = { event, data: data.join('\n') };
            events.push(e);
            for (const w of [...waiters]) {
              if (w.match(e)) {
                waiters.splice(waiters.indexOf(w), 1);
                w.resolve(e);
              }
            }
          }
          idx = raw.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    res,
    events,
    /** Resolves with the first (past or future) event matching; rejects after timeoutMs. */
    waitFor(match: (e: SseEvent) => boolean, timeoutMs = 10_000): Promise<SseEvent> {
      const past = events.find(match);
      if (past) return Promise.resolve(past);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('timed out waiting for stream event')), timeoutMs);
        waiters.push({
          match,
          resolve: (e) => {
            clearTimeout(t);
            resolve(e);
          },
        });
      });
    },
    async close() {
      ac.abort();
      await pump;
    },
  };
}

/** Runs `server/cli.ts serve` in a child process (one node process, so kill -9 hits the server itself). */
export async function spawnHub(args: string[], env: Record<string, string> = {}) {
  const { spawn } = await import('node:child_process');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/cli.ts', 'serve', '--port', '0', '--log', 'silent', ...args],
    {
      cwd: new URL('../../', import.meta.url).pathname,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error(`hub did not start: ${stderr}`)), 60_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /"msg":"ready","url":"([^"]+)"/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(m[1] as string);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(t);
      reject(new Error(`hub exited with ${code}: ${stderr}`));
    });
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    url,
    pid: child.pid as number,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    /** Graceful stop (SIGTERM); resolves with the exit code. */
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
