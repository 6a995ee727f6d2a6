// The coach in the real Request Tracker 5 (../shared/tools/rt-up.sh, http://127.0.0.1:8085): the agent logs in
// through RT's own form, opens a ticket's reply page (CKEditor 4 in an iframe), the coach reads the customer's
// latest message from the ticket's history and names the emotion, and a clicked suggestion lands in
// CKEditor's own model. On the comment page (internal) no empathy suggestions are offered.
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchBrowser, recordRequests } from './harness';

const RT_URL = process.env.RT_URL ?? 'http://127.0.0.1:8085';
const AGENT = { user: process.env.RT_AGENT_USER ?? 'agent1', pass: process.env.RT_AGENT_PASSWORD ?? 'agent1pass' };

/** The seeded tickets (rt-up.sh): #1 is Mark's angry English mail, #2 Anna's worried Swedish one. */
async function ticketIdBySubject(page: Page, subject: string): Promise<string> {
  const res = await page.request.get(
    `${RT_URL}/REST/2.0/tickets?query=${encodeURIComponent(`Subject = '${subject}'`)}&fields=Subject`,
  );
  expect(res.status(), 'REST 2 ticket search with the session cookie').toBe(200);
  const body = (await res.json()) as { items?: Array<{ id: string | number }> };
  const id = body.items?.[0]?.id;
  expect(id, `seeded ticket "${subject}" (run bash ../shared/tools/rt-up.sh)`).toBeDefined();
  return String(id);
}

async function assertRtUp(): Promise<void> {
  let status = 0;
  try {
    status = (await fetch(`${RT_URL}/`, { redirect: 'manual' })).status;
  } catch {
    status = 0;
  }
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

function editorBody(page: Page): ReturnType<FrameLocator['locator']> {
  return page.frameLocator('#cke_UpdateContent iframe.cke_wysiwyg_frame').locator('body');
}

async function ckeditorData(page: Page): Promise<string> {
  return page.evaluate(() => {
    const ck = (window as unknown as { CKEDITOR: { instances: Record<string, { getData(): string }> } }).CKEDITOR;
    return ck.instances.UpdateContent?.getData() ?? '';
  });
}

const htmlToText = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&#39;|&rsquo;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

describe('Request Tracker 5 (real)', () => {
  let browser: LaunchedBrowser;
  let page: Page;
  let angryTicket: string;
  let worriedTicket: string;

  beforeAll(async () => {
    await assertRtUp();
    browser = await launchBrowser();
    page = await logIn(browser.context);
    angryTicket = await ticketIdBySubject(page, 'Third time asking: order #48213 STILL not delivered');
    worriedTicket = await ticketIdBySubject(page, 'Dubbeldebitering på mitt kort – vad har hänt?');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('reply page: reads the angry customer, and a clicked suggestion lands in CKEditor', async () => {
    const requests = recordRequests(browser.context);
    await page.goto(`${RT_URL}/Ticket/Update.html?Action=Respond&id=${angryTicket}`);
    await page.locator('#cke_UpdateContent iframe.cke_wysiwyg_frame').hover();

    const coach = page.locator('attune-coach');
    const emotion = coach.locator('[data-testid="attune-emotion"]');
    await expect.poll(() => emotion.getAttribute('data-emotion'), { timeout: 30_000 }).toBe('frustrated');
    // The customer's message came from the newest page of history, not the whole ticket history.
    const fetched = requests.urls().map((u) => new URL(u).pathname);
    requests.stop();
    expect(fetched).toContain('/Helpers/TicketHistoryPage');
    expect(fetched).not.toContain('/Ticket/History.html');

    const body = editorBody(page);
    await body.click();
    await page.keyboard.type('Hi Mark, ');
    await expect.poll(() => ckeditorData(page).then(htmlToText)).toBe('Hi Mark,');

    const suggestion = coach.locator('[data-testid="attune-suggestion"]').first();
    await suggestion.waitFor({ timeout: 30_000 });
    const phrase = (await suggestion.textContent())?.trim() ?? '';
    expect(phrase.length).toBeGreaterThan(10);
    await suggestion.click();

    // CKEditor's own model has the phrase after what was typed.
    await expect.poll(() => ckeditorData(page).then(htmlToText), { timeout: 10_000 }).toContain(phrase.slice(0, 20));
    expect(htmlToText(await ckeditorData(page)).startsWith('Hi Mark,')).toBe(true);
  });

  it('reply page of the Swedish ticket: reads a worried customer', async () => {
    await page.goto(`${RT_URL}/Ticket/Update.html?Action=Respond&id=${worriedTicket}`);
    await page.locator('#cke_UpdateContent iframe.cke_wysiwyg_frame').hover();
    const emotion = page.locator('attune-coach [data-testid="attune-emotion"]');
    await expect.poll(() => emotion.getAttribute('data-emotion'), { timeout: 30_000 }).toBe('worried');
  });

  it('comment page: internal, so no empathy suggestions while typing', async () => {
    await page.goto(`${RT_URL}/Ticket/Update.html?Action=Comment&id=${angryTicket}`);
    await page.locator('#cke_UpdateContent iframe.cke_wysiwyg_frame').waitFor();
    await editorBody(page).click();
    await page.keyboard.type('Customer says the desk never arrived, checking with the carrier. ');
    await expect.poll(() => ckeditorData(page).then(htmlToText)).toContain('checking with the carrier');

    // The coach is up for this composer as an internal note, and offers no empathy suggestion or score.
    const chip = page.locator('attune-coach [data-audience="internal"]');
    await chip.waitFor({ timeout: 30_000 });
    expect(await page.locator('attune-coach [data-audience="customer"]').count()).toBe(0);
    expect(await page.locator('attune-coach [data-testid="attune-suggestion"]').count()).toBe(0);
    expect(await page.locator('attune-coach [data-testid="attune-score"]').count()).toBe(0);
  });
});
