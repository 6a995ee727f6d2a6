// The words the hub and the extension share: channels, KPI keys and windows, languages, roles, stream event
// types. One list each; types, zod enums and UI pickers are built from these. Pure data (the hub imports it).
import { LANGS, type Lang } from '../empathy/types';

/** Every contact channel the hub records feedback and KPIs for. */
export const CHANNELS = ['chat', 'email', 'phone'] as const;
export type ContactChannel = (typeof CHANNELS)[number];

/** Channels a written reply goes out on: what the coach and phrase libraries distinguish. */
export const WRITTEN_CHANNELS = ['chat', 'email'] as const satisfies readonly ContactChannel[];
export type WrittenChannel = (typeof WRITTEN_CHANNELS)[number];

export const KPI_KEYS = [
  'empathy',
  'clarity',
  'csat',
  'fcr',
  'nps',
  'first_response',
  'reopen_rate',
  'volume',
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

/** The windows KPIs are computed over. */
export const KPI_WINDOWS = ['7d', '30d', '90d'] as const;
export type KpiWindow = (typeof KPI_WINDOWS)[number];
export const WINDOW_DAYS: Record<KpiWindow, number> = { '7d': 7, '30d': 30, '90d': 90 };
/** The window the panel and the hub use when none is asked for. */
export const DEFAULT_KPI_WINDOW: KpiWindow = '30d';

/** How much an agent can move a KPI (the influence rings). */
export const INFLUENCES = ['inside', 'edge', 'outside'] as const;
export type Influence = (typeof INFLUENCES)[number];

/** The languages the engine coaches in and the UI speaks (packs in lib/empathy/packs). */
export { LANGS, type Lang };

export const ROLES = ['agent', 'lead', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a helpdesk event says happened on a contact (`POST /api/v1/events`, connectors, CSV). */
export const EVENT_TYPES = ['created', 'agent_reply', 'customer_reply', 'assigned', 'resolved', 'reopened'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Named events on the hub's stream (`GET /api/v1/stream`); others (comments, `hello`) are ignored. */
export const STREAM_EVENTS = ['tip', 'feedback', 'kpis', 'library', 'request'] as const;
export type StreamEvent = (typeof STREAM_EVENTS)[number];

/** What happened to a suggestion the coach showed. */
export const USAGE_EVENTS = ['shown', 'accepted', 'dismissed'] as const;
export type UsageEvent = (typeof USAGE_EVENTS)[number];

export const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  (list as readonly unknown[]).includes(value);
