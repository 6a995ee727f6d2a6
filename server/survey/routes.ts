// HTTP side of the hosted survey: the public pages (`GET/POST /s/:token`) and the integration endpoint that
// mints links (`POST /api/v1/survey-links`). Pages never show a stack trace: every failure is a friendly
// page in the contact's language (or the browser's, when the token can't be read) with a 4xx status.
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { surveyLinkIn } from '../../lib/contract/requests';
import { surveyLinkSchema } from '../../lib/contract/schemas';
import { errors, type HubApp, hubApp, hubRoute, json, jsonBody } from '../api/openapi';
import { callerTeam, forbidden } from '../api/util';
import { clientIp, type TrustProxy } from '../client-ip';
import type { HubContext, HubEnv } from '../context';
import { safeError } from '../log';
import { DbRateLimiter } from '../rate-limit';
import { hasAnyAnswer, readAnswers } from './answers';
import { renderMessage, renderSurveyForm, renderThanks, SURVEY_CSP, type SurveyMessageKind } from './page';
import { agentFirstName, findAnswer, mintSurveyLink, recordAnswer, surveySecret } from './store';
import { langFromAcceptLanguage, type SurveyLang, verifySurveyToken } from './token';

/** The hub's comment limit (lib/contract/requests.ts: freeText(100_000)). */
export const COMMENT_MAX_LENGTH = 100_000;

export interface SurveyPageOptions {
  /** Requests per minute and IP on /s/* (default 60). */
  rateLimitPerMinute?: number;
  /** Reverse proxies in front of the hub (server/client-ip.ts); default none. */
  trustProxy?: TrustProxy;
  /** Overrides ATTUNE_SURVEY_SECRET / the stored secret (tests). */
  secret?: string;
}

function page(c: Context, html: string, status: 200 | 400 | 404 | 409 | 410 | 413 | 429 | 503) {
  c.header('Content-Security-Policy', SURVEY_CSP);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  // Tokens are in the URL: keep the pages out of shared caches.
  c.header('Cache-Control', 'no-store');
  return c.html(html, status);
}

const KIND_STATUS: Record<SurveyMessageKind, 200 | 400 | 404 | 409 | 410 | 429 | 503> = {
  invalid: 404,
  expired: 410,
  tooMany: 429,
  error: 503,
  alreadyAnswered: 200,
  amendClosed: 409,
};

/** Public survey pages, mounted at `/s`. `hub` is passed in: these routes run without the API's auth. */
export function surveyPageRoutes(hub: HubContext, opts: SurveyPageOptions = {}): Hono {
  const r = new Hono();
  const limiter = new DbRateLimiter(hub.db, { name: 'survey', limit: opts.rateLimitPerMinute ?? 60, windowMs: 60_000 });
  let secret: Promise<string> | null = null;
  const getSecret = () => {
    secret ??= surveySecret(hub, opts.secret).catch((err) => {
      secret = null;
      throw err;
    });
    return secret;
  };

  const message = (c: Context, lang: SurveyLang, kind: SurveyMessageKind) =>
    page(c, renderMessage(lang, kind), KIND_STATUS[kind]);

  r.use('*', async (c, next) => {
    const { allowed, retryAfterSeconds } = await limiter.take(clientIp(c, opts.trustProxy ?? { hops: 0 }));
    if (!allowed) {
      c.header('Retry-After', String(retryAfterSeconds));
      return message(c, langFromAcceptLanguage(c.req.header('accept-language')), 'tooMany');
    }
    await next();
  });

  r.onError((err, c) => {
    hub.log.error({ err: safeError(err) }, 'survey page failed');
    return message(c, langFromAcceptLanguage(c.req.header('accept-language')), 'error');
  });

  const verified = async (c: Context) => {
    const v = verifySurveyToken(c.req.param('token') ?? '', await getSecret(), hub.now());
    if (v.ok) return { claims: v.claims };
    const lang = v.reason === 'expired' ? v.claims.lang : langFromAcceptLanguage(c.req.header('accept-language'));
    return { res: message(c, lang, v.reason === 'expired' ? 'expired' : 'invalid') };
  };

  r.get('/:token', async (c) => {
    const v = await verified(c);
    if (!v.claims) return v.res;
    const { claims } = v;
    const name = await agentFirstName(hub, claims.agentId);
    const action = `/s/${encodeURIComponent(c.req.param('token'))}`;
    // One-click start from an email: `?csat=5` (or empathy=…) records that answer before anything else.
    const oneClick = readAnswers(c.req.query(), { commentMaxLength: COMMENT_MAX_LENGTH, includeComment: false });
    // Mail scanners probe links with HEAD before a person clicks: only a real GET records an answer.
    if (hasAnyAnswer(oneClick) && c.req.method !== 'HEAD') {
      const rec = await recordAnswer(hub, claims, oneClick, 'merge');
      if (rec.status === 'closed') return message(c, claims.lang, 'alreadyAnswered');
      if (rec.status === 'rejected') return message(c, claims.lang, 'invalid');
      return page(
        c,
        renderSurveyForm({
          lang: claims.lang,
          ...(name ? { agentFirstName: name } : {}),
          action,
          answers: rec.answer.answers,
          notice: 'oneClickSaved',
          commentMaxLength: COMMENT_MAX_LENGTH,
        }),
        200,
      );
    }
    const existing = await findAnswer(hub, claims);
    if (existing && hub.now() >= existing.amendUntil) return message(c, claims.lang, 'alreadyAnswered');
    return page(
      c,
      renderSurveyForm({
        lang: claims.lang,
        ...(name ? { agentFirstName: name } : {}),
        action,
        ...(existing ? { answers: existing.answers, amendUntil: existing.amendUntil } : {}),
        commentMaxLength: COMMENT_MAX_LENGTH,
      }),
      200,
    );
  });

  r.post(
    '/:token',
    // A 100,000-character comment in a 3-byte script is ~2.7 MB once form-encoded.
    bodyLimit({
      maxSize: 4 * 1024 * 1024,
      onError: (c) => page(c, renderMessage(langFromAcceptLanguage(c.req.header('accept-language')), 'error'), 413),
    }),
    async (c) => {
      const v = await verified(c);
      if (!v.claims) return v.res;
      const { claims } = v;
      let fields: Record<string, unknown> = {};
      try {
        fields = (await c.req.parseBody()) as Record<string, unknown>;
      } catch {
        fields = {};
      }
      const answers = readAnswers(fields, { commentMaxLength: COMMENT_MAX_LENGTH, includeComment: true });
      const token = c.req.param('token');
      const action = `/s/${encodeURIComponent(token)}`;
      if (!hasAnyAnswer(answers)) {
        const name = await agentFirstName(hub, claims.agentId);
        return page(
          c,
          renderSurveyForm({
            lang: claims.lang,
            ...(name ? { agentFirstName: name } : {}),
            action,
            notice: 'nothingAnswered',
            commentMaxLength: COMMENT_MAX_LENGTH,
          }),
          400,
        );
      }
      const rec = await recordAnswer(hub, claims, answers, 'replace');
      if (rec.status === 'closed') return message(c, claims.lang, 'amendClosed');
      if (rec.status === 'rejected') return message(c, claims.lang, 'invalid');
      return page(c, renderThanks({ lang: claims.lang, amendUntil: rec.answer.amendUntil, changeHref: action }), 200);
    },
  );

  r.all('*', (c) => message(c, langFromAcceptLanguage(c.req.header('accept-language')), 'invalid'));
  return r;
}

