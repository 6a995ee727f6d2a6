import { describe, expect, it } from 'vitest';
import { cleanComment, readAnswers } from '../../server/survey/answers';
import { SURVEY_STRINGS } from '../../server/survey/i18n';
import { escapeHtml, renderMessage, renderSurveyForm, renderThanks, SURVEY_CSP } from '../../server/survey/page';
import { SURVEY_LANGS } from '../../server/survey/token';

const EMPATHY = {
  en: 'How well did Kim understand your situation?',
  sv: 'Hur väl förstod Kim din situation?',
  nb: 'Hvor godt forsto Kim situasjonen din?',
  da: 'Hvor godt forstod Kim din situation?',
  fi: 'Kuinka hyvin Kim ymmärsi tilanteesi?',
} as const;

describe('survey pages', () => {
  it.each(SURVEY_LANGS)('%s: every question, in the language, as fieldsets with legends', (lang) => {
    const html = renderSurveyForm({ lang, agentFirstName: 'Kim', action: '/s/t', commentMaxLength: 100 });
    const s = SURVEY_STRINGS[lang];
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain(`<legend>${escapeHtml(EMPATHY[lang])}</legend>`);
    for (const q of [s.csat.question, s.clarity.question]) expect(html).toContain(`<legend>${escapeHtml(q)}</legend>`);
    expect(html).toContain(escapeHtml(s.nps.question));
    expect(html).toContain(`(${s.optional})`);
    expect(html.match(/type="radio"/g)).toHaveLength(5 + 5 + 5 + 11);
    expect(html).not.toMatch(/\{\w+\}/);
  });

  it.each(SURVEY_LANGS)('%s: no string is left empty or untranslated', (lang) => {
    for (const [key, value] of Object.entries(SURVEY_STRINGS[lang])) {
      const texts: string[] = typeof value === 'string' ? [value] : Object.values(value as Record<string, string>);
      for (const t of texts) expect(t.trim(), `${lang}.${key}`).not.toBe('');
      if (lang !== 'en' && key !== 'submit')
        expect(value, `${lang}.${key}`).not.toEqual(SURVEY_STRINGS.en[key as keyof typeof SURVEY_STRINGS.en]);
    }
  });

  it('falls back to "we" when the agent has no name', () => {
    expect(renderSurveyForm({ lang: 'sv', action: '/s/t', commentMaxLength: 10 })).toContain(
      'Hur väl förstod vi din situation?',
    );
  });

  it('escapes every untrusted value: agent name, comment, action', () => {
    const html = renderSurveyForm({
      lang: 'en',
      agentFirstName: '<img src=x onerror=alert(1)>',
      action: '/s/"><script>x</script>',
      answers: { comment: '</textarea><script>alert(1)</script>' },
      commentMaxLength: 100,
    });
    expect(html).not.toMatch(/<script|<img|<\/textarea><script/);
    expect(html).toContain('&#60;/textarea&#62;&#60;script&#62;');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });

  it('marks the current answers as checked and announces notices', () => {
    const html = renderSurveyForm({
      lang: 'en',
      action: '/s/t',
      answers: { csat: 5, nps: 0 },
      notice: 'oneClickSaved',
      amendUntil: new Date('2026-11-24T12:00:00Z'),
      commentMaxLength: 100,
    });
    expect(html).toMatch(/id="csat-5" name="csat" value="5" checked/);
    expect(html).toMatch(/id="nps-0" name="nps" value="0" checked/);
    expect(html).toContain('role="status"');
    expect(html).toContain('You can change your answers until');
  });

  it('allows no scripts and posts only to itself', () => {
    expect(SURVEY_CSP).toMatch(/default-src 'none'/);
    expect(SURVEY_CSP).toMatch(/form-action 'self'/);
    expect(SURVEY_CSP).not.toMatch(/script-src|unsafe-inline/);
  });

  it.each(['invalid', 'expired', 'tooMany', 'error', 'alreadyAnswered', 'amendClosed'] as const)(
    'message page %s exists in every language',
    (kind) => {
      for (const lang of SURVEY_LANGS) {
        const html = renderMessage(lang, kind);
        expect(html).toContain(`data-kind="${kind}"`);
        expect(html).toContain(`<html lang="${lang}">`);
      }
    },
  );

  it('thanks page offers the change link while amending is open', () => {
    expect(renderThanks({ lang: 'da', amendUntil: new Date(), changeHref: '/s/t' })).toContain('Ændr mine svar');
    expect(renderThanks({ lang: 'da' })).not.toContain('Ændr mine svar');
  });

  it.each([
    [{ csat: '5' }, { csat: 5 }],
    [{ csat: '0', empathy: '6', clarity: 'x', nps: '10' }, { nps: 10 }],
    [
      { nps: '0', empathy: ' 3 ' },
      { nps: 0, empathy: 3 },
    ],
    [{ csat: ['5', '1'] }, {}],
    [{ csat: '4.5' }, {}],
    [{ comment: '  hej  ' }, { comment: 'hej' }],
    [{ comment: '\u0000\u0001' }, {}],
  ])('readAnswers(%j)', (fields, expected) => {
    expect(readAnswers(fields, { commentMaxLength: 100, includeComment: true })).toEqual(expected);
  });

  it('cuts an over-long comment on a code point boundary', () => {
    expect(cleanComment('😀😀😀', 2)).toBe('😀😀');
  });
});
