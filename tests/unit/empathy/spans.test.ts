// Span correctness over the whole corpus: the text under every span is what its rule matched. For pack
// rules, the rule's own token pattern must match the span's text from its first to its last word; for
// the engine's own rules, the span must show what the rule looks for.
import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeDraft, analyzeMessage, loadAllLanguagePacks } from '../../../lib/empathy';
import { compilePatterns, PatternIndex, tokenize } from '../../../lib/empathy/match';
import { packFor } from '../../../lib/empathy/registry';
import { withFolded } from '../../../lib/empathy/terms';
import type { Lang } from '../../../lib/empathy/types';
import { corpusLanguages, readCorpus } from './corpus';

beforeAll(async () => {
  await loadAllLanguagePacks();
});

/** True when `pattern` matches the whole of `text` (first token to last token). */
function matchesWhole(pattern: string, text: string): boolean {
  const tokens = tokenize(text);
  const index = new PatternIndex(compilePatterns(pattern, true));
  let whole = false;
  index.scan(tokens, (m) => {
    if (m.first === 0 && m.last === tokens.words.length - 1) whole = true;
  });
  return whole;
}

function patternOf(lang: Lang, rule: string): string | undefined {
  const pack = packFor(lang).pack;
  return [...pack.behaviors, ...pack.risks, ...pack.cues].find((r) => r.id === rule)?.p;
}

const langs = corpusLanguages();

describe.each(langs)('spans in the %s corpus', (lang) => {
  test('draft behaviour and risk spans are exactly what their rule matched', () => {
    const { drafts } = readCorpus(lang);
    expect(drafts.length).toBeGreaterThan(0);
    let checked = 0;
    for (const d of drafts) {
      const a = analyzeDraft(d.text, { customerText: d.customer, lang: d.lang, channel: d.channel });
      for (const hit of [...a.behaviors, ...a.risks]) {
        const [start, end] = hit.span;
        expect(start, `${d.id} ${hit.rule}`).toBeGreaterThanOrEqual(0);
        expect(end, `${d.id} ${hit.rule}`).toBeLessThanOrEqual(d.text.length);
        expect(start, `${d.id} ${hit.rule}`).toBeLessThan(end);
        const slice = d.text.slice(start, end);
        const pattern = patternOf(d.lang, hit.rule);
        if (pattern) {
          // Packs that fold diacritics also match the draft typed without them ("forlat" for "förlåt").
          const folded = packFor(d.lang).fold ? withFolded(pattern) : pattern;
          expect(matchesWhole(folded, slice), `${d.id} ${hit.rule}: "${slice}"`).toBe(true);
        } else if (hit.rule === 'explore.question') {
          expect(slice.trimEnd().endsWith('?'), `${d.id}: "${slice}"`).toBe(true);
        } else if (hit.rule === 'shouting.caps') {
          expect(slice, d.id).toBe(slice.toUpperCase());
        } else if (hit.rule === 'shouting.exclamations') {
          expect(slice, d.id).toMatch(/^[!?1]*![!?1]*$/);
        } else if (hit.rule === 'restate.key-terms' || hit.rule.startsWith('personal.')) {
          expect(slice.trim(), d.id).toBe(slice);
        } else {
          throw new Error(`${d.id}: unknown rule ${hit.rule}`);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  test('message cue spans are exactly what their rule matched', () => {
    const { messages } = readCorpus(lang);
    for (const m of messages) {
      const a = analyzeMessage(m.text, { lang: m.lang });
      for (const cue of a.cues) {
        const slice = m.text.slice(...cue.span);
        expect(slice.length, `${m.id} ${cue.kind}`).toBeGreaterThan(0);
        if (cue.kind === 'caps') expect(slice, m.id).toBe(slice.toUpperCase());
        if (cue.kind === 'exclamation') expect(slice, m.id).toContain('!');
        expect(slice.trim(), `${m.id} ${cue.kind}`).toBe(slice);
      }
    }
  });
});
