// zod schemas of what the hub answers (its routes declare them, so they are in the OpenAPI document too). The
// sync client parses every response with them and the Dexie rows (lib/db) are their output types. Lenient where the hub may leave a
// field out (missing optional values become null), strict where the extension relies on a field.
import { z } from 'zod';
import { BEHAVIORS, EMOTIONS, type PhraseLibrary } from '../empathy/types';
import { CHANNELS, INFLUENCES, KPI_KEYS, KPI_WINDOWS, LANGS, ROLES, WRITTEN_CHANNELS } from './vocab';

/** Optional on the wire, null locally: a missing value and an explicit null mean the same. */
const orNull = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);

const num = z.number();

export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: orNull(z.string()).transform((v) => v ?? ''),
  role: z.enum(ROLES),
  teamId: orNull(z.string()),
  teamName: orNull(z.string()),
});

/** `GET /api/v1/me` answers the user, either bare or wrapped as `{user}`. */
export const meSchema = z.union([z.object({ user: userSchema }).transform((r) => r.user), userSchema]);

export const pairSchema = z.object({ token: z.string().min(1), user: userSchema });

const sliceSchema = z.object({ value: orNull(num), n: num });
/** By channel / case type: a map, or a list of `{key|channel|caseType, value, n}`, normalised to a map. */
const slicesSchema = z
  .union([
    z.record(z.string(), sliceSchema),
    z.array(
      sliceSchema.extend({
        key: z.string().optional(),
        channel: z.string().optional(),
        caseType: z.string().optional(),
      }),
    ),
  ])
  .nullish()
  .transform((v) => {
    if (!v) return {};
    if (!Array.isArray(v)) return v;
    const out: Record<string, { value: number | null; n: number }> = {};
    for (const s of v) out[s.key ?? s.channel ?? s.caseType ?? '?'] = { value: s.value, n: s.n };
    return out;
  });

export const kpiSchema = z.object({
  key: z.string(),
  label: z
    .string()
    .optional()
    .transform((v) => v ?? ''),
  influence: z.enum(INFLUENCES),
  value: orNull(num),
  unit: z.string(),
  n: num,
  target: orNull(num),
  teamMedian: orNull(num),
  trend: z
    .array(z.object({ date: z.string(), value: orNull(num) }))
    .nullish()
    .transform((v) => v ?? []),
  byChannel: slicesSchema,
  byCaseType: slicesSchema,
});

export const kpisResponseSchema = z.object({
  window: z.enum(KPI_WINDOWS),
  kpis: z.array(kpiSchema),
});

export const feedbackItemSchema = z.object({
  id: z.string(),
  externalId: z.string(),
  contactId: z.string(),
  channel: z.enum(CHANNELS),
  caseType: orNull(z.string()),
  answeredAt: z.string(),
  empathy: orNull(num),
  csat: orNull(num),
  clarity: orNull(num),
  nps: orNull(num),
  comment: orNull(z.string()),
  lang: orNull(z.string()),
  ticketUrl: orNull(z.string()),
  reviewed: orNull(z.boolean()).transform((v) => v ?? false),
  note: orNull(z.string()),
  updatedAt: z.string(),
});

const cursorSchema = orNull(z.union([z.string(), z.number()]).transform(String));

export const feedbackPageSchema = z.object({
  items: z.array(feedbackItemSchema),
  cursor: cursorSchema,
  /** Answers re-attributed to a colleague since the cursor: drop them from this device. */
  removed: z.array(z.string()).default([]),
});

export const tipAckSchema = z.object({
  at: z.string(),
  comment: orNull(z.string()),
  useful: orNull(z.boolean()),
});

export const tipSchema = z.object({
  id: z.string(),
  text: z.string(),
  author: z.object({ id: z.string(), name: z.string() }),
  feedbackId: orNull(z.string()),
  kpi: orNull(z.string()),
  due: orNull(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  ack: orNull(tipAckSchema),
});

export const tipsPageSchema = z.object({ items: z.array(tipSchema), cursor: cursorSchema });

export const requestSchema = z.object({
  id: z.string(),
  feedbackId: z.string(),
  question: z.string(),
  answer: orNull(z.string()),
  createdAt: z.string(),
  answeredAt: orNull(z.string()),
});

export const requestsResponseSchema = z.object({ items: z.array(requestSchema) });

const phraseSchema = z.object({
  id: z.string(),
  lang: z.enum(LANGS),
  kind: z.enum(BEHAVIORS),
  text: z.string(),
  channels: z.array(z.enum(WRITTEN_CHANNELS)).optional(),
  emotions: z.array(z.enum(EMOTIONS)).optional(),
});

export const phraseLibrarySchema: z.ZodType<PhraseLibrary> = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().optional(),
  phrases: z.array(phraseSchema),
  disabled: z.array(z.string()).optional(),
  favourites: z.array(z.string()).optional(),
});

