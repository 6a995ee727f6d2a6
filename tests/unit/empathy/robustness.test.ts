// Bad input never throws and gives a sensible result; fast-check fuzzes the three public functions.
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeDraft, analyzeMessage, detectLanguage, loadAllLanguagePacks } from '../../../lib/empathy';
import { EMOTIONS, LANGS, type Lang } from '../../../lib/empathy/types';

beforeAll(async () => {
  await loadAllLanguagePacks();
});

const MB = 'Ring mig! '.repeat(100_000);
const awkward: [string, string][] = [
  ['empty', ''],
  ['whitespace', ' \n\t  \n'],
  ['emoji only', '😡😡😡🙏'],
  ['1 MB', MB],
  ['HTML remnants', '<div class="gmail_quote"><p>Hej,&nbsp;jag är <b>jättearg</b>!</p><br/></div>'],
  ['unpaired surrogates', `\ud83d hello \ude21 world \ud800\ud800`],
  ['mixed languages', 'Hej! I am so frustrated, jeg har ventet i tre uker och inget händer.'],
  ['control characters', '\u0000\u0001\u0002\u001b[31m red \u200b\u200e'],
  ['only punctuation', '?!?!...,,,;;'],
];

function checkMessage(text: string) {
  const a = analyzeMessage(text);
  expect(LANGS).toContain(a.lang);
  expect(EMOTIONS).toContain(a.emotion);
  expect(a.intensity).toBeGreaterThanOrEqual(0);
  expect(a.intensity).toBeLessThanOrEqual(1);
  for (const e of EMOTIONS) expect(Number.isFinite(a.scores[e])).toBe(true);
  for (const c of a.cues) {
    expect(c.span[0]).toBeGreaterThanOrEqual(0);
    expect(c.span[1]).toBeLessThanOrEqual(text.length);
    expect(c.span[0]).toBeLessThan(c.span[1]);
  }
  return a;
}

function checkDraft(text: string, customerText?: string, lang?: Lang) {
  const a = analyzeDraft(text, { customerText, lang, channel: 'email', customerName: 'Åsa' });
  expect(a.score).toBeGreaterThanOrEqual(0);
  expect(a.score).toBeLessThanOrEqual(100);
  expect(Number.isFinite(a.readability.value)).toBe(true);
  for (const hit of [...a.behaviors, ...a.risks, ...a.readability.longSentences.map((span) => ({ span }))]) {
    expect(hit.span[0]).toBeGreaterThanOrEqual(0);
    expect(hit.span[1]).toBeLessThanOrEqual(text.length);
    expect(hit.span[0]).toBeLessThan(hit.span[1]);
  }
  for (const s of a.suggestions) {
    expect(s.text).not.toMatch(/\{(name|issue)\}|[[\]]/);
    if (s.replaces) expect(s.replaces[1]).toBeLessThanOrEqual(text.length);
  }
  return a;
}

describe('awkward input', () => {
  test.each(awkward)('%s', (_label, text) => {
    expect(LANGS).toContain(detectLanguage(text).lang);
    checkMessage(text);
    checkDraft(text, text);
  });

  test('empty and emoji-only messages are neutral with no intensity', () => {
    for (const text of ['', '   ', '😀🙏']) {
      const a = analyzeMessage(text);
      expect(a.emotion).toBe('neutral');
      expect(a.intensity).toBe(0);
    }
  });

  test('HTML tags are not read as words', () => {
    const a = analyzeMessage('<div class="angry-frustrated-useless">Thanks a lot, that helped</div>', { lang: 'en' });
    expect(a.emotion).toBe('positive');
  });

  test('a 1 MB paste is analysed (up to the cap) without throwing', () => {
    const a = checkDraft(MB, undefined, 'sv');
    expect(a.score).toBeGreaterThan(0);
  });

  test('wrong argument types do not throw', () => {
    const bad = [undefined, null, 42, {}, []] as unknown as string[];
    for (const b of bad) {
      expect(() => detectLanguage(b)).not.toThrow();
      expect(() => analyzeMessage(b)).not.toThrow();
      expect(() => analyzeDraft(b, null as never)).not.toThrow();
      expect(() => analyzeDraft('Hello', { library: b as never, usage: b as never, customerName: b })).not.toThrow();
    }
  });
});

// Any UTF-16 sequence, including lone surrogates, and text built from words the rules care about.
const utf16 = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 300 })
  .map((codes) => String.fromCharCode(...codes));
const words = fc.constantFrom(
  'sorry',
  'förlåt',
  'NOT',
  'inte',
  'ikke',
  'en',
  'ole',
  'happy',
  'nöjd',
  'fornøyd',
  'third',
  'time',
  'tredje',
  'gången',
  'great',
  'another',
  'delay',
  '!!',
  '?',
  'I',
  "can't",
  'you',
  'should',
  'have',
  'as',
  'said',
  '<b>',
  '&nbsp;',
  '{name}',
  '[',
  ']',
  'Hej',
  'Anna',
  '\n',
  '😡',
  'kiitos',
  'tak',
  'takk',
  'tack',
);
const wordy = fc.array(words, { maxLength: 60 }).map((w) => w.join(' '));
const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), utf16, wordy);
const lang = fc.option(fc.constantFrom(...LANGS), { nil: undefined });

describe('fuzzing (fast-check)', () => {
  test('detectLanguage never throws and returns a known language', () => {
    fc.assert(
      fc.property(text, (t) => {
        const r = detectLanguage(t);
        expect(LANGS).toContain(r.lang);
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  test('analyzeMessage never throws and keeps its invariants', () => {
    fc.assert(
      fc.property(text, lang, (t, l) => {
        const a = analyzeMessage(t, { lang: l });
        expect(EMOTIONS).toContain(a.emotion);
        expect(a.intensity).toBeGreaterThanOrEqual(0);
        expect(a.intensity).toBeLessThanOrEqual(1);
        for (const c of a.cues) expect(c.span[1]).toBeLessThanOrEqual(t.length);
      }),
      { numRuns: 300 },
    );
  });

  test('analyzeDraft never throws and keeps its invariants', () => {
    fc.assert(
      fc.property(text, text, lang, fc.constantFrom('chat', 'email' as const), (draft, customer, l, channel) => {
        const a = analyzeDraft(draft, { customerText: customer, lang: l, channel, customerName: 'Ola' });
        expect(a.score).toBeGreaterThanOrEqual(0);
        expect(a.score).toBeLessThanOrEqual(100);
        for (const h of [...a.behaviors, ...a.risks]) {
          expect(h.span[0]).toBeLessThan(h.span[1]);
          expect(h.span[1]).toBeLessThanOrEqual(draft.length);
        }
        for (const s of a.suggestions) expect(s.text).not.toMatch(/\{(name|issue)\}/);
      }),
      { numRuns: 300 },
    );
  });

  test('typing one character at a time gives the same analysis as analysing the final text', () => {
    fc.assert(
      fc.property(wordy, wordy, (before, after) => {
        // Incremental re-analysis (the per-keystroke cache) must not change results.
        analyzeDraft(`${before}${after}`, { lang: 'en' });
        const edited = `${before} x ${after}`;
        const incremental = analyzeDraft(edited, { lang: 'en' });
        analyzeDraft('something else entirely', { lang: 'sv' });
        const fresh = analyzeDraft(edited, { lang: 'en' });
        expect(incremental).toEqual(fresh);
      }),
      { numRuns: 200 },
    );
  });
});
