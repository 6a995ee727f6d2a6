// npm run bench:inpage — the in-page coach in real Chromium with the built extension (npx wxt build first).
// For each editor page: a 5,000-word draft, then keystrokes at the end of it; per keystroke the time from
// keydown to the chip's DOM update (a MutationObserver on the coach's shadow root, set up by the bench) and
// to the next frame after it; and the page's own keystroke -> next rendered frame, with and without the extension
// in the same run, as a ratio (a ratio holds on a noisy shared machine where an absolute time does not). Also:
// the content scripts' gzipped size (the helpdesk scout plus the coach it
// has the background inject), their main-thread start-up time on a page with no composer (CPU-profile samples
// under either script), and long tasks while typing.
// Targets: p95 <= 16 ms in every editor, frame ratio <= 1.2, <= 120 KB gzipped, start-up <= 10 ms, no long
// task > 50 ms.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, EXTENSION_DIR } from '../tests/e2e/harness';
import { EDITOR_PAGES, type EditorPage, startEditorPages } from '../tests/e2e/pages/serve';

const WORDS = 5_000;
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 80);
/** Keystrokes typed before measuring (BENCH_WARMUP, default 10); a few hundred measure the coach once V8 has optimised it. */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
const STARTUP_RUNS = 7;
/** BENCH_EDITORS=ckeditor5,slate runs only those pages (a quick look); all of them by default. */
const EDITORS = (EDITOR_PAGES as readonly EditorPage[]).filter(
  (e) => !process.env.BENCH_EDITORS || process.env.BENCH_EDITORS.split(',').includes(e),
);

const SENTENCES = [
  'Thanks for getting back to us about the invoice for the October period.',
  'I have looked at the account and I can see the payment arrived on the third.',
  'The second charge was a pre-authorisation that the bank releases within five working days.',
  'If it is still there on Monday, reply to this message and I will raise it with our billing team.',
  'In the meantime I have added a note to the account so anyone you speak to can see the history.',
  // Risky wording, so rewrites and their overlay highlights are part of every measured frame.
  'You should have checked the invoice before paying it twice.',
];

function draftOf(words: number): string {
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const p: string[] = [];
    for (let i = 0; i < 6 && count < words; i++) {
      const s = SENTENCES[(paragraphs.length + i) % SENTENCES.length] ?? '';
      p.push(s);
      count += s.split(' ').length;
    }
    paragraphs.push(p.join(' '));
  }
  return paragraphs.join('\n');
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

