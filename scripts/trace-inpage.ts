// Where a keystroke's frame goes, with and without the extension: types into an editor test page with a
// 5,000-word draft under a Chrome trace, and prints the main thread's time per keystroke by kind (the content
// scripts' JavaScript, the page's, style, layout, paint, compositing). A development aid next to
// bench-inpage.ts, whose ratio it explains.  TRACE_EDITOR=<page> (default textarea), TRACE_KEYS (default 40);
// ATTUNE_OUT_DIR picks another build of the extension, as for the tests.
import { launchBrowser } from '../tests/e2e/harness';
import { type EditorPage, startEditorPages } from '../tests/e2e/pages/serve';

const EDITOR = (process.env.TRACE_EDITOR ?? 'textarea') as EditorPage;
const KEYS = Number(process.env.TRACE_KEYS ?? 40);
const SENTENCE =
  'I have looked at the account and I can see the payment arrived on the third. You should have checked the invoice before paying it twice. ';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { url?: string; frame?: string; type?: string } };
}

const TOP_LEVEL = new Set([
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'PrePaint',
  'Layerize',
  'Commit',
  'EventDispatch',
  'FireAnimationFrame',
  'TimerFire',
  'RunMicrotasks',
  'MajorGC',
  'MinorGC',
  'HitTest',
  'RunTask',
  'ThreadControllerImpl::RunTask',
]);

/** Per-event durations of the kinds whose spread matters (p50 / p95 printed below the means). */
const SPREAD = ['EventDispatch: keypress', 'FunctionCall: extension', 'FireAnimationFrame', 'RunTask'];

async function run(
  withExtension: boolean,
  url: string,
): Promise<{ by: Map<string, number>; spread: Map<string, number[]> }> {
  const browser = await launchBrowser({ extension: withExtension });
  const { context } = browser;
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { attuneTest?: unknown }).attuneTest);
  await page.evaluate(async (text) => {
    const t = (window as unknown as { attuneTest: { setDraft(s: string): unknown; focusEnd(): void } }).attuneTest;
    await t.setDraft(text);
    t.focusEnd();
  }, SENTENCE.repeat(190));
  if (withExtension) await page.locator('attune-coach').waitFor({ state: 'attached', timeout: 20_000 });
  await page.keyboard.type(' ');
  await page.waitForTimeout(1000);
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  } as never);
  for (let k = 0; k < KEYS; k++) {
    await page.keyboard.press('abcdefghij'[k % 10] ?? 'a');
    await page.waitForTimeout(60);
  }
  await cdp.send('Tracing.end');
  await done;
  await browser.close();
  // The renderer's main thread: the thread that ran the page's layouts.
  const main = events.find((e) => e.name === 'Layout' && e.ph === 'X');
  const by = new Map<string, number>();
  const spread = new Map<string, number[]>(SPREAD.map((k) => [k, []]));
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || !main || e.tid !== main.tid || e.pid !== main.pid) continue;
    let key: string | undefined = e.name;
    if (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.compile') {
      const u = e.args?.data?.url ?? '';
      key = `${e.name}: ${u.startsWith('chrome-extension://') ? 'extension' : `page ${u.split('/').pop()}`}`;
    }
    if (e.name === 'EventDispatch') key = `EventDispatch: ${e.args?.data?.type}`;
    if (process.env.TRACE_ALL !== '1' && !TOP_LEVEL.has(e.name) && !key.includes(':')) key = undefined;

    if (key) by.set(key, (by.get(key) ?? 0) + e.dur / 1000 / KEYS);
    if (key && e.dur > 200) spread.get(key)?.push(e.dur / 1000);
  }
  return { by, spread };
}

const pages = await startEditorPages();
const url = pages.pageUrl(EDITOR);
const { by: without, spread: spreadWithout } = await run(false, url);
const { by: withExt, spread: spreadWith } = await run(true, url);
await pages.close();
const keys = [...new Set([...without.keys(), ...withExt.keys()])].sort(
  (a, b) => (withExt.get(b) ?? 0) - (without.get(b) ?? 0) - ((withExt.get(a) ?? 0) - (without.get(a) ?? 0)),
);
console.log(`${EDITOR}: main-thread ms per keystroke (events overlap: a FunctionCall holds its layouts)`);
console.log(`${'kind'.padEnd(40)} without    with   added`);
for (const k of keys) {
  const a = without.get(k) ?? 0;
  const b = withExt.get(k) ?? 0;
  console.log(
    `${k.padEnd(40)} ${a.toFixed(2).padStart(7)} ${b.toFixed(2).padStart(7)} ${(b - a).toFixed(2).padStart(7)}`,
  );
}
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number);
};
console.log('\nper event (longer than 0.2 ms): count, p50 / p95 ms without → with');
for (const k of SPREAD) {
  const a = spreadWithout.get(k) ?? [];
  const b = spreadWith.get(k) ?? [];
  console.log(
    `${k.padEnd(40)} ${String(a.length).padStart(4)} ${pct(a, 50).toFixed(2)} / ${pct(a, 95).toFixed(2)}  →  ${String(b.length).padStart(4)} ${pct(b, 50).toFixed(2)} / ${pct(b, 95).toFixed(2)}`,
  );
}
