// Editor-safe insertion in real editors from npm, through the built extension's coach: the text must land in
// the editor's own model (read through its API), the caret must sit after it, and one Ctrl+Z must remove it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchBrowser } from './harness';
import { coach, suggestionList } from './pages/coach-page';
import { EDITOR_PAGES, type EditorPage, startEditorPages } from './pages/serve';

let browser: LaunchedBrowser;
let pages: Awaited<ReturnType<typeof startEditorPages>>;

beforeAll(async () => {
  pages = await startEditorPages();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await pages?.close();
});

type TestApi = {
  model(): string;
  textBeforeCaret(): string | null;
  focusEnd(): void;
  ready?(): boolean;
  apiCalls?(): number;
};
const api = <T>(page: Page, fn: (t: TestApi) => T) =>
  page.evaluate(`(${fn.toString()})(window.attuneTest)`) as Promise<Awaited<T>>;
/** The model's text through the editor's own API; editors that end every document in '\n' lose it here. */
const model = async (page: Page) => plain(await api(page, (t) => t.model()));
const beforeCaret = (page: Page) => api(page, (t) => t.textBeforeCaret());
/** Calls of the editor API the page-world bridge uses, on pages that count them (test-api.ts); else null. */
const apiCalls = (page: Page) => api(page, (t) => (t.apiCalls ? t.apiCalls() : null));
const plain = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\n$/, '');

const DRAFT = 'Hello Maria, thanks for waiting. You should have read the FAQ.';
const RISKY = 'You should have';
/** The draft's last keystroke, typed right before a suggestion or rewrite is clicked. */
const LAST = DRAFT.slice(-1);

async function openEditor(name: EditorPage): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(pages.pageUrl(name));
  await page.waitForFunction(() => {
    const t = (window as unknown as { attuneTest?: TestApi }).attuneTest;
    return !!t && (!t.ready || t.ready());
  });
  // Focusing the composer loads the coach (the scout waits for the agent to turn to a composer); it is up
  // before the agent types.
  await api(page, (t) => t.focusEnd());
  await page.locator('attune-coach').waitFor({ state: 'attached', timeout: 15_000 });
  // All but the last keystroke; the tests type it right before they click (see LAST).
  await page.keyboard.type(DRAFT.slice(0, -1));
  return page;
}

/** What the coach's bridge reads from the composer (the same detection and text map, bundled for the test). */
async function bridgeRead(page: Page): Promise<string> {
  if (!(await page.evaluate(() => 'attuneBridgeRead' in window))) {
    await page.addScriptTag({ url: `${pages.url}/bundles/bridge-read.js` });
  }
  return plain(
    (await page.evaluate(() => (window as unknown as { attuneBridgeRead(): string }).attuneBridgeRead())) ?? '',
  );
}

/** Elements of ours anywhere but our own host: in the page, its same-origin iframes and open shadow roots. */
function nodesOfOurs(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const ours =
          (el.tagName.startsWith('ATTUNE') && !(el.tagName === 'ATTUNE-COACH' && el.parentElement === document.body)) ||
          [...el.attributes].some((a) => a.name.startsWith('data-attune') && a.name !== 'data-attune') ||
          [...el.classList].some((c) => c.startsWith('attune'));
        if (ours) found.push(el.outerHTML.slice(0, 80));
        if (el.shadowRoot && el.tagName !== 'ATTUNE-COACH') visit(el.shadowRoot);
        if (el.tagName === 'IFRAME') {
          const doc = (el as HTMLIFrameElement).contentDocument;
          if (doc) visit(doc);
        }
      }
    };
    visit(document);
    return found;
  });
}

const occurrences = (s: string, part: string) => s.split(part).length - 1;

/** Redo: Ctrl+Shift+Z, or Ctrl+Y where that is the editor's key. */
async function redo(page: Page, expected: string) {
  await page.keyboard.press('Control+Shift+z');
  const back = await expect
    .poll(() => model(page), { timeout: 2000 })
    .toBe(expected)
    .then(() => true)
    .catch(() => false);
  if (!back) await page.keyboard.press('Control+y');
  await expect.poll(() => model(page)).toBe(expected);
}