async function launch(withExtension: boolean, extensionDir: string) {
  const dir = mkdtempSync(join(tmpdir(), 'attune-bench-'));
  const args = [...CHROMIUM_FLAGS];
  if (withExtension) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args,
    viewport: { width: 1280, height: 900 },
  });
  if (withExtension && context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const PROBE = `(() => {
  const bench = (window.__bench = { samples: [], longTasks: [] });
  let t0 = -1;
  const frame = document.querySelector('iframe.cke_wysiwyg_frame, iframe.tox-edit-area__iframe');
  (frame ? frame.contentWindow : window).addEventListener('keydown', () => { t0 = performance.now(); }, true);
  const root = document.querySelector('attune-coach').shadowRoot;
  new MutationObserver(() => {
    if (t0 < 0) return;
    const start = t0;
    t0 = -1;
    const update = performance.now() - start;
    requestAnimationFrame(() => bench.samples.push({ update, frame: performance.now() - start }));
  }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push(e.duration);
  }).observe({ type: 'longtask' });
})()`;

// The page's own view: keydown (first capture listener on the editor's window) -> the frame after it has been
// rendered (a rAF callback, then a message posted from it, which runs after that frame's style, layout and paint).
const FRAME_PROBE = `(() => {
  const frames = (window.__frames = []);
  const frame = document.querySelector('iframe.cke_wysiwyg_frame, iframe.tox-edit-area__iframe');
  const ch = new MessageChannel();
  let pending = [];
  ch.port1.onmessage = () => { const now = performance.now(); for (const t of pending) frames.push(now - t); pending = []; };
  (frame ? frame.contentWindow : window).addEventListener('keydown', () => {
    const t0 = performance.now();
    requestAnimationFrame(() => { pending.push(t0); ch.port2.postMessage(0); });
  }, true);
})()`;

interface Figures {
  editor: EditorPage;
  p50: number;
  p95: number;
  max: number;
  frameP95: number;
  missed: number;
  longTasks: number;
  longestTask: number;
  /** Keydown -> next rendered frame p95, the page's own view, with the extension. */
  pageFrameP95: number;
  /** The same typing without the extension: long tasks the editor makes on its own. */
  baselineLongTasks: number;
  /** ...and its keydown -> next rendered frame p95. */
  baselineFrameP95: number;
}

const KEYS = 'abcdefghijklmnopqrstuvwxyz';

/** Types into each page in turn, keystroke by keystroke, so pages compared in one run share the machine's load. */
async function typeKeystrokes(...pages: Page[]) {
  for (let i = 0; i < KEYSTROKES + WARMUP; i++) {
    for (const page of pages) await typeKeystroke(page, i);
  }
}

async function typeKeystroke(page: Page, i: number) {
  if (i === WARMUP) {
    await page.evaluate(() => {
      const w = window as unknown as { __bench: { samples: unknown[]; longTasks: unknown[] }; __frames?: unknown[] };
      w.__bench.samples.splice(0);
      w.__bench.longTasks.splice(0);
      w.__frames?.splice(0);
    });
  }
  await page.keyboard.press(KEYS[i % KEYS.length] ?? 'a');
  await page.waitForTimeout(40);
}

async function openWithDraft(context: BrowserContext, url: string, withCoach: boolean): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => {
    const t = (window as unknown as { attuneTest?: { ready?(): boolean } }).attuneTest;
    return !!t && (!t.ready || t.ready());
  });
  await page.evaluate(async (text) => {
    const t = (window as unknown as { attuneTest: { setDraft(s: string): unknown; focusEnd(): void } }).attuneTest;
    await t.setDraft(text);
    t.focusEnd();
  }, draftOf(WORDS));
  // The coach loads when the agent turns to the composer (entrypoints/helpdesk.content): here, the focus.
  if (withCoach) await page.locator('attune-coach').waitFor({ state: 'attached', timeout: 20_000 });
  await page.keyboard.type(' ');
  return page;
}

const pageFrames = async (page: Page) =>
  (await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames)).sort((a, b) => a - b);

/** The same page in a browser without the extension, probed for long tasks and keydown -> next frame. */
async function openBaseline(context: BrowserContext, url: string): Promise<Page> {
  const page = await openWithDraft(context, url, false);
  await page.evaluate(`(() => {
    const bench = (window.__bench = { samples: [], longTasks: [] });
    new PerformanceObserver((list) => { for (const e of list.getEntries()) bench.longTasks.push(e.duration); })
      .observe({ type: 'longtask' });
  })()`);
  await page.evaluate(FRAME_PROBE);
  return page;
}

async function readBaseline(page: Page): Promise<{ longTasks: number; frameP95: number }> {
  const longTasks = await page.evaluate(
    () => (window as unknown as { __bench: { longTasks: number[] } }).__bench.longTasks.length,
  );
  const frameP95 = percentile(await pageFrames(page), 95);
  await page.close();
  return { longTasks, frameP95 };
}

