// analyzeDraft reuses what it found before the first changed character (tokens, sentences, rule hits,
// restatements, counts, the word index). Reuse must never change a result: after every edit of a random
// session (typing at the end, typing in the middle, backspace, deleting a span, pasting a sentence, markup the
// tokenizer reads ahead for, capitals that a later lower-case word turns into an ordinary word) the analysis equals a fresh one.
import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeDraft, analyzeMessage, loadAllLanguagePacks } from '../../../lib/empathy';
import { analyzeDraftFresh } from '../../../lib/empathy/draft';
import type { DraftContext, Lang } from '../../../lib/empathy/types';
import { mulberry32 } from '../../../lib/random';
import { readCorpus } from './corpus';

beforeAll(async () => {
  await loadAllLanguagePacks();
});

type Edit = (text: string, rnd: () => number, pool: string[]) => string;

const pick = <T>(xs: readonly T[], rnd: () => number): T => xs[Math.floor(rnd() * xs.length)] as T;
const at = (text: string, rnd: () => number) => Math.floor(rnd() * (text.length + 1));

const EDITS: [string, number, Edit][] = [
  // The common case, weighted: the agent types the next characters of a reply at the end.
  ['type at the end', 6, (t, r, pool) => t + pick(pool, r).slice(0, 1 + Math.floor(r() * 3))],
  [
    'type in the middle',
    2,
    (t, r) => {
      const i = at(t, r);
      return t.slice(0, i) + pick(['a', ' ', '.', ',', 'I ', '?', '\n', 'not '], r) + t.slice(i);
    },
  ],
  ['backspace', 2, (t, r) => t.slice(0, Math.max(0, t.length - 1 - Math.floor(r() * 3)))],
  [
    'delete a span',
    1,
    (t, r) => {
      const i = at(t, r);
      return t.slice(0, i) + t.slice(Math.min(t.length, i + 1 + Math.floor(r() * 40)));
    },
  ],
  [
    'paste a sentence',
    1,
    (t, r, pool) => {
      const i = at(t, r);
      return `${t.slice(0, i)} ${pick(pool, r)} ${t.slice(i)}`;
    },
  ],
  // Characters the tokenizer reads past a word for: an apostrophe ("I'" + "d"), a tag that closes later
  // ("<b world" + ">"), an entity ("&amp" + ";"), a block tag between sentences ("<br").
  [
    'markup',
    2,
    (t, r) => {
      const bit = pick(["'", 'd', '<', '>', '<b', '<br>', '&amp', ';', '&#39', ' x', '</p>'], r);
      const i = r() < 0.7 ? t.length : at(t, r);
      return t.slice(0, i) + bit + t.slice(i);
    },
  ],
  ['shout', 1, (t, r) => `${t} ${pick(['WE FIXED IT!!', 'THE ORDER', 'PLEASE', 'I am sorry', 'the order'], r)}`],
];

function editOf(rnd: () => number): [string, Edit] {
  const total = EDITS.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [name, w, edit] of EDITS) {
    x -= w;
    if (x < 0) return [name, edit];
  }
  const last = EDITS[EDITS.length - 1] as [string, number, Edit];
  return [last[0], last[2]];
}

const LANGS: Lang[] = ['en', 'sv', 'nb', 'da', 'fi'];

/** The texts a composer holds while the agent types `+text` (a character at a time) and `-n` (backspaces). */
function keystrokes(start: string, script: string[]): string[] {
  const texts: string[] = [];
  let text = start;
  for (const step of script) {
    if (step.startsWith('-')) {
      for (let k = 0; k < Number(step.slice(1)); k++) {
        text = text.slice(0, -1);
        texts.push(text);
      }
    } else {
      for (const ch of step.slice(1)) {
        text += ch;
        texts.push(text);
      }
    }
  }
  return texts;
}

