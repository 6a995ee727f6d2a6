// Swedish pack. Word order matters for negation ("jag är inte nöjd", "jag förstår inte"); compounds are
// common, so many terms are prefixes (frustrer*, orolig*).
import type { Phrase } from '../types';
import type { LanguagePack } from './types';

const phrases: Phrase[] = [
  // acknowledge
  {
    id: 'sv.ack.1',
    lang: 'sv',
    kind: 'acknowledge',
    text: 'Jag förstår verkligen att det här är frustrerande.',
    emotions: ['frustrated', 'disappointed'],
  },
  {
    id: 'sv.ack.2',
    lang: 'sv',
    kind: 'acknowledge',
    text: 'Jag förstår att du är irriterad[ över {issue}], och det har du all rätt att vara.',
    emotions: ['frustrated'],
  },
  {
    id: 'sv.ack.3',
    lang: 'sv',
    kind: 'acknowledge',
    text: 'Så ska det inte behöva vara.',
    emotions: ['frustrated', 'disappointed'],
    channels: ['chat'],
  },
  {
    id: 'sv.ack.4',
    lang: 'sv',
    kind: 'acknowledge',
    text: 'Jag förstår att det känns oroligt.',
    emotions: ['worried'],
    channels: ['chat'],
  },
  {
    id: 'sv.ack.5',
    lang: 'sv',
    kind: 'acknowledge',
    text: 'Jag kan tänka mig att det här har varit stressigt, och jag är glad att du hörde av dig till oss.',
    emotions: ['worried'],
    channels: ['email'],
  },
  {
    id: 'sv.ack.6',
    lang: 'sv',
    kind: 'acknowledge',
    text: 'Att behöva höra av sig flera gånger om samma sak är inte okej.',
    emotions: ['frustrated'],
  },
  {
    id: 'sv.ack.7',
    lang: 'sv',
    kind: 'acknowledge',
    text: 'Det är helt förståeligt att det känns krångligt.',
    emotions: ['confused'],
  },
  {
    id: 'sv.ack.8',
    lang: 'sv',
    kind: 'acknowledge',
    text: 'Det låter verkligen jobbigt.',
    emotions: ['frustrated', 'worried', 'disappointed'],
    channels: ['chat'],
  },
  {
    id: 'sv.ack.9',
    lang: 'sv',
    kind: 'acknowledge',
    text: 'Jag förstår att du är besviken när det inte blev som vi lovade.',
    emotions: ['disappointed'],
  },
  // apology
  { id: 'sv.apo.1', lang: 'sv', kind: 'apology', text: 'Förlåt för strulet[, {name}].', channels: ['chat'] },
  { id: 'sv.apo.2', lang: 'sv', kind: 'apology', text: 'Jag är ledsen för besväret[ med {issue}].' },
  {
    id: 'sv.apo.3',
    lang: 'sv',
    kind: 'apology',
    text: 'Vi ber om ursäkt för besväret det här har orsakat dig.',
    channels: ['email'],
  },
  {
    id: 'sv.apo.4',
    lang: 'sv',
    kind: 'apology',
    text: 'Jag beklagar att du har behövt kontakta oss igen om det här.',
    emotions: ['frustrated', 'disappointed'],
  },
  {
    id: 'sv.apo.5',
    lang: 'sv',
    kind: 'apology',
    text: 'Ursäkta att du fick vänta, och tack för ditt tålamod.',
    channels: ['chat'],
  },
  {
    id: 'sv.apo.6',
    lang: 'sv',
    kind: 'apology',
    text: 'Det här blev fel hos oss, och det ber jag om ursäkt för.',
    channels: ['email'],
    emotions: ['frustrated', 'disappointed'],
  },
  {
    id: 'sv.apo.7',
    lang: 'sv',
    kind: 'apology',
    text: 'Jag är ledsen att det här har orsakat så mycket oro.',
    emotions: ['worried'],
  },
  // restate
  {
    id: 'sv.res.1',
    lang: 'sv',
    kind: 'restate',
    text: 'Om jag förstår dig rätt är det {issue} som fortfarande inte fungerar?',
  },
  {
    id: 'sv.res.2',
    lang: 'sv',
    kind: 'restate',
    text: 'Bara så att jag har förstått rätt: [det gäller {issue}, ]eller hur?',
    channels: ['chat'],
  },
  {
    id: 'sv.res.3',
    lang: 'sv',
    kind: 'restate',
    text: 'Som jag förstår det har [{issue} ]inte fungerat som det ska.',
    channels: ['email'],
  },
  {
    id: 'sv.res.4',
    lang: 'sv',
    kind: 'restate',
    text: 'Jag vill bara se till att jag har förstått allt rätt innan jag tittar närmare på det.',
  },
  {
    id: 'sv.res.5',
    lang: 'sv',
    kind: 'restate',
    text: 'Så problemet är[ {issue}], och du behöver få det löst snabbt.',
    emotions: ['frustrated', 'worried'],
  },
  {
    id: 'sv.res.6',
    lang: 'sv',
    kind: 'restate',
    text: 'Det låter som att du hade förväntat dig något annat[ när det gäller {issue}].',
    emotions: ['confused', 'disappointed'],
  },
  // explore
  { id: 'sv.exp.1', lang: 'sv', kind: 'explore', text: 'Kan du berätta lite mer om vad som hände?' },
  {
    id: 'sv.exp.2',
    lang: 'sv',
    kind: 'explore',
    text: 'Vad står det på skärmen när det slutar fungera?',
    emotions: ['confused', 'frustrated'],
  },
  {
    id: 'sv.exp.3',
    lang: 'sv',
    kind: 'explore',
    text: 'Vilken del är otydlig, så att jag kan förklara bättre?',
    emotions: ['confused'],
  },
  { id: 'sv.exp.4', lang: 'sv', kind: 'explore', text: 'När märkte du det första gången?', channels: ['chat'] },
  {
    id: 'sv.exp.5',
    lang: 'sv',
    kind: 'explore',
    text: 'Vill du skicka ordernumret till mig, så att jag kan se exakt vad som har gått snett?',
    channels: ['email'],
  },
  {
    id: 'sv.exp.6',
    lang: 'sv',
    kind: 'explore',
    text: 'Vad skulle vara den bästa lösningen för dig?',
    emotions: ['disappointed', 'frustrated'],
  },
  { id: 'sv.exp.7', lang: 'sv', kind: 'explore', text: 'Finns det något mer som oroar dig?', emotions: ['worried'] },
  // reassure
  { id: 'sv.rea.1', lang: 'sv', kind: 'reassure', text: 'Oroa dig inte, vi löser det här.', channels: ['chat'] },
  { id: 'sv.rea.2', lang: 'sv', kind: 'reassure', text: 'Du har kommit rätt, och jag ser till att det här blir löst.' },
  {
    id: 'sv.rea.3',
    lang: 'sv',
    kind: 'reassure',
    text: 'Dina pengar är säkra, och inget dras medan vi utreder det här.',
    emotions: ['worried'],
  },
  {
    id: 'sv.rea.4',
    lang: 'sv',
    kind: 'reassure',
    text: 'Du behöver inte göra något mer just nu, jag håller dig uppdaterad.',
    emotions: ['worried', 'confused'],
  },
  {
    id: 'sv.rea.5',
    lang: 'sv',
    kind: 'reassure',
    text: 'Det är många som undrar över just det här, så du är inte ensam.',
    emotions: ['confused'],
  },
  {
    id: 'sv.rea.6',
    lang: 'sv',
    kind: 'reassure',
    text: 'Om något mer dyker upp är det bara att svara på det här mejlet, så kommer det direkt till mig.',
    channels: ['email'],
  },
  {
    id: 'sv.rea.7',
    lang: 'sv',
    kind: 'reassure',
    text: 'Vi håller extra koll så att det inte händer igen.',
    emotions: ['frustrated', 'disappointed'],
  },
  // solution
  { id: 'sv.sol.1', lang: 'sv', kind: 'solution', text: 'Så här gör jag nu:', channels: ['chat'] },
  {
    id: 'sv.sol.2',
    lang: 'sv',
    kind: 'solution',
    text: 'Det jag kan göra direkt är att[ rätta {issue} och] skicka en bekräftelse så fort det är klart.',
  },
  {
    id: 'sv.sol.3',
    lang: 'sv',
    kind: 'solution',
    text: 'Jag har ordnat det åt dig, och du ser ändringen inom ett dygn.',
    channels: ['email'],
  },
  { id: 'sv.sol.4', lang: 'sv', kind: 'solution', text: 'Det snabbaste sättet att lösa det är:', channels: ['chat'] },
  {
    id: 'sv.sol.5',
    lang: 'sv',
    kind: 'solution',
    text: 'Här är nästa steg, och jag bekräftar vart och ett per mejl när det är gjort.',
    channels: ['email'],
  },
  {
    id: 'sv.sol.6',
    lang: 'sv',
    kind: 'solution',
    text: 'Som nästa steg kan jag ordna en återbetalning eller en ersättningsvara, det som passar dig bäst.',
    emotions: ['disappointed', 'frustrated'],
  },
  // ownership
  { id: 'sv.own.1', lang: 'sv', kind: 'ownership', text: 'Jag tar hand om det här personligen.' },
  {
    id: 'sv.own.2',
    lang: 'sv',
    kind: 'ownership',
    text: 'Jag följer upp det själv och återkommer till dig senast i morgon.',
    channels: ['email'],
  },
  { id: 'sv.own.3', lang: 'sv', kind: 'ownership', text: 'Lämna det till mig, jag fixar det.', channels: ['chat'] },
  {
    id: 'sv.own.4',
    lang: 'sv',
    kind: 'ownership',
    text: 'Du ska inte behöva förklara det här igen: jag har ditt ärende tills det är löst.',
    emotions: ['frustrated'],
  },
  { id: 'sv.own.5', lang: 'sv', kind: 'ownership', text: 'Jag tittar på det åt dig direkt.', channels: ['chat'] },
  {
    id: 'sv.own.6',
    lang: 'sv',
    kind: 'ownership',
    text: 'Jag ser till att rätt team tar tag i det i dag, och jag släpper det inte förrän det är klart.',
    channels: ['email'],
  },
  // thanks
  { id: 'sv.thx.1', lang: 'sv', kind: 'thanks', text: 'Tack för ditt tålamod[, {name}].' },
  { id: 'sv.thx.2', lang: 'sv', kind: 'thanks', text: 'Tack för att du hörde av dig.' },
  {
    id: 'sv.thx.3',
    lang: 'sv',
    kind: 'thanks',
    text: 'Tusen tack för de fina orden, det gjorde verkligen min dag!',
    emotions: ['positive'],
  },
  {
    id: 'sv.thx.4',
    lang: 'sv',
    kind: 'thanks',
    text: 'Tack för att du tog dig tid att förklara så tydligt.',
    channels: ['email'],
  },
  {
    id: 'sv.thx.5',
    lang: 'sv',
    kind: 'thanks',
    text: 'Tack för att du sa till, det hjälper oss att bli bättre.',
    emotions: ['disappointed', 'neutral'],
  },
  {
    id: 'sv.thx.6',
    lang: 'sv',
    kind: 'thanks',
    text: 'Vad skönt att det löste sig, tack för att du återkom!',
    emotions: ['positive'],
    channels: ['chat'],
  },
  {
    id: 'sv.thx.7',
    lang: 'sv',
    kind: 'thanks',
    text: 'Tack för att du väntade medan vi undersökte saken.',
    channels: ['email'],
  },
  // personal
  { id: 'sv.per.1', lang: 'sv', kind: 'personal', text: 'Hej {name}!', channels: ['email'], slot: 'greeting' },
  {
    id: 'sv.per.2',
    lang: 'sv',
    kind: 'personal',
    text: 'Hej {name}, tack för att du skriver till oss.',
    channels: ['chat'],
  },
  { id: 'sv.per.3', lang: 'sv', kind: 'personal', text: 'Hej {name},', channels: ['email'], slot: 'greeting' },
  {
    id: 'sv.per.4',
    lang: 'sv',
    kind: 'personal',
    text: 'Vad roligt att jag kunde hjälpa till[, {name}]. Ha en fin dag!',
    emotions: ['positive', 'neutral'],
  },
  {
    id: 'sv.per.5',
    lang: 'sv',
    kind: 'personal',
    text: 'Med vänliga hälsningar',
    channels: ['email'],
    slot: 'closing',
  },
  {
    id: 'sv.per.6',
    lang: 'sv',
    kind: 'personal',
    text: 'Ta hand om dig[, {name}], jag hoppas att det lugnar sig snart.',
    emotions: ['worried'],
  },
  { id: 'sv.per.7', lang: 'sv', kind: 'personal', text: 'Vänliga hälsningar', channels: ['email'], slot: 'closing' },
  {
    id: 'sv.per.8',
    lang: 'sv',
    kind: 'personal',
    text: 'Kul att höra från dig igen[, {name}]!',
    emotions: ['positive'],
    channels: ['chat'],
  },
];

