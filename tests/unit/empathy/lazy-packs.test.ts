// On-demand packs: before a pack is loaded, analysis of that language still works with language-neutral
// rules and never throws; once loaded, the full rules apply. (Each test file gets its own module state.)
import { describe, expect, test } from 'vitest';
import {
  analyzeDraft,
  analyzeMessage,
  availableLanguagePacks,
  detectLanguage,
  hasLanguagePack,
  loadLanguagePack,
} from '../../../lib/empathy';

const swedish = 'Det här är TREDJE gången jag hör av mig och det fungerar fortfarande inte!!! Jag byter operatör.';

describe('language packs load on demand', () => {
  test('English is bundled; Swedish is loadable but not loaded yet', () => {
    expect(hasLanguagePack('en')).toBe(true);
    expect(availableLanguagePacks()).toContain('sv');
    expect(hasLanguagePack('sv')).toBe(false);
  });

  test('detection works without the pack', () => {
    expect(detectLanguage(swedish).lang).toBe('sv');
  });

  test('before loading: neutral rules only (capitals, exclamation marks), no throw', () => {
    const m = analyzeMessage(swedish);
    expect(m.lang).toBe('sv');
    const kinds = m.cues.map((c) => c.kind);
    expect(kinds).toEqual(expect.arrayContaining(['caps', 'exclamation']));
    expect(kinds).not.toContain('repeat-contact');
    const d = analyzeDraft('Förlåt för strulet, jag har bokat en tekniker!!', { customerText: swedish });
    expect(d.lang).toBe('sv');
    expect(d.readability.index).toBe('lix');
    expect(d.risks.map((r) => r.kind)).toContain('shouting');
    expect(d.suggestions.every((s) => s.kind === 'rewrite')).toBe(true);
  });

  test('after loading: the Swedish rules and phrases apply', async () => {
    // The customer message was already read with neutral rules (and cached for the next keystroke).
    const before = analyzeDraft('Jag har bokat en tekniker.', { customerText: swedish, channel: 'chat' });
    expect(before.suggestions.filter((s) => s.kind !== 'rewrite')).toEqual([]);
    await loadLanguagePack('sv');
    const after = analyzeDraft('Jag har bokat en tekniker.', { customerText: swedish, channel: 'chat' });
    expect(after.suggestions[0]?.reason).toMatch(/frustrated/);
    expect(hasLanguagePack('sv')).toBe(true);
    const m = analyzeMessage(swedish);
    expect(m.emotion).toBe('frustrated');
    expect(m.cues.map((c) => c.kind)).toEqual(expect.arrayContaining(['repeat-contact', 'churn-threat']));
    const d = analyzeDraft('Jag har bokat en tekniker till i morgon.', { customerText: swedish, channel: 'chat' });
    expect(d.behaviors.map((b) => b.kind)).toContain('solution');
    expect(d.suggestions.length).toBeGreaterThan(0);
    expect(d.suggestions.every((s) => s.id.startsWith('sv.') || s.kind === 'rewrite')).toBe(true);
  });

  test('loading twice resolves true at once; loading never rejects', async () => {
    await expect(loadLanguagePack('sv')).resolves.toBe(true);
    await expect(Promise.all([loadLanguagePack('en'), loadLanguagePack('sv')])).resolves.toEqual([true, true]);
  });
});
