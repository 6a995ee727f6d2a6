// npm run eval:empathy — scores the empathy engine on the labelled corpus (tests/fixtures/empathy/<lang>/),
// for the tune and the test split: precision/recall/F1 per label and language, language-detection accuracy,
// and the emotion confusion matrix.
//   --split=test|tune   only one split
//   --misses            also list the tune split's misses (never the test split's: rules must not be fitted to it)
import { loadAllLanguagePacks } from '../lib/empathy';
import { EMOTIONS } from '../lib/empathy/types';
import {
  corpusLanguages,
  type DraftItem,
  evalDetection,
  evalDrafts,
  evalMessages,
  type LabelScore,
  type MessageItem,
  readCorpus,
  type Split,
} from '../tests/unit/empathy/corpus';

const args = process.argv.slice(2);
const onlySplit = args.find((a) => a.startsWith('--split='))?.slice(8) as Split | undefined;
const showMisses = args.includes('--misses');
const splits: Split[] = onlySplit ? [onlySplit] : ['tune', 'test'];

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
const f2 = (x: number) => x.toFixed(2);

function table(title: string, rows: LabelScore[]): void {
  console.log(`  ${title.padEnd(20)}   P      R      F1    (tp/fp/fn)`);
  for (const r of rows) {
    if (r.tp + r.fp + r.fn === 0) continue;
    console.log(
      `    ${r.label.padEnd(20)} ${f2(r.precision)}   ${f2(r.recall)}   ${f2(r.f1)}   (${r.tp}/${r.fp}/${r.fn})`,
    );
  }
}

function macroF1(rows: LabelScore[]): number {
  const used = rows.filter((r) => r.tp + r.fp + r.fn > 0);
  return used.length === 0 ? 0 : used.reduce((s, r) => s + r.f1, 0) / used.length;
}

await loadAllLanguagePacks();
const langs = corpusLanguages();
if (langs.length === 0) {
  console.error('No corpus found in tests/fixtures/empathy/<lang>/');
  process.exit(1);
}

const summary: string[] = [];
for (const split of splits) {
  console.log(`\n================ split: ${split} ================`);
  const allTexts: { text: string; lang: (typeof langs)[number] }[] = [];
  for (const lang of langs) {
    const corpus = readCorpus(lang);
    const messages = corpus.messages.filter((m: MessageItem) => m.split === split);
    const drafts = corpus.drafts.filter((d: DraftItem) => d.split === split);
    const m = evalMessages(messages);
    const d = evalDrafts(drafts);
    const det = evalDetection([...messages, ...drafts].map((x) => ({ text: x.text, lang })));
    allTexts.push(...[...messages, ...drafts].map((x) => ({ text: x.text, lang })));
    console.log(`\n--- ${lang} (${split}): ${m.n} messages, ${d.n} drafts ---`);
    console.log(
      `  emotion accuracy ${pct(m.emotionAccuracy)}   language detection ${pct(det.accuracy)} (${det.n} texts)`,
    );
    table('emotions', m.emotions);
    table('cues', m.cues);
    table('behaviours', d.behaviors);
    table('risks', d.risks);
    console.log('  emotion confusion (rows: gold, columns: predicted)');
    console.log(`    ${''.padEnd(13)}${EMOTIONS.map((e) => e.slice(0, 6).padStart(7)).join('')}`);
    for (const g of EMOTIONS) {
      console.log(`    ${g.padEnd(13)}${EMOTIONS.map((p) => String(m.confusion[g][p]).padStart(7)).join('')}`);
    }
    summary.push(
      `${split.padEnd(5)} ${lang}  emotion acc ${pct(m.emotionAccuracy)}  emotion macro-F1 ${f2(macroF1(m.emotions))}  ` +
        `cue macro-F1 ${f2(macroF1(m.cues))}  behaviour macro-F1 ${f2(macroF1(d.behaviors))}  ` +
        `risk macro-F1 ${f2(macroF1(d.risks))}  draft micro-F1 ${f2(d.microF1)}  lang-detect ${pct(det.accuracy)}`,
    );
    if (showMisses && split === 'tune') {
      for (const x of m.misses) {
        console.log(
          `  MISS ${x.id} ${x.gold}->${x.predicted} cues gold=[${x.goldCues}] got=[${x.predictedCues}] ${x.text}`,
        );
      }
      for (const x of d.misses) {
        console.log(`  MISS ${x.id} missing=[${x.missing}] extra=[${x.extra}] ${x.text.replace(/\n/g, ' / ')}`);
      }
      for (const x of det.wrong) console.log(`  LANG ${x.lang}->${x.detected} ${x.text.slice(0, 100)}`);
    }
  }
  const det = evalDetection(allTexts);
  summary.push(`${split.padEnd(5)} all language detection ${pct(det.accuracy)} over ${det.n} texts`);
}
console.log('\n================ summary ================');
for (const s of summary) console.log(s);
