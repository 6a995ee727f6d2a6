// The engine explains suggestions with reason codes (Suggestion.why) and the chip words them in the agent's
// language (entrypoints/coach.content/model.ts); the English `reason` sentence is never parsed, so editing it
// cannot break another language's chip.
import { beforeAll, describe, expect, test } from 'vitest';
import { COACH_STRINGS } from '../../../components/coach/strings';
import { buildCoachModel, suggestionReason } from '../../../entrypoints/coach.content/model';
import { analyzeDraft, analyzeMessage, loadAllLanguagePacks } from '../../../lib/empathy';

beforeAll(async () => {
  await loadAllLanguagePacks();
});

const customer = 'This is the THIRD time I am writing about the double charge. I am furious!';

describe('reason codes', () => {
  test('every engine suggestion carries a code; phrase reasons lead with the customer emotion', () => {
    const analysis = analyzeDraft('Hi. We will look at it.', { customerText: customer, channel: 'email' });
    expect(analysis.suggestions.length).toBeGreaterThan(0);
    for (const s of analysis.suggestions) {
      expect(s.why, s.id).toBeDefined();
      if (s.kind === 'rewrite') expect(s.why?.code).toBe('rewrite');
      else if (s.why?.code !== 'greeting' && s.why?.code !== 'closing') {
        expect(s.why?.code).toBe(s.kind);
        expect(s.why?.emotion).toBe('frustrated');
      }
    }
  });

  test('a rewrite names its risk', () => {
    const analysis = analyzeDraft('As I said, you should have restarted the router.', { customerText: customer });
    const rewrite = analysis.suggestions.find((s) => s.kind === 'rewrite');
    expect(rewrite?.why?.code).toBe('rewrite');
    expect(rewrite?.why?.risk).toBeDefined();
  });

  test('the Swedish chip words the codes, whatever the English sentence says', () => {
    const message = analyzeMessage(customer);
    const analysis = analyzeDraft('Hej. Vi tittar på det.', { customerText: customer, lang: 'sv', channel: 'email' });
    // Edit every English sentence: the chip must not depend on them.
    const edited = {
      ...analysis,
      suggestions: analysis.suggestions.map((s) => ({ ...s, reason: 'an edited English sentence' })),
    };
    const model = buildCoachModel({
      audience: 'customer',
      draft: 'Hej. Vi tittar på det.',
      analysis: edited,
      customer: message,
      customerText: customer,
      hidden: new Set(),
      strings: COACH_STRINGS.sv,
    });
    expect(model.suggestions.length).toBeGreaterThan(0);
    const sv = COACH_STRINGS.sv;
    const known = new Set<string>(Object.values(sv.reasons));
    for (const lead of Object.values(sv.reasonLead))
      for (const r of Object.values(sv.reasons)) known.add(`${lead} ${r}`);
    for (const s of model.suggestions) {
      expect(s.reason).not.toContain('English');
      expect(known, s.reason).toContain(s.reason);
    }
  });

  test('greeting and sign-off codes get their own words in each language', () => {
    for (const strings of Object.values(COACH_STRINGS)) {
      const s = { id: 'x', kind: 'personal' as const, text: 'Hej', reason: '', why: { code: 'greeting' as const } };
      expect(suggestionReason(s, 'frustrated', strings)).toBe(strings.reasons.greeting);
    }
  });
});
