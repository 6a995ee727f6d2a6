// Survey wording in the hub's five languages, written as a native speaker would ask (not word-for-word
// translations). `{agent}` is the agent's first name; `{until}` a localised date and time.
import type { SurveyLang } from './token';

export interface ScaleWording {
  question: string;
  low: string;
  high: string;
}

export interface SurveyStrings {
  title: string;
  intro: string;
  empathy: ScaleWording;
  /** Used when the hub knows no name for the agent. */
  empathyNoName: string;
  csat: ScaleWording;
  clarity: ScaleWording;
  nps: ScaleWording;
  optional: string;
  comment: string;
  submit: string;
  oneClickSaved: string;
  thanksTitle: string;
  thanks: string;
  canAmendUntil: string;
  changeAnswer: string;
  alreadyAnswered: string;
  amendClosed: string;
  nothingAnswered: string;
  invalidTitle: string;
  invalid: string;
  expiredTitle: string;
  expired: string;
  tooManyTitle: string;
  tooMany: string;
  errorTitle: string;
  error: string;
}

export const SURVEY_STRINGS: Record<SurveyLang, SurveyStrings> = {
  en: {
    title: 'How did we do?',
    intro: 'Four quick questions about your recent contact with us. It takes less than a minute.',
    empathy: { question: 'How well did {agent} understand your situation?', low: 'Not at all', high: 'Completely' },
    empathyNoName: 'How well did we understand your situation?',
    csat: {
      question: 'How satisfied are you with the help you got?',
      low: 'Very dissatisfied',
      high: 'Very satisfied',
    },
    clarity: { question: 'How clear was the answer?', low: 'Very unclear', high: 'Very clear' },
    nps: {
      question: 'How likely are you to recommend us to a friend?',
      low: 'Not at all likely',
      high: 'Extremely likely',
    },
    optional: 'optional',
    comment: 'Is there anything else you would like to tell us?',
    submit: 'Send',
    oneClickSaved: 'Thank you, we have saved your rating. Would you like to answer the other questions too?',
    thanksTitle: 'Thank you!',
    thanks: 'Your answers have been saved. We read every one of them.',
    canAmendUntil: 'You can change your answers until {until}.',
    changeAnswer: 'Change my answers',
    alreadyAnswered: 'You have already answered this survey. Thank you!',
    amendClosed: 'Answers can only be changed within 24 hours, so this change was not saved.',
    nothingAnswered: 'Please answer at least one question before sending.',
    invalidTitle: 'This link does not work',
    invalid: 'The survey link is incomplete or incorrect. Please open it again from the email you received.',
    expiredTitle: 'This survey has closed',
    expired: 'The survey link has expired. Thank you for wanting to answer all the same!',
    tooManyTitle: 'Please wait a moment',
    tooMany: 'We have received a lot of requests from your connection. Please try again in a minute.',
    errorTitle: 'Something went wrong',
    error: 'We could not save your answer just now. Please try again in a little while.',
  },
  sv: {
    title: 'Hur gick det?',
    intro: 'Fyra snabba frågor om din senaste kontakt med oss. Det tar mindre än en minut.',
    empathy: { question: 'Hur väl förstod {agent} din situation?', low: 'Inte alls', high: 'Helt och hållet' },
    empathyNoName: 'Hur väl förstod vi din situation?',
    csat: { question: 'Hur nöjd är du med hjälpen du fick?', low: 'Mycket missnöjd', high: 'Mycket nöjd' },
    clarity: { question: 'Hur tydligt var svaret?', low: 'Mycket otydligt', high: 'Mycket tydligt' },
    nps: {
      question: 'Hur troligt är det att du skulle rekommendera oss till en vän?',
      low: 'Inte alls troligt',
      high: 'Mycket troligt',
    },
    optional: 'frivillig',
    comment: 'Är det något mer du vill berätta för oss?',
    submit: 'Skicka',
    oneClickSaved: 'Tack, vi har sparat ditt betyg. Vill du svara på de andra frågorna också?',
    thanksTitle: 'Tack!',
    thanks: 'Dina svar är sparade. Vi läser alla svar vi får.',
    canAmendUntil: 'Du kan ändra dina svar fram till {until}.',
    changeAnswer: 'Ändra mina svar',
    alreadyAnswered: 'Du har redan svarat på den här enkäten. Tack!',
    amendClosed: 'Svaren kan bara ändras inom 24 timmar, så ändringen sparades inte.',
    nothingAnswered: 'Svara på minst en fråga innan du skickar.',
    invalidTitle: 'Länken fungerar inte',
    invalid: 'Enkätlänken är ofullständig eller felaktig. Öppna den igen från mejlet du fick.',
    expiredTitle: 'Enkäten är stängd',
    expired: 'Enkätlänken har gått ut. Tack ändå för att du ville svara!',
    tooManyTitle: 'Vänta en stund',
    tooMany: 'Vi har fått väldigt många förfrågningar från din uppkoppling. Försök igen om en minut.',
    errorTitle: 'Något gick fel',
    error: 'Vi kunde inte spara ditt svar just nu. Försök igen om en stund.',
  },
  nb: {
    title: 'Hvordan gikk det?',
    intro: 'Fire raske spørsmål om den siste kontakten din med oss. Det tar under ett minutt.',
    empathy: {
      question: 'Hvor godt forsto {agent} situasjonen din?',
      low: 'Ikke i det hele tatt',
      high: 'Helt og fullt',
    },
    empathyNoName: 'Hvor godt forsto vi situasjonen din?',
    csat: { question: 'Hvor fornøyd er du med hjelpen du fikk?', low: 'Svært misfornøyd', high: 'Svært fornøyd' },
    clarity: { question: 'Hvor tydelig var svaret?', low: 'Svært utydelig', high: 'Svært tydelig' },
    nps: {
      question: 'Hvor sannsynlig er det at du vil anbefale oss til en venn?',
      low: 'Svært lite sannsynlig',
      high: 'Svært sannsynlig',
    },
    optional: 'valgfritt',
    comment: 'Er det noe mer du vil fortelle oss?',
    submit: 'Send',
    oneClickSaved: 'Takk, vi har lagret vurderingen din. Vil du svare på de andre spørsmålene også?',
    thanksTitle: 'Takk!',
    thanks: 'Svarene dine er lagret. Vi leser alle svarene vi får.',
    canAmendUntil: 'Du kan endre svarene dine frem til {until}.',
    changeAnswer: 'Endre svarene mine',
    alreadyAnswered: 'Du har allerede svart på denne undersøkelsen. Takk!',
    amendClosed: 'Svarene kan bare endres innen 24 timer, så endringen ble ikke lagret.',
    nothingAnswered: 'Svar på minst ett spørsmål før du sender.',
    invalidTitle: 'Lenken fungerer ikke',
    invalid: 'Lenken til undersøkelsen er ufullstendig eller feil. Åpne den på nytt fra e-posten du fikk.',
    expiredTitle: 'Undersøkelsen er avsluttet',
    expired: 'Lenken til undersøkelsen er utløpt. Takk likevel for at du ville svare!',
    tooManyTitle: 'Vent litt',
    tooMany: 'Vi har fått veldig mange forespørsler fra tilkoblingen din. Prøv igjen om et minutt.',
    errorTitle: 'Noe gikk galt',
    error: 'Vi klarte ikke å lagre svaret ditt akkurat nå. Prøv igjen om litt.',
  },
  da: {
    title: 'Hvordan gik det?',
    intro: 'Fire hurtige spørgsmål om din seneste kontakt med os. Det tager under et minut.',
    empathy: { question: 'Hvor godt forstod {agent} din situation?', low: 'Slet ikke', high: 'Fuldt ud' },
    empathyNoName: 'Hvor godt forstod vi din situation?',
    csat: { question: 'Hvor tilfreds er du med den hjælp, du fik?', low: 'Meget utilfreds', high: 'Meget tilfreds' },
    clarity: { question: 'Hvor klart var svaret?', low: 'Meget uklart', high: 'Meget klart' },
    nps: {
      question: 'Hvor sandsynligt er det, at du vil anbefale os til en ven?',
      low: 'Slet ikke sandsynligt',
      high: 'Meget sandsynligt',
    },
    optional: 'valgfrit',
    comment: 'Er der andet, du gerne vil fortælle os?',
    submit: 'Send',
    oneClickSaved: 'Tak, vi har gemt din vurdering. Vil du også svare på de andre spørgsmål?',
    thanksTitle: 'Tak!',
    thanks: 'Dine svar er gemt. Vi læser alle de svar, vi får.',
    canAmendUntil: 'Du kan ændre dine svar indtil {until}.',
    changeAnswer: 'Ændr mine svar',
    alreadyAnswered: 'Du har allerede besvaret denne undersøgelse. Tak!',
    amendClosed: 'Svarene kan kun ændres inden for 24 timer, så ændringen blev ikke gemt.',
    nothingAnswered: 'Besvar mindst ét spørgsmål, før du sender.',
    invalidTitle: 'Linket virker ikke',
    invalid: 'Linket til undersøgelsen er ufuldstændigt eller forkert. Åbn det igen fra den e-mail, du fik.',
    expiredTitle: 'Undersøgelsen er lukket',
    expired: 'Linket til undersøgelsen er udløbet. Tak, fordi du ville svare alligevel!',
    tooManyTitle: 'Vent et øjeblik',
    tooMany: 'Vi har modtaget rigtig mange forespørgsler fra din forbindelse. Prøv igen om et minut.',
    errorTitle: 'Noget gik galt',
    error: 'Vi kunne ikke gemme dit svar lige nu. Prøv igen om lidt.',
  },
  fi: {
    title: 'Miten onnistuimme?',
    intro: 'Neljä nopeaa kysymystä viimeisimmästä yhteydenotostasi. Vastaamiseen menee alle minuutti.',
    empathy: { question: 'Kuinka hyvin {agent} ymmärsi tilanteesi?', low: 'Ei lainkaan', high: 'Täysin' },
    empathyNoName: 'Kuinka hyvin ymmärsimme tilanteesi?',
    csat: {
      question: 'Kuinka tyytyväinen olet saamaasi apuun?',
      low: 'Erittäin tyytymätön',
      high: 'Erittäin tyytyväinen',
    },
    clarity: { question: 'Kuinka selkeä vastaus oli?', low: 'Erittäin epäselvä', high: 'Erittäin selkeä' },
    nps: {
      question: 'Kuinka todennäköisesti suosittelisit meitä ystävällesi?',
      low: 'Erittäin epätodennäköisesti',
      high: 'Erittäin todennäköisesti',
    },
    optional: 'vapaaehtoinen',
    comment: 'Haluatko kertoa meille vielä jotain?',
    submit: 'Lähetä',
    oneClickSaved: 'Kiitos, arviosi on tallennettu. Haluatko vastata myös muihin kysymyksiin?',
    thanksTitle: 'Kiitos!',
    thanks: 'Vastauksesi on tallennettu. Luemme jokaisen vastauksen.',
    canAmendUntil: 'Voit muuttaa vastauksiasi {until} asti.',
    changeAnswer: 'Muuta vastauksiani',
    alreadyAnswered: 'Olet jo vastannut tähän kyselyyn. Kiitos!',
    amendClosed: 'Vastauksia voi muuttaa vain 24 tunnin ajan, joten muutosta ei tallennettu.',
    nothingAnswered: 'Vastaa ainakin yhteen kysymykseen ennen lähettämistä.',
    invalidTitle: 'Linkki ei toimi',
    invalid: 'Kyselyn linkki on vaillinainen tai virheellinen. Avaa se uudelleen saamastasi sähköpostista.',
    expiredTitle: 'Kysely on päättynyt',
    expired: 'Kyselyn linkki on vanhentunut. Kiitos silti, että halusit vastata!',
    tooManyTitle: 'Odota hetki',
    tooMany: 'Yhteydestäsi on tullut hyvin paljon pyyntöjä. Yritä uudelleen minuutin kuluttua.',
    errorTitle: 'Jokin meni vikaan',
    error: 'Emme pystyneet tallentamaan vastaustasi juuri nyt. Yritä hetken kuluttua uudelleen.',
  },
};

/** BCP 47 tags for Intl and the page's lang attribute. */
export const HTML_LANG: Record<SurveyLang, string> = { en: 'en', sv: 'sv', nb: 'nb', da: 'da', fi: 'fi' };

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
