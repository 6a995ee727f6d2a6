// npm run eval:empathy — scores the empathy engine on the labelled corpus (tests/fixtures/empathy/<lang>/),
// for the tune and the test split: precision/recall/F1 per label and language, language-detection accuracy,
// and the emotion confusion matrix; then on the dev files of ../shared/data/emotion/ (never trained or tuned
// on): six-state macro-F1 per language for the rules only, the model only and rules + model, and language
// identification on held-apart sentences (the XED projections' held-out slices, see scripts/emotion-data.ts).
//   --split=test|tune   only one split
//   --misses            also list the tune split's misses (never the test split's: rules must not be fitted to it)
import { analyzeMessage, detectLanguage, emotionModelFor, loadAllLanguagePacks } from '../lib/empathy';
import { topClass } from '../lib/empathy/model/combine';
import { EMOTIONS, type Emotion, LANGS, type Lang } from '../lib/empathy/types';
import { dataAvailable, DATA_DIR, devSets, isProjectionDev, readXed, readGoEmotions } from './emotion-data';
import { macroF1 as stateMacroF1, singleState } from './emotion-score';
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
    // Replies in other voices (short chat lines, long emails, typos, no å/ä/ö, hedges): test split only.
    const voices = drafts.filter((x) => (x as DraftItem & { voice?: string }).voice === 'other');
    if (voices.length > 0) {
      const v = evalDrafts(voices);
      summary.push(
        `${split.padEnd(5)} ${lang}  other-voice drafts (${voices.length}): behaviour macro-F1 ${f2(macroF1(v.behaviors))}  draft micro-F1 ${f2(v.microF1)}`,
      );
    }
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

if (!dataAvailable()) {
  console.log(`\nNo emotion data at ${DATA_DIR}: dev-file figures skipped (set ATTUNE_EMOTION_DATA).`);
} else {
  console.log('\n================ emotion data: dev files, six-state macro-F1 ================');
  console.log('(rows whose labels map to exactly one state; macro over the states present in the gold labels)');
  console.log(
    `  ${'lang'.padEnd(5)}${'dev set'.padEnd(22)}${'rows'.padStart(6)}   rules   model   rules+model   decided by model`,
  );
  for (const lang of LANGS) {
    const model = emotionModelFor(lang);
    for (const d of devSets(lang)) {
      const rows = singleState(d.rows());
      const gold = rows.map((r) => r.states[0] as Emotion);
      const rules = rows.map((r) => analyzeMessage(r.text, { lang, rulesOnly: true }).emotion);
      const combined = rows.map((r) => analyzeMessage(r.text, { lang }));
      const alone = model ? rows.map((r) => topClass(model, model.predict(r.text)).emotion) : undefined;
      const byModel = combined.filter((a) => a.basis === 'model').length / Math.max(1, rows.length);
      console.log(
        `  ${lang.padEnd(5)}${d.name.padEnd(22)}${String(rows.length).padStart(6)}   ${f2(stateMacroF1(gold, rules))}    ` +
          `${alone ? f2(stateMacroF1(gold, alone)) : ' -  '}    ${f2(
            stateMacroF1(
              gold,
              combined.map((a) => a.emotion),
            ),
          )}          ${pct(byModel)}`,
      );
    }
  }

  // Language identification on sentences no rule or model was fitted to: the XED projections' held-out
  // slices (sv/no/da/fi subtitles) and GoEmotions dev (English), 300 of each, taken in file order.
  console.log('\n================ language identification, held-apart sentences ================');
  const sets: { lang: Lang; texts: string[] }[] = [
    { lang: 'en', texts: readGoEmotions('goemotions/dev.dedup.tsv').map((r) => r.text) },
    {
      lang: 'sv',
      texts: readXed('xed/sv-projections.dedup.tsv')
        .map((r) => r.text)
        .filter(isProjectionDev),
    },
    {
      lang: 'nb',
      texts: readXed('xed/no-projections.dedup.tsv')
        .map((r) => r.text)
        .filter(isProjectionDev),
    },
    {
      lang: 'da',
      texts: readXed('xed/da-projections.dedup.tsv')
        .map((r) => r.text)
        .filter(isProjectionDev),
    },
    {
      lang: 'fi',
      texts: readXed('xed/fi-projections.dedup.tsv')
        .map((r) => r.text)
        .filter(isProjectionDev),
    },
  ];
  let right = 0;
  let all = 0;
  for (const { lang, texts } of sets) {
    const sample = texts.slice(0, 300);
    const confusion: Partial<Record<Lang, number>> = {};
    for (const t of sample) {
      const got = detectLanguage(t).lang;
      confusion[got] = (confusion[got] ?? 0) + 1;
    }
    right += confusion[lang] ?? 0;
    all += sample.length;
    console.log(
      `  ${lang}  ${pct((confusion[lang] ?? 0) / sample.length)} of ${sample.length}   detected as ${LANGS.map((l) => `${l} ${confusion[l] ?? 0}`).join(', ')}`,
    );
  }
  console.log(`  all ${pct(right / all)} of ${all}`);
  // The reference the issue names: eld (npm, 2.1.0) with its documented language subset, same sentences.
  const { eld } = await import('eld/extrasmall');
  eld.setLanguageSubset(['en', 'sv', 'no', 'da', 'fi']);
  let eldRight = 0;
  const eldLine: string[] = [];
  for (const { lang, texts } of sets) {
    const sample = texts.slice(0, 300);
    const code = lang === 'nb' ? 'no' : lang;
    const ok = sample.filter((t) => eld.detect(t).language === code).length;
    eldRight += ok;
    eldLine.push(`${lang} ${pct(ok / sample.length)}`);
  }
  console.log(
    `  eld 2.1.0 (extrasmall, subset en/sv/no/da/fi) for reference: ${eldLine.join(', ')}; all ${pct(eldRight / all)}`,
  );
}
