// The hub: HTTP API over PGlite or PostgreSQL. `startHub` is the one entry point (CLI, tests, npm start).
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { HTTPException } from 'hono/http-exception';
import pino, { type DestinationStream, type Logger } from 'pino';
import { healthSchema } from '../lib/contract/schemas';
import { BodyTooLarge, capBody, envBytes, tooLarge } from './api/body';
import { type HubApp, hubApp, hubRoute, json, noToken, OPENAPI_PATH, serveOpenApi } from './api/openapi';
import { bearer, resolveToken } from './auth';
import type { HubContext } from './context';
import { type Db, openDb } from './db/index';
import { migrate } from './db/migrations';
import { type DemoCredentials, seedDemo } from './demo/seed';

export type { DemoCredentials };
import { feedbackRoutes } from './features/feedback/routes';
import { ingestRoutes } from './features/ingest/routes';
import { pairingRoutes } from './features/pairing/routes';
import { phraseRoutes } from './features/phrases/routes';
import { profileRoutes } from './features/profile/routes';
import { pulseRoutes } from './features/pulse/routes';
import { replyFlagRoutes } from './features/reply-flags/routes';
import { requestRoutes } from './features/requests/routes';
import { targetRoutes } from './features/targets/routes';
import { tipRoutes } from './features/tips/routes';
import { kpiRoutes } from './kpi/routes';
import { KpiService } from './kpi/service';
import { Realtime } from './realtime/bus';
import { streamRoutes } from './realtime/stream';
import { mountSurvey } from './survey/mount';
import { mountHooks } from './connectors/hooks/routes';
import { safeError } from './log';
import { requestFor } from './features/requests/view';
import { tipFor } from './features/tips/view';

export interface HubOptions {
  /** default 8787; 0 = random */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** PGlite folder; neither dataDir nor databaseUrl = in-memory PGlite */
  dataDir?: string;
  /** postgres://… → PostgreSQL */
  databaseUrl?: string;
  /** PostgreSQL schema, for tests */
  schema?: string;
  seedDemo?: boolean;
  logLevel?: 'silent' | 'info' | 'debug';
  /** Where log lines go (default stdout); tests read them to check what is logged. */
  logDestination?: DestinationStream;
  now?: () => Date;
  /** Base URL for survey links (else ATTUNE_PUBLIC_URL; else, on a loopback address only, the listen URL). */
  publicUrl?: string;
  /** Largest request body on /api/v1, in bytes (default ATTUNE_MAX_BODY_BYTES or 32 MiB). */
  maxBodyBytes?: number;
  /** Jobs started with this hub and stopped with it (e.g. the scheduled RT sync of `serve`). */
  backgroundTasks?: BackgroundTask[];
}
export interface RunningHub {
  url: string;
  port: number;
  demo: DemoCredentials | null;
  close(): Promise<void>;
}

/**
 * Adds routes to the hub (survey pages, signed webhooks). Runs after the core API is mounted; JSON routes
 * are OpenAPIHono routes (server/api/openapi.ts), so they are in the generated document.
 */
export type RouteMount = (app: HubApp, hub: HubContext) => void;
/** Extra route modules; add yours here (one line). */
export const mountRoutes: RouteMount[] = [mountSurvey, mountHooks];
/** /api/v1 paths reachable without a token (besides /pair and /openapi.json). */
export const publicApiPaths = new Set<string>(['/api/v1/pair', OPENAPI_PATH]);
/** A job started with the hub (e.g. a scheduled connector; HubOptions.backgroundTasks); returns its stop function. */
export type BackgroundTask = (hub: HubContext) => (() => Promise<void> | void) | undefined;

const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key',
  'Access-Control-Max-Age': '86400',
};

const health = hubRoute({
  method: 'get',
  path: '/healthz',
  summary: 'Liveness and database check',
  ...noToken,
  responses: { 200: json(healthSchema, 'Up'), 503: json(healthSchema, 'The database does not answer') },
});

/** The hub's route modules under /api/v1, one per feature. */
const apiRoutes = (hub: HubContext, closing: AbortSignal): HubApp[] => [
  ingestRoutes(),
  profileRoutes(),
  kpiRoutes(),
  feedbackRoutes(),
  tipRoutes(),
  requestRoutes(),
  pulseRoutes(),
  replyFlagRoutes(),
  phraseRoutes(),
  targetRoutes(),
  pairingRoutes(hub),
  streamRoutes({ signal: closing }),
];

