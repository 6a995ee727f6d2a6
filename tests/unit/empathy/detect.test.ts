// Language detection on one-line chat messages, including the hard case: Swedish, Norwegian and Danish.
import { describe, expect, test } from 'vitest';
import { detectLanguage } from '../../../lib/empathy';
import type { Lang } from '../../../lib/empathy/types';

const oneLiners: [Lang, string][] = [
  ['sv', 'Hej, jag har fortfarande inte fått min faktura'],
  ['sv', 'Varför har ni dragit pengar två gånger?'],
  ['sv', 'Tack för hjälpen, nu funkar det!'],
  ['sv', 'Jag vill säga upp mitt abonnemang'],
  ['nb', 'Hei, jeg har fortsatt ikke fått fakturaen min'],
  ['nb', 'Hvorfor har dere trukket meg to ganger?'],
  ['nb', 'Takk for hjelpen, nå virker det!'],
  ['nb', 'Jeg vil si opp abonnementet mitt'],
  ['da', 'Hej, jeg har stadig ikke fået min faktura'],
  ['da', 'Hvorfor har I trukket mig to gange?'],
  ['da', 'Tak for hjælpen, nu virker det!'],
  ['da', 'Jeg vil gerne opsige mit abonnement'],
  ['fi', 'Hei, en ole vieläkään saanut laskua'],
  ['fi', 'Miksi olette veloittaneet minulta kahdesti?'],
  ['fi', 'Kiitos avusta, nyt se toimii!'],
  ['en', "Hi, I still haven't received my invoice"],
  ['en', 'Why have you charged me twice?'],
  ['en', 'Thanks for the help, it works now!'],
];

describe('detectLanguage', () => {
  test.each(oneLiners)('%s: %s', (lang, text) => {
    expect(detectLanguage(text).lang).toBe(lang);
  });

  test('confidence is between 0 and 1, and 0 when there is nothing to go on', () => {
    for (const [, text] of oneLiners) {
      const { confidence } = detectLanguage(text);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
    expect(detectLanguage('')).toEqual({ lang: 'en', confidence: 0 });
    expect(detectLanguage('😀😀 !!!')).toEqual({ lang: 'en', confidence: 0 });
  });
});