/** The configured public base URL, if it is an http(s) URL. */
export function publicBaseUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? raw : null;
  } catch {
    return null;
  }
}

export interface SurveyLinkOptions {
  /** Public base URL of the hub for links in emails (else ATTUNE_PUBLIC_URL; neither: minting is refused). */
  publicUrl?: string;
  secret?: string;
}

/**
 * `POST /survey-links` under /api/v1: integrations (agents of their team, any team when unscoped), leads
 * (their own team) and admins mint links; `ttlDays` defaults to 14. Expects the API's auth middleware to have set `principal`.
 */
export function surveyLinkRoutes(opts: SurveyLinkOptions = {}): HubApp {
  const r = hubApp();
  const notAgent: MiddlewareHandler<HubEnv> = async (c, next) => {
    const principal = c.get('principal');
    if (principal.kind === 'user' && principal.role === 'agent') return forbidden(c);
    await next();
  };
  // Never the request's Host header: a link in a customer's email must point at the hub the operator
  // configured, not at whatever host a caller (or a proxy) put in the request.
  const baseUrlOf = (c: Context<HubEnv>) => publicBaseUrl(opts.publicUrl ?? c.get('hub').publicUrl ?? undefined);
  const needsBaseUrl: MiddlewareHandler<HubEnv> = async (c, next) => {
    if (!baseUrlOf(c)) {
      return c.json(
        { error: 'ATTUNE_PUBLIC_URL is not set (or not an http(s) URL): the hub cannot mint survey links without it' },
        503,
      );
    }
    await next();
  };
  const mint = hubRoute({
    method: 'post',
    path: '/survey-links',
    summary: 'Mint a signed survey link for a contact and agent (integration, lead or admin)',
    description: 'An unscoped integration token or an admin names the team in the Attune-Team header.',
    middleware: [notAgent, callerTeam, needsBaseUrl],
    request: { body: jsonBody(surveyLinkIn) },
    responses: { 201: json(surveyLinkSchema, 'The link'), ...errors(400, 401, 403, 413, 415, 503) },
  });
  r.openapi(mint, async (c) => {
    const body = c.req.valid('json');
    const hub = c.get('hub');
    const res = await mintSurveyLink(
      hub,
      {
        contactId: body.contactId,
        agent: body.agent,
        ...(body.lang ? { lang: body.lang } : {}),
        ...(body.channel ? { channel: body.channel } : {}),
        ...(body.caseType ? { caseType: body.caseType } : {}),
        ...(body.ttlDays ? { ttlSeconds: body.ttlDays * 86_400 } : {}),
      },
      { baseUrl: baseUrlOf(c) as string, teamId: c.get('callerTeam'), secret: await surveySecret(hub, opts.secret) },
    );
    if (!res.ok) return c.json({ errors: res.errors }, 400);
    return c.json({ url: res.url, token: res.token, expiresAt: res.expiresAt, agentId: res.agentId }, 201);
  });
  return r;
}
