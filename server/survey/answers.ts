// Reading answers from a one-click query string or a posted form. Anything out of range is ignored rather
// than rejected: a customer who fiddles with a URL still gets a working survey, never an error page.
import type { SurveyAnswers, SurveyQuestion } from './page';

export const QUESTION_RANGES: Record<SurveyQuestion, [min: number, max: number]> = {
  empathy: [1, 5],
  csat: [1, 5],
  clarity: [1, 5],
  nps: [0, 10],
};
export const QUESTIONS = Object.keys(QUESTION_RANGES) as SurveyQuestion[];

function score(raw: unknown, [min, max]: [number, number]): number | undefined {
  if (typeof raw !== 'string' || !/^\d{1,2}$/.test(raw.trim())) return undefined;
  const n = Number(raw.trim());
  return n >= min && n <= max ? n : undefined;
}

/**
 * Comments are kept as the customer wrote them (markup included: it is shown as text, never as HTML),
 * minus control characters, which PostgreSQL cannot store (NUL) or which only garble the text.
 */
export function cleanComment(raw: string, maxLength: number): string {
  const text = raw
    .replace(/\r\n?/g, '\n')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\uFEFF]/g, '')
    // Half a UTF-16 surrogate pair is not text PostgreSQL stores: the replacement character stands in for it.
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .trim();
  // Cut on a code point boundary so a surrogate pair is never split.
  return Array.from(text).length > maxLength ? Array.from(text).slice(0, maxLength).join('') : text;
}

export function readAnswers(
  fields: Record<string, unknown>,
  opts: { commentMaxLength: number; includeComment: boolean },
): SurveyAnswers {
  const answers: SurveyAnswers = {};
  for (const q of QUESTIONS) {
    const v = score(fields[q], QUESTION_RANGES[q]);
    if (v !== undefined) answers[q] = v;
  }
  if (opts.includeComment && typeof fields.comment === 'string') {
    const comment = cleanComment(fields.comment, opts.commentMaxLength);
    if (comment) answers.comment = comment;
  }
  return answers;
}

export function hasAnyAnswer(a: SurveyAnswers): boolean {
  return QUESTIONS.some((q) => a[q] !== undefined) || (a.comment !== undefined && a.comment.length > 0);
}
