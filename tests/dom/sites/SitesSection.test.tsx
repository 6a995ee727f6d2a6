// The options page's Sites section with a fake browser: enable, list, remove, and switch the coach per site.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SitesSection } from '../../../entrypoints/options/SitesSection';
import { isCoachEnabled, readSiteSettings, setCoachEnabled } from '../../../lib/sites/settings';
import { fakeSitesApi } from './fake-sites-api';

// WXT's mock for wxt/browser imports wxt/testing, which loads esbuild, which refuses jsdom's TextEncoder.
vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

beforeEach(() => fakeBrowser.reset());

describe('SitesSection', () => {
  it('lists the built-in helpdesks', () => {
    render(<SitesSection api={fakeSitesApi()} />);
    const builtin = screen.getByTestId('sites-builtin');
    expect(within(builtin).getByText('*://*.zendesk.com/*')).toBeTruthy();
    expect(within(builtin).getByText('http://127.0.0.1/*')).toBeTruthy();
  });

  it('enables a typed site, lists it, and removes it', async () => {
    const api = fakeSitesApi();
    const user = userEvent.setup();
    render(<SitesSection api={api} />);
    await user.type(screen.getByTestId('site-input'), 'https://rt.example.com/Ticket/Display.html?id=4');
    await user.click(screen.getByTestId('site-enable'));
    const row = await screen.findByTestId('site-row');
    expect(row.getAttribute('data-pattern')).toBe('https://rt.example.com/*');
    expect(screen.getByTestId('site-notice').textContent).toContain('https://rt.example.com/*');
    expect((screen.getByTestId('site-input') as HTMLInputElement).value).toBe('');
    expect([...api.registered.keys()]).toEqual(['attune-site-https-rt.example.com']);

    await user.click(within(row).getByTestId('site-remove'));
    await screen.findByTestId('sites-none');
    expect(api.registered.size).toBe(0);
    expect((await readSiteSettings()).enabledSites).toEqual([]);
  });

  it('shows why a site could not be enabled and keeps what was typed', async () => {
    const api = fakeSitesApi();
    api.answer = false;
    const user = userEvent.setup();
    render(<SitesSection api={api} />);
    await user.type(screen.getByTestId('site-input'), 'rt.example.com');
    await user.click(screen.getByTestId('site-enable'));
    expect((await screen.findByTestId('site-error')).textContent).toBe(
      'Permission for rt.example.com was not granted.',
    );
    expect((screen.getByTestId('site-input') as HTMLInputElement).value).toBe('rt.example.com');
    expect(screen.queryByTestId('site-row')).toBeNull();
  });

  it('switches the coach off and on for an enabled site', async () => {
    const user = userEvent.setup();
    render(<SitesSection api={fakeSitesApi()} />);
    await user.type(screen.getByTestId('site-input'), 'rt.example.com');
    await user.click(screen.getByTestId('site-enable'));
    const toggle = (await screen.findByTestId('site-coach-toggle')) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    await user.click(toggle);
    await waitFor(async () => expect(await isCoachEnabled('rt.example.com')).toBe(false));
    expect(((await screen.findByTestId('site-coach-toggle')) as HTMLInputElement).checked).toBe(false);
    expect(screen.getByTestId('coach-off-row').getAttribute('data-host')).toBe('rt.example.com');
    await user.click(screen.getByTestId('coach-on'));
    await waitFor(async () => expect(await isCoachEnabled('rt.example.com')).toBe(true));
    await screen.findByTestId('coach-off-none');
  });

  it('switches the coach off on a built-in helpdesk host typed as a URL', async () => {
    const user = userEvent.setup();
    render(<SitesSection api={fakeSitesApi()} />);
    await user.type(screen.getByTestId('coach-off-input'), 'https://acme.zendesk.com/agent/tickets/12');
    await user.click(screen.getByTestId('coach-off-add'));
    expect((await screen.findByTestId('coach-off-row')).getAttribute('data-host')).toBe('acme.zendesk.com');
    expect(await isCoachEnabled('acme.zendesk.com')).toBe(false);
  });

  it('flags a site whose permission was withdrawn and allows it again', async () => {
    const api = fakeSitesApi();
    const user = userEvent.setup();
    const first = render(<SitesSection api={api} />);
    await user.type(screen.getByTestId('site-input'), 'rt.example.com');
    await user.click(screen.getByTestId('site-enable'));
    await screen.findByTestId('site-row');
    expect(screen.queryByTestId('site-permission-missing')).toBeNull();
    first.unmount();

    api.granted.clear(); // withdrawn in the browser's own settings
    render(<SitesSection api={api} />);
    expect((await screen.findByTestId('site-permission-missing')).textContent).toBe(
      'The browser no longer allows Attune here.',
    );
    await user.click(screen.getByTestId('site-reallow'));
    await waitFor(() => expect(screen.queryByTestId('site-permission-missing')).toBeNull());
    expect(api.requests.at(-1)).toEqual(['https://rt.example.com/*']);
    expect([...api.granted]).toEqual(['https://rt.example.com/*']);
  });

  it('speaks Swedish, errors included', async () => {
    const api = fakeSitesApi();
    api.answer = false;
    const user = userEvent.setup();
    render(<SitesSection api={api} lang="sv" />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Webbplatser');
    await user.type(screen.getByTestId('site-input'), 'rt.example.com');
    await user.click(screen.getByRole('button', { name: 'Aktivera' }));
    expect((await screen.findByTestId('site-error')).textContent).toBe(
      'Behörighet för rt.example.com beviljades inte.',
    );
  });

  it('follows changes made elsewhere (the in-page coach switching itself off)', async () => {
    render(<SitesSection api={fakeSitesApi()} />);
    await screen.findByTestId('coach-off-none');
    await setCoachEnabled('127.0.0.1:8085', false);
    expect((await screen.findByTestId('coach-off-row')).getAttribute('data-host')).toBe('127.0.0.1:8085');
  });
});
