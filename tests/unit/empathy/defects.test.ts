// Defects reported against the engine: each is a general rule, tested on a few
// sentences per language.
import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeDraft, analyzeMessage, detectLanguage, LANGS, loadAllLanguagePacks } from '../../../lib/empathy';
import { tokenize } from '../../../lib/empathy/match';
import { splitSentences } from '../../../lib/empathy/readability';
import { packFor } from '../../../lib/empathy/registry';

beforeAll(async () => {
  await loadAllLanguagePacks();
});

const sentences = (text: string) => splitSentences(text, tokenize(text)).map((s) => text.slice(s.span[0], s.span[1]));

describe('sentence splitting keeps abbreviations, times and dates inside the sentence', () => {
  test.each([
    ['Vi ses kl. 19.40 i kväll. Välkommen!', ['Vi ses kl. 19.40 i kväll.', 'Välkommen!']],
    ['Bindingstiden slutter 1. mars. Da kan du bytte.', ['Bindingstiden slutter 1. mars.', 'Da kan du bytte.']],
    ['Du kan t.ex. använda appen. Det går fort.', ['Du kan t.ex. använda appen.', 'Det går fort.']],
    ['Fakturan gäller bl.a. elnätet. Den kommer i dag.', ['Fakturan gäller bl.a. elnätet.', 'Den kommer i dag.']],
    ['Use a browser, e.g. Firefox or the app. Thanks.', ['Use a browser, e.g. Firefox or the app.', 'Thanks.']],
    ['Mr. Smith called us. He was kind.', ['Mr. Smith called us.', 'He was kind.']],
    [
      'It costs 3.5 euros. Go to www.example.com. Then log in.',
      ['It costs 3.5 euros.', 'Go to www.example.com.', 'Then log in.'],
    ],
    ['I paid etc. The rest is late.', ['I paid etc.', 'The rest is late.']],
    [
      'Hi Anna,<br>your refund is on its way</p><p>Kind regards',
      ['Hi Anna', 'your refund is on its way', 'Kind regards'],
    ],
  ])('%s', (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });
});

describe('rules never match across a sentence end', () => {
  test.each([
    ['nb', 'Det er rart at jeg aldri har fått. Hvor finner jeg den?'],
    ['nb', 'Jeg har aldri har fått. Hvor finner jeg fakturaen?'],
    ['sv', 'Jag har inte fått den. Hur gör jag nu?'],
    ['en', "I haven't. Where do I find the invoice?"],
  ] as const)('%s: %s has no negation cue', (lang, text) => {
    expect(analyzeMessage(text, { lang }).cues.map((c) => c.kind)).not.toContain('negation');
  });

  test('a negation in the same sentence still counts', () => {
    expect(analyzeMessage('Jeg er ikke fornøyd med dette.', { lang: 'nb' }).cues.map((c) => c.kind)).toContain(
      'negation',
    );
  });
});

const kinds = (xs: { kind: string }[]) => xs.map((x) => x.kind);

describe('a greeting followed by "!" or "." is not greeting + name', () => {
  test.each([
    ['nb', 'Hei! Bindingstiden din går ut 1. september.', false],
    ['sv', 'Hej. Fakturan är skickad.', false],
    ['en', 'Hi!\nYour refund is on its way.', false],
    ['nb', 'Hei Kari! Bindingstiden din går ut.', true],
    ['en', 'Hi Anna, your refund is on its way.', true],
  ] as const)('%s: %s', (lang, text, personal) => {
    const rules = analyzeDraft(text, { lang }).behaviors.map((b) => b.rule);
    expect(rules.includes('personal.greeting-name')).toBe(personal);
  });
});

describe('shouting: short words in capitals, but not acronyms', () => {
  test.each([
    ['nb', 'Du SKAL ha fått en e-post om dette.', 'skal'],
    ['en', 'You MUST restart the router first.', 'must'],
    ['sv', 'Du MÅSTE starta om routern.', 'måste'],
    ['da', 'Du SKAL genstarte routeren.', 'skal'],
  ] as const)('%s: %s', (lang, text, rewrite) => {
    const caps = analyzeDraft(text, { lang }).risks.filter((r) => r.rule === 'shouting.caps');
    expect(caps.map((r) => r.rewrite)).toEqual([rewrite]);
  });

  test.each([
    ['en', 'We sent the PIN by SMS, and the IBAN is on your EU VAT invoice. OK?'],
    ['sv', 'Logga in med BankID och ange ditt OCR-nummer.'],
    ['nb', 'Betal med Vipps eller bruk KID og MVA-nummeret ditt.'],
    ['fi', 'Kirjaudu OP-tunnuksilla ja tarkista ALV ja ID.'],
    ['en', 'You need form SA1 and the CPI figure.'],
  ] as const)('%s: %s is not shouting', (lang, text) => {
    expect(kinds(analyzeDraft(text, { lang }).risks)).not.toContain('shouting');
  });

  test('calmed capitals keep acronyms and the English "I"', () => {
    const r = analyzeDraft('I TOLD YOU I SENT THE PIN.', { lang: 'en' }).risks.find((x) => x.rule === 'shouting.caps');
    expect(r?.rewrite).toBe('I told you I sent the PIN');
  });
});

