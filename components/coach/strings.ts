// The chip's own words in the five primary languages, following the browser's UI language. A plain typed
// dictionary rather than i18next: the content script must stay small (content scripts stay within 120 KB gzipped: README, Benchmarks).
import type { CueKind } from '../../lib/empathy/packs/types';
import type { Behavior, Emotion, Lang, Risk } from '../../lib/empathy/types';

export interface CoachStrings {
  /** For the chip's lang attribute (screen readers pronounce the words right). */
  lang: Lang;
  coach: string;
  scoreLabel(score: number): string;
  scoreTitle: string;
  noteBadge: string;
  noteTitle: string;
  expand: string;
  expandLabel: string;
  collapse: string;
  collapseLabel: string;
  close: string;
  closeLabel: string;
  suggestionsLabel: string;
  hideLabel(phrase: string): string;
  notNow: string;
  rewritesLabel: string;
  replaceLabel(from: string, to: string): string;
  readability(index: string): string;
  longSentences(n: number): string;
  // The customer's state in plain words ("Sounds frustrated — third contact about this").
  internalNote: string;
  noCustomer: string;
  /** Said when the editor refused an inserted phrase or rewrite (nothing of it landed). */
  insertFailed: string;
  copyPhrase: string;
  copied: string;
  emotions: Record<Emotion, string>;
  cues: Partial<Record<CueKind, string>>;
  nthContact(n: number): string;
  /** Said when the engine's learned model, not a cue or emotion word, decided the customer's state. */
  byWording: string;
  // Why a phrase is suggested: the engine gives reason codes (Suggestion.why); these are their words.
  reasons: Record<Behavior | 'greeting' | 'closing', string>;
  /** Leads the reason when the customer is upset, e.g. "The customer sounds frustrated." */
  reasonLead: Record<Exclude<Emotion, 'neutral'>, string>;
  risks: Record<Risk, string>;
}

const ordinal = (words: string[], fallback: (n: number) => string) => (n: number) => words[n - 2] ?? fallback(n);

const en: CoachStrings = {
  lang: 'en',
  coach: 'Attune coach',
  scoreLabel: (n) => `Empathy score of your draft: ${n} of 100`,
  scoreTitle: 'Empathy score of your draft (0–100)',
  noteBadge: 'Note',
  noteTitle: 'Internal note: readability hints only',
  expand: 'Expand',
  expandLabel: 'Expand the coach',
  collapse: 'Collapse',
  collapseLabel: 'Collapse the coach',
  close: 'Close',
  closeLabel: 'Close the coach for this reply',
  suggestionsLabel: 'Suggested phrases',
  hideLabel: (p) => `Hide the suggestion “${p}”`,
  notNow: 'Not now',
  rewritesLabel: 'Gentler wording',
  replaceLabel: (a, b) => `Replace “${a}” with “${b}”`,
  readability: (i) => `Readability ${i}`,
  longSentences: (n) => `${n} long sentence${n === 1 ? '' : 's'}`,
  internalNote: 'Internal note',
  noCustomer: 'No customer message found — coaching the draft only',
  insertFailed: "Couldn't insert into this editor — your draft is unchanged. You can copy the phrase instead.",
  copyPhrase: 'Copy the phrase',
  copied: 'Copied',
  emotions: {
    frustrated: 'Sounds frustrated',
    disappointed: 'Sounds disappointed',
    worried: 'Sounds worried',
    confused: 'Sounds confused',
    positive: 'Sounds positive',
    neutral: 'Sounds calm',
  },
  cues: {
    'repeat-contact': 'has contacted you about this before',
    'churn-threat': 'is thinking of leaving',
    caps: 'is shouting',
    urgency: 'needs this soon',
    vulnerability: 'may be in a vulnerable situation',
    sarcasm: 'is being sarcastic',
    'service-failure': 'we got something wrong',
  },
  nthContact: (n) =>
    `${ordinal(['second', 'third', 'fourth', 'fifth', 'sixth'], (k) => `${k}th`)(n)} contact about this`,
  byWording: 'read from the wording as a whole',
  reasons: {
    acknowledge: 'Acknowledge how the customer feels before the solution.',
    apology: 'Apologise: the customer was let down.',
    restate: "Show you listened: sum up the customer's issue in your own words.",
    explore: 'Ask a question to understand what the customer needs.',
    reassure: 'Reassure the customer that this will be taken care of.',
    solution: 'Say what you will do next.',
    ownership: 'Take ownership: say you will follow it through.',
    thanks: 'Thank the customer.',
    personal: 'Make it personal.',
    greeting: 'Emails read warmer with a greeting.',
    closing: 'Close the email with a sign-off.',
  },
  reasonLead: {
    frustrated: 'The customer sounds frustrated.',
    disappointed: 'The customer sounds disappointed.',
    worried: 'The customer sounds worried.',
    confused: 'The customer sounds unsure.',
    positive: 'The customer sounds happy.',
  },
  risks: {
    blame: 'Sounds like blaming the customer',
    dismissive: 'Can sound dismissive',
    'passive-aggressive': 'Can read as passive-aggressive',
    'negative-framing': 'Say what you can do instead',
    jargon: 'Internal jargon the customer may not know',
    shouting: 'Capitals read as shouting',
  },
};

