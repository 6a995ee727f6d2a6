// Language detection for en/sv/nb/da/fi without loading any language pack: small function-word lists
// plus letters and letter pairs that only some of the five languages use. Swedish, Norwegian and Danish
// share most words, so the lists favour the ones that differ (jag/jeg, inte/ikke, hva/hvad, nå/nu,
// meg/mig, takk/tak/tack, hei/hej) and the spelling habits (ä/ö vs æ/ø, "kj"/"gj" in Norwegian).
import { tokenize } from './match';
import { languageIdModel } from './model/langid';
import { LANGS, type Lang } from './types';

// Words typical of one language. A word listed for several languages splits its weight between them.
const WORDS: Record<Lang, string> = {
  en: `the and is are was were to of you your my i i'm it's this that have has not no with for on in be can
    please thanks thank would could will what why how when still again about from they we our an am been
    just get got it me help order account don't can't didn't isn't there here if but so very sorry problem`,
  sv: `och jag inte är att det som har med för på min mitt mina en ett vi ni hej tack kan ska någon något
    varför hur vad fortfarande också eller från till skulle blev mycket bara nu igen redan dag gång gången
    kunde måste mig dig er ert era sig hade varit detta denna även efter än ingen inget så sen får fick
    här där vill också kommer inga jättebra snälla hjälp kundtjänst beställning faktura pengar tid svar
    behöver varken aldrig ändå alltså eftersom själv också länge sedan veckor vecka i gånger`,
  nb: `og jeg ikke er at det som har med for på min mitt mine en et vi dere hei takk kan skal noen noe
    hvorfor hvordan hva fortsatt også eller fra til skulle ble mye bare nå igjen allerede dag gang gangen
    kunne må meg deg seg hadde vært dette denne etter enn ingen ikkje så får fikk her vil kommer vei sykkel gjøre
    hjelp kundeservice bestilling faktura penger tid svar trenger aldri likevel altså fordi selv lenge
    siden uker uke mitt fått gjort kjøpt nei jo veldig gjerne tilbake oppdatert mat kald søt søke høsten
    restarte garantert avtale tydelig tilbudet gjelder mulig ta rolig lag innsigelse lett endrer unnskyld
    sjekke avgang ennå nevnt blir oss ut opp kjøpe spørre spørsmål kanskje vår våre deres dessverre
    vennlig vennligst riktig sånn hjelpe mottatt levert se slapp inn i to ganger
    dager imponert skuffa lei sint noen mange tusen øre hvilken hvilket dekning`,
  da: `og jeg ikke er at det som har med for på min mit mine en et vi jer hej tak kan skal nogen noget
    hvorfor hvordan hvad stadig stadigvæk også eller fra til skulle blev meget bare nu igen allerede dag
    gang gangen kunne må mig dig sig havde været dette denne efter end ingen så får fik her der vil
    kommer hjælp kundeservice bestilling faktura penge tid svar behøver aldrig alligevel altså fordi selv
    længe siden uger uge fået gjort købt nej jo rigtig venligst af gerne tilbage opdateret mad kold søde
    søge hvornår efteråret genstarte garanteret aftale tydeligt tilbuddet gælder muligt tag roligt lav
    indsigelse nemt ændrer undskyld tjekke afgang endnu nævnt bliver os ud op købe spørge spørgsmål måske
    vores jeres desværre venlig lige sådan hjælpe modtaget leveret se her pr der vej cykel gøre i to gange
    dage imponeret skuffet ked træls rigtigt nogle mange tusind øre hvilken hvilket dækning`,
  fi: `ja on ei en ole olen oli että se tämä minun minä sinä te me he kiitos hei moi voi voisitteko miksi
    miten mitä vielä taas jo myös tai kun kuin mutta nyt sitten täällä siellä kanssa ilman pitää pitäisi
    ollut olisi ovat olemme oletteko olisiko asiakaspalvelu lasku tilaus rahat aikaa vastaus tarvitsen
    koskaan kuitenkin koska itse kauan viikkoa viikko apua kiitti mulle mun mä sä oikein katso maksu
    hinta tili kortti paketti anteeksi pahoittelen valitettavasti voit voin voimme teille sinulle meille saat
    olet kyllä tässä siitä sitä niin mutta`,
};

