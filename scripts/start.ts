// `npm start`: builds the extension, starts the hub (PGlite in .attune/hub, demo data on first run) on
// 127.0.0.1:8787 and the demo helpdesk on 127.0.0.1:8788, then launches Chromium with the extension loaded
// and signed in as the demo agent. Without a display it prints what to open instead. Ctrl+C stops it all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startDemoHelpdesk } from '../demo/helpdesk/server';
import { startHub } from '../server/app';

const root = resolve(import.meta.dirname, '..');
const dataDir = resolve(root, '.attune');
const extensionDir = resolve(root, '.output/chrome-mv3');
const HUB_PORT = Number(process.env.ATTUNE_HUB_PORT ?? 8787);
const HELPDESK_PORT = Number(process.env.ATTUNE_HELPDESK_PORT ?? 8788);

const BROWSERS = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
].filter((p): p is string => Boolean(p));

const say = (s: string) => console.log(`[attune] ${s}`);
const stops: (() => Promise<unknown>)[] = [];
let stopping = false;

async function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  for (const stop of stops.reverse()) await stop().catch((e) => console.error(e));
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

function hasDisplay() {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function main() {
  say('building the extension for Chromium (MV3)…');
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('wxt build failed');

  mkdirSync(dataDir, { recursive: true });
  const hubDir = resolve(dataDir, 'hub');
  const firstRun = !existsSync(hubDir);
  const hub = await startHub({ port: HUB_PORT, host: '127.0.0.1', dataDir: hubDir, seedDemo: true, logLevel: 'info' });
  stops.push(() => hub.close());
  say(`hub on ${hub.url} (PGlite in ${hubDir}${firstRun ? ', demo data seeded' : ', existing data reused'})`);

  const helpdesk = await startDemoHelpdesk({ port: HELPDESK_PORT, host: '127.0.0.1' });
  stops.push(() => helpdesk.close());
  say(`demo helpdesk on ${helpdesk.url}`);

  const demo = hub.demo;
  const agent = demo?.agents[0];
  if (!demo || !agent) throw new Error('the hub has no demo credentials (was .attune/hub created by another tool?)');

  const browserPath = BROWSERS.find((p) => existsSync(p));
  if (!hasDisplay() || !browserPath) {
    console.log(`
${!browserPath ? 'No Chromium or Chrome found (Debian/Ubuntu: sudo apt-get install -y chromium).' : 'No display found, so no browser is launched.'}
Everything else is running:

  Hub            ${hub.url}   (API ${hub.url}/api/v1/openapi.json)
  Demo helpdesk  ${helpdesk.url}   (a chat and an email ticket)

To try it in your own Chromium-based browser:
  1. Open chrome://extensions, switch on "Developer mode", click "Load unpacked" and pick
     ${extensionDir}
  2. In the extension's options page sign in with
       Hub URL: ${hub.url}
       Token:   ${agent.token}      (demo agent ${agent.name})
     Team lead ${demo.lead.name}: ${demo.lead.token}
  3. Open ${helpdesk.url}, pick a ticket and start writing a reply; open the side panel from the toolbar.

Press Ctrl+C to stop.`);
    return;
  }

  const profile = resolve(dataDir, 'chromium-profile');
  say(`launching ${browserPath} with the extension…`);
  if (/chrome/i.test(browserPath) && !/chromium/i.test(browserPath)) {
    say('note: branded Chrome 137+ ignores --load-extension; if the extension is missing, load it unpacked.');
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserPath,
    headless: false,
    viewport: null,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  stops.push(() => context.close());
  context.on('close', () => void stopAll(0));

  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const signedIn = await options
    .getByTestId('signed-in-as')
    .waitFor({ timeout: 2000 })
    .then(() => true)
    .catch(() => false);
  if (!signedIn) {
    await options.getByTestId('hub-url').fill(hub.url);
    await options.getByTestId('hub-token').fill(agent.token);
    await options.getByTestId('sign-in').click();
    await options.getByTestId('signed-in-as').waitFor({ timeout: 30_000 });
  }
  say(`extension ${extensionId} signed in as ${agent.name}`);
  await options.close();

  const ticket = context.pages()[0] ?? (await context.newPage());
  await ticket.goto(helpdesk.url);
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await ticket.bringToFront();
  say('ready: write a reply in the demo helpdesk; the side panel is open in the second tab (or use the toolbar icon).');
  say('Press Ctrl+C to stop.');
}

main().catch(async (e) => {
  console.error(`[attune] ${e instanceof Error ? e.message : e}`);
  await stopAll(1);
});
