// zod schemas of what callers send the hub: the bodies and queries of its routes (server/features, survey,
// connectors). The hub's routes validate with them and the OpenAPI document is generated from them, so
// validation and documentation cannot drift. Pure: zod, the vocabularies and lib/empathy's types only.
import { z } from 'zod';
import { BEHAVIORS, EMOTIONS, LANGS } from '../empathy/types';
import { CHANNELS, EVENT_TYPES, KPI_KEYS, KPI_WINDOWS, WRITTEN_CHANNELS } from './vocab';

/** Text PostgreSQL can store: no NUL characters (text and jsonb reject them). */
export const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');

/** Free text from customers: NUL characters are dropped, everything else is kept verbatim. */
export const freeText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.replaceAll('\u0000', ''));

// Offsets: ISO 8601 allows any hh:mm, PostgreSQL's timestamptz only up to ±15:59. Every accepted time is
// normalised to UTC (Z) before it reaches SQL, so no offset can fail a write.
export const isoDateTime = z.iso
  .datetime({ offset: true })
  .refine((s) => {
    const t = Date.parse(s);
    return Number.isFinite(t) && t >= Date.UTC(1970, 0, 1) && t < Date.UTC(2100, 0, 1);
  }, 'must be between 1970 and 2100')
  .transform((s) => new Date(s).toISOString());

export const isoDate = z.iso
  .date()
  .refine((s) => s >= '1970-01-01' && s < '2100-01-01', 'must be between 1970 and 2100');

export const channel = z.enum(CHANNELS);
// Helpdesk categories come in many shapes ("Billing/Invoice", "Leverans – försenad"): any text without
// control characters; it is only ever used as a grouping key.
export const caseType = z
  .string()
  .min(1)
  .max(64)
  .refine(
    (s) => ![...s].some((ch) => (ch.codePointAt(0) as number) < 0x20 || ch === '\u007f'),
    'must not contain control characters',
  );
export const agentRef = z.union([z.object({ email: z.email().max(320) }), z.object({ id: text(64) })]);
const rating5 = z.number().int().min(1).max(5);

export const feedbackIn = z
  .object({
    externalId: text(200),
    contactId: text(200),
    agent: agentRef,
    channel,
    caseType: caseType.optional(),
    answeredAt: isoDateTime,
    empathy: rating5.optional(),
    csat: rating5.optional(),
    clarity: rating5.optional(),
    nps: z.number().int().min(0).max(10).optional(),
    comment: freeText(100_000).optional(),
    lang: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/)
      .optional(),
    ticketUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
  })
  .refine(
    (f) => f.empathy != null || f.csat != null || f.clarity != null || f.nps != null || (f.comment ?? '') !== '',
    { message: 'at least one rating or a comment is required', path: ['empathy'] },
  );
export type FeedbackIn = z.output<typeof feedbackIn>;
export const feedbackBatchIn = z.array(feedbackIn).min(1).max(1000);

export const eventType = z.enum(EVENT_TYPES);
export const eventIn = z.object({
  externalId: text(200),
  contactId: text(200),
  type: eventType,
  at: isoDateTime,
  agent: agentRef.optional(),
  channel,
  caseType: caseType.optional(),
});
export type EventIn = z.output<typeof eventIn>;
export const eventsIn = z.union([eventIn, z.array(eventIn).min(1).max(1000)]);

export const kpiWindow = z.enum(KPI_WINDOWS);
export const kpiKey = z.enum(KPI_KEYS);

export const tipIn = z
  .object({
    agentId: text(64).optional(),
    teamId: text(64).optional(),
    text: text(5000),
    feedbackId: text(64).optional(),
    kpi: kpiKey.optional(),
    due: z.union([isoDate, isoDateTime]).optional(),
  })
  .refine((t) => (t.agentId == null) !== (t.teamId == null), {
    message: 'exactly one of agentId or teamId is required',
    path: ['agentId'],
  });

export const tipAckIn = z.object({ comment: freeText(5000).optional(), useful: z.boolean().optional() });
export const feedbackStateIn = z.object({
  reviewed: z.boolean().optional(),
  note: freeText(10_000).nullable().optional(),
});
export const requestIn = z.object({ feedbackId: text(64), question: text(5000) });
export const requestAnswerIn = z.object({ answer: text(5000) });
export const pulseIn = z.object({ date: isoDate, mood: z.number().int().min(1).max(5) });
// Matches the extension's `coach:replySent` message: ticket id and channel may be unknown (null).
export const replyFlagsIn = z.object({
  site: text(200),
  ticketId: text(200).nullable(),
  channel: channel.nullable(),
  behaviors: z.array(z.enum(BEHAVIORS)).max(20),
  sentAt: isoDateTime,
});
export const targetIn = z.object({
  kpi: kpiKey,
  channel: channel.nullable(),
  value: z.number().finite().min(-100).max(100_000).nullable(),
});
export const pairingCodeIn = z.object({ agentId: text(64) });
export const pairIn = z.object({ code: z.string().min(1).max(20) });

// PhraseLibrary from lib/empathy/types.ts.
export const phraseLibrary = z.object({
  id: text(100),
  name: text(200),
  version: z.number().int().min(0).optional(),
  phrases: z
    .array(
      z.object({
        id: text(100),
        lang: z.enum(LANGS),
        kind: z.enum(BEHAVIORS),
        text: text(1000),
        channels: z.array(z.enum(WRITTEN_CHANNELS)).optional(),
        emotions: z.array(z.enum(EMOTIONS)).optional(),
      }),
    )
    .max(500),
  disabled: z.array(text(100)).max(1000).optional(),
  favourites: z.array(text(100)).max(1000).optional(),
});

export const pageQuery = z.object({
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const kpiWindowQuery = z.object({ window: kpiWindow.default('30d') });

/** `POST /api/v1/survey-links`: mint a signed survey link for a contact and agent. */
export const surveyLinkIn = z.object({
  contactId: text(200),
  agent: agentRef,
  lang: z.enum(LANGS).optional(),
  channel: channel.optional(),
  caseType: caseType.optional(),
  ttlDays: z.number().int().min(1).max(365).optional(),
});

/** `POST /api/v1/hooks/{integration}`: a signed delivery of events and/or answers, stored all or nothing. */
export const hookBody = z
  .object({
    events: z.array(eventIn).min(1).max(1000).optional(),
    feedback: z.array(feedbackIn).min(1).max(1000).optional(),
  })
  .refine((b) => b.events !== undefined || b.feedback !== undefined, {
    message: 'events or feedback is required',
    path: ['events'],
  });
