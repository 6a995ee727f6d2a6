// The emotion weights in the built extension (lib/empathy/model/assets.ts): copied as files next to the
// background, fetched by the background's service worker per language, and no longer inside background.js.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_ASSET_DIR, MODEL_ASSET_FILES } from '../../lib/empathy/model/assets';
import { EXTENSION_DIR, type LaunchedBrowser, launchBrowser } from './harness';

let browser: LaunchedBrowser;
let worker: Worker;

beforeAll(async () => {
  browser = await launchBrowser();
  const [sw] = browser.context.serviceWorkers();
  if (!sw) throw new Error('the extension service worker is not running');
  worker = sw;
});

afterAll(async () => {
  await browser?.close();
});

describe('emotion weights as extension files', () => {
  it('the service worker fetches every weights file from the extension', async () => {
    const formats = await worker.evaluate(
      async ({ dir, files }) => {
        const { chrome } = globalThis as unknown as { chrome: { runtime: { getURL(path: string): string } } };
        return Promise.all(
          files.map(async (f) => {
            const data = (await (await fetch(chrome.runtime.getURL(`/${dir}/${f}`))).json()) as { format: string };
            return data.format;
          }),
        );
      },
      { dir: MODEL_ASSET_DIR, files: MODEL_ASSET_FILES },
    );
    expect(formats).toEqual([
      ...MODEL_ASSET_FILES.filter((f) => f !== 'langid.json').map(() => 'attune-emotion-linear/1'),
      'attune-langid-linear/1',
    ]);
  });

  it('background.js carries no weights', () => {
    const background = readFileSync(join(EXTENSION_DIR, 'background.js'), 'utf8');
    expect(background).not.toContain('attune-emotion-linear/1');
    expect(background).not.toContain('attune-langid-linear/1');
  });
});
