// `npm run bench:panel`: first paint of the side panel from cache, in real Chromium with the built extension.
// 50,000 feedback rows (plus KPI snapshots for every window, tips and reply flags) are written into the
// extension's IndexedDB from the panel page (same origin, plain IndexedDB API: the build has no test hook); then
// each view is opened N times, each time in a new tab like the side panel's own new document, and we record
// the next frame after the first KPI tile / feedback row entered the DOM, from navigation start.
// Target: <= 150 ms, and p95 <= 1.5x an empty extension page.
//
// The same run opens an empty extension page (written into the bench's private copy of the build, never
// shipped) the same way, in the same rounds (empty page, each view, empty page, ...), so the figures say how
// much of the paint is the panel's own work and how much is the browser's cost of opening any extension page
// on this machine, under the same load.
//
//   npm run bench:panel [-- --rows 50000 --runs 20 --build --samples]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { PANEL_SNAPSHOT_PREFIX } from '../lib/store/snapshot';

const root = resolve(import.meta.dirname, '..');
// The build folder: ATTUNE_OUT_DIR as for `wxt build` (wxt.config.ts), .output by default.
const EXTENSION_DIR = join(root, process.env.ATTUNE_OUT_DIR ?? '.output', 'chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGET_MS = 150;
/** The panel's paint p95 may be at most this multiple of the empty page's. */
const TARGET_RATIO = 1.5;
/** The empty page: one element the probe waits for, nothing else. */
const EMPTY_PAGE = 'bench-empty.html';
const PICTURE = PANEL_SNAPSHOT_PREFIX;
const EMPTY_HTML =
  '<!doctype html><html><head><meta charset="utf-8"></head><body><p id="empty">empty</p></body></html>';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '50000' },
    runs: { type: 'string', default: '20' },
    build: { type: 'boolean', default: false },
    samples: { type: 'boolean', default: false },
  },
});
const ROWS = Number(args.rows);
const RUNS = Number(args.runs);

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
}

