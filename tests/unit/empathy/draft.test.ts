// Draft analysis: behaviours and risks with rule ids and spans, rewrites, restate against the customer's
// message, readability, score and the shape of the result.
import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeDraft, analyzeMessage, loadAllLanguagePacks } from '../../../lib/empathy';
import type { Behavior, Lang, Risk } from '../../../lib/empathy/types';

beforeAll(async () => {
  await loadAllLanguagePacks();
});

// [lang, draft, behaviours that must be found, risks that must be found, kinds that must not]
const cases: [Lang, string, Behavior[], Risk[], (Behavior | Risk)[]][] = [
  ['en', "I completely understand how frustrating this is, and I'm sorry.", ['acknowledge', 'apology'], [], ['blame']],
  ['en', 'As I already said, you should have restarted the router.', [], ['passive-aggressive', 'blame'], ['apology']],
  ['en', "Unfortunately we can't refund the delivery fee.", [], ['negative-framing'], []],
  ['en', 'Calm down, there is nothing we can do.', [], ['dismissive'], ['reassure']],
  ['en', "I've refunded the duplicate payment and I'll follow it up myself.", ['solution', 'ownership'], [], ['blame']],
  ['en', 'Could you tell me which error message you see?', ['explore'], [], []],
  ['en', "Don't worry, your money is safe.", ['reassure'], [], []],
  ['en', 'Thanks for your patience!', ['thanks'], [], ['shouting']],
  ['en', 'Your ticket was escalated to L2 as per our SLA.', [], ['jargon'], []],
  ['en', 'WE HAVE ALREADY FIXED IT!!', [], ['shouting'], []],
  [
    'sv',
    'Jag förstår verkligen att det här är frustrerande, och jag ber om ursäkt.',
    ['acknowledge', 'apology'],
    [],
    ['blame'],
  ],
  ['sv', 'Som jag redan sa borde du ha startat om routern.', [], ['passive-aggressive', 'blame'], []],
  ['sv', 'Tyvärr kan vi inte återbetala fraktavgiften.', [], ['negative-framing'], []],
  ['sv', 'Lugna ner dig, det finns inget vi kan göra.', [], ['dismissive'], []],
  ['sv', 'Jag har återbetalat den dubbla dragningen och följer upp det själv.', ['solution', 'ownership'], [], []],
  ['sv', 'Kan du berätta vilket felmeddelande du ser?', ['explore'], [], []],
  ['sv', 'Oroa dig inte, dina pengar är säkra.', ['reassure'], [], []],
  ['sv', 'Tack för ditt tålamod!', ['thanks'], [], []],
];

