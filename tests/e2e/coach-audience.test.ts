// Live audience switching in the real Request Tracker 5 (../shared/tools/rt-up.sh, http://127.0.0.1:8085): on a
// ticket's reply page the agent flips RT's Update Type select to "Comments (Not sent to requestors)"; the same
// CKEditor composer turns into an internal note — empathy suggestions and score go, the chip says so — and
// flipping back brings the coaching back, without reloading the page.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COACH_STRINGS, coachUiLang } from '../../components/coach/strings';
import { type LaunchedBrowser, launchBrowser } from './harness';
import { coach, coachCount } from './pages/coach-page';

const RT_URL = process.env.RT_URL ?? 'http://127.0.0.1:8085';
const AGENT = { user: process.env.RT_AGENT_USER ?? 'agent1', pass: process.env.RT_AGENT_PASSWORD ?? 'agent1pass' };
const ANGRY_SUBJECT = 'Third time asking: order #48213 STILL not delivered';

async function assertRtUp(): Promise<void> {
  const status = await fetch(`${RT_URL}/`, { redirect: 'manual' })
    .then((r) => r.status)
    .catch(() => 0);
  if (status !== 200) {
    throw new Error(`Request Tracker is not answering on ${RT_URL}. Start it with: bash ../shared/tools/rt-up.sh`);
  }
}

async function logIn(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${RT_URL}/`);
  await page.locator('form#login input[name="user"]').fill(AGENT.user);
  await page.locator('form#login input[name="pass"]').fill(AGENT.pass);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.includes('Login')),
    page.locator('form#login [type="submit"]').click(),
  ]);
  await page.locator('#quickbar, #rt-header-container').first().waitFor();
  return page;
}

async function ticketIdBySubject(page: Page, subject: string): Promise<string> {
  const res = await page.request.get(
    `${RT_URL}/REST/2.0/tickets?query=${encodeURIComponent(`Subject = '${subject}'`)}&fields=Subject`,
  );
  expect(res.status(), 'REST 2 ticket search with the session cookie').toBe(200);
  const id = ((await res.json()) as { items?: Array<{ id: string | number }> }).items?.[0]?.id;
  expect(id, `seeded ticket "${subject}" (run bash ../shared/tools/rt-up.sh)`).toBeDefined();
  return String(id);
}

describe('Request Tracker 5 (real): reply ⇄ comment without reloading', () => {
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    await assertRtUp();
    browser = await launchBrowser();
    page = await logIn(browser.context);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the chip switches between empathy coaching and internal-note hints as Update Type flips', async () => {
    const id = await ticketIdBySubject(page, ANGRY_SUBJECT);
    await page.goto(`${RT_URL}/Ticket/Update.html?Action=Respond&id=${id}`);
    // The pointer reaching the editor loads the coach (entrypoints/helpdesk.content).
    await page.locator('#cke_UpdateContent iframe.cke_wysiwyg_frame').hover();
    const c = coach(page);
    await expect.poll(() => c.emotion.getAttribute('data-emotion'), { timeout: 30_000 }).toBe('frustrated');

    await page.frameLocator('#cke_UpdateContent iframe.cke_wysiwyg_frame').locator('body').click();
    await page.keyboard.type('Hi Mark, I checked the order with the carrier. ');
    await expect.poll(() => c.suggestions.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const chip = c.host.locator('.attune-chip');
    expect(await chip.getAttribute('data-audience')).toBe('customer');
    expect(await c.score.count()).toBe(1);

    // RT's bootstrap-select drives the real <select>; selecting on it fires the same change event.
    await page.locator('select[name="UpdateType"]').selectOption('private');
    await expect.poll(() => chip.getAttribute('data-audience'), { timeout: 10_000 }).toBe('internal');
    expect(await c.suggestions.count()).toBe(0);
    expect(await c.score.count()).toBe(0);
    // In the browser's UI language (English unless the machine says otherwise).
    const strings = COACH_STRINGS[coachUiLang(await page.evaluate(() => navigator.language))];
    expect(await c.emotion.textContent()).toBe(strings.internalNote);
    // Readability hints stay for the note.
    expect(await c.host.locator('.attune-readability').textContent()).toMatch(
      new RegExp(`^${strings.readability('(Flesch|LIX) \\d+')}`),
    );

    await page.locator('select[name="UpdateType"]').selectOption('response');
    await expect.poll(() => chip.getAttribute('data-audience'), { timeout: 10_000 }).toBe('customer');
    await expect.poll(() => c.suggestions.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await c.emotion.getAttribute('data-emotion')).toBe('frustrated');
    expect(await coachCount(page)).toBe(1);
  });
});
