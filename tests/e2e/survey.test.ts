// The hosted survey in real Chromium: mint a link like a helpdesk automation would, open it,
// one-click start (`?csat=5`), answer the rest by keyboard-free clicks on a phone-sized page, then find
// the answer in the agent's GET /api/v1/me/feedback and in the extension's side panel.
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningHub } from '../../server/app';
import { type LaunchedBrowser, launchBrowser, openPanel, signIn, startTestHub } from './harness';

let hub: RunningHub;
let browser: LaunchedBrowser;
let context: BrowserContext;
let extensionId: string;

const demo = () => {
  if (!hub.demo) throw new Error('the test hub has no demo credentials');
  return hub.demo;
};
const agent = () => {
  const a = demo().agents[0];
  if (!a) throw new Error('no demo agent');
  return a;
};

beforeAll(async () => {
  hub = await startTestHub();
  browser = await launchBrowser();
  context = browser.context;
  if (!browser.extensionId) throw new Error('extension not loaded');
  extensionId = browser.extensionId;
});

afterAll(async () => {
  await browser?.close();
  await hub?.close().catch(() => {});
});

describe('hosted survey in the real browser', () => {
  const contactId = `e2e-survey-${Date.now()}`;
  const comment = 'Åsa förstod direkt. <b>Tack!</b>';
  let feedbackId = '';

  test('mint, one-click start, answer the rest, see it in /me/feedback', async () => {
    const minted = await fetch(`${hub.url}/api/v1/survey-links`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${demo().integrationToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        contactId,
        agent: { email: agent().email },
        lang: 'sv',
        channel: 'chat',
        caseType: 'billing',
      }),
    });
    expect(minted.status).toBe(201);
    const { url } = (await minted.json()) as { url: string };

    const page = await context.newPage();
    await page.setViewportSize({ width: 375, height: 740 });
    const first = await page.goto(`${url}?csat=5`);
    expect(first?.status()).toBe(200);
    await page.getByRole('status').filter({ hasText: 'Tack, vi har sparat ditt betyg' }).waitFor();
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    // Fits a phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // What a screen reader gets: each question is a named group; the end points carry their meaning.
    const csat = page.getByRole('group', { name: 'Hur nöjd är du med hjälpen du fick?' });
    expect(await csat.getByRole('radio', { name: '5 – Mycket nöjd' }).isChecked()).toBe(true);
    const firstName = agent().name.split(' ')[0] as string;
    await page
      .getByRole('group', { name: `Hur väl förstod ${firstName} din situation?` })
      .getByRole('radio', { name: '5 – Helt och hållet' })
      .check();
    await page
      .getByRole('group', { name: 'Hur tydligt var svaret?' })
      .getByRole('radio', { name: '4', exact: true })
      .check();
    await page
      .getByRole('group', { name: /Hur troligt är det att du skulle rekommendera oss/ })
      .getByRole('radio', { name: '9', exact: true })
      .check();
    await page.getByRole('textbox', { name: /Är det något mer du vill berätta/ }).fill(comment);
    await page.getByRole('button', { name: 'Skicka' }).click();
    await page.getByRole('heading', { name: 'Tack!' }).waitFor();
    await page.close();

    const res = await fetch(`${hub.url}/api/v1/me/feedback?limit=1000`, {
      headers: { Authorization: `Bearer ${agent().token}` },
    });
    const items = ((await res.json()) as { items: Record<string, unknown>[] }).items.filter(
      (i) => i.contactId === contactId,
    );
    expect(items).toEqual([
      expect.objectContaining({
        csat: 5,
        empathy: 5,
        clarity: 4,
        nps: 9,
        comment,
        channel: 'chat',
        caseType: 'billing',
        lang: 'sv',
      }),
    ]);
    feedbackId = String(items[0]?.id);
  });

  test('works with JavaScript switched off in the browser', async () => {
    const minted = await fetch(`${hub.url}/api/v1/survey-links`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${demo().integrationToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ contactId: `${contactId}-nojs`, agent: { email: agent().email }, lang: 'nb' }),
    });
    const { url } = (await minted.json()) as { url: string };
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(url);
    await page
      .getByRole('group', { name: 'Hvor fornøyd er du med hjelpen du fikk?' })
      .getByRole('radio', { name: '2', exact: true })
      .check();
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { name: 'Takk!' }).waitFor();
    await page.close();
    const res = await fetch(`${hub.url}/api/v1/me/feedback?limit=1000`, {
      headers: { Authorization: `Bearer ${agent().token}` },
    });
    const items = ((await res.json()) as { items: Record<string, unknown>[] }).items;
    expect(items.filter((i) => i.contactId === `${contactId}-nojs`)).toEqual([
      expect.objectContaining({ csat: 2, lang: 'nb' }),
    ]);
  });

  test("the answer appears in the agent's side panel, comment shown as text", async () => {
    expect(feedbackId).not.toBe('');
    await signIn(context, extensionId, hub.url, agent().token);
    const panel = await openPanel(context, extensionId);
    await panel.getByTestId('tab-feedback').click();
    const item = panel.locator(`[data-testid="feedback-item"][data-feedback-id="${feedbackId}"]`);
    await item.waitFor({ timeout: 30_000 });
    expect(await item.getByTestId('feedback-comment').textContent()).toContain(comment);
    expect(await item.locator('b').count()).toBe(0);
  });
});
