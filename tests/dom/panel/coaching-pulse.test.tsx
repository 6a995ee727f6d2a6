import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CoachingView } from '../../../components/panel/CoachingView';
import { PulseView } from '../../../components/panel/PulseView';
import { localDate } from '../../../components/common/format';
import { db } from '../../../lib/db';
import { usePanelStore } from '../../../lib/store/panel';
import { daysAgo, feedbackItem, renderPanel, resetPanel, tip } from './helpers';

beforeEach(resetPanel);

const tipEl = (id: string) => {
  const el = document.querySelector<HTMLElement>(`[data-testid="tip"][data-tip-id="${id}"]`);
  if (!el) throw new Error(`tip ${id} not rendered`);
  return el;
};

describe('Coaching', () => {
  it('lists tips newest first with author and due date, and marks unread ones read', async () => {
    await db.tips.bulkPut([
      tip('old', { createdAt: daysAgo(5), readAt: daysAgo(4), due: '2000-01-01' }),
      tip('new', { createdAt: daysAgo(1), due: '2999-12-31' }),
    ]);
    const { actions } = renderPanel(<CoachingView />);
    await waitFor(() => tipEl('new'));
    const order = screen.getAllByTestId('tip').map((el) => el.getAttribute('data-tip-id'));
    expect(order).toEqual(['new', 'old']);
    expect(within(tipEl('new')).getByText('New')).toBeTruthy();
    expect(within(tipEl('old')).queryByText('New')).toBeNull();
    expect(within(tipEl('new')).getByText('From Maria Berg')).toBeTruthy();
    expect(within(tipEl('new')).getByText(/^Due /)).toBeTruthy();
    expect(within(tipEl('old')).getByText(/^Overdue since /)).toBeTruthy();
    await waitFor(() => expect(actions.markTipsRead).toHaveBeenCalledWith(['new']));
    // The background sets readAt; the card stays "new" while the agent is looking at it.
    await db.tips.update('new', { readAt: new Date().toISOString() });
    await waitFor(() => expect(within(tipEl('new')).getByText('New')).toBeTruthy());
    expect(actions.markTipsRead).toHaveBeenCalledTimes(1);
  });

  it('acknowledges with a comment and a usefulness rating', async () => {
    await db.tips.put(tip('t1'));
    const { actions } = renderPanel(<CoachingView />);
    await waitFor(() => tipEl('t1'));
    const card = within(tipEl('t1'));
    await userEvent.type(card.getByTestId('tip-ack-comment'), 'I will try summarising first.');
    await userEvent.click(card.getByTestId('tip-useful-yes'));
    await userEvent.click(card.getByTestId('tip-ack'));
    expect(actions.ackTip).toHaveBeenCalledWith('t1', { comment: 'I will try summarising first.', useful: true });
  });

  it('shows an acknowledgement the background stored and lets the agent rate it later', async () => {
    await db.tips.put(tip('t1', { ack: { at: daysAgo(0.1), comment: 'Thanks!', useful: null }, readAt: daysAgo(1) }));
    const { actions } = renderPanel(<CoachingView />);
    await waitFor(() => tipEl('t1'));
    const card = within(tipEl('t1'));
    expect(card.getByTestId('tip-acked').textContent).toContain('Thanks!');
    expect(card.queryByTestId('tip-ack')).toBeNull();
    await userEvent.click(card.getByTestId('tip-useful-no'));
    expect(actions.ackTip).toHaveBeenCalledWith('t1', { useful: false });
  });

  it('links to the feedback and KPI a tip is about', async () => {
    await db.feedback.put(feedbackItem('f1', { comment: 'You did not listen to me' }));
    await db.tips.put(tip('t1', { feedbackId: 'f1', kpi: 'empathy', readAt: daysAgo(1) }));
    renderPanel(<CoachingView />);
    await waitFor(() => tipEl('t1'));
    const card = within(tipEl('t1'));
    expect(await card.findByText('You did not listen to me')).toBeTruthy();
    expect(card.getByText('About Empathy')).toBeTruthy();
    await userEvent.click(card.getByRole('button', { name: 'Show feedback' }));
    expect(usePanelStore.getState()).toMatchObject({ tab: 'feedback', selectedFeedbackId: 'f1' });
    await userEvent.click(card.getByRole('button', { name: 'Show KPI' }));
    expect(usePanelStore.getState().tab).toBe('kpis');
  });

  it('says so when there are no tips', async () => {
    renderPanel(<CoachingView />);
    expect(await screen.findByText('No coaching tips yet.')).toBeTruthy();
  });
});

describe('Pulse', () => {
  it('records one tap for today and shows the private history', async () => {
    const today = localDate();
    const { actions } = renderPanel(<PulseView />);
    expect(screen.getByText(/Your lead never sees your answer/)).toBeTruthy();
    await userEvent.click(await screen.findByTestId('pulse-4'));
    expect(actions.setPulse).toHaveBeenCalledWith(today, 4);
    // What the background writes shows up as today's answer.
    await db.pulse.put({ date: today, mood: 4 });
    expect((await screen.findByTestId('pulse-saved')).textContent).toBe('Saved for today: Good');
    expect(screen.getByTestId('pulse-4').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('pulse-2').getAttribute('aria-pressed')).toBe('false');
  });
});
