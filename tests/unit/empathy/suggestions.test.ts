// Suggestion ranking and the phrase library: emotion and missing behaviours drive the order, the channel
// shapes the phrases, usage and favourites move them, the team library merges over the built-ins, and a
// suggestion never repeats what the draft already says.
import { beforeAll, describe, expect, test } from 'vitest';
import {
  analyzeDraft,
  analyzeMessage,
  combinePhraseLibraries,
  fillPlaceholders,
  loadAllLanguagePacks,
  type PhraseLibrary,
} from '../../../lib/empathy';

beforeAll(async () => {
  await loadAllLanguagePacks();
});

const angry = "This is the THIRD time I've contacted you about my bill and it's still wrong! I'm switching provider.";
const confused = "I don't understand my bill. What does this charge mean?";
const happy = 'Thank you so much, the engineer was brilliant!';

describe('ranking', () => {
  test('an upset customer: acknowledge comes before the solution, and an apology is offered', () => {
    const a = analyzeDraft("I've corrected your bill.", { customerText: angry, channel: 'chat', lang: 'en' });
    const kinds = a.suggestions.map((s) => s.kind);
    expect(kinds[0]).toBe('acknowledge');
    expect(kinds).toContain('apology');
    expect(kinds).not.toContain('solution'); // the draft already has one
  });

  test('a confused customer: explore ranks first', () => {
    const a = analyzeDraft('The charge is for your router.', { customerText: confused, channel: 'chat', lang: 'en' });
    expect(a.suggestions[0]?.kind).toBe('explore');
  });

  test('a happy customer: thanks ranks first', () => {
    const a = analyzeDraft('Glad it worked out.', { customerText: happy, channel: 'chat', lang: 'en' });
    expect(a.suggestions[0]?.kind).toBe('thanks');
  });

  test('higher intensity ranks the feeling-related moves higher', () => {
    const calm = analyzeMessage('I am a bit annoyed about the bill.', { lang: 'en' });
    const furious = analyzeMessage('I am SO FURIOUS about this bill!!! Third time!!!', { lang: 'en' });
    expect(furious.intensity).toBeGreaterThan(calm.intensity);
    const a = analyzeDraft("I've corrected it.", { customer: furious, channel: 'chat', lang: 'en' });
    expect(a.suggestions[0]?.kind).toBe('acknowledge');
  });

  test('never suggests a behaviour the draft already shows, nor a phrase the draft already contains', () => {
    const draft = "I completely understand how frustrating this must be. I'm really sorry about this.";
    const a = analyzeDraft(draft, { customerText: angry, channel: 'chat', lang: 'en' });
    expect(a.suggestions.map((s) => s.kind)).not.toContain('acknowledge');
    expect(a.suggestions.map((s) => s.kind)).not.toContain('apology');
    for (const s of a.suggestions) expect(draft.toLowerCase()).not.toContain(s.text.toLowerCase());
  });

  test('rewrites come first and point at the risky words', () => {
    const draft = 'As I already said, the bill is correct.';
    const a = analyzeDraft(draft, { customerText: angry, channel: 'chat', lang: 'en' });
    const first = a.suggestions[0];
    expect(first?.kind).toBe('rewrite');
    expect(draft.slice(...(first?.replaces ?? [0, 0]))).toBe('As I already said,');
    expect(first?.text).toBe('To recap,');
  });
});

describe('channel', () => {
  test('email: suggests a greeting with the name and a sign-off when missing; chat never does', () => {
    const email = analyzeDraft("I've corrected your bill.", {
      customerText: angry,
      channel: 'email',
      customerName: 'Sam Jones',
      lang: 'en',
    });
    const texts = email.suggestions.map((s) => s.text);
    expect(texts.some((t) => /^(Hi|Dear) Sam,$/.test(t))).toBe(true);
    const chat = analyzeDraft("I've corrected your bill.", {
      customerText: angry,
      channel: 'chat',
      customerName: 'Sam',
      lang: 'en',
    });
    expect(chat.suggestions.some((s) => /regards|wishes/i.test(s.text))).toBe(false);
    expect(chat.suggestions.some((s) => /^(Hi|Dear) Sam,$/.test(s.text))).toBe(false);
  });

  test('chat suggestions are short', () => {
    const a = analyzeDraft('ok', { customerText: angry, channel: 'chat', lang: 'en' });
    for (const s of a.suggestions) expect(s.text.split(/\s+/).length).toBeLessThanOrEqual(20);
  });
});