/** The editor with the extension; with `plain`, the same page without it typed into alternately. */
async function benchEditor(
  context: BrowserContext,
  url: string,
  editor: EditorPage,
  plain?: BrowserContext,
): Promise<Figures> {
  const page = await openWithDraft(context, url, true);
  await page.locator('attune-coach [data-revision]').waitFor({ state: 'attached', timeout: 20_000 });
  // In-page probe: keydown time (capture, on the editor's window) -> first mutation of the chip -> next frame.
  // A string, not a function: tsx's name-keeping helpers do not exist in the page.
  await page.evaluate(PROBE);
  await page.evaluate(FRAME_PROBE);
  const base = plain ? await openBaseline(plain, url) : null;
  await typeKeystrokes(page, ...(base ? [base] : []));
  const pageFrameP95 = percentile(await pageFrames(page), 95);
  const without = base ? await readBaseline(base) : { longTasks: 0, frameP95: Number.NaN };
  const { samples, longTasks } = await page.evaluate(
    () =>
      (window as unknown as { __bench: { samples: { update: number; frame: number }[]; longTasks: number[] } }).__bench,
  );
  await page.close();
  const updates = samples.map((s) => s.update).sort((a, b) => a - b);
  const frames = samples.map((s) => s.frame).sort((a, b) => a - b);
  return {
    editor,
    p50: percentile(updates, 50),
    p95: percentile(updates, 95),
    max: updates[updates.length - 1] ?? Number.NaN,
    frameP95: percentile(frames, 95),
    missed: KEYSTROKES - samples.length,
    longTasks: longTasks.length,
    longestTask: Math.max(0, ...longTasks),
    pageFrameP95,
    baselineLongTasks: without.longTasks,
    baselineFrameP95: without.frameP95,
  };
}

/**
 * Main-thread time of the content script while a page without a composer loads: CDP CPU profile samples
 * whose stack contains a frame of the content script (so the DOM calls it makes count too), median of runs.
 */
async function startupCost(context: BrowserContext, url: string): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < STARTUP_RUNS + 1; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(url);
    await page.waitForTimeout(1500); // document_idle injection, then the coach's scan and message round trip
    const { profile } = await cdp.send('Profiler.stop');
    await page.close();
    if (i > 0) runs.push(contentScriptTime(profile)); // the first run warms the HTTP cache and V8's code cache
  }
  return [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? Number.NaN;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { url: string }; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Milliseconds of a CPU profile's samples whose stack holds a frame of a content script (helpdesk or coach). */
function contentScriptTime(profile: CpuProfile): number {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const node = nodes.get(id);
    const up = parent.get(id);
    const result =
      /\/content-scripts\/(helpdesk|coach)\.js/.test(node?.callFrame.url ?? '') || (up !== undefined && isOurs(up));
    ours.set(id, result);
    return result;
  };
  let micros = 0;
  profile.samples?.forEach((id, k) => {
    if (isOurs(id)) micros += profile.timeDeltas?.[k] ?? 0;
  });
  return micros / 1000;
}