/** Fixtures generated inside the page (no 50k-object round trip over CDP), written with plain IndexedDB. */
async function seed(page: Page, rows: number): Promise<{ feedback: number; tips: number; flags: number }> {
  return page.evaluate(async (n) => {
    // The panel's Dexie database ("attune", lib/db): its stores are plain object stores with the same keys.
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('attune');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const write = (store: string, rows: unknown[]) =>
      new Promise<void>((resolve, reject) => {
        const tx = idb.transaction(store, 'readwrite');
        for (const r of rows) tx.objectStore(store).put(r);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    const count = (store: string) =>
      new Promise<number>((resolve, reject) => {
        const req = idb.transaction(store).objectStore(store).count();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const table = (name: string) => ({
      bulkPut: (rows: unknown[]) => write(name, rows),
      bulkAdd: (rows: unknown[]) => write(name, rows),
      count: () => count(name),
    });
    const db = {
      feedback: table('feedback'),
      kpiSnapshots: table('kpiSnapshots'),
      tips: table('tips'),
      replyFlags: table('replyFlags'),
      meta: table('meta'),
    };
    const now = Date.now();
    let seedValue = 42;
    const rand = () => {
      seedValue = (seedValue * 1103515245 + 12345) & 0x7fffffff;
      return seedValue / 0x7fffffff;
    };
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const caseTypes = ['billing', 'delivery', 'technical', 'account', 'cancellation'];
    const comments = [
      'Thank you, you really understood my problem.',
      'Tack för hjälpen, det löste sig snabbt!',
      'I had to explain everything three times. Not happy.',
      'Svaret var otydligt och jag fick vänta länge.',
      null,
      null,
    ];
    const span = 90 * 86_400_000;
    for (let start = 0; start < n; start += 5000) {
      const chunk = [];
      for (let i = start; i < Math.min(n, start + 5000); i++) {
        const answeredAt = new Date(now - Math.floor((i / n) * span) - Math.floor(rand() * 60_000)).toISOString();
        chunk.push({
          id: `fb-${i}`,
          externalId: `ext-${i}`,
          contactId: `ticket-${i}`,
          channel: rand() < 0.6 ? 'chat' : 'email',
          caseType: pick(caseTypes),
          answeredAt,
          empathy: 1 + Math.floor(rand() * 5),
          csat: 1 + Math.floor(rand() * 5),
          clarity: rand() < 0.8 ? 1 + Math.floor(rand() * 5) : null,
          nps: rand() < 0.5 ? Math.floor(rand() * 11) : null,
          comment: pick(comments),
          lang: 'en',
          ticketUrl: `http://127.0.0.1:8788/tickets/${i}`,
          reviewed: rand() < 0.3,
          note: null,
          updatedAt: answeredAt,
        });
      }
      await db.feedback.bulkPut(chunk);
    }
    const keys: [string, string, string][] = [
      ['empathy', 'inside', 'score'],
      ['clarity', 'inside', 'score'],
      ['csat', 'inside', 'percent'],
      ['fcr', 'inside', 'percent'],
      ['nps', 'edge', 'nps'],
      ['first_response', 'edge', 'minutes'],
      ['reopen_rate', 'edge', 'percent'],
      ['volume', 'outside', 'count'],
    ];
    const snapshot = (window: string, days: number) => ({
      window,
      fetchedAt: new Date(now).toISOString(),
      kpis: keys.map(([key, influence, unit]) => ({
        key,
        label: key,
        influence,
        unit,
        value: Math.round(rand() * 50 * 10) / 10,
        n: 500,
        target: 40,
        teamMedian: 38,
        trend: Array.from({ length: days }, (_, d) => ({
          date: new Date(now - (days - d) * 86_400_000).toISOString().slice(0, 10),
          value: Math.round(rand() * 50 * 10) / 10,
        })),
        byChannel: { chat: { value: 4.2, n: 300 }, email: { value: 4.0, n: 200 } },
        byCaseType: Object.fromEntries(caseTypes.map((c) => [c, { value: 4.1, n: 100 }])),
      })),
    });
    await db.kpiSnapshots.bulkPut([snapshot('7d', 7), snapshot('30d', 30), snapshot('90d', 90)]);
    await db.tips.bulkPut(
      Array.from({ length: 30 }, (_, i) => ({
        id: `tip-${i}`,
        text: `Coaching tip ${i}: summarise what you heard before solving.`,
        author: { id: 'lead', name: 'Maria Berg' },
        feedbackId: `fb-${i}`,
        kpi: 'empathy',
        due: null,
        createdAt: new Date(now - i * 86_400_000).toISOString(),
        updatedAt: new Date(now - i * 86_400_000).toISOString(),
        ack: null,
        readAt: i < 3 ? null : new Date(now).toISOString(),
      })),
    );
    const behaviors = ['acknowledge', 'apology', 'restate', 'solution', 'thanks'];
    await db.replyFlags.bulkAdd(
      Array.from({ length: 3000 }, (_, i) => ({
        site: 'demo',
        ticketId: `ticket-${i * 5}`,
        channel: 'chat',
        behaviors: behaviors.filter(() => rand() < 0.4),
        sentAt: new Date(now - i * 60_000).toISOString(),
      })),
    );
    await db.meta.bulkPut([
      {
        key: 'session',
        hubUrl: 'http://127.0.0.1:9',
        user: {
          id: 'bench',
          name: 'Bench Agent',
          email: 'bench@example.test',
          role: 'agent',
          teamId: 't',
          teamName: 'T',
        },
      },
      { key: 'status', state: 'online', lastSyncedAt: new Date(now).toISOString(), lastError: null, nextRetryAt: null },
    ]);
    const counts = {
      feedback: await db.feedback.count(),
      tips: await db.tips.count(),
      flags: await db.replyFlags.count(),
    };
    idb.close();
    return counts;
  }, rows);
}

/**
 * Installed before any page script runs. Records when the view is first on screen (the picture of the last
 * view, lib/store/snapshot.ts, or the live view, whichever is first) and when the live view is, in ms from
 * navigation start. "On screen" is the presentation time of the first frame that paints the element, from the
 * browser's Element Timing API (https://w3c.github.io/element-timing/): the probe marks the element and its
 * descendants with `elementtiming` as soon as it enters the DOM, before any frame could paint it. So the
 * figure includes the style, layout and paint of the view (a frame callback would stop the clock before them),
 * and the empty page's one element is measured the same way.
 */
function firstAppearanceProbe({ live, picture }: { live: string; picture: string | null }) {
  type Marks = { shown?: number; live?: number; inDom?: number };
  const w = window as unknown as { __bench: Marks };
  w.__bench = {};
  const b = w.__bench;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[]) {
      // renderTime is 0 only where the browser withholds it (cross-origin images); startTime is then the load.
      const at = e.renderTime || e.startTime;
      if (b.shown === undefined && (e.identifier === 'bench-picture' || e.identifier === 'bench-live')) b.shown = at;
      if (b.live === undefined && e.identifier === 'bench-live') b.live = at;
    }
  }).observe({ type: 'element', buffered: true });
  // Every match, each time the DOM changes: a view that re-renders may replace the element before it is painted.
  // A live view in the hidden #root is not painted (nor reported) until it is shown.
  const mark = (selector: string, id: string) => {
    for (const el of document.querySelectorAll(selector)) {
      b.inDom ??= performance.now();
      // Overwritten, not kept: a picture saved from a probed live view carries the live view's marks.
      for (const x of [el, ...el.querySelectorAll('*')])
        if (x.getAttribute('elementtiming') !== id) x.setAttribute('elementtiming', id);
    }
  };
  const observer = new MutationObserver(() => {
    if (picture !== null) mark(picture, 'bench-picture');
    mark(live, 'bench-live');
    if (b.live !== undefined) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
}

/** Before any page script: forget this tab's picture of the last view, as on the first opening after sign-in. */
function forgetPicture(key: string) {
  localStorage.removeItem(key);
}

interface View {
  name: string;
  url: string;
  /** The element that shows the live view (or the empty page's one element). */
  live: string;
  /** The element that shows the picture of the last view; null for the empty page. */
  picture: string | null;
  /** The localStorage key of this view's picture; null for the empty page. */
  pictureKey: string | null;
  /** Measured without its picture (deleted before each load). */
  cold: boolean;
}

/**
 * One load of a view, measured the same way for every view and the empty page: a new tab (as the side panel is
 * a new document each time it opens: no previous document's teardown is charged to it), the probe installed
 * before any page script, times in ms from that tab's navigation start.
 */
async function measure(view: View, context: BrowserContext): Promise<{ shown: number; live: number }> {
  const page = await context.newPage();
  try {
    if (view.cold && view.pictureKey) await page.addInitScript(forgetPicture, view.pictureKey);
    await page.addInitScript(firstAppearanceProbe, { live: view.live, picture: view.picture });
    await page.goto(view.url);
    type Marks = { shown?: number; live?: number; inDom?: number };
    await page.waitForFunction(
      () => {
        const m = (window as unknown as { __bench?: Marks }).__bench;
        return m?.shown !== undefined && m.live !== undefined;
      },
      undefined,
      { timeout: 30_000 },
    );
    const b = await page.evaluate((pictureKey) => {
      const marks = (window as unknown as { __bench: Marks }).__bench;
      const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const round = (x: number | undefined) => (x === undefined ? null : Math.round(x * 10) / 10);
      return {
        shown: marks.shown as number,
        live: marks.live as number,
        steps: {
          responseEnd: round(nav?.responseEnd),
          domInteractive: round(nav?.domInteractive),
          entryStart: round(at('attune:panel-start')),
          pictureShown: round(at('attune:picture-shown')),
          inDom: round(marks.inDom),
          firstContentfulPaint: round(at('first-contentful-paint')),
          onScreen: round(marks.shown),
          /** The size of the picture it showed (the next load's may differ: the live view saves a new one). */
          pictureChars: pictureKey ? (localStorage.getItem(pictureKey)?.length ?? 0) : null,
          liveOnScreen: round(marks.live),
        },
      };
    }, view.pictureKey);
    if (args.samples) console.log(`${view.name.padEnd(20)} ${JSON.stringify(b.steps)}`);
    // The live view saves its picture when idle: wait for it so the next load of this tab has one.
    if (view.pictureKey)
      await page.waitForFunction((key) => localStorage.getItem(key) !== null, view.pictureKey, { timeout: 10_000 });
    return { shown: b.shown, live: b.live };
  } finally {
    await page.close();
  }
}

async function main() {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it: sudo apt-get install -y chromium`);
  if (args.build || !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.log('building the extension (npx wxt build)…');
    const r = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('wxt build failed');
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'attune-bench-panel-'));
  // A private copy: a rebuild of .output during the runs must not pull files from under the browser.
  const extensionDir = join(userDataDir, 'extension');
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  writeFileSync(join(extensionDir, EMPTY_PAGE), EMPTY_HTML);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  try {
    // tsx (esbuild keepNames) wraps functions handed to page.evaluate in `__name(...)`: give pages a no-op.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
    const base = `chrome-extension://${new URL(worker.url()).host}/sidepanel.html`;
    const page = await context.newPage();
    await page.goto(base);
    // The panel opens (and creates) its database at start-up.
    await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'attune'));
    const t0 = performance.now();
    const counts = await seed(page, ROWS);
    console.log(
      `seeded ${counts.feedback} feedback rows, ${counts.tips} tips, ${counts.flags} reply flags in ${Math.round(performance.now() - t0)} ms`,
    );
    // The seeding page's garbage would otherwise be collected during the first measured loads.
    await page.close();

    const kpis = { live: '#root [data-testid^="kpi-"]', picture: '#snapshot [data-snapshot-testid^="kpi-"]' };
    const feedback = {
      live: '#root [data-testid="feedback-item"]',
      picture: '#snapshot [data-snapshot-testid="feedback-item"]',
    };
    const empty: View = {
      name: 'empty page',
      url: base.replace('sidepanel.html', EMPTY_PAGE),
      live: '#empty',
      picture: null,
      pictureKey: null,
      cold: false,
    };
    const views: View[] = [
      empty,
      { name: 'My KPIs', url: `${base}?tab=kpis`, ...kpis, pictureKey: `${PICTURE}kpis`, cold: false },
      { name: 'Feedback', url: `${base}?tab=feedback`, ...feedback, pictureKey: `${PICTURE}feedback`, cold: false },
      { name: 'My KPIs, no picture', url: `${base}?tab=kpis`, ...kpis, pictureKey: `${PICTURE}kpis`, cold: true },
      {
        name: 'Feedback, no picture',
        url: `${base}?tab=feedback`,
        ...feedback,
        pictureKey: `${PICTURE}feedback`,
        cold: true,
      },
    ];
    // Warm-up: the first load compiles the bundle (and the panel saves the picture the next loads show).
    for (const view of views) await measure(view, context);
    // Round-robin: each round loads every view once, so a change in the machine's load (other processes on a
    // shared machine) lands on the empty page and the panel alike instead of on whichever was measured then.
    const shown = new Map<View, number[]>(views.map((v) => [v, []]));
    const live = new Map<View, number[]>(views.map((v) => [v, []]));
    for (let i = 0; i < RUNS; i++) {
      for (const view of views) {
        const m = await measure(view, context);
        shown.get(view)?.push(m.shown);
        live.get(view)?.push(m.live);
      }
    }
    const rows: string[] = [];
    let worst = 0;
    let worstRatio = 0;
    const emptyShown = shown.get(empty) ?? [];
    const emptyP50 = percentile(emptyShown, 50);
    const emptyP95 = percentile(emptyShown, 95);
    const ms = (x: number) => x.toFixed(1).padStart(7);
    for (const view of views) {
      const xs = shown.get(view) ?? [];
      const ys = live.get(view) ?? [];
      if (args.samples) console.log(`${view.name} paint samples (ms):`, xs.map((x) => Math.round(x)).join(' '));
      const p50 = percentile(xs, 50);
      const p95 = percentile(xs, 95);
      let ratio = '';
      if (view !== empty) {
        if (!view.cold) {
          worst = Math.max(worst, p95);
          worstRatio = Math.max(worstRatio, p95 / emptyP95);
        }
        ratio = `${(p50 / emptyP50).toFixed(2)}x / ${(p95 / emptyP95).toFixed(2)}x`;
      }
      rows.push(
        `${view.name.padEnd(20)} | ${ms(p50)} | ${ms(p95)} | ${ratio.padEnd(15)} | ${ms(percentile(ys, 50))} | ${ms(percentile(ys, 95))}`,
      );
    }
    console.log(
      `\nside panel first paint from cache, ${counts.feedback} feedback rows, ${RUNS} rounds (ms from navigation start, each load in a new tab)`,
    );
    console.log(
      '"paint": the first frame on screen that shows the view (the picture of the last view, or the live view if\n' +
        "it comes first), or the empty page's one element: presentation time from Element Timing, so style, layout\n" +
        'and paint count. "live": the live view with its data read from IndexedDB, interactive, on screen.\n' +
        '"no picture": the first opening after sign-in (or with the picture deleted). Chromium reports paint\n' +
        'times coarsened (4 ms steps here), the same for every page.',
    );
    console.log('view                 | paint p50 | p95 | vs empty page p50 / p95 | live p50 | live p95');
    console.log('---------------------|---------|---------|-----------------|---------|--------');
    for (const r of rows) console.log(r);
    const load = loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
    console.log(
      `machine: ${cpus().length} cores, load average ${load} (figures are noisy when the load exceeds the cores)`,
    );
    console.log(
      `\ntarget <= ${TARGET_MS} ms: ${worst <= TARGET_MS ? 'met' : 'NOT met'} (worst paint p95 ${worst.toFixed(1)} ms)`,
    );
    console.log(
      `target p95 <= ${TARGET_RATIO}x the empty page: ${worstRatio <= TARGET_RATIO ? 'met' : 'NOT met'} (worst ${worstRatio.toFixed(2)}x)`,
    );
  } finally {
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