describe.each(EDITOR_PAGES)('%s', (name) => {
  it('inserts at the caret and replaces a span through the editor; each is one undo step', async () => {
    const page = await openEditor(name);
    const c = coach(page);
    await expect.poll(() => c.suggestions.count(), { timeout: 10_000 }).toBeGreaterThan(0);

    // A keystroke and then at once a click: ProseMirror (500 ms) and Quill (1 s) merge edits made that close
    // together into one undo step, and the insertion must still be a step of its own.
    await page.keyboard.type(LAST);
    const offered = (await suggestionList(c.suggestions)).map((x) => x.text);
    await c.suggestions.first().click();

    // The insertion may wait for the editor's undo-grouping window (up to ~1 s after the last keystroke).
    await expect.poll(() => model(page), { timeout: 5000 }).toContain(`${DRAFT} `);
    const inserted = await model(page);
    const phrase = offered.find((x) => x.length > 5 && inserted.includes(`${DRAFT} ${x}`)) ?? '';
    expect(phrase).not.toBe('');
    // In the model exactly once, right after the intact draft, nothing else.
    expect(inserted).toBe(`${DRAFT} ${phrase}`);
    expect(occurrences(inserted, phrase)).toBe(1);
    expect(await beforeCaret(page)).toMatch(new RegExp(`${escapeRe(phrase)}$`));
    expect(await bridgeRead(page)).toBe(inserted);
    expect(await nodesOfOurs(page)).toEqual([]);
    // Where the page counts its API calls, the text went in through the editor's API, not the fallback.
    const calls = await apiCalls(page);
    if (calls !== null) expect(calls).toBe(1);

    await page.keyboard.press('Control+z');
    await expect.poll(() => model(page)).toBe(DRAFT);
    await redo(page, inserted);
    await page.keyboard.press('Control+z');
    await expect.poll(() => model(page)).toBe(DRAFT);

    // A rewrite of the risky wording, clicked right after typing more.
    await api(page, (t) => t.focusEnd());
    await page.keyboard.type(' Thanks');
    const draft2 = `${DRAFT} Thanks`;
    await expect.poll(() => model(page)).toBe(draft2);
    await expect.poll(() => c.rewrites.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // The highlight sits over the composer (overlay outside the editor).
    await expect.poll(() => c.highlights.count()).toBeGreaterThan(0);
    const hl = await c.highlights.first().boundingBox();
    const editorBox = await page.locator('#editor, .cke_contents, .tox-edit-area').first().boundingBox();
    expect(hl && editorBox).toBeTruthy();
    if (hl && editorBox) {
      expect(hl.x).toBeGreaterThanOrEqual(editorBox.x - 1);
      expect(hl.y).toBeGreaterThanOrEqual(editorBox.y - 1);
      expect(hl.y + hl.height).toBeLessThanOrEqual(editorBox.y + editorBox.height + 1);
    }
    const replacement = (await c.rewrites.first().textContent()) ?? '';
    await page.keyboard.type('.');
    const draft3 = `${draft2}.`;
    await c.rewrites.first().click();

    await expect.poll(() => model(page), { timeout: 5000 }).toContain(replacement);
    // Only the risky span changed: the text before and after it is the draft's own.
    const replaced = await model(page);
    const at = replaced.indexOf(replacement);
    const head = replaced.slice(0, at);
    const tail = replaced.slice(at + replacement.length);
    expect(draft3.startsWith(head) && draft3.endsWith(tail)).toBe(true);
    expect(draft3.slice(head.length, draft3.length - tail.length)).toContain(RISKY);
    expect(replaced).not.toContain(RISKY);
    expect(await bridgeRead(page)).toBe(replaced);
    expect(await nodesOfOurs(page)).toEqual([]);
    if (calls !== null) expect(await apiCalls(page)).toBe(2);
    await page.keyboard.press('Control+z');
    await expect.poll(() => model(page)).toBe(draft3);
    await page.close();
  });
});

describe('coach behaviour in an editor', () => {
  it('inserts the first suggestion with Alt+Shift+1 without leaving the composer', async () => {
    const page = await openEditor('textarea');
    const c = coach(page);
    await expect.poll(() => c.suggestions.count()).toBeGreaterThan(0);
    const [first] = await suggestionList(c.suggestions);
    await page.keyboard.press('Alt+Shift+Digit1');
    await expect.poll(() => model(page)).toContain(first?.text ?? '\u0000');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('editor');
    await page.close();
  });

  it('keeps risk highlights aligned when the page scrolls', async () => {
    const page = await openEditor('contenteditable');
    const c = coach(page);
    await expect.poll(() => c.highlights.count()).toBeGreaterThan(0);
    const wordBox = () =>
      page.evaluate((risky) => {
        const ed = document.getElementById('editor') as HTMLElement;
        const walker = document.createTreeWalker(ed, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const at = (n.nodeValue ?? '').indexOf(risky);
          if (at < 0) continue;
          const r = document.createRange();
          r.setStart(n, at);
          r.setEnd(n, at + risky.length);
          const b = r.getBoundingClientRect();
          return { x: b.x, y: b.y };
        }
        return null;
      }, RISKY);
    await page.evaluate(() => {
      document.body.style.minHeight = '3000px';
      window.scrollBy(0, 120);
    });
    await expect
      .poll(async () => {
        const [hl, word] = [await c.highlights.first().boundingBox(), await wordBox()];
        return hl && word ? Math.round(Math.abs(hl.y - word.y) + Math.abs(hl.x - word.x)) : -1;
      })
      .toBeLessThanOrEqual(2);
    await page.close();
  });
});

describe('overlay inside an iframe editor', () => {
  it('keeps highlights on the words when CKEditor scrolls its own iframe', async () => {
    const page = await browser.context.newPage();
    await page.goto(pages.pageUrl('ckeditor4'));
    await page.waitForFunction(() => (window as unknown as { attuneTest: TestApi }).attuneTest.ready?.());
    const lines = Array.from({ length: 20 }, (_, i) => `Line ${i + 1} of the history.`);
    await page.evaluate(
      (text) => (window as unknown as { attuneTest: { setDraft(s: string): Promise<void> } }).attuneTest.setDraft(text),
      [...lines, `${RISKY} read the FAQ.`].join('\n'),
    );
    await api(page, (t) => t.focusEnd());
    await page.locator('attune-coach').waitFor({ state: 'attached', timeout: 15_000 });
    await page.keyboard.type(' Thanks.');
    const c = coach(page);
    await expect.poll(() => c.highlights.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const offset = async () => {
      const [hl, word] = [
        await c.highlights.first().boundingBox(),
        await page.evaluate((risky) => {
          const frame = document.querySelector('iframe.cke_wysiwyg_frame') as HTMLIFrameElement;
          const doc = frame.contentDocument as Document;
          const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const at = (n.nodeValue ?? '').indexOf(risky);
            if (at < 0) continue;
            const r = doc.createRange();
            r.setStart(n, at);
            r.setEnd(n, at + risky.length);
            const b = r.getBoundingClientRect();
            const f = frame.getBoundingClientRect();
            return { x: b.x + f.x + frame.clientLeft, y: b.y + f.y + frame.clientTop };
          }
          return null;
        }, RISKY),
      ];
      return hl && word ? Math.round(Math.abs(hl.y - word.y) + Math.abs(hl.x - word.x)) : -1;
    };
    await expect.poll(offset).toBeLessThanOrEqual(2);
    const scrolled = await page.evaluate(() => {
      const win = (document.querySelector('iframe.cke_wysiwyg_frame') as HTMLIFrameElement).contentWindow as Window;
      win.scrollBy(0, -60);
      return win.scrollY;
    });
    expect(scrolled).toBeGreaterThan(0);
    await expect.poll(offset).toBeLessThanOrEqual(2);
    await page.close();
  });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
