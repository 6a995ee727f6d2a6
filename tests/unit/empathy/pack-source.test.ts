// lib/empathy/core has no pack source: a content script that cannot split code supplies one (e.g. asking
// the background, which sends the pack as plain data). Failures resolve false and analysis keeps working.
import { describe, expect, test } from 'vitest';
import {
  analyzeMessage,
  availableLanguagePacks,
  hasLanguagePack,
  type LanguagePack,
  loadLanguagePack,
  setLanguagePackSource,
} from '../../../lib/empathy/core';
import sv from '../../../lib/empathy/packs/sv';

const swedish = 'Det här är tredje gången jag hör av mig och det fungerar fortfarande inte. Jag byter operatör.';

describe('pack source', () => {
  test('without a source only English is available and other languages resolve false', async () => {
    expect(availableLanguagePacks()).toEqual(['en']);
    await expect(loadLanguagePack('sv')).resolves.toBe(false);
    expect(analyzeMessage(swedish).lang).toBe('sv');
  });

  test('a failing source resolves false and analysis still works', async () => {
    setLanguagePackSource(() => Promise.reject(new Error('background not reachable')), ['sv']);
    await expect(loadLanguagePack('sv')).resolves.toBe(false);
    expect(hasLanguagePack('sv')).toBe(false);
    expect(() => analyzeMessage(swedish)).not.toThrow();
  });

  test('a source that sends the pack as plain data (structured clone / JSON) works', async () => {
    let calls = 0;
    setLanguagePackSource(
      async (lang) => {
        calls++;
        return lang === 'sv' ? (JSON.parse(JSON.stringify(sv)) as LanguagePack) : undefined;
      },
      ['sv', 'nb'],
    );
    expect(availableLanguagePacks()).toEqual(['en', 'sv', 'nb']);
    const [a, b] = await Promise.all([loadLanguagePack('sv'), loadLanguagePack('sv')]);
    expect([a, b]).toEqual([true, true]);
    expect(calls).toBe(1);
    expect(hasLanguagePack('sv')).toBe(true);
    expect(analyzeMessage(swedish).cues.map((c) => c.kind)).toEqual(
      expect.arrayContaining(['repeat-contact', 'churn-threat']),
    );
    await expect(loadLanguagePack('nb')).resolves.toBe(false);
  });
});
