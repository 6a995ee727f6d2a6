// Suggestion ranking: rewrites of risky wording first, then phrases for the behaviours the draft lacks,
// weighted by the customer's emotion and intensity, the channel and what this agent accepts or dismisses.
import { type Tokens, tokenize } from './match';
import type { TopicTerm } from './packs/types';
import { mergePhrases } from './library';
import type { WordIndex } from './word-index';
import type { CompiledPack } from './registry';
import { NEEDS } from './needs';
import type {
  Behavior,
  Channel,
  DraftAnalysis,
  Emotion,
  Lang,
  MessageAnalysis,
  Phrase,
  PhraseLibrary,
  Span,
  Suggestion,
  SuggestionUsage,
  SuggestionWhy,
} from './types';

export const MAX_SUGGESTIONS = 5;
const CHAT_MAX_WORDS = 14;

export interface RankInput {
  text: string;
  tokens: Tokens;
  lang: Lang;
  pack: CompiledPack;
  customer: MessageAnalysis | undefined;
  topic: TopicTerm | undefined;
  present: Set<Behavior>;
  risks: DraftAnalysis['risks'];
  hasGreeting: boolean;
  hasClosing: boolean;
  channel: Channel;
  name: string | undefined;
  library: PhraseLibrary | undefined;
  usage: SuggestionUsage | undefined;
  /** The draft's words by position, kept up to date by the caller (lib/empathy/draft.ts). */
  words: WordIndex;
}

// English words for the reason codes (SuggestionWhy); the chip words the codes in the agent's language
// (components/coach/strings.ts), so changing a sentence here changes nothing there.
const REASONS: Record<Behavior | 'greeting' | 'closing', string> = {
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
};

const EMOTION_LEAD: Record<Exclude<Emotion, 'neutral'>, string> = {
  frustrated: 'The customer sounds frustrated.',
  disappointed: 'The customer sounds disappointed.',
  worried: 'The customer sounds worried.',
  confused: 'The customer sounds unsure.',
  positive: 'The customer sounds happy.',
};

/** The English sentence for a reason code (the `reason` field). */
export function englishReason(why: SuggestionWhy, original?: string): string {
  if (why.code === 'rewrite') {
    return `"${original ?? ''}" can read as ${(why.risk ?? 'dismissive').replace('-', ' ')}; try a gentler wording.`;
  }
  const reason = REASONS[why.code];
  return why.emotion ? `${EMOTION_LEAD[why.emotion]} ${reason}` : reason;
}

/**
 * Fills `{name}` and `{issue}`. A `[...]` segment whose placeholder has no value is dropped; a bare
 * placeholder without a value is removed and the punctuation around it tidied.
 */
