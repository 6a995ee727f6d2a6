// KPI math: formulas, rounding, medians, rings and windows (the definitions in lib/kpi and the README's KPI section).
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RINGS,
  emptyContactTally,
  kpiValue,
  median,
  orderByRing,
  resolveRings,
  roundFor,
  tallyAnswers,
} from '../../../lib/kpi/index';
import { teamMedians, windowBounds } from '../../../server/kpi/engine';

const contacts = (over: Partial<ReturnType<typeof emptyContactTally>>) => ({ ...emptyContactTally(), ...over });

describe('survey KPI formulas', () => {
  const answers = tallyAnswers([
    { empathy: 5, clarity: 4, csat: 5, nps: 10 },
    { empathy: 4, clarity: 4, csat: 4, nps: 9 },
    { empathy: 2, clarity: 3, csat: 3, nps: 7 },
    { empathy: 1, csat: 1, nps: 0 },
    { clarity: 5, nps: 6 },
  ]);
  it.each([
    ['empathy', 3, 4], // (5+4+2+1)/4
    ['clarity', 4, 4], // (4+4+3+5)/4
    ['csat', 50, 4], // 2 of 4 are >= 4
    ['nps', 0, 5], // 2 promoters - 2 detractors of 5
  ] as const)('%s = %d over n = %d', (key, value, n) => {
    expect(kpiValue(key, answers, emptyContactTally())).toEqual({ value, n });
  });

  it('gives null, not 0, when nothing was answered', () => {
    const none = tallyAnswers([]);
    for (const key of ['empathy', 'clarity', 'csat', 'nps'] as const) {
      expect(kpiValue(key, none, emptyContactTally())).toEqual({ value: null, n: 0 });
    }
  });

  it('treats 7 and 8 as passives and 6 as a detractor', () => {
    expect(kpiValue('nps', tallyAnswers([{ nps: 7 }, { nps: 8 }]), emptyContactTally()).value).toBe(0);
    expect(kpiValue('nps', tallyAnswers([{ nps: 6 }]), emptyContactTally()).value).toBe(-100);
    expect(kpiValue('nps', tallyAnswers([{ nps: 9 }]), emptyContactTally()).value).toBe(100);
  });
});

describe('contact KPI formulas', () => {
  it.each([
    ['fcr', contacts({ resolved: 4, reopened: 2, reopened7d: 1 }), 75, 4],
    ['reopen_rate', contacts({ resolved: 4, reopened: 2, reopened7d: 1 }), 50, 4],
    ['fcr', contacts({ resolved: 3, reopened: 1, reopened7d: 1 }), 67, 3],
    ['first_response', contacts({ firstResponseMedian: 17.5, firstResponseN: 2 }), 18, 2],
    ['volume', contacts({ volume: 12 }), 12, 12],
    ['fcr', contacts({}), null, 0],
    ['first_response', contacts({}), null, 0],
  ] as const)('%s of %o = %s', (key, tally, value, n) => {
    expect(kpiValue(key, tallyAnswers([]), tally)).toEqual({ value, n });
  });
});

describe('rounding, medians', () => {
  it.each([
    ['score', 4.25, 4.3],
    ['score', 3.04, 3],
    ['percent', 66.666, 67],
    ['nps', -33.4, -33],
    ['minutes', 12.5, 13],
  ] as const)('roundFor(%s, %d) = %d', (unit, v, expected) => {
    expect(roundFor(unit, v)).toBe(expected);
  });
  it.each([
    [[], null],
    [[3], 3],
    [[4, 1], 2.5],
    [[5, 1, 3], 3],
    [[10, 30, 20, 60], 25],
  ] as const)('median(%o) = %s', (list, expected) => {
    expect(median(list)).toBe(expected);
  });
  it('team medians skip agents without data and round per unit', () => {
    const base = {
      clarity: null,
      csat: null,
      fcr: null,
      nps: null,
      first_response: null,
      reopen_rate: null,
      volume: null,
    };
    const m = teamMedians(
      new Map([
        ['a', { ...base, empathy: 4.5, csat: 80 }],
        ['b', { ...base, empathy: 2.6, csat: 71 }],
        ['c', { ...base, empathy: null, csat: 60 }],
        ['d', { ...base, empathy: 3.6, csat: 90 }],
        ['e', { ...base, empathy: 4.1, csat: 50 }],
        ['f', { ...base, empathy: 3.0, csat: 75 }],
      ]),
    );
    // empathy: five agents with a value (median 3.6); csat: six (50, 60, 71, 75, 80, 90 -> median 73).
    expect(m.empathy).toBe(3.6);
    expect(m.csat).toBe(73);
    expect(m.volume).toBeNull();
  });

  it("a team median needs at least five agents with a value, so it never reveals a colleague's figure", () => {
    const base = {
      clarity: null,
      csat: null,
      fcr: null,
      nps: null,
      first_response: null,
      reopen_rate: null,
      volume: null,
    };
    const agents = (n: number) =>
      new Map(Array.from({ length: n }, (_, i) => [`a${i}`, { ...base, empathy: 3 + i / 10 }] as const));
    expect(teamMedians(agents(2)).empathy).toBeNull();
    expect(teamMedians(agents(4)).empathy).toBeNull();
    expect(teamMedians(agents(5)).empathy).toBe(3.2);
  });
});

describe('rings and windows', () => {
  it('puts empathy, clarity, csat and fcr inside; volume outside', () => {
    expect(orderByRing(DEFAULT_RINGS).slice(0, 4).sort()).toEqual(['clarity', 'csat', 'empathy', 'fcr']);
    expect(DEFAULT_RINGS.volume).toBe('outside');
    expect(DEFAULT_RINGS.nps).toBe('edge');
  });
  it('ignores unknown keys and values in team overrides', () => {
    const rings = resolveRings({ nps: 'inside', volume: 'nowhere', happiness: 'inside' });
    expect(rings.nps).toBe('inside');
    expect(rings.volume).toBe('outside');
    expect(Object.keys(rings)).not.toContain('happiness');
    expect(resolveRings(null)).toEqual(DEFAULT_RINGS);
  });
  it('windows are whole UTC days ending today', () => {
    const w = windowBounds('7d', new Date('2026-03-02T23:59:00Z'));
    expect(w.days).toEqual([
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(w.since).toBe('2026-02-24');
    expect(w.until).toBe('2026-03-03');
    expect(windowBounds('90d', new Date('2026-03-02T00:00:00Z')).days).toHaveLength(90);
  });
});
