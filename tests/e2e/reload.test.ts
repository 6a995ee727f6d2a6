// After the extension is reloaded (as on an update), an open helpdesk tab gets a working coach again without
// a page reload: the background re-injects the content script and the orphaned copy removes itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchBrowser, startTestHelpdesk } from './harness';
import { coach, coachCount, suggestionList } from './pages/coach-page';

let browser: LaunchedBrowser;
let helpdesk: { url: string; close(): Promise<void> };

beforeAll(async () => {
  helpdesk = await startTestHelpdesk();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await helpdesk?.close();
});

describe('extension reload', () => {
  it('re-injects the coach into an open tab, with exactly one chip, and it inserts', async () => {
    const { context } = browser;
    const page = await context.newPage();
    await page.goto(`${helpdesk.url}/tickets/1`);
    // The agent is in the middle of a reply: the composer has the focus when the extension reloads, so the
    // re-injected scout loads the coach at once.
    await page.locator('textarea.composer__input').click();
    await page.locator('attune-coach').waitFor({ state: 'attached', timeout: 15_000 });
    // Mark the first copy's UI so the test can tell a re-injected coach from a surviving orphan.
    await page.evaluate(() => document.querySelector('attune-coach')?.setAttribute('data-test-generation', 'first'));
    const navigations: string[] = [];
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) navigations.push(f.url());
    });

    // Disable and re-enable the extension from chrome://extensions, as an update does: the worker restarts and
    // the tab's content script is orphaned. (chrome.runtime.reload() of a --load-extension build leaves it
    // unloaded in this Chromium, so the test uses the management API the extensions page itself uses.)
    const extensionsPage = await context.newPage();
    await extensionsPage.goto('chrome://extensions');
    await extensionsPage.evaluate(async (id) => {
      const management = (
        globalThis as unknown as { chrome: { management: { setEnabled(id: string, on: boolean): Promise<void> } } }
      ).chrome.management;
      await management.setEnabled(id, false);
      await management.setEnabled(id, true);
    }, browser.extensionId ?? '');
    await extensionsPage.close();

    await expect
      .poll(() => page.evaluate(() => document.querySelector('attune-coach:not([data-test-generation])') !== null), {
        timeout: 20_000,
      })
      .toBe(true);
    await expect.poll(() => coachCount(page)).toBe(1);
    expect(navigations).toEqual([]);

    const c = coach(page);
    const composer = page.locator('textarea.composer__input');
    await composer.click();
    await page.keyboard.type('Hi Maria, I can see the second charge.');
    await expect.poll(() => c.suggestions.count()).toBeGreaterThan(0);
    const [first] = await suggestionList(c.suggestions);
    await c.suggestions.first().click();
    await expect.poll(() => composer.inputValue()).toContain(first?.text ?? '\u0000');
    expect(await coachCount(page)).toBe(1);
    await page.close();
  });
});
