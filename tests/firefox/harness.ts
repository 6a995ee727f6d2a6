// Live Firefox: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi, with the built Firefox
// extension (MV2) installed as a temporary add-on. Nothing is downloaded; a missing browser is an error that
// says how to install it.
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(
  import.meta.dirname,
  '../..',
  process.env.ATTUNE_OUT_DIR ?? '.output',
  'firefox-mv2',
);

export interface LaunchedFirefox {
  browser: Browser;
  /** The extension's moz-extension:// origin, e.g. moz-extension://<uuid>. */
  origin: string;
  newPage(): Promise<Page>;
  /** Opens one of the extension's own pages (options.html, sidepanel.html) in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<LaunchedFirefox> {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`Firefox not found at ${FIREFOX_PATH}. Install it with: sudo apt-get install -y firefox-esr`);
  }
  const manifestPath = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(
      `The Firefox extension is not built (${FIREFOX_EXTENSION_DIR} is missing). Run: npx wxt build -b firefox`,
    );
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const addonId = manifest.browser_specific_settings?.gecko?.id;
  if (!addonId) throw new Error(`${manifestPath} has no browser_specific_settings.gecko.id`);
  // Install a private copy: a `wxt build` elsewhere empties the output folder while it runs.
  const tmp = mkdtempSync(join(tmpdir(), 'attune-firefox-'));
  const extensionCopy = join(tmp, 'extension');
  cpSync(FIREFOX_EXTENSION_DIR, extensionCopy, { recursive: true });

  // Firefox gives each add-on a random internal UUID, kept in this pref (UUID_MAP_PREF in Firefox's
  // toolkit/components/extensions/Extension.sys.mjs); setting it first tells the tests the extension's origin.
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX_PATH,
    headless: true,
    // WebDriver BiDi refuses to navigate to moz-extension:// URLs unless the remote agent may reach privileged
    // content (isWebdriverSafeNavigationURL in Firefox's remote/shared/BrowsingContextUtils.sys.mjs); the panel
    // and options pages are such URLs.
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }) },
  });
  try {
    // WebDriver BiDi's webExtension.install: a temporary add-on, as about:debugging would load it.
    await browser.installExtension(extensionCopy);
  } catch (e) {
    await browser.close().catch(() => {});
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  const origin = `moz-extension://${uuid}`;
  return {
    browser,
    origin,
    newPage: () => browser.newPage(),
    async openExtensionPage(path) {
      const page = await browser.newPage();
      const url = `${origin}/${path}`;
      // Firefox loads the page but never reports the navigation to an extension page as finished, so
      // page.goto would time out (https://github.com/mozilla/firefox-devtools-mcp/pull/87): start it and wait
      // for the document instead.
      page.goto(url).catch(() => {});
      await page.waitForFunction(
        (u: string) => location.href === u && document.readyState === 'complete',
        { timeout: 30_000 },
        url,
      );
      return page;
    },
    async close() {
      await browser.close().catch(() => {});
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Counts elements inside the coach's open shadow root. */
export function countInCoach(page: Page, selector: string): Promise<number> {
  return page.evaluate(
    (sel: string) => document.querySelector('attune-coach')?.shadowRoot?.querySelectorAll(sel).length ?? 0,
    selector,
  );
}

/** Suggestion texts in rank order, read from the coach's shadow root. */
export function suggestionTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...(document.querySelector('attune-coach')?.shadowRoot?.querySelectorAll('[data-testid="attune-suggestion"]') ??
        []),
    ].map((el) => el.textContent ?? ''),
  );
}

/** Clicks the first suggestion the way a user does (real pointer events at its position). */
export async function clickFirstSuggestion(page: Page): Promise<void> {
  await page.locator('attune-coach >>> [data-testid="attune-suggestion"]').click();
}