const VERBS_DONE =
  'återbetal*|krediter*|skickat|bokat|ändrat|spärrat|makulerat|uppdaterat|åtgärdat|rättat|ordnat|beställt|fixat|avbokat|återställ*|aktiverat|stängt|pausat|registrerat|justerat|förlängt|eskalerat|lagt|tagit|flyttat|satt|hittat|löst|godkänt|betalat|ombokat|bokat|sänt|nollställt|felanmält|gett|avslutat|begärt|låst|flaggat|tömt|installerat|monterat|lagat|reparerat|bytt|öppnat|startat|påbörjat|beviljat|hävt|avbrutit|svarat|mejlat|ringt';
const VERBS_NEXT =
  'skicka*|boka*|ordna*|fixa*|ändra*|spärra*|återbetala*|kreditera*|ersätta|ersätter|ringa|ringer|lägga|lägger|beställa|beställer|makulera*|registrera*|åtgärda*|eskalera*|rätta*|flytta*|erbjuda|erbjuder|betala|betalar|stänga|stänger|aktivera*|pausa*|förlänga|förlänger|byta|byter|felanmäla*|ombooka|omboka*|räkna*|avslut*|kör|köra|kolla*|kontrollera*|undersök*|utred*';

/** Ages that read as old age ("är 89", "87 år"). */
const AGES = Array.from({ length: 26 }, (_, i) => String(75 + i)).join('|');

