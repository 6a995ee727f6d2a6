// Per-site settings: parsing what the agent types, the coach on/off switch per host, and the stored shape.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  hostFromInput,
  isCoachEnabled,
  isCoveredByDefaults,
  parseSiteInput,
  readSiteSettings,
  sanitizeSiteSettings,
  setCoachEnabled,
} from '../../../lib/sites/settings';

beforeEach(() => fakeBrowser.reset());

describe('parseSiteInput', () => {
  it.each([
    ['rt.example.com', 'https://rt.example.com/*'],
    ['https://rt.example.com', 'https://rt.example.com/*'],
    ['https://desk.example.com:8443/rt/Ticket/Display.html?id=4', 'https://desk.example.com/*'],
    ['http://helpdesk.intra.example.org/', 'http://helpdesk.intra.example.org/*'],
    ['  RT.Example.COM  ', 'https://rt.example.com/*'],
    ['*.example.org', 'https://*.example.org/*'],
    ['http://*.support.example.net', 'http://*.support.example.net/*'],
    ['http://[::1]:8085/Ticket/Update.html', 'http://[::1]/*'],
    ['https://10.0.4.20/rt', 'https://10.0.4.20/*'],
  ])('%s -> %s', (input, pattern) => {
    expect(parseSiteInput(input)).toMatchObject({ ok: true, pattern });
  });

  it.each([
    ['', 'Type the address'],
    ['   ', 'Type the address'],
    ['ftp://files.example.com', 'Only http:// and https://'],
    ['chrome://extensions', 'Only http:// and https://'],
    ['not a url at all', 'not a web address'],
    ['intranet', 'no domain name'],
    ['acme.zendesk.com', 'already covered'],
    ['http://127.0.0.1:8085', 'already covered'],
    ['http://localhost:3000/rt', 'already covered'],
    ['https://mail.google.com', 'already covered'],
  ])('rejects %j with a clear message', (input, message) => {
    const result = parseSiteInput(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toContain(message);
  });
});

describe('isCoveredByDefaults', () => {
  it.each([
    ['https://acme.zendesk.com/*', true],
    ['https://zendesk.com/*', true],
    ['https://notzendesk.com/*', false],
    ['https://127.0.0.1/*', false],
    ['http://127.0.0.1/*', true],
    ['https://rt.example.com/*', false],
  ])('%s -> %s', (pattern, covered) => {
    expect(isCoveredByDefaults(pattern)).toBe(covered);
  });
});

describe('hostFromInput', () => {
  it.each([
    ['acme.zendesk.com', 'acme.zendesk.com'],
    ['https://acme.zendesk.com/agent/tickets/12', 'acme.zendesk.com'],
    ['http://127.0.0.1:8085/Ticket/Update.html', '127.0.0.1:8085'],
    ['https://Desk.Example.com:443/', 'desk.example.com'],
    ['', null],
    ['http://', null],
  ])('%j -> %j', (input, host) => {
    expect(hostFromInput(input)).toBe(host);
  });
});

describe('coach on/off per host', () => {
  it('is on everywhere until switched off, and per host:port', async () => {
    expect(await isCoachEnabled('127.0.0.1:8085')).toBe(true);
    await setCoachEnabled('127.0.0.1:8085', false);
    expect(await isCoachEnabled('127.0.0.1:8085')).toBe(false);
    expect(await isCoachEnabled('127.0.0.1:8788')).toBe(true);
    await setCoachEnabled('127.0.0.1:8085', true);
    expect(await isCoachEnabled('127.0.0.1:8085')).toBe(true);
  });

  it('matches hosts case-insensitively and ignores default ports', async () => {
    await setCoachEnabled('Acme.Zendesk.com:443', false);
    expect(await isCoachEnabled('acme.zendesk.com')).toBe(false);
    expect((await readSiteSettings()).coachOffHosts).toEqual(['acme.zendesk.com']);
  });

  it('does not list a host twice', async () => {
    await setCoachEnabled('a.example.com', false);
    await setCoachEnabled('a.example.com', false);
    expect((await readSiteSettings()).coachOffHosts).toEqual(['a.example.com']);
  });

  it('stores its shape under local:attune.sites', async () => {
    await setCoachEnabled('a.example.com', false);
    expect(await fakeBrowser.storage.local.get('attune.sites')).toEqual({
      'attune.sites': { enabledSites: [], coachOffHosts: ['a.example.com'] },
    });
  });
});

describe('sanitizeSiteSettings', () => {
  it.each([
    [null, { enabledSites: [], coachOffHosts: [] }],
    ['junk', { enabledSites: [], coachOffHosts: [] }],
    [
      { enabledSites: 'x', coachOffHosts: [1, 'A.example.com', 'a.example.com'] },
      { enabledSites: [], coachOffHosts: ['a.example.com'] },
    ],
    [
      {
        enabledSites: [{ pattern: 'https://rt.example.com/*', scriptId: 's1', addedAt: 't', extra: 1 }, { pattern: 5 }],
      },
      { enabledSites: [{ pattern: 'https://rt.example.com/*', scriptId: 's1', addedAt: 't' }], coachOffHosts: [] },
    ],
  ])('%j', (stored, expected) => {
    expect(sanitizeSiteSettings(stored)).toEqual(expected);
  });
});
