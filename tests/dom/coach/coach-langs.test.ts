// The agent's coach languages (options page, settings.coachLangs): a conversation in a language the agent
// switched off is coached in the agent's first chosen language; readability is still given; a change in the
// options applies to the open composer at once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type CoachMessaging, type CoachSettings, startCoach, validCoachLangs } from '../../../lib/coach';
import { createCoachEngine, pickCoachLang } from '../../../entrypoints/coach.content/engine';
import { importLanguagePack } from '../../../lib/empathy/packs/loaders';
import type { Lang } from '../../../lib/empathy/types';
import { attuneDemoAdapter } from '../../../lib/sites/attune-demo';

describe('pickCoachLang', () => {
  it.each<[Lang, Lang[] | undefined, Lang]>([
    ['sv', undefined, 'sv'],
    ['sv', [], 'sv'],
    ['sv', ['en', 'sv'], 'sv'],
    ['fi', ['sv', 'en'], 'sv'],
    ['en', ['nb'], 'nb'],
    ['da', ['da'], 'da'],
  ])('%s with coach languages %j -> %s', (lang, langs, expected) => {
    expect(pickCoachLang(lang, langs)).toBe(expected);
  });
});

describe('engine.coachLang', () => {
  const english = 'Hi Johan, I have checked the parcel with the carrier and it is on its way to you now.';
  const swedish = 'Hej Johan, jag har kollat med transportören och paketet är på väg till dig nu.';
  it.each<[string, string, Lang | undefined, Lang[], Lang]>([
    ['the customer language the agent coaches in', english, 'sv', ['sv', 'en'], 'sv'],
    ['any language when the agent chose none', english, 'fi', [], 'fi'],
    [
      'the draft language when the customer one is off and the agent writes one of theirs',
      english,
      'sv',
      ['nb', 'en'],
      'en',
    ],
    ['the first choice when the draft is in no language of theirs', swedish, 'fi', ['nb', 'en'], 'nb'],
    ['the first choice while the draft is too short to tell', 'Hi Johan,', 'sv', ['nb', 'en'], 'nb'],
    ['without a customer, the draft language when it is one of theirs', swedish, undefined, ['en', 'sv'], 'sv'],
    ['without a customer, the first choice otherwise', swedish, undefined, ['da'], 'da'],
  ])('%s', (_case, draft, customerLang, langs, expected) => {
    expect(createCoachEngine().coachLang(draft, customerLang, langs)).toBe(expected);
  });
});

describe('validCoachLangs', () => {
  it.each<[unknown, Lang[]]>([
    [
      ['sv', 'en'],
      ['sv', 'en'],
    ],
    [['de', 'sv', 42, null, 'sv'], ['sv']],
    ['sv', []],
    [undefined, []],
    [{ 0: 'sv' }, []],
  ])('%j -> %j', (value, expected) => {
    expect(validCoachLangs(value)).toEqual(expected);
  });
});

const messaging: CoachMessaging = {
  getContext: async () => ({ enabled: true, library: null, usage: {} }),
  usage: () => {},
  replySent: () => {},
};

/** Settings as storage would hand them out, with a way to change them as the options page would. */
function fakeSettings(initial: Lang[]) {
  const listeners = new Set<(langs: readonly Lang[]) => void>();
  const settings: CoachSettings = {
    coachLangs: async () => initial,
    watchCoachLangs(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
  return {
    settings,
    change: (langs: Lang[]) => {
      for (const l of listeners) l(langs);
    },
    watching: () => listeners.size,
  };
}

let abort: AbortController;
beforeEach(() => {
  abort = new AbortController();
  const html = readFileSync(join(process.cwd(), 'tests/fixtures/attune-demo/ticket-2-email.html'), 'utf8');
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
  // The email reply's rich editor as a plain textarea: jsdom has no editing, and the editor is not under test.
  const rich = document.querySelector('form[data-composer="public-reply"] [contenteditable]');
  rich?.replaceWith(Object.assign(document.createElement('textarea'), { className: 'composer__input' }));
  document.querySelector('form[data-composer="internal-note"]')?.remove();
  vi.spyOn(HTMLTextAreaElement.prototype, 'getClientRects').mockReturnValue([new DOMRect(0, 0, 600, 120)] as never);
});
afterEach(() => {
  abort.abort();
  vi.restoreAllMocks();
});

function start(settings?: CoachSettings) {
  return startCoach({
    doc: document,
    win: window,
    adapter: attuneDemoAdapter,
    engine: createCoachEngine(importLanguagePack),
    messaging,
    settings,
    mountUi: () => {},
    signal: abort.signal,
  });
}

function type(text: string) {
  const composer = document.querySelector('textarea') as HTMLTextAreaElement;
  composer.value = text;
  composer.dispatchEvent(new Event('input', { bubbles: true }));
}

const langOf = (id: string) => id.split('.')[0];

describe('coach controller: the agent coach languages', () => {
  it('coaches a Swedish conversation in Swedish when the agent coaches in Swedish', async () => {
    const coach = start(fakeSettings(['sv', 'en']).settings);
    await coach.ready;
    type('Hej Johan, jag har kollat paketet.');
    const model = coach.store.getState().view?.model;
    expect(model?.lang).toBe('sv');
    expect(model?.suggestions.length).toBeGreaterThan(0);
    expect(model?.suggestions.map((s) => langOf(s.id))).toEqual(model?.suggestions.map(() => 'sv'));
  });

  it('coaches in the first chosen language when the conversation is in one the agent switched off', async () => {
    const coach = start(fakeSettings(['en', 'nb']).settings);
    await coach.ready;
    type('Hi Johan, I checked the parcel.');
    const model = coach.store.getState().view?.model;
    expect(model?.lang).toBe('en');
    // The customer still reads as they wrote (emotion), and readability is still given.
    expect(model?.emotion).not.toBe('neutral');
    expect(model?.readability?.label).toMatch(/Flesch \d+/);
    expect(model?.suggestions.length).toBeGreaterThan(0);
    expect(model?.suggestions.every((s) => langOf(s.id) === 'en')).toBe(true);
  });

  it('follows a change in the options at once, and stops watching when torn down', async () => {
    const fake = fakeSettings(['en']);
    const coach = start(fake.settings);
    await coach.ready;
    type('Hej Johan, jag har kollat paketet.');
    expect(coach.store.getState().view?.model.lang).toBe('en');
    fake.change(['sv']);
    const model = coach.store.getState().view?.model;
    expect(model?.lang).toBe('sv');
    expect(model?.suggestions.every((s) => langOf(s.id) === 'sv')).toBe(true);
    expect(fake.watching()).toBe(1);
    abort.abort();
    expect(fake.watching()).toBe(0);
  });
});
