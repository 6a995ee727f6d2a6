// Real Chromium with the built extension and a real hub (PGlite, demo seed): the side panel's views end to end.
// Untrusted strings inserted into the hub (survey comments through the integration token, tips through the
// lead token) stay text in the panel; the agent's actions reach the hub; a lead works in the Team view.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningHub } from '../../server/app';
import { UNSAFE_URLS, XSS_CORPUS } from '../dom/panel/xss-corpus';
import { type LaunchedBrowser, launchBrowser, openPanel, signIn, startTestHub } from './harness';

let hub: RunningHub;
let browser: LaunchedBrowser;
let context: BrowserContext;
let extensionId: string;

function demo() {
  if (!hub.demo) throw new Error('the test hub has no demo credentials');
  return hub.demo;
}
function agent() {
  const a = demo().agents[0];
  if (!a) throw new Error('no demo agent');
  return a;
}

async function api<T>(token: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${hub.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} -> ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * Payload elements, on* attributes, non-http(s) links and bidi controls in the panel (see xss-corpus.ts): in the
 * live view, or in the copy of the picture of the last view that `capturePicture` kept.
 */
async function unsafeBitsIn(page: Page, where: 'live' | 'picture' = 'live'): Promise<string[]> {
  return page.evaluate((where) => {
    const root =
      where === 'live' ? document.getElementById('root') : (window as unknown as { __picture?: Element }).__picture;
    if (!root) return [`no ${where} view`];
    const found: string[] = [];
    // The panel's own drawings (ring picture, pulse faces) are marked; anything else is a payload.
    for (const tag of ['script', 'img', 'iframe', 'math', 'style', 'animate', 'mglyph', 'body', 'svg']) {
      for (const el of root.querySelectorAll(tag))
        if (!el.closest('[data-own-graphic]')) found.push(`<${tag}> element`);
    }
    for (const el of root.querySelectorAll('*')) {
      for (const a of el.getAttributeNames()) if (a.toLowerCase().startsWith('on')) found.push(`${a} attribute`);
    }
    for (const a of root.querySelectorAll('a, [href]')) {
      const href = a.getAttribute('href') ?? '';
      if (!/^https?:\/\//i.test(href)) found.push(`link to ${href}`);
    }
    if (/[\u202A-\u202E\u2066-\u2069]/.test(root.textContent ?? '')) found.push('bidi control in text');
    return found;
  }, where);
}

/** Before any page script: keeps a copy of the picture of the last view (lib/store/snapshot.ts) as first shown. */
function capturePicture() {
  const observer = new MutationObserver(() => {
    const holder = document.getElementById('snapshot');
    if (!holder || holder.childElementCount === 0) return;
    observer.disconnect();
    (window as unknown as { __picture: Element }).__picture = holder.cloneNode(true) as Element;
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function syncNow(page: Page) {
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect
    .poll(() => page.getByTestId('sync-status').getAttribute('data-state'), { timeout: 30_000 })
    .toBe('online');
}

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

describe('side panel in the real browser', () => {
  let panel: Page;
  const stamp = Date.now();

  test('remote strings from the hub stay text: nothing runs, no payload element, no unsafe link', async () => {
    // Survey answers through the integration token, each comment a payload.
    // One second apart, newest first: with equal times the virtualised list would order them by random id and
    // the first payload could sit below the rendered rows.
    const now = Date.now();
    const items = XSS_CORPUS.map((comment, i) => ({
      externalId: `xss-${stamp}-${i}`,
      contactId: `xss-contact-${i}`,
      agent: { email: agent().email },
      channel: 'chat',
      caseType: 'billing',
      answeredAt: new Date(now - i * 1000).toISOString(),
      empathy: 2,
      comment,
      ticketUrl: `https://helpdesk.example/tickets/${i}`,
    }));
    await api(demo().integrationToken, '/api/v1/feedback/batch', { method: 'POST', body: items });
    // Tips from the lead, each text a payload.
    for (const text of XSS_CORPUS) {
      await api(demo().lead.token, '/api/v1/tips', { method: 'POST', body: { agentId: agent().id, text } });
    }
    // The hub refuses unsafe ticket links itself; the panel would not link them either (tests/dom/panel).
    for (const ticketUrl of UNSAFE_URLS) {
      const res = await fetch(`${hub.url}/api/v1/feedback`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${demo().integrationToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...items[0], externalId: `bad-url-${stamp}-${ticketUrl.length}`, ticketUrl }),
      });
      expect(res.status).toBe(400);
    }

    await signIn(context, extensionId, hub.url, agent().token);
    panel = await openPanel(context, extensionId);
    await syncNow(panel);

    await panel.getByTestId('tab-feedback').click();
    await panel.getByTestId('filter-has-comment').check();
    const scriptComment = panel.getByTestId('feedback-comment').filter({ hasText: XSS_CORPUS[0] ?? '' });
    await expect.poll(() => scriptComment.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await unsafeBitsIn(panel)).toEqual([]);
    await panel.getByTestId('tab-coaching').click();
    await expect.poll(() => panel.getByTestId('tip-text').filter({ hasText: '<svg onload=' }).count()).toBe(1);
    expect(await unsafeBitsIn(panel)).toEqual([]);
    // Give any event handler (onerror, onload, ontoggle, onbegin) time to fire if it had been parsed.
    await panel.waitForTimeout(500);
    expect(await panel.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    // Every link in the Feedback view is an http(s) ticket link.
    await panel.getByTestId('tab-feedback').click();
    await expect.poll(() => panel.getByTestId('feedback-ticket').count()).toBeGreaterThan(0);
    const hrefs = await panel.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
  });

  test('reopened, the panel first shows the picture of its last view, where the payloads are text too', async () => {
    // A panel opened on the Feedback view saves its picture once the view has its data (newest first: the
    // payload comments are on its first screen). Other pages than `panel`, which the next tests keep using.
    const first = await context.newPage();
    await first.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=feedback`);
    await expect
      .poll(() => first.evaluate(() => localStorage.getItem('attune.panelSnapshot.feedback') ?? ''), {
        timeout: 20_000,
      })
      .toContain('&lt;script&gt;');
    await first.close();
    const reopened = await context.newPage();
    try {
      await reopened.addInitScript(capturePicture);
      await reopened.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=feedback`);
      await expect
        .poll(() =>
          reopened.evaluate(() => (window as unknown as { __picture?: Element }).__picture?.textContent ?? ''),
        )
        .toContain(XSS_CORPUS[0]);
      expect(await unsafeBitsIn(reopened, 'picture')).toEqual([]);
      // The live view replaces it, and nothing in the picture ran meanwhile.
      await expect.poll(() => reopened.getByTestId('feedback-item').count(), { timeout: 20_000 }).toBeGreaterThan(0);
      await expect.poll(() => reopened.locator('#snapshot > *').count()).toBe(0);
      await reopened.waitForTimeout(500);
      expect(await reopened.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    } finally {
      await reopened.close();
    }
  });

  test("agent actions reach the hub: mark reviewed, private note, ask my lead, today's pulse", async () => {
    await panel.getByTestId('tab-feedback').click();
    const row = panel.getByTestId('feedback-item').first();
    const feedbackId = await row.getAttribute('data-feedback-id');
    if (!feedbackId) throw new Error('no feedback row');
    await row.getByTestId('feedback-review').click();
    await row.getByTestId('feedback-open').click();
    await row.getByTestId('feedback-note').fill('Summarise before solving next time.');
    await row.getByTestId('feedback-save-note').click();
    await row.getByTestId('feedback-ask').fill(`How would you have answered? ${stamp}`);
    await row.getByTestId('feedback-ask-send').click();

    await expect
      .poll(
        async () => {
          const mine = await api<{ items: { id: string; reviewed: boolean; note: string | null }[] }>(
            agent().token,
            '/api/v1/me/feedback?limit=1000',
          );
          const item = mine.items.find((i) => i.id === feedbackId);
          return item && { reviewed: item.reviewed, note: item.note };
        },
        { timeout: 20_000 },
      )
      .toEqual({ reviewed: true, note: 'Summarise before solving next time.' });
    await expect
      .poll(async () => {
        const asked = await api<{ items: { feedbackId: string; question: string }[] }>(
          demo().lead.token,
          '/api/v1/team/requests',
        );
        return asked.items.some((r) => r.feedbackId === feedbackId && r.question.endsWith(String(stamp)));
      })
      .toBe(true);
    // The lead never sees the private note.
    const leadView = JSON.stringify(await api(demo().lead.token, '/api/v1/team/requests'));
    expect(leadView).not.toContain('Summarise before solving next time.');

    await panel.getByTestId('tab-pulse').click();
    await panel.getByTestId('pulse-4').click();
    await expect.poll(() => panel.getByTestId('pulse-saved').textContent()).toContain('Good');
  });

  test('an agent has no Team view; signing out from the panel wipes it', async () => {
    expect(await panel.getByTestId('tab-team').count()).toBe(0);
    await panel.getByTestId('sign-out').click();
    await expect.poll(() => panel.getByTestId('sync-status').getAttribute('data-state')).toBe('signed-out');
    await expect.poll(() => panel.getByTestId('not-signed-in').count()).toBe(1);
    expect(await panel.getByTestId('feedback-item').count()).toBe(0);
    await panel.close();
  });

  test('a lead sees the team, sends a tip through the Team view and answers a question', async () => {
    await signIn(context, extensionId, hub.url, demo().lead.token);
    const lead = await openPanel(context, extensionId);
    await expect
      .poll(() => lead.getByTestId('sync-status').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('online');
    await lead.getByTestId('tab-team').click();
    // Per-agent influenceable KPIs, one row per agent of the demo team.
    await expect
      .poll(() => lead.locator('[data-testid="team-kpis"] [data-agent-id]').count(), { timeout: 30_000 })
      .toBe(demo().agents.length);

    const text = `Try naming the feeling first (${stamp})`;
    await lead.getByTestId('compose-to').selectOption(agent().id);
    await lead.getByTestId('compose-text').fill(text);
    await lead.getByTestId('compose-kpi').selectOption('empathy');
    await lead.getByTestId('compose-send').click();
    await expect
      .poll(async () => {
        const tips = await api<{ items: { text: string; kpi: string | null }[] }>(agent().token, '/api/v1/me/tips');
        return tips.items.find((t) => t.text === text)?.kpi;
      })
      .toBe('empathy');
    // The sent tip appears in the lead's list once the background refreshed the team caches.
    await expect.poll(() => lead.getByTestId('team-tips').textContent(), { timeout: 20_000 }).toContain(text);

    const request = lead.locator('[data-request-id]').filter({ hasText: String(stamp) });
    await request.getByRole('textbox').fill('Start by acknowledging how they feel.');
    await request.getByRole('button', { name: 'Send answer' }).click();
    await expect
      .poll(async () => {
        const mine = await api<{ items: { question: string; answer: string | null }[] }>(
          agent().token,
          '/api/v1/me/requests',
        );
        return mine.items.find((r) => r.question.endsWith(String(stamp)))?.answer;
      })
      .toBe('Start by acknowledging how they feel.');
    // A pairing code for an agent, from the hub.
    const pairRow = lead.locator(`[data-testid="team-pairing"] [data-agent-id="${agent().id}"]`);
    await pairRow.getByRole('button', { name: 'Pairing code' }).click();
    await expect
      .poll(() => pairRow.getByTestId('pairing-code').textContent(), { timeout: 20_000 })
      .toMatch(/: [A-Z0-9]{4}-[A-Z0-9]{4} /);
    expect(await unsafeBitsIn(lead)).toEqual([]);
    await lead.close();
  });
});
