import { describe, expect, it } from 'vitest';
import { formatKpiValue, localDate } from '../../../components/common/format';
import { displayText, safeHttpUrl } from '../../../components/common/safe-text';
import { compareBehaviors, flagsByTicket, matchesFilters, periodStart } from '../../../components/panel/feedback-logic';
import {
  readMembers,
  readTargets,
  readTeamKpis,
  readTeamPulse,
  readTeamTips,
} from '../../../components/panel/team/data';
import type { ReplyFlags } from '../../../lib/db';
import { DEFAULT_FEEDBACK_FILTERS, type FeedbackFilters } from '../../../lib/store/panel';
import { feedbackItem } from './helpers';

describe('safeHttpUrl', () => {
  it.each([
    ['https://helpdesk.example/t/1', 'https://helpdesk.example/t/1'],
    ['http://127.0.0.1:8788/ticket/2', 'http://127.0.0.1:8788/ticket/2'],
    ['  https://x.example/a  ', 'https://x.example/a'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['\u0000javascript:alert(1)', null],
    ['java\tscript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['vbscript:msgbox(1)', null],
    ['file:///etc/passwd', null],
    ['//evil.example/x', null],
    ['/relative/path', null],
    ['', null],
    [null, null],
    [42, null],
  ])('%j -> %j', (raw, expected) => {
    expect(safeHttpUrl(raw)).toBe(expected);
  });
});

describe('displayText', () => {
  it('removes bidi overrides and isolates, keeps the rest', () => {
    expect(displayText('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(displayText('a\u2066b\u2069c\u202Ad')).toBe('abcd');
    expect(displayText('Hej, tack för hjälpen!')).toBe('Hej, tack för hjälpen!');
    expect(displayText(null)).toBe('');
  });
});

describe('formatKpiValue', () => {
  it.each([
    [4.3, 'score', '4.3'],
    [82, 'percent', '82 %'],
    [35, 'nps', '+35'],
    [-12, 'nps', '-12'],
    [0, 'nps', '0'],
    [14, 'minutes', '14 min'],
    [240, 'count', '240'],
    [null, 'score', null],
  ] as const)('%s %s -> %s', (value, unit, expected) => {
    expect(formatKpiValue(value, unit, 'en')).toBe(expected);
  });

  it('uses the UI language for decimals', () => {
    expect(formatKpiValue(4.3, 'score', 'sv')).toBe('4,3');
  });
});

describe('feedback filters', () => {
  const f = (over: Partial<FeedbackFilters>): FeedbackFilters => ({ ...DEFAULT_FEEDBACK_FILTERS, ...over });
  it.each([
    ['channel matches', feedbackItem('a', { channel: 'email' }), f({ channel: 'email' }), true],
    ['channel differs', feedbackItem('a', { channel: 'chat' }), f({ channel: 'email' }), false],
    ['has comment', feedbackItem('a', { comment: 'x' }), f({ hasComment: true }), true],
    ['blank comment', feedbackItem('a', { comment: '   ' }), f({ hasComment: true }), false],
    ['null comment', feedbackItem('a', { comment: null }), f({ hasComment: true }), false],
    ['low: empathy 2', feedbackItem('a', { empathy: 2 }), f({ rating: 'low' }), true],
    ['low: nps 6', feedbackItem('a', { nps: 6 }), f({ rating: 'low' }), true],
    ['low: all good', feedbackItem('a', { empathy: 5, csat: 5, clarity: 4, nps: 9 }), f({ rating: 'low' }), false],
    ['high: all 4+', feedbackItem('a', { empathy: 5, csat: 4, clarity: null, nps: null }), f({ rating: 'high' }), true],
    ['high: one 3', feedbackItem('a', { empathy: 5, csat: 3 }), f({ rating: 'high' }), false],
    [
      'high: nothing rated',
      feedbackItem('a', { empathy: null, csat: null, clarity: null, nps: null }),
      f({ rating: 'high' }),
      false,
    ],
  ])('%s', (_name, item, filters, expected) => {
    expect(matchesFilters(item, filters)).toBe(expected);
  });

  it('period start is N days back, none for all', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    expect(periodStart('7d', now)).toBe('2026-11-16T12:00:00.000Z');
    expect(periodStart('all', now)).toBeNull();
  });
});

describe('compareBehaviors', () => {
  const flags = (ticketId: string, behaviors: ReplyFlags['behaviors']): ReplyFlags => ({
    site: 'demo',
    ticketId,
    channel: 'chat',
    behaviors,
    sentAt: '2026-11-20T10:00:00Z',
  });

  it('compares mean ratings of replies with and without a behaviour', () => {
    const items = [5, 5, 4, 4, 3, 4, 4].map((empathy, i) => feedbackItem(`f${i}`, { empathy, contactId: `t${i}` }));
    const byTicket = flagsByTicket([
      flags('t0', ['acknowledge']),
      flags('t1', ['acknowledge', 'solution']),
      flags('t2', ['acknowledge']),
      flags('t3', ['solution']),
      flags('t4', []),
      flags('t5', ['solution']),
      // t6 has no flags: it must not count on either side.
    ]);
    const result = compareBehaviors(items, byTicket, 'empathy', 3);
    const ack = result.find((r) => r.behavior === 'acknowledge');
    expect(ack).toEqual({
      behavior: 'acknowledge',
      metric: 'empathy',
      withMean: 4.7,
      withoutMean: 3.7,
      withN: 3,
      withoutN: 3,
    });
    const solution = result.find((r) => r.behavior === 'solution');
    expect(solution).toMatchObject({ withMean: 4.3, withoutMean: 4, withN: 3, withoutN: 3 });
    expect(result[0]?.behavior).toBe('acknowledge');
  });

  it('leaves out behaviours with too few answers on one side', () => {
    const items = [5, 4].map((empathy, i) => feedbackItem(`f${i}`, { empathy, contactId: `t${i}` }));
    expect(compareBehaviors(items, flagsByTicket([flags('t0', ['thanks']), flags('t1', [])]), 'empathy', 3)).toEqual(
      [],
    );
  });

  it('unions the flags of several replies on one ticket', () => {
    const map = flagsByTicket([flags('t1', ['apology']), flags('t1', ['solution']), flags('', ['thanks'])]);
    expect([...(map.get('t1') ?? [])].sort()).toEqual(['apology', 'solution']);
    expect(map.size).toBe(1);
  });
});

describe('team cache readers', () => {
  it('read the hub shapes and drop malformed entries', () => {
    expect(readMembers({ items: [{ id: 'a', name: 'Alex', role: 'agent' }, { name: 'no id' }, 7] })).toEqual([
      { id: 'a', name: 'Alex', role: 'agent' },
    ]);
    expect(
      readTargets({
        items: [
          { kpi: 'csat', channel: null, value: 80 },
          { kpi: 'x', value: 'NaN' },
        ],
      }),
    ).toEqual([{ kpi: 'csat', channel: null, value: 80 }]);
    expect(
      readTeamKpis({ team: [{ key: 'empathy' }], agents: [{ id: 'a', name: 'A', kpis: [{ key: 'csat' }, null] }] }),
    ).toEqual({
      team: [{ key: 'empathy' }],
      agents: [{ id: 'a', name: 'A', kpis: [{ key: 'csat' }] }],
    });
    expect(readTeamTips(null)).toEqual([]);
    expect(
      readTeamTips({ items: [{ id: 't', text: 'x', acks: [{ agentId: 'a', name: 'A', at: 'z', useful: true }] }] })[0]
        ?.acks,
    ).toEqual([{ agentId: 'a', name: 'A', at: 'z', comment: null, useful: true }]);
  });

  it('keeps team pulse days with fewer than 5 answers suppressed even if the cache says otherwise', () => {
    expect(
      readTeamPulse({
        items: [
          { date: '2026-11-20', n: 6, mean: 3.8 },
          { date: '2026-11-21', suppressed: true },
          { date: '2026-11-22', n: 3, mean: 2 },
        ],
      }),
    ).toEqual([
      { date: '2026-11-20', suppressed: false, n: 6, mean: 3.8 },
      { date: '2026-11-21', suppressed: true },
      { date: '2026-11-22', suppressed: true },
    ]);
  });
});

describe('localDate', () => {
  it('is the local calendar day', () => {
    expect(localDate(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
