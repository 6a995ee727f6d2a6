// The learned layer (lib/empathy/model/): the committed weights load and read real wording; rules + model
// keep the rules' cues; a missing or corrupt weights file degrades to the rules with a warning; the
// language identifier tells Norwegian from Danish where the word lists cannot; bad input stays bounded.
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  analyzeMessage,
  detectLanguage,
  emotionModelFor,
  languageIdModel,
  loadAllLanguagePacks,
  loadEmotionModel,
  registerEmotionModel,
  registerLanguageIdModel,
  setEmotionModelSource,
  unregisterEmotionModel,
  unregisterLanguageIdModel,
} from '../../../lib/empathy';
import { combineVerdicts } from '../../../lib/empathy/model/combine';
import { importEmotionModel } from '../../../lib/empathy/model/loaders';
import { LANGS } from '../../../lib/empathy/types';

const weights = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../lib/empathy/model/weights/${name}.json`, import.meta.url), 'utf8'));

beforeAll(async () => {
  await loadAllLanguagePacks();
});

afterEach(() => {
  vi.restoreAllMocks();
  // Put the committed models back whatever a test did.
  for (const lang of LANGS) registerEmotionModel(weights(lang), lang);
  registerLanguageIdModel(weights('langid'));
  setEmotionModelSource(importEmotionModel);
});

describe('emotion model', () => {
  test('every language has its committed model loaded', () => {
    for (const lang of LANGS) expect(emotionModelFor(lang), lang).toBeDefined();
    expect(languageIdModel()).toBeDefined();
  });

  test('the English model reads wording no rule lists', () => {
    const model = emotionModelFor('en');
    if (!model) throw new Error('no model');
    const top = (text: string) => {
      const p = model.predict(text);
      let best = 0;
      for (let c = 1; c < p.length; c++) if ((p[c] as number) > (p[best] as number)) best = c;
      return model.classes[best];
    };
    expect(top('I am terrified they will cut off my electricity tomorrow')).toBe('worried');
    expect(top('Thank you so much, this is wonderful, you made my day')).toBe('positive');
    expect(top('This is absolutely ridiculous and I am sick of it')).toBe('frustrated');
  });

  test('where the rules are unsure the model decides, and says so', () => {
    // GoEmotions train comments (not dev) whose wording no rule of the English pack reads.
    const cases: [string, string][] = [
      ["I like this sub, and I like you. You're alright.", 'positive'],
      [
        'No he was given a bad team to work with unfortunately, and never got the final shot he deserved :(',
        'disappointed',
      ],
    ];
    for (const [text, emotion] of cases) {
      const rules = analyzeMessage(text, { lang: 'en', rulesOnly: true });
      const a = analyzeMessage(text, { lang: 'en' });
      expect(rules.basis).toBe('rules');
      expect(rules.emotion).not.toBe(emotion);
      expect(a.emotion, text).toBe(emotion);
      expect(a.basis).toBe('model');
    }
  });

  test("the rules' strong cues keep their verdict and spans", () => {
    const text = 'This is the THIRD time I am calling about this. Fix it or I am leaving.';
    const a = analyzeMessage(text, { lang: 'en' });
    expect(a.emotion).toBe('frustrated');
    expect(a.cues.map((c) => c.kind)).toContain('repeat-contact');
  });

  test('rules + model: probabilities combine; sure cues, thin classes and calm messages', () => {
    const en = emotionModelFor('en');
    const nb = emotionModelFor('nb');
    if (!en || !nb) throw new Error('no model');
    const settings = {
      ruleBase: 1,
      ruleWeight: 1,
      neutralBonus: 0.5,
      cueBonus: 1000,
      neutralFloor: 0.5,
      ruleStands: [],
    };
    const probs = (model: typeof en, p: Record<string, number>) =>
      Float64Array.from(model.classes, (c) => p[c] ?? 0.01);
    const sure = probs(en, { positive: 0.9 });
    // Thin rule evidence: the model's confident reading wins.
    expect(
      combineVerdicts({ emotion: 'frustrated', evidence: 0.8, strongCue: false }, en, sure, settings),
    ).toMatchObject({ emotion: 'positive', basis: 'model' });
    // Strong evidence adds up: log(0.01) + 1 + 3 > log(0.9).
    expect(
      combineVerdicts(
        { emotion: 'frustrated', evidence: 3, strongCue: false },
        en,
        probs(en, { positive: 0.5 }),
        settings,
      ).emotion,
    ).toBe('frustrated');
    // A sure cue (repeat contact, churn threat, sarcasm) keeps the rules' verdict.
    expect(
      combineVerdicts({ emotion: 'frustrated', evidence: 0.8, strongCue: true }, en, sure, settings),
    ).toMatchObject({
      emotion: 'frustrated',
      basis: 'rules',
    });
    // A state the model learned from too few rows stays the rules' call.
    expect(
      combineVerdicts({ emotion: 'worried', evidence: 0.8, strongCue: false }, en, sure, {
        ...settings,
        ruleStands: ['worried'],
      }).emotion,
    ).toBe('worried');
    // ...and the model does not call it where the rules did not.
    expect(
      combineVerdicts({ emotion: 'neutral', evidence: 0, strongCue: false }, en, probs(en, { worried: 0.9 }), {
        ...settings,
        ruleStands: ['worried'],
      }).emotion,
    ).not.toBe('worried');
    // A model without neutral (nb): a calm message stays neutral unless the model is sure of a feeling.
    expect(nb.classes).not.toContain('neutral');
    const calm = { emotion: 'neutral' as const, evidence: 0, strongCue: false };
    expect(combineVerdicts(calm, nb, probs(nb, { frustrated: 0.4, positive: 0.3 }), settings).emotion).toBe('neutral');
    expect(combineVerdicts(calm, nb, probs(nb, { frustrated: 0.9 }), settings)).toMatchObject({
      emotion: 'frustrated',
      basis: 'model',
    });
  });

  test('a corrupt weights file warns and leaves the rules alone', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const text = 'I keep lying awake over this, what if the money never comes back?';
    const good = weights('en');
    unregisterEmotionModel('en');
    for (const bad of [
      { ...good, weights: good.weights.slice(0, 1000) },
      { ...good, weights: '%%%not base64%%%' },
      { ...good, classes: ['furious', 'calm'] },
      { ...good, scales: [1, 2] },
      'not a model',
    ]) {
      expect(registerEmotionModel(bad, 'en')).toBe(false);
    }
    expect(warn).toHaveBeenCalled();
    expect(emotionModelFor('en')).toBeUndefined();
    const a = analyzeMessage(text, { lang: 'en' });
    expect(a).toEqual(analyzeMessage(text, { lang: 'en', rulesOnly: true }));
    expect(a.basis).toBe('rules');
  });

  test('a missing weights file warns, resolves false and never rejects', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    unregisterEmotionModel('sv');
    setEmotionModelSource(() => Promise.reject(new Error('Cannot find module ./weights/sv.json')));
    await expect(loadEmotionModel('sv')).resolves.toBe(false);
    expect(warn.mock.calls.join(' ')).toContain('sv');
    expect(analyzeMessage('Jag är så besviken på er', { lang: 'sv' }).emotion).toBe('disappointed');
  });

  test('bad input with the model loaded: no throw, bounded', () => {
    for (const text of ['', '😡😡😡', '<p>Hej&nbsp;<b>arg</b></p>', 'Привет! 你好 hello hej', 'x'.repeat(100_000)]) {
      const started = performance.now();
      const a = analyzeMessage(text);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(Number.isFinite(a.intensity)).toBe(true);
    }
  });
});

describe('language identification', () => {
  // Subtitle lines from the XED projections' held-out slice (scripts/emotion-data.ts isProjectionDev) that
  // the word lists alone get wrong.
  const nordic: [string, 'nb' | 'da'][] = [
    ['Det er min måte å vise min kjærlighet på.', 'nb'],
    ['Ingen slektninger, ingen venner.', 'nb'],
    ['Rend og hop. Jeg sagde, jeg vil have revanche.', 'da'],
    ['Du kan ikke skyde et barn, vel, din nar?', 'da'],
  ];

  test.each(nordic)('%s -> %s', (text, lang) => {
    expect(detectLanguage(text).lang).toBe(lang);
    unregisterLanguageIdModel();
    expect(detectLanguage(text).lang).not.toBe(lang); // the word lists alone miss it
  });

  test('a corrupt language-ID file warns and the word lists still answer', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    unregisterLanguageIdModel();
    expect(registerLanguageIdModel({ ...weights('langid'), rulesSure: 'high' })).toBe(false);
    expect(warn).toHaveBeenCalled();
    expect(languageIdModel()).toBeUndefined();
    expect(detectLanguage('Jag har inte fått något svar än').lang).toBe('sv');
  });
});
