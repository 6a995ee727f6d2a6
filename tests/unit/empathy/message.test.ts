// Customer-message analysis: per-item must / must-not tables (emotion, cues, negation, sarcasm,
// intensity) in English and Swedish, and the shape of the result.
import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeMessage, loadAllLanguagePacks } from '../../../lib/empathy';
import { EMOTIONS, type Emotion, type Lang } from '../../../lib/empathy/types';

beforeAll(async () => {
  await loadAllLanguagePacks();
});

// [lang, text, emotion, cues that must be found, cues that must not]
const cases: [Lang, string, Emotion, string[], string[]][] = [
  [
    'en',
    "This is the third time I'm writing and it's still not fixed. I'm switching provider.",
    'frustrated',
    ['repeat-contact', 'churn-threat'],
    ['thanks'],
  ],
  ['en', 'I am not happy with the new price.', 'disappointed', ['negation'], []],
  ['en', 'Great, another delay. Just what I needed.', 'frustrated', ['sarcasm'], ['thanks']],
  ['en', 'Thanks for nothing!', 'frustrated', ['sarcasm', 'exclamation'], ['thanks']],
  ['en', 'Thank you so much, the engineer was brilliant.', 'positive', ['thanks'], ['sarcasm', 'negation']],
  ['en', "My husband passed away and I can't afford this bill. I'm so worried.", 'worried', ['vulnerability'], []],
  ['en', "I don't understand what this charge on my bill means.", 'confused', [], ['churn-threat']],
  ['en', 'Please send me a copy of my contract.', 'neutral', [], ['caps', 'exclamation', 'repeat-contact']],
  ['en', 'WHY IS MY INTERNET STILL DOWN', 'frustrated', ['caps', 'repeat-contact'], []],
  [
    'sv',
    'Det här är tredje gången jag hör av mig och det fungerar fortfarande inte. Jag byter operatör.',
    'frustrated',
    ['repeat-contact', 'churn-threat'],
    [],
  ],
  ['sv', 'Jag är inte nöjd med det nya priset.', 'disappointed', ['negation'], []],
  ['sv', 'Toppen, ännu en försening. Tack för ingenting!', 'frustrated', ['sarcasm'], ['thanks']],
  ['sv', 'Tusen tack för hjälpen, ni är bäst!', 'positive', ['thanks', 'exclamation'], ['sarcasm']],
  ['sv', 'Min man gick bort i mars och jag är jätteorolig för räkningarna.', 'worried', ['vulnerability'], []],
  ['sv', 'Jag förstår inte vad den här avgiften betyder.', 'confused', [], []],
  ['sv', 'Kan ni skicka en kopia av mitt avtal?', 'neutral', [], ['exclamation', 'caps']],
];

describe('analyzeMessage', () => {
  test.each(cases)('%s: %s', (lang, text, emotion, mustCues, mustNotCues) => {
    const a = analyzeMessage(text, { lang });
    expect(a.emotion).toBe(emotion);
    const kinds = a.cues.map((c) => c.kind);
    for (const cue of mustCues) expect(kinds).toContain(cue);
    for (const cue of mustNotCues) expect(kinds).not.toContain(cue);
  });

  test('result shape: language, scores summing to 1, intensity in 0..1, cue spans inside the text', () => {
    const text = "I've called THREE times!!! Still nothing.";
    const a = analyzeMessage(text);
    expect(a.lang).toBe('en');
    expect(Object.keys(a.scores).sort()).toEqual([...EMOTIONS].sort());
    const sum = EMOTIONS.reduce((s, e) => s + a.scores[e], 0);
    expect(sum).toBeGreaterThan(0.99);
    expect(sum).toBeLessThan(1.01);
    expect(a.intensity).toBeGreaterThanOrEqual(0);
    expect(a.intensity).toBeLessThanOrEqual(1);
    for (const c of a.cues) {
      expect(c.span[0]).toBeGreaterThanOrEqual(0);
      expect(c.span[1]).toBeLessThanOrEqual(text.length);
      expect(c.span[0]).toBeLessThan(c.span[1]);
    }
    expect(text.slice(...(a.cues.find((c) => c.kind === 'caps')?.span ?? [0, 0]))).toBe('THREE');
    expect(text.slice(...(a.cues.find((c) => c.kind === 'exclamation')?.span ?? [0, 0]))).toBe('!!!');
  });

  test('capitals, exclamation marks and intensifiers raise intensity', () => {
    const calm = analyzeMessage('I am annoyed that my parcel is late.', { lang: 'en' });
    const loud = analyzeMessage('I am REALLY annoyed that my parcel is STILL late!!!', { lang: 'en' });
    expect(calm.emotion).toBe('frustrated');
    expect(loud.intensity).toBeGreaterThan(calm.intensity);
  });

  test('an acronym alone is not shouting', () => {
    const a = analyzeMessage('My PIN came by SMS but the app asks for a code.', { lang: 'en' });
    expect(a.cues.map((c) => c.kind)).not.toContain('caps');
  });
});
