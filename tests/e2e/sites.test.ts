// Sites settings in real Chromium with the built extension: the options page's Sites section, the coach
// switched off and on per site (through the background's coach:getContext), the content-script registration
// accepted by Chromium's scripting API, and a site enabled from the options page getting a working, styled coach.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoHelpdesk } from '../../demo/helpdesk/server';
import { contentScriptFor, scriptIdFor } from '../../lib/sites/script';
import {
  CHROMIUM_FLAGS,
  CHROMIUM_PATH,
  EXTENSION_DIR,
  type LaunchedBrowser,
  launchBrowser,
  startTestHelpdesk,
} from './harness';
import { approachComposer } from './pages/coach-page';

describe('Sites (real Chromium)', () => {
  let browser: LaunchedBrowser;
  let helpdesk: { url: string; close(): Promise<void> };
  let options: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    helpdesk = await startTestHelpdesk();
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('sites-section').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await helpdesk?.close();
  });

  it('the options page lists the built-in helpdesks', async () => {
    const builtin = options.getByTestId('sites-builtin');
    await expect.poll(() => builtin.textContent()).toContain('*://*.zendesk.com/*');
    expect(await builtin.textContent()).toContain('http://127.0.0.1/*');
  });

  it('Chromium accepts the registration built for an enabled site, and its script file exists', async () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    const pattern = 'https://rt.example.test/*';
    const script = {
      ...contentScriptFor(manifest, { pattern, scriptId: scriptIdFor(pattern) }),
      persistAcrossSessions: true,
    };
    const result = await options.evaluate(async (s) => {
      type Registered = typeof s & { persistAcrossSessions?: boolean };
      const c = (
        globalThis as unknown as {
          chrome: {
            runtime: { getURL(path: string): string };
            scripting: {
              registerContentScripts(scripts: Registered[]): Promise<void>;
              getRegisteredContentScripts(filter: { ids: string[] }): Promise<Registered[]>;
              unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
            };
          };
        }
      ).chrome;
      await c.scripting.registerContentScripts([s]);
      const registered = await c.scripting.getRegisteredContentScripts({ ids: [s.id] });
      const file = await fetch(c.runtime.getURL(s.js[0] ?? ''));
      await c.scripting.unregisterContentScripts({ ids: [s.id] });
      const after = await c.scripting.getRegisteredContentScripts({ ids: [s.id] });
      return { registered, status: file.status, after: after.length };
    }, script);
    expect(result.registered).toMatchObject([
      { id: 'attune-site-https-rt.example.test', matches: [pattern], js: ['content-scripts/helpdesk.js'] },
    ]);
    expect(result.registered[0]?.persistAcrossSessions).toBe(true);
    expect(result.status).toBe(200);
    expect(result.after).toBe(0);
  });

  it('the coach stays off on a site the agent switched off, and comes back when switched on', async () => {
    const port = new URL(helpdesk.url).port;
    const offHost = `127.0.0.1:${port}`;
    const ticket = await browser.context.newPage();
    const coachOn = (page: Page) => page.locator('attune-coach [data-testid="attune-emotion"]').first();

    // Baseline: the coach runs on the demo helpdesk.
    await ticket.goto(`${helpdesk.url}/tickets/1`);
    await approachComposer(ticket);
    await coachOn(ticket).waitFor({ timeout: 30_000 });

    await options.getByTestId('coach-off-input').fill(`${helpdesk.url}/tickets/1`);
    await options.getByTestId('coach-off-add').click();
    await expect.poll(() => options.getByTestId('coach-off-row').getAttribute('data-host')).toBe(offHost);

    // Same helpdesk under another host name: the coach still runs there, which also shows content scripts
    // loaded after the switch have asked the background and mounted where allowed.
    await ticket.reload();
    await approachComposer(ticket);
    const other = await browser.context.newPage();
    await other.goto(`http://localhost:${port}/tickets/1`);
    await approachComposer(other);
    await coachOn(other).waitFor({ timeout: 30_000 });
    expect(await ticket.locator('attune-coach').count()).toBe(0);

    await options.getByTestId('coach-on').click();
    await options.getByTestId('coach-off-none').waitFor();
    await ticket.reload();
    await approachComposer(ticket);
    await coachOn(ticket).waitFor({ timeout: 30_000 });
    await other.close();
    await ticket.close();
  });
});

