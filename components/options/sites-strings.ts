// The Sites section's words in the five UI languages, and its error messages from the codes lib/sites returns.
import type { UiLang } from '../../lib/i18n';

export type SitesErrorCode =
  | 'empty'
  | 'not-url'
  | 'scheme'
  | 'no-domain'
  | 'covered'
  | 'denied'
  | 'prompt-failed'
  | 'register-failed';

export interface SitesError {
  code: SitesErrorCode;
  input: string;
  host?: string;
  detail?: string;
}

export interface SitesStrings {
  heading: string;
  builtinHeading: string;
  enabledHeading: string;
  noneEnabled: string;
  coachOn: string;
  remove: string;
  removeLabel: (pattern: string) => string;
  enableLabel: string;
  enable: string;
  enableHelp: string;
  offHeading: string;
  noneOff: string;
  turnOn: string;
  turnOnLabel: (host: string) => string;
  offLabel: string;
  switchOff: string;
  enabledNotice: (pattern: string) => string;
  removedNotice: (pattern: string) => string;
  permissionMissing: string;
  reallow: string;
  notAHost: (input: string) => string;
  saveFailed: (detail: string) => string;
  removeFailed: (pattern: string, detail: string) => string;
  errors: Record<SitesErrorCode, (e: SitesError) => string>;
}

const en: SitesStrings = {
  heading: 'Sites',
  builtinHeading: 'Built-in helpdesks',
  enabledHeading: 'Other sites you enabled',
  noneEnabled: 'None yet. Enable your self-hosted helpdesk below.',
  coachOn: 'Coach on',
  remove: 'Remove',
  removeLabel: (p) => `Remove ${p}`,
  enableLabel: 'Enable the coach on another site',
  enable: 'Enable',
  enableHelp: 'Your browser asks you to allow Attune on that site.',
  offHeading: 'Coach switched off on',
  noneOff: 'The coach is on everywhere it runs.',
  turnOn: 'Turn back on',
  turnOnLabel: (h) => `Turn the coach back on for ${h}`,
  offLabel: 'Switch the coach off on',
  switchOff: 'Switch off',
  enabledNotice: (p) => `The coach now runs on ${p}. Reload open tabs of that site.`,
  removedNotice: (p) => `The coach no longer runs on ${p}.`,
  permissionMissing: 'The browser no longer allows Attune here.',
  reallow: 'Allow again',
  notAHost: (i) => `"${i}" is not a site address.`,
  saveFailed: (d) => `Could not save: ${d}`,
  removeFailed: (p, d) => `Could not remove ${p}: ${d}`,
  errors: {
    empty: () => 'Type the address of the helpdesk, for example https://rt.example.com',
    'not-url': (e) => `"${e.input}" is not a web address.`,
    scheme: () => 'Only http:// and https:// sites can be enabled.',
    'no-domain': (e) => `"${e.input}" has no domain name.`,
    covered: (e) => `${e.host} is already covered: the coach runs there without enabling it.`,
    denied: (e) => `Permission for ${e.host} was not granted.`,
    'prompt-failed': (e) => `The browser refused to ask for ${e.host}: ${e.detail}`,
    'register-failed': (e) => `Could not start the coach on ${e.host}: ${e.detail}`,
  },
};