// Letter pairs and triples typical of one language (counted over the lower-cased text).
const GRAMS: Record<Lang, string[]> = {
  en: ['th', 'wh', 'ing', 'ck', 'sh', 'ea', 'ou', "'t", "'m", "'s", 'w'],
  sv: ['ä', 'ö', 'å', 'tj', 'sj', 'skt', 'ckl'],
  nb: ['å', 'ø', 'kj', 'gj', 'ei', 'øy', 'kk', 'ert ', ' av ', ' ut ', ' opp ', 'tt '],
  da: ['æ', 'ø', 'å', 'ej', 'ede ', 'eret ', 'ligt ', ' af ', ' ud ', ' op ', 'ige ', 'bt', 'dt', 'æ'],
  fi: ['ä', 'ö', 'aa', 'ää', 'uu', 'ii', 'yy', 'kk', 'tt', 'ss', 'll', 'ksi', 'sta', 'ssa', 'ssä', 'lla', 'llä'],
};

const wordWeights = new Map<string, { lang: Lang; w: number }[]>();
for (const lang of LANGS) {
  for (const w of WORDS[lang].split(/\s+/)) {
    if (!w) continue;
    const list = wordWeights.get(w) ?? [];
    if (!list.some((e) => e.lang === lang)) list.push({ lang, w: 1 });
    wordWeights.set(w, list);
  }
}
for (const list of wordWeights.values()) for (const e of list) e.w = 1 / list.length;

// Letters that rule a language out (a Swede never writes æ/ø, a Dane never ä/ö).
const EXCLUDES: Record<Lang, RegExp> = {
  en: /[åäöæø]/,
  sv: /[æø]/,
  nb: /[äö]/,
  da: /[äö]/,
  fi: /[åæø]/,
};

export interface LanguageGuess {
  lang: Lang;
  /** 0..1: how far the best language is ahead of the runner-up (0 for empty or undecidable text). */
  confidence: number;
}

/** Guesses the language of a customer message or draft; English when there is nothing to go on. */
export function detectLanguage(text: string): LanguageGuess {
  if (typeof text !== 'string' || text.length === 0) return { lang: 'en', confidence: 0 };
  // Detection needs a sample, not the whole 1 MB paste.
  const sample = text.length > 1500 ? text.slice(0, 1500) : text;
  const tokens = tokenize(sample);
  if (tokens.words.length === 0) return { lang: 'en', confidence: 0 };
  const score: Record<Lang, number> = { en: 0, sv: 0, nb: 0, da: 0, fi: 0 };
  for (let i = 0; i < tokens.words.length; i++) {
    const word = tokens.words[i] as string;
    const hits = wordWeights.get(word);
    if (hits) for (const h of hits) score[h.lang] += 2 * h.w;
    // "Har I lukket...": a capital "I" inside a sentence is the Danish plural "you" (Norwegian writes "dere").
    if (word === 'i' && i > 0 && tokens.upper[i] === 1 && tokens.breaks[i] !== 1) score.da += 2;
  }
  const lower = ` ${sample.toLowerCase()} `;
  const letters = Math.max(1, lower.length);
  for (const lang of LANGS) {
    let grams = 0;
    for (const g of GRAMS[lang]) {
      let from = lower.indexOf(g);
      while (from !== -1) {
        grams++;
        from = lower.indexOf(g, from + g.length);
      }
    }
    // Letter habits count less than words, and per letter so long texts don't drown the word evidence.
    score[lang] += Math.min(3, (grams * 12) / letters) * Math.min(1, tokens.words.length / 3);
    if (EXCLUDES[lang].test(lower)) score[lang] *= 0.2;
  }
  let best: Lang = 'en';
  let second = 0;
  for (const lang of LANGS) if (score[lang] > score[best]) best = lang;
  for (const lang of LANGS) if (lang !== best && score[lang] > second) second = score[lang];
  const top = score[best];
  const confidence = top <= 0 ? 0 : Math.max(0, Math.min(1, (top - second) / top));
  // Where the word lists are unsure (Norwegian or Danish one-liners share most words), the learned
  // identifier (./model/langid.ts) decides, once it is loaded.
  const model = languageIdModel();
  if (model && confidence < model.rulesSure) {
    const probs = model.predict(sample);
    let a = 0;
    for (let c = 1; c < model.classes.length; c++) if ((probs[c] as number) > (probs[a] as number)) a = c;
    let b = -1;
    for (let c = 0; c < model.classes.length; c++) {
      if (c !== a && (b === -1 || (probs[c] as number) > (probs[b] as number))) b = c;
    }
    const margin = (probs[a] as number) - (b === -1 ? 0 : (probs[b] as number));
    return { lang: model.classes[a] as Lang, confidence: Math.round(Math.max(confidence, margin) * 100) / 100 };
  }
  if (top <= 0) return { lang: 'en', confidence: 0 };
  return { lang: best, confidence: Math.round(confidence * 100) / 100 };
}
