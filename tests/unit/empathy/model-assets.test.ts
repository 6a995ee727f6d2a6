// The weights as extension assets (lib/empathy/model/assets.ts): the background fetches a language's file
// when a content script first asks for its pack. Served here by a real HTTP server on 127.0.0.1 from a folder
// laid out like the built extension: a good file travels with the pack; a missing or corrupt one leaves the
// pack rules-only with exactly one logged warning, however often the pack is asked for, and the engine that
// receives such a pack reads the language with its rules.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import {
  analyzeMessage,
  loadAllLanguagePacks,
  loadEmotionModel,
  registerEmotionModel,
  setEmotionModelSource,
  unregisterEmotionModel,
} from '../../../lib/empathy';
import { assetModelSources, MODEL_ASSET_DIR, MODEL_ASSET_FILES } from '../../../lib/empathy/model/assets';
import { importEmotionModel } from '../../../lib/empathy/model/loaders';
import { languagePackImporter } from '../../../lib/empathy/packs/with-model';

const WEIGHTS = new URL('../../../lib/empathy/model/weights/', import.meta.url);
let root: string;
let server: Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  await loadAllLanguagePacks();
  root = mkdtempSync(join(tmpdir(), 'attune-weights-'));
  const dir = join(root, MODEL_ASSET_DIR);
  mkdirSync(dir);
  copyFileSync(new URL('en.json', WEIGHTS), join(dir, 'en.json'));
  copyFileSync(new URL('langid.json', WEIGHTS), join(dir, 'langid.json'));
  writeFileSync(join(dir, 'sv.json'), '{"format":"attune-emotion-linear/1","lang":"sv","weights":"AAA'); // cut short
  // nb.json is missing.
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    try {
      const body = readFileSync(join(root, decodeURIComponent(req.url ?? '/')));
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
  for (const lang of ['sv', 'nb'] as const) {
    registerEmotionModel(JSON.parse(readFileSync(new URL(`${lang}.json`, WEIGHTS), 'utf8')), lang);
  }
  setEmotionModelSource(importEmotionModel);
});

test('the build copies every weights file the engine loads', () => {
  expect(MODEL_ASSET_FILES).toEqual(['en.json', 'sv.json', 'nb.json', 'da.json', 'fi.json', 'langid.json']);
  for (const name of MODEL_ASSET_FILES) expect(() => readFileSync(new URL(name, WEIGHTS))).not.toThrow();
});

test('a good weights file rides with its pack, fetched once', async () => {
  const importPack = languagePackImporter(assetModelSources((path) => `${base}${path}`, fetch));
  const first = await importPack('en');
  const second = await importPack('en');
  expect(first?.model).toEqual(JSON.parse(readFileSync(new URL('en.json', WEIGHTS), 'utf8')));
  expect(first?.langid).toBeDefined();
  expect(second?.model).toBe(first?.model);
  expect(requests.filter((r) => r === `/${MODEL_ASSET_DIR}/en.json`)).toHaveLength(1);
});

test.each([
  ['sv', 'not JSON', 'Jag är så besviken på er', 'disappointed'],
  ['nb', 'HTTP 404', 'Jeg er så skuffet over dere', 'disappointed'],
] as const)('a %s weights file that is %s: rules only, one warning', async (lang, why, text, emotion) => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const importPack = languagePackImporter(assetModelSources((path) => `${base}${path}`, fetch));
  const pack = await importPack(lang);
  await importPack(lang);
  expect(pack?.emotions.length).toBeGreaterThan(0); // the rules still go out
  expect(pack?.model).toBeUndefined();
  expect(warn).toHaveBeenCalledTimes(1);
  expect(String(warn.mock.calls[0]?.[0])).toContain(`${MODEL_ASSET_DIR}/${lang}.json`);
  expect(String(warn.mock.calls[0]?.[0])).toContain(why);
  // The content script's engine, handed that pack: no model, one warning of its own, the rules read the text.
  warn.mockClear();
  unregisterEmotionModel(lang);
  setEmotionModelSource(async () => pack?.model);
  await expect(loadEmotionModel(lang)).resolves.toBe(false);
  expect(warn).toHaveBeenCalledTimes(1);
  const a = analyzeMessage(text, { lang });
  expect(a.emotion).toBe(emotion);
  expect(a.basis).toBe('rules');
});