const sv: CoachStrings = {
  lang: 'sv',
  coach: 'Attune-coach',
  scoreLabel: (n) => `Empatipoäng för ditt utkast: ${n} av 100`,
  scoreTitle: 'Empatipoäng för ditt utkast (0–100)',
  noteBadge: 'Anteckning',
  noteTitle: 'Intern anteckning: bara tips om läsbarhet',
  expand: 'Fäll ut',
  expandLabel: 'Fäll ut coachen',
  collapse: 'Fäll ihop',
  collapseLabel: 'Fäll ihop coachen',
  close: 'Stäng',
  closeLabel: 'Stäng coachen för det här svaret',
  suggestionsLabel: 'Föreslagna fraser',
  hideLabel: (p) => `Dölj förslaget ”${p}”`,
  notNow: 'Inte nu',
  rewritesLabel: 'Mjukare formuleringar',
  replaceLabel: (a, b) => `Ersätt ”${a}” med ”${b}”`,
  readability: (i) => `Läsbarhet ${i}`,
  longSentences: (n) => `${n} ${n === 1 ? 'lång mening' : 'långa meningar'}`,
  internalNote: 'Intern anteckning',
  noCustomer: 'Inget kundmeddelande hittades – coachar bara utkastet',
  insertFailed:
    'Det gick inte att infoga i den här editorn – ditt utkast är oförändrat. Du kan kopiera frasen i stället.',
  copyPhrase: 'Kopiera frasen',
  copied: 'Kopierad',
  emotions: {
    frustrated: 'Låter frustrerad',
    disappointed: 'Låter besviken',
    worried: 'Låter orolig',
    confused: 'Låter förvirrad',
    positive: 'Låter nöjd',
    neutral: 'Låter lugn',
  },
  cues: {
    'repeat-contact': 'har hört av sig om detta förut',
    'churn-threat': 'funderar på att lämna er',
    caps: 'skriker i versaler',
    urgency: 'behöver hjälp snart',
    vulnerability: 'kan vara i en utsatt situation',
    sarcasm: 'är ironisk',
    'service-failure': 'vi har gjort fel',
  },
  nthContact: (n) =>
    `${ordinal(['andra', 'tredje', 'fjärde', 'femte', 'sjätte'], (k) => `${k}:e`)(n)} kontakten om detta`,
  byWording: 'utifrån formuleringen som helhet',
  reasons: {
    acknowledge: 'Bekräfta kundens känslor innan du kommer till lösningen.',
    apology: 'Be om ursäkt: kunden har blivit sviken.',
    restate: 'Visa att du har lyssnat: sammanfatta kundens ärende med egna ord.',
    explore: 'Ställ en fråga för att förstå vad kunden behöver.',
    reassure: 'Lugna kunden: det här kommer att ordna sig.',
    solution: 'Berätta vad du gör härnäst.',
    ownership: 'Ta ansvar: säg att du följer ärendet hela vägen.',
    thanks: 'Tacka kunden.',
    personal: 'Gör det personligt.',
    greeting: 'Ett mejl känns varmare med en hälsning.',
    closing: 'Avrunda mejlet med en hälsning.',
  },
  reasonLead: {
    frustrated: 'Kunden låter frustrerad.',
    disappointed: 'Kunden låter besviken.',
    worried: 'Kunden låter orolig.',
    confused: 'Kunden låter osäker.',
    positive: 'Kunden låter glad.',
  },
  risks: {
    blame: 'Låter som att du skyller på kunden',
    dismissive: 'Kan låta avfärdande',
    'passive-aggressive': 'Kan uppfattas som passivt aggressivt',
    'negative-framing': 'Säg vad du kan göra i stället',
    jargon: 'Intern jargong som kunden kanske inte känner till',
    shouting: 'Versaler uppfattas som att du skriker',
  },
};

