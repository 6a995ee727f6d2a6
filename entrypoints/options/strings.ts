// The options page's own strings in the five UI languages (the panel's live in lib/i18n).
import type { UiLang } from '../../lib/i18n';

export interface OptionsStrings {
  title: string;
  hubHeading: string;
  hubUrl: string;
  token: string;
  tokenHelp: string;
  or: string;
  pairingCode: string;
  pairingHelp: string;
  signIn: string;
  signingIn: string;
  signOut: string;
  signedInAs: (name: string, role: string) => string;
  syncNow: string;
  lastSynced: (when: string) => string;
  neverSynced: string;
  permissionDenied: string;
  privacyHeading: string;
  shareFlags: string;
  shareFlagsHelp: string;
  notificationsHeading: string;
  notifyTips: string;
  languagesHeading: string;
  languagesHelp: string;
  state: Record<'signed-out' | 'syncing' | 'online' | 'offline', string>;
}

const en: OptionsStrings = {
  title: 'Attune settings',
  hubHeading: 'Your team’s hub',
  hubUrl: 'Hub URL',
  token: 'Token',
  tokenHelp: 'Paste the token your hub administrator gave you.',
  or: 'or',
  pairingCode: 'Pairing code',
  pairingHelp: 'A short code from your team lead (e.g. ABCD-1234).',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signOut: 'Sign out',
  signedInAs: (name, role) => `Signed in as ${name} (${role})`,
  syncNow: 'Sync now',
  lastSynced: (when) => `Last synced ${when}`,
  neverSynced: 'Not synced yet',
  permissionDenied: 'Attune needs permission to reach this hub. Sign in again and allow access.',
  privacyHeading: 'Privacy',
  shareFlags: 'Share behaviour flags of sent replies',
  shareFlagsHelp:
    'Only which empathy behaviours a sent reply contained (for example "apology"), never any text. Off by default.',
  notificationsHeading: 'Notifications',
  notifyTips: 'Show a system notification when a new coaching tip arrives',
  languagesHeading: 'Coach languages',
  languagesHelp: 'The in-page coach suggests phrases in these languages.',
  state: { 'signed-out': 'Signed out', syncing: 'Syncing…', online: 'Online', offline: 'Offline' },
};

const sv: OptionsStrings = {
  title: 'Inställningar för Attune',
  hubHeading: 'Ditt teams hubb',
  hubUrl: 'Hubbens adress',
  token: 'Token',
  tokenHelp: 'Klistra in den token du fått av hubbens administratör.',
  or: 'eller',
  pairingCode: 'Parkopplingskod',
  pairingHelp: 'En kort kod från din teamledare (t.ex. ABCD-1234).',
  signIn: 'Logga in',
  signingIn: 'Loggar in…',
  signOut: 'Logga ut',
  signedInAs: (name, role) => `Inloggad som ${name} (${role})`,
  syncNow: 'Synka nu',
  lastSynced: (when) => `Senast synkad ${when}`,
  neverSynced: 'Inte synkad än',
  permissionDenied: 'Attune behöver behörighet att nå den här hubben. Logga in igen och tillåt åtkomst.',
  privacyHeading: 'Integritet',
  shareFlags: 'Dela beteendeflaggor för skickade svar',
  shareFlagsHelp:
    'Bara vilka empatibeteenden ett skickat svar innehöll (t.ex. "ursäkt"), aldrig text. Av som standard.',
  notificationsHeading: 'Aviseringar',
  notifyTips: 'Visa en systemavisering när ett nytt coachningstips kommer',
  languagesHeading: 'Coachens språk',
  languagesHelp: 'Coachen på sidan föreslår fraser på de här språken.',
  state: { 'signed-out': 'Utloggad', syncing: 'Synkar…', online: 'Ansluten', offline: 'Offline' },
};

const nb: OptionsStrings = {
  title: 'Innstillinger for Attune',
  hubHeading: 'Teamets hub',
  hubUrl: 'Hubadresse',
  token: 'Token',
  tokenHelp: 'Lim inn tokenet du fikk av hub-administratoren.',
  or: 'eller',
  pairingCode: 'Paringskode',
  pairingHelp: 'En kort kode fra teamlederen din (f.eks. ABCD-1234).',
  signIn: 'Logg inn',
  signingIn: 'Logger inn…',
  signOut: 'Logg ut',
  signedInAs: (name, role) => `Logget inn som ${name} (${role})`,
  syncNow: 'Synkroniser nå',
  lastSynced: (when) => `Sist synkronisert ${when}`,
  neverSynced: 'Ikke synkronisert ennå',
  permissionDenied: 'Attune trenger tillatelse til å nå denne huben. Logg inn igjen og gi tilgang.',
  privacyHeading: 'Personvern',
  shareFlags: 'Del atferdsflagg for sendte svar',
  shareFlagsHelp:
    'Bare hvilke empatiatferder et sendt svar inneholdt (f.eks. "unnskyldning"), aldri tekst. Av som standard.',
  notificationsHeading: 'Varsler',
  notifyTips: 'Vis et systemvarsel når et nytt coachingtips kommer',
  languagesHeading: 'Coachens språk',
  languagesHelp: 'Coachen på siden foreslår fraser på disse språkene.',
  state: { 'signed-out': 'Logget ut', syncing: 'Synkroniserer…', online: 'Tilkoblet', offline: 'Frakoblet' },
};

