// The in-page coach in live Firefox (the built MV2 add-on): it mounts on the demo helpdesk and a clicked
// suggestion lands in the editor's own model, read through the test page's API, in the editors helpdesks ship.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHelpdesk } from '../e2e/harness';
import { type EditorPage, startEditorPages } from '../e2e/pages/serve';
import { clickFirstSuggestion, countInCoach, type LaunchedFirefox, launchFirefox, suggestionTexts } from './harness';

/** The editors checked in Firefox: plain, ProseMirror (Intercom, Chatwoot) and CKEditor 5 (Zendesk). */
const FIREFOX_EDITORS: EditorPage[] = ['textarea', 'prosemirror', 'ckeditor5'];

let firefox: LaunchedFirefox;
let helpdesk: { url: string; close(): Promise<void> };
let pages: Awaited<ReturnType<typeof startEditorPages>>;

beforeAll(async () => {
  [helpdesk, pages, firefox] = await Promise.all([startTestHelpdesk(), startEditorPages(), launchFirefox()]);
});

afterAll(async () => {
  await firefox?.close();
  await Promise.all([helpdesk?.close(), pages?.close()]);
});

const coachMounted = (page: Page) => page.waitForSelector('attune-coach', { timeout: 20_000 });

describe('the coach in live Firefox', () => {
  it('mounts on the demo helpdesk, reads the customer and inserts a suggestion into the textarea', async () => {
    const page = await firefox.newPage();
    await page.goto(`${helpdesk.url}/tickets/1`);
    // The pointer reaching the reply box loads the coach (entrypoints/helpdesk.content): it reads the customer
    // before the agent clicks.
    await page.hover('textarea.composer__input');
    await coachMounted(page);
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            document
              .querySelector('attune-coach')
              ?.shadowRoot?.querySelector('[data-testid="attune-emotion"]')
              ?.getAttribute('data-emotion') ?? null,
        ),
      )
      .toBe('frustrated');
    await page.click('textarea.composer__input');
    const typed = 'Hi Maria, I can see two charges on your card.';
    await page.keyboard.type(typed);
    await expect.poll(() => countInCoach(page, '[data-testid="attune-suggestion"]')).toBeGreaterThan(0);
    const [first] = await suggestionTexts(page);
    await clickFirstSuggestion(page);
    const value = () => page.$eval('textarea.composer__input', (t) => (t as HTMLTextAreaElement).value);
    await expect.poll(value).toBe(`${typed} ${first}`);
    // Focus stayed in the composer, with the caret after the inserted text.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(await page.$eval('textarea.composer__input', (t) => (t as HTMLTextAreaElement).selectionStart)).toBe(
      `${typed} ${first}`.length,
    );
    await page.close();
  });

  it.each(FIREFOX_EDITORS)('a clicked suggestion lands in the %s model after the draft', async (name) => {
    const page = await firefox.newPage();
    await page.goto(pages.pageUrl(name));
    await page.waitForFunction(() => {
      const t = (window as unknown as { attuneTest?: { ready?(): boolean } }).attuneTest;
      return !!t && (!t.ready || t.ready());
    });
    await page.evaluate(() => (window as unknown as { attuneTest: { focusEnd(): void } }).attuneTest.focusEnd());
    await coachMounted(page);
    const draft = 'Hello Maria, thanks for waiting.';
    await page.keyboard.type(draft);
    await expect.poll(() => countInCoach(page, '[data-testid="attune-suggestion"]')).toBeGreaterThan(0);
    const [first] = await suggestionTexts(page);
    await clickFirstSuggestion(page);
    const model = () =>
      page.evaluate(() => (window as unknown as { attuneTest: { model(): string } }).attuneTest.model());
    // Exactly once, right after the draft, draft intact.
    await expect.poll(model, { timeout: 10_000 }).toBe(`${draft} ${first}`);
    // The caret sits right after the inserted text.
    expect(
      await page.evaluate(() =>
        (window as unknown as { attuneTest: { textBeforeCaret(): string | null } }).attuneTest.textBeforeCaret(),
      ),
    ).toBe(`${draft} ${first}`);
    await page.close();
  });
});