describe('offers are not the explore behaviour', () => {
  test.each([
    ['nb', 'Skal jeg sende deg en ny kode?'],
    ['nb', 'Vil du at jeg ringer deg i morgen?'],
    ['da', 'Skal jeg kigge på dit abonnement?'],
    ['sv', 'Vill du att jag skickar en ny faktura?'],
    ['sv', 'Ska jag boka om resan åt dig?'],
    ['en', 'Shall I send you a new code?'],
    ['en', 'Would you like me to call you tomorrow?'],
    ['en', 'Anna, do you want me to cancel the order?'],
    ['fi', 'Haluatko, että soitan sinulle huomenna?'],
    ['fi', 'Lähetänkö uuden koodin?'],
  ] as const)('%s: %s', (lang, text) => {
    expect(kinds(analyzeDraft(text, { lang }).behaviors)).not.toContain('explore');
  });

  test.each([
    ['en', 'Could you tell me which model you have?'],
    ['en', 'Would you like to tell me more about what happened?'],
    ['sv', 'Kan du berätta lite mer om vad som hände?'],
    ['nb', 'Hvilken adresse gjelder det?'],
    ['fi', 'Mikä osoite on kyseessä?'],
  ] as const)('%s: %s is still explore', (lang, text) => {
    expect(kinds(analyzeDraft(text, { lang }).behaviors)).toContain('explore');
  });
});

describe('sarcastic thanks is not a thanks cue', () => {
  test.each([
    ['en', 'Thanks for nothing.'],
    ['sv', 'Tack för ingenting.'],
    ['nb', 'Takk for ingenting.'],
    ['da', 'Tak for ingenting.'],
    ['fi', 'Kiitos ei mistään.'],
    ['en', 'Thanks a lot for sending the wrong item again. Really impressive.'],
  ] as const)('%s: %s', (lang, text) => {
    const cues = kinds(analyzeMessage(text, { lang }).cues);
    expect(cues).toContain('sarcasm');
    expect(cues).not.toContain('thanks');
  });

  test('genuine thanks still counts', () => {
    expect(kinds(analyzeMessage('Thanks so much for sorting this out so quickly!', { lang: 'en' }).cues)).toContain(
      'thanks',
    );
  });
});

/** A text a pattern matches: the first alternative of each slot, optional slots and gaps left out. */
function instance(pattern: string): string {
  const first = pattern.split(' / ')[0] as string;
  return first
    .trim()
    .split(/\s+/)
    .filter((slot) => slot !== '..' && slot !== '.' && !slot.startsWith('['))
    .map((slot) => (slot.split('|')[0] as string).replace(/\*/g, ''))
    .join(' ');
}

describe('rewrites are capitalised at the start of a sentence and not in the middle, in every pack', () => {
  test.each(LANGS)('%s', (lang) => {
    const wrong: string[] = [];
    let checked = 0;
    for (const rule of packFor(lang).pack.risks) {
      if (!rule.rewrite) continue;
      const words = instance(rule.p);
      for (const [prefix, capital] of [
        ['', true],
        ['Ok. ', true],
        ['Ok, ', false],
      ] as const) {
        const res = analyzeDraft(`${prefix}${words} tomorrow`, { lang });
        const hit = res.risks.find((r) => r.rule === rule.id && r.span[0] === prefix.length);
        const suggestion = hit && res.suggestions.find((s) => s.id === `rewrite:${rule.id}:${hit.span[0]}`);
        if (!suggestion) continue;
        checked++;
        const first = suggestion.text.charAt(0);
        const ok = capital
          ? first === first.toUpperCase()
          : first === first.toLowerCase() || /^I\b/.test(suggestion.text);
        if (!ok) wrong.push(`${rule.id} after "${prefix}": ${suggestion.text}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });
});

describe('Danish and Norwegian on short lines', () => {
  test.each([
    ['Har I lukket for min strøm?', 'da'],
    ['Ikke imponeret. Pakken kom fem dage for sent.', 'da'],
    ['Ikke imponert. Pakken kom fem dager for sent.', 'nb'],
    ['Har dere stengt strømmen min?', 'nb'],
  ] as const)('%s -> %s', (text, lang) => {
    expect(detectLanguage(text).lang).toBe(lang);
  });
});
