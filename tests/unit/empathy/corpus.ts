// Reads the labelled corpus (tests/fixtures/empathy/<lang>/*.jsonl) and scores the engine on it.
// Shared by the corpus tests and scripts/eval-empathy.ts so both measure the same thing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDraft, analyzeMessage, detectLanguage } from '../../../lib/empathy';
import { BEHAVIORS, EMOTIONS, type Emotion, LANGS, type Lang, RISKS } from '../../../lib/empathy/types';

export const CORPUS_DIR = join(import.meta.dirname, '../../fixtures/empathy');
export const CUE_LABELS = [
  'repeat-contact',
  'churn-threat',
  'caps',
  'exclamation',
  'vulnerability',
  'sarcasm',
  'negation',
  'urgency',
  'thanks',
] as const;
export type Split = 'tune' | 'test';

export interface MessageItem {
  id: string;
  lang: Lang;
  split: Split;
  industry: string;
  text: string;
  emotion: Emotion;
  cues: string[];
}

export interface DraftItem {
  id: string;
  lang: Lang;
  split: Split;
  channel: 'chat' | 'email';
  customer: string;
  text: string;
  behaviors: string[];
  risks: string[];
}

function readJsonl<T>(file: string): T[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l) as T;
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
    });
}

/** Languages that have a corpus folder. */
export function corpusLanguages(): Lang[] {
  if (!existsSync(CORPUS_DIR)) return [];
  const dirs = new Set(readdirSync(CORPUS_DIR));
  return LANGS.filter((l) => dirs.has(l));
}

export function readCorpus(lang: Lang): { messages: MessageItem[]; drafts: DraftItem[] } {
  return {
    messages: readJsonl<MessageItem>(join(CORPUS_DIR, lang, 'messages.jsonl')),
    drafts: readJsonl<DraftItem>(join(CORPUS_DIR, lang, 'drafts.jsonl')),
  };
}

export interface LabelScore {
  label: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

function score(label: string, tp: number, fp: number, fn: number): LabelScore {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { label, tp, fp, fn, precision, recall, f1 };
}

/** Per-label precision/recall/F1 for multi-label sets. */
export function multiLabelScores(labels: readonly string[], pairs: { gold: string[]; predicted: string[] }[]) {
  return labels.map((label) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { gold, predicted } of pairs) {
      const g = gold.includes(label);
      const p = predicted.includes(label);
      if (g && p) tp++;
      else if (p) fp++;
      else if (g) fn++;
    }
    return score(label, tp, fp, fn);
  });
}

export interface MessageEval {
  n: number;
  emotionAccuracy: number;
  emotions: LabelScore[];
  confusion: Record<Emotion, Record<Emotion, number>>;
  cues: LabelScore[];
  misses: { id: string; gold: string; predicted: string; text: string; goldCues: string[]; predictedCues: string[] }[];
}

export function evalMessages(items: MessageItem[]): MessageEval {
  const confusion = Object.fromEntries(
    EMOTIONS.map((g) => [g, Object.fromEntries(EMOTIONS.map((p) => [p, 0]))]),
  ) as Record<Emotion, Record<Emotion, number>>;
  const cuePairs: { gold: string[]; predicted: string[] }[] = [];
  const emotionPairs: { gold: string[]; predicted: string[] }[] = [];
  const misses: MessageEval['misses'] = [];
  let correct = 0;
  for (const item of items) {
    const a = analyzeMessage(item.text, { lang: item.lang });
    confusion[item.emotion][a.emotion]++;
    if (a.emotion === item.emotion) correct++;
    const predictedCues = [...new Set(a.cues.map((c) => c.kind))].filter((k) =>
      (CUE_LABELS as readonly string[]).includes(k),
    );
    cuePairs.push({ gold: item.cues, predicted: predictedCues });
    emotionPairs.push({ gold: [item.emotion], predicted: [a.emotion] });
    const cueMiss = predictedCues.sort().join() !== [...item.cues].sort().join();
    if (a.emotion !== item.emotion || cueMiss) {
      misses.push({
        id: item.id,
        gold: item.emotion,
        predicted: a.emotion,
        text: item.text,
        goldCues: item.cues,
        predictedCues,
      });
    }
  }
  return {
    n: items.length,
    emotionAccuracy: items.length === 0 ? 0 : correct / items.length,
    emotions: multiLabelScores(EMOTIONS, emotionPairs),
    confusion,
    cues: multiLabelScores(CUE_LABELS, cuePairs),
    misses,
  };
}

export interface DraftEval {
  n: number;
  behaviors: LabelScore[];
  risks: LabelScore[];
  microF1: number;
  misses: { id: string; text: string; missing: string[]; extra: string[] }[];
}

export function evalDrafts(items: DraftItem[]): DraftEval {
  const bPairs: { gold: string[]; predicted: string[] }[] = [];
  const rPairs: { gold: string[]; predicted: string[] }[] = [];
  const misses: DraftEval['misses'] = [];
  for (const item of items) {
    const a = analyzeDraft(item.text, { customerText: item.customer, lang: item.lang, channel: item.channel });
    const b = [...new Set(a.behaviors.map((x) => x.kind as string))];
    const r = [...new Set(a.risks.map((x) => x.kind as string))];
    bPairs.push({ gold: item.behaviors, predicted: b });
    rPairs.push({ gold: item.risks, predicted: r });
    const gold = [...item.behaviors, ...item.risks];
    const predicted = [...b, ...r];
    const missing = gold.filter((g) => !predicted.includes(g));
    const extra = predicted.filter((p) => !gold.includes(p));
    if (missing.length || extra.length) misses.push({ id: item.id, text: item.text, missing, extra });
  }
  const behaviors = multiLabelScores(BEHAVIORS, bPairs);
  const risks = multiLabelScores(RISKS, rPairs);
  const all = [...behaviors, ...risks];
  const tp = all.reduce((s, x) => s + x.tp, 0);
  const fp = all.reduce((s, x) => s + x.fp, 0);
  const fn = all.reduce((s, x) => s + x.fn, 0);
  return { n: items.length, behaviors, risks, microF1: score('micro', tp, fp, fn).f1, misses };
}

/** Share of texts (messages and drafts) whose language is detected as labelled. */
export function evalDetection(texts: { text: string; lang: Lang }[]): {
  n: number;
  accuracy: number;
  wrong: { text: string; lang: Lang; detected: Lang }[];
} {
  let ok = 0;
  const wrong: { text: string; lang: Lang; detected: Lang }[] = [];
  for (const t of texts) {
    const d = detectLanguage(t.text).lang;
    if (d === t.lang) ok++;
    else wrong.push({ text: t.text, lang: t.lang, detected: d });
  }
  return { n: texts.length, accuracy: texts.length === 0 ? 0 : ok / texts.length, wrong };
}
