// Norwegian (bokmål) pack. Pattern syntax: ./types.ts. Written from how Norwegian customers and agents
// actually write (chat shorthand, "ikke greit", "tredje gang", "bytter leverandør"), not from en.ts.
import type { Phrase } from '../types';
import type { LanguagePack } from './types';

const phrases: Phrase[] = [
  // acknowledge
  {
    id: 'nb.ack.1',
    lang: 'nb',
    kind: 'acknowledge',
    text: 'Jeg skjønner godt at dette er frustrerende.',
    emotions: ['frustrated', 'disappointed'],
  },
  {
    id: 'nb.ack.2',
    lang: 'nb',
    kind: 'acknowledge',
    text: 'Jeg forstår at du er oppgitt[ over {issue}].',
    emotions: ['frustrated', 'disappointed'],
  },
  {
    id: 'nb.ack.3',
    lang: 'nb',
    kind: 'acknowledge',
    text: 'Sånn skal det ikke være.',
    emotions: ['frustrated', 'disappointed'],
    channels: ['chat'],
  },
  {
    id: 'nb.ack.4',
    lang: 'nb',
    kind: 'acknowledge',
    text: 'Jeg forstår at dette er bekymringsfullt.',
    emotions: ['worried'],
    channels: ['chat'],
  },
  {
    id: 'nb.ack.5',
    lang: 'nb',
    kind: 'acknowledge',
    text: 'Jeg kan tenke meg at dette er en tung situasjon, og det var riktig av deg å ta kontakt.',
    emotions: ['worried'],
    channels: ['email'],
  },
  {
    id: 'nb.ack.6',
    lang: 'nb',
    kind: 'acknowledge',
    text: 'Å måtte ta kontakt flere ganger om det samme er ikke greit.',
    emotions: ['frustrated'],
  },
  {
    id: 'nb.ack.7',
    lang: 'nb',
    kind: 'acknowledge',
    text: 'Det er helt forståelig at dette virker forvirrende.',
    emotions: ['confused'],
  },
  {
    id: 'nb.ack.8',
    lang: 'nb',
    kind: 'acknowledge',
    text: 'Uff, så kjedelig!',
    emotions: ['frustrated', 'disappointed'],
    channels: ['chat'],
  },
  {
    id: 'nb.ack.9',
    lang: 'nb',
    kind: 'acknowledge',
    text: 'Jeg skjønner at du hadde forventet mer av oss.',
    emotions: ['disappointed'],
  },
  // apology
  { id: 'nb.apo.1', lang: 'nb', kind: 'apology', text: 'Beklager dette[, {name}].', channels: ['chat'] },
  { id: 'nb.apo.2', lang: 'nb', kind: 'apology', text: 'Beklager bryderiet[ med {issue}].' },
  {
    id: 'nb.apo.3',
    lang: 'nb',
    kind: 'apology',
    text: 'Jeg beklager ulempene dette har påført deg.',
    channels: ['email'],
  },
  {
    id: 'nb.apo.4',
    lang: 'nb',
    kind: 'apology',
    text: 'Beklager at du har måttet ta kontakt igjen om dette.',
    emotions: ['frustrated', 'disappointed'],
  },
  {
    id: 'nb.apo.5',
    lang: 'nb',
    kind: 'apology',
    text: 'Beklager ventetiden, og takk for at du holdt ut.',
    channels: ['chat'],
  },
  {
    id: 'nb.apo.6',
    lang: 'nb',
    kind: 'apology',
    text: 'Her har vi gjort en feil, og det beklager jeg.',
    channels: ['email'],
    emotions: ['frustrated', 'disappointed'],
  },
  {
    id: 'nb.apo.7',
    lang: 'nb',
    kind: 'apology',
    text: 'Jeg er lei meg for at dette har skapt så mye uro.',
    emotions: ['worried'],
  },
  // restate
  {
    id: 'nb.res.1',
    lang: 'nb',
    kind: 'restate',
    text: 'Hvis jeg har forstått deg riktig, har du fortsatt problemer[ med {issue}].',
  },
  {
    id: 'nb.res.2',
    lang: 'nb',
    kind: 'restate',
    text: 'Så problemet[ med {issue}] er fortsatt ikke løst?',
    channels: ['chat'],
  },
  {
    id: 'nb.res.3',
    lang: 'nb',
    kind: 'restate',
    text: 'Slik jeg forstår det, har det ikke fungert slik det skulle[ med {issue}].',
    channels: ['email'],
  },
  {
    id: 'nb.res.4',
    lang: 'nb',
    kind: 'restate',
    text: 'La meg sjekke at jeg har forstått alt riktig før jeg ser på saken.',
  },
  {
    id: 'nb.res.5',
    lang: 'nb',
    kind: 'restate',
    text: 'Så du trenger å få dette ordnet raskt, skjønner jeg.',
    emotions: ['frustrated', 'worried'],
  },
  {
    id: 'nb.res.6',
    lang: 'nb',
    kind: 'restate',
    text: 'Hvis jeg leser deg riktig, hadde du forventet noe annet[ med {issue}].',
    emotions: ['confused', 'disappointed'],
  },
  // explore
  { id: 'nb.exp.1', lang: 'nb', kind: 'explore', text: 'Kan du fortelle litt mer om hva som skjedde?' },
  {
    id: 'nb.exp.2',
    lang: 'nb',
    kind: 'explore',
    text: 'Hva står det på skjermen når det stopper opp?',
    emotions: ['confused', 'frustrated'],
  },
  {
    id: 'nb.exp.3',
    lang: 'nb',
    kind: 'explore',
    text: 'Hvilken del er uklar, så jeg kan forklare det bedre?',
    emotions: ['confused'],
  },
  { id: 'nb.exp.4', lang: 'nb', kind: 'explore', text: 'Når merket du dette første gang?', channels: ['chat'] },
  {
    id: 'nb.exp.5',
    lang: 'nb',
    kind: 'explore',
    text: 'Kan du sende meg referansenummeret, så jeg kan se nøyaktig hva som har gått galt?',
    channels: ['email'],
  },
  {
    id: 'nb.exp.6',
    lang: 'nb',
    kind: 'explore',
    text: 'Hva ville vært den beste løsningen for deg?',
    emotions: ['disappointed', 'frustrated'],
  },
  {
    id: 'nb.exp.7',
    lang: 'nb',
    kind: 'explore',
    text: 'Er det noe annet ved dette som bekymrer deg?',
    emotions: ['worried'],
  },
  // reassure
  {
    id: 'nb.rea.1',
    lang: 'nb',
    kind: 'reassure',
    text: 'Dette skal vi få ordnet, ikke bekymre deg.',
    channels: ['chat'],
  },
  {
    id: 'nb.rea.2',
    lang: 'nb',
    kind: 'reassure',
    text: 'Du har kommet til rett sted, og jeg skal sørge for at dette blir løst.',
  },
  {
    id: 'nb.rea.3',
    lang: 'nb',
    kind: 'reassure',
    text: 'Pengene dine er trygge, og ingenting blir trukket mens vi ser på saken.',
    emotions: ['worried'],
  },
  {
    id: 'nb.rea.4',
    lang: 'nb',
    kind: 'reassure',
    text: 'Du trenger ikke å gjøre noe mer nå, jeg holder deg oppdatert.',
    emotions: ['worried', 'confused'],
  },
  {
    id: 'nb.rea.5',
    lang: 'nb',
    kind: 'reassure',
    text: 'Mange lurer på akkurat det samme, så du er ikke alene.',
    emotions: ['confused'],
  },
  {
    id: 'nb.rea.6',
    lang: 'nb',
    kind: 'reassure',
    text: 'Dukker det opp noe mer, er det bare å svare på denne e-posten, så kommer den rett til meg.',
    channels: ['email'],
  },
  {
    id: 'nb.rea.7',
    lang: 'nb',
    kind: 'reassure',
    text: 'Vi følger med, slik at dette ikke skjer igjen.',
    emotions: ['frustrated', 'disappointed'],
  },
  // solution
  { id: 'nb.sol.1', lang: 'nb', kind: 'solution', text: 'Dette gjør jeg nå:', channels: ['chat'] },
  {
    id: 'nb.sol.2',
    lang: 'nb',
    kind: 'solution',
    text: 'Det jeg kan gjøre med en gang, er å[ ordne {issue} og] sende deg en bekreftelse når det er gjort.',
  },
  {
    id: 'nb.sol.3',
    lang: 'nb',
    kind: 'solution',
    text: 'Jeg har ordnet dette for deg, og du skal se endringen innen et døgn.',
    channels: ['email'],
  },
  { id: 'nb.sol.4', lang: 'nb', kind: 'solution', text: 'Den raskeste løsningen er:', channels: ['chat'] },
  {
    id: 'nb.sol.5',
    lang: 'nb',
    kind: 'solution',
    text: 'Her er de neste stegene, og jeg bekrefter hvert av dem på e-post når de er gjort.',
    channels: ['email'],
  },
  {
    id: 'nb.sol.6',
    lang: 'nb',
    kind: 'solution',
    text: 'Jeg kan ordne en refusjon eller en erstatning, det du foretrekker.',
    emotions: ['disappointed', 'frustrated'],
  },
  {
    id: 'nb.sol.7',
    lang: 'nb',
    kind: 'solution',
    text: 'Jeg sender deg en lenke med en kort veiledning nå.',
    channels: ['chat'],
    emotions: ['confused', 'neutral'],
  },
  // ownership
  { id: 'nb.own.1', lang: 'nb', kind: 'ownership', text: 'Jeg tar meg av dette personlig.' },
  {
    id: 'nb.own.2',
    lang: 'nb',
    kind: 'ownership',
    text: 'Jeg følger opp saken selv og gir deg beskjed innen i morgen.',
    channels: ['email'],
  },
  {
    id: 'nb.own.3',
    lang: 'nb',
    kind: 'ownership',
    text: 'Overlat det til meg, så ordner jeg det.',
    channels: ['chat'],
  },
  {
    id: 'nb.own.4',
    lang: 'nb',
    kind: 'ownership',
    text: 'Du slipper å forklare alt på nytt: jeg beholder saken din til den er løst.',
    emotions: ['frustrated'],
  },
  { id: 'nb.own.5', lang: 'nb', kind: 'ownership', text: 'Jeg ser på det for deg nå.', channels: ['chat'] },
  {
    id: 'nb.own.6',
    lang: 'nb',
    kind: 'ownership',
    text: 'Jeg sørger for at riktig avdeling får saken i dag, og jeg følger den til den er i mål.',
    channels: ['email'],
  },
  {
    id: 'nb.own.7',
    lang: 'nb',
    kind: 'ownership',
    text: 'Jeg ringer deg så snart jeg vet mer.',
    emotions: ['worried', 'frustrated'],
  },
  // thanks
  { id: 'nb.thx.1', lang: 'nb', kind: 'thanks', text: 'Takk for tålmodigheten[, {name}].' },
  { id: 'nb.thx.2', lang: 'nb', kind: 'thanks', text: 'Takk for at du sa fra.' },
  {
    id: 'nb.thx.3',
    lang: 'nb',
    kind: 'thanks',
    text: 'Tusen takk for de hyggelige ordene, det satte jeg stor pris på!',
    emotions: ['positive'],
  },
  {
    id: 'nb.thx.4',
    lang: 'nb',
    kind: 'thanks',
    text: 'Takk for at du tok deg tid til å forklare så grundig.',
    channels: ['email'],
  },
  {
    id: 'nb.thx.5',
    lang: 'nb',
    kind: 'thanks',
    text: 'Takk for at du tar opp dette, det hjelper oss å bli bedre.',
    emotions: ['disappointed', 'neutral'],
  },
  {
    id: 'nb.thx.6',
    lang: 'nb',
    kind: 'thanks',
    text: 'Så fint at det ordnet seg, og takk for at du ga lyd!',
    emotions: ['positive'],
    channels: ['chat'],
  },
  {
    id: 'nb.thx.7',
    lang: 'nb',
    kind: 'thanks',
    text: 'Takk for at du ventet mens vi så på saken.',
    channels: ['email'],
  },
  // personal (greetings and sign-offs fill the email slots)
  { id: 'nb.per.1', lang: 'nb', kind: 'personal', text: 'Hei {name},', channels: ['email'], slot: 'greeting' },
  { id: 'nb.per.2', lang: 'nb', kind: 'personal', text: 'Hei {name}, takk for at du tar kontakt.', channels: ['chat'] },
  { id: 'nb.per.3', lang: 'nb', kind: 'personal', text: 'Kjære {name},', channels: ['email'], slot: 'greeting' },
  {
    id: 'nb.per.4',
    lang: 'nb',
    kind: 'personal',
    text: 'Så hyggelig at jeg kunne hjelpe[, {name}]. Ha en fin dag!',
    emotions: ['positive', 'neutral'],
  },
  { id: 'nb.per.5', lang: 'nb', kind: 'personal', text: 'Med vennlig hilsen', channels: ['email'], slot: 'closing' },
  {
    id: 'nb.per.6',
    lang: 'nb',
    kind: 'personal',
    text: 'Ta vare på deg selv[, {name}], og jeg håper ting roer seg snart.',
    emotions: ['worried'],
  },
  { id: 'nb.per.7', lang: 'nb', kind: 'personal', text: 'Vennlig hilsen', channels: ['email'], slot: 'closing' },
  {
    id: 'nb.per.8',
    lang: 'nb',
    kind: 'personal',
    text: 'Hyggelig å høre fra deg igjen[, {name}]!',
    emotions: ['positive'],
    channels: ['chat'],
  },
];

