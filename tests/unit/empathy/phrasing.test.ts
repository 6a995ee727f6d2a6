// Agent behaviours as real people write them: hedges and negation, typos, text typed without å/ä/ö/ø/æ,
// short chat lines. Table-driven: each row names behaviours that must be found and kinds that must not.
// These rows are what the pack rules were written against (a tune set); the corpus' `voice: other` drafts in
// the test split (tests/fixtures/empathy/<lang>/drafts.jsonl) were written before those rules and are never
// read to fix rules: `npm run eval:empathy` reports them as the held-out measure.
import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeDraft, loadAllLanguagePacks } from '../../../lib/empathy';
import type { Behavior, Lang } from '../../../lib/empathy/types';

beforeAll(async () => {
  await loadAllLanguagePacks();
});

type Row = [Lang, string, Behavior[], Behavior[]];

// [lang, draft, must be found, must not be found]
const rows: Row[] = [
  // Hedged acknowledgement: the feeling is named through "can't imagine", "wouldn't blame", "not that".
  ['en', "I can't imagine how frustrating this has been for you.", ['acknowledge'], []],
  ['en', 'i cant imagine how stressful that is', ['acknowledge'], []],
  ['en', "I don't blame you for being upset.", ['acknowledge'], []],
  ['en', "Can't say I blame you, honestly.", ['acknowledge'], []],
  ['en', "Not that I don't understand why you're annoyed.", ['acknowledge'], []],
  ['en', "No one would be happy with that, I'm sure.", ['acknowledge'], []],
  ['en', 'That really isnt good enough, you deserve better.', ['acknowledge'], []],
  // Negation: a negated understanding or apology is not one.
  ['en', "I don't understand which order you mean, could you send the number?", ['explore'], ['acknowledge']],
  ['en', "I'm not sure I follow, which page is it?", ['explore'], ['acknowledge']],
  ['en', "We're not sorry for following the policy.", [], ['apology']],
  // Typos and chat shorthand.
  ['en', 'soo sorry for the mix up!', ['apology'], []],
  ['en', 'apologies, thats on us', ['apology'], []],
  ['en', 'sorr, my mistake', ['apology'], []],
  ['en', 'I undrestand, that sounds really frustating', ['acknowledge'], []],
  ['en', 'ty for waiting!', ['thanks'], []],
  ['en', 'thnx, all done now', ['thanks'], []],
  ['en', 'ok', [], ['acknowledge', 'apology', 'solution', 'reassure']],
  ['en', 'np', [], ['acknowledge', 'apology', 'solution']],
  // Swedish without å/ä/ö, typos and hedges.
  ['sv', 'jag forstar att det ar frustrerande', ['acknowledge'], []],
  ['sv', 'Jag kan inte ens forestalla mig hur jobbigt det har varit.', ['acknowledge'], []],
  ['sv', 'Jag kan inte föreställa mig hur stressigt det är.', ['acknowledge'], []],
  ['sv', 'Jag klandrar dig inte för att du är arg.', ['acknowledge'], []],
  ['sv', 'forlat!! mitt fel', ['apology'], []],
  ['sv', 'Jag förstår inte vilken beställning du menar, kan du skicka numret?', ['explore'], ['acknowledge']],
  ['sv', 'tack for att du vantade', ['thanks'], []],
  // Norwegian and Danish without ø/æ/å.
  ['nb', 'jeg forstar at dette er frustrerende', ['acknowledge'], []],
  ['nb', 'Jeg kan ikke forestille meg hvor slitsomt det har vært.', ['acknowledge'], []],
  ['nb', 'Jeg forstår ikke hvilken ordre du mener, kan du sende nummeret?', ['explore'], ['acknowledge']],
  ['da', 'jeg forstar godt at det er frustrerende', ['acknowledge'], []],
  ['da', 'Jeg kan ikke forestille mig, hvor frustrerende det har været.', ['acknowledge'], []],
  ['da', 'Jeg forstår ikke, hvilken ordre du mener. Kan du sende nummeret?', ['explore'], ['acknowledge']],
  // Finnish without ä/ö.
  ['fi', 'ymmarran etta tama on turhauttavaa', ['acknowledge'], []],
  ['fi', 'En voi edes kuvitella, kuinka turhauttavaa tämä on.', ['acknowledge'], []],
  ['fi', 'En ymmärrä, mitä tilausta tarkoitat. Voitko lähettää numeron?', ['explore'], ['acknowledge']],
];

describe('behaviours in real phrasing', () => {
  test.each(rows)('%s: %s', (lang, text, must, mustNot) => {
    const kinds = new Set(analyzeDraft(text, { lang }).behaviors.map((b) => b.kind));
    for (const k of must) expect(kinds, `${k} missing`).toContain(k);
    for (const k of mustNot) expect(kinds, `${k} found`).not.toContain(k);
  });
});
