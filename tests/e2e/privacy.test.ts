// The draft never leaves the device. Two recorders watch while the agent types in every editor page, accepts a
// suggestion and sends: the browser's (every request of pages and of the extension's service worker, URL,
// headers and body) and a relay in front of the hub (every request that actually reached the server). The
// extension is signed in through the relay with behaviour-flag sharing ON, so sync, usage and flag reports are
// live; positive controls prove both recorders see the extension's own requests, and a real flags report.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../server/app';
import {
  type LaunchedBrowser,
  launchBrowser,
  recordRequests,
  signIn,
  startRecordingRelay,
  startTestHelpdesk,
  startTestHub,
} from './harness';
import { coach } from './pages/coach-page';
import { EDITOR_PAGES, startEditorPages } from './pages/serve';

// Words no phrase library, page or API contains, so any hit is the draft leaking.
const SECRET_WORDS = ['Quokkabanana', 'zephyrmarmalade', 'Vortigaunt'];
const DRAFT = `Hello, your refund code is ${SECRET_WORDS[0]} and the ${SECRET_WORDS[1]} order ships via ${SECRET_WORDS[2]}.`;

let browser: LaunchedBrowser;
let hub: RunningHub;
let relay: Awaited<ReturnType<typeof startRecordingRelay>>;
let helpdesk: { url: string; close(): Promise<void> };
let pages: Awaited<ReturnType<typeof startEditorPages>>;
let recorded: ReturnType<typeof recordRequests>;

beforeAll(async () => {
  [hub, helpdesk, pages] = await Promise.all([startTestHub(), startTestHelpdesk(), startEditorPages()]);
  relay = await startRecordingRelay(hub.url);
  browser = await launchBrowser();
  // From before sign-in to the end: everything the browser sends in this file.
  recorded = recordRequests(browser.context);
  const agent = hub.demo?.agents[0];
  if (!agent || !browser.extensionId) throw new Error('The test hub has no demo agent or the extension did not load');
  await signIn(browser.context, browser.extensionId, relay.url, agent.token);
  // Share behaviour flags of sent replies, as an agent would in the options page: flags requests are then real.
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByTestId('share-reply-flags').check();
  // Stored, not just ticked: still on after a reload.
  await options.reload();
  await options.waitForFunction(
    () => (document.querySelector('[data-testid="share-reply-flags"]') as HTMLInputElement | null)?.checked === true,
  );
  await options.close();
});

afterAll(async () => {
  recorded?.stop();
  await browser?.close();
  await Promise.all([relay?.close(), hub?.close(), helpdesk?.close(), pages?.close()]);
});

/** Every URL, header and body either recorder saw, lower-cased and URL-decoded. */
function everythingSent(): string[] {
  const atHub = relay.requests().flatMap((r) => [r.url, JSON.stringify(r.headers), r.body]);
  return [...recorded.urls(), ...recorded.bodies(), ...atHub].map((s) => {
    try {
      return decodeURIComponent(s).toLowerCase();
    } catch {
      return s.toLowerCase();
    }
  });
}

function leaks(): string[] {
  const all = everythingSent();
  return SECRET_WORDS.filter((w) => all.some((s) => s.includes(w.toLowerCase())));
}

const flagReports = () =>
  relay.requests().filter((r) => r.method === 'POST' && r.url.startsWith('/api/v1/me/reply-flags'));

async function typeDraftAndAccept(page: Page) {
  await page.locator('attune-coach').waitFor({ state: 'attached', timeout: 15_000 });
  await page.keyboard.type(DRAFT, { delay: 5 });
  const c = coach(page);
  await expect.poll(() => c.suggestions.count(), { timeout: 10_000 }).toBeGreaterThan(0);
  await c.suggestions.first().click();
}

describe('privacy: the draft never leaves the device', () => {
  it('positive control: both recorders see the extension’s own requests to the hub', () => {
    // Signing in made the background (the service worker) call the hub: the browser recorder saw it leave...
    expect(recorded.workerUrls().filter((u) => u.startsWith(relay.url)).length).toBeGreaterThan(0);
    // ...and the relay saw it arrive, with the agent's token.
    expect(relay.requests().some((r) => r.url.startsWith('/api/v1/me') && r.headers.authorization)).toBe(true);
  });

  it('typing and sending on the demo helpdesk reports flags only (sharing on: a real flags request)', async () => {
    const before = flagReports().length;
    const page = await browser.context.newPage();
    await page.goto(`${helpdesk.url}/tickets/1`);
    await page.locator('textarea.composer__input').click();
    await typeDraftAndAccept(page);
    await page.locator('[data-action="send"]').click();
    // The reply landed in the thread (the page's own business) and the composer is empty again.
    await expect.poll(() => page.locator('textarea.composer__input').inputValue()).toBe('');
    // The background reported the sent reply's behaviour flags to the hub: the request the test is about.
    await expect.poll(() => flagReports().length, { timeout: 30_000 }).toBeGreaterThan(before);
    const report = JSON.parse(flagReports().at(-1)?.body ?? '{}') as { behaviors?: unknown };
    expect(Array.isArray(report.behaviors)).toBe(true);
    await page.close();
    expect(recorded.urls().some((u) => u.startsWith(helpdesk.url))).toBe(true);
    expect(leaks()).toEqual([]);
  });

  it.each(EDITOR_PAGES)('typing in %s sends no request containing the draft', async (name) => {
    const page = await browser.context.newPage();
    await page.goto(pages.pageUrl(name));
    await page.waitForFunction(() => {
      const t = (window as unknown as { attuneTest?: { ready?(): boolean; focusEnd(): void } }).attuneTest;
      return !!t && (!t.ready || t.ready());
    });
    await page.evaluate(() => (window as unknown as { attuneTest: { focusEnd(): void } }).attuneTest.focusEnd());
    await typeDraftAndAccept(page);
    await page.locator('button.send').click();
    await page.close();
    expect(leaks()).toEqual([]);
  });
});