const nb: CoachStrings = {
  lang: 'nb',
  coach: 'Attune-coach',
  scoreLabel: (n) => `Empatiskår for utkastet ditt: ${n} av 100`,
  scoreTitle: 'Empatiskår for utkastet ditt (0–100)',
  noteBadge: 'Notat',
  noteTitle: 'Internt notat: bare tips om lesbarhet',
  expand: 'Vis',
  expandLabel: 'Vis coachen',
  collapse: 'Skjul',
  collapseLabel: 'Skjul coachen',
  close: 'Lukk',
  closeLabel: 'Lukk coachen for dette svaret',
  suggestionsLabel: 'Foreslåtte fraser',
  hideLabel: (p) => `Skjul forslaget «${p}»`,
  notNow: 'Ikke nå',
  rewritesLabel: 'Mildere formuleringer',
  replaceLabel: (a, b) => `Erstatt «${a}» med «${b}»`,
  readability: (i) => `Lesbarhet ${i}`,
  longSentences: (n) => `${n} ${n === 1 ? 'lang setning' : 'lange setninger'}`,
  internalNote: 'Internt notat',
  noCustomer: 'Fant ingen melding fra kunden – veileder bare på utkastet',
  insertFailed: 'Kunne ikke sette inn i denne editoren – utkastet ditt er uendret. Du kan kopiere frasen i stedet.',
  copyPhrase: 'Kopier frasen',
  copied: 'Kopiert',
  emotions: {
    frustrated: 'Virker frustrert',
    disappointed: 'Virker skuffet',
    worried: 'Virker bekymret',
    confused: 'Virker forvirret',
    positive: 'Virker fornøyd',
    neutral: 'Virker rolig',
  },
  cues: {
    'repeat-contact': 'har tatt kontakt om dette før',
    'churn-threat': 'vurderer å forlate dere',
    caps: 'roper med store bokstaver',
    urgency: 'trenger hjelp snart',
    vulnerability: 'kan være i en sårbar situasjon',
    sarcasm: 'er sarkastisk',
    'service-failure': 'vi har gjort en feil',
  },
  nthContact: (n) =>
    `${ordinal(['andre', 'tredje', 'fjerde', 'femte', 'sjette'], (k) => `${k}.`)(n)} henvendelse om dette`,
  byWording: 'ut fra ordlyden som helhet',
  reasons: {
    acknowledge: 'Anerkjenn hvordan kunden har det før du kommer med løsningen.',
    apology: 'Be om unnskyldning: kunden er blitt sviktet.',
    restate: 'Vis at du har lyttet: oppsummer saken med dine egne ord.',
    explore: 'Still et spørsmål for å forstå hva kunden trenger.',
    reassure: 'Forsikre kunden om at dette blir tatt hånd om.',
    solution: 'Si hva du gjør videre.',
    ownership: 'Ta eierskap: si at du følger saken helt i mål.',
    thanks: 'Takk kunden.',
    personal: 'Gjør det personlig.',
    greeting: 'En e-post virker varmere med en hilsen.',
    closing: 'Avslutt e-posten med en hilsen.',
  },
  reasonLead: {
    frustrated: 'Kunden virker frustrert.',
    disappointed: 'Kunden virker skuffet.',
    worried: 'Kunden virker bekymret.',
    confused: 'Kunden virker usikker.',
    positive: 'Kunden virker glad.',
  },
  risks: {
    blame: 'Høres ut som du legger skylden på kunden',
    dismissive: 'Kan virke avvisende',
    'passive-aggressive': 'Kan oppfattes som passiv-aggressivt',
    'negative-framing': 'Si hva du kan gjøre i stedet',
    jargon: 'Intern sjargong kunden kanskje ikke kjenner',
    shouting: 'Store bokstaver oppfattes som roping',
  },
};