export function fillPlaceholders(text: string, values: { name?: string; issue?: string }): string {
  const value = (key: string): string | undefined =>
    key === 'name' ? values.name : key === 'issue' ? values.issue : undefined;
  let out = text.replace(/\[([^\]]*)\]/g, (_, inner: string) => {
    let missing = false;
    const filled = inner.replace(/\{(\w+)\}/g, (_m, key: string) => {
      const v = value(key);
      if (v === undefined) missing = true;
      return v ?? '';
    });
    return missing ? '' : filled;
  });
  out = out.replace(/\{(\w+)\}/g, (_m, key: string) => value(key) ?? '');
  return out
    .replace(/\s+([,.!?:;])/g, '$1')
    .replace(/([,:;])(?=[,.!?])/g, '')
    .replace(/^[\s,]+/, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** Words only, lower-cased, one space apart: the same form as the draft's tokens joined. */
function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Makes a drop-in rewrite read right where it lands: capitalised at the start of a sentence, and without
 * doubled punctuation ("As I said, the..." -> "To recap, the..." rather than "to recap,, the...").
 */
export function fitRewrite(text: string, span: Span, rewrite: string): { text: string; replaces: Span } {
  let [start, end] = span;
  let out = rewrite;
  let k = start - 1;
  while (k >= 0 && /\s/.test(text[k] as string)) k--;
  if (k < 0 || /[.!?\n]/.test(text[k] as string)) out = capitalise(out);
  const next = text[end];
  if ((next === ',' || next === ':') && /[,:]$|\b(and|och|og|ja)$/.test(out)) end++;
  return { text: out, replaces: [start, end] };
}

function bareKeys(text: string): string[] {
  return [...text.replace(/\[[^\]]*\]/g, '').matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
}

/**
 * What ranking reads of a text that recurs keystroke after keystroke (a phrase, a risky wording and its
 * rewrite): computed once. Bounded: a custom library or a long draft cannot grow it without limit.
 */
const textFacts = new Map<string, { keys: string[]; words: number; norm: string[] }>();
const TEXT_FACTS_MAX = 4_000;

function factsOf(text: string): { keys: string[]; words: number; norm: string[] } {
  let f = textFacts.get(text);
  if (!f) {
    if (textFacts.size >= TEXT_FACTS_MAX) textFacts.clear();
    f = { keys: bareKeys(text), words: wordCount(text), norm: tokenize(text).words };
    textFacts.set(text, f);
  }
  return f;
}

/**
 * Per risk hit: whether its rewrite says something else than the draft does, and its suggestion id. The draft
 * analysis hands over the same hit object while its words are unchanged (lib/empathy/draft.ts), so a long
 * draft's hundred risky wordings are read once, not on every keystroke.
 */
const rewriteFacts = new WeakMap<object, { differs: boolean; id: string }>();

function rewriteOf(r: DraftAnalysis['risks'][number], text: string): { differs: boolean; id: string } {
  let f = rewriteFacts.get(r);
  if (!f) {
    const original = factsOf(text.slice(r.span[0], r.span[1])).norm;
    f = { differs: !sameWords(original, factsOf(r.rewrite ?? '').norm), id: `rewrite:${r.rule}:${r.span[0]}` };
    rewriteFacts.set(r, f);
  }
  return f;
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

function usageFactor(usage: SuggestionUsage | undefined, id: string): number {
  const u = usage?.[id];
  if (!u || typeof u !== 'object') return 1;
  const shown = Math.max(0, Number(u.shown) || 0);
  const accepted = Math.max(0, Number(u.accepted) || 0);
  const dismissed = Math.max(0, Number(u.dismissed) || 0);
  // Laplace-smoothed acceptance around the neutral 1; repeated dismissals push a phrase down hard.
  const acceptance = (accepted + 1) / (shown + 2);
  return Math.max(0.2, Math.min(1.6, 0.5 + acceptance)) * Math.max(0.3, 1 - 0.1 * Math.min(7, dismissed));
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

export function rankSuggestions(input: RankInput): Suggestion[] {
  const out: { s: Suggestion; rank: number }[] = [];
  if (input.tokens.words.length === 0) return [];
  const emotion = input.customer?.emotion ?? 'neutral';
  const intensity = input.customer?.intensity ?? 0;
  const upset = emotion === 'frustrated' || emotion === 'disappointed' || emotion === 'worried';

  // Gentler wordings for what the draft already says. Negative framing cannot be swapped without changing
  // the meaning ("we can't refund" is not "we can refund"), so its rewrite is a positive lead-in to add.
  // A long draft can hold a hundred risky wordings and at most MAX_SUGGESTIONS of them are shown: rank them
  // first, then build only those. Among equals: by rule, then the wording that comes first in the draft. The
  // risks come in draft order, so a rule's sixth wording can never be shown: it is not even looked at.
  let leadIn = false;
  const rewrites: { r: (typeof input.risks)[number]; id: string; rank: number }[] = [];
  const perRule = new Map<string, number>();
  for (const r of input.risks) {
    if (!r.rewrite) continue;
    const nf = r.kind === 'negative-framing';
    if (nf ? leadIn : (perRule.get(r.rule) ?? 0) >= MAX_SUGGESTIONS) continue;
    const seen = rewriteOf(r, input.text);
    if (!seen.differs) continue;
    if (nf) {
      leadIn = true;
      rewrites.push({ r, id: `rewrite:${r.rule}`, rank: 1.5 + (upset ? intensity : 0) });
    } else {
      rewrites.push({ r, id: seen.id, rank: 2 + (upset ? intensity : 0) });
    }
    perRule.set(r.rule, (perRule.get(r.rule) ?? 0) + 1);
  }
  const ruleOrder = new Map([...perRule.keys()].sort((a, b) => a.localeCompare(b)).map((rule, i) => [rule, i]));
  const orderOf = (w: (typeof rewrites)[number]) => ruleOrder.get(w.r.rule) ?? 0;
  rewrites.sort((a, b) => b.rank - a.rank || orderOf(a) - orderOf(b) || a.r.span[0] - b.r.span[0]);
  for (const { r, id, rank } of rewrites.slice(0, MAX_SUGGESTIONS)) {
    const rewrite = r.rewrite as string;
    const original = input.text.slice(r.span[0], r.span[1]);
    const why: SuggestionWhy = { code: 'rewrite', risk: r.kind };
    const reason = englishReason(why, original);
    if (r.kind === 'negative-framing') {
      out.push({ s: { id, kind: 'rewrite', text: capitalise(rewrite), reason, why }, rank });
      continue;
    }
    const { text, replaces } = fitRewrite(input.text, r.span, rewrite);
    out.push({ s: { id, kind: 'rewrite', text, reason, why, replaces }, rank });
  }

  const merged = mergePhrases(input.pack.pack.phrases, input.lang, input.library);
  const needs = NEEDS[emotion];
  const faultCue =
    input.customer?.cues.some((c) => c.kind === 'service-failure' || c.kind === 'repeat-contact') ?? false;
  const values = { name: input.name, issue: input.topic?.issue };

  const need = (kind: Behavior): number => {
    let n = needs[kind];
    if (kind === 'apology' && faultCue) n = Math.max(n, 0.85);
    if (upset && kind === 'acknowledge' && input.present.has('solution')) n += 0.2;
    if (upset) n *= 0.7 + 0.6 * intensity;
    return n;
  };

  // Rank every phrase first (cheap), then fill and check only the best few per behaviour.
  const groups = new Map<string, { p: Phrase; rank: number; why: SuggestionWhy }[]>();
  const lead = emotion === 'neutral' ? undefined : emotion;
  for (const p of merged.phrases) {
    if (p.lang !== input.lang) continue;
    if (p.channels && !p.channels.includes(input.channel)) continue;
    let rank: number;
    let why: SuggestionWhy;
    if (p.slot) {
      // Greetings and sign-offs belong to email only, once.
      if (input.channel !== 'email') continue;
      if (p.slot === 'greeting' && input.hasGreeting) continue;
      if (p.slot === 'closing' && input.hasClosing) continue;
      // An email without a greeting reads cold; the sign-off matters less.
      rank = p.slot === 'greeting' ? 0.95 : 0.6;
      why = { code: p.slot };
    } else {
      if (input.present.has(p.kind)) continue;
      rank = need(p.kind);
      if (rank <= 0.05) continue;
      why = lead ? { code: p.kind, emotion: lead } : { code: p.kind };
    }
    // A placeholder outside an optional [...] segment is part of the sentence: without a value, skip it.
    const facts = factsOf(p.text);
    if (facts.keys.some((k) => (k === 'name' ? !values.name : k === 'issue' ? !values.issue : true))) continue;
    if (p.emotions) rank *= p.emotions.includes(emotion) ? 1.15 : 0.6;
    const words = facts.words;
    if (input.channel === 'chat' && words > CHAT_MAX_WORDS) rank *= 0.7;
    if (input.channel === 'email' && words < 4 && !p.slot) rank *= 0.85;
    if (merged.custom.has(p.id)) rank *= 1.1;
    if (merged.favourites.has(p.id)) rank *= 1.3;
    rank *= usageFactor(input.usage, p.id);
    // One phrase per behaviour (or slot): the agent needs a choice of moves, not five apologies.
    const group = p.slot ?? p.kind;
    const list = groups.get(group);
    if (list) list.push({ p, rank, why });
    else groups.set(group, [{ p, rank, why }]);
  }
  const best: { s: Suggestion; rank: number }[] = [];
  for (const list of groups.values()) {
    list.sort((a, b) => b.rank - a.rank || a.p.id.localeCompare(b.p.id));
    for (const c of list) {
      const text = fillPlaceholders(c.p.text, values);
      const norm = factsOf(text).norm;
      // Never suggest what the draft already says.
      if (norm.length === 0 || input.words.has(norm)) continue;
      best.push({ s: { id: c.p.id, kind: c.p.kind, text, reason: englishReason(c.why), why: c.why }, rank: c.rank });
      break;
    }
  }
  out.push(...best);
  out.sort((a, b) => b.rank - a.rank || a.s.id.localeCompare(b.s.id));
  return out.slice(0, MAX_SUGGESTIONS).map((x) => x.s);
}
