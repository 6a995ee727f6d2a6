// From engine output to what the chip shows, with the real engine: customer-facing vs internal, the plain
// words for the customer's state, rewrites only for words still in the draft, hidden suggestions.
import { describe, expect, it } from 'vitest';
import { describeCustomer } from '../../../components/coach/customer-state';
import { buildCoachModel } from '../../../entrypoints/coach.content/model';
import { analyzeDraft, analyzeMessage } from '../../../lib/empathy';

const customerText =
  'This is the third time I am contacting you about this. I have been charged twice AGAIN and nobody has fixed it.';
const customer = analyzeMessage(customerText);

function modelFor(draft: string, audience: 'customer' | 'internal', hidden: string[] = []) {
  const analysis = analyzeDraft(draft, { customer, customerText, lang: customer.lang, channel: 'chat' });
  return {
    analysis,
    model: buildCoachModel({ audience, draft, analysis, customer, customerText, hidden: new Set(hidden) }),
  };
}

describe('buildCoachModel', () => {
  it('coaches a customer reply: score, emotion, at most three phrases, rewrites that match the draft', () => {
    const draft = 'Hi Maria, you should have checked your bank statement.';
    const { analysis, model } = modelFor(draft, 'customer');
    expect(model.score).toBe(Math.round(analysis.score));
    expect(model.emotion).toBe(customer.emotion);
    expect(model.suggestions.length).toBeGreaterThan(0);
    expect(model.suggestions.length).toBeLessThanOrEqual(3);
    expect(model.suggestions.every((s) => s.kind !== 'rewrite')).toBe(true);
    for (const r of model.rewrites) expect(draft.slice(r.span[0], r.span[1])).toBe(r.original);
  });

  it('hides suggestions the agent dismissed', () => {
    const draft = 'Hi Maria, I will look at the charge.';
    const first = modelFor(draft, 'customer').model.suggestions[0];
    expect(first).toBeDefined();
    const { model } = modelFor(draft, 'customer', [first?.id ?? '']);
    expect(model.suggestions.map((s) => s.id)).not.toContain(first?.id);
  });

  it('gives an internal note readability only', () => {
    const { model } = modelFor('Customer is angry, you should have refunded her already.', 'internal');
    expect(model.suggestions).toEqual([]);
    expect(model.rewrites).toEqual([]);
    expect(model.customerState).toBe('Internal note');
    expect(model.readability?.label).toMatch(/^Readability (LIX|Flesch) \d+$/);
  });
});

describe('describeCustomer', () => {
  it.each([
    { text: customerText, expected: /^Sounds frustrated — third contact about this/ },
    { text: 'Thank you so much, that was great help!', expected: /^Sounds positive/ },
  ])('describes "$text"', ({ text, expected }) => {
    expect(describeCustomer(analyzeMessage(text), text)).toMatch(expected);
  });

  it('says so when there is no customer message', () => {
    expect(describeCustomer(null)).toMatch(/No customer message/);
  });
});