describe('enabling a site from the options page (real Chromium)', () => {
  // Headless Chromium cannot answer a permission prompt. This run loads a copy of the build whose manifest
  // already grants a loopback host no built-in match covers (127.0.0.2, or [::1] where that cannot be bound),
  // so permissions.request resolves at once and everything after it is the real path: registration,
  // injection, coach, its CSS.
  let PATTERN = '';
  let extDir: string;
  let profile: string;
  let context: BrowserContext;
  let options: Page;
  let helpdesk: { url: string; close(): Promise<void> };
  let ticketUrl: string;

  const registered = () =>
    options.evaluate(async () => {
      const c = (
        globalThis as unknown as {
          chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; matches?: string[] }>> } };
        }
      ).chrome;
      return c.scripting.getRegisteredContentScripts();
    });

  beforeAll(async () => {
    // Linux routes all of 127/8 to loopback; elsewhere fall back to IPv6 loopback.
    let host = '127.0.0.2';
    try {
      helpdesk = await startDemoHelpdesk({ port: 0, host });
    } catch {
      host = '[::1]';
      helpdesk = await startDemoHelpdesk({ port: 0, host: '::1' });
    }
    const port = helpdesk.url.split(':').pop();
    PATTERN = `http://${host}/*`;
    ticketUrl = `http://${host}:${port}/tickets/1`;

    extDir = mkdtempSync(join(tmpdir(), 'attune-ext-granted-'));
    cpSync(EXTENSION_DIR, extDir, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8'));
    manifest.host_permissions = [...(manifest.host_permissions ?? []), PATTERN];
    writeFileSync(join(extDir, 'manifest.json'), JSON.stringify(manifest));

    profile = mkdtempSync(join(tmpdir(), 'attune-chromium-granted-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`],
    });
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
    options = await context.newPage();
    await options.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
    await options.getByTestId('sites-section').waitFor();
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await helpdesk?.close();
    for (const dir of [profile, extDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the agent enables the site, the coach runs there with its styles, and removing it unregisters it', async () => {
    await options.getByTestId('site-input').fill(ticketUrl);
    await options.getByTestId('site-enable').click();
    await expect.poll(() => options.getByTestId('site-row').getAttribute('data-pattern')).toBe(PATTERN);
    expect(await options.getByTestId('site-notice').textContent()).toContain(PATTERN);
    expect(await registered()).toMatchObject([{ id: scriptIdFor(PATTERN), matches: [PATTERN] }]);

    const ticket = await context.newPage();
    await ticket.goto(ticketUrl);
    await approachComposer(ticket);
    const emotion = ticket.locator('attune-coach [data-testid="attune-emotion"]').first();
    await expect.poll(() => emotion.getAttribute('data-emotion'), { timeout: 30_000 }).toBe('frustrated');
    // The shadow root got the coach's stylesheet (web-accessible on enabled sites too), not just WXT's reset.
    const styled = await ticket.evaluate(() =>
      [...(document.querySelector('attune-coach')?.shadowRoot?.querySelectorAll('style') ?? [])].some((s) =>
        (s.textContent ?? '').includes('.attune-chip'),
      ),
    );
    expect(styled).toBe(true);
    await ticket.close();

    await options.getByTestId('site-remove').click();
    await options.getByTestId('sites-none').waitFor();
    expect(await registered()).toEqual([]);
  });
});

/** Serves the `*.html` files of a fixture folder on 127.0.0.1 (anything else is a 404). */
async function serveFixturePages(dir: string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const name = (req.url ?? '/').replace(/^\/+/, '').replace(/[?#].*$/, '');
    if (!/^[\w-]+\.html$/.test(name)) {
      res.writeHead(404).end();
      return;
    }
    try {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(dir, name)));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('the generic adapter in real Chromium', () => {
  // Hand-written helpdesk-like pages (tests/fixtures/generic) served on 127.0.0.1, which the built-in matches
  // cover; no specific adapter claims them, so the generic heuristics (and Readability) run in the real page.
  const FIXTURES = resolve(import.meta.dirname, '../fixtures/generic');
  let browser: LaunchedBrowser;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    ({ server, base } = await serveFixturePages(FIXTURES));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  });

  it.each([
    ['helpscout-like.html', 'confused'],
    ['front-like.html', 'frustrated'],
    ['webmail-like.html', 'frustrated'],
  ])('%s: the coach reads the customer as %s', async (file, emotion) => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/${file}`);
    await approachComposer(page);
    const chip = page.locator('attune-coach [data-testid="attune-emotion"]').first();
    await expect.poll(() => chip.getAttribute('data-emotion'), { timeout: 30_000 }).toBe(emotion);
    await page.close();
  });
});

describe('site health on the saved FreeScout page (real Chromium)', () => {
  // The real FreeScout 1.8.145 page (tests/fixtures/freescout) served on 127.0.0.1: the coach picks the
  // FreeScout adapter, and its menu says what it sees. Its own scripts pointed at the instance it was saved
  // from and do not load; the DOM is what the extension reads.
  const FIXTURES = resolve(import.meta.dirname, '../fixtures/freescout');
  let browser: LaunchedBrowser;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    ({ server, base } = await serveFixturePages(FIXTURES));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  });

  it('the menu shows the FreeScout adapter, a customer-facing reply, the newest message found, English', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/conversation-reply-open.html`);
    await approachComposer(page);
    const coach = page.locator('attune-coach');
    await coach.locator('[data-testid="attune-menu"]').click({ timeout: 30_000 });
    const health = coach.locator('[data-testid="attune-site-health"]');
    await expect
      .poll(() => health.locator('[data-testid="attune-health-adapter"]').getAttribute('data-adapter'))
      .toBe('freescout');
    await expect
      .poll(() => health.locator('[data-testid="attune-health-latest"]').textContent())
      .toContain('It has been another week');
    expect(await health.locator('[data-testid="attune-health-composer"]').first().getAttribute('data-audience')).toBe(
      'customer',
    );
    expect(await health.locator('[data-testid="attune-health-language"]').getAttribute('data-lang')).toBe('en');
    // The options page lists what the coach saw on this site.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const row = options.locator(`[data-testid="site-health-row"][data-host="${new URL(base).host}"]`);
    await expect.poll(() => row.getAttribute('data-adapter'), { timeout: 15_000 }).toBe('freescout');
    await options.close();
    await page.close();
  });

  it('in note mode the same editor is internal: no empathy score, the note badge', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/conversation-note-open.html`);
    await approachComposer(page);
    const chip = page.locator('attune-coach aside.attune-chip');
    await expect.poll(() => chip.getAttribute('data-audience'), { timeout: 30_000 }).toBe('internal');
    expect(await page.locator('attune-coach [data-testid="attune-score"]').count()).toBe(0);
    await page.close();
  });
});

describe('a named adapter whose page changed (real Chromium)', () => {
  // acme.zendesk.com resolves to this machine, so the built-in *.zendesk.com match loads the coach with the
  // Zendesk adapter on a page that has none of Zendesk's evidenced markup (as after a redesign).
  let context: BrowserContext;
  let profile: string;
  let server: Server;
  let url: string;
  const CUSTOMER = 'My refund still has not arrived and I am getting really anxious about it.';
  const DRAFT = 'Quixotic marmalade draft';

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ticket</title></head><body><main>
         <div class="thread"><div class="message from-customer"><p>${CUSTOMER}</p></div>
         <div class="message from-agent"><p>Checking with billing.</p></div></div>
         <div class="reply"><div class="editor" contenteditable="true"><p>${DRAFT}</p></div></div></main></body></html>`,
      );
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://acme.zendesk.com:${(server.address() as AddressInfo).port}/agent/tickets/48213`;
    profile = mkdtempSync(join(tmpdir(), 'attune-zd-'));
    const ext = join(profile, 'extension');
    cpSync(EXTENSION_DIR, ext, { recursive: true });
    context = await chromium.launchPersistentContext(join(profile, 'data'), {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        ...CHROMIUM_FLAGS,
        '--host-resolver-rules=MAP acme.zendesk.com 127.0.0.1',
        `--disable-extensions-except=${ext}`,
        `--load-extension=${ext}`,
      ],
      viewport: { width: 1280, height: 900 },
    });
    if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker', { timeout: 30_000 });
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    if (profile) rmSync(profile, { recursive: true, force: true });
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  });

  it('says so, reads the page the generic way, and copies a report without message or draft text', async () => {
    const page = await context.newPage();
    await page.goto(url);
    // Plain http is not a secure context: the coach copies with the copy command; a listener in the page sees
    // what lands on the clipboard.
    await page.evaluate(() => {
      document.addEventListener('copy', () => {
        const area = (document.querySelector('attune-coach')?.shadowRoot?.querySelector('textarea') ??
          null) as HTMLTextAreaElement | null;
        (window as unknown as { copied?: string }).copied = area?.value ?? '';
      });
    });
    const coach = page.locator('attune-coach');
    await page.locator('.editor').click();
    await expect
      .poll(() => coach.locator('[data-testid="attune-site-notice"]').textContent(), { timeout: 30_000 })
      .toContain('Zendesk changed its page');
    await coach.locator('[data-testid="attune-menu"]').click();
    expect(await coach.locator('[data-testid="attune-health-adapter"]').getAttribute('data-adapter')).toBe('generic');
    await expect
      .poll(() => coach.locator('[data-testid="attune-health-latest"]').textContent())
      .toContain('My refund still has');
    await coach.locator('[data-testid="attune-copy-diagnostics"]').click();
    await expect.poll(() => coach.getByText('Copied').count()).toBe(1);
    const report = await page.evaluate(() => (window as unknown as { copied?: string }).copied ?? '');
    const parsed = JSON.parse(report);
    expect(parsed.adapter).toBe('generic');
    expect(parsed.fellBackFrom).toBe('zendesk');
    expect(parsed.selectors.every((s: { matches: number }) => s.matches === 0)).toBe(true);
    for (const word of ['refund', 'anxious', 'billing', 'Quixotic', 'marmalade']) expect(report).not.toContain(word);
    await page.close();
  });
});
