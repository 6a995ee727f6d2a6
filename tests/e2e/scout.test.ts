// The helpdesk content script is a scout: it loads nothing else until the agent turns to a composer (points at
// it or focuses it), wherever it is — added after load, in an open shadow root — and then has the background
// inject the coach.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchBrowser } from './harness';
import { coach, coachCount } from './pages/coach-page';
import { startEditorPages } from './pages/serve';

let browser: LaunchedBrowser;
let pages: Awaited<ReturnType<typeof startEditorPages>>;

beforeAll(async () => {
  pages = await startEditorPages();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await pages?.close();
});

const DRAFT = 'Hi, this is the third time, I am sorry. You should have read the FAQ.';

async function blankPage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${pages.url}/tests/e2e/pages/blank.html`);
  return page;
}

describe('coach loading', () => {
  it('a textarea added after load gets the coach once the pointer reaches it', async () => {
    const page = await blankPage();
    await page.evaluate(() => {
      const form = document.createElement('form');
      form.innerHTML = '<textarea id="late" rows="6" cols="60" aria-label="Reply"></textarea>';
      document.querySelector('main')?.append(form);
    });
    await page.locator('#late').hover();
    await page.locator('attune-coach').waitFor({ state: 'attached', timeout: 15_000 });
    await page.locator('#late').click();
    await page.keyboard.type(DRAFT);
    await expect.poll(() => coach(page).suggestions.count()).toBeGreaterThan(0);
    expect(await coachCount(page)).toBe(1);
    await page.close();
  });

  it('an editor added inside an open shadow root gets the coach when focused', async () => {
    const page = await blankPage();
    await page.evaluate(() => {
      const host = document.createElement('reply-box');
      document.querySelector('main')?.append(host);
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = '<div id="inner" contenteditable="true" style="min-height:80px;border:1px solid"></div>';
    });
    await page.locator('reply-box #inner').focus();
    await page.locator('attune-coach').waitFor({ state: 'attached', timeout: 15_000 });
    await page.keyboard.type(DRAFT);
    await expect.poll(() => coach(page).suggestions.count()).toBeGreaterThan(0);
    expect(await coachCount(page)).toBe(1);
    await page.close();
  });
});
