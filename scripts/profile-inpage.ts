// Where the in-page coach's start-up time goes: loads a helpdesk-like page with a composer in Chromium with the
// built extension, takes a CDP CPU profile, and prints the time under the content scripts by function (self
// time) and by the coach's top-level calls (total time). A development aid next to bench-inpage.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { EDITOR_PAGES, type EditorPage, startEditorPages } from '../tests/e2e/pages/serve';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, EXTENSION_DIR } from '../tests/e2e/harness';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ticket #1</title></head><body>
<main><section class="thread">${Array.from(
  { length: 20 },
  (_, i) =>
    `<article class="message message--${i % 2 ? 'agent' : 'customer'}"><header><span class="author">${i % 2 ? 'Alex Agent' : 'Mark Thompson'}</span> <time datetime="2026-01-01T0${i % 10}:00:00Z">x</time></header><div class="message-body"><p>Message ${i}: the parcel is still not here and I need it for work this week.</p></div></article>`,
).join('\n')}</section>
<form class="reply"><textarea name="reply" aria-label="Reply to customer" rows="8" cols="80"></textarea></form></main></body></html>`;

async function main() {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/tickets/1`;
  const dir = mkdtempSync(join(tmpdir(), 'attune-prof-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
  });
  if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  const pages = process.env.PROFILE_EDITOR ? await startEditorPages() : null;
  const editorUrl = pages?.pageUrl(process.env.PROFILE_EDITOR as EditorPage);
  const sentence =
    'Thanks for getting back to us about the invoice. You should have checked the invoice before paying it twice. ';
  const draft = Array.from({ length: 300 }, (_, i) => sentence + (i % 6 === 5 ? '\n' : '')).join('');
  const runs = Number(process.env.RUNS ?? 3);
  const selfBy = new Map<string, number>();
  const totalBy = new Map<string, number>();
  let all = 0;
  for (let i = 0; i < runs + 1; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    if (process.env.PROFILE_EDITOR) {
      await cdp.send('Profiler.stop');
      await page.goto(editorUrl ?? '');
      await page.waitForFunction(() => (window as unknown as { attuneTest?: unknown }).attuneTest);
      // The scout loads the coach when the agent turns to a composer.
      await page.evaluate(() => (window as unknown as { attuneTest: { focusEnd(): void } }).attuneTest.focusEnd());
      await page.locator('attune-coach').waitFor({ state: 'attached', timeout: 20_000 });
      await page.evaluate(async (text) => {
        const t = (window as unknown as { attuneTest: { setDraft(s: string): unknown; focusEnd(): void } }).attuneTest;
        await t.setDraft(text);
        t.focusEnd();
      }, draft);
      await page.keyboard.type(' ');
      await page.waitForTimeout(500);
      // Warm-up keystrokes (WARM, default 30): the JIT settles before the profile starts.
      for (let k = 0; k < Number(process.env.WARM ?? 30); k++) {
        await page.keyboard.press('abcdefghij'[k % 10] ?? 'a');
        await page.waitForTimeout(20);
      }
      await cdp.send('Profiler.start');
      for (let k = 0; k < 30; k++) {
        await page.keyboard.press('abcdefghij'[k % 10] ?? 'a');
        await page.waitForTimeout(40);
      }
    } else {
      await page.goto(url);
      await page.waitForTimeout(Number(process.env.WAIT ?? 1500));
    }
    if (process.env.FOCUS) {
      await page.locator('textarea').click();
      await page.waitForTimeout(1000);
    }
    const { profile } = await cdp.send('Profiler.stop');
    await page.close();
    if (i === 0) continue;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const label = (id: number) => {
      const n = nodes.get(id);
      const f = n?.callFrame;
      return `${f?.functionName || '(anon)'} ${f?.url.split('/').pop()}:${f?.lineNumber}:${f?.columnNumber}`;
    };
    profile.samples?.forEach((id, k) => {
      const dt = (profile.timeDeltas?.[k] ?? 0) / 1000 / runs;
      // The chain from the root; ours once a content-script frame is on it.
      const chain: number[] = [];
      for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) chain.unshift(x);
      const at = chain.findIndex((x) =>
        /content-scripts\/(helpdesk|coach)\.js/.test(nodes.get(x)?.callFrame.url ?? ''),
      );
      if (process.env.PROFILE_EDITOR) {
        const u = nodes.get(id)?.callFrame;
        const k = at < 0 ? `page: ${u?.functionName || '(anon)'} ${u?.url.split('/').pop()}` : '';
        if (at < 0) {
          selfBy.set(k, (selfBy.get(k) ?? 0) + dt);
          return;
        }
      }
      if (at < 0) return;
      all += dt;
      selfBy.set(label(id), (selfBy.get(label(id)) ?? 0) + dt);
      // Total time of the first two frames below the content script's first frame.
      for (const depth of [1, 2, 3]) {
        const x = chain[at + depth];
        if (x === undefined) break;
        const key = `${'  '.repeat(depth - 1)}${label(x)}`;
        totalBy.set(key, (totalBy.get(key) ?? 0) + dt);
      }
    });
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${v.toFixed(2).padStart(8)} ms  ${k}`);
  console.log(`under the content scripts: ${all.toFixed(1)} ms per load\n\nself time:`);
  console.log(top(selfBy, Number(process.env.TOP ?? 40)).join('\n'));
  console.log('\ntotal time by call below the script:');
  console.log(top(totalBy, Number(process.env.TOP ?? 40)).join('\n'));
  await context.close();
  rmSync(dir, { recursive: true, force: true });
  server.close();
  await pages?.close();
  void EDITOR_PAGES;
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
