// Real Chromium with the built extension and a real hub (PGlite, demo seed): on one feedback row the agent marks
// it reviewed and saves a private note, in either order, in a side panel reopened in a new page, and while the
// hub is unreachable. Both must reach the hub: a note the panel accepted is never lost.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningHub } from '../../server/app';
import { tableRows } from './extension-db';
import { type LaunchedBrowser, launchBrowser, openPanel, signIn, startTestHub } from './harness';
import { type HubRelay, hubRelay } from './hub-relay';

let hub: RunningHub;
let relay: HubRelay;
let browser: LaunchedBrowser;
let context: BrowserContext;
let extensionId: string;

function agent() {
  const a = hub.demo?.agents[0];
  if (!a) throw new Error('the test hub has no demo agent');
  return a;
}

async function hubState(feedbackId: string): Promise<{ reviewed: boolean; note: string | null } | undefined> {
  const res = await fetch(`${hub.url}/api/v1/me/feedback?limit=1000`, {
    headers: { Authorization: `Bearer ${agent().token}` },
  });
  if (!res.ok) throw new Error(`GET /me/feedback -> ${res.status} ${await res.text()}`);
  const { items } = (await res.json()) as { items: { id: string; reviewed: boolean; note: string | null }[] };
  const item = items.find((i) => i.id === feedbackId);
  return item && { reviewed: item.reviewed, note: item.note };
}

/** The ids of the answers that carry this note on the hub. */
async function withNote(note: string): Promise<string[]> {
  const res = await fetch(`${hub.url}/api/v1/me/feedback?limit=1000`, {
    headers: { Authorization: `Bearer ${agent().token}` },
  });
  const { items } = (await res.json()) as { items: { id: string; note: string | null }[] };
  return items.filter((i) => i.note === note).map((i) => i.id);
}

async function syncState(page: Page): Promise<string | null> {
  return page.getByTestId('sync-status').getAttribute('data-state');
}

/** A panel reopened in a new page on the Feedback view, with its live rows shown. */
async function reopenOnFeedback(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=feedback`);
  await expect
    .poll(() => page.locator('#root [data-testid="feedback-item"]').count(), { timeout: 20_000 })
    .toBeGreaterThan(0);
  return page;
}

/** The row at `index`, pinned by its id. */
async function row(page: Page, index: number): Promise<{ r: Locator; id: string }> {
  const id = await page.locator('#root [data-testid="feedback-item"]').nth(index).getAttribute('data-feedback-id');
  if (!id) throw new Error('no feedback row');
  return { r: page.locator(`#root [data-testid="feedback-item"][data-feedback-id="${id}"]`), id };
}

async function markReviewed(r: Locator) {
  await r.getByTestId('feedback-review').click();
  await expect.poll(() => r.getByTestId('feedback-review').getAttribute('aria-pressed')).toBe('true');
}

async function saveNote(r: Locator, note: string) {
  if ((await r.getByTestId('feedback-note').count()) === 0) await r.getByTestId('feedback-open').click();
  await r.getByTestId('feedback-note').fill(note);
  await r.getByTestId('feedback-save-note').click();
  // Accepted: the draft is cleared, so the button is disabled again with the saved note in the box.
  await expect.poll(() => r.getByTestId('feedback-save-note').isDisabled()).toBe(true);
  expect(await r.getByTestId('feedback-note').inputValue()).toBe(note);
}

beforeAll(async () => {
  hub = await startTestHub();
  relay = await hubRelay(hub.port);
  browser = await launchBrowser();
  context = browser.context;
  if (!browser.extensionId) throw new Error('extension not loaded');
  extensionId = browser.extensionId;
});

afterAll(async () => {
  await browser?.close();
  await relay?.down();
  await hub?.close().catch(() => {});
});

describe('reviewed and a private note on the same feedback row', () => {
  test('sign in; the panel shows the feedback, then is closed', async () => {
    await signIn(context, extensionId, relay.url, agent().token);
    const first = await openPanel(context, extensionId);
    await expect.poll(() => syncState(first), { timeout: 30_000 }).toBe('online');
    await first.getByTestId('tab-feedback').click();
    await expect.poll(() => first.getByTestId('feedback-item').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await first.close();
  });

  test('reopened panel, first row: mark reviewed, then save note -> the hub has both, on that row', async () => {
    // As the agent does it: each click on whatever row is first in the list at that moment.
    const page = await reopenOnFeedback();
    const first = page.locator('#root [data-testid="feedback-item"]').first();
    const id = await first.getAttribute('data-feedback-id');
    if (!id) throw new Error('no feedback row');
    const note = `Reviewed first, then this note ${Date.now()}`;
    await first.getByTestId('feedback-review').click();
    await first.getByTestId('feedback-open').click();
    await first.getByTestId('feedback-note').fill(note);
    await first.getByTestId('feedback-save-note').click();
    // The note reached the hub, on the row the agent started on and no other.
    await expect.poll(async () => (await withNote(note)).length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await withNote(note)).toEqual([id]);
    await expect.poll(() => hubState(id), { timeout: 20_000 }).toEqual({ reviewed: true, note });
    // The row stayed first, with the list at its top: the panel reopened there and did not move under the clicks.
    expect(await first.getAttribute('data-feedback-id')).toBe(id);
    expect(await page.locator('#root .feedback-scroll').evaluate((el) => el.scrollTop)).toBe(0);
    await page.close();
  });

  test('reopened panel: save note, then mark reviewed -> the hub has both', async () => {
    const page = await reopenOnFeedback();
    const { r, id } = await row(page, 1);
    const note = `Note first, then reviewed ${Date.now()}`;
    await saveNote(r, note);
    await markReviewed(r);
    await expect.poll(() => hubState(id), { timeout: 20_000 }).toEqual({ reviewed: true, note });
    await page.close();
  });

  test('hub unreachable: both actions wait in the outbox and both arrive when it is back', async () => {
    const page = await reopenOnFeedback();
    const { r, id } = await row(page, 2);
    const before = await hubState(id);
    await relay.down();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => syncState(page), { timeout: 30_000 }).toBe('offline');
    const note = `Written offline ${Date.now()}`;
    await markReviewed(r);
    await saveNote(r, note);
    await expect
      .poll(
        async () =>
          (await tableRows<{ kind: string }>(page, 'outbox')).filter((e) => e.kind === 'feedback:state').length,
      )
      .toBe(2);
    expect(await hubState(id)).toEqual(before);

    await relay.up();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => hubState(id), { timeout: 30_000 }).toEqual({ reviewed: true, note });
    await expect.poll(async () => (await tableRows(page, 'outbox')).length, { timeout: 20_000 }).toBe(0);
    // The panel still shows both after the pull that followed the delivery.
    expect(await r.getByTestId('feedback-note').inputValue()).toBe(note);
    expect(await r.getByTestId('feedback-review').getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });
});