/** `GET /api/v1/me/library`: the team's library, or null/empty when the team has none. */
export const libraryResponseSchema = z.union([
  phraseLibrarySchema,
  z.null(),
  z.object({ library: phraseLibrarySchema.nullable() }).transform((r) => r.library),
]);

/** Lead caches are stored as the hub sent them; only their envelope is checked. */
export const anyJsonSchema = z.unknown();

// What only the hub's other callers read (leads' views, integrations, pairing); the panel caches some of
// them as they came (anyJsonSchema), the OpenAPI document describes them all.

/** Every 4xx answer: `{error}` for refusals, `{errors: [{path, message}]}` for invalid input. */
export const errorBodySchema = z.union([
  z.object({ error: z.string() }),
  z.object({ errors: z.array(z.object({ path: z.string(), message: z.string() })) }),
]);

/** `GET /api/v1/me`: the user and whether this session may read their private notes and pulse. */
export const profileSchema = userSchema.extend({ privateAccess: z.boolean() });

export const teamMembersSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.enum(ROLES) })),
});

/** `GET /api/v1/team/kpis`: the team's KPIs and each agent's. */
export const teamKpisSchema = z.object({
  window: z.enum(KPI_WINDOWS),
  team: z.array(kpiSchema),
  agents: z.array(z.object({ id: z.string(), name: z.string(), kpis: z.array(kpiSchema) })),
});

/** A tip as its lead sees it: every agent's acknowledgement instead of one. */
export const teamTipSchema = tipSchema.extend({
  agentId: z.string().nullable(),
  teamId: z.string().nullable(),
  acks: z.array(tipAckSchema.extend({ agentId: z.string(), name: z.string() })),
});
export const teamTipsSchema = z.object({ items: z.array(teamTipSchema) });

export const teamRequestSchema = requestSchema.extend({ agentId: z.string(), agentName: z.string() });
export const teamRequestsSchema = z.object({ items: z.array(teamRequestSchema) });

export const targetSchema = z.object({ kpi: z.enum(KPI_KEYS), channel: z.enum(CHANNELS).nullable(), value: num });
export const targetsSchema = z.object({ items: z.array(targetSchema) });

/** Team pulse per closed day; days with fewer than the privacy minimum of answers are suppressed. */
export const teamPulseSchema = z.object({
  items: z.array(
    z.union([
      z.object({ date: z.string(), n: num, mean: num }),
      z.object({ date: z.string(), suppressed: z.literal(true) }),
    ]),
  ),
});
export const pulseSchema = z.object({ date: z.string(), mood: num });

export const pairingCodeSchema = z.object({ code: z.string(), expiresAt: z.string(), privateAccess: z.boolean() });

export const idSchema = z.object({ id: z.string() });
export const okSchema = z.object({ ok: z.literal(true) });

/** One stored item of an ingest: `duplicate` when its externalId was already stored (nothing changed). */
export const ingestAckSchema = z.object({ id: z.string(), duplicate: z.boolean().optional() });
export const ingestBatchSchema = z.object({
  items: z.array(z.object({ id: z.string(), duplicate: z.boolean() })),
  inserted: num,
  duplicates: num,
});

export const surveyLinkSchema = z.object({
  url: z.string(),
  token: z.string(),
  expiresAt: z.string(),
  agentId: z.string(),
});

export const healthSchema = z.object({ ok: z.boolean(), db: z.string(), streams: num.optional() });

export type HubUser = z.infer<typeof userSchema>;
export type KpiSlice = { value: number | null; n: number };
export type HubKpi = z.infer<typeof kpiSchema>;
export type KpisResponse = z.infer<typeof kpisResponseSchema>;
export type HubFeedbackItem = z.infer<typeof feedbackItemSchema>;
export type FeedbackPage = z.infer<typeof feedbackPageSchema>;
export type HubTipAck = z.infer<typeof tipAckSchema>;
export type HubTip = z.infer<typeof tipSchema>;
export type TipsPage = z.infer<typeof tipsPageSchema>;
export type HubRequest = z.infer<typeof requestSchema>;
