import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SURVEY_TTL_SECONDS,
  langFromAcceptLanguage,
  signSurveyToken,
  surveyExternalId,
  verifySurveyToken,
} from '../../server/survey/token';

const SECRET = 'test-secret-0123456789';
const T0 = new Date('2026-03-01T10:00:00Z');

describe('survey tokens', () => {
  it('round-trips the contact, agent, language and channel', () => {
    const { token } = signSurveyToken({ contactId: 'rt:42', agentId: 'u-1', lang: 'sv', channel: 'chat' }, SECRET, T0);
    const r = verifySurveyToken(token, SECRET, T0);
    expect(r).toMatchObject({ ok: true, claims: { contactId: 'rt:42', agentId: 'u-1', lang: 'sv', channel: 'chat' } });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('expires after 14 days by default and after a configured ttl otherwise', () => {
    const { token } = signSurveyToken({ contactId: 'c', agentId: 'a' }, SECRET, T0);
    const justBefore = new Date(T0.getTime() + (DEFAULT_SURVEY_TTL_SECONDS - 1) * 1000);
    const atExpiry = new Date(T0.getTime() + DEFAULT_SURVEY_TTL_SECONDS * 1000);
    expect(verifySurveyToken(token, SECRET, justBefore).ok).toBe(true);
    expect(verifySurveyToken(token, SECRET, atExpiry)).toMatchObject({ ok: false, reason: 'expired' });

    const short = signSurveyToken({ contactId: 'c', agentId: 'a', ttlSeconds: 60 }, SECRET, T0).token;
    expect(verifySurveyToken(short, SECRET, new Date(T0.getTime() + 59_000)).ok).toBe(true);
    expect(verifySurveyToken(short, SECRET, new Date(T0.getTime() + 60_000))).toMatchObject({ reason: 'expired' });
  });

  it('an expired token still names its language, so the closed page speaks it', () => {
    const { token } = signSurveyToken({ contactId: 'c', agentId: 'a', lang: 'fi', ttlSeconds: 1 }, SECRET, T0);
    const r = verifySurveyToken(token, SECRET, new Date(T0.getTime() + 5000));
    expect(r.ok === false && r.reason === 'expired' && r.claims.lang).toBe('fi');
  });

  it('two links for the same contact differ but map to one answer', () => {
    const a = signSurveyToken({ contactId: 'c', agentId: 'a' }, SECRET, T0);
    const b = signSurveyToken({ contactId: 'c', agentId: 'a' }, SECRET, T0);
    expect(a.token).not.toBe(b.token);
    expect(surveyExternalId(a.claims)).toBe(surveyExternalId(b.claims));
  });

  const { token: good } = signSurveyToken({ contactId: 'rt:42', agentId: 'u-1' }, SECRET, T0);
  const [body = '', sig = ''] = good.split('.');
  const forged = Buffer.from(
    JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), a: 'someone-else' }),
  ).toString('base64url');
  const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);

  it.each([
    ['payload changed to another agent', `${forged}.${sig}`, 'tampered'],
    ['signature changed', `${body}.${flip(sig)}`, 'tampered'],
    ['signature truncated', `${body}.${sig.slice(0, 10)}`, 'tampered'],
    [
      'signed with another secret',
      signSurveyToken({ contactId: 'rt:42', agentId: 'u-1' }, 'other', T0).token,
      'tampered',
    ],
    ['no signature', body, 'malformed'],
    ['empty', '', 'malformed'],
    ['three parts', `${body}.${sig}.x`, 'malformed'],
    ['not base64url', `${body}.<script>`, 'malformed'],
    ['huge', 'a'.repeat(5000), 'malformed'],
  ])('rejects a token with %s', (_label, token, reason) => {
    expect(verifySurveyToken(token, SECRET, T0)).toMatchObject({ ok: false, reason });
  });

  it('rejects a correctly signed payload that is not a survey claim', () => {
    const payload = Buffer.from(JSON.stringify({ v: 1, c: 'x' })).toString('base64url');
    const mac = createHmac('sha256', SECRET).update(`attune-survey.${payload}`).digest('base64url');
    expect(verifySurveyToken(`${payload}.${mac}`, SECRET, T0)).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it.each([
    [undefined, 'en'],
    ['sv-SE,sv;q=0.9,en;q=0.8', 'sv'],
    ['de-DE, en;q=0.5', 'en'],
    ['no', 'nb'],
    ['nn-NO', 'nb'],
    ['en;q=0.2, fi;q=0.9', 'fi'],
    ['da', 'da'],
    ['garbage;;;', 'en'],
  ])('Accept-Language %s → %s', (header, lang) => {
    expect(langFromAcceptLanguage(header)).toBe(lang);
  });
});
