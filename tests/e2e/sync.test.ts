// Real Chromium with the built extension, a real hub (PGlite, demo seed): sign-in through the options page,
// data in the side panel, a lead's live tip, an acknowledgement made while the hub is unreachable, and the
// panel offline with the hub stopped.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningHub } from '../../server/app';
import { tableCounts, tableRows } from './extension-db';
import { type LaunchedBrowser, launchBrowser, openPanel, signIn, startTestHub } from './harness';
import { type HubRelay, hubRelay } from './hub-relay';

let hub: RunningHub;
let browser: LaunchedBrowser;
let context: BrowserContext;
let extensionId: string;
let relay: HubRelay;
let panel: Page;

function demo() {
  if (!hub.demo) throw new Error('the test hub has no demo credentials');
  return hub.demo;
}
const agent = () => {
  const a = demo().agents[0];
  if (!a) throw new Error('no demo agent');
  return a;
};

async function api<T>(token: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${hub.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`${path} -> ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The toolbar badge, read inside the extension's service worker. */
async function badgeText(): Promise<string | undefined> {
  const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  return worker?.evaluate(() =>
    (
      globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
    ).chrome.action.getBadgeText({}),
  );
}

async function unreadTips(page: Page): Promise<number> {
  return (await tableRows<{ readAt: string | null }>(page, 'tips')).filter((t) => t.readAt === null).length;
}

async function syncState(page: Page): Promise<string | null> {
  return page.getByTestId('sync-status').getAttribute('data-state');
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

describe('sync in the real browser', () => {
  test('a wrong token shows the sign-in error on the options page', async () => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.getByTestId('hub-url').fill(relay.url);
    await page.getByTestId('hub-token').fill('wrong-token');
    await page.getByTestId('sign-in').click();
    await expect.poll(() => page.getByTestId('sign-in-error').textContent(), { timeout: 20_000 }).toMatch(/401/);
    expect(await page.getByTestId('signed-in-as').count()).toBe(0);
    await page.close();
  });

  test('sign in through the options page; KPIs, feedback and tips arrive in the panel', async () => {
    await signIn(context, extensionId, relay.url, agent().token);
    panel = await openPanel(context, extensionId);
    await expect.poll(() => syncState(panel), { timeout: 30_000 }).toBe('online');

    // KPI tiles carry the hub's raw values (the panel opens on the 30-day window).
    const fromHub = await api<{ kpis: { key: string; value: number | null }[] }>(
      agent().token,
      '/api/v1/me/kpis?window=30d',
    );
    expect(fromHub.kpis.length).toBeGreaterThan(0);
    for (const kpi of fromHub.kpis) {
      const tile = panel.getByTestId(`kpi-${kpi.key}`);
      // Outside-ring tiles sit behind a disclosure: present, not necessarily visible.
      await tile.waitFor({ state: 'attached', timeout: 15_000 });
      expect(await tile.getAttribute('data-value'), kpi.key).toBe(kpi.value === null ? '' : String(kpi.value));
    }
    expect(await panel.getByTestId('sync-status').textContent()).toMatch(/\d/);

    await panel.getByTestId('tab-feedback').click();
    const newest = await api<{ items: { id: string; answeredAt: string }[] }>(
      agent().token,
      '/api/v1/me/feedback?limit=1000',
    );
    const latest = [...newest.items].sort((a, b) => b.answeredAt.localeCompare(a.answeredAt))[0];
    if (!latest) throw new Error('demo agent has no feedback');
    await panel.locator(`[data-testid="feedback-item"][data-feedback-id="${latest.id}"]`).waitFor({ timeout: 15_000 });

    // Unread tips count on the toolbar badge until the agent has seen them in Coaching.
    const unread = await unreadTips(panel);
    expect(unread).toBeGreaterThan(0);
    await expect.poll(badgeText, { timeout: 10_000 }).toBe(String(unread));

    await panel.getByTestId('tab-coaching').click();
    await expect.poll(badgeText, { timeout: 10_000 }).toBe('');
    const tips = await api<{ items: { id: string }[] }>(agent().token, '/api/v1/me/tips');
    expect(tips.items.length).toBeGreaterThan(0);
    for (const tip of tips.items) {
      await panel.locator(`[data-testid="tip"][data-tip-id="${tip.id}"]`).waitFor({ timeout: 15_000 });
    }
  });

  test('a lead’s new tip appears in the open panel (event stream)', async () => {
    await panel.getByTestId('tab-coaching').click();
    // Let the panel's Port open the stream before the lead writes.
    await panel.waitForTimeout(1_000);
    const started = Date.now();
    const tip = await api<{ id: string }>(demo().lead.token, '/api/v1/tips', {
      method: 'POST',
      body: { agentId: agent().id, text: 'Live tip: name the feeling before the fix.' },
    });
    await panel.locator(`[data-testid="tip"][data-tip-id="${tip.id}"]`).waitFor({ timeout: 10_000 });
    console.log(`[e2e sync] lead tip POST -> visible in the agent's panel: ${Date.now() - started} ms`);
  });

  test('acknowledge while the hub is unreachable; when it is back the ack arrives exactly once', async () => {
    const tip = await api<{ id: string }>(demo().lead.token, '/api/v1/tips', {
      method: 'POST',
      body: { agentId: agent().id, text: 'Offline ack: summarise what you heard.' },
    });
    const card = panel.locator(`[data-testid="tip"][data-tip-id="${tip.id}"]`);
    await card.waitFor({ timeout: 15_000 });

    await relay.down();
    await expect.poll(() => syncState(panel), { timeout: 30_000 }).toBe('offline');
    const comment = card.getByTestId('tip-ack-comment');
    if ((await comment.count()) > 0) await comment.fill('Got it, offline');
    await card.getByTestId('tip-ack').click();
    await card.getByTestId('tip-acked').waitFor({ timeout: 10_000 });
    // Still down: the hub has not heard of it.
    await panel.waitForTimeout(1_500);
    const acksOf = async () => {
      const team = await api<{ items: { id: string; acks: { agentId: string; comment: string | null }[] }[] }>(
        demo().lead.token,
        '/api/v1/team/tips',
      );
      return team.items.find((t) => t.id === tip.id)?.acks ?? [];
    };
    expect(await acksOf()).toEqual([]);

    await relay.up();
    await expect.poll(async () => (await acksOf()).length, { timeout: 60_000, interval: 500 }).toBe(1);
    await expect.poll(() => syncState(panel), { timeout: 30_000 }).toBe('online');
    // The outbox is empty, and later syncs (stream reconnects, alarms) have nothing to deliver again.
    const outboxSize = async () => (await tableCounts(panel)).outbox;
    await expect.poll(outboxSize, { timeout: 10_000 }).toBe(0);
    await panel.waitForTimeout(2_000);
    const acks = await acksOf();
    expect(acks).toHaveLength(1);
    expect(acks[0]).toMatchObject({ agentId: agent().id });
  });

  test('with notifications switched on, a new tip raises a system notification', async () => {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByTestId('notify-tips').check();
    await expect.poll(() => options.getByTestId('notify-tips').isChecked()).toBe(true);
    const tip = await api<{ id: string }>(demo().lead.token, '/api/v1/tips', {
      method: 'POST',
      body: { agentId: agent().id, text: 'Notify: thank them for their patience.' },
    });
    await options.getByTestId('sync-now').click();
    const notifications = async () => {
      const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      return worker?.evaluate(async () => {
        type Chrome = { notifications: { getAll(): Promise<Record<string, boolean>> } };
        return Object.keys(await (globalThis as unknown as { chrome: Chrome }).chrome.notifications.getAll());
      });
    };
    await expect.poll(notifications, { timeout: 15_000 }).toContain(`attune-tip-${tip.id}`);
    await options.close();
  });

  test('hub stopped: the panel keeps showing the KPIs, offline, with the last-synced time', async () => {
    await panel.getByTestId('tab-kpis').click();
    const tile = panel.getByTestId('kpi-empathy');
    await tile.waitFor({ timeout: 15_000 });
    const before = await tile.getAttribute('data-value');
    expect(before).not.toBeNull();

    await relay.down();
    await hub.close();
    await expect.poll(() => syncState(panel), { timeout: 30_000 }).toBe('offline');
    expect(await tile.getAttribute('data-value')).toBe(before);
    // A freshly opened panel renders from IndexedDB alone.
    const fresh = await openPanel(context, extensionId);
    await fresh.getByTestId('kpi-empathy').waitFor({ timeout: 15_000 });
    expect(await fresh.getByTestId('kpi-empathy').getAttribute('data-value')).toBe(before);
    await expect.poll(() => syncState(fresh), { timeout: 30_000 }).toBe('offline');
    expect(await fresh.getByTestId('sync-status').textContent()).toMatch(/\d{1,2}[:.]\d{2}/);
  });
});
