// The customer's state in plain words for the chip ("Sounds frustrated — third contact about this").
import type { CueKind } from '../../lib/empathy/packs/types';
import type { MessageAnalysis } from '../../lib/empathy/types';
import { COACH_STRINGS, type CoachStrings } from './strings';

/** Plain words for the customer's state; `contactCount` comes from cue text when the engine found one. */
export function describeCustomer(
  analysis: MessageAnalysis | null,
  customerText?: string,
  strings: CoachStrings = COACH_STRINGS.en,
): string {
  if (!analysis) return strings.noCustomer;
  const base = strings.emotions[analysis.emotion];
  const kinds = [...new Set(analysis.cues.map((c) => c.kind))];
  const details: string[] = [];
  for (const kind of kinds) {
    const words = strings.cues[kind as CueKind];
    if (kind === 'repeat-contact') {
      const n = contactCount(analysis, customerText);
      details.push(n ? strings.nthContact(n) : (words ?? kind));
    } else if (words) {
      details.push(words);
    }
  }
  return details.length > 0 ? `${base} — ${details.slice(0, 2).join(', ')}` : base;
}

const COUNT_WORDS: Record<string, number> = {
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  andra: 2,
  tredje: 3,
  fjärde: 4,
  femte: 5,
  kolmas: 3,
  toinen: 2,
  neljäs: 4,
  viides: 5,
  andre: 2,
  anden: 2,
  andet: 2,
  fjerde: 4,
};

function contactCount(analysis: MessageAnalysis, text?: string): number | null {
  if (!text) return null;
  for (const cue of analysis.cues) {
    if (cue.kind !== 'repeat-contact') continue;
    const words = text
      .slice(Math.max(0, cue.span[0] - 20), cue.span[1] + 20)
      .toLowerCase()
      .split(/[^\p{L}\d]+/u);
    for (const w of words) {
      const n = COUNT_WORDS[w] ?? (/^\d+$/.test(w) ? Number(w) : undefined);
      if (n && n >= 2 && n < 20) return n;
    }
  }
  return null;
}
