// The draft never leaves the device: every request the browser makes (pages and the extension's service
// worker) while the agent types in each editor, accepts a suggestion and sends, is recorded and searched for
// the draft's words. The extension is signed in to a real hub, so sync and usage reporting are live.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../server/app';
import {
  type LaunchedBrowser,
  launchBrowser,
  recordRequests,
  signIn,
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
let helpdesk: { url: string; close(): Promise<void> };
let pages: Awaited<ReturnType<typeof startEditorPages>>;

beforeAll(async () => {
  [hub, helpdesk, pages] = await Promise.all([startTestHub(), startTestHelpdesk(), startEditorPages()]);
  browser = await launchBrowser();
  const agent = hub.demo?.agents[0];
  if (!agent || !browser.extensionId) throw new Error('The test hub has no demo agent or the extension did not load');
  await signIn(browser.context, browser.extensionId, hub.url, agent.token);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([hub?.close(), helpdesk?.close(), pages?.close()]);
});

function leaks(recorded: { urls: () => string[]; bodies: () => string[] }): string[] {
  const all = [...recorded.urls(), ...recorded.bodies()].map((s) => {
    try {
      return decodeURIComponent(s).toLowerCase();
    } catch {
      return s.toLowerCase();
    }
  });
  return SECRET_WORDS.filter((w) => all.some((s) => s.includes(w.toLowerCase())));
}

async function typeDraftAndAccept(page: Page) {
  await page.locator('attune-coach').waitFor({ state: 'attached', timeout: 15_000 });
  await page.keyboard.type(DRAFT, { delay: 5 });
  const c = coach(page);
  await expect.poll(() => c.suggestions.count(), { timeout: 10_000 }).toBeGreaterThan(0);
  await c.suggestions.first().click();
}

describe('privacy: the draft never leaves the device', () => {
  it.each(EDITOR_PAGES)('typing in %s sends no request containing the draft', async (name) => {
    const recorded = recordRequests(browser.context);
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
    recorded.stop();
    expect(recorded.urls().length).toBeGreaterThan(0);
    expect(leaks(recorded)).toEqual([]);
  });

  it('typing and sending on the demo helpdesk reports flags only', async () => {
    const recorded = recordRequests(browser.context);
    const page = await browser.context.newPage();
    await page.goto(`${helpdesk.url}/tickets/1`);
    await page.locator('textarea.composer__input').click();
    await typeDraftAndAccept(page);
    await page.locator('[data-action="send"]').click();
    // The reply landed in the thread (the page's own business) and the composer is empty again.
    await expect.poll(() => page.locator('textarea.composer__input').inputValue()).toBe('');
    // Let the background push what it recorded to the hub.
    const [worker] = browser.context.serviceWorkers();
    await worker?.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
    await page.close();
    recorded.stop();
    expect(recorded.urls().some((u) => u.startsWith(helpdesk.url))).toBe(true);
    expect(leaks(recorded)).toEqual([]);
  });
});
