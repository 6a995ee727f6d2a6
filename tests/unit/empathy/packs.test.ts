// Every language pack (bundled or on demand) compiles, and its phrase library is complete enough to coach:
// >= 60 phrases covering every behaviour and both channels, with well-formed placeholders.
import { beforeAll, describe, expect, test } from 'vitest';
import { availableLanguagePacks, loadAllLanguagePacks } from '../../../lib/empathy';
import { compilePack } from '../../../lib/empathy/registry';
import type { LanguagePack } from '../../../lib/empathy/packs/types';
import { BEHAVIORS, type Channel } from '../../../lib/empathy/types';

const packs: LanguagePack[] = [];

beforeAll(async () => {
  await loadAllLanguagePacks();
  for (const lang of availableLanguagePacks()) {
    const mod = (await import(`../../../lib/empathy/packs/${lang}.ts`)) as { default: LanguagePack };
    packs.push(mod.default);
  }
});

describe('language packs', () => {
  test('English and Swedish are among the packs', () => {
    expect(availableLanguagePacks()).toEqual(expect.arrayContaining(['en', 'sv']));
  });

  test('every pack compiles (no malformed token pattern)', () => {
    expect(packs.length).toBeGreaterThanOrEqual(2);
    for (const pack of packs) expect(() => compilePack(pack), pack.lang).not.toThrow();
  });

  test('every pack has >= 60 phrases covering every behaviour in both channels', () => {
    for (const pack of packs) {
      expect(pack.phrases.length, pack.lang).toBeGreaterThanOrEqual(60);
      for (const channel of ['chat', 'email'] as Channel[]) {
        const usable = pack.phrases.filter((p) => !p.channels || p.channels.includes(channel));
        for (const kind of BEHAVIORS) {
          expect(
            usable.some((p) => p.kind === kind),
            `${pack.lang}: no ${kind} phrase for ${channel}`,
          ).toBe(true);
        }
      }
    }
  });

  test('phrase ids are unique, carry the language and use only {name} and {issue}', () => {
    for (const pack of packs) {
      const ids = pack.phrases.map((p) => p.id);
      expect(new Set(ids).size, pack.lang).toBe(ids.length);
      for (const p of pack.phrases) {
        expect(p.lang, p.id).toBe(pack.lang);
        expect(p.text.trim(), p.id).not.toBe('');
        for (const m of p.text.matchAll(/\{(\w+)\}/g)) expect(['name', 'issue'], p.id).toContain(m[1]);
        // Optional segments are balanced and not nested.
        expect(p.text.replace(/\[[^[\]]*\]/g, ''), p.id).not.toMatch(/[[\]]/);
      }
    }
  });

  test('rule ids are unique within a pack', () => {
    for (const pack of packs) {
      const ids = [...pack.behaviors.map((r) => r.id), ...pack.risks.map((r) => r.id), ...pack.cues.map((r) => r.id)];
      expect(new Set(ids).size, pack.lang).toBe(ids.length);
    }
  });
});