export const sv: LanguagePack = {
  lang: 'sv',
  emotions: [
    {
      p: 'hur kommer det sig / jag trodde / jag utgick från / kan ni|du förtydliga|klargöra / har jag förstått rätt',
      emotion: 'confused',
      w: 0.8,
    },
    // Allmänt klagoordförråd (inte hämtat ur korpusen).
    {
      p: 'ohjälpsam*|otrevlig*|oförskämd*|skandal*|bedrövligt|uselt|horribel*|vidrig*|äcklad|chockerad',
      emotion: 'frustrated',
    },
    {
      p: 'under all kritik / la på / lade på / ingen återkoppling / ringer aldrig tillbaka / ingen ringer tillbaka / dålig service / sämsta servicen / olika besked / motstridiga besked',
      emotion: 'frustrated',
    },
    {
      p: 'ledsen|nedslagen|snopen|vilseledande / gick sönder efter / dålig kvalitet / inte som beskrivet / inte värt',
      emotion: 'disappointed',
    },
    {
      p: 'kan inte sova / vet inte vad jag ska göra / väldigt|jätte|så .. stressad|orolig|rädd / övertrasserat|skulder / räkningarna hopar sig',
      emotion: 'worried',
    },
    {
      p: 'hänger inte med / går inte ihop / rörigt|krångligt|motsägelsefullt / vad är det här / kan ni förklara / kan du förklara / hur fungerar',
      emotion: 'confused',
    },
    {
      p: 'stort tack / tack så mycket / ni är grymma / du är en stjärna / helt rätt / fem stjärnor / rekommenderar / räddade dagen / löste allt',
      emotion: 'positive',
      w: 1.2,
    },
    {
      p: 'vilken|vilket|vilka .. behöver|ska|måste|bör jag / eller måste|ska|behöver|bör jag / eller är det',
      emotion: 'confused',
      w: 0.8,
    },
    { p: 'väntat|väntar|suttit|sitter|stått|köat|köar .. timmar|veckor|månader', emotion: 'frustrated', w: 0.8 },
    { p: 'förstörd|förstört|förstörde / ingen kom|dök|dykt', emotion: 'disappointed' },
    // frustrated
    {
      p: 'frustrer*|irriter*|arg|argt|arga|förbannad*|förbaskat|vansinnig*|rasande|oacceptabel*|oacceptabelt|skandal*|bedrövlig*|usel*|uselt|värdelös*|pinsam*|löjlig*|katastrof*|fruktansvärd*|hopplös*|orimlig*|upprörd*|upprörande',
      emotion: 'frustrated',
    },
    {
      p: 'less / trött på / fått nog / får det räcka / vilket skämt / vilket skämt / slöseri med',
      emotion: 'frustrated',
      w: 1.5,
    },
    { p: 'ingen|ingenting .. svarar|svarat|hört|hör|ringt|gjort|hjälper|hjälpt|händer|hänt', emotion: 'frustrated' },
    { p: 'fungerar|funkar|fungerade|funkade inte / slutat fungera|funka', emotion: 'frustrated', w: 0.7 },
    { p: 'inte okej|ok|acceptabelt|rimligt|godtagbart|seriöst', emotion: 'frustrated', w: 1.2, negation: true },
    {
      p: 'inte [direkt|så|särskilt|riktigt] någon|nån|något|nåt vidare / inget|ingen|inga vidare',
      emotion: 'disappointed',
      w: 1.2,
      negation: true,
    },
    { p: 'trasig*|krånglar|krånglat|strular|strulat|hänger|kraschar|nere', emotion: 'frustrated', w: 0.4 },
    { p: 'timme|timmar|minuter i telefonkö|kö / i telefonkö', emotion: 'frustrated', w: 0.8 },
    // disappointed
    { p: 'besvik*', emotion: 'disappointed', w: 1.3 },
    { p: 'förväntat|förväntade .. mer|bättre|annat / hade hoppats / såg fram emot', emotion: 'disappointed', w: 1.5 },
    { p: 'synd|tråkig*|tråkigt|missnöjd*|ledsen|ledsna|snopen|snopet', emotion: 'disappointed' },
    {
      p: 'inte [riktigt] vad jag|vi .. beställde|beställt|betalade|betalat|förväntade|förväntat|räknat|räknade|tänkt|trodde|hoppats / inte som utlovat|beskrivet / inte som på bilden',
      emotion: 'disappointed',
      w: 1.2,
    },
    { p: 'lovade|utlovat|utlovad|lovat', emotion: 'disappointed', w: 0.5 },
    { p: 'skadad*|trasig*|fel|saknas|försenad*|inställd*|sönder', emotion: 'disappointed', w: 0.4 },
    // worried
    {
      p: 'orolig*|oro|oroar|rädd|rädda|nervös*|stress*|panik*|ängslig*|ångest|förtvivlad*|skräm*|sömnlös*',
      emotion: 'worried',
    },
    { p: 'inte råd / har inte råd', emotion: 'worried', w: 1.5 },
    { p: 'vad händer om / vad händer nu / kommer jag [att] .. förlora|bli|stå', emotion: 'worried', w: 0.8 },
    {
      p: 'bedrägeri*|bedragare|bluff*|kapad*|kapat|stul*|obehörig*|misstänkt*|lurad|lurade|hackad*',
      emotion: 'worried',
      w: 1.2,
    },
    { p: 'snälla hjälp / hjälp mig', emotion: 'worried', w: 0.5 },
    { p: 'skuld*|inkasso*|kronofogden|påminnelse*|avstängning|avstängd|vräk*', emotion: 'worried', w: 0.7 },
    { p: 'akut*|brådskande', emotion: 'worried', w: 0.5 },
    // confused
    { p: 'förvirr*|förbryllad*|oklart|otydlig*|obegriplig*', emotion: 'confused', w: 1.3 },
    // Helpdesk vocabulary a native speaker uses (general, not phrases from the corpus).
    {
      p: 'gör jag något|nåt fel / vad gör jag för fel / vad har jag gjort för fel / missar jag något|nåt / fattar|förstår|begriper ingenting|noll / blir inte klok på / hänger inte riktigt med',
      emotion: 'confused',
      w: 1.2,
    },
    {
      p: 'står det .. ogiltig*|fel|felmeddelande|nekad*|avvisad*|spärrad* / felmeddelande* / felkod* / ogiltig* / godkänns|accepteras|funkar inte / tar inte emot / känner inte igen',
      emotion: 'confused',
      w: 0.7,
    },
    {
      p: 'hur funkar|fungerar|går|räknas|beräknas|bestäms / hur .. funkar|fungerar|räknas|beräknas / vad är .. till för / vad ska .. vara / är det normalt / ska det vara så / varför står|visas|syns|kommer|frågar',
      emotion: 'confused',
      w: 0.6,
    },
    {
      p: 'vilken|vilket|vilka blankett|blanketten|formulär|av dem|alternativ|nummer|adress|konto|ruta|rutan / tre|två|flera olika / olika blanketter|versioner|belopp|nummer|besked',
      emotion: 'confused',
      w: 0.6,
    },
    {
      p: 'någon har .. kapat|hackat|använt|tagit|loggat|bytt / jag har inte gjort|godkänt|beställt / känner inte igen / är mina pengar säkra / är mitt konto|kort säkert / vad ska jag göra / vad gör jag nu',
      emotion: 'worried',
      w: 1.2,
    },
    {
      p: 'stängas|stängs|spärras|avslutas|frysas .. av / stänga av / kan|kommer .. stängas|spärras|avslutas|frysas|stoppas / aldrig missat|missa en betalning / är det ett misstag|bedrägeri / på riktigt / hinner .. fram|komma',
      emotion: 'worried',
      w: 0.9,
    },
    {
      p: 'tog|tagit|tar ledigt / ledig från jobbet / väntade|väntat .. hela dagen / hela dagen i onödan / ingen dök upp / dök aldrig upp / så tråkigt|synd / verkligen synd|tråkigt',
      emotion: 'disappointed',
      w: 1,
    },
    {
      p: 'hittar|ser inte / hittar ingen|inget|ingenting / syns|visas|laddas inte / finns inget|ingen alternativ|knapp|val|fält|länk|sätt / inget händer / det är inte tydligt / otydligt hur|vad|var|varför',
      emotion: 'confused',
      w: 0.8,
    },
    {
      p: 'vad är det här|detta|det .. för / vad är det för .. avgift|belopp|dragning|brev|faktura|mejl|sms|kod / varför har|är|blev|blir|kom .. debiterad|debiterats|dragits|dragit|fått|höjts|högre|ändrats|ändrad|annorlunda|avslutat|avslutats',
      emotion: 'confused',
      w: 0.8,
    },
    {
      p: 'två|tre|flera brev|mejl|fakturor|besked|koder|nummer / enligt / brevet|mejlet|appen|sajten|hemsidan|fakturan|sms:et .. står|stod|säger|sa|visar|visade / första gången / aldrig gjort / inte så bra på .. teknik|datorer|appar / inte van vid .. teknik|datorer|appar',
      emotion: 'confused',
      w: 0.6,
    },
    {
      p: 'kommer jag|vi .. få|bli|behöva .. betala|böter|avgift|straffavgift / förseningsavgift*|påminnelseavgift*|böter|straffavgift|dröjsmålsränta / tappat|förlorat .. kort|kortet|plånbok*|telefon*|mobil* / kommer inte åt|in / utelåst / låst ute / behöver den|det till|innan|senast',
      emotion: 'worried',
      w: 0.8,
    },
    {
      p: 'trogen|lojal kund / kund|kunder i .. år / tacken vi|jag får / är det tacken / efter alla år / kvaliteten har .. sjunkit|blivit / blivit sämre / inte samma / inte lika bra / repig*|bucklig*|fläckig*|kall|kallt|ljummen|sönderriven',
      emotion: 'disappointed',
      w: 0.6,
    },
    {
      p: 'födelsedag*|bröllop*|semester*|jul*|resa|resan|helg* .. förstörd*|förstört|förstördes',
      emotion: 'disappointed',
      w: 1.3,
    },
    {
      p: 'seriöst / hur svårt kan det vara / hur många gånger / droppen / ingen ursäkt / behandlas som / vill ha|kräver .. pengarna tillbaka|återbetalning|chef|chefen|ersättning / prata med en chef / anmäla|anmälan|klagomål|reklamation / varför är det så svårt|krångligt|omöjligt',
      emotion: 'frustrated',
      w: 1,
    },
    {
      p: 'funkar|fungerar igen|nu / löst|fixat|ordnat .. snabbt|direkt|redan|nu / snabb|snabbt|smidig svar|leverans|hjälp|service / fortsätt så / nöjd kund / tusen tack / tack igen',
      emotion: 'positive',
      w: 1,
    },
    {
      p: 'hur menar|menas / begriper mig inte på / snurrigt|luddigt|knepigt / är det rätt|riktigt att / står .. men / vart har|tog .. vägen / vad är skillnaden / vilken skillnad / hur vet jag / hur ska jag veta / vilken|vilket|vilka gäller|stämmer / vad hände med',
      emotion: 'confused',
      w: 1,
    },
    {
      p: 'oseriös*|tröttnat|tröttnar|sämst|sämsta|kass|kasst|jävla|jävligt|skit|skitdålig*|fan / helt sjukt / sjukt dåligt / vad sysslar ni med / ingen har hört av sig / inget .. händer|hänt|svar|besked|svarar / inget svar|besked',
      emotion: 'frustrated',
      w: 1,
    },
    {
      p: 'trist|tristess / sämre än / inte vad jag hade|hoppats|tänkt / dåligt|dålig|dåliga / tyvärr',
      emotion: 'disappointed',
      w: 0.5,
    },
    {
      p: 'obehagligt|otäckt|otäck|läskigt / betalningsanmärkning* / utan el|värme|vatten|ström / vågar inte',
      emotion: 'worried',
      w: 1,
    },
    {
      p: 'schysst|schyst|schysstt|uppskattar|uppskattas|skönt|gött|fint / riktigt|väldigt|mycket|jätte bra / vill bara tacka / vill tacka',
      emotion: 'positive',
      w: 0.8,
    },
    {
      p: 'utan internet|bredband|wifi|el|ström|telefon|täckning|värme|vatten|tv .. i|sedan|sen / betalar|betalat|betalade för .. inte|ingenting|aldrig / väntat|väntar sedan|sen / väntar fortfarande / nu får det räcka / nu räcker det / var är|finns mina|min|mitt .. pengar|återbetalning*|paket*|beställning*|order|leverans*|tekniker* / var är|finns pengarna|återbetalningen|paketet|beställningen|teknikern',
      emotion: 'frustrated',
      w: 0.8,
    },
    {
      p: 'hur gör man / får inte till det / kommer inte vidare / sitter fast / vad|var ska jag fylla|skriva|välja|klicka|trycka / ska jag välja / hur ser|hittar|kollar jag / vad är det som gäller / har försökt .. men',
      emotion: 'confused',
      w: 0.8,
    },
    {
      p: 'motsvarade|motsvarar inte / förväntningar* / inte alls som|vad / blev inte som / inte blev som / hade sett|ser fram emot / lovade|utlovat|lovat .. men / höll|håller inte / gick sönder',
      emotion: 'disappointed',
      w: 1,
    },
    {
      p: 'missförst* / hänger .. ihop / är det jag som / reda ut / hjälp|hjälpa mig .. förstå / hur kan det|man .. bli|vara|stå',
      emotion: 'confused',
      w: 1,
    },
    // Compounds whose head carries the feeling: "leveransstrul", "fakturakaos", "bredbandskrånglet".
    { p: '*strul|*strulet|*kaos|*kaoset|*krångel|*krånglet|*haveri|*haveriet|*fiasko|*fiaskot', emotion: 'frustrated' },
    {
      p: 'sluta skicka|ringa|ta|dra|debitera / sluta med det / trots att',
      emotion: 'frustrated',
      w: 0.7,
    },
    {
      p: 'är det|detta|den|sms:et|mejlet .. äkta|bluff|bedrägeri|falskt|falsk / hyran|räkningarna|räkningen|lånet .. ska betalas|förfaller|måste betalas',
      emotion: 'worried',
      w: 0.9,
    },
    {
      p: 'otroligt|sjukt|löjligt|galet att / vad betalar jag|vi för',
      emotion: 'frustrated',
      w: 1,
    },
    {
      p: 'råkat|råkade / av misstag / fel konto|mottagare|kontonummer|nummer',
      emotion: 'worried',
      w: 0.8,
    },
    {
      p: 'eller bara / båda|bägge .. eller',
      emotion: 'confused',
      w: 0.6,
    },
    {
      p: 'vill ha|behöver|kräver besked|svar|information .. nu / utan mat|vatten|information|besked / ingen säger|sa|berättar|informerar / ingen information / i ovisshet',
      emotion: 'frustrated',
      w: 1,
    },
    { p: 'förstår|fattar|begriper .. inte / vet inte hur|vad|var|vilken|vilket|om', emotion: 'confused', w: 1.2 },
    { p: 'osäker*|undrar', emotion: 'confused' },
    { p: 'vad betyder / vad innebär / vad menas / vad menar ni', emotion: 'confused', w: 1.5 },
    {
      p: 'hur gör jag / hur ska jag / hur kan jag / var hittar jag / var ska jag / var finns',
      emotion: 'confused',
      w: 0.5,
    },
    {
      // Plain requests ask these too: a weak hint only.
      p: 'behöver jag / måste jag / ska jag',
      emotion: 'confused',
      w: 0.4,
    },
    { p: 'ingen aning / blir inte klok / går inte ihop / stämmer det', emotion: 'confused', w: 1.2 },
    { p: 'skillnaden mellan / vilken ska / vilket ska / vilket alternativ', emotion: 'confused' },
    { p: 'förklara|förklaring', emotion: 'confused', w: 0.7 },
    // positive
    { p: 'tack*', emotion: 'positive' },
    {
      p: 'jättebra|toppen|super*|fantastisk*|underbar*|grym*|smidig*|nöjd|nöjda|glad|glada|imponerad*|hjälpsam*|trevlig*|vänlig*|bäst|snäll|guld|kanon|perfekt|härlig*|strålande|lysande|proffsig*|tacksam*',
      emotion: 'positive',
      w: 0.8,
    },
    {
      p: 'bra jobbat / snyggt jobbat / ni är bäst / ni är grymma / över förväntan / så snabbt / så smidigt / löste det',
      emotion: 'positive',
      w: 1.5,
    },
  ],
  cues: [
    {
      id: 'sv.cue.repeat.nth-time',
      kind: 'repeat-contact',
      p: 'andra|tredje|fjärde|femte|sjätte|tionde|3:e|4:e|5:e gången',
      emotion: 'frustrated',
      w: 1.5,
    },
    {
      id: 'sv.cue.repeat.times',
      kind: 'repeat-contact',
      p: 'två|tre|fyra|fem|sex|flera|många|otaliga|3|4|5|6 gånger|samtal|mejl|mail',
      emotion: 'frustrated',
    },
    {
      id: 'sv.cue.repeat.still',
      kind: 'repeat-contact',
      p: 'fortfarande / ännu inte / ännu ingen|inget|inga',
      emotion: 'frustrated',
      w: 1.2,
    },
    {
      id: 'sv.cue.repeat.already',
      kind: 'repeat-contact',
      p: 'redan .. ringt|kontaktat|mejlat|mailat|skrivit|pratat|förklarat|anmält|reklamerat|skickat|klagat|chattat',
      emotion: 'frustrated',
      w: 1.2,
    },
    {
      id: 'sv.cue.repeat.again',
      kind: 'repeat-contact',
      p: 'igen|återigen / ännu en gång / gång på gång / varje gång / samma problem|fel / fick höra|beskedet / lovade .. förra|i / dagar|veckor|månader|timmar nu / andra|tredje|fjärde|femte|sjätte veckan|månaden|dagen|helgen [i] nu|rad / veckan|månaden|dagen i rad',
      emotion: 'frustrated',
    },
    {
      id: 'sv.cue.churn.leave',
      kind: 'churn-threat',
      p: 'säga|säger|sagt .. upp / avsluta|avslutar .. abonnemang|abonnemanget|medlemskap*|allt / portera|porterar numret|nummer / gå|går|gått över till / gå|går|gått till en|ett|någon .. konkurrent*|annan|annat|annan / byta|byter .. operatör|bank|leverantör|elbolag|bolag|försäkringsbolag / lämna|lämnar er|bolaget|banken / flytta|flyttar .. till en|ett annan|annat .. bank|bolag|operatör|leverantör',
      emotion: 'frustrated',
      w: 1.5,
    },
    {
      id: 'sv.cue.churn.never',
      kind: 'churn-threat',
      p: 'aldrig .. mer|igen / sista gången jag|vi / hitta|leta .. annan|annat|ny|nytt .. bolag|bank|leverantör|operatör',
      emotion: 'frustrated',
      w: 1.5,
    },
    {
      id: 'sv.cue.churn.authority',
      kind: 'churn-threat',
      p: 'arn|reklamationsnämnden|konsumentverket|finansinspektionen|pts|energimarknadsinspektionen|advokat|stämma|polisanmäl*|tidningen|media|trustpilot|recension|aftonbladet|expressen|kvällspress* / sociala medier / en stjärna / dålig recension / anmäla|anmäler|anmält .. till .. jo|arn|konsumentverket|polisen|pts|finansinspektionen',
      emotion: 'frustrated',
      w: 1.2,
    },
    {
      id: 'sv.cue.vuln.illness',
      kind: 'vulnerability',
      p: 'cancer|cellgift*|sjukhus*|opererad|operation|sjukskriv*|sjuk|sjuka|funktionsnedsättning|funktionshinder|funktionsvariation|rullstol*|rullator*|permobil*|hörapparat*|handikapp*|demens|dement|gravid|dialys|syrgas|medicin*|diabet*|blind|döv|hörselskadad|synskadad|strålning|cytostatika / opererat*|opererad*',
      emotion: 'worried',
      w: 1.2,
    },
    {
      id: 'sv.cue.vuln.bereavement',
      kind: 'vulnerability',
      p: 'gick bort / dog|avliden|avlidne|dödsbo*|begravning*|änka|änkling|sorg',
      emotion: 'worried',
      w: 2,
    },
    {
      id: 'sv.cue.vuln.money',
      kind: 'vulnerability',
      p: 'inte råd / arbetslös / förlorat|förlorade|blev .. jobbet / av med jobbet / försörjningsstöd|a-kassa*|socialen|kronofogden / inga pengar / pengarna räcker inte',
      emotion: 'worried',
      w: 1.5,
    },
    {
      id: 'sv.cue.vuln.alone',
      kind: 'vulnerability',
      p: `pensionär|äldre|nyfödd*|bebis|spädbarn / bor ensam / ${AGES} år / är|fyller|fyllt|blir ${AGES} [år]`,
      emotion: 'worried',
      w: 0.8,
    },
    {
      id: 'sv.cue.urgency',
      kind: 'urgency',
      p: 'akut*|brådskande|omgående|snarast|asap|inatt|hinner / går|avgår|stänger|börjar|landar|lyfter om .. minuter|min|timme|timmar / åka|resa|flyga|åker|reser|flyger .. om .. dagar|dag|veckor|vecka|timmar / inom .. vecka|veckan|dag|dygn|timme / kan|kunna|behöver|måste|senast|helst .. idag|ikväll|imorgon / kan|kunna|behöver|måste|senast|helst .. i dag|kväll|morgon / nu direkt / så fort som möjligt / så snart som möjligt / senast|innan|före .. måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|imorgon|helgen / flyger|reser|åker|börjar|stänger .. på|i .. måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|morgon / inom .. dagar|timmar / besked|svar|hjälp|det nu / ska|måste|behöver .. på|senast|före|innan .. måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag',
      emotion: 'worried',
      w: 0.8,
    },
    { id: 'sv.cue.thanks', kind: 'thanks', p: 'tack*|uppskattar|tacksam*', emotion: 'positive', w: 0.3 },
    {
      id: 'sv.cue.fault.charged',
      kind: 'service-failure',
      p: 'dragit|dragits|debiterat|debiterad|debiterats|fakturerat .. två|dubbelt|fel|felaktigt / dubbeldragning|dubbeldebitering|överdebiter*',
    },
    {
      id: 'sv.cue.fault.never',
      kind: 'service-failure',
      p: 'aldrig .. kommit|kom|fått|levererats|dykt / har inte kommit|levererats|dykt',
    },
    {
      id: 'sv.cue.fault.wrong',
      kind: 'service-failure',
      p: 'skadad*|trasig*|saknas|försenad*|inställd*|avbrott|borttappad|tappat / olika|motstridiga|motsägelsefulla besked|svar|uppgifter',
    },
  ],
  sarcasm: [
    'toppen|perfekt|underbart|fantastiskt|kanon|strålande|härligt|suveränt|lysande|grattis|kul|roligt|trevligt .. igen|ännu',
    'toppen|perfekt|underbart|fantastiskt|kanon|strålande|härligt|suveränt|lysande|kul|roligt|smidigt|bra att .. ingen|ingenting|inget|aldrig',
    'tack för ingenting / tack för inget / tack så jättemycket för ingenting',
    'verkligen imponerande / så imponerande / vilken service / vilken överraskning / ingen överraskning',
    'snyggt|bra jobbat .. igen',
    'precis vad jag behövde / precis vad jag ville',
    'lyckas verkligen|alltid / ni lyckas verkligen|alltid',
  ],
  negators: ['inte', 'ej', 'aldrig', 'ingen', 'inget', 'inga', 'knappast', 'varken', 'icke', 'knappt'],
  foldDiacritics: true,
  wishes: ['vill', 'ville', 'hoppas', 'önskar'],
  compoundIntensifiers: ['jätte', 'super', 'sjukt', 'skit', 'kanon', 'mega'],
  intensifiers: [
    'väldigt',
    'mycket',
    'jätte',
    'jättemycket',
    'riktigt',
    'otroligt',
    'helt',
    'totalt',
    'extremt',
    'fruktansvärt',
    'sjukt',
    'så',
    'verkligen',
    'oerhört',
    'enormt',
    'grymt',
    'galet',
    'alldeles',
    'ytterst',
    'hur',
    'himla',
    'superduper',
    'rejält',
  ],
  behaviors: [
    // acknowledge
    {
      id: 'sv.ack.understand',
      kind: 'acknowledge',
      p: 'jag|vi [verkligen|helt|precis|absolut] förstår|begriper / jag|vi kan [verkligen] förstå|tänka / förstår att|hur|varför / jag hör vad du säger / jag kan bara föreställa mig / kan inte [ens] föreställa|tänka mig / kan knappt föreställa mig / det hade jag också blivit / jag fattar / jag förstår dig / vilken otur / vad trist',
    },
    {
      id: 'sv.ack.sounds',
      kind: 'acknowledge',
      p: 'det|detta låter|måste|känns|är .. jobbigt|frustrerande|tråkigt|stressigt|oroande|besvärligt|irriterande|förvirrande|hemskt|förståeligt|förargligt|ledsamt|surt|trist|tufft|kämpigt|påfrestande|olyckligt / det måste .. jobbig*|frustrer*|stressig*|tråkig*|oroande|besvärlig*|tuff*|kämpig*|påfrestande / är|låter [verkligen|ju|väldigt] tufft|kämpigt|påfrestande / du|ni borde ha|har .. fått|blivit|haft',
    },
    {
      id: 'sv.ack.not-ok',
      kind: 'acknowledge',
      p: 'oacceptabelt / förtjänar [du|ni] bättre / vad tråkigt|synd|jobbigt|hemskt|trist|frustrerande / är|låter [verkligen|ju|helt] hemskt|jobbigt|frustrerande|oacceptabelt|tråkigt|stressigt|oroande|förfärligt / inte okej / inte ok / inte acceptabelt / inte bra / så ska det inte / borde inte ha|behöva / inte den upplevelsen|service|servicen / inte så vi vill',
    },
    {
      id: 'sv.ack.right',
      kind: 'acknowledge',
      p: 'du har [helt|all] rätt / all rätt att / helt förståeligt / fullt förståeligt / förståeligt / klart att du|ni / självklart att du / naturligtvis|givetvis .. du|ni .. är|blir',
    },
    { id: 'sv.ack.sorry-hear', kind: 'acknowledge', p: 'tråkigt|ledsen|ledsamt att höra / tråkigt att' },
    // apology
    { id: 'sv.apo.sorry', kind: 'apology', p: 'förlåt|ursäkt|ursäkta|ursäkter|beklagar|beklaga|beklagligt' },
    { id: 'sv.apo.sad', kind: 'apology', p: 'jag|vi är [så|verkligen|väldigt|jätte] ledsen|ledsna' },
    {
      id: 'sv.apo.our-fault',
      kind: 'apology',
      p: 'vårt|mitt misstag|fel / fel av oss|mig / blev fel hos|från oss / vi har gjort fel / vi gjorde fel / vi som har gjort / vi har klantat oss / vi har svikit dig / vi gjorde bort oss',
    },
    // restate
    {
      id: 'sv.res.understood',
      kind: 'restate',
      p: 'om jag förstår|förstått .. rätt / som jag förstår det / bara så att jag .. förstått|förstår',
    },
    {
      id: 'sv.res.you-write',
      kind: 'restate',
      p: 'du|ni skriver|nämner|berättar|beskriver|säger|förklarar|påpekar|skrev|nämnde|berättade|sa .. att / du|ni har behövt / du|ni har fått vänta / du|ni har .. väntat|försökt|jagat|skickat|ringt|mejlat|anmält|förklarat|betalat / du|ni betalade|skickade|ringde|väntade|försökte|berättade|förlorade',
    },
    {
      id: 'sv.res.summary',
      kind: 'restate',
      p: 'för att sammanfatta / sammanfattningsvis / om jag sammanfattar / det låter som att|om du|ni|att / så du|ni har|är|fick',
    },
    // explore
    {
      id: 'sv.exp.could-you',
      kind: 'explore',
      p: 'kan|kunde|skulle|vill .. du|ni .. berätta|beskriva|skicka|bekräfta|förklara|ge|uppge|kolla|kontrollera|meddela|svara / berätta|beskriv|skicka .. gärna / har du möjlighet / vad hände / när började / har du testat|provat',
    },
    {
      // A question asked as a request: "Berätta vilken tid ni vill komma", "Säg till vilket konto det gäller".
      id: 'sv.exp.tell-which',
      kind: 'explore',
      p: 'berätta|säg|meddela|skriv [gärna] [till] vilken|vilket|vilka|vad|när|var|hur|varför',
    },
    {
      id: 'sv.res.you-wonder',
      kind: 'restate',
      p: 'du|ni undrar|funderar|frågar|upplever|menar|märkte / du|ni vill veta / du|ni har märkt / som du|ni skriver|säger|nämner|beskriver / jag ser i ditt|ert meddelande|mejl|ärende',
    },
    // reassure
    {
      id: 'sv.rea.dont-worry',
      kind: 'reassure',
      p: 'oroa dig|er inte / ingen fara / du behöver|kommer inte / att du inte behöver|kommer / behöver inte oroa / var lugn / det ordnar sig / det löser sig / vi|jag löser|fixar|ordnar|reder det / inte ensam / kommit rätt',
    },
    {
      id: 'sv.rea.safe',
      kind: 'reassure',
      p: 'säkra|säker|säkert|trygg|tryggt|skyddad*|skyddade|garanterat / påverkas inte / det är ordnat / allt är ordnat / du är täckt / det kommer att lösa sig',
    },
    {
      id: 'sv.rea.will-not',
      kind: 'reassure',
      p: 'du kommer inte [att] .. debiteras|förlora|behöva|missa|stängas|påverkas / inga|ingen .. avgift|avgifter|*avgift|*avgifter|påminnelse*|ränta .. tillkommer|läggs',
    },
    {
      id: 'sv.rea.keep-updated',
      kind: 'reassure',
      p: 'håller dig|er uppdaterad|informerad|underrättad / hör gärna av dig|er / hör av dig|er om|igen|bara|när|så|direkt / tveka inte / finns här / om du har fler|några .. frågor / sett till att',
    },
    // solution
    { id: 'sv.sol.done', kind: 'solution', p: `jag|vi .. ${VERBS_DONE}` },
    {
      id: 'sv.sol.will',
      kind: 'solution',
      p: `jag|vi .. [ska|kommer|kan|har] .. ${VERBS_NEXT} / nästa steg / så här gör du / det snabbaste|enklaste|bästa sättet / du kan [nu|också|enkelt] / ska|kommer [att] vara|komma .. klart|klar|tillbaka|igång|på|hos / du får|kommer .. pengarna|en|ett|ersättning*|återbetalning*|svar|besked|bekräftelse* / betalas|skickas|levereras|återbetalas|krediteras|bokas|åtgärdas|plogas [ut] på|senast|inom|idag|imorgon|i`,
    },
    {
      id: 'sv.sol.inverted',
      kind: 'solution',
      p: `${VERBS_NEXT} jag|vi / har jag|vi .. ${VERBS_DONE} / kan jag|vi .. ${VERBS_NEXT} / kan erbjuda|ordna|boka|skicka|fixa|ändra|flytta / gå till|in / klicka|tryck på / välj`,
    },
    // Everyday next steps: more done-verbs, outcomes in the passive, what arrives when, and instructions.
    {
      id: 'sv.sol.steps',
      kind: 'solution',
      p: 'beviljad|godkänd|skickad|postad|åtgärdad|upplåst|avbokad|ombokad|makulerad|makulerade|återbetald|krediterad|beviljats|godkänts|skickats|postats|åtgärdats|makulerats|avslutats|återbetalats|krediterats|lagats / bör|borde vara|komma|synas|finnas .. hos|på|fram|inom|senast / senast i morgon|kväll / senast imorgon|idag|ikväll / kommer [ut|förbi|hem] på|i måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|morgon|eftermiddag|kväll / betala den|det|dem|fakturan|räkningen / skriv ut / lämna .. hos|till|in|på|paketet / ta med / fyll i / ladda upp / behöver|måste jag|vi [bara] bekräfta|kontrollera|verifiera|ställa / så tar|byter|ersätter|lagar|fixar|ordnar|skickar|återbetalar|stryker|makulerar|bokar jag|vi|de|dom',
    },
    {
      id: 'sv.sol.remedy',
      kind: 'solution',
      p: 'återbetalning*|ersättning*|kompensation|tekniker*|montör*|ersättningsvara|värdebevis|rabatt*|kreditering|avbetalningsplan|avbetalning',
    },
    // ownership
    {
      id: 'sv.own.personally',
      kind: 'ownership',
      p: 'personligen / jag .. själv / jag tar hand om / jag ser till / jag följer upp / jag återkommer / jag håller koll|ögonen / lämna det till mig / jag tar ansvar / jag heter / jag stannar kvar / hör av mig / jag|och ringer|mejlar|kontaktar dig|er / fixar|ordnar|löser|sköter jag det|detta / följer upp / det|detta|saken själv / jag personligen / jag stannar med dig / jag släpper det inte',
    },
    // thanks
    { id: 'sv.thx.thank', kind: 'thanks', p: 'tack*|uppskattar' },
    // personal
    {
      id: 'sv.per.warm',
      kind: 'personal',
      p: 'hoppas .. du|ni|att|det / ha en fin|trevlig|bra|skön|härlig .. dag|helg|kväll|resa|semester|vecka / ta hand om dig / lycka till / vad roligt|kul|skönt|glad att höra / roligt|kul|skönt att höra / grattis / allt gott / trevlig helg / fin dag / ha det [så] bra|gott|fint / vad fint|härligt att höra / fint|härligt att höra',
    },
    // Everyday support wording (general, not phrases from the corpus).
    {
      id: 'sv.sol.let-me',
      kind: 'solution',
      p: 'låt mig .. kolla|titta|se|fixa|ordna|boka|beställa|jaga|kontakta|ta|lägga / jag ska .. kolla|titta|se|fixa|ordna|boka|beställa|jaga|kontakta|ta|lägga',
    },
    {
      id: 'sv.sol.how-to',
      kind: 'solution',
      p: 'logga in .. och|på|i / gå till .. och|sedan|sen / klicka|tryck|välj .. sedan|sen|och / du behöver .. blankett|blanketten|fylla|logga|skicka|ansöka|använda / skicka tillbaka|in .. den|det|dem|med / så får du / betyder att|det / här är .. länken|blanketten|guiden',
    },
    {
      id: 'sv.rea.automatic',
      kind: 'reassure',
      p: 'som vanligt / inga extra .. avgifter|kostnader|avgift / ingen extra .. avgift|kostnad / du har fortfarande / hanteras|betalas|återbetalas|ersätts|gäller .. automatiskt|som vanligt / vi uppdaterar|håller .. dig|er|uppdaterad|uppdaterade / fram till dess / var .. minut|trettionde|timme',
    },
    {
      id: 'sv.ack.looked-forward',
      kind: 'acknowledge',
      p: 'såg|ser fram emot / vad tråkigt|synd|jobbigt|stressigt|irriterande / så tråkigt|synd|jobbigt / åh nej',
    },
    {
      id: 'sv.ack.inverted',
      kind: 'acknowledge',
      p: 'det förstår|begriper jag|vi / det kan jag|vi förstå / det skulle|hade jag också .. vara|bli|tycka|blivit / jag hör dig / fullt|helt begripligt|rimligt / usch / oj då / aj då / vad surt|förargligt|olyckligt',
    },
    {
      id: 'sv.own.take-over',
      kind: 'ownership',
      p: 'jag tar över / jag tar det här / jag tar ärendet|saken / tar .. ärendet|saken vidare / jag driver|bevakar .. ärendet|saken|det / jag ansvarar för / jag har ditt ärende / jag kollar upp',
    },
    {
      id: 'sv.rea.sorted',
      kind: 'reassure',
      p: 'det ska|kommer vi|jag .. lösa|ordna|fixa|reda / inget att oroa / behöver inte vara orolig* / helt i sin ordning / inget fel på / ingen risk / du förlorar inget|ingenting / pengarna är kvar / allt är som det ska / helt normalt / sköter|fixar|ordnar resten / tar hand om resten / inget mer du behöver göra / inget mer att göra',
    },
    {
      // Everyday validation: "det ser konstigt ut", "du är orolig för...", "så vill ingen börja semestern",
      // "så ska vi inte lämna någons hem", "en semester ni hade sett fram emot".
      id: 'sv.ack.everyday',
      kind: 'acknowledge',
      p: 'ser|verkar|låter [verkligen|helt|ju] konstigt|märkligt|underligt / du|ni är [förstås|så|väldigt] orolig|oroliga|arg|arga|irriterad|irriterade|besviken|besvikna|upprörd|upprörda|stressad|stressade / så vill ingen|man / så ska vi|det inte / sett|ser fram emot',
    },
    {
      id: 'sv.rea.calm',
      kind: 'reassure',
      p: 'kan vara [helt] lugn|trygg / gjorde|gjort [helt] rätt',
    },
    {
      id: 'sv.ack.natural',
      kind: 'acknowledge',
      p: 'så ska det .. inte vara / jag hör att / helt|fullt|väldigt naturligt / inte roligt|kul|lätt att / inte konstigt att / förstår din|er .. frustration|oro|besvikelse|irritation',
    },
    {
      id: 'sv.rea.with-you',
      kind: 'reassure',
      p: 'hela vägen / går att lösa|fixa|ordna / vi hjälper dig|er / vi finns här / det löser vi|jag',
    },
    {
      id: 'sv.own.follow',
      kind: 'ownership',
      p: 'jag följer .. ärendet|saken|det .. tills / jag släpper inte / tills det är löst',
    },
    {
      id: 'sv.sol.back',
      kind: 'solution',
      p: 'är|finns|kommer .. tillbaka på|till .. ditt|ert|kontot / inom .. bankdagar|arbetsdagar|dagar|timmar|veckor',
    },
  ],
  risks: [
    // blame
    {
      id: 'sv.blame.should-have',
      kind: 'blame',
      p: 'du borde|skulle ha / du hade kunnat|behövt .. undvika|läsa|kolla|kontrollera / borde|skulle du ha',
      rewrite: 'nästa gång kan det hjälpa att ha',
    },
    {
      id: 'sv.blame.you-did-not',
      kind: 'blame',
      p: 'du har|hade inte läst|fyllt|skickat|betalat|följt|kontrollerat|kollat|uppgett|meddelat / du glömde|missade',
      rewrite: 'det ser ut som att vi inte har fått',
    },
    {
      id: 'sv.blame.your-fault',
      kind: 'blame',
      p: 'ditt|ert eget .. fel|misstag|ansvar / ditt|ert fel|misstag|ansvar / på din|er sida / eget fel / felet ligger hos dig|er / du orsakade',
    },
    {
      id: 'sv.blame.clearly',
      kind: 'blame',
      p: 'om du hade läst / du har godkänt|godkände|accepterat|accepterade / om man|du inte följer|läser|kollar',
    },
    // dismissive
    {
      id: 'sv.dis.calm',
      kind: 'dismissive',
      p: 'lugna ner dig / lugna dig / ta det lugnt / ingen anledning att bli|vara .. arg|upprörd|sur / överreagerar / ingen stor sak',
      rewrite: 'jag förstår att det här är jobbigt, och',
    },
    {
      id: 'sv.dis.nothing',
      kind: 'dismissive',
      p: 'inget|ingenting .. vi|jag .. kan göra / det finns inget|ingenting [mer] .. vi|jag|att .. göra',
      rewrite: 'det här kan vi göra',
    },
    {
      id: 'sv.dis.not-ours',
      kind: 'dismissive',
      p: 'inte vårt|mitt .. problem|ansvar|bord|fel / inte min avdelning / du får|måste vända dig / du får|måste ringa|kontakta / har inget med oss att göra',
    },
    {
      id: 'sv.dis.policy',
      kind: 'dismissive',
      p: 'det är|är vår|våra .. policy|regler / regler är regler / så är det bara / det är som det är',
      rewrite: 'våra villkor fungerar så här, och det här kan jag erbjuda',
    },
    {
      id: 'sv.dis.just',
      kind: 'dismissive',
      p: 'uppenbarligen / i sinom tid / det står [tydligt] i .. villkoren|avtalet|avtalsvillkoren / som det tydligt står / starta bara om / bara starta om / det är inte så svårt / det är enkelt / det är inte svårt / uppenbarligen|självklart .. måste|ska|behöver .. du',
    },
    // passive-aggressive
    {
      id: 'sv.pa.as-said',
      kind: 'passive-aggressive',
      p: 'som jag [redan|tidigare] sa|skrev|nämnde|förklarade|påpekade / som jag har [redan|tidigare] sagt|skrivit|nämnt|förklarat|påpekat / som tidigare nämnts|meddelats|sagts|förklarats / som sagt / som redan nämnts|sagts|meddelats|förklarats|påpekats / jag har redan förklarat|sagt|skrivit',
      rewrite: 'för att sammanfatta:',
    },
    {
      id: 'sv.pa.repeat',
      kind: 'passive-aggressive',
      p: 'jag upprepar / för sista gången / en gång till / ännu en gång vill',
      rewrite: 'för tydlighetens skull:',
    },
    {
      id: 'sv.pa.respect',
      kind: 'passive-aggressive',
      p: 'tack för visad förståelse / med all respekt / du får gärna läsa',
    },
    {
      id: 'sv.pa.note',
      kind: 'passive-aggressive',
      p: 'observera [att] / vänligen notera|observera [att] / var vänlig notera|observera [att] / notera att',
      rewrite: 'bra att veta:',
    },
    // negative framing
    {
      id: 'sv.neg.unfortunately',
      kind: 'negative-framing',
      p: 'tyvärr|dessvärre|beklagligtvis .. inte|ej|ingen|inget|inga|ingenting|omöjligt',
      rewrite: 'det här kan jag göra i stället:',
    },
    {
      id: 'sv.neg.cannot',
      kind: 'negative-framing',
      p: 'kan|får vi|jag inte|ej / vi|jag kan|får|har inte|ej .. göra|ge|erbjuda|hjälpa|återbetala|ändra|ta|godkänna|lova|boka|garantera|skicka / går inte att / inte möjligt / omöjligt / inte tillåtet / inget vi erbjuder',
      rewrite: 'det här kan jag göra i stället:',
    },
    {
      id: 'sv.neg.must',
      kind: 'negative-framing',
      p: 'problemet är / du måste / ni måste / enda sättet',
    },
    // jargon
    {
      id: 'sv.jar.terms',
      kind: 'jargon',
      p: 'sla|l1|l2|l3|backend|provisionering|provisionerad|cpe|dns|kyc|aml|sku|pnr|ticket|tiketten|incident|incidenten|eskalerat|eskalering|eskaleras|ärendekö|kö-id|ärende-id|second|2nd|workflow|synk|api|avräkning*|autogiromedgivande|kontering|backoffice|tier|ont|portering*|nummerportering*|reskontra*|fakturaunderlag*|kreditprövning*|pep|wms|batch*|cache*|patch*|deploy*|rma / 1st|2nd|3rd line',
    },
    {
      id: 'sv.jar.accordance',
      kind: 'jargon',
      p: 'i enlighet med / med hänvisning till',
      rewrite: 'enligt',
    },
    {
      id: 'sv.jar.formal',
      kind: 'jargon',
      p: 'enligt gällande|våra .. villkor|avtalsvillkor / härmed / ovannämnda / avseende / tillhandahålla / vederbörande|handläggs',
    },
    {
      id: 'sv.dis.check-again',
      kind: 'dismissive',
      p: 'kolla|läs|titta på .. kontoutdraget|mejlet|mejlen|inkorgen|skräpposten|appen|manualen|guiden|villkoren .. igen / se|läs|kolla .. snabbstartsguiden|guiden|manualen|villkoren|instruktionerna|hemsidan|faq',
    },
    {
      id: 'sv.dis.final',
      kind: 'dismissive',
      p: 'fakturan|beloppet|beslutet|priset|avgiften är korrekt|slutgiltigt|rätt / går .. inte att ändra|ändras / enligt våra|vår|villkoren|policyn .. villkor|returvillkor|policy|sla',
    },
    {
      id: 'sv.blame.if-you',
      kind: 'blame',
      p: 'uppenbarligen|självklart .. om du / fungerar|funkar inte om du / om du hade|bara .. läst|följt|kollat|använt / det har stått|står .. i|på|tydligt',
    },
    {
      id: 'sv.dis.not-us',
      kind: 'dismissive',
      p: 'inget fel på vår sida / inte fel hos oss / felet ligger inte hos oss / vi har inte gjort något|några fel / det får du vänta / du får vänta / tar den tid det tar / många ärenden|fel i kö / hög belastning / mycket att göra just nu',
    },
  ],
  topics: [
    { p: 'faktura|fakturan|fakturor|fakturorna|räkning|räkningen|räkningar', issue: 'fakturan' },
    {
      p: 'dragning|dragningen|dragit|debitering|debiteringen|debiterat|betalning|betalningen|avgift|avgiften',
      issue: 'dragningen',
    },
    { p: 'återbetalning|återbetalningen|pengarna|pengar', issue: 'återbetalningen' },
    { p: 'leverans|leveransen|paket|paketet|försändelse*|frakt*', issue: 'leveransen' },
    { p: 'beställning|beställningen|order|ordern|köp|köpet', issue: 'beställningen' },
    { p: 'bredband*|internet|wifi|router*|uppkoppling*|fiber*|nät|nätet|täckning*', issue: 'uppkopplingen' },
    { p: 'mobil|mobilen|telefon|telefonen|sim|simkort*', issue: 'mobilen' },
    {
      p: 'flyg|flyget|flygresa*|resa|resan|bokning|bokningen|tåg|tåget|hotell*|bagage*|väska|väskan',
      issue: 'bokningen',
    },
    { p: 'kort|kortet|konto|kontot|lån|lånet|bolån*', issue: 'kontot' },
    { p: 'el|elen|elavtal*|elräkning*|mätare*|strömavbrott*|ström|värme*|fjärrvärme*|vatten*', issue: 'elen' },
    { p: 'inloggning*|app|appen|bankid|lösenord*|webbplats*|sidan|hemsidan', issue: 'inloggningen' },
    {
      p: 'ansökan|ansökningen|bygglov*|tillstånd*|bidrag*|ärende|ärendet|beslut*|pass|passet|körkort*',
      issue: 'ansökan',
    },
    { p: 'abonnemang*|avtal|avtalet|medlemskap*', issue: 'abonnemanget' },
  ],
  stopwords: `och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så kan
    man när år säger hon under också efter eller nu sin där vid mot ska skulle kommer ut få hade sedan finns
    vara bara blev hur mycket då mig dig min mitt mina din ditt dina er era ni oss vår vårt våra hej tack vad
    vilken vilket varför här denna detta dessa igen redan fortfarande någon något inga ingen inget alla allt
    än även sen kunde måste vill gör göra gjorde fick får blir bli varit hos utan över upp ner dag dagar
    vecka veckor gång gånger förstår ledsen tyvärr hjälp hjälpa kolla titta just därför eftersom alltså
    sina sitt dem deras honom henne hennes hans dock ju väl nog också idag imorgon två tre fyra fem sex sju
    åtta nio tio`
    .split(/\s+/)
    .filter(Boolean),
  secondPerson: ['du', 'dig', 'din', 'ditt', 'dina', 'ni', 'er', 'ert', 'era'],
  offers: [
    'ska|skall jag|vi / vill du|ni att jag|vi / vill du|ni .. att jag|vi / önskar du|ni att jag|vi',
    'vill du|ni ha|få .. en|ett|mig|oss / vore det bra|okej|ok om|att jag|vi / passar det om|att jag|vi',
    'är det okej|ok|bra om|att jag|vi / får|kan jag|vi .. skicka|boka|ordna|ringa|byta|flytta|beställa|säga|avsluta|makulera|återbetala|kreditera|lägga|kolla|titta|ändra|uppgradera',
  ],
  acronyms: ['bankid', 'swish', 'moms', 'rot', 'rut', 'csn', 'ocr', 'bg', 'pg', 'sj', 'sl', 'ica', 'pts', 'arn', 'kfm'],
  listening: [
    'jag ser|märker att / jag förstår|hör|fattar att|hur|varför / det låter|verkar / ser ut som / om jag förstått|förstår / du|ni .. alltså',
    'du|ni har|hade .. fått|behövt|väntat|ringt|skickat|betalat|försökt|sett|blivit|haft|varit|skrivit|mejlat|förlorat|beställt|bokat|anmält|förväntat|tagit|åkt',
    'du|ni fick|blev|väntade|betalade|ringde|skickade|försökte|beställde|bokade|förlorade|trodde|förväntade|tog|åkte|skrev|mejlade|anmälde|hade|var',
  ],
  paraphrase: ['så / med andra ord'],
  suffixes: [
    'arnas',
    'ernas',
    'ornas',
    'arna',
    'erna',
    'orna',
    'ande',
    'ende',
    'ade',
    'ad',
    'at',
    'en',
    'et',
    'na',
    'ar',
    'er',
    'or',
    'an',
    'a',
    'e',
  ],
  synonyms: [
    'paket|försändelse',
    'faktura|räkning|avi',
    'bredband|internet|uppkoppling|wifi',
    'tekniker|montör',
    'avgift|kostnad',
    'mobil|telefon|mobiltelefon',
    'trasig|sönder|defekt|skadad',
    'lägenhet|bostad',
    'mamma|mor',
    'pappa|far',
    'beställning|order',
    'pengar|belopp|summa',
    'orolig|rädd|nervös|stressad|ängslig',
    'display|skärm',
    'flyg|plan|flygplan',
    'dragning|debitering',
  ],
  greetings: ['hej', 'hejsan', 'hallå', 'tjena', 'bästa', 'kära', 'morgon'],
  closings: [
    'med vänliga|vänlig|bästa|varma hälsningar / vänliga|bästa|varma hälsningar / hälsningar / mvh / vänligen',
  ],
  readability: { index: 'lix', longSentenceWords: 25 },
  phrases,
};

export default sv;