export function createApp(hub: HubContext, closing: AbortSignal, opts: { maxBodyBytes?: number } = {}): HubApp {
  const app = hubApp();
  app.use('*', async (c, next) => {
    c.set('hub', hub);
    const started = performance.now();
    // A NUL in an API path id (%00) can name no row: PostgreSQL refuses it in text, so it is a 404 here.
    const path = c.req.path;
    if (path.startsWith('/api/') && (path.includes('%00') || path.includes('\u0000')))
      return c.json({ error: 'not found' }, 404);
    await next();
    // The route pattern, never the path: survey links carry their token in it.
    hub.log.debug({
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: performance.now() - started,
    });
  });

  // Bearer tokens only, no cookies: any origin may call the API (the extension, outside tools).
  app.use('/api/v1/*', async (c, next) => {
    if (c.req.method === 'OPTIONS') return c.body(null, 204, CORS_HEADERS);
    await next();
    for (const [k, v] of Object.entries(CORS_HEADERS)) c.res.headers.set(k, v);
  });
  // The token is checked before any of the body is read: an unauthenticated upload costs one query, and the
  // connection is closed rather than drained.
  app.use('/api/v1/*', async (c, next) => {
    // Signed webhooks (/api/v1/hooks/…) carry an HMAC signature instead of a token (connectors/hooks/routes.ts).
    if (publicApiPaths.has(c.req.path) || c.req.path.startsWith('/api/v1/hooks/')) return next();
    const token = bearer(c.req.header('Authorization'));
    const principal = token ? await resolveToken(hub.db, token, new Date()) : null;
    if (!principal) {
      return c.json({ error: 'missing or invalid token' }, 401, { 'WWW-Authenticate': 'Bearer', Connection: 'close' });
    }
    c.set('principal', principal);
    await next();
  });
  app.use('/api/v1/*', capBody(opts.maxBodyBytes ?? envBytes('ATTUNE_MAX_BODY_BYTES', 32 * 1024 * 1024)));

  app.openapi(health, async (c) => {
    try {
      await hub.db.query('SELECT 1');
      return c.json({ ok: true, db: hub.db.kind, streams: hub.realtime.connections }, 200);
    } catch {
      return c.json({ ok: false, db: hub.db.kind }, 503);
    }
  });
  for (const routes of apiRoutes(hub, closing)) app.route('/api/v1', routes);
  for (const mount of mountRoutes) mount(app, hub);
  serveOpenApi(app);

  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError((err, c) => {
    if (err instanceof BodyTooLarge) return tooLarge(c);
    // A refusal thrown by hono or @hono/zod-openapi (e.g. 415 for a body of another media type) keeps its
    // status, in the API's error shape.
    if (err instanceof HTTPException && err.status < 500) return c.json({ error: err.message }, err.status);
    hub.log.error({ err: safeError(err), route: c.req.routePath }, 'request failed');
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}

/** Opens the database, applies migrations and wires the realtime bus; no HTTP. */
export async function openHub(opts: HubOptions = {}): Promise<HubContext> {
  const log: Logger = pino({ level: opts.logLevel ?? 'silent', base: { app: 'attune-hub' } }, opts.logDestination);
  const db: Db = await openDb({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl, schema: opts.schema });
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  const now = opts.now ?? (() => new Date());
  const realtime = new Realtime(db, log);
  const hub: HubContext = {
    db,
    now,
    log,
    realtime,
    kpis: new KpiService(db, realtime, now),
    publicUrl: opts.publicUrl ?? process.env.ATTUNE_PUBLIC_URL ?? null,
  };
  realtime.loaders = { tip: (u, id) => tipFor(db, u, id), request: (u, id) => requestFor(db, u, id) };
  realtime.start();
  return hub;
}

async function demoCredentials(hub: HubContext, opts: HubOptions): Promise<DemoCredentials | null> {
  const file = opts.dataDir ? join(opts.dataDir, 'demo-credentials.json') : null;
  const empty = (await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM teams'))[0]?.n === 0;
  if (empty) {
    const creds = await seedDemo(hub);
    if (file) {
      writeFileSync(file, JSON.stringify(creds, null, 2), { mode: 0o600 });
      chmodSync(file, 0o600);
    }
    return creds;
  }
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DemoCredentials;
  return null;
}

export async function startHub(opts: HubOptions = {}): Promise<RunningHub> {
  return startHubWithContext(opts);
}

/** startHub plus the hub's internals (database, clock, bus), for tests, benches and in-process tools. */
export async function startHubWithContext(opts: HubOptions = {}): Promise<RunningHub & { hub: HubContext }> {
  const hub = await openHub(opts);
  const demo = opts.seedDemo ? await demoCredentials(hub, opts) : null;
  const closing = new AbortController();
  const app = createApp(hub, closing.signal, { maxBodyBytes: opts.maxBodyBytes });
  const stops = (opts.backgroundTasks ?? []).map((task) => task(hub)).filter((s) => s !== undefined);
  // Team medians for every team, so the first KPI reads after a start need not compute them in line.
  hub.kpis.warmAll().catch((err) => hub.log.debug({ err: safeError(err) }, 'team median warm-up stopped'));
  const host = opts.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: opts.port ?? 8787, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  // A hub only reachable from this machine may put its own address in survey links; anything else needs
  // ATTUNE_PUBLIC_URL (the request's Host header is never used: a caller controls it).
  if (!hub.publicUrl && /^(127\.|::1$|localhost$)/.test(host)) hub.publicUrl = url;
  hub.log.info({ url, db: hub.db.kind, dataDir: opts.dataDir ?? null }, 'hub listening');
  let closed: Promise<void> | null = null;
  return {
    url,
    port,
    demo,
    hub,
    close() {
      closed ??= (async () => {
        closing.abort();
        hub.kpis.stop();
        for (const stop of stops) await stop?.();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Open streams were ended by `closing`; drop idle keep-alive sockets too.
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        });
        hub.realtime.stop();
        await hub.db.close();
        hub.log.info('hub stopped');
      })();
      return closed;
    },
  };
}