export const nb: LanguagePack = {
  lang: 'nb',
  // Customers and agents type without the language's letters too ("jeg er sa lei"): rules match both.
  foldDiacritics: true,
  emotions: [
    // frustrated
    {
      p: 'fungerer|virker ikke / ingenting virker|fungerer / virker|fungerer ingenting',
      emotion: 'frustrated',
      w: 0.8,
    },
    {
      p: 'fått nok / for dårlig / på trynet / frekt|frekkhet|tåpelig|drittservice|pinlig|sur|sure',
      emotion: 'frustrated',
      w: 1,
    },
    {
      p: 'frustrer*|irriter*|sint|sinna|forbanna|rasende|oppgitt|latterlig|uakseptab*|skandal*|håpløs*|ubrukelig|inkompetent*|hårreisende|provoser*|uhørt|useriøs*|tullete|idiotisk|sirkus|drittlei|dritlei',
      emotion: 'frustrated',
    },
    { p: 'lei av / grundig lei / så lei', emotion: 'frustrated', w: 1.3 },
    { p: 'elendig|dårlig|dårligere|katastrofe|kaos|rot|rotete|tull', emotion: 'frustrated', w: 0.7 },
    { p: 'ikke .. akseptab*|holdbar*|greit|ok / ikke .. godt|bra nok / ikke i orden', emotion: 'frustrated', w: 1.2 },
    {
      p: 'hva driver dere med / hvor vanskelig kan det være / hvorfor er det så vanskelig / hvordan er det mulig / hva skjer med dere',
      emotion: 'frustrated',
      w: 1.5,
    },
    {
      p: 'ingen svarer|hjelper|ringer|gidder|tar / ingen .. kan .. hjelpe|forklare|svare / uten at noen / ingen har svart',
      emotion: 'frustrated',
      w: 1.3,
    },
    { p: 'stått|står|ventet|venta i kø / i kø i', emotion: 'frustrated', w: 0.8 },
    { p: 'dager|uker|døgn|måneder uten', emotion: 'frustrated', w: 0.8 },
    { p: 'hvorfor har|skal|må dere / hvorfor i all verden', emotion: 'frustrated', w: 0.6 },
    { p: 'nå får dere / ordne opp / få orden på', emotion: 'frustrated', w: 0.8 },
    { p: 'henger|fast|løkka|faller|detter', emotion: 'frustrated', w: 0.4 },
    {
      p: 'uten .. varsel|forvarsel|beskjed|grunn|forklaring|begrunnelse / sånn har det vært / send|få noen .. med en gang|nå',
      emotion: 'frustrated',
      w: 1.2,
    },
    // disappointed
    { p: 'langt fra .. fornøyd|tilfreds|bra|greit|godt|imponert', emotion: 'disappointed', w: 1.3 },
    { p: 'misfornøyd|utilfreds|nedtur', emotion: 'disappointed', w: 1.2 },
    { p: 'skuff*', emotion: 'disappointed', w: 1.3 },
    { p: 'synd|leit|trist|dessverre|beklagelig|ergerlig|kjedelig', emotion: 'disappointed' },
    {
      p: 'hadde forventet / forventet mer|bedre / hadde håpet / trodde dere|at / ikke som .. avtalt|lovet|forventet|beskrevet / ikke akkurat det / helt annerledes / år som kunde / lojal kunde / lei meg for å si',
      emotion: 'disappointed',
      w: 1.2,
    },
    { p: 'gledet oss|meg', emotion: 'disappointed' },
    {
      p: 'slitt|ødelagt|lekke|lakk|lekker|skitten|skittent|kald|kaldt|feil|forsinket|kansellert|avslag|nedlagt|lagt',
      emotion: 'disappointed',
      w: 0.5,
    },
    // worried
    { p: 'mister|miste .. leiligheten|huset|boligen|jobben|hjemmet', emotion: 'worried', w: 1.2 },
    { p: 'vet ikke hva|hvordan jeg|vi .. gjøre|skal / desperat|hjelpeløs|fortvila', emotion: 'worried', w: 1.2 },
    {
      p: 'bekymr*|redd|engstelig|urolig|nervøs|panikk|stresset|fortvilet|gruer|gruet|livredd|skremt',
      emotion: 'worried',
    },
    { p: 'ute av meg / får ikke sove / ikke sove / klarer ikke', emotion: 'worried', w: 1.3 },
    {
      p: 'svindel|svindlet|hacket|stjålet|ukjent|mistenkelig|tilbakekalt / kjenner ikke igjen / ikke kjenner igjen / brukt kortet',
      emotion: 'worried',
      w: 1.2,
    },
    { p: 'hjelp', emotion: 'worried', w: 0.6 },
    {
      p: 'er det trygt|sikkert / er dette svindel / rekker jeg / kommer den / hva skjer med / hva kan jeg gjøre / hvem kan jeg',
      emotion: 'worried',
      w: 0.8,
    },
    { p: 'hva gjør jeg|vi', emotion: 'worried', w: 0.5 },
    {
      p: 'lukter brent / brent|røyk|ryker|brann|gasslukt|kortslutning',
      emotion: 'worried',
      w: 1.2,
    },
    { p: 'stengt|stenges|stenge|purring|inkasso*', emotion: 'worried', w: 0.9 },
    { p: 'jeg har [jo|allerede] betalt', emotion: 'frustrated', w: 0.8 },
    { p: 'ikke oppdatert / i tide', emotion: 'worried', w: 0.5 },
    // confused
    {
      p: 'skjønner|forstår ingenting|null / blir ikke klok / usikker på / hva mener dere',
      emotion: 'confused',
      w: 1.2,
    },
    { p: 'skjønner|forstår|fatter|begriper .. ikke', emotion: 'confused', w: 1.3 },
    { p: 'forvirr*|uklar*|hæ|merkelig|rart', emotion: 'confused', w: 1.2 },
    {
      p: 'hva betyr / hva er forskjellen / forskjellen på / hva er egentlig',
      emotion: 'confused',
      w: 1.2,
    },
    {
      p: 'forskjellige ting / noe annet / én ting / to brev / hvilket|hvilken|hvilke .. dem|skjema|skal|gjelder',
      emotion: 'confused',
      w: 1,
    },
    {
      p: 'hvor finner|får .. jeg / kan jeg bruke',
      emotion: 'confused',
      w: 0.7,
    },
    { p: 'hvordan .. jeg|man', emotion: 'confused', w: 0.5 },
    {
      p: 'hvorfor spør|ber / spør etter .. kode|koden / hva er min',
      emotion: 'confused',
      w: 0.9,
    },
    {
      p: 'må jeg / eller bare',
      emotion: 'confused',
      w: 0.5,
    },
    { p: 'finner|finne .. ikke / skjønner ikke helt', emotion: 'confused', w: 0.8 },
    // positive
    { p: 'gull|gullverdt|superfornøyd|kjempefornøyd|anbefaler|anbefale|toppen', emotion: 'positive', w: 1 },
    { p: 'takk|takker|takknemlig*', emotion: 'positive' },
    { p: 'akkurat det jeg|vi / i orden', emotion: 'positive', w: 0.5 },
    {
      p: 'fornøyd|tilfreds|glad|strålende|fantastisk|flott|supert|super|fint|bra|hyggelig|hjelpsom|tålmodig|effektiv|rask|raskt|imponert|best|topp|kjempefornøyd|kjempebra|utmerket|ryddig|greit|akseptab*|holdbar*|rettferdig|fortere',
      emotion: 'positive',
      w: 0.8,
    },
    {
      p: 'satte|setter .. pris på / godt jobba|jobbet / bra jobba|jobbet / uten noe mas / ikke dårlig|verst',
      emotion: 'positive',
      w: 1.5,
    },
  ],
  cues: [
    {
      id: 'nb.cue.repeat.nth-time',
      kind: 'repeat-contact',
      p: 'andre|tredje|fjerde|femte|sjette|sjuende|syvende|åttende|ørtende|te gang|gangen',
      emotion: 'frustrated',
      w: 1.5,
    },
    {
      id: 'nb.cue.repeat.times',
      kind: 'repeat-contact',
      p: 'to|tre|fire|fem|seks|sju|syv|åtte|ti|flere|mange|utallige|2|3|4|5|6|7|8|10 ganger|henvendelser|telefoner|samtaler|eposter|mailer',
      emotion: 'frustrated',
    },
    {
      id: 'nb.cue.repeat.still',
      kind: 'repeat-contact',
      p: 'fortsatt|fremdeles|ennå .. ikke|ingen|ingenting|uten|feil',
      emotion: 'frustrated',
      w: 1.2,
    },
    {
      id: 'nb.cue.repeat.already',
      kind: 'repeat-contact',
      p: 'allerede .. ringt|skrevet|sendt|sagt|forklart|kontaktet|meldt|klaget|purret|snakket',
      emotion: 'frustrated',
      w: 1.2,
    },
    {
      id: 'nb.cue.repeat.again',
      kind: 'repeat-contact',
      p: 'nok|enda|atter en gang / hver gang / gang på gang / feil|nede|sperret|stoppet|fast|forsinket|kansellert .. igjen / skjedd igjen / samme feil|problem|problemet / snakket med .. tre|fire|flere|mange|forskjellige / skrev|skrevet til dere for / har det vært|vart / det har vart',
      emotion: 'frustrated',
    },
    {
      id: 'nb.cue.churn.switch',
      kind: 'churn-threat',
      p: 'bytter|bytte|byttet .. leverandør|operatør|bank|selskap|strømleverandør|mobilselskap|strømselskap',
      emotion: 'frustrated',
      w: 1.5,
    },
    {
      id: 'nb.cue.churn.cancel',
      kind: 'churn-threat',
      p: 'sier|si .. opp .. abonnement*|avtale*|kontrakt*|kundeforhold*|medlemskap*|bredbånd*|alt|alle / går|gå .. over til .. annen|annet|konkurrent* / flytte|flytter .. alt|kontoen|kontoene|lånet / annen|ny bank|leverandør|operatør|strømleverandør|mobiloperatør / ser meg om etter',
      emotion: 'frustrated',
      w: 1.5,
    },
    {
      id: 'nb.cue.churn.never-again',
      kind: 'churn-threat',
      p: 'aldri mer / aldri .. igjen / siste gang jeg / handler aldri / mistet en kunde / mistet meg som kunde',
      emotion: 'frustrated',
      w: 1.5,
    },
    {
      id: 'nb.cue.churn.complaint',
      kind: 'churn-threat',
      p: 'forbrukerrådet|forbrukertilsynet|advokat|finansklagenemnda|klagenemnd*|trustpilot|pressen|vg|dagbladet|nrk',
      emotion: 'frustrated',
      w: 1.2,
    },
    {
      id: 'nb.cue.vuln.illness',
      kind: 'vulnerability',
      p: 'sykehus*|syk|sykmeld*|sykemeld*|sykepeng*|kreft|cellegift|operert|operasjon|dement|demens|ufør*|funksjonshemm*|rullestol|gravid|kronisk|trygghetsalarm*|hjemmesykepleie|rusavhengig|psykisk|uføretrygd*|pleietrengende|døende|blind|døv|rullator|sykehjem*|omsorgsbolig*',
      emotion: 'worried',
      w: 1.2,
    },
    {
      id: 'nb.cue.vuln.bereavement',
      kind: 'vulnerability',
      p: 'gikk bort / døde|død|dødsfall|begravelse*|enke|enkemann|dødsbo*|avdød*|sorg',
      emotion: 'worried',
      w: 1.2,
    },
    {
      id: 'nb.cue.vuln.money',
      kind: 'vulnerability',
      p: 'ikke .. råd / mistet jobben / arbeidsledig|permittert|sosialhjelp|gjeldsproblem*|betalingsproblem*|namsmann* / ligger etter / uten inntekt',
      emotion: 'worried',
      w: 1.2,
    },
    {
      id: 'nb.cue.vuln.alone',
      kind: 'vulnerability',
      p: 'alene med / alenemor|alenefar|alenemamma / mamma|mor|pappa|far|bestemor|bestefar .. er .. 7*|8*|9*',
      emotion: 'worried',
      w: 0.8,
    },
    {
      id: 'nb.cue.urgency.now',
      kind: 'urgency',
      p: 'haster|hastesak|snarest|umiddelbart|øyeblikkelig|akutt|asap / med en gang / så fort som mulig / så raskt som mulig / må|trenger|sende|komme|få .. i dag|kveld / i morgen tidlig / innen i dag|kveld|morgen / bursdag|fødselsdag på / før|innen .. helgen|helga|fredag|mandag|jul|påske|fristen',
      emotion: 'worried',
      w: 0.4,
    },
    { id: 'nb.cue.thanks', kind: 'thanks', p: 'takk|takker|takknemlig*', emotion: 'positive', w: 0.3 },
    {
      id: 'nb.cue.fault.charged',
      kind: 'service-failure',
      p: 'trukket|belastet|fakturert .. to ganger|dobbelt|feil / feil igjen / dobbelt opp',
    },
    {
      id: 'nb.cue.fault.never',
      kind: 'service-failure',
      p: 'aldri .. kom|kommet|fått|levert / ikke .. kommet|levert|fått|mottatt',
    },
    {
      id: 'nb.cue.fault.wrong',
      kind: 'service-failure',
      p: 'skadet|ødelagt|mangler|kansellert|forsinket|forsinkelse|strømbrudd|nede|sperret|feil',
    },
  ],
  sarcasm: [
    'flott|supert|fantastisk|herlig|strålende|kjempebra|perfekt|topp|knallbra enda|igjen|atter',
    'supert|flott|herlig|fantastisk|strålende|deilig at .. tydeligvis|visst|igjen|enda|aldri|fortsatt',
    'kjempebra|supert|flott|fantastisk|perfekt|herlig|topp .. virker|fungerer .. ikke|ingenting',
    'takk for ingenting|null|ingen|absolutt / tusen takk for ingenting',
    'akkurat det jeg trengte / akkurat det jeg ville / for en overraskelse / så typisk / typisk dere / hvem skulle trodd',
    'godt|bra jobba|jobbet .. igjen|dere / imponerende .. igjen / virkelig|veldig imponerende',
    'fantastisk|flott|strålende|super|supert|glimrende service|kundeservice|jobba .. uten|uker|dager|timer|måneder',
  ],
  // Only words that negate what follows; "ingen"/"uten" mostly quantify nouns ("ingen vegetarmat").
  negators: ['ikke', 'ikkje', 'aldri', 'verken', 'hverken', 'neppe', 'knapt'],
  intensifiers: [
    'veldig',
    'svært',
    'helt',
    'fullstendig',
    'totalt',
    'utrolig',
    'ekstremt',
    'kjempe*',
    'altfor',
    'virkelig',
    'skikkelig',
    'jævlig',
    'sykt',
    'så',
    'særlig',
    'fryktelig',
    'grundig',
    'seriøst',
    'absolutt',
    'himla',
    'dritt*',
  ],
  compoundIntensifiers: ['kjempe', 'drit', 'super', 'mega', 'sinnsykt'],
  behaviors: [
    // acknowledge
    {
      id: 'nb.ack.understand',
      kind: 'acknowledge',
      p: 'forstår|skjønner|forståelig|forståelse / kan tenke meg / kan forestille meg / kan ikke [engang] forestille|tenke meg',
    },
    {
      id: 'nb.ack.sounds',
      kind: 'acknowledge',
      p: 'høres|lyder .. frustrerende|slitsomt|irriterende|kjedelig|vanskelig|stressende|tøft|fortvilende|ut',
    },
    {
      id: 'nb.ack.feeling',
      kind: 'acknowledge',
      p: 'så|er|var|helt .. kjedelig|leit|dumt|irriterende|stressende|synd|kjipt|frustrerende|trasig|ergerlig|tøft|merkelig|rart|krevende|tungvint|bekymringsfullt|vanskelig|sårt / uff|æsj|huff / leit å høre / leit at / lei meg for tapet / vanskelig å forstå|skjønne / forvirrende',
    },
    {
      id: 'nb.ack.right',
      kind: 'acknowledge',
      p: 'du har helt rett / du har rett i|og / det er jeg enig i / enig med deg / skal ikke være sånn|slik / ikke slik|sånn vi / ikke noe artig|gøy / ikke så lett|enkelt / ikke greit / to ganger er / ikke det vi|jeg / fortjener du ikke / au|auda',
    },
    // apology
    { id: 'nb.ack.not-right', kind: 'acknowledge', p: 'sånn|slik skal det ikke' },
    { id: 'nb.apo.sorry', kind: 'apology', p: 'beklager|beklage|beklagelse|beklageligvis|unnskyld|unnskyld*' },
    { id: 'nb.apo.lei-meg', kind: 'apology', p: 'det er jeg [så|veldig] lei meg for / lei meg for at|det|ventetiden' },
    {
      id: 'nb.apo.our-fault',
      kind: 'apology',
      p: 'vår|min feil / vi tok feil / feilen ligger hos oss / har gjort en feil',
    },
    // restate
    {
      id: 'nb.res.understood',
      kind: 'restate',
      p: 'hvis jeg har forstått|skjønt / slik jeg forstår / bare så jeg / om jeg forstår deg',
    },
    {
      id: 'nb.res.you-write',
      kind: 'restate',
      p: 'du skriver|nevner|forteller|sier at / du spurte om / jeg ser at / jeg ser .. at|fra .. du|din|ditt|dine / jeg ser gebyret|trekket|fakturaen|pakken|kofferten',
    },
    // explore
    {
      id: 'nb.res.so-you',
      kind: 'restate',
      p: 'så du trenger / så problemet|saken / hvis jeg leser / har forstått .. riktig',
    },
    {
      id: 'nb.exp.could-you',
      kind: 'explore',
      p: 'kan|kunne|vil .. du .. fortelle|sende|bekrefte|beskrive|forklare|si|sjekke / fortell meg / har du .. prøvd|sjekket|avkalket|skrevet|tastet|sett|restartet',
    },
    {
      id: 'nb.exp.which',
      kind: 'explore',
      p: 'hvilken|hvilket|hvilke|hva|når|hvor .. adresse|nummer|dato|konto|gjelder|skjedde|bookingreferansen|serienummeret|var|hjemreisen / kan det hende|være',
    },
    // reassure
    {
      id: 'nb.rea.dont-worry',
      kind: 'reassure',
      p: 'ikke bekymre / ikke .. å bekymre / ingen fare / ingen grunn til / ikke .. alene / i gode hender / rett sted / ingen kan bruke / du trenger ikke',
    },
    { id: 'nb.rea.safe', kind: 'reassure', p: 'trygge|trygt|trygg|sikre|sikret' },
    {
      id: 'nb.rea.well-sort',
      kind: 'reassure',
      p: 'skal vi .. ordnet|løst|fikset / skal .. være .. tilbake|ordnet|løst|oppe / finner .. en løsning / finnes .. løsninger|løsning / løser dette / skal få .. svar|ordnet|pengene / du skal få / slipper du å / ikke blir|skjer .. igjen / trenger aldri / rekker .. bursdagen|fram|det',
    },
    {
      id: 'nb.rea.contact',
      kind: 'reassure',
      p: 'bare å si|svare|ta .. fra|kontakt / si gjerne fra / ta gjerne kontakt / holder deg oppdatert|orientert / gir deg beskjed',
    },
    // solution
    { id: 'nb.rea.reply', kind: 'reassure', p: 'bare å svare / rett til meg / det ordner seg / det skal nok gå|ordne' },
    {
      id: 'nb.sol.done',
      kind: 'solution',
      p: 'har .. kreditert|refundert|tilbakeført|booket|ombooket|sperret|åpnet|sendt|bestilt|endret|oppdatert|aktivert|reaktivert|stoppet|fjernet|forlenget|prioritert|satt|ordnet|fikset|løst|korrigert|rettet|frigitt|gjenåpnet|erstattet|funnet|laget|tatt|snakket|tildelt / er nå|allerede .. kreditert|refundert|tilbakeført|booket|sperret|åpnet|sendt|bestilt|endret|oppdatert|aktivert|stoppet|fjernet|ordnet|fikset|løst|rettet|frigitt|tildelt',
    },
    {
      id: 'nb.sol.will',
      kind: 'solution',
      p: 'jeg|vi sender|bestiller|ordner|fikser|krediterer|refunderer|booker|flytter|kjører|gir|tilbyr|sperrer|åpner|retter|bytter|anbefaler / jeg|vi kan|skal [nå|gjerne|også|fint] sende|bestille|ordne|fikse|kreditere|refundere|booke|flytte|gi|tilby|sperre|åpne|rette|bytte|ringe / kan|skal jeg .. sende|bestille|ordne|kreditere|refundere|booke|flytte|gi|bytte / sender|bestiller|ordner|flytter|krediterer|booker|refunderer jeg / du kan .. returnere|søke|levere|bruke|sjekke|logge|finne|booke|endre|rette|hente|få|ringe|beholde / du får .. tilbake|ny|nytt|pengene|refusjon|kompensasjon|billett|svar|vedtak / finner|endrer|bestiller|leverer|sender du / kan du gjøre|ordne|bestille / husk å / ordner|sender|fikser|refunderer|krediterer vi / ligger .. under',
    },
    {
      id: 'nb.sol.remedy',
      kind: 'solution',
      p: 'refusjon|kompensasjon|gavekort|reisegavekort|tekniker|teknikeren|montør|montørene|rørlegger|elektriker|nedbetalingsplan|betalingsutsettelse|utsettelse|kreditnota|erstatning|returlapp|returlappen|veiledning|innsigelse|reklamasjon|nødpass|leveres|krediterer|refunderer|tilbakefører / her er lenken|skjemaet / slå av / registrer|ring / send inn|den / gå inn',
    },
    // ownership
    {
      id: 'nb.sol.next',
      kind: 'solution',
      p: 'dette gjør jeg / det jeg kan gjøre / raskeste|enkleste|beste løsningen / neste stegene|steg|trinn',
    },
    {
      id: 'nb.own.personally',
      kind: 'ownership',
      p: 'personlig / følger|følge .. opp|med|saken / tar|ta .. saken|over|ansvar / sørger for / sørge for / jeg ringer|kontakter|sjekker|tar|skal / jeg ser på / ringer deg / sjekker|svarer|ringer .. selv / meg direkte / gjøre mitt beste / la meg / sender .. videre / meldt .. videre',
    },
    // thanks
    { id: 'nb.own.leave-it', kind: 'ownership', p: 'overlat det .. til meg / beholder saken' },
    { id: 'nb.thx.thank', kind: 'thanks', p: 'takk|takker|takknemlig*' },
    // personal: a warm touch (the engine adds greeting + name)
    {
      id: 'nb.per.warm',
      kind: 'personal',
      p: 'ha en fin|god|flott .. dag|helg|kveld|tur|ferie / god bedring|tur|helg / håper du|dere / ta vare på deg / godt|hyggelig|kjekt å høre / lykke til / varme hilsener',
    },
  ],
  risks: [
    // Rewrites replace exactly the matched words, so only rules whose match can be swapped in place carry
    // one; a rule with a rewrite is listed before an overlapping rule without (the first equal span wins).
    // blame
    {
      id: 'nb.blame.misunderstood',
      kind: 'blame',
      p: 'du må ha misforstått [noe|det|meg]',
      rewrite: 'her har det nok blitt en misforståelse',
    },
    {
      id: 'nb.blame.not-sent',
      kind: 'blame',
      p: 'du har ikke|aldri levert|sendt [inn]',
      rewrite: 'vi ser ikke at vi har fått',
    },
    {
      id: 'nb.blame.you-didnt',
      kind: 'blame',
      p: 'du må ha .. tastet|lest / du har .. glemt|misforstått|tastet / du skulle|burde [ha] .. lest|sendt|sjekket|fulgt|gjort / du har ikke|aldri .. levert|sendt|registrert|oppdatert|lest|fulgt|betalt|gjort|fylt / vi har ikke .. registrert|mottatt .. fra deg / forsinker saken',
    },
    {
      id: 'nb.blame.your-fault',
      kind: 'blame',
      p: 'feilen ligger hos deg / din feil / ditt [eget] ansvar / kundens ansvar / skyldes .. feil bruk / feil bruk',
    },
    {
      id: 'nb.blame.terms',
      kind: 'blame',
      p: 'det|dette står .. vilkårene|avtalen|produktsiden|kontrakten|vilkår / står tydelig / du signerte|godtok',
    },
    // dismissive
    {
      id: 'nb.dis.calm',
      kind: 'dismissive',
      p: 'slapp av / ta det med ro / ta det [nå] rolig / ikke så farlig',
      rewrite: 'jeg forstår at dette er ubehagelig',
    },
    {
      id: 'nb.dis.not-ours',
      kind: 'dismissive',
      p: 'det er ikke vårt .. problem|ansvar|bord',
      rewrite: 'la meg sette deg i kontakt med dem som kan hjelpe',
    },
    { id: 'nb.dis.just-wait', kind: 'dismissive', p: 'det er bare å vente', rewrite: 'jeg følger med på den for deg' },
    {
      id: 'nb.dis.nothing',
      kind: 'dismissive',
      p: 'ikke noe vi|jeg kan gjøre / ingenting vi|jeg kan gjøre / bare å vente / det står deg fritt / forsinkelser skjer / sånn er det / sånn er rutinene / ikke noe som heter / skjer automatisk / har sikkert fått / regne med ventetid / uansett situasjon / er korrekt / ikke en feil hos oss / ok . send|se|les|ring / ingen grunn til å være / vennligst vent',
    },
    {
      id: 'nb.dis.elsewhere',
      kind: 'dismissive',
      p: 'ikke vårt .. problem|ansvar|bord / det må du ta|ordne .. med / du må ta det med / du må lese / se prislisten / viser til vår|våre / mye pågang / mange henvendelser / så snart som mulig',
    },
    // passive-aggressive
    {
      id: 'nb.pa.as-said',
      kind: 'passive-aggressive',
      p: 'som jeg [allerede|tidligere] har [allerede|tidligere] skrevet|sagt|nevnt|forklart|opplyst [tidligere|før] / som nevnt [i|på] [forrige|tidligere|vår|våre] [svar|epost|e|melding|nettsiden|hjemmesiden] [post] / som tidligere nevnt|opplyst / som sagt / som det står .. nettsiden|hjemmesiden|nyhetsbrevet [vårt|vår]',
      rewrite: 'kort oppsummert',
    },
    {
      id: 'nb.pa.as-stated',
      kind: 'passive-aggressive',
      p: 'som det står / står på nettsiden|hjemmesiden / i nyhetsbrevet / burde være .. tydelig|klart|åpenbart / jeg gjentar',
    },
    { id: 'nb.pa.kindly-check', kind: 'passive-aggressive', p: 'vennligst sjekk', rewrite: 'kan du sjekke' },
    {
      id: 'nb.pa.kindly',
      kind: 'passive-aggressive',
      p: 'vennligst .. les|sjekk|merk|ikke / før du kontakter oss igjen / ikke send flere',
    },
    // negative framing: no in-place rewrite (the fix is to lead with what can be done: see the solution phrases)
    {
      id: 'nb.neg.unfortunately',
      kind: 'negative-framing',
      p: 'dessverre .. ikke|kan|kun|bare / kan|kunne .. dessverre',
    },
    {
      id: 'nb.neg.cannot',
      kind: 'negative-framing',
      p: 'kan ikke .. garantere|tilby|gi|hjelpe|stoppe|vurdere / vi kan ikke / kan vi ikke / ikke mulig / ikke mulighet|anledning / går ikke / ikke garantert|tilgjengelig / gjelder kun|bare / utbetales|behandles|refunderes|dekkes ikke',
    },
    // jargon
    { id: 'nb.jar.as-per', kind: 'jargon', p: 'i henhold til', rewrite: 'etter' },
    {
      id: 'nb.jar.terms',
      kind: 'jargon',
      p: 'sla|aml|kyc|pir|worldtracer|mcc|roamet|eskalert|ticket|tiketten|saksid|backoffice|provisjonering|cpe|dns|rme|iht|jf|jfr|hvitvaskingsloven|folketrygdloven|forskriften|kap / back office / sak id / 2nd line / elektrisk energi / nve forskriften / viser til / undertegnede / herved',
    },
  ],
  topics: [
    { p: 'regning|regningen|faktura|fakturaen|fakturaer|strømregningen|januarfakturaen', issue: 'fakturaen din' },
    { p: 'gebyr|gebyret|trekk|trukket|belastet|betaling|betalingen', issue: 'trekket på kontoen din' },
    { p: 'refusjon|refusjonen|pengene', issue: 'pengene dine' },
    { p: 'pakke|pakken|pakka|levering|leveringen|sporingen|sendingen', issue: 'pakken din' },
    { p: 'bestilling|bestillingen|ordre|ordren|vare|varen', issue: 'bestillingen din' },
    {
      p: 'internett|internettet|bredbånd|bredbåndet|ruter|ruteren|nett|nettet|linja|dekning|dekningen|wifi',
      issue: 'internettforbindelsen din',
    },
    { p: 'mobil|mobilen|telefon|telefonen|abonnement|abonnementet|simkort', issue: 'mobilabonnementet ditt' },
    {
      p: 'fly|flyet|tog|toget|reise|reisen|booking|bookingen|hotell|hotellrommet|bagasje|bagasjen|kofferten|setet',
      issue: 'reisen din',
    },
    { p: 'kort|kortet|konto|kontoen|nettbanken|bankid|lån|lånet|lønna|lønnen', issue: 'kontoen din' },
    { p: 'strøm|strømmen|måler|målerstand|vann|varmtvann|varmepumpa|strømbrudd', issue: 'strømavtalen din' },
    { p: 'søknad|søknaden|vedtak|byggesøknad|skatteoppgjøret|sykepengene|dagpenger|skjema', issue: 'søknaden din' },
  ],
  stopwords: `og i jeg det at en et den til er som på de med han av ikke der så var meg seg men ett har om vi min mitt
    ha hadde hun nå over da ved fra du ut sin dem oss opp man kan hans hvor eller hva skal selv sjøl her alle vil
    bli ble blitt kunne inn når være kom noen noe ville dere deres kun ja etter ned skulle denne for deg si sine
    sitt mot å meget hvorfor dette disse uten hvordan ingen din ditt dine blir samme hvilken hvilke sånn inni
    mellom vår våre hvem vors hvis både bare enn fordi før mange også slik vært båe begge siden dykk dykkar
    dei deira deires deim di eg ein eit eitt elles honom hjå ho hoe henne hennar hennes hoss hossen ikkje
    ingi inkje korleis korso kva kvar kvarhelst kven kvi kvifor me medan mi mine mykje no nokon noka nokor noko
    nokre si sia sidan so somt somme um upp vere vore verte vort varte vart takk hei hallo beklager fortsatt
    igjen allerede veldig helt dag dager uke uker gang ganger mye mer litt får fikk fått gjøre gjort
    trenger trengte koster kommer kom betaler betalt bruker brukte går gikk står sto ligger finner fant sender sendt sende skrive skrev sjekke måtte ønsker ville hjelp hjelpe hjelpen gjerne egentlig akkurat alltid ganske mulig nok nye ny nytt gammel gamle første siste andre annen annet neste hver hele del ting tid kunde kundeservice bra fint greit ok måned måneden`
    .split(/\s+/)
    .filter(Boolean),
  secondPerson: ['du', 'deg', 'din', 'ditt', 'dine', 'dere', 'deres', 'dykk', 'dykkar'],
  offers: [
    'skal jeg|vi / vil du|dere at jeg|vi / vil du|dere .. at jeg|vi / ønsker du|dere at jeg|vi',
    'vil du|dere ha|få .. en|et|meg|oss / passer det at|om jeg|vi / er det greit|ok|okei at|om jeg|vi',
    'kan|får jeg|vi .. sende|booke|ordne|ringe|bytte|flytte|bestille|si|avslutte|refundere|kreditere|legge|sjekke|se|endre|oppgradere',
  ],
  acronyms: ['bankid', 'vipps', 'mva', 'kid', 'nav', 'bsu', 'nsb', 'vy'],
  listening: [
    'jeg ser|merker at / jeg forstår|skjønner|hører at|hvordan|hvorfor / det høres|virker / ser ut som / så du|dere|din|ditt|dine|deres / hvis jeg har forstått|forstår',
    'du|dere har|hadde .. fått|måttet|ventet|ringt|sendt|betalt|prøvd|sett|blitt|hatt|vært|skrevet|mistet|bestilt|booket|meldt|forventet|tatt|reist',
    'du|dere fikk|ble|ventet|betalte|ringte|sendte|prøvde|bestilte|booket|mistet|trodde|forventet|tok|reiste|skrev|meldte|hadde|var',
  ],
  greetings: ['hei', 'hallo', 'heisann', 'kjære', 'morn', 'morna'],
  closings: [
    'med vennlig hilsen / vennlig hilsen / vennlige hilsener / beste hilsen / mvh / hilsen / varme hilsener / ha en fin|god dag|helg|kveld',
  ],
  readability: { index: 'lix', longSentenceWords: 25 },
  phrases,
};

export default nb;