describe('analyzeDraft behaviours and risks', () => {
  test.each(cases)('%s: %s', (lang, draft, behaviours, risks, mustNot) => {
    const a = analyzeDraft(draft, { lang });
    const found = new Set<string>([...a.behaviors.map((b) => b.kind), ...a.risks.map((r) => r.kind)]);
    for (const b of behaviours) expect(found).toContain(b);
    for (const r of risks) expect(found).toContain(r);
    for (const k of mustNot) expect(found).not.toContain(k);
  });

  test('risks carry a gentler rewrite where one exists', () => {
    const text = "As I already said, unfortunately we can't change the date.";
    const a = analyzeDraft(text, { lang: 'en' });
    const pa = a.risks.find((r) => r.kind === 'passive-aggressive');
    const neg = a.risks.find((r) => r.kind === 'negative-framing');
    expect(text.slice(...(pa?.span ?? [0, 0]))).toBe('As I already said');
    expect(pa?.rewrite).toBe('to recap,');
    expect(neg?.rewrite).toBeTruthy();
    // Applying the drop-in rewrite reads right: capitalised, no doubled comma.
    const swap = a.suggestions.find((s) => s.id.startsWith('rewrite:en.pa.'));
    const [start, end] = swap?.replaces ?? [0, 0];
    expect(`${text.slice(0, start)}${swap?.text}${text.slice(end)}`).toBe(
      "To recap, unfortunately we can't change the date.",
    );
    // Negative framing is not swapped (that would flip the meaning): a positive lead-in is offered to add.
    const lead = a.suggestions.find((s) => s.id.startsWith('rewrite:en.neg.'));
    expect(lead?.replaces).toBeUndefined();
    expect(lead?.text).toMatch(/^Here's what I can do instead:/);
  });

  test.each([
    ['en', 'You should have restarted the router first.', 'Next time, it can help to have restarted the router first.'],
    [
      'en',
      "Calm down, it's just an automated text.",
      "I understand this is upsetting, and it's just an automated text.",
    ],
    ['en', 'Please note that prices change every year.', 'Just so you know, prices change every year.'],
    ['sv', 'Du borde ha startat om routern.', 'Nästa gång kan det hjälpa att ha startat om routern.'],
    ['sv', 'Observera att priserna ses över varje år.', 'Bra att veta: priserna ses över varje år.'],
  ] as const)('%s drop-in rewrite: %s', (lang, text, expected) => {
    const a = analyzeDraft(text, { lang });
    const swap = a.suggestions.find((s) => s.kind === 'rewrite' && s.replaces);
    const [start, end] = swap?.replaces ?? [0, 0];
    expect(`${text.slice(0, start)}${swap?.text}${text.slice(end)}`).toBe(expected);
  });

  test('restate: a sentence that mirrors the customer message', () => {
    const customerText = 'I have been charged twice for my broadband this month.';
    const a = analyzeDraft('So your broadband bill this month shows a double charge, which is not okay.', {
      customerText,
      lang: 'en',
    });
    expect(a.behaviors.find((b) => b.kind === 'restate')?.rule).toBe('restate.key-terms');
    // The agent's own action with the same words is a solution, not a restatement.
    const b = analyzeDraft("I've refunded the broadband charge this month.", { customerText, lang: 'en' });
    expect(b.behaviors.map((x) => x.kind)).toContain('solution');
    expect(b.behaviors.map((x) => x.kind)).not.toContain('restate');
  });

  test("the customer's name is the personal behaviour", () => {
    const a = analyzeDraft('Hi Anna, thanks for getting in touch.', { customerName: 'Anna Berg', lang: 'en' });
    const personal = a.behaviors.find((b) => b.kind === 'personal');
    expect(personal?.rule).toBe('personal.name');
    expect('Hi Anna, thanks for getting in touch.'.slice(...(personal?.span ?? [0, 0]))).toBe('Anna');
  });

  test('jargon the customer used first is not flagged', () => {
    const customerText = 'Where do I put the IBAN in the app?';
    const a = analyzeDraft('The IBAN goes in the first box.', { customerText, lang: 'en' });
    expect(a.risks.map((r) => r.kind)).not.toContain('jargon');
    expect(analyzeDraft('The IBAN goes in the first box.', { lang: 'en' }).risks.map((r) => r.kind)).toContain(
      'jargon',
    );
  });
});

describe('readability', () => {
  test('Flesch for English, LIX for Swedish, long sentences flagged', () => {
    const long = `I have looked at your account and ${'checked every single payment that was made '.repeat(4)}last month.`;
    const en = analyzeDraft(`Thanks. ${long}`, { lang: 'en' });
    expect(en.readability.index).toBe('flesch');
    expect(en.readability.longSentences).toHaveLength(1);
    expect(`Thanks. ${long}`.slice(...(en.readability.longSentences[0] ?? [0, 0]))).toBe(long);
    const sv = analyzeDraft('Tack för att du hörde av dig. Vi löser det.', { lang: 'sv' });
    expect(sv.readability.index).toBe('lix');
    // LIX = words per sentence + 100 * long words / words = 5 + 100 * 0 / 10.
    expect(sv.readability.value).toBe(5);
    expect(sv.readability.longSentences).toEqual([]);
  });

  test('simpler English reads easier', () => {
    const easy = analyzeDraft('We sent it today. It will come soon.', { lang: 'en' });
    const hard = analyzeDraft(
      'Consequently, the reconciliation of your outstanding remittances necessitates additional verification.',
      { lang: 'en' },
    );
    expect(easy.readability.value).toBeGreaterThan(hard.readability.value);
  });
});

describe('score', () => {
  test('an empathetic draft scores higher than a blaming one for an upset customer', () => {
    const customerText = "This is the third time I've called about my broadband. Fix it!";
    const customer = analyzeMessage(customerText);
    const good = analyzeDraft(
      "I'm really sorry you've had to call three times, that's frustrating. I've booked an engineer for tomorrow and I'll follow it up myself.",
      { customer, customerText },
    );
    const bad = analyzeDraft('As I already said, you should have restarted the router.', { customer, customerText });
    expect(good.score).toBeGreaterThan(bad.score);
    for (const s of [good.score, bad.score]) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(100);
    }
  });

  test('an empty draft scores 0 and gets no suggestions', () => {
    const a = analyzeDraft('   ', { customerText: 'Where is my parcel?' });
    expect(a.score).toBe(0);
    expect(a.suggestions).toEqual([]);
  });
});
