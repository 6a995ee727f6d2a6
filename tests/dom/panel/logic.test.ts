import { describe, expect, it } from 'vitest';
import { formatKpiValue, localDate } from '../../../components/common/format';
import { displayText, safeHttpUrl } from '../../../components/common/safe-text';
import { compareBehaviors, flagsByTicket, matchesFilters, periodStart } from '../../../components/panel/feedback-logic';
import {
  readMembers,
  readTargets,
  readTeamCaches,
  readTeamKpis,
  readTeamPulse,
  readTeamRequests,
  readTeamTips,
} from '../../../components/panel/team/data';
import type { ReplyFlags, TeamCache } from '../../../lib/db';
import { DEFAULT_FEEDBACK_FILTERS, type FeedbackFilters } from '../../../lib/store/panel';
import { feedbackItem, kpi, teamMember, teamRequest, teamTip } from './helpers';

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
  const row = (key: TeamCache['key'], data: unknown): TeamCache => ({ key, data, fetchedAt: '2026-11-22T10:00:00Z' });

  it('read each row through its contract schema', () => {
    const caches = readTeamCaches([
      row('members', { items: [teamMember('a', 'Alex')] }),
      row('targets', { items: [{ kpi: 'csat', channel: null, value: 80 }] }),
      row('kpis:30d', { window: '30d', team: [kpi('empathy', 'inside', 4)], agents: [] }),
      row('tips', { items: [teamTip('t', 'x')] }),
    ]);
    expect(caches.corrupt).toEqual([]);
    expect(readMembers(caches.data.members)).toEqual([teamMember('a', 'Alex')]);
    expect(readTargets(caches.data.targets)).toEqual([{ kpi: 'csat', channel: null, value: 80 }]);
    expect(readTeamKpis(caches.data['kpis:30d']).team.map((k) => k.key)).toEqual(['empathy']);
    expect(readTeamTips(caches.data.tips)[0]?.text).toBe('x');
    expect(caches.fetchedAt.members).toBe('2026-11-22T10:00:00Z');
    // A row that is not there reads as empty.
    expect(readTeamRequests(caches.data.requests)).toEqual([]);
    expect(readTeamPulse(caches.data.pulse)).toEqual([]);
  });

  it('leave out a corrupt row and name it, keeping the others', () => {
    const caches = readTeamCaches([
      row('members', { items: [teamMember('a', 'Alex'), { name: 'no id' }] }),
      row('targets', { items: [{ kpi: 'x', value: 'NaN' }] }),
      row('tips', null),
      row('requests', { items: [teamRequest('r', 'Why?', 'Alex')] }),
      row('pulse', 'not json at all'),
      row('kpis:30d', { window: '30d', team: [{ key: 'empathy' }], agents: [] }),
    ]);
    expect(caches.corrupt.sort()).toEqual(['kpis:30d', 'members', 'pulse', 'targets', 'tips']);
    expect(caches.data.members).toBeUndefined();
    expect(caches.fetchedAt.members).toBeUndefined();
    expect(readMembers(caches.data.members)).toEqual([]);
    expect(readTeamRequests(caches.data.requests).map((r) => r.id)).toEqual(['r']);
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
