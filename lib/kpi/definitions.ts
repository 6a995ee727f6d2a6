// KPI definitions and influence rings, shared by the hub (which computes them) and the extension
// (which explains them). Pure data: no I/O.

import { CHANNELS, type ContactChannel, type Influence, KPI_KEYS, type KpiKey } from '../contract/vocab';

// The vocabularies live in lib/contract/vocab.ts (one list for hub and extension); re-exported for the hub.
export { type Influence, KPI_KEYS, type KpiKey, KPI_WINDOWS, type KpiWindow, WINDOW_DAYS } from '../contract/vocab';
export type KpiUnit = 'score' | 'percent' | 'nps' | 'minutes' | 'count';
export type KpiChannel = ContactChannel;
export const KPI_CHANNELS: readonly KpiChannel[] = CHANNELS;

export interface KpiDefinition {
  key: KpiKey;
  label: string;
  unit: KpiUnit;
  /** Default ring; a team may move a KPI to another ring. */
  influence: Influence;
  /** True when a higher value is better (reopen rate and response time are the other way round). */
  higherIsBetter: boolean;
  /** One plain-language line for the panel. */
  definition: string;
}

export const KPI_DEFINITIONS: Record<KpiKey, KpiDefinition> = {
  empathy: {
    key: 'empathy',
    label: 'Empathy',
    unit: 'score',
    influence: 'inside',
    higherIsBetter: true,
    definition: 'How well customers felt you understood their situation (mean of 1-5 answers).',
  },
  clarity: {
    key: 'clarity',
    label: 'Clarity',
    unit: 'score',
    influence: 'inside',
    higherIsBetter: true,
    definition: 'How clear customers found your answers (mean of 1-5 answers).',
  },
  csat: {
    key: 'csat',
    label: 'CSAT',
    unit: 'percent',
    influence: 'inside',
    higherIsBetter: true,
    definition: 'Share of satisfaction answers that were 4 or 5.',
  },
  fcr: {
    key: 'fcr',
    label: 'First-contact resolution',
    unit: 'percent',
    influence: 'inside',
    higherIsBetter: true,
    definition: 'Share of your resolved contacts that were not reopened within 7 days.',
  },
  nps: {
    key: 'nps',
    label: 'NPS',
    unit: 'nps',
    influence: 'edge',
    higherIsBetter: true,
    definition: 'Promoters (9-10) minus detractors (0-6), in percentage points.',
  },
  first_response: {
    key: 'first_response',
    label: 'First response time',
    unit: 'minutes',
    influence: 'edge',
    higherIsBetter: false,
    definition: 'Median minutes from a new contact to its first agent reply.',
  },
  reopen_rate: {
    key: 'reopen_rate',
    label: 'Reopen rate',
    unit: 'percent',
    influence: 'edge',
    higherIsBetter: false,
    definition: 'Share of your resolved contacts that were reopened.',
  },
  volume: {
    key: 'volume',
    label: 'Volume',
    unit: 'count',
    influence: 'outside',
    higherIsBetter: true,
    definition: 'Contacts you replied to in the period; it depends on incoming demand and staffing.',
  },
};

export type Rings = Record<KpiKey, Influence>;

export const DEFAULT_RINGS: Rings = Object.fromEntries(KPI_KEYS.map((k) => [k, KPI_DEFINITIONS[k].influence])) as Rings;

/** A team's ring overrides merged over the defaults; unknown keys and values are ignored. */
export function resolveRings(overrides: unknown): Rings {
  const rings: Rings = { ...DEFAULT_RINGS };
  if (overrides && typeof overrides === 'object') {
    for (const [k, v] of Object.entries(overrides as Record<string, unknown>)) {
      if ((KPI_KEYS as readonly string[]).includes(k) && (v === 'inside' || v === 'edge' || v === 'outside')) {
        rings[k as KpiKey] = v;
      }
    }
  }
  return rings;
}

const RING_ORDER: Record<Influence, number> = { inside: 0, edge: 1, outside: 2 };

/** KPI keys ordered inside ring first, then edge, then outside (stable within a ring). */
export function orderByRing(rings: Rings): KpiKey[] {
  return [...KPI_KEYS].sort((a, b) => RING_ORDER[rings[a]] - RING_ORDER[rings[b]]);
}
