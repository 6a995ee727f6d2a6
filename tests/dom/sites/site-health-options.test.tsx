// The options page's Sites section shows what the coach saw on each site (snapshots the in-page coach saves
// in extension storage), and follows updates while open.
import { render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SitesSection } from '../../../entrypoints/options/SitesSection';
import type { SiteHealth } from '../../../lib/sites/health';
import { sanitizeSnapshots, saveSiteHealth, siteHealthItem } from '../../../lib/sites/health-store';
import { fakeSitesApi } from './fake-sites-api';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

beforeEach(() => fakeBrowser.reset());

const freescout: SiteHealth = {
  adapter: { id: 'freescout', name: 'FreeScout' },
  fellBackFrom: null,
  composers: [{ audience: 'customer', editor: 'summernote' }],
  latestCustomer: { found: true, firstWords: 'It has been another week and…' },
  language: 'en',
  errors: [],
};

describe('options: what the coach saw', () => {
  it('says nothing was seen yet', async () => {
    render(<SitesSection api={fakeSitesApi()} lang="en" />);
    expect((await screen.findByTestId('site-health-none')).textContent).toContain('Nothing yet');
  });

  it('lists each site: adapter, composers and audiences, first words, language; newest first', async () => {
    await saveSiteHealth('127.0.0.1:8090', freescout, 2000);
    await saveSiteHealth(
      'acme.zendesk.com',
      {
        ...freescout,
        adapter: { id: 'generic', name: 'Any site (generic)' },
        fellBackFrom: { id: 'zendesk', name: 'Zendesk' },
        composers: [{ audience: 'internal', editor: 'ckeditor5' }],
        latestCustomer: { found: false, firstWords: null },
        language: null,
      },
      1000,
    );
    render(<SitesSection api={fakeSitesApi()} lang="en" />);
    await waitFor(() => expect(screen.getAllByTestId('site-health-row')).toHaveLength(2));
    const [first, second] = screen.getAllByTestId('site-health-row') as HTMLElement[];
    expect(first?.getAttribute('data-host')).toBe('127.0.0.1:8090');
    expect(within(first as HTMLElement).getByTestId('site-health-composers').textContent).toBe(
      'Composers: reply to the customer (summernote)',
    );
    expect(within(first as HTMLElement).getByTestId('site-health-latest').textContent).toBe(
      'Latest customer message: found: “It has been another week and…”',
    );
    expect(within(first as HTMLElement).getByTestId('site-health-language').textContent).toBe('Language: English');
    expect(within(second as HTMLElement).getByTestId('site-health-fellback').textContent).toContain('Zendesk changed');
    expect(within(second as HTMLElement).getByTestId('site-health-latest').textContent).toContain('not found');
  });

  it('follows a new snapshot while the page is open', async () => {
    render(<SitesSection api={fakeSitesApi()} lang="sv" />);
    await screen.findByTestId('site-health-none');
    await saveSiteHealth('desk.example.se', { ...freescout, language: 'sv' });
    const row = await screen.findByTestId('site-health-row');
    expect(within(row).getByTestId('site-health-language').textContent).toBe('Språk: svenska');
  });

  it('ignores malformed storage and keeps 20 hosts at most', async () => {
    await siteHealthItem.setValue({ bad: { host: 1 } as never });
    expect(sanitizeSnapshots(await siteHealthItem.getValue())).toEqual([]);
    for (let i = 0; i < 25; i++) await saveSiteHealth(`h${i}.example`, freescout, i);
    const kept = sanitizeSnapshots(await siteHealthItem.getValue());
    expect(kept).toHaveLength(20);
    expect(kept[0]?.host).toBe('h24.example');
  });
});
