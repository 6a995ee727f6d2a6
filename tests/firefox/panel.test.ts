// The side panel in live Firefox (Firefox shows it as a sidebar; the same page is opened here in a tab): signed
// in to a real hub through the options page, it shows the agent's KPIs from the hub, and once the hub is gone a
// freshly opened panel still renders them from the extension's own cache (IndexedDB), offline.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../server/app';
import { startTestHub } from '../e2e/harness';
import { type LaunchedFirefox, launchFirefox } from './harness';

let hub: RunningHub;
let firefox: LaunchedFirefox;

beforeAll(async () => {
  [hub, firefox] = await Promise.all([startTestHub(), launchFirefox()]);
});

afterAll(async () => {
  await firefox?.close();
  await hub?.close().catch(() => {});
});

const attr = (page: Page, selector: string, name: string) =>
  page.evaluate((s: string, n: string) => document.querySelector(s)?.getAttribute(n) ?? null, selector, name);

describe('the side panel in live Firefox', () => {
  it('shows the hub’s KPIs after sign-in and renders them from cache with the hub stopped', async () => {
    const agent = hub.demo?.agents[0];
    if (!agent) throw new Error('the test hub has no demo agent');

    const options = await firefox.openExtensionPage('options.html');
    await options.locator('[data-testid="hub-url"]').fill(hub.url);
    await options.locator('[data-testid="hub-token"]').fill(agent.token);
    await options.locator('[data-testid="sign-in"]').click();
    await options.waitForSelector('[data-testid="signed-in-as"]', { timeout: 30_000 });
    await options.close();

    // What the hub says the agent's empathy KPI is over the panel's default window.
    const res = await fetch(`${hub.url}/api/v1/me/kpis?window=30d`, {
      headers: { Authorization: `Bearer ${agent.token}` },
    });
    const { kpis } = (await res.json()) as { kpis: { key: string; value: number | null }[] };
    const empathy = kpis.find((k) => k.key === 'empathy')?.value;
    expect(typeof empathy).toBe('number');

    const panel = await firefox.openExtensionPage('sidepanel.html');
    await expect
      .poll(() => attr(panel, '[data-testid="kpi-empathy"]', 'data-value'), { timeout: 30_000 })
      .toBe(String(empathy));
    await panel.close();

    await hub.close();
    // A freshly opened panel renders from IndexedDB alone and says it is offline.
    const fresh = await firefox.openExtensionPage('sidepanel.html');
    await expect.poll(() => attr(fresh, '[data-testid="kpi-empathy"]', 'data-value')).toBe(String(empathy));
    await expect
      .poll(() => attr(fresh, '[data-testid="sync-status"]', 'data-state'), { timeout: 30_000 })
      .toBe('offline');
    await fresh.close();
  });
});
