// The chip menu's words about site health (what the coach sees on this page), in the five primary languages.
// Kept apart from strings.ts (the chip's coaching words) so the two can change independently.
import type { Lang } from '../../lib/empathy/types';

export interface HealthStrings {
  menuLabel: string;
  menuTitle: string;
  adapter(name: string): string;
  fellBack(name: string): string;
  noticeDismiss: string;
  composers: string;
  noComposers: string;
  audience: Record<'customer' | 'internal', string>;
  latest: string;
  latestFound(words: string): string;
  latestMissing: string;
  language: string;
  languages: Record<Lang, string>;
  unknownLanguage: string;
  copyReport: string;
  copied: string;
  copyFailed: string;
  reportHint: string;
  /** Options page: the last page the coach read on each site. */
  seenHeading: string;
  noneSeen: string;
  seenAt(when: string): string;
}

const LANGUAGE_NAMES: Record<Lang, Record<Lang, string>> = {
  en: { en: 'English', sv: 'Swedish', nb: 'Norwegian', da: 'Danish', fi: 'Finnish' },
  sv: { en: 'engelska', sv: 'svenska', nb: 'norska', da: 'danska', fi: 'finska' },
  nb: { en: 'engelsk', sv: 'svensk', nb: 'norsk', da: 'dansk', fi: 'finsk' },
  da: { en: 'engelsk', sv: 'svensk', nb: 'norsk', da: 'dansk', fi: 'finsk' },
  fi: { en: 'englanti', sv: 'ruotsi', nb: 'norja', da: 'tanska', fi: 'suomi' },
};

