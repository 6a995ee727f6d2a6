// Turns the engine's output into what the chip shows. Pure, so it is tested without a browser.
import type { CoachModel, CoachRewrite } from '../../components/coach/types';
import { describeCustomer } from '../../components/coach/customer-state';
import { COACH_STRINGS, type CoachStrings } from '../../components/coach/strings';
import type { DraftAnalysis, Emotion, MessageAnalysis, Risk, Suggestion } from '../../lib/empathy/types';
import type { Audience } from '../../lib/sites/types';

/**
 * Why a phrase is suggested, in the chip's language, from the engine's reason codes (`why`), never from its
 * English sentence. A suggestion without codes is explained by its kind and the customer's emotion.
 */
export function suggestionReason(s: Suggestion, emotion: Emotion, strings: CoachStrings): string {
  const why = s.why;
  if (s.kind === 'rewrite' || why?.code === 'rewrite') {
    return why?.risk ? strings.risks[why.risk] : s.reason;
  }
  const code = why?.code ?? s.kind;
  const reason = strings.reasons[code];
  if (code === 'greeting' || code === 'closing') return reason;
  const lead = why ? why.emotion : emotion === 'neutral' ? undefined : emotion;
  return lead ? `${strings.reasonLead[lead]} ${reason}` : reason;
}

export interface ModelInput {
  audience: Audience;
  draft: string;
  analysis: DraftAnalysis;
  customer: MessageAnalysis | null;
  customerText: string | null;
  /** Suggestion ids the agent hid with "Not now". */
  hidden: ReadonlySet<string>;
  /** The chip's language (the browser's UI language); English when omitted. */
  strings?: CoachStrings;
}

/** Rewrites the chip lists (and highlights). */
const SHOWN_REWRITES = 3;

export function buildCoachModel(input: ModelInput): CoachModel {
  const { analysis, draft, audience } = input;
  const strings = input.strings ?? COACH_STRINGS.en;
  const emotion: Emotion = input.customer?.emotion ?? 'neutral';
  const rewrites: CoachRewrite[] = [];
  const seen = new Set<string>();
  const pushRewrite = (span: [number, number], replacement: string, risk: Risk) => {
    if (rewrites.length >= SHOWN_REWRITES) return;
    const key = `${span[0]}:${span[1]}`;
    if (seen.has(key) || span[1] <= span[0] || span[1] > draft.length) return;
    seen.add(key);
    rewrites.push({
      id: `rw:${key}`,
      risk,
      original: draft.slice(span[0], span[1]),
      replacement,
      reason: strings.risks[risk],
      span,
    });
  };
  for (const s of analysis.suggestions) {
    if (s.kind !== 'rewrite' || !s.replaces) continue;
    const risk = analysis.risks.find((r) => r.span[0] === s.replaces?.[0] && r.span[1] === s.replaces?.[1]);
    pushRewrite(s.replaces, s.text, risk?.kind ?? 'dismissive');
  }
  // A long draft holds hundreds of risky wordings; the chip shows the first few.
  for (const r of analysis.risks) {
    if (rewrites.length >= SHOWN_REWRITES) break;
    if (r.rewrite) pushRewrite(r.span, r.rewrite, r.kind);
  }

  const suggestions: Suggestion[] =
    audience === 'customer'
      ? analysis.suggestions
          .filter((s) => s.kind !== 'rewrite' && !input.hidden.has(s.id))
          .slice(0, 3)
          .map((s) => ({ ...s, reason: suggestionReason(s, emotion, strings) }))
      : [];
  const { readability } = analysis;
  const label =
    readability.index === 'lix' ? `LIX ${Math.round(readability.value)}` : `Flesch ${Math.round(readability.value)}`;
  return {
    audience,
    lang: analysis.lang,
    score: Math.max(0, Math.min(100, Math.round(analysis.score))),
    emotion,
    customerState: audience === 'customer' ? customerState(input, strings) : strings.internalNote,
    suggestions,
    rewrites: audience === 'customer' ? rewrites : [],
    readability:
      draft.trim().length > 0 || audience === 'internal'
        ? { label: strings.readability(label), longSentences: readability.longSentences.length }
        : null,
  };
}

/** The customer's state, saying so when the learned model (not a cue or an emotion word) decided it. */
function customerState(input: ModelInput, strings: CoachStrings): string {
  const state = describeCustomer(input.customer, input.customerText ?? undefined, strings);
  if (input.customer?.basis !== 'model') return state;
  return state.includes(' — ') ? `${state}, ${strings.byWording}` : `${state} — ${strings.byWording}`;
}
