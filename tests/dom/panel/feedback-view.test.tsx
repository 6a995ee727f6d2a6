import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FeedbackView } from '../../../components/panel/FeedbackView';
import { db } from '../../../lib/db';
import { usePanelStore } from '../../../lib/store/panel';
import { daysAgo, feedbackItem, giveLayout, renderPanel, resetPanel } from './helpers';

beforeAll(() => giveLayout());
beforeEach(resetPanel);

const rows = () => screen.queryAllByTestId('feedback-item').map((el) => el.getAttribute('data-feedback-id'));

describe('Feedback', () => {
  it('lists newest first, within the period', async () => {
    await db.feedback.bulkPut([
      feedbackItem('old', { answeredAt: daysAgo(20) }),
      feedbackItem('newest', { answeredAt: daysAgo(0.1) }),
      feedbackItem('middle', { answeredAt: daysAgo(3) }),
      feedbackItem('ancient', { answeredAt: daysAgo(60) }),
    ]);
    renderPanel(<FeedbackView />);
    await waitFor(() => expect(rows()).toEqual(['newest', 'middle', 'old']));
    await userEvent.selectOptions(screen.getByTestId('filter-period'), '7d');
    await waitFor(() => expect(rows()).toEqual(['newest', 'middle']));
    await userEvent.selectOptions(screen.getByTestId('filter-period'), 'all');
    await waitFor(() => expect(rows()).toEqual(['newest', 'middle', 'old', 'ancient']));
  });

  it.each([
    ['filter-channel', 'email', ['e']],
    ['filter-rating', 'low', ['low']],
    ['filter-rating', 'high', ['e']],
  ])('filters with %s = %s', async (testId, value, expected) => {
    await db.feedback.bulkPut([
      feedbackItem('e', { channel: 'email', empathy: 5, csat: 5, clarity: 5, nps: 10, answeredAt: daysAgo(1) }),
      feedbackItem('low', { channel: 'chat', empathy: 1, answeredAt: daysAgo(2) }),
      feedbackItem('mid', { channel: 'chat', comment: null, answeredAt: daysAgo(3) }),
    ]);
    renderPanel(<FeedbackView />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    await userEvent.selectOptions(screen.getByTestId(testId), value);
    await waitFor(() => expect(rows()).toEqual(expected));
  });

  it('filters to items with a comment', async () => {
    await db.feedback.bulkPut([
      feedbackItem('with'),
      feedbackItem('without', { comment: null, answeredAt: daysAgo(2) }),
    ]);
    renderPanel(<FeedbackView />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    await userEvent.click(screen.getByTestId('filter-has-comment'));
    await waitFor(() => expect(rows()).toEqual(['with']));
  });

  it('shows ratings, comment, channel and case type, and links to the ticket only for http(s)', async () => {
    await db.feedback.bulkPut([
      feedbackItem('a', { empathy: 2, csat: 5, clarity: null, nps: 9, channel: 'email', caseType: 'delivery' }),
      feedbackItem('b', { ticketUrl: 'javascript:alert(1)', answeredAt: daysAgo(2) }),
      feedbackItem('c', { ticketUrl: null, answeredAt: daysAgo(3) }),
    ]);
    renderPanel(<FeedbackView />);
    const a = within(await findItem('a'));
    expect(a.getByText('Comment a')).toBeTruthy();
    expect(a.getByTestId('feedback-comment').getAttribute('lang')).toBe('en');
    expect(a.getByText('Email')).toBeTruthy();
    expect(a.getByText('Delivery')).toBeTruthy();
    expect(a.getByText('Empathy', { exact: false }).textContent).toBe('Empathy 2/5');
    expect(a.queryByText(/Clarity/)).toBeNull();
    expect(a.getByText('NPS', { exact: false }).textContent).toBe('NPS 9/10');
    expect(a.getByRole('link', { name: 'Open ticket' }).getAttribute('href')).toBe(
      'https://helpdesk.example/tickets/a',
    );
    expect(within(itemEl('b')).queryByRole('link')).toBeNull();
    expect(within(itemEl('c')).queryByRole('link')).toBeNull();
  });

  it('marks reviewed, saves a private note and asks the lead through the background', async () => {
    await db.feedback.put(feedbackItem('a'));
    await db.requests.put({
      id: 'r1',
      feedbackId: 'a',
      question: 'Was my tone ok?',
      answer: 'Yes, well done.',
      createdAt: daysAgo(1),
      answeredAt: daysAgo(0.5),
    });
    const { actions } = renderPanel(<FeedbackView />);
    const a = within(await findItem('a'));
    await userEvent.click(a.getByTestId('feedback-review'));
    expect(actions.reviewFeedback).toHaveBeenCalledWith('a', true);

    await userEvent.click(a.getByTestId('feedback-open'));
    expect(await a.findByText('Was my tone ok?')).toBeTruthy();
    expect(a.getByText('Yes, well done.')).toBeTruthy();
    await userEvent.type(a.getByTestId('feedback-note'), 'Next time summarise first.');
    await userEvent.click(a.getByTestId('feedback-save-note'));
    expect(actions.saveNote).toHaveBeenCalledWith('a', 'Next time summarise first.');
    await userEvent.type(a.getByTestId('feedback-ask'), 'How would you have answered?');
    await userEvent.click(a.getByTestId('feedback-ask-send'));
    expect(actions.askLead).toHaveBeenCalledWith('a', 'How would you have answered?');
    // Sent: the draft is cleared.
    await waitFor(() => expect((a.getByTestId('feedback-ask') as HTMLTextAreaElement).value).toBe(''));
  });

  it('shows the reviewed state the background wrote', async () => {
    await db.feedback.put(feedbackItem('a'));
    renderPanel(<FeedbackView />);
    await findItem('a');
    await db.feedback.update('a', { reviewed: true });
    await waitFor(() => expect(within(itemEl('a')).getByText('Reviewed')).toBeTruthy());
    expect(within(itemEl('a')).getByTestId('feedback-review').getAttribute('aria-pressed')).toBe('true');
  });

  it('puts behaviour flags beside the rating and summarises what worked', async () => {
    const ratings = [5, 5, 4, 3, 3, 4];
    await db.feedback.bulkPut(
      ratings.map((empathy, i) => feedbackItem(`f${i}`, { empathy, answeredAt: daysAgo(i + 1) })),
    );
    await db.replyFlags.bulkAdd(
      ratings.map((_, i) => ({
        site: 'demo',
        ticketId: `ticket-f${i}`,
        channel: 'chat' as const,
        behaviors: i < 3 ? (['acknowledge'] as const).slice() : [],
        sentAt: daysAgo(i + 1),
      })),
    );
    renderPanel(<FeedbackView />);
    const f0 = within(await findItem('f0'));
    // Flags are read after the first rows are on screen.
    await waitFor(() => expect(f0.getByTestId('behavior-flags').textContent).toBe('Acknowledged'));
    expect(within(itemEl('f4')).queryByTestId('behavior-flags')).toBeNull();
    const summary = await screen.findByText(/Replies where you acknowledged feelings/);
    expect(summary.textContent).toBe('Replies where you acknowledged feelings averaged 4.7 vs 3.3 (Empathy).');
  });

  it('summarises by satisfaction when the survey did not ask about empathy', async () => {
    const ratings = [5, 4, 5, 2, 3, 2];
    await db.feedback.bulkPut(
      ratings.map((csat, i) => feedbackItem(`f${i}`, { empathy: null, csat, answeredAt: daysAgo(i + 1) })),
    );
    await db.replyFlags.bulkAdd(
      ratings.map((_, i) => ({
        site: 'demo',
        ticketId: `ticket-f${i}`,
        channel: 'chat' as const,
        behaviors: i < 3 ? (['restate'] as const).slice() : [],
        sentAt: daysAgo(i + 1),
      })),
    );
    renderPanel(<FeedbackView />);
    const summary = await screen.findByText(/Replies where you summarised what you heard/);
    expect(summary.textContent).toBe('Replies where you summarised what you heard averaged 4.7 vs 2.3 (Satisfaction).');
  });

  it('virtualises long lists: only a screenful of 2,000 rows is in the DOM', async () => {
    await db.feedback.bulkPut(
      Array.from({ length: 2000 }, (_, i) =>
        feedbackItem(`f${i}`, { answeredAt: new Date(Date.now() - i * 60_000).toISOString() }),
      ),
    );
    renderPanel(<FeedbackView />);
    await findItem('f0');
    const count = screen.getAllByTestId('feedback-item').length;
    expect(count).toBeGreaterThan(3);
    expect(count).toBeLessThan(40);
  });

  it('reads the next page when the agent scrolls near the end of the loaded rows', async () => {
    await db.feedback.bulkPut(
      Array.from({ length: 100 }, (_, i) =>
        feedbackItem(`f${i}`, { answeredAt: new Date(Date.now() - i * 60_000).toISOString() }),
      ),
    );
    renderPanel(<FeedbackView />);
    await findItem('f0');
    expect(screen.getByText('Loading more…')).toBeTruthy();
    const feed = screen.getByRole('feed');
    const scrollTo = (top: number) => {
      feed.scrollTop = top;
      fireEvent.scroll(feed);
    };
    // 40 rows of 120 px are loaded first; scrolling to their end asks for more.
    scrollTo(40 * 120 - 800);
    await waitFor(() => expect(screen.queryByText('Loading more…')).toBeNull());
    scrollTo(100 * 120 - 800);
    await findItem('f99');
    expect(document.querySelector('[data-feedback-id="f0"]')).toBeNull();
  });

  it('pins an item opened from a tip when it is outside the loaded rows', async () => {
    await db.feedback.bulkPut([
      feedbackItem('recent'),
      feedbackItem('old', { answeredAt: daysAgo(200), comment: 'Old one' }),
    ]);
    usePanelStore.getState().setFeedbackFilter('period', '7d');
    usePanelStore.setState({ selectedFeedbackId: 'old' });
    renderPanel(<FeedbackView />);
    expect(await screen.findByText('Old one')).toBeTruthy();
    expect(within(itemEl('old')).getByTestId('feedback-note')).toBeTruthy();
  });
});

function itemEl(id: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-testid="feedback-item"][data-feedback-id="${id}"]`);
  if (!el) throw new Error(`feedback item ${id} not rendered`);
  return el;
}

async function findItem(id: string, timeout = 2000): Promise<HTMLElement> {
  await waitFor(() => itemEl(id), { timeout });
  return itemEl(id);
}
