// The panel's actions are the messages the background handles: same names, same payloads, and the
// background's answer (or refusal) passed through.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { panelActions } from '../../../entrypoints/sidepanel/actions';
import { sendMessage } from '../../../lib/messaging';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
vi.mock('../../../lib/messaging', () => ({ sendMessage: vi.fn(), PANEL_PORT: 'panel' }));

const send = vi.mocked(sendMessage);
beforeEach(() => send.mockReset());

describe('panel actions -> background messages', () => {
  it.each([
    [
      'tip:ack',
      () => panelActions.ackTip('t1', { comment: 'ok', useful: true }),
      { tipId: 't1', comment: 'ok', useful: true },
    ],
    ['tip:markRead', () => panelActions.markTipsRead(['a', 'b']), { tipIds: ['a', 'b'] }],
    ['feedback:review', () => panelActions.reviewFeedback('f1', true), { feedbackId: 'f1', reviewed: true }],
    ['feedback:note', () => panelActions.saveNote('f1', 'note'), { feedbackId: 'f1', note: 'note' }],
    ['feedback:askLead', () => panelActions.askLead('f1', 'why?'), { feedbackId: 'f1', question: 'why?' }],
    ['pulse:set', () => panelActions.setPulse('2026-11-23', 4), { date: '2026-11-23', mood: 4 }],
    ['team:answerRequest', () => panelActions.team.answerRequest('r1', 'yes'), { requestId: 'r1', answer: 'yes' }],
    [
      'team:setTarget',
      () => panelActions.team.setTarget({ kpi: 'csat', channel: 'chat', value: 80 }),
      { kpi: 'csat', channel: 'chat', value: 80 },
    ],
    ['team:pairingCode', () => panelActions.team.pairingCode('a1'), { agentId: 'a1' }],
  ] as const)('%s', async (type, act, expected) => {
    send.mockResolvedValue({ ok: true } as never);
    await act();
    expect(send).toHaveBeenCalledWith(type, expected);
  });

  it('lead actions pass the hub answer through, including refusals and a dead background', async () => {
    send.mockResolvedValueOnce({ ok: false, error: 'HTTP 403: lead only' } as never);
    expect(await panelActions.team.createTip({ agentId: 'a1', text: 'x' })).toEqual({
      ok: false,
      error: 'HTTP 403: lead only',
    });
    send.mockResolvedValueOnce({ ok: true, data: { id: 't9' } } as never);
    expect(await panelActions.team.refresh()).toEqual({ ok: true });
    send.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await panelActions.syncNow()).toEqual({
      ok: false,
      error: 'Could not establish connection. Receiving end does not exist.',
    });
  });

  it('a pairing code is read from the hub answer; a malformed answer is an error, not a crash', async () => {
    send.mockResolvedValueOnce({ ok: true, data: { code: 'ABCD-1234', expiresAt: '2026-11-23T18:00:00Z' } } as never);
    expect(await panelActions.team.pairingCode('a1')).toEqual({
      ok: true,
      code: 'ABCD-1234',
      expiresAt: '2026-11-23T18:00:00Z',
    });
    send.mockResolvedValueOnce({ ok: true, data: { nope: 1 } } as never);
    expect(await panelActions.team.pairingCode('a1')).toEqual({ ok: false, error: 'The hub sent no pairing code.' });
    send.mockResolvedValueOnce({ ok: false, error: 'HTTP 404' } as never);
    expect(await panelActions.team.pairingCode('a1')).toEqual({ ok: false, error: 'HTTP 404' });
  });
});