async function main() {
  const scout = join(EXTENSION_DIR, 'content-scripts/helpdesk.js');
  const coachScript = join(EXTENSION_DIR, 'content-scripts/coach.js');
  let bytes: Buffer;
  let scoutBytes: Buffer;
  try {
    scoutBytes = readFileSync(scout);
    bytes = Buffer.concat([scoutBytes, readFileSync(coachScript)]);
  } catch {
    console.error(`The extension is not built (${scout} or ${coachScript} is missing). Run: npx wxt build`);
    process.exit(1);
  }
  // A private copy: other builds in this tree must not change the extension under the bench.
  const extensionDir = mkdtempSync(join(tmpdir(), 'attune-bench-ext-'));
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  const gzipKb = gzipSync(bytes).length / 1024;
  const scoutKb = gzipSync(scoutBytes).length / 1024;
  const pages = await startEditorPages();
  const rows: Figures[] = [];
  try {
    const b = await launch(true, extensionDir);
    const plain = await launch(false, extensionDir);
    for (const editor of EDITORS) {
      rows.push(await benchEditor(b.context, pages.pageUrl(editor), editor, plain.context));
    }
    await plain.close();
    const startup = await startupCost(b.context, `${pages.url}/tests/e2e/pages/blank.html`);
    await b.close();
    const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
    console.log(
      `\nbench:inpage — ${WORDS.toLocaleString('en')}-word draft, ${KEYSTROKES} keystrokes per editor after ${WARMUP} unmeasured\n`,
    );
    console.log(
      'editor           keydown→chip p50   p95    max   →next frame p95  missed  long tasks (max ms)  without ext.  page keydown→frame p95 with / without = ratio',
    );
    const ratio = (r: Figures) => r.pageFrameP95 / r.baselineFrameP95;
    for (const r of rows) {
      console.log(
        `${r.editor.padEnd(16)} ${f(r.p50).padStart(10)} ms ${f(r.p95).padStart(6)} ${f(r.max).padStart(6)} ${f(r.frameP95).padStart(12)} ms ${String(r.missed).padStart(7)}  ${String(r.longTasks).padStart(4)} (${f(r.longestTask)})${String(r.baselineLongTasks).padStart(12)}   ${f(r.pageFrameP95).padStart(12)} / ${f(r.baselineFrameP95).padStart(5)} ms = ${ratio(r).toFixed(2)}`,
      );
    }
    const worstP95 = Math.max(...rows.map((r) => r.p95));
    const worstRatio = Math.max(...rows.map(ratio));
    const worstRatioEditor = rows.find((r) => ratio(r) === worstRatio)?.editor ?? '';
    // Long tasks the editor makes without us (CKEditor snapshots its whole document) are not ours.
    const longTasks = rows.reduce((n, r) => n + Math.max(0, r.longTasks - r.baselineLongTasks), 0);
    console.log('');
    console.log(
      `keystroke→chip p95 (worst editor)   ${f(worstP95)} ms   target ≤ 16 ms   ${worstP95 <= 16 ? 'ok' : 'OVER'}`,
    );
    console.log(
      `page keydown→frame, with/without   ${worstRatio.toFixed(2)}×     target ≤ 1.2     ${worstRatio <= 1.2 ? 'ok' : 'OVER'}  (worst: ${worstRatioEditor})`,
    );
    console.log(
      `content scripts (gzipped)           ${gzipKb.toFixed(1)} KB   target ≤ 120 KB  ${gzipKb <= 120 ? 'ok' : 'OVER'}  (scout ${scoutKb.toFixed(1)} KB + coach)`,
    );
    console.log(
      `start-up, page without composer     ${f(startup)} ms   target ≤ 10 ms   ${startup <= 10 ? 'ok' : 'OVER'}`,
    );
    console.log(
      `long tasks (> 50 ms) from extension ${longTasks}        target 0         ${longTasks === 0 ? 'ok' : 'OVER'}`,
    );
  } finally {
    await pages.close();
    rmSync(extensionDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});

// ---- A 2,000-message thread (lib/sites: reading a long thread for the customer's latest message) ----------
// Runs once the editor figures above are printed (on 'beforeExit', so this addition leaves the function above
// untouched). A helpdesk-like page on 127.0.0.1 (the generic adapter: the costliest reader) with 2,000
// messages from customer and agent, some internal notes, times on each, and a reply composer. Prints the
// content scripts' main-thread start-up time on it (same CPU-profile method as above: the page loads and nobody
// touches it, so this is the scout; the coach loads when the agent turns to the composer), then clicks the
// composer and prints the time from the pointer reaching it to the chip, the coach's main-thread time for
// loading (injection, thread read, first analysis, chip), and long tasks from the click through typing.
// Targets: start-up <= 10 ms, no long task.
// BENCH_THREAD=0 skips it.
async function benchLongThread(messages = 2_000): Promise<void> {
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(threadPage(req.url?.includes('short') ? 20 : messages));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}/tickets/48213`;
  const extensionDir = mkdtempSync(join(tmpdir(), 'attune-bench-ext-'));
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  try {
    const b = await launch(true, extensionDir);
    const startup = await startupCost(b.context, url);
    // The same page with a 20-message thread: the difference is what the long thread adds.
    const short = await startupCost(b.context, `${url}?short`);
    const page = await b.context.newPage();
    await page.goto(url);
    // Long tasks are watched from before the click: the coach loads on it (the scout waits for the agent to
    // turn to the composer), so its injection and warm-up happen while the agent starts typing.
    await page.evaluate(`(() => {
      const bench = (window.__bench = { samples: [], longTasks: [], pointerAt: -1, chipAt: -1 });
      new PerformanceObserver((list) => { for (const e of list.getEntries()) bench.longTasks.push(e.duration); })
        .observe({ type: 'longtask' });
      document.addEventListener('pointerover', () => { if (bench.pointerAt < 0) bench.pointerAt = performance.now(); }, true);
      const seen = () => {
        const chip = document.querySelector('attune-coach')?.shadowRoot?.querySelector('[data-revision]');
        if (chip && bench.chipAt < 0) bench.chipAt = performance.now();
        return !!chip;
      };
      const mo = new MutationObserver(() => {
        const root = document.querySelector('attune-coach')?.shadowRoot;
        if (root) { mo.disconnect(); new MutationObserver(seen).observe(root, { subtree: true, childList: true, attributes: true }); seen(); }
      });
      mo.observe(document.body, { childList: true });
    })()`);
    const cdp = await b.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.locator('textarea').click();
    await page.locator('attune-coach [data-revision]').waitFor({ state: 'attached', timeout: 20_000 });
    await page.waitForTimeout(1000); // the customer's message is read and analysed after the first render
    const warmUp = contentScriptTime((await cdp.send('Profiler.stop')).profile);
    const { pointerAt, chipAt } = await page.evaluate(
      () => (window as unknown as { __bench: { pointerAt: number; chipAt: number } }).__bench,
    );
    for (let i = 0; i < KEYSTROKES; i++) {
      await page.keyboard.press(KEYS[i % KEYS.length] ?? 'a');
      await page.waitForTimeout(40);
    }
    const longTasks = await page.evaluate(
      () => (window as unknown as { __bench: { longTasks: number[] } }).__bench.longTasks,
    );
    await b.close();
    const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
    const n = messages.toLocaleString('en');
    console.log(`\n${n}-message thread page (generic adapter), ${KEYSTROKES} keystrokes\n`);
    console.log(
      `start-up, ${n}-message thread page   ${f(startup)} ms   target ≤ 10 ms   ${startup <= 10 ? 'ok' : 'OVER'}`,
    );
    console.log(`start-up, same page, 20 messages      ${f(short)} ms`);
    console.log(`added by the ${n} messages          ${f(startup - short)} ms`);
    console.log(
      `pointer reaches the composer -> chip ${f(chipAt - pointerAt)} ms   (the coach loads on that intent; then the click)`,
    );
    console.log(
      `coach's main-thread time from the click until 1 s after its chip: ${f(warmUp)} ms (injection, warm-up)`,
    );
    console.log(
      `long tasks (> 50 ms) from the click on ${longTasks.length}${longTasks.length ? ` (max ${f(Math.max(...longTasks))} ms)` : ''}        target 0         ${longTasks.length === 0 ? 'ok' : 'OVER'}`,
    );
  } finally {
    server.close();
    rmSync(extensionDir, { recursive: true, force: true });
  }
}

/** A helpdesk-like ticket page: `count` messages (customer, agent, internal notes) with times, and a reply box. */
function threadPage(count: number): string {
  const rows: string[] = [];
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < count; i++) {
    const who = i % 7 === 6 ? 'note internal' : i % 2 === 0 ? 'customer' : 'agent';
    const at = new Date(start + i * 600_000).toISOString();
    rows.push(
      `<article class="message message--${who}" data-message-id="${i + 1}"><header><span class="author">${
        who === 'customer' ? 'Mark Thompson' : 'Alex Agent'
      }</span> <time datetime="${at}">${at.slice(0, 16)}</time></header><div class="message-body"><p>Message ${
        i + 1
      }: the parcel for order ${48_000 + i} is still not here and I need it for work this week.</p></div></article>`,
    );
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ticket #48213</title></head><body>
<main><section class="thread">${rows.join('\n')}</section>
<form class="reply"><textarea name="reply" aria-label="Reply to customer" rows="8" cols="80"></textarea></form></main></body></html>`;
}

if (process.env.BENCH_THREAD !== '0') {
  process.once('beforeExit', () => {
    benchLongThread().catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exitCode = 1;
    });
  });
}
