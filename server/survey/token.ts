// Signed survey links. A token is `base64url(payload).base64url(hmac)`: self-contained, so minting a link
// needs no database write and a link in an old email still verifies after a hub restart. The payload is
// readable by anyone holding the link (contact id, agent id, language); it carries nothing secret.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { CHANNELS, LANGS } from '../../lib/contract/vocab';

export const SURVEY_LANGS = LANGS;
export type SurveyLang = (typeof SURVEY_LANGS)[number];
export const SURVEY_CHANNELS = CHANNELS;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

export const DEFAULT_SURVEY_TTL_SECONDS = 14 * 24 * 3600;
/** A second visit may change the answer for this long after the first answer; never add a second answer. */
export const AMEND_WINDOW_SECONDS = 24 * 3600;

export interface SurveyClaims {
  /** Hub contact id (the helpdesk's ticket / conversation id). */
  contactId: string;
  /** Hub agent (user) id the link was minted for. */
  agentId: string;
  /** The team the link was minted in (links minted before teams were sealed carry none: the agent's team). */
  teamId?: string;
  lang: SurveyLang;
  channel: SurveyChannel;
  caseType?: string;
  /** Expiry, unix seconds. */
  exp: number;
  /** Issued at, unix seconds. */
  iat: number;
}

interface WirePayload {
  v: 1;
  c: string;
  a: string;
  t?: string;
  l: SurveyLang;
  ch: SurveyChannel;
  ct?: string;
  e: number;
  i: number;
  /** Random salt: two links for the same contact differ, so a leaked one can't be guessed from another. */
  n: string;
}

export type VerifyResult =
  | { ok: true; claims: SurveyClaims }
  | { ok: false; reason: 'malformed' | 'tampered' }
  | { ok: false; reason: 'expired'; claims: SurveyClaims };

/** Longest token the page accepts; minting refuses anything longer, so every minted link opens. */
export const MAX_TOKEN_LENGTH = 2048;

function mac(secret: string | Buffer, body: string): Buffer {
  return createHmac('sha256', secret).update(`attune-survey.${body}`).digest();
}

export function signSurveyToken(
  input: {
    contactId: string;
    agentId: string;
    teamId?: string;
    lang?: SurveyLang;
    channel?: SurveyChannel;
    caseType?: string;
    ttlSeconds?: number;
  },
  secret: string | Buffer,
  now: Date = new Date(),
): { token: string; claims: SurveyClaims } {
  const iat = Math.floor(now.getTime() / 1000);
  const payload: WirePayload = {
    v: 1,
    c: input.contactId,
    a: input.agentId,
    ...(input.teamId ? { t: input.teamId } : {}),
    l: input.lang ?? 'en',
    ch: input.channel ?? 'email',
    ...(input.caseType ? { ct: input.caseType } : {}),
    e: iat + (input.ttlSeconds ?? DEFAULT_SURVEY_TTL_SECONDS),
    i: iat,
    n: randomBytes(6).toString('base64url'),
  };
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  const token = `${body}.${mac(secret, body).toString('base64url')}`;
  return { token, claims: toClaims(payload) };
}

function toClaims(p: WirePayload): SurveyClaims {
  return {
    contactId: p.c,
    agentId: p.a,
    ...(p.t ? { teamId: p.t } : {}),
    lang: p.l,
    channel: p.ch,
    ...(p.ct ? { caseType: p.ct } : {}),
    exp: p.e,
    iat: p.i,
  };
}

function isWirePayload(x: unknown): x is WirePayload {
  if (typeof x !== 'object' || x === null) return false;
  const p = x as Record<string, unknown>;
  return (
    p.v === 1 &&
    typeof p.c === 'string' &&
    p.c.length > 0 &&
    typeof p.a === 'string' &&
    p.a.length > 0 &&
    (p.t === undefined || (typeof p.t === 'string' && p.t.length > 0)) &&
    typeof p.l === 'string' &&
    (SURVEY_LANGS as readonly string[]).includes(p.l) &&
    typeof p.ch === 'string' &&
    (SURVEY_CHANNELS as readonly string[]).includes(p.ch) &&
    (p.ct === undefined || typeof p.ct === 'string') &&
    Number.isSafeInteger(p.e) &&
    Number.isSafeInteger(p.i) &&
    typeof p.n === 'string'
  );
}

/** Never throws: any string from a URL is acceptable input. */
export function verifySurveyToken(token: string, secret: string | Buffer, now: Date = new Date()): VerifyResult {
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    return { ok: false, reason: 'malformed' };
  }
  const parts = token.split('.');
  if (parts.length !== 2) return { ok: false, reason: 'malformed' };
  const [body, sig] = parts as [string, string];
  if (!/^[A-Za-z0-9_-]+$/.test(body) || !/^[A-Za-z0-9_-]+$/.test(sig)) return { ok: false, reason: 'malformed' };
  const expected = mac(secret, body);
  const given = Buffer.from(sig, 'base64url');
  // Signature first: an unsigned payload is never parsed beyond base64.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'tampered' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!isWirePayload(parsed)) return { ok: false, reason: 'malformed' };
  const claims = toClaims(parsed);
  if (Math.floor(now.getTime() / 1000) >= claims.exp) return { ok: false, reason: 'expired', claims };
  return { ok: true, claims };
}

/** The hub's feedback externalId for a survey answer: one answer per contact and agent, whatever the link. */
export function surveyExternalId(claims: Pick<SurveyClaims, 'contactId' | 'agentId'>): string {
  return `survey:${claims.contactId}:${claims.agentId}`;
}

export function isSurveyLang(x: unknown): x is SurveyLang {
  return typeof x === 'string' && (SURVEY_LANGS as readonly string[]).includes(x);
}

/** Picks a survey language from an Accept-Language header (for pages shown when the token can't be read). */
export function langFromAcceptLanguage(header: string | undefined): SurveyLang {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0] ?? '';
    if (base === 'no' || base === 'nn') return 'nb';
    if (isSurveyLang(base)) return base;
  }
  return 'en';
}
