import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { PanelApp } from '../../../components/panel/PanelApp';
import { db } from '../../../lib/db';
import { kpi, renderPanel, resetPanel, session, status, tip } from './helpers';

beforeEach(resetPanel);

describe('Panel shell', () => {
  it('signed out: says so and links to the options page', async () => {
    const { actions } = renderPanel(<PanelApp />);
    const sync = await screen.findByTestId('sync-status');
    expect(sync.getAttribute('data-state')).toBe('signed-out');
    expect(screen.getByTestId('not-signed-in').textContent).toContain('not signed in');
    expect(screen.queryByRole('tablist')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Open settings to sign in' }));
    expect(actions.openSettings).toHaveBeenCalled();
  });

  it('always shows the sync state and the last-synced time, and can sync now and sign out', async () => {
    await db.meta.bulkPut([
      session(),
      status({ state: 'offline', lastSyncedAt: '2026-11-23T08:05:00Z', lastError: 'hub unreachable' }),
    ]);
    await db.kpiSnapshots.put({
      window: '30d',
      fetchedAt: '2026-11-23T08:05:00Z',
      kpis: [kpi('empathy', 'inside', 4.3)],
    });
    const { actions } = renderPanel(<PanelApp />);
    await waitFor(() => expect(screen.getByTestId('sync-status').getAttribute('data-state')).toBe('offline'));
    const sync = screen.getByTestId('sync-status');
    const time = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date('2026-11-23T08:05:00Z'),
    );
    const shownTime = new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(new Date('2026-11-23T08:05:00Z'));
    expect(sync.textContent).toMatch(new RegExp(`Offline · last synced (${time}|${shownTime})`));
    expect(sync.textContent).toContain('Signed in as Alex Lindqvist');
    expect(sync.textContent).toContain('hub unreachable');
    // Cached KPIs still render offline.
    expect((await screen.findByTestId('kpi-empathy')).getAttribute('data-value')).toBe('4.3');
    await userEvent.click(within(sync).getByRole('button', { name: 'Sync now' }));
    expect(actions.syncNow).toHaveBeenCalled();
    await userEvent.click(within(sync).getByTestId('sign-out'));
    expect(actions.signOut).toHaveBeenCalled();
    // Sign-out wipes the data: the panel follows.
    await db.wipe();
    await waitFor(() => expect(screen.getByTestId('sync-status').getAttribute('data-state')).toBe('signed-out'));
  });

  it('agents get four tabs with an unread badge; leads also get Team', async () => {
    await db.meta.bulkPut([session('agent'), status()]);
    await db.tips.bulkPut([tip('a'), tip('b'), tip('c', { readAt: new Date().toISOString() })]);
    renderPanel(<PanelApp />);
    const tabs = await screen.findByRole('tablist');
    expect(
      within(tabs)
        .getAllByRole('tab')
        .map((t) => t.getAttribute('data-testid')),
    ).toEqual(['tab-kpis', 'tab-feedback', 'tab-coaching', 'tab-pulse']);
    await waitFor(() => expect(screen.getByTestId('unread-tips').textContent).toContain('2 unread tips'));
    await db.meta.put(session('lead'));
    expect(await screen.findByTestId('tab-team')).toBeTruthy();
  });

  it('tabs work with the keyboard', async () => {
    await db.meta.bulkPut([session(), status()]);
    renderPanel(<PanelApp />);
    const first = await screen.findByTestId('tab-kpis');
    first.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByTestId('tab-feedback').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByTestId('tab-feedback'));
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-feedback');
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByTestId('tab-pulse').getAttribute('aria-selected')).toBe('true');
  });
});
