import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { KpisView } from '../../../components/panel/KpisView';
import { db } from '../../../lib/db';
import { kpi, renderPanel, resetPanel } from './helpers';

beforeEach(resetPanel);

async function seedKpis() {
  await db.kpiSnapshots.bulkPut([
    {
      window: '30d',
      fetchedAt: new Date().toISOString(),
      kpis: [
        kpi('volume', 'outside', 240, { unit: 'count', target: null, teamMedian: 230 }),
        kpi('nps', 'edge', 35, { unit: 'nps' }),
        kpi('empathy', 'inside', 4.3),
        kpi('csat', 'inside', 82, { unit: 'percent', target: 85, teamMedian: 80 }),
        kpi('clarity', 'inside', null, { n: 0 }),
      ],
    },
    { window: '7d', fetchedAt: new Date().toISOString(), kpis: [kpi('empathy', 'inside', 4.8)] },
  ]);
}

describe('My KPIs', () => {
  it('shows inside KPIs first, then edge, with outside ones behind "things you can\'t influence"', async () => {
    await seedKpis();
    renderPanel(<KpisView />);
    const empathy = await screen.findByTestId('kpi-empathy');
    const order = [...document.querySelectorAll('[data-testid^="kpi-"]')].map((el) => el.getAttribute('data-testid'));
    expect(order).toEqual(['kpi-empathy', 'kpi-csat', 'kpi-clarity', 'kpi-nps', 'kpi-volume']);
    expect(screen.getByTestId('kpi-volume').closest('details')).not.toBeNull();
    expect(screen.getByTestId('kpi-empathy').closest('details')).toBeNull();
    expect(screen.getByText('Things you can’t influence')).toBeTruthy();
    expect(screen.getByText(/depend on staffing/)).toBeTruthy();
    // The ring picture names the KPIs of each ring.
    expect(screen.getByRole('img', { name: /Three rings/ })).toBeTruthy();
    expect(screen.getByText(/Inside: you control: Empathy, Customer satisfaction, Clarity/)).toBeTruthy();

    // Value as the API sent it, n, target, team median, and the definition.
    expect(empathy.getAttribute('data-value')).toBe('4.3');
    const tile = within(empathy);
    expect(tile.getByText('4.3')).toBeTruthy();
    expect(tile.getByText('n = 42')).toBeTruthy();
    expect(tile.getByText('Target 4.5')).toBeTruthy();
    expect(tile.getByText('Team median 4.1')).toBeTruthy();
    expect(tile.getByText(/understood their situation/)).toBeTruthy();
    const csat = within(screen.getByTestId('kpi-csat'));
    expect(csat.getByText('82 %')).toBeTruthy();
    expect(screen.getByTestId('kpi-nps').getAttribute('data-value')).toBe('35');
    expect(screen.getByTestId('kpi-clarity').getAttribute('data-value')).toBe('');
    expect(within(screen.getByTestId('kpi-clarity')).getByText('No data')).toBeTruthy();
  });

  it('shows per channel and per case type, and the trend values', async () => {
    await seedKpis();
    renderPanel(<KpisView />);
    const tile = within(await screen.findByTestId('kpi-empathy'));
    await userEvent.click(tile.getByRole('button', { name: 'Channel and case type' }));
    const byChannel = tile.getByRole('table', { name: 'By channel' });
    expect(within(byChannel).getByText('Chat')).toBeTruthy();
    expect(within(byChannel).getByText('n = 30')).toBeTruthy();
    expect(within(tile.getByRole('table', { name: 'By case type' })).getByText('Billing')).toBeTruthy();
    await userEvent.click(tile.getByRole('button', { name: 'Daily values' }));
    expect(tile.getByText('2026-11-22')).toBeTruthy();
    expect(tile.getByText('4.4')).toBeTruthy();
  });

  it('switches the window 7/30/90 days', async () => {
    await seedKpis();
    renderPanel(<KpisView />);
    expect((await screen.findByTestId('kpi-empathy')).getAttribute('data-value')).toBe('4.3');
    await userEvent.click(screen.getByRole('button', { name: '7 days' }));
    await screen.findByText('4.8');
    expect(screen.getByTestId('kpi-empathy').getAttribute('data-value')).toBe('4.8');
    await userEvent.click(screen.getByRole('button', { name: '90 days' }));
    expect(await screen.findByText(/No KPIs synced yet/)).toBeTruthy();
  });

  it('updates live when the background writes a new snapshot', async () => {
    await seedKpis();
    renderPanel(<KpisView />);
    await screen.findByTestId('kpi-empathy');
    await db.kpiSnapshots.put({
      window: '30d',
      fetchedAt: new Date().toISOString(),
      kpis: [kpi('empathy', 'inside', 3.9)],
    });
    await screen.findByText('3.9');
    expect(screen.getByTestId('kpi-empathy').getAttribute('data-value')).toBe('3.9');
  });

  it('speaks Swedish when the browser does', async () => {
    await seedKpis();
    renderPanel(<KpisView />, { lang: 'sv' });
    const tile = within(await screen.findByTestId('kpi-empathy'));
    expect(tile.getByText('Empati')).toBeTruthy();
    expect(tile.getByText('4,3')).toBeTruthy();
    expect(screen.getByText('Sådant du inte kan påverka')).toBeTruthy();
  });
});
