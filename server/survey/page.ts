// Server-rendered survey pages: plain HTML forms (no JavaScript), one fieldset per question so a screen
// reader announces the question with each option, large tap targets for phones. Every dynamic value goes
// through `escapeHtml`; the only inline style is the constant below, allowed by hash in the CSP.
import { createHash } from 'node:crypto';
import { fill, HTML_LANG, SURVEY_STRINGS, type ScaleWording } from './i18n';
import type { SurveyLang } from './token';

export type SurveyQuestion = 'empathy' | 'csat' | 'clarity' | 'nps';
export interface SurveyAnswers {
  empathy?: number;
  csat?: number;
  clarity?: number;
  nps?: number;
  comment?: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:1.05rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1f;background:#f5f5f7}
main{max-width:40rem;margin:0 auto;padding:1.25rem 1rem 3rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
fieldset{border:0;margin:0 0 1.5rem;padding:0}
legend{font-weight:600;margin-bottom:.5rem;padding:0}
.scale{display:flex;flex-wrap:wrap;gap:.4rem}
.scale label{position:relative;flex:1 1 2.75rem;min-width:2.75rem}
.scale span.box{display:flex;min-height:2.75rem;align-items:center;justify-content:center;border:2px solid #6b6b76;border-radius:.5rem;background:#fff;font-weight:600}
.scale input{position:absolute;inset:0;width:100%;height:100%;margin:0;opacity:0;cursor:pointer}
.scale input:checked+span.box{background:#1d4ed8;border-color:#1d4ed8;color:#fff}
.scale input:focus-visible+span.box{outline:3px solid #f59e0b;outline-offset:2px}
.anchors{display:flex;justify-content:space-between;font-size:.9rem;color:#4b4b55;margin-top:.3rem}
.optional{font-weight:400;color:#4b4b55}
label.text{display:block;font-weight:600;margin-bottom:.5rem}
textarea{width:100%;min-height:7rem;font:inherit;padding:.6rem;border:2px solid #6b6b76;border-radius:.5rem}
textarea:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
button,.button{display:inline-block;font:inherit;font-weight:600;padding:.75rem 1.5rem;min-height:2.75rem;border:0;border-radius:.5rem;background:#1d4ed8;color:#fff;text-decoration:none;cursor:pointer}
button:focus-visible,.button:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.notice{padding:.75rem 1rem;border-radius:.5rem;background:#e0f2e9;margin:0 0 1.25rem}
.problem{padding:.75rem 1rem;border-radius:.5rem;background:#fde8e8;margin:0 0 1.25rem}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
`;

const STYLE_HASH = `sha256-${createHash('sha256').update(STYLE).digest('base64')}`;

/** Sent with every survey page: no scripts at all, forms post only back to the hub. */
export const SURVEY_CSP = `default-src 'none'; style-src '${STYLE_HASH}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

function layout(lang: SurveyLang, title: string, body: string): string {
  return `<!doctype html>
<html lang="${HTML_LANG[lang]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function scale(
  name: SurveyQuestion,
  question: string,
  wording: ScaleWording,
  min: number,
  max: number,
  selected: number | undefined,
  optionalLabel?: string,
): string {
  const options: string[] = [];
  for (let v = min; v <= max; v++) {
    const id = `${name}-${v}`;
    // The end points carry their meaning for screen readers; sighted users read the anchors row below.
    const hint = v === min ? wording.low : v === max ? wording.high : '';
    // The (invisible) radio covers its whole box, so a tap lands on the radio it shows, never a neighbour.
    options.push(
      `<label for="${id}"><input type="radio" id="${id}" name="${name}" value="${v}"${selected === v ? ' checked' : ''}>` +
        `<span class="box">${v}${hint ? `<span class="sr-only"> – ${escapeHtml(hint)}</span>` : ''}</span></label>`,
    );
  }
  const optional = optionalLabel ? ` <span class="optional">(${escapeHtml(optionalLabel)})</span>` : '';
  return `<fieldset data-question="${name}">
<legend>${escapeHtml(question)}${optional}</legend>
<div class="scale">${options.join('')}</div>
<div class="anchors" aria-hidden="true"><span>${escapeHtml(wording.low)}</span><span>${escapeHtml(wording.high)}</span></div>
</fieldset>`;
}

export function formatUntil(lang: SurveyLang, until: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat(HTML_LANG[lang], {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(until);
}

export interface SurveyFormOptions {
  lang: SurveyLang;
  /** Agent's first name; untrusted (comes from the hub's user table). */
  agentFirstName?: string;
  /** Form action, already URL-safe (a path with the token). */
  action: string;
  answers?: SurveyAnswers;
  notice?: 'oneClickSaved' | 'nothingAnswered';
  amendUntil?: Date;
  commentMaxLength: number;
}

export function renderSurveyForm(o: SurveyFormOptions): string {
  const s = SURVEY_STRINGS[o.lang];
  const a = o.answers ?? {};
  const empathyQuestion = o.agentFirstName ? fill(s.empathy.question, { agent: o.agentFirstName }) : s.empathyNoName;
  const notices: string[] = [];
  if (o.notice === 'oneClickSaved') notices.push(`<p class="notice" role="status">${escapeHtml(s.oneClickSaved)}</p>`);
  if (o.notice === 'nothingAnswered')
    notices.push(`<p class="problem" role="alert">${escapeHtml(s.nothingAnswered)}</p>`);
  if (o.amendUntil) {
    notices.push(`<p>${escapeHtml(fill(s.canAmendUntil, { until: formatUntil(o.lang, o.amendUntil) }))}</p>`);
  }
  const body = `<h1>${escapeHtml(s.title)}</h1>
${notices.join('\n')}
<p>${escapeHtml(s.intro)}</p>
<form method="post" action="${escapeHtml(o.action)}" accept-charset="utf-8">
${scale('empathy', empathyQuestion, s.empathy, 1, 5, a.empathy)}
${scale('csat', s.csat.question, s.csat, 1, 5, a.csat)}
${scale('clarity', s.clarity.question, s.clarity, 1, 5, a.clarity)}
${scale('nps', s.nps.question, s.nps, 0, 10, a.nps, s.optional)}
<div class="field">
<label class="text" for="comment">${escapeHtml(s.comment)} <span class="optional">(${escapeHtml(s.optional)})</span></label>
<textarea id="comment" name="comment" rows="5" maxlength="${o.commentMaxLength}" dir="auto">${escapeHtml(a.comment ?? '')}</textarea>
</div>
<p><button type="submit">${escapeHtml(s.submit)}</button></p>
</form>`;
  return layout(o.lang, s.title, body);
}

export function renderThanks(o: { lang: SurveyLang; amendUntil?: Date; changeHref?: string }): string {
  const s = SURVEY_STRINGS[o.lang];
  const amend =
    o.amendUntil && o.changeHref
      ? `<p>${escapeHtml(fill(s.canAmendUntil, { until: formatUntil(o.lang, o.amendUntil) }))}</p>
<p><a class="button" href="${escapeHtml(o.changeHref)}">${escapeHtml(s.changeAnswer)}</a></p>`
      : '';
  return layout(
    o.lang,
    s.thanksTitle,
    `<h1>${escapeHtml(s.thanksTitle)}</h1>
<p role="status">${escapeHtml(s.thanks)}</p>
${amend}`,
  );
}

export type SurveyMessageKind = 'invalid' | 'expired' | 'tooMany' | 'error' | 'alreadyAnswered' | 'amendClosed';

export function renderMessage(lang: SurveyLang, kind: SurveyMessageKind): string {
  const s = SURVEY_STRINGS[lang];
  const texts: Record<SurveyMessageKind, [title: string, text: string]> = {
    invalid: [s.invalidTitle, s.invalid],
    expired: [s.expiredTitle, s.expired],
    tooMany: [s.tooManyTitle, s.tooMany],
    error: [s.errorTitle, s.error],
    alreadyAnswered: [s.thanksTitle, s.alreadyAnswered],
    amendClosed: [s.thanksTitle, `${s.alreadyAnswered} ${s.amendClosed}`],
  };
  const [title, text] = texts[kind];
  return layout(lang, title, `<h1>${escapeHtml(title)}</h1>\n<p data-kind="${kind}">${escapeHtml(text)}</p>`);
}