describe('placeholders', () => {
  test.each([
    ["I'm sorry for the trouble[ with {issue}].", {}, "I'm sorry for the trouble."],
    ["I'm sorry for the trouble[ with {issue}].", { issue: 'your bill' }, "I'm sorry for the trouble with your bill."],
    ['Thanks for your patience[, {name}].', { name: 'Ana' }, 'Thanks for your patience, Ana.'],
    ['Thanks for your patience[, {name}].', {}, 'Thanks for your patience.'],
    ['Hi {name}, thanks for reaching out.', {}, 'Hi, thanks for reaching out.'],
    ['Hej {name}!', {}, 'Hej!'],
  ])('%s with %o', (text, values, expected) => {
    expect(fillPlaceholders(text, values)).toBe(expected);
  });

  test('{issue} is filled from the customer message topic and {name} from the context', () => {
    const a = analyzeDraft('ok', { customerText: angry, channel: 'chat', customerName: 'Sam', lang: 'en' });
    const texts = a.suggestions.map((s) => s.text).join(' ');
    expect(texts).not.toMatch(/\{|\}|\[|\]/);
  });
});

describe('phrase library', () => {
  const team: PhraseLibrary = {
    id: 'team-stockholm',
    name: 'Support Stockholm',
    phrases: [
      { id: 'team.ack.1', lang: 'en', kind: 'acknowledge', text: 'Ugh, that is genuinely rubbish, I get it.' },
      { id: 'team.sv.1', lang: 'sv', kind: 'acknowledge', text: 'Usch, det förstår jag verkligen.' },
    ],
    disabled: ['en.ack.1', 'en.ack.2', 'en.ack.3', 'en.ack.6', 'en.ack.8', 'en.ack.9'],
  };

  test("a team's phrase joins the built-ins and disabled built-ins disappear", () => {
    const a = analyzeDraft("I've corrected your bill.", {
      customerText: angry,
      channel: 'chat',
      library: team,
      lang: 'en',
    });
    const ack = a.suggestions.find((s) => s.kind === 'acknowledge');
    expect(ack?.id).toBe('team.ack.1');
    for (const s of a.suggestions) expect(team.disabled).not.toContain(s.id);
  });

  test("favourites rank a phrase up; the agent's favourites merge over the team library", () => {
    const base = analyzeDraft("I've corrected your bill.", { customerText: angry, channel: 'chat', lang: 'en' });
    const apologyIds = ['en.apo.1', 'en.apo.2', 'en.apo.4', 'en.apo.5'];
    const notChosen = apologyIds.find((id) => !base.suggestions.some((s) => s.id === id));
    expect(notChosen).toBeDefined();
    const mine: PhraseLibrary = { id: 'me', name: 'My favourites', phrases: [], favourites: [notChosen as string] };
    const library = combinePhraseLibraries(team, mine);
    expect(library.disabled).toEqual(team.disabled);
    const a = analyzeDraft("I've corrected your bill.", { customerText: angry, channel: 'chat', library, lang: 'en' });
    expect(a.suggestions.map((s) => s.id)).toContain(notChosen);
  });

  test('a phrase the agent keeps dismissing drops out in favour of another', () => {
    const first = analyzeDraft('ok', { customerText: angry, channel: 'chat', lang: 'en' }).suggestions[0];
    expect(first).toBeDefined();
    const usage = { [first?.id as string]: { shown: 20, accepted: 0, dismissed: 12 } };
    const again = analyzeDraft('ok', { customerText: angry, channel: 'chat', lang: 'en', usage });
    expect(again.suggestions.find((s) => s.kind === first?.kind)?.id).not.toBe(first?.id);
  });

  test('phrases of another language are not suggested', () => {
    const a = analyzeDraft('ok', { customerText: angry, channel: 'chat', library: team, lang: 'en' });
    expect(a.suggestions.map((s) => s.id)).not.toContain('team.sv.1');
  });
});

describe('placeholders in ranking', () => {
  test('a phrase whose sentence needs {name} or {issue} is skipped when there is no value', () => {
    // No customer name, and a message without a recognisable topic.
    const a = analyzeDraft('ok', {
      customerText: "I'm so angry, this is the third time!",
      channel: 'email',
      lang: 'en',
    });
    expect(a.suggestions.length).toBeGreaterThan(0);
    for (const s of a.suggestions) {
      expect(s.text).not.toMatch(/^(Hi|Dear),/);
      expect(s.text).not.toMatch(/, still isn't sorted|,\s*[.!?]|\s{2}/);
    }
  });
});
