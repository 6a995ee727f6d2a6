// The options page in real Chromium: sign in with a pairing code from the lead, the settings persist, and
// sign-out wipes every local record and the token.
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningHub } from '../../server/app';
import { tableCounts } from './extension-db';
import { type LaunchedBrowser, launchBrowser, openPanel, startTestHub } from './harness';

let hub: RunningHub;
let browser: LaunchedBrowser;
let context: BrowserContext;
let extensionId: string;

beforeAll(async () => {
  hub = await startTestHub();
  browser = await launchBrowser();
  context = browser.context;
  if (!browser.extensionId) throw new Error('extension not loaded');
  extensionId = browser.extensionId;
});

afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

function demo() {
  if (!hub.demo) throw new Error('the test hub has no demo credentials');
  return hub.demo;
}

async function storedToken(): Promise<unknown> {
  const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  if (!worker) throw new Error('no extension service worker');
  return worker.evaluate(async () => {
    type Chrome = { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
    const got = await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('attune.hubToken');
    return got['attune.hubToken'] ?? null;
  });
}

describe('options page', () => {
  test('pairing code sign-in, settings that persist, and a sign-out that leaves nothing behind', async () => {
    const agent = demo().agents[1];
    if (!agent) throw new Error('no demo agent');
    const pairing = await fetch(`${hub.url}/api/v1/team/pairing-codes`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${demo().lead.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ agentId: agent.id }),
    });
    const { code } = (await pairing.json()) as { code: string };

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByTestId('hub-url').fill(hub.url);
    await options.getByTestId('hub-pairing-code').fill(code);
    await options.getByTestId('sign-in').click();
    await expect
      .poll(() => options.getByTestId('signed-in-as').textContent(), { timeout: 30_000 })
      .toContain(agent.name);
    expect(typeof (await storedToken())).toBe('string');

    // Sharing is opt-in; the choice survives a reload.
    const share = options.getByTestId('share-reply-flags');
    expect(await share.isChecked()).toBe(false);
    await share.check();
    await options.reload();
    await options.getByTestId('share-reply-flags').waitFor();
    expect(await options.getByTestId('share-reply-flags').isChecked()).toBe(true);

    const panel = await openPanel(context, extensionId);
    await expect
      .poll(() => panel.getByTestId('sync-status').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('online');
    const before = await tableCounts(panel);
    expect(before.feedback).toBeGreaterThan(0);
    expect(before.kpiSnapshots).toBe(3);
    // The panel keeps a picture of its last view for its next first paint (lib/store/snapshot.ts): the
    // account's KPIs are in it, so sign-out must take it too.
    const pictures = () =>
      options.evaluate(() =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith('attune.panelSnapshot.'))
          .map((k) => localStorage.getItem(k) ?? ''),
      );
    await expect
      .poll(async () => (await pictures()).some((p) => p.includes('data-snapshot-testid=\\"kpi-')), {
        timeout: 15_000,
      })
      .toBe(true);

    await options.getByTestId('sign-out').click();
    await options.getByTestId('sign-in').waitFor({ timeout: 15_000 });
    await expect
      .poll(() => panel.getByTestId('sync-status').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('signed-out');
    const after = await tableCounts(panel);
    expect(Object.entries(after).filter(([name, n]) => n > 0 && name !== 'meta')).toEqual([]);
    expect(after.meta).toBeLessThanOrEqual(1); // only the signed-out status row
    expect(await storedToken()).toBeNull();
    expect((await pictures()).filter((p) => p.includes('kpi-'))).toEqual([]);
  });
});
