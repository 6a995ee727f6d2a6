import { screen, waitFor } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PanelApp } from '../../../components/panel/PanelApp';
import { db } from '../../../lib/db';
import { type PanelTab, usePanelStore } from '../../../lib/store/panel';
import {
  feedbackItem,
  giveLayout,
  kpi,
  renderPanel,
  resetPanel,
  session,
  status,
  teamMember,
  teamRequest,
  tip,
} from './helpers';

beforeAll(() => giveLayout());
beforeEach(async () => {
  await resetPanel();
  await db.meta.bulkPut([session('lead'), status()]);
  await db.kpiSnapshots.put({
    window: '30d',
    fetchedAt: new Date().toISOString(),
    kpis: [kpi('empathy', 'inside', 4.2), kpi('nps', 'edge', 20), kpi('volume', 'outside', 100)],
  });
  await db.feedback.bulkPut([feedbackItem('f1'), feedbackItem('f2')]);
  await db.tips.bulkPut([
    tip('t1', { feedbackId: 'f1', kpi: 'empathy' }),
    tip('t2', { ack: { at: new Date().toISOString(), comment: null, useful: null } }),
  ]);
  await db.team.bulkPut([
    { key: 'members', fetchedAt: '', data: { items: [teamMember('a1', 'Alex')] } },
    { key: 'requests', fetchedAt: '', data: { items: [teamRequest('r1', 'Why?', 'Alex')] } },
  ]);
  await db.libraries.put({
    id: 'team',
    name: 'Team',
    phrases: [{ id: 'p1', lang: 'en', kind: 'thanks', text: 'Thanks!' }],
  });
});

// Every control a keyboard or screen-reader user reaches must say what it is.
const CONTROL_ROLES = ['button', 'textbox', 'combobox', 'checkbox', 'tab', 'link', 'img'] as const;

describe('accessible names', () => {
  it.each<[PanelTab, string]>([
    ['kpis', 'kpi-empathy'],
    ['feedback', 'feedback-item'],
    ['coaching', 'tip'],
    ['pulse', 'pulse-3'],
    ['team', 'team-library'],
  ])('every control on %s has an accessible name', async (tab, ready) => {
    usePanelStore.setState({ tab, selectedFeedbackId: 'f1' });
    renderPanel(<PanelApp />);
    await waitFor(() => expect(screen.getAllByTestId(ready).length).toBeGreaterThan(0));
    for (const role of CONTROL_ROLES) {
      const all = screen.queryAllByRole(role);
      const named = screen.queryAllByRole(role, { name: /\S/ });
      const unnamed = all.filter((el) => !named.includes(el)).map((el) => el.outerHTML.slice(0, 120));
      expect(unnamed, `${role} without a name`).toEqual([]);
    }
    expect(screen.getByRole('tablist', { name: 'Panel sections' })).toBeTruthy();
    expect(screen.getByRole('tab', { selected: true }).getAttribute('aria-controls')).toBe(`tabpanel-${tab}`);
  });
});