const da: OptionsStrings = {
  title: 'Indstillinger for Attune',
  hubHeading: 'Dit teams hub',
  hubUrl: 'Hubbens adresse',
  token: 'Token',
  tokenHelp: 'Indsæt det token, du har fået af hubbens administrator.',
  or: 'eller',
  pairingCode: 'Parringskode',
  pairingHelp: 'En kort kode fra din teamleder (f.eks. ABCD-1234).',
  signIn: 'Log ind',
  signingIn: 'Logger ind…',
  signOut: 'Log ud',
  signedInAs: (name, role) => `Logget ind som ${name} (${role})`,
  syncNow: 'Synkroniser nu',
  lastSynced: (when) => `Sidst synkroniseret ${when}`,
  neverSynced: 'Ikke synkroniseret endnu',
  permissionDenied: 'Attune skal have tilladelse til at nå denne hub. Log ind igen og giv adgang.',
  privacyHeading: 'Privatliv',
  shareFlags: 'Del adfærdsflag for sendte svar',
  shareFlagsHelp:
    'Kun hvilken empatisk adfærd et sendt svar indeholdt (f.eks. "undskyldning"), aldrig tekst. Slået fra som standard.',
  notificationsHeading: 'Notifikationer',
  notifyTips: 'Vis en systemnotifikation, når et nyt coachingtip kommer',
  languagesHeading: 'Coachens sprog',
  languagesHelp: 'Coachen på siden foreslår sætninger på disse sprog.',
  state: { 'signed-out': 'Logget ud', syncing: 'Synkroniserer…', online: 'Online', offline: 'Offline' },
};

const fi: OptionsStrings = {
  title: 'Attunen asetukset',
  hubHeading: 'Tiimisi hubi',
  hubUrl: 'Hubin osoite',
  token: 'Tunniste',
  tokenHelp: 'Liitä hubin ylläpitäjältä saamasi tunniste.',
  or: 'tai',
  pairingCode: 'Parituskoodi',
  pairingHelp: 'Lyhyt koodi tiiminvetäjältäsi (esim. ABCD-1234).',
  signIn: 'Kirjaudu',
  signingIn: 'Kirjaudutaan…',
  signOut: 'Kirjaudu ulos',
  signedInAs: (name, role) => `Kirjautuneena: ${name} (${role})`,
  syncNow: 'Synkronoi nyt',
  lastSynced: (when) => `Synkronoitu viimeksi ${when}`,
  neverSynced: 'Ei vielä synkronoitu',
  permissionDenied: 'Attune tarvitsee luvan ottaa yhteyttä tähän hubiin. Kirjaudu uudelleen ja salli pääsy.',
  privacyHeading: 'Yksityisyys',
  shareFlags: 'Jaa lähetettyjen vastausten käyttäytymismerkinnät',
  shareFlagsHelp:
    'Vain mitä empatiakäyttäytymistä lähetetty vastaus sisälsi (esim. "anteeksipyyntö"), ei koskaan tekstiä. Oletuksena pois.',
  notificationsHeading: 'Ilmoitukset',
  notifyTips: 'Näytä järjestelmäilmoitus, kun uusi valmennusvinkki saapuu',
  languagesHeading: 'Valmentajan kielet',
  languagesHelp: 'Sivun valmentaja ehdottaa fraaseja näillä kielillä.',
  state: { 'signed-out': 'Kirjautunut ulos', syncing: 'Synkronoidaan…', online: 'Yhteydessä', offline: 'Ei yhteyttä' },
};

export const OPTIONS_STRINGS: Record<UiLang, OptionsStrings> = { en, sv, nb, da, fi };

/** Each coach language named in itself, so an agent finds their own. */
export const LANGUAGE_NAMES: Record<UiLang, string> = {
  en: 'English',
  sv: 'Svenska',
  nb: 'Norsk bokmål',
  da: 'Dansk',
  fi: 'Suomi',
};
