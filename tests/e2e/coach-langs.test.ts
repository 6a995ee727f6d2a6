// The agent's coach languages in the real content script: settings.coachLangs (what the options page stores in
// extension storage) decide which language's phrases the chip offers, and a change applies to an open ticket
// without a reload. The demo helpdesk's ticket 2 is a Swedish email.
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../lib/empathy/types';
import { type LaunchedBrowser, launchBrowser, startTestHelpdesk } from './harness';
import { coach, suggestionList } from './pages/coach-page';

let browser: LaunchedBrowser;
let helpdesk: { url: string; close(): Promise<void> };
let worker: Worker;

beforeAll(async () => {
  helpdesk = await startTestHelpdesk();
  browser = await launchBrowser();
  const [sw] = browser.context.serviceWorkers();
  if (!sw) throw new Error('the extension service worker is not running');
  worker = sw;
});

afterAll(async () => {
  await browser?.close();
  await helpdesk?.close();
});

/** What the options page does: store the settings item (WXT `local:attune.settings`). */
async function setCoachLangs(coachLangs: Lang[]): Promise<void> {
  await worker.evaluate(
    (settings) => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };
      };
      return chrome.storage.local.set({ 'attune.settings': settings });
    },
    { shareReplyFlags: false, notifyTips: false, coachLangs },
  );
}

const phraseLangs = async (c: ReturnType<typeof coach>) =>
  [...new Set((await suggestionList(c.suggestions)).map((s) => s.id?.split('.')[0]))].join(',');

describe('coach languages', () => {
  it('coaches a Swedish ticket in English when the agent switched Swedish off, and follows a change live', async () => {
    await setCoachLangs(['en']);
    const page = await browser.context.newPage();
    await page.goto(`${helpdesk.url}/tickets/2`);
    const c = coach(page);
    await page.locator('[data-composer="public-reply"] [contenteditable]').click();
    await page.keyboard.type('Hej Johan, paketet är försenat.');
    await expect.poll(() => c.suggestions.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await phraseLangs(c)).toBe('en');
    // The customer is still read in their own language.
    expect(await c.emotion.getAttribute('data-emotion')).not.toBe('neutral');

    await setCoachLangs(['sv', 'en']);
    await expect.poll(() => phraseLangs(c), { timeout: 10_000 }).toBe('sv');
    await page.close();
  });
});
