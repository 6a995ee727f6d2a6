// Issue #2's browser tests for the in-page coach, against the demo helpdesk with the built extension loaded.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTicket } from '../../demo/helpdesk/tickets';
import { analyzeMessage, loadAllLanguagePacks } from '../../lib/empathy';
import { type LaunchedBrowser, launchBrowser, startTestHelpdesk } from './harness';
import { approachComposer, coach, coachCount, suggestionList } from './pages/coach-page';

let browser: LaunchedBrowser;
let helpdesk: { url: string; close(): Promise<void> };

beforeAll(async () => {
  helpdesk = await startTestHelpdesk();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await helpdesk?.close();
});

async function openTicket(id: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${helpdesk.url}/tickets/${id}`);
  return page;
}

describe('in-page coach on the demo helpdesk', () => {
  it('mounts <attune-coach> with an open shadow root and reads the customer', async () => {
    const page = await openTicket('1');
    // The pointer reaching the reply box is enough: the chip shows before the agent clicks into it.
    await approachComposer(page, 'textarea.composer__input');
    await page.locator('attune-coach').waitFor({ state: 'attached', timeout: 15_000 });
    expect(await page.evaluate(() => document.querySelector('attune-coach')?.shadowRoot?.mode)).toBe('open');
    const c = coach(page);
    await expect.poll(() => c.emotion.getAttribute('data-emotion')).toBe('frustrated');
    expect(await c.score.textContent()).toMatch(/^\d{1,3}$/);
    expect(await coachCount(page)).toBe(1);
    await page.close();
  });

  it('shows suggestions while typing and inserts the clicked one at the caret', async () => {
    const page = await openTicket('1');
    const c = coach(page);
    const composer = page.locator('textarea.composer__input');
    await composer.click();
    await page.keyboard.type('Hi Maria, I can see two charges on your card.');
    // Put the caret in the middle: the phrase must land there, not at the end.
    const caret = 'Hi Maria, '.length;
    await composer.evaluate((el: HTMLTextAreaElement, at) => el.setSelectionRange(at, at), caret);
    await expect.poll(() => c.suggestions.count()).toBeGreaterThan(0);
    const [first] = await suggestionList(c.suggestions);
    expect(first?.id).toBeTruthy();
    expect(first?.text.length).toBeGreaterThan(5);
    const scoreBefore = Number(await c.score.textContent());

    await c.suggestions.first().click();

    const phrase = first?.text ?? '';
    // Spaced like typed text: "Hi Maria, <phrase> I can see ..."
    await expect.poll(() => composer.inputValue()).toBe(`Hi Maria, ${phrase} I can see two charges on your card.`);
    // Focus stayed in the composer and the caret sits right after the inserted text.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(await composer.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(caret + phrase.length + 1);
    // The score follows the draft.
    await expect.poll(async () => Number(await c.score.textContent())).toBeGreaterThan(scoreBefore);
    await page.close();
  });

  it('inserts into the composer the agent last focused (email reply, not the internal note)', async () => {
    const page = await openTicket('2');
    const c = coach(page);
    const reply = page.locator('[data-composer="public-reply"] [contenteditable]');
    const note = page.locator('[data-composer="internal-note"] [contenteditable]');
    await note.click();
    await page.keyboard.type('Checked with PostNord.');
    // An internal note gets no empathy suggestions.
    await expect.poll(() => c.host.locator('[data-audience="internal"]').count()).toBe(1);
    expect(await c.suggestions.count()).toBe(0);

    await reply.click();
    await page.keyboard.type('Hej Johan, paketet är försenat.');
    await expect.poll(() => c.suggestions.count()).toBeGreaterThan(0);
    const [first] = await suggestionList(c.suggestions);
    await c.suggestions.first().click();
    await expect.poll(() => reply.textContent()).toContain(first?.text ?? '\u0000');
    expect(await note.textContent()).toBe('Checked with PostNord.');
    await page.close();
  });

  it('follows single-page navigation to another ticket: new customer, new composers', async () => {
    await loadAllLanguagePacks();
    const email = findTicket('2');
    const lastCustomer = email?.messages.filter((m) => m.role === 'customer').at(-1);
    expect(lastCustomer).toBeDefined();
    const expected = analyzeMessage(lastCustomer?.body.join('\n') ?? '').emotion;
    const page = await openTicket('1');
    const c = coach(page);
    await approachComposer(page, 'textarea.composer__input');
    await expect.poll(() => c.emotion.getAttribute('data-emotion')).toBe('frustrated');
    await expect.poll(() => c.emotion.textContent()).toContain('third contact');
    // What a single-page helpdesk does: fetch the next ticket, swap the workspace, push the URL.
    await page.evaluate(async (url) => {
      const html = await (await fetch(url)).text();
      const next = new DOMParser().parseFromString(html, 'text/html').querySelector('.workspace');
      const workspace = document.querySelector('.workspace');
      if (!next || !workspace) throw new Error('no workspace');
      workspace.replaceChildren(...[...next.childNodes].map((n) => document.importNode(n, true)));
      history.pushState({}, '', url);
    }, `${helpdesk.url}/tickets/2`);
    // Both customers are upset; the plain-words state tells them apart (Johan has not contacted us 3 times).
    await expect.poll(() => c.emotion.textContent()).not.toContain('third contact');
    expect(await c.emotion.getAttribute('data-emotion')).toBe(expected);
    expect(await coachCount(page)).toBe(1);
    const reply = page.locator('[data-composer="public-reply"] [contenteditable]');
    await reply.click();
    await page.keyboard.type('Hej Johan, jag förstår.');
    await expect.poll(() => c.suggestions.count()).toBeGreaterThan(0);
    const [first] = await suggestionList(c.suggestions);
    await c.suggestions.first().click();
    await expect.poll(() => reply.textContent()).toContain(first?.text ?? '\u0000');
    await page.close();
  });

  it('ignores a composer inside [data-attune="off"], while a composer typed in after it gets its rewrite', async () => {
    const page = await openTicket('1');
    await approachComposer(page, 'textarea.composer__input');
    await page.locator('attune-coach').waitFor({ state: 'attached', timeout: 15_000 });
    await page.evaluate(() => {
      const off = document.createElement('div');
      off.setAttribute('data-attune', 'off');
      off.innerHTML = '<form class="composer" data-audience="customer"><textarea id="private"></textarea></form>';
      document.querySelector('.thread')?.before(off);
    });
    // Every risky wording the chip ever shows, recorded as it renders: a rewrite for the opted-out text that
    // showed for a moment and went again still counts.
    await page.evaluate(() => {
      const root = document.querySelector('attune-coach')?.shadowRoot;
      if (!root) throw new Error('no coach shadow root');
      const seen = new Set<string>();
      (window as unknown as { attuneSeenRisks: Set<string> }).attuneSeenRisks = seen;
      const record = () => {
        for (const el of root.querySelectorAll('.attune-rewrite__from')) seen.add(el.textContent ?? '');
      };
      new MutationObserver(record).observe(root, { subtree: true, childList: true, characterData: true });
      record();
    });
    const seenRisks = () =>
      page.evaluate(() => [...(window as unknown as { attuneSeenRisks: Set<string> }).attuneSeenRisks]);
    const c = coach(page);
    await page.locator('#private').click();
    await page.keyboard.type('You should have read the manual.');
    // Positive control: the coach handles input in order, so once the real composer's risky wording (typed after
    // the opted-out text) has its rewrite, the opted-out keystrokes have been seen and ignored.
    await page.locator('textarea.composer__input').click();
    await page.keyboard.type('Calm down, Maria.');
    await expect.poll(seenRisks).toContain('Calm down');
    expect(await c.rewrites.count()).toBeGreaterThan(0);
    expect(await seenRisks()).not.toContain('You should have');
    expect(await page.locator('#private').inputValue()).toBe('You should have read the manual.');
    await page.close();
  });
});