const sv: SitesStrings = {
  heading: 'Webbplatser',
  builtinHeading: 'Inbyggda helpdesksystem',
  enabledHeading: 'Andra webbplatser du har aktiverat',
  noneEnabled: 'Inga än. Aktivera ert eget helpdesksystem nedan.',
  coachOn: 'Coachen på',
  remove: 'Ta bort',
  removeLabel: (p) => `Ta bort ${p}`,
  enableLabel: 'Aktivera coachen på en annan webbplats',
  enable: 'Aktivera',
  enableHelp: 'Webbläsaren frågar om Attune får köras på den webbplatsen.',
  offHeading: 'Coachen är avstängd på',
  noneOff: 'Coachen är på överallt där den körs.',
  turnOn: 'Slå på igen',
  turnOnLabel: (h) => `Slå på coachen igen för ${h}`,
  offLabel: 'Stäng av coachen på',
  switchOff: 'Stäng av',
  enabledNotice: (p) => `Coachen körs nu på ${p}. Ladda om öppna flikar för webbplatsen.`,
  removedNotice: (p) => `Coachen körs inte längre på ${p}.`,
  permissionMissing: 'Webbläsaren tillåter inte längre Attune här.',
  reallow: 'Tillåt igen',
  notAHost: (i) => `”${i}” är ingen webbplatsadress.`,
  saveFailed: (d) => `Kunde inte spara: ${d}`,
  removeFailed: (p, d) => `Kunde inte ta bort ${p}: ${d}`,
  errors: {
    empty: () => 'Skriv helpdeskens adress, till exempel https://rt.example.com',
    'not-url': (e) => `”${e.input}” är ingen webbadress.`,
    scheme: () => 'Bara webbplatser med http:// och https:// kan aktiveras.',
    'no-domain': (e) => `”${e.input}” saknar domännamn.`,
    covered: (e) => `${e.host} ingår redan: coachen körs där utan att du aktiverar den.`,
    denied: (e) => `Behörighet för ${e.host} beviljades inte.`,
    'prompt-failed': (e) => `Webbläsaren vägrade fråga om ${e.host}: ${e.detail}`,
    'register-failed': (e) => `Kunde inte starta coachen på ${e.host}: ${e.detail}`,
  },
};

const nb: SitesStrings = {
  heading: 'Nettsteder',
  builtinHeading: 'Innebygde helpdesker',
  enabledHeading: 'Andre nettsteder du har aktivert',
  noneEnabled: 'Ingen ennå. Aktiver deres egen helpdesk nedenfor.',
  coachOn: 'Coach på',
  remove: 'Fjern',
  removeLabel: (p) => `Fjern ${p}`,
  enableLabel: 'Aktiver coachen på et annet nettsted',
  enable: 'Aktiver',
  enableHelp: 'Nettleseren spør om Attune får kjøre på det nettstedet.',
  offHeading: 'Coachen er slått av på',
  noneOff: 'Coachen er på overalt der den kjører.',
  turnOn: 'Slå på igjen',
  turnOnLabel: (h) => `Slå på coachen igjen for ${h}`,
  offLabel: 'Slå av coachen på',
  switchOff: 'Slå av',
  enabledNotice: (p) => `Coachen kjører nå på ${p}. Last inn åpne faner for nettstedet på nytt.`,
  removedNotice: (p) => `Coachen kjører ikke lenger på ${p}.`,
  permissionMissing: 'Nettleseren tillater ikke lenger Attune her.',
  reallow: 'Tillat igjen',
  notAHost: (i) => `«${i}» er ikke en nettstedsadresse.`,
  saveFailed: (d) => `Kunne ikke lagre: ${d}`,
  removeFailed: (p, d) => `Kunne ikke fjerne ${p}: ${d}`,
  errors: {
    empty: () => 'Skriv adressen til helpdesken, for eksempel https://rt.example.com',
    'not-url': (e) => `«${e.input}» er ikke en nettadresse.`,
    scheme: () => 'Bare nettsteder med http:// og https:// kan aktiveres.',
    'no-domain': (e) => `«${e.input}» mangler domenenavn.`,
    covered: (e) => `${e.host} er allerede dekket: coachen kjører der uten at du aktiverer den.`,
    denied: (e) => `Tillatelse for ${e.host} ble ikke gitt.`,
    'prompt-failed': (e) => `Nettleseren nektet å spørre om ${e.host}: ${e.detail}`,
    'register-failed': (e) => `Kunne ikke starte coachen på ${e.host}: ${e.detail}`,
  },
};