export const HEALTH_STRINGS: Record<Lang, HealthStrings> = {
  en: {
    menuLabel: 'What the coach sees on this page',
    menuTitle: 'What the coach sees',
    adapter: (name) => `Reading this page as: ${name}`,
    fellBack: (name) =>
      `${name} changed its page; the coach now reads it the generic way. You can copy a report for a bug.`,
    noticeDismiss: 'OK',
    composers: 'Composers',
    noComposers: 'none found',
    audience: { customer: 'reply to the customer', internal: 'internal note' },
    latest: 'Latest customer message',
    latestFound: (words) => `found: “${words}”`,
    latestMissing: 'not found (coaching from your draft only)',
    language: 'Language',
    languages: LANGUAGE_NAMES.en,
    unknownLanguage: 'unknown',
    copyReport: 'Copy diagnostic report',
    copied: 'Copied',
    copyFailed: 'Could not copy',
    reportHint: 'Selectors, match counts, editor kinds and versions; never message or draft text.',
    seenHeading: 'What the coach saw',
    noneSeen: 'Nothing yet: open a ticket in your helpdesk and point at or click its reply box.',
    seenAt: (when) => `seen ${when}`,
  },
  sv: {
    menuLabel: 'Vad coachen ser på den här sidan',
    menuTitle: 'Vad coachen ser',
    adapter: (name) => `Läser sidan som: ${name}`,
    fellBack: (name) =>
      `${name} har ändrat sin sida; coachen läser den nu på det allmänna sättet. Du kan kopiera en felrapport.`,
    noticeDismiss: 'OK',
    composers: 'Textrutor',
    noComposers: 'inga hittade',
    audience: { customer: 'svar till kunden', internal: 'intern anteckning' },
    latest: 'Kundens senaste meddelande',
    latestFound: (words) => `hittat: ”${words}”`,
    latestMissing: 'hittades inte (coachning bara utifrån ditt utkast)',
    language: 'Språk',
    languages: LANGUAGE_NAMES.sv,
    unknownLanguage: 'okänt',
    copyReport: 'Kopiera felsökningsrapport',
    copied: 'Kopierat',
    copyFailed: 'Kunde inte kopiera',
    reportHint: 'Selektorer, antal träffar, redigerartyp och versioner; aldrig meddelande- eller utkasttext.',
    seenHeading: 'Vad coachen såg',
    noneSeen: 'Inget ännu: öppna ett ärende i ert ärendesystem och peka på eller klicka i svarsrutan.',
    seenAt: (when) => `sett ${when}`,
  },
  nb: {
    menuLabel: 'Hva coachen ser på denne siden',
    menuTitle: 'Hva coachen ser',
    adapter: (name) => `Leser siden som: ${name}`,
    fellBack: (name) =>
      `${name} har endret siden sin; coachen leser den nå på den generelle måten. Du kan kopiere en feilrapport.`,
    noticeDismiss: 'OK',
    composers: 'Tekstfelt',
    noComposers: 'ingen funnet',
    audience: { customer: 'svar til kunden', internal: 'internt notat' },
    latest: 'Kundens siste melding',
    latestFound: (words) => `funnet: «${words}»`,
    latestMissing: 'ikke funnet (veiledning bare ut fra utkastet ditt)',
    language: 'Språk',
    languages: LANGUAGE_NAMES.nb,
    unknownLanguage: 'ukjent',
    copyReport: 'Kopier feilsøkingsrapport',
    copied: 'Kopiert',
    copyFailed: 'Kunne ikke kopiere',
    reportHint: 'Selektorer, antall treff, editortyper og versjoner; aldri meldings- eller utkasttekst.',
    seenHeading: 'Hva coachen så',
    noneSeen: 'Ingenting ennå: åpne en sak i kundeservicesystemet og pek på eller klikk i svarfeltet.',
    seenAt: (when) => `sett ${when}`,
  },
  da: {
    menuLabel: 'Hvad coachen ser på denne side',
    menuTitle: 'Hvad coachen ser',
    adapter: (name) => `Læser siden som: ${name}`,
    fellBack: (name) =>
      `${name} har ændret sin side; coachen læser den nu på den generelle måde. Du kan kopiere en fejlrapport.`,
    noticeDismiss: 'OK',
    composers: 'Tekstfelter',
    noComposers: 'ingen fundet',
    audience: { customer: 'svar til kunden', internal: 'intern note' },
    latest: 'Kundens seneste besked',
    latestFound: (words) => `fundet: »${words}«`,
    latestMissing: 'ikke fundet (vejledning kun ud fra dit udkast)',
    language: 'Sprog',
    languages: LANGUAGE_NAMES.da,
    unknownLanguage: 'ukendt',
    copyReport: 'Kopiér fejlsøgningsrapport',
    copied: 'Kopieret',
    copyFailed: 'Kunne ikke kopiere',
    reportHint: 'Selektorer, antal træf, editortyper og versioner; aldrig besked- eller udkasttekst.',
    seenHeading: 'Hvad coachen så',
    noneSeen: 'Intet endnu: åbn en sag i jeres helpdesk, og peg på eller klik i svarfeltet.',
    seenAt: (when) => `set ${when}`,
  },
  fi: {
    menuLabel: 'Mitä valmentaja näkee tällä sivulla',
    menuTitle: 'Mitä valmentaja näkee',
    adapter: (name) => `Sivu luetaan näin: ${name}`,
    fellBack: (name) =>
      `${name} on muuttanut sivuaan; valmentaja lukee sen nyt yleisellä tavalla. Voit kopioida vikaraportin.`,
    noticeDismiss: 'OK',
    composers: 'Kirjoituskentät',
    noComposers: 'ei löytynyt',
    audience: { customer: 'vastaus asiakkaalle', internal: 'sisäinen muistiinpano' },
    latest: 'Asiakkaan viimeisin viesti',
    latestFound: (words) => `löytyi: ”${words}”`,
    latestMissing: 'ei löytynyt (valmennus vain luonnoksesi perusteella)',
    language: 'Kieli',
    languages: LANGUAGE_NAMES.fi,
    unknownLanguage: 'tuntematon',
    copyReport: 'Kopioi vianetsintäraportti',
    copied: 'Kopioitu',
    copyFailed: 'Kopiointi epäonnistui',
    reportHint: 'Valitsimet, osumamäärät, editorityypit ja versiot; ei koskaan viestin tai luonnoksen tekstiä.',
    seenHeading: 'Mitä valmentaja näki',
    noneSeen: 'Ei vielä mitään: avaa tiketti asiakaspalvelujärjestelmässä ja osoita tai napsauta vastauskenttää.',
    seenAt: (when) => `nähty ${when}`,
  },
};
