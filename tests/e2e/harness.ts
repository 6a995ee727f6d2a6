// Shared real-browser harness: Debian's Chromium driven by playwright-core with the built extension loaded,
// a real hub (in-memory PGlite) and the demo helpdesk, each on a random port.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { type ClientRequest, createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import type { RunningHub } from '../../server/app';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(
  import.meta.dirname,
  '../..',
  process.env.ATTUNE_OUT_DIR ?? '.output',
  'chrome-mv3',
);

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export interface LaunchedBrowser {
  context: BrowserContext;
  /** The loaded extension's id, or null when launched without the extension. */
  extensionId: string | null;
  close(): Promise<void>;
}

export async function launchBrowser(opts: { extension?: boolean; headless?: boolean } = {}): Promise<LaunchedBrowser> {
  const withExtension = opts.extension ?? true;
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it with: sudo apt-get install -y chromium`);
  }
  if (withExtension && !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`The extension is not built (${EXTENSION_DIR} is missing). Run: npx wxt build`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'attune-chromium-'));
  const args = [...CHROMIUM_FLAGS];
  if (withExtension) {
    // Load a private copy: a `wxt build` elsewhere (another terminal, a bench) empties .output/ while it runs.
    const extensionCopy = join(userDataDir, 'extension');
    cpSync(EXTENSION_DIR, extensionCopy, { recursive: true });
    args.push(`--disable-extensions-except=${extensionCopy}`, `--load-extension=${extensionCopy}`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: opts.headless ?? true,
    args,
    viewport: { width: 1280, height: 900 },
  });
  let extensionId: string | null = null;
  if (withExtension) {
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionId,
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A real hub on in-memory PGlite, seeded with the demo team unless told otherwise. */
export async function startTestHub(opts: { seedDemo?: boolean } = {}): Promise<RunningHub> {
  const { startHub } = await import('../../server/app');
  return startHub({ port: 0, host: '127.0.0.1', seedDemo: opts.seedDemo ?? true, logLevel: 'silent' });
}

/** The demo helpdesk (demo/helpdesk/server.ts) on a random port. */
export async function startTestHelpdesk(): Promise<{ url: string; close(): Promise<void> }> {
  const { startDemoHelpdesk } = await import('../../demo/helpdesk/server');
  return startDemoHelpdesk({ port: 0, host: '127.0.0.1' });
}

/** Signs the extension in through its options page, as an agent would. */
export async function signIn(context: BrowserContext, extensionId: string, hubUrl: string, token: string) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByTestId('hub-url').fill(hubUrl);
  await page.getByTestId('hub-token').fill(token);
  await page.getByTestId('sign-in').click();
  await page.getByTestId('signed-in-as').waitFor({ timeout: 30_000 });
  await page.close();
}

/** The side panel page, opened in a tab (same document Chrome shows in its side panel). */
export async function openPanel(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  return page;
}

/**
 * Records every request the browser makes (pages, extension service worker included) with its URL and body,
 * for privacy tests: the draft must never appear in either.
 */
export function recordRequests(context: BrowserContext) {
  const urls: string[] = [];
  const bodies: string[] = [];
  /** URLs requested by a service worker (the extension's background), a subset of urls. */
  const workerUrls: string[] = [];
  let recording = true;
  const onRequest = (req: import('playwright-core').Request) => {
    if (!recording) return;
    urls.push(req.url());
    if (req.serviceWorker()) workerUrls.push(req.url());
    const body = req.postData();
    if (body) bodies.push(body);
    const headers = req.headers();
    bodies.push(JSON.stringify(headers));
  };
  context.on('request', onRequest);
  return {
    urls: () => [...urls],
    bodies: () => [...bodies],
    workerUrls: () => [...workerUrls],
    stop() {
      recording = false;
      context.off('request', onRequest);
    },
  };
}

export interface RelayedRequest {
  method: string;
  /** Path and query, as the client sent it. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * An HTTP relay in front of the hub that records every request it forwards (method, URL, headers, body): what
 * actually reached the server, whichever part of the extension sent it. Streams (the hub's event stream) pass
 * through as they come.
 */
export async function startRecordingRelay(target: string): Promise<{
  url: string;
  requests(): RelayedRequest[];
  close(): Promise<void>;
}> {
  const recorded: RelayedRequest[] = [];
  const upstream = new Set<ClientRequest>();
  const targetUrl = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      recorded.push({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: body.toString('utf8'),
      });
      const out = httpRequest(
        new URL(req.url ?? '/', targetUrl),
        { method: req.method, headers: { ...req.headers, host: targetUrl.host } },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.add(out);
      out.on('close', () => upstream.delete(out));
      out.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      res.on('close', () => out.destroy());
      out.end(body);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => [...recorded],
    close: () =>
      new Promise<void>((done) => {
        for (const out of upstream) out.destroy();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