const da: SitesStrings = {
  heading: 'Websteder',
  builtinHeading: 'Indbyggede helpdesks',
  enabledHeading: 'Andre websteder, du har aktiveret',
  noneEnabled: 'Ingen endnu. Aktivér jeres egen helpdesk herunder.',
  coachOn: 'Coach slået til',
  remove: 'Fjern',
  removeLabel: (p) => `Fjern ${p}`,
  enableLabel: 'Aktivér coachen på et andet websted',
  enable: 'Aktivér',
  enableHelp: 'Browseren spørger, om Attune må køre på det websted.',
  offHeading: 'Coachen er slået fra på',
  noneOff: 'Coachen er slået til overalt, hvor den kører.',
  turnOn: 'Slå til igen',
  turnOnLabel: (h) => `Slå coachen til igen for ${h}`,
  offLabel: 'Slå coachen fra på',
  switchOff: 'Slå fra',
  enabledNotice: (p) => `Coachen kører nu på ${p}. Genindlæs åbne faner for webstedet.`,
  removedNotice: (p) => `Coachen kører ikke længere på ${p}.`,
  permissionMissing: 'Browseren tillader ikke længere Attune her.',
  reallow: 'Tillad igen',
  notAHost: (i) => `"${i}" er ikke en webstedsadresse.`,
  saveFailed: (d) => `Kunne ikke gemme: ${d}`,
  removeFailed: (p, d) => `Kunne ikke fjerne ${p}: ${d}`,
  errors: {
    empty: () => 'Skriv helpdeskens adresse, for eksempel https://rt.example.com',
    'not-url': (e) => `"${e.input}" er ikke en webadresse.`,
    scheme: () => 'Kun websteder med http:// og https:// kan aktiveres.',
    'no-domain': (e) => `"${e.input}" mangler et domænenavn.`,
    covered: (e) => `${e.host} er allerede dækket: coachen kører der uden at blive aktiveret.`,
    denied: (e) => `Tilladelse til ${e.host} blev ikke givet.`,
    'prompt-failed': (e) => `Browseren nægtede at spørge om ${e.host}: ${e.detail}`,
    'register-failed': (e) => `Kunne ikke starte coachen på ${e.host}: ${e.detail}`,
  },
};

const fi: SitesStrings = {
  heading: 'Sivustot',
  builtinHeading: 'Valmiiksi tuetut asiakaspalvelujärjestelmät',
  enabledHeading: 'Muut käyttöön ottamasi sivustot',
  noneEnabled: 'Ei vielä yhtään. Ota oma asiakaspalvelujärjestelmänne käyttöön alla.',
  coachOn: 'Valmentaja päällä',
  remove: 'Poista',
  removeLabel: (p) => `Poista ${p}`,
  enableLabel: 'Ota valmentaja käyttöön toisella sivustolla',
  enable: 'Ota käyttöön',
  enableHelp: 'Selain kysyy, saako Attune toimia sillä sivustolla.',
  offHeading: 'Valmentaja on pois päältä sivustoilla',
  noneOff: 'Valmentaja on päällä kaikkialla, missä se toimii.',
  turnOn: 'Kytke takaisin päälle',
  turnOnLabel: (h) => `Kytke valmentaja takaisin päälle sivustolla ${h}`,
  offLabel: 'Kytke valmentaja pois päältä sivustolla',
  switchOff: 'Kytke pois',
  enabledNotice: (p) => `Valmentaja toimii nyt sivustolla ${p}. Lataa sivuston avoimet välilehdet uudelleen.`,
  removedNotice: (p) => `Valmentaja ei enää toimi sivustolla ${p}.`,
  permissionMissing: 'Selain ei enää salli Attunea täällä.',
  reallow: 'Salli uudelleen',
  notAHost: (i) => `”${i}” ei ole sivuston osoite.`,
  saveFailed: (d) => `Tallennus epäonnistui: ${d}`,
  removeFailed: (p, d) => `Sivuston ${p} poisto epäonnistui: ${d}`,
  errors: {
    empty: () => 'Kirjoita asiakaspalvelujärjestelmän osoite, esimerkiksi https://rt.example.com',
    'not-url': (e) => `”${e.input}” ei ole verkko-osoite.`,
    scheme: () => 'Vain http://- ja https://-sivustoja voi ottaa käyttöön.',
    'no-domain': (e) => `Osoitteessa ”${e.input}” ei ole verkkotunnusta.`,
    covered: (e) => `${e.host} on jo mukana: valmentaja toimii siellä ilman käyttöönottoa.`,
    denied: (e) => `Lupaa sivustolle ${e.host} ei myönnetty.`,
    'prompt-failed': (e) => `Selain kieltäytyi kysymästä lupaa sivustolle ${e.host}: ${e.detail}`,
    'register-failed': (e) => `Valmentajaa ei voitu käynnistää sivustolla ${e.host}: ${e.detail}`,
  },
};

export const SITES_STRINGS: Record<UiLang, SitesStrings> = { en, sv, nb, da, fi };
