// Every UI language words every error the Sites section can show, filling in what the agent typed.
import { describe, expect, it } from 'vitest';
import { SITES_STRINGS, type SitesErrorCode } from '../../../components/options/sites-strings';
import { UI_LANGS } from '../../../lib/i18n';
import { parseSiteInput } from '../../../lib/sites/settings';

const CODES: SitesErrorCode[] = [
  'empty',
  'not-url',
  'scheme',
  'no-domain',
  'covered',
  'denied',
  'prompt-failed',
  'register-failed',
];

describe('Sites strings', () => {
  it.each(UI_LANGS)('%s words every error code with its details', (lang) => {
    for (const code of CODES) {
      const text = SITES_STRINGS[lang].errors[code]({
        code,
        input: 'intranet',
        host: 'rt.example.com',
        detail: 'boom',
      });
      expect(text.length, `${lang}/${code}`).toBeGreaterThan(10);
      if (['denied', 'covered', 'prompt-failed', 'register-failed'].includes(code))
        expect(text).toContain('rt.example.com');
      if (['not-url', 'no-domain'].includes(code)) expect(text).toContain('intranet');
    }
  });

  it.each([
    ['', 'empty'],
    ['not a url', 'not-url'],
    ['ftp://x.example.com', 'scheme'],
    ['intranet', 'no-domain'],
    ['acme.zendesk.com', 'covered'],
  ])('parseSiteInput(%j) reports code %s', (input, code) => {
    const result = parseSiteInput(input);
    expect(result.ok ? null : result.code).toBe(code);
  });
});