const da: CoachStrings = {
  lang: 'da',
  coach: 'Attune-coach',
  scoreLabel: (n) => `Empatiscore for dit udkast: ${n} ud af 100`,
  scoreTitle: 'Empatiscore for dit udkast (0–100)',
  noteBadge: 'Note',
  noteTitle: 'Intern note: kun tips om læsbarhed',
  expand: 'Fold ud',
  expandLabel: 'Fold coachen ud',
  collapse: 'Fold sammen',
  collapseLabel: 'Fold coachen sammen',
  close: 'Luk',
  closeLabel: 'Luk coachen for dette svar',
  suggestionsLabel: 'Foreslåede vendinger',
  hideLabel: (p) => `Skjul forslaget »${p}«`,
  notNow: 'Ikke nu',
  rewritesLabel: 'Mildere formuleringer',
  replaceLabel: (a, b) => `Erstat »${a}« med »${b}«`,
  readability: (i) => `Læsbarhed ${i}`,
  longSentences: (n) => `${n} ${n === 1 ? 'lang sætning' : 'lange sætninger'}`,
  internalNote: 'Intern note',
  noCustomer: 'Ingen besked fra kunden fundet – coacher kun udkastet',
  insertFailed: 'Kunne ikke indsætte i denne editor – dit udkast er uændret. Du kan kopiere sætningen i stedet.',
  copyPhrase: 'Kopiér sætningen',
  copied: 'Kopieret',
  emotions: {
    frustrated: 'Lyder frustreret',
    disappointed: 'Lyder skuffet',
    worried: 'Lyder bekymret',
    confused: 'Lyder forvirret',
    positive: 'Lyder glad',
    neutral: 'Lyder rolig',
  },
  cues: {
    'repeat-contact': 'har kontaktet jer om dette før',
    'churn-threat': 'overvejer at forlade jer',
    caps: 'råber med store bogstaver',
    urgency: 'har brug for hjælp snart',
    vulnerability: 'kan være i en sårbar situation',
    sarcasm: 'er sarkastisk',
    'service-failure': 'vi har begået en fejl',
  },
  nthContact: (n) =>
    `${ordinal(['anden', 'tredje', 'fjerde', 'femte', 'sjette'], (k) => `${k}.`)(n)} henvendelse om dette`,
  byWording: 'ud fra formuleringen som helhed',
  reasons: {
    acknowledge: 'Anerkend kundens følelser, før du kommer med løsningen.',
    apology: 'Sig undskyld: kunden er blevet svigtet.',
    restate: 'Vis, at du har lyttet: opsummer kundens sag med dine egne ord.',
    explore: 'Stil et spørgsmål for at forstå, hvad kunden har brug for.',
    reassure: 'Berolig kunden med, at der bliver taget hånd om det.',
    solution: 'Fortæl, hvad du gør nu.',
    ownership: 'Tag ejerskab: sig, at du følger sagen til dørs.',
    thanks: 'Tak kunden.',
    personal: 'Gør det personligt.',
    greeting: 'En mail virker varmere med en hilsen.',
    closing: 'Afslut mailen med en hilsen.',
  },
  reasonLead: {
    frustrated: 'Kunden lyder frustreret.',
    disappointed: 'Kunden lyder skuffet.',
    worried: 'Kunden lyder bekymret.',
    confused: 'Kunden lyder usikker.',
    positive: 'Kunden lyder glad.',
  },
  risks: {
    blame: 'Lyder, som om du giver kunden skylden',
    dismissive: 'Kan virke afvisende',
    'passive-aggressive': 'Kan opfattes som passiv-aggressivt',
    'negative-framing': 'Sig, hvad du kan gøre i stedet',
    jargon: 'Intern jargon, som kunden måske ikke kender',
    shouting: 'Store bogstaver opfattes som råb',
  },
};

