// Bad input for the editor bridges, in real Chromium with the built extension, on a CKEditor 5 page (the
// editor whose API lives only in the page's world): an API that throws half-way, a missing instance, another
// major version, a planted fake instance, a page listening to every window message, and an editor replaced
// by single-page navigation. The text must land exactly once or not at all, never in half.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchBrowser } from './harness';
import { coach, suggestionList } from './pages/coach-page';
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

const DRAFT = 'Hello Maria, thanks for waiting. You should have read the FAQ.';

type Traps = { fakeCalls: number; messages: string[] };
const model = async (page: Page) =>
  ((await page.evaluate('window.attuneTest.model()')) as string).replace(/\u00a0/g, ' ');
const traps = (page: Page) => page.evaluate('window.attuneTraps') as Promise<Traps>;

async function open(query: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(pages.pageUrl('ckeditor5', query));
  await page.waitForFunction('window.attuneTest && window.attuneTest.ready()');
  await page.evaluate('window.attuneTest.focusEnd()');
  await page.locator('attune-coach').waitFor({ state: 'attached', timeout: 15_000 });
  await page.keyboard.type(DRAFT);
  return { page, errors };
}

/** Clicks the first suggestion; resolves its text once the model settled (with it, or without it). */
async function insertFirst(page: Page): Promise<string> {
  const c = coach(page);
  await expect.poll(() => c.suggestions.count(), { timeout: 10_000 }).toBeGreaterThan(0);
  const [first] = await suggestionList(c.suggestions);
  await c.suggestions.first().click();
  return first?.text ?? '';
}

describe('editor bridge bad input (CKEditor 5 page)', () => {
  it.each([
    ['throws', 'the API inserts half and throws'],
    ['missing', 'the editable has no ckeditorInstance'],
    ['version', 'the page reports another major version'],
  ])('%s: %s: the text lands once, whole, or not at all', async (trap) => {
    const { page } = await open(`?trap=${trap}`);
    const phrase = await insertFirst(page);
    const whole = `${DRAFT} ${phrase}`;
    // Up to the page-world answer and the fallback. Only two outcomes are allowed: whole, or nothing.
    const landed = await expect
      .poll(() => model(page), { timeout: 6000 })
      .toBe(whole)
      .then(() => true)
      .catch(() => false);
    if (trap !== 'throws') expect(landed).toBe(true);
    expect(await model(page)).toBe(landed ? whole : DRAFT);
    await page.close();
  });

  it('a planted fake ckeditorInstance is never called; the text goes in by the generic path', async () => {
    const { page } = await open('?trap=fake');
    const phrase = await insertFirst(page);
    await expect.poll(() => model(page)).toBe(`${DRAFT} ${phrase}`);
    expect((await traps(page)).fakeCalls).toBe(0);
    await page.close();
  });

  it('a page listening to every window message sees neither the draft nor the inserted text', async () => {
    const { page } = await open('');
    const phrase = await insertFirst(page);
    await expect.poll(() => model(page)).toBe(`${DRAFT} ${phrase}`);
    // A rewrite too: the span and its replacement go through the same channel.
    const c = coach(page);
    await expect.poll(() => c.rewrites.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const replacement = (await c.rewrites.first().textContent()) ?? '';
    await c.rewrites.first().click();
    await expect.poll(() => model(page)).toContain(replacement);
    const { messages } = await traps(page);
    // The page saw the one-time handshake (a nonce and a port), nothing with words in it.
    for (const m of messages) {
      expect(m).not.toContain(phrase);
      expect(m).not.toContain(replacement);
      expect(m).not.toContain('Maria');
    }
    await page.close();
  });

  it('an editor replaced by single-page navigation is dropped; the new one is coached', async () => {
    const { page, errors } = await open('');
    const c = coach(page);
    await expect.poll(() => c.suggestions.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.evaluate('window.replaceEditor()');
    await page.evaluate('window.attuneTest.focusEnd()');
    await page.keyboard.type(DRAFT);
    const phrase = await insertFirst(page);
    await expect.poll(() => model(page)).toBe(`${DRAFT} ${phrase}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