// Edits that change how an earlier, untouched part of the draft reads: what reuse must notice.
// [what, customer's message, draft before, keystrokes]
const BOUNDARIES: [string, string, string, string[]][] = [
  [
    'a lower-case "date" typed later makes an earlier "DATE" shouting, which ends its restatement',
    'My date is wrong again, the date amount doubled this month.',
    'I can see your DATE amount doubled this month. ',
    ['+Thanks for the date', '-4', '+data'],
  ],
  [
    'an abbreviation followed by a lower-case word joins two sentences',
    'When will my parcel arrive?',
    'We can send it on a weekday, e.g. ',
    ['+T', '-1', '+tuesday morning.', '-16', '+Tuesday.'],
  ],
  ['an apostrophe followed by a letter joins the word before it', '', "Thanks, I'", ['+d', '-1', '+ll check it']],
  ['a tag closed later hides the words inside it', '', 'Thanks for your patience. <b world', ['+>', '-1', '+ ok']],
  ['an entity finished later is no word', '', 'Sorry for the delay &amp', ['+;', '-1', '+ thanks']],
  ['a block tag between sentences', '', 'I am so sorry<b', ['+r>', '+Your order', '-12', '+ that']],
];

describe('analyzeDraft: an incremental analysis equals a fresh one', () => {
  test.each(BOUNDARIES)('%s', (_what, customerText, start, script) => {
    const ctx: DraftContext = { customerText, customer: analyzeMessage(customerText, { lang: 'en' }), lang: 'en' };
    analyzeDraft(start, ctx);
    for (const text of keystrokes(start, script)) {
      expect(analyzeDraft(text, ctx), JSON.stringify(text)).toEqual(analyzeDraftFresh(text, ctx));
    }
  });

  test('the shouting case above does turn a restatement off (the table tests what it says)', () => {
    const [, customerText] = BOUNDARIES[0] as [string, string, string, string[]];
    const ctx: DraftContext = { customerText, customer: analyzeMessage(customerText, { lang: 'en' }), lang: 'en' };
    const kinds = (t: string) => analyzeDraftFresh(t, ctx).behaviors.map((b) => b.kind);
    expect(kinds('I can see your DATE amount doubled this month. Thanks')).toContain('restate');
    expect(kinds('I can see your DATE amount doubled this month. Thanks for the date')).not.toContain('restate');
  });

  test.each(LANGS)('%s: 400 random edits of a long reply', (lang) => {
    const { drafts } = readCorpus(lang);
    expect(drafts.length).toBeGreaterThan(5);
    const rnd = mulberry32(LANGS.indexOf(lang) + 1);
    const pool = drafts.map((d) => d.text);
    const first = drafts[0];
    const customerText = first?.customer ?? '';
    const ctx: DraftContext = {
      customer: analyzeMessage(customerText, { lang }),
      customerText,
      customerName: 'Tom Berg',
      lang,
      channel: 'email',
    };
    // A few replies in a row: a long draft whose earlier sentences the edits mostly leave alone.
    let text = pool.slice(0, 8).join('\n\n');
    let edits = 0;
    analyzeDraft(text, ctx);
    for (let step = 0; step < 400; step++) {
      const [name, edit] = editOf(rnd);
      text = edit(text, rnd, pool);
      // The incremental analysis reuses the one before it, edit after edit; the fresh one reuses nothing.
      const incremental = analyzeDraft(text, ctx);
      expect(incremental, `step ${step} (${name})`).toEqual(analyzeDraftFresh(text, ctx));
      edits++;
    }
    expect(edits).toBe(400);
  });

  test('two composers in turn, and a customer message that changes, each read as if fresh', () => {
    const { drafts } = readCorpus('en');
    const a = drafts
      .slice(0, 6)
      .map((d) => d.text)
      .join(' ');
    const b = drafts
      .slice(6, 12)
      .map((d) => d.text)
      .join(' ');
    const msgs = [drafts[0]?.customer ?? '', drafts[7]?.customer ?? ''];
    for (let i = 0; i < 40; i++) {
      const text = `${i % 2 === 0 ? a : b}${' I understand'.slice(0, i)}`;
      const customerText = msgs[Math.floor(i / 10) % 2] as string;
      const ctx: DraftContext = { customerText, customer: analyzeMessage(customerText), lang: 'en' };
      expect(analyzeDraft(text, ctx), `step ${i}`).toEqual(analyzeDraftFresh(text, ctx));
    }
  });
});