const fi: CoachStrings = {
  lang: 'fi',
  coach: 'Attune-valmentaja',
  scoreLabel: (n) => `Luonnoksesi empatiapisteet: ${n}/100`,
  scoreTitle: 'Luonnoksesi empatiapisteet (0–100)',
  noteBadge: 'Muistiinpano',
  noteTitle: 'Sisäinen muistiinpano: vain luettavuusvinkit',
  expand: 'Laajenna',
  expandLabel: 'Laajenna valmentaja',
  collapse: 'Pienennä',
  collapseLabel: 'Pienennä valmentaja',
  close: 'Sulje',
  closeLabel: 'Sulje valmentaja tämän vastauksen ajaksi',
  suggestionsLabel: 'Ehdotetut ilmaukset',
  hideLabel: (p) => `Piilota ehdotus ”${p}”`,
  notNow: 'Ei nyt',
  rewritesLabel: 'Pehmeämpiä sanamuotoja',
  replaceLabel: (a, b) => `Korvaa ”${a}” ilmauksella ”${b}”`,
  readability: (i) => `Luettavuus ${i}`,
  longSentences: (n) => `${n} ${n === 1 ? 'pitkä virke' : 'pitkää virkettä'}`,
  internalNote: 'Sisäinen muistiinpano',
  noCustomer: 'Asiakkaan viestiä ei löytynyt – valmennus koskee vain luonnosta',
  insertFailed:
    'Lisääminen tähän editoriin ei onnistunut – luonnoksesi on ennallaan. Voit kopioida fraasin sen sijaan.',
  copyPhrase: 'Kopioi fraasi',
  copied: 'Kopioitu',
  emotions: {
    frustrated: 'Kuulostaa turhautuneelta',
    disappointed: 'Kuulostaa pettyneeltä',
    worried: 'Kuulostaa huolestuneelta',
    confused: 'Kuulostaa hämmentyneeltä',
    positive: 'Kuulostaa tyytyväiseltä',
    neutral: 'Kuulostaa rauhalliselta',
  },
  cues: {
    'repeat-contact': 'on ottanut yhteyttä tästä aiemminkin',
    'churn-threat': 'harkitsee lähtemistä',
    caps: 'huutaa isoilla kirjaimilla',
    urgency: 'tarvitsee apua pian',
    vulnerability: 'voi olla haavoittuvassa asemassa',
    sarcasm: 'on sarkastinen',
    'service-failure': 'olemme tehneet virheen',
  },
  nthContact: (n) =>
    `${ordinal(['toinen', 'kolmas', 'neljäs', 'viides', 'kuudes'], (k) => `${k}.`)(n)} yhteydenotto tästä asiasta`,
  byWording: 'viestin sanamuodon perusteella',
  reasons: {
    acknowledge: 'Tunnusta asiakkaan tunteet ennen ratkaisua.',
    apology: 'Pyydä anteeksi: asiakas on joutunut pettymään.',
    restate: 'Näytä, että kuuntelit: tiivistä asiakkaan asia omin sanoin.',
    explore: 'Kysy, jotta ymmärrät, mitä asiakas tarvitsee.',
    reassure: 'Vakuuta asiakkaalle, että asia hoidetaan.',
    solution: 'Kerro, mitä teet seuraavaksi.',
    ownership: 'Ota asia hoitaaksesi: kerro, että viet sen loppuun.',
    thanks: 'Kiitä asiakasta.',
    personal: 'Tee viestistä henkilökohtainen.',
    greeting: 'Sähköposti tuntuu lämpimämmältä, kun siinä on tervehdys.',
    closing: 'Päätä sähköposti lopputervehdykseen.',
  },
  reasonLead: {
    frustrated: 'Asiakas kuulostaa turhautuneelta.',
    disappointed: 'Asiakas kuulostaa pettyneeltä.',
    worried: 'Asiakas kuulostaa huolestuneelta.',
    confused: 'Asiakas kuulostaa epävarmalta.',
    positive: 'Asiakas kuulostaa tyytyväiseltä.',
  },
  risks: {
    blame: 'Kuulostaa siltä, että syytät asiakasta',
    dismissive: 'Voi kuulostaa vähättelevältä',
    'passive-aggressive': 'Voi vaikuttaa passiivis-aggressiiviselta',
    'negative-framing': 'Kerro mieluummin, mitä voit tehdä',
    jargon: 'Sisäistä ammattikieltä, jota asiakas ei ehkä tunne',
    shouting: 'Isot kirjaimet luetaan huutamiseksi',
  },
};

export const COACH_STRINGS: Record<Lang, CoachStrings> = { en, sv, nb, da, fi };

/** The chip's language from a BCP 47 tag such as navigator.language ("sv-SE", "nn-NO", "fi"); English otherwise. */
export function coachUiLang(tag: string | null | undefined): Lang {
  const primary = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  // Norwegian: "no" and nynorsk readers get bokmål, the written standard most agents use at work.
  if (primary === 'no' || primary === 'nn' || primary === 'nb') return 'nb';
  return primary === 'sv' || primary === 'da' || primary === 'fi' ? primary : 'en';
}
