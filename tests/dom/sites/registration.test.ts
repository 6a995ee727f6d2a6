// Enabling a site: run-time permission, dynamic content-script registration, removal and restore.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  disableSite,
  enableSite,
  helpdeskScriptFiles,
  restoreSiteRegistrations,
  scriptIdFor,
  sitesMissingPermission,
} from '../../../lib/sites/registration';
import { readSiteSettings } from '../../../lib/sites/settings';
import { fakeSitesApi } from './fake-sites-api';

beforeEach(() => fakeBrowser.reset());

describe('enableSite', () => {
  it('asks for the host, registers the built content script for it and remembers the site', async () => {
    const api = fakeSitesApi();
    const result = await enableSite(api, 'https://rt.example.com/Ticket/Display.html?id=4');
    expect(result.ok).toBe(true);
    expect(api.requests).toEqual([['https://rt.example.com/*']]);
    expect([...api.registered.values()]).toEqual([
      {
        id: 'attune-site-https-rt.example.com',
        matches: ['https://rt.example.com/*'],
        js: ['content-scripts/helpdesk.js'],
        css: ['content-scripts/helpdesk.css'],
        runAt: 'document_idle',
        allFrames: false,
        persistAcrossSessions: true,
      },
    ]);
    expect((await readSiteSettings()).enabledSites).toMatchObject([
      { pattern: 'https://rt.example.com/*', scriptId: 'attune-site-https-rt.example.com' },
    ]);
  });

  it('reports a refused prompt and registers nothing', async () => {
    const api = fakeSitesApi();
    api.answer = false;
    expect(await enableSite(api, 'rt.example.com')).toEqual({
      ok: false,
      code: 'denied',
      error: 'Permission for rt.example.com was not granted.',
      input: 'rt.example.com',
      host: 'rt.example.com',
    });
    expect(api.registered.size).toBe(0);
    expect((await readSiteSettings()).enabledSites).toEqual([]);
  });

  it('reports a prompt the browser refuses to show (no user gesture)', async () => {
    const api = fakeSitesApi();
    api.answer = new Error('This function must be called during a user gesture');
    const result = await enableSite(api, 'rt.example.com');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toContain('user gesture');
  });

  it('never prompts for bad input', async () => {
    const api = fakeSitesApi();
    const result = await enableSite(api, 'ftp://x.example.com');
    expect(result.ok).toBe(false);
    expect(api.requests).toEqual([]);
  });

  it('registers for the session only where persisting is refused (Firefox)', async () => {
    const api = fakeSitesApi();
    api.sessionOnly = true;
    expect((await enableSite(api, 'rt.example.com')).ok).toBe(true);
    expect(api.registered.get(scriptIdFor('https://rt.example.com/*'))?.persistAcrossSessions).toBeUndefined();
  });

  it('enabling the same site twice keeps one registration and one entry', async () => {
    const api = fakeSitesApi();
    await enableSite(api, 'rt.example.com');
    await enableSite(api, 'https://rt.example.com/');
    expect(api.registered.size).toBe(1);
    expect((await readSiteSettings()).enabledSites).toHaveLength(1);
  });
});

describe('disableSite', () => {
  it('unregisters, forgets and gives the permission back', async () => {
    const api = fakeSitesApi();
    await enableSite(api, 'rt.example.com');
    await enableSite(api, 'desk.example.org');
    const next = await disableSite(api, 'https://rt.example.com/*');
    expect(next.enabledSites.map((s) => s.pattern)).toEqual(['https://desk.example.org/*']);
    expect([...api.registered.keys()]).toEqual(['attune-site-https-desk.example.org']);
    expect([...api.granted]).toEqual(['https://desk.example.org/*']);
  });
});

describe('restoreSiteRegistrations', () => {
  it('re-registers enabled sites the browser forgot, and only those', async () => {
    const api = fakeSitesApi();
    await enableSite(api, 'rt.example.com');
    await enableSite(api, 'desk.example.org');
    api.registered.delete('attune-site-https-rt.example.com');
    expect(await restoreSiteRegistrations(api)).toEqual(['https://rt.example.com/*']);
    expect(api.registered.size).toBe(2);
    expect(await restoreSiteRegistrations(api)).toEqual([]);
  });

  it('keeps a site whose permission was withdrawn listed, unregistered', async () => {
    const api = fakeSitesApi();
    await enableSite(api, 'rt.example.com');
    api.registered.clear();
    api.granted.clear();
    expect(await restoreSiteRegistrations(api)).toEqual([]);
    expect((await readSiteSettings()).enabledSites).toHaveLength(1);
  });
});

describe('sitesMissingPermission', () => {
  it('lists enabled sites whose permission was withdrawn, and none when the browser cannot tell', async () => {
    const api = fakeSitesApi();
    await enableSite(api, 'rt.example.com');
    await enableSite(api, 'desk.example.org');
    api.granted.delete('https://rt.example.com/*');
    const patterns = ['https://rt.example.com/*', 'https://desk.example.org/*'];
    expect(await sitesMissingPermission(api, patterns)).toEqual(['https://rt.example.com/*']);
    const { contains: _dropped, ...withoutContains } = api.permissions;
    expect(await sitesMissingPermission({ ...api, permissions: withoutContains }, patterns)).toEqual([]);
  });
});

describe('helpdeskScriptFiles', () => {
  it.each([
    [[{ js: ['content-scripts/helpdesk.js'] }], ['content-scripts/helpdesk.js'], []],
    [
      [{ js: ['content-scripts/other.js'] }, { js: ['content-scripts/helpdesk.js'], css: ['a.css'] }],
      ['content-scripts/helpdesk.js'],
      ['a.css'],
    ],
    [[], ['content-scripts/helpdesk.js'], []],
  ])('%j', (scripts, js, css) => {
    expect(helpdeskScriptFiles({ runtime: { getManifest: () => ({ content_scripts: scripts }) } })).toEqual({
      js,
      css,
    });
  });
});

describe('scriptIdFor', () => {
  it.each([
    ['https://rt.example.com/*', 'attune-site-https-rt.example.com'],
    ['http://*.example.org/*', 'attune-site-http-any.example.org'],
  ])('%s -> %s', (pattern, id) => {
    expect(scriptIdFor(pattern)).toBe(id);
  });
});
