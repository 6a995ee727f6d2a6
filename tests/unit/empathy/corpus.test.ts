// Table-driven over the labelled corpus (tests/fixtures/empathy/<lang>/): every language folder must be
// well-formed, and for every language that has a pack, the engine must reach accuracy floors on the
// *test* split (which rules are never tuned on). Floors sit a little under what the engine reaches, so a
// regression fails while label noise does not.
import { beforeAll, describe, expect, test } from 'vitest';
import { hasLanguagePack, loadAllLanguagePacks } from '../../../lib/empathy';
import { BEHAVIORS, EMOTIONS, type Lang, RISKS } from '../../../lib/empathy/types';
import { CUE_LABELS, corpusLanguages, evalDetection, evalDrafts, evalMessages, readCorpus } from './corpus';

const INDUSTRIES = ['telecom', 'retail', 'banking', 'utilities', 'travel', 'public'];

/**
 * Test-split floors: emotion accuracy, draft micro-F1 (behaviours + risks), cue macro-F1. Measured with
 * `npm run eval:empathy` (rules + model; see the README's engine table) and set about one test message
 * under it: a test split holds ~40 messages per language, so one message moves accuracy by ~2.5 points.
 */
const FLOORS: Record<Lang, { emotion: number; draftF1: number; cueF1: number }> = {
  // Measured with the cross-validated models and the second set of other-voice drafts; en, sv and fi emotion read
  // one test message less than the models before them (0.846, 0.775, 0.927): sv and fi now sit on their floors.
  en: { emotion: 0.79, draftF1: 0.78, cueF1: 0.76 }, // measured 0.821 / 0.80 / 0.78
  sv: { emotion: 0.75, draftF1: 0.77, cueF1: 0.82 }, // measured 0.75 / 0.81 / 0.84
  nb: { emotion: 0.9, draftF1: 0.91, cueF1: 0.95 }, // measured 0.902 / 0.93 / 0.97
  da: { emotion: 0.85, draftF1: 0.93, cueF1: 0.95 }, // measured 0.878 / 0.94 / 0.97
  fi: { emotion: 0.9, draftF1: 0.92, cueF1: 0.96 }, // measured 0.902 / 0.93 / 0.98
};
/** Language detection on the test split (measured: en 100 %, sv 98.8 %, nb 96.7 %, da 91.2 %, fi 100 %). */
const DETECTION_FLOORS: Record<Lang, number> = { en: 0.97, sv: 0.96, nb: 0.94, da: 0.88, fi: 0.97 };

beforeAll(async () => {
  await loadAllLanguagePacks();
});

const langs = corpusLanguages();

test('the English and Swedish corpora exist', () => {
  expect(langs).toEqual(expect.arrayContaining(['en', 'sv']));
});

describe.each(langs)('corpus %s', (lang) => {
  const { messages, drafts } = readCorpus(lang);

  test('has at least 80 messages and 80 drafts with unique ids', () => {
    expect(messages.length).toBeGreaterThanOrEqual(80);
    expect(drafts.length).toBeGreaterThanOrEqual(80);
    const ids = [...messages, ...drafts].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('labels use the documented vocabularies', () => {
    for (const m of messages) {
      expect(m.lang, m.id).toBe(lang);
      expect(['tune', 'test'], m.id).toContain(m.split);
      expect(INDUSTRIES, m.id).toContain(m.industry);
      expect(EMOTIONS, m.id).toContain(m.emotion);
      for (const c of m.cues) expect(CUE_LABELS as readonly string[], m.id).toContain(c);
      expect(m.text.trim(), m.id).not.toBe('');
    }
    for (const d of drafts) {
      expect(d.lang, d.id).toBe(lang);
      expect(['tune', 'test'], d.id).toContain(d.split);
      expect(['chat', 'email'], d.id).toContain(d.channel);
      for (const b of d.behaviors) expect(BEHAVIORS as readonly string[], d.id).toContain(b);
      for (const r of d.risks) expect(RISKS as readonly string[], d.id).toContain(r);
      expect(d.customer.trim(), d.id).not.toBe('');
    }
  });

  test('split is about 60/40, covers every emotion, most industries and both channels', () => {
    const all = [...messages, ...drafts];
    const testShare = all.filter((x) => x.split === 'test').length / all.length;
    expect(testShare).toBeGreaterThan(0.3);
    expect(testShare).toBeLessThan(0.5);
    expect(new Set(messages.map((m) => m.emotion)).size).toBe(EMOTIONS.length);
    expect(new Set(messages.map((m) => m.industry)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(drafts.map((d) => d.channel)).size).toBe(2);
  });

  test(`language detection on the test split >= ${DETECTION_FLOORS[lang]}`, () => {
    const texts = [...messages, ...drafts].filter((x) => x.split === 'test').map((x) => ({ text: x.text, lang }));
    expect(evalDetection(texts).accuracy).toBeGreaterThanOrEqual(DETECTION_FLOORS[lang]);
  });

  test.runIf(hasLanguagePackSoon(lang))('the engine reaches its floors on the test split', () => {
    expect(hasLanguagePack(lang)).toBe(true);
    const floor = FLOORS[lang];
    const m = evalMessages(messages.filter((x) => x.split === 'test'));
    const d = evalDrafts(drafts.filter((x) => x.split === 'test'));
    const cues = m.cues.filter((c) => c.tp + c.fp + c.fn > 0);
    const cueF1 = cues.reduce((s, c) => s + c.f1, 0) / Math.max(1, cues.length);
    expect(m.emotionAccuracy).toBeGreaterThanOrEqual(floor.emotion);
    expect(d.microF1).toBeGreaterThanOrEqual(floor.draftF1);
    expect(cueF1).toBeGreaterThanOrEqual(floor.cueF1);
  });
});

/** Whether the language has a pack module (loaded in beforeAll); decided at collection time from the files. */
function hasLanguagePackSoon(lang: Lang): boolean {
  return PACK_FILES.has(lang);
}
const PACK_FILES = new Set(
  (await import('node:fs'))
    .readdirSync(new URL('../../../lib/empathy/packs/', import.meta.url))
    .filter((f) => /^[a-z]{2}\.ts$/.test(f))
    .map((f) => f.slice(0, 2)),
);
