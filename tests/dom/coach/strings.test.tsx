// The chip in the browser's UI language: en, sv, nb, da, fi. A Swedish browser gets a Swedish chip
// end to end (controller -> store -> CoachRoot), every dictionary is complete and translated, and reasons the
// engine words in English are worded by kind in the chip's language.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CoachRoot } from '../../../components/coach/CoachRoot';
import { describeCustomer } from '../../../components/coach/customer-state';
import { COACH_STRINGS, type CoachStrings, coachUiLang } from '../../../components/coach/strings';
import { startCoach } from '../../../lib/coach';
import { createCoachEngine } from '../../../entrypoints/coach.content/engine';
import { buildCoachModel } from '../../../entrypoints/coach.content/model';
import { analyzeDraft, analyzeMessage } from '../../../lib/empathy';
import { LANGS, type Lang } from '../../../lib/empathy/types';
import { attuneDemoAdapter } from '../../../lib/sites/attune-demo';

describe('coachUiLang', () => {
  it.each<[string | undefined, Lang]>([
    ['sv-SE', 'sv'],
    ['sv', 'sv'],
    ['nb-NO', 'nb'],
    ['no', 'nb'],
    ['nn-NO', 'nb'],
    ['da-DK', 'da'],
    ['fi-FI', 'fi'],
    ['en-GB', 'en'],
    ['de-DE', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('%s -> %s', (tag, lang) => {
    expect(coachUiLang(tag)).toBe(lang);
  });
});

/** Every string a dictionary yields, with sample arguments, keyed by path. */
function flatten(t: CoachStrings): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(t)) {
    if (key === 'lang') continue;
    if (typeof value === 'string') out[key] = value;
    else if (typeof value === 'function') out[key] = String(value(3, 'b'));
    else for (const [k, v] of Object.entries(value as Record<string, string>)) out[`${key}.${k}`] = v;
  }
  return out;
}

describe('COACH_STRINGS', () => {
  const english = flatten(COACH_STRINGS.en);
  it.each(LANGS.filter((l) => l !== 'en'))('%s has every English string, translated', (lang) => {
    const strings = flatten(COACH_STRINGS[lang]);
    expect(COACH_STRINGS[lang].lang).toBe(lang);
    expect(Object.keys(strings).sort()).toEqual(Object.keys(english).sort());
    for (const [key, value] of Object.entries(strings)) {
      expect(value.trim(), key).not.toBe('');
      // Brand and index names ("Attune", "LIX") may stay; sentences may not.
      if (value.split(/\s+/).length > 2) expect(value, key).not.toBe(english[key]);
    }
  });

  it.each<[Lang, number, string]>([
    ['en', 1, '1 long sentence'],
    ['en', 2, '2 long sentences'],
    ['sv', 2, '2 långa meningar'],
    ['nb', 1, '1 lang setning'],
    ['da', 2, '2 lange sætninger'],
    ['fi', 2, '2 pitkää virkettä'],
  ])('%s counts %i long sentences as "%s"', (lang, n, words) => {
    expect(COACH_STRINGS[lang].longSentences(n)).toBe(words);
  });
});

describe('the customer state in plain words', () => {
  const angry =
    'This is the third time I am contacting you about this. I have been charged twice AGAIN and nobody has fixed it.';
  it.each<[Lang, RegExp]>([
    ['en', /^Sounds frustrated — third contact about this/],
    ['sv', /^Låter frustrerad — tredje kontakten om detta/],
    ['nb', /^Virker frustrert — tredje henvendelse om dette/],
    ['da', /^Lyder frustreret — tredje henvendelse om dette/],
    ['fi', /^Kuulostaa turhautuneelta — kolmas yhteydenotto tästä asiasta/],
  ])('%s', (lang, expected) => {
    expect(describeCustomer(analyzeMessage(angry), angry, COACH_STRINGS[lang])).toMatch(expected);
  });
});

describe('suggestion reasons in the chip language', () => {
  it('words the greeting of an email and the behaviour reasons by kind', () => {
    const draft = 'I have checked the parcel with the carrier.';
    const analysis = analyzeDraft(draft, { lang: 'en', channel: 'email', customerName: 'Johan' });
    const model = buildCoachModel({
      audience: 'customer',
      draft,
      analysis,
      customer: null,
      customerText: null,
      hidden: new Set(),
      strings: COACH_STRINGS.da,
    });
    expect(model.suggestions.length).toBeGreaterThan(0);
    const allowed = new Set(Object.values(COACH_STRINGS.da.reasons));
    for (const s of model.suggestions) expect(allowed, s.reason).toContain(s.reason);
    // The engine offers a greeting for an email without one; its reason is the Danish greeting reason.
    expect(model.suggestions.map((s) => s.reason)).toContain(COACH_STRINGS.da.reasons.greeting);
  });
});

describe('a Swedish browser', () => {
  let abort: AbortController;
  beforeEach(() => {
    abort = new AbortController();
    const html = readFileSync(join(process.cwd(), 'tests/fixtures/attune-demo/ticket-1-chat.html'), 'utf8');
    document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
    vi.spyOn(HTMLTextAreaElement.prototype, 'getClientRects').mockReturnValue([new DOMRect(0, 0, 600, 120)] as never);
    vi.spyOn(window.navigator, 'language', 'get').mockReturnValue('sv-SE');
  });
  afterEach(() => {
    abort.abort();
    vi.restoreAllMocks();
  });

  it('shows the chip in Swedish while the phrases stay in the conversation language', async () => {
    const coach = startCoach({
      doc: document,
      win: window,
      adapter: attuneDemoAdapter,
      engine: createCoachEngine(),
      messaging: {
        getContext: async () => ({ enabled: true, library: null, usage: {} }),
        usage: () => {},
        replySent: () => {},
      },
      mountUi: () => {},
      signal: abort.signal,
    });
    await coach.ready;
    const composer = document.querySelector('textarea') as HTMLTextAreaElement;
    composer.value = 'Hi Maria, you should have checked the statement.';
    composer.dispatchEvent(new Event('input', { bubbles: true }));
    const state = coach.store.getState();
    expect(state.uiLang).toBe('sv');

    // Rendered outside the page (the real chip sits in a shadow root); the page's own markup is cleared first.
    document.body.replaceChildren();
    render(<CoachRoot state={state} handlers={coach.handlers} />);
    const chip = document.querySelector('aside.attune-chip') as HTMLElement;
    // Its accessible name is the localized heading it points at.
    expect(document.getElementById(chip.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Attune-coach');
    expect(chip.getAttribute('lang')).toBe('sv');
    expect(within(chip).getByTestId('attune-emotion').textContent).toMatch(
      /^Låter frustrerad — tredje kontakten om detta/,
    );
    expect(within(chip).getByTestId('attune-score').getAttribute('aria-label')).toMatch(
      /^Empatipoäng för ditt utkast: \d+ av 100$/,
    );
    expect(within(chip).getByRole('button', { name: 'Fäll ihop coachen' })).toBeTruthy();
    expect(within(chip).getByRole('button', { name: 'Stäng coachen för det här svaret' })).toBeTruthy();
    const list = within(chip).getByRole('list', { name: 'Föreslagna fraser' });
    const suggestions = within(list).getAllByTestId('attune-suggestion');
    expect(suggestions.length).toBeGreaterThan(0);
    for (const s of suggestions) {
      // The phrase is the customer's language (English); the reason around it is Swedish.
      expect(s.getAttribute('lang')).toBe('en');
      expect(s.getAttribute('aria-describedby')).toBeTruthy();
      const reason = document.getElementById(s.getAttribute('aria-describedby') ?? '');
      expect(reason?.textContent).toMatch(/^Kunden låter frustrerad\. /);
    }
    expect(within(list).getAllByRole('button', { name: /^Dölj förslaget ”/ }).length).toBe(suggestions.length);
    const rewrites = within(chip).getByRole('list', { name: 'Mjukare formuleringar' });
    expect(within(rewrites).getByText('Låter som att du skyller på kunden')).toBeTruthy();
    expect(within(rewrites).getByRole('button', { name: /^Ersätt ”you should have” med ”/ })).toBeTruthy();
    expect(within(chip).getByText(/^Läsbarhet Flesch \d+/)).toBeTruthy();
  });
});
