// Column mappings for survey exports. Each maps a hub feedback field to the header names a tool uses
// (matched case-insensitively, ignoring spaces, dashes and underscores), plus value translations for tools
// that export labels instead of numbers. A custom mapping is a JSON file with the same shape.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CHANNELS } from '../../lib/contract/vocab';

export const MAPPABLE_FIELDS = [
  'externalId',
  'contactId',
  'agentEmail',
  'agentId',
  'channel',
  'caseType',
  'answeredAt',
  'empathy',
  'csat',
  'clarity',
  'nps',
  'comment',
  'lang',
  'ticketUrl',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];
export type RatingField = 'empathy' | 'csat' | 'clarity' | 'nps';

export interface CsvMapping {
  name: string;
  /** Prefix of the hub externalId, so ids from different tools never collide (`zendesk:123`). */
  source: string;
  columns: Partial<Record<MappableField, string[]>>;
  /** Label → score, for exports that write "Good" or "Extremely Happy" (keys compared case-insensitively). */
  ratings?: Partial<Record<RatingField, Record<string, number>>>;
  /** Extra channel labels → hub channel (the built-in list below covers the common ones). */
  channels?: Record<string, 'chat' | 'email' | 'phone'>;
  /** Used when the export has no channel column or the cell is empty. */
  defaultChannel?: 'chat' | 'email' | 'phone';
}

/** Channel labels seen in helpdesk exports, in our five languages too. */
export const CHANNEL_LABELS: Record<string, 'chat' | 'email' | 'phone'> = {
  chat: 'chat',
  chatt: 'chat',
  livechat: 'chat',
  messaging: 'chat',
  webwidget: 'chat',
  widget: 'chat',
  whatsapp: 'chat',
  sms: 'chat',
  facebook: 'chat',
  messenger: 'chat',
  keskustelu: 'chat',
  email: 'email',
  mail: 'email',
  epost: 'email',
  mejl: 'email',
  sähköposti: 'email',
  webform: 'email',
  web: 'email',
  portal: 'email',
  api: 'email',
  phone: 'phone',
  voice: 'phone',
  call: 'phone',
  telefon: 'phone',
  telephone: 'phone',
  puhelin: 'phone',
};

export const BUILTIN_MAPPINGS: Record<'brilliant' | 'zendesk' | 'freshdesk', CsvMapping> = {
  // Brilliant-style exports (Nordic survey tools): one row per response, Swedish or English headers.
  brilliant: {
    name: 'brilliant',
    source: 'brilliant',
    columns: {
      externalId: ['Response ID', 'Respondent ID', 'Svars-ID', 'SvarsID', 'Svar ID'],
      contactId: ['Ticket ID', 'Case ID', 'Contact ID', 'Ärende-ID', 'Ärendenummer', 'Ärende'],
      agentEmail: ['Agent email', 'Agent e-mail', 'Handläggare e-post', 'Handläggarens e-post', 'Medarbetare e-post'],
      agentId: ['Agent ID', 'Handläggar-ID'],
      channel: ['Channel', 'Kanal'],
      caseType: ['Case type', 'Category', 'Ärendetyp', 'Kategori'],
      answeredAt: ['Response date', 'Answered at', 'Submitted', 'Svarsdatum', 'Besvarad', 'Datum'],
      empathy: ['Empathy', 'Understanding', 'Förståelse', 'Empati'],
      csat: ['CSAT', 'Satisfaction', 'Nöjdhet', 'Nöjd kund'],
      clarity: ['Clarity', 'Tydlighet'],
      nps: ['NPS', 'Recommend', 'Rekommendation', 'Rekommendera'],
      comment: ['Comment', 'Comments', 'Kommentar', 'Fritext'],
      lang: ['Language', 'Språk'],
    },
  },
  // Zendesk satisfaction-rating exports (Explore / ratings API flattened to CSV). Zendesk's classic rating
  // is Good/Bad; the newer CSAT writes 1-5. Good counts as 5 and Bad as 1 so csat (% of 4-5) stays right.
  zendesk: {
    name: 'zendesk',
    source: 'zendesk',
    columns: {
      externalId: ['Satisfaction rating ID', 'Rating ID', 'ID'],
      contactId: ['Ticket ID', 'Ticket id'],
      agentEmail: ['Assignee email', 'Ticket assignee email', 'Agent email'],
      agentId: [],
      channel: ['Ticket channel', 'Channel', 'Via'],
      caseType: ['Ticket group', 'Group', 'Ticket type', 'Ticket form'],
      answeredAt: [
        'Satisfaction rating updated - Timestamp',
        'Ticket satisfaction rating updated - Timestamp',
        'Rating updated at',
        'Updated at',
        'Created at',
      ],
      csat: ['Ticket satisfaction rating', 'Satisfaction rating', 'Satisfaction score', 'Score', 'Rating'],
      comment: ['Ticket satisfaction comment', 'Satisfaction comment', 'Comment'],
      lang: ['Requester language', 'Language', 'Locale'],
      ticketUrl: ['Ticket URL', 'URL'],
    },
    ratings: { csat: { good: 5, bad: 1 } },
  },
  // Freshdesk satisfaction-survey exports: labels on a 3- or 5-point scale.
  freshdesk: {
    name: 'freshdesk',
    source: 'freshdesk',
    columns: {
      externalId: ['Survey Result ID', 'Survey result id', 'Result ID'],
      contactId: ['Ticket ID', 'Ticket Id'],
      agentEmail: ['Agent Email', 'Agent email', 'Agent'],
      channel: ['Source', 'Ticket Source', 'Channel'],
      caseType: ['Type', 'Ticket Type', 'Group'],
      answeredAt: ['Survey Responded Date', 'Responded at', 'Created at', 'Created Time'],
      csat: ['Rating', 'Customer Rating', 'Satisfaction Rating', 'Overall Rating'],
      comment: ['Feedback', 'Comments', 'Customer Feedback', 'Feedback Comment'],
      lang: ['Language', 'Contact Language'],
    },
    ratings: {
      csat: {
        'extremely happy': 5,
        'very happy': 5,
        happy: 4,
        neutral: 3,
        unhappy: 2,
        'extremely unhappy': 1,
        'very unhappy': 1,
        awesome: 5,
        'not good': 2,
      },
    },
    channels: { 'feedback widget': 'email', 'outbound email': 'email', mobihelp: 'chat' },
  },
};

export type BuiltinMappingName = keyof typeof BUILTIN_MAPPINGS;

const mappingFile = z.object({
  name: z.string().min(1).max(100).optional(),
  source: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/i, 'letters, digits, dash or underscore')
    .optional(),
  columns: z.partialRecord(z.enum(MAPPABLE_FIELDS), z.union([z.string(), z.array(z.string())])),
  ratings: z
    .partialRecord(z.enum(['empathy', 'csat', 'clarity', 'nps']), z.record(z.string(), z.number().int().min(0).max(10)))
    .optional(),
  channels: z.record(z.string(), z.enum(CHANNELS)).optional(),
  defaultChannel: z.enum(CHANNELS).optional(),
});

/** `brilliant`, `zendesk`, `freshdesk` or a path to a JSON mapping file. Throws with a readable message. */
export function loadMapping(nameOrFile: string): CsvMapping {
  if (nameOrFile in BUILTIN_MAPPINGS) return BUILTIN_MAPPINGS[nameOrFile as BuiltinMappingName];
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(nameOrFile, 'utf8'));
  } catch (err) {
    throw new Error(
      `--mapping must be brilliant, zendesk, freshdesk or a JSON file; could not read ${nameOrFile}: ${(err as Error).message}`,
    );
  }
  const parsed = mappingFile.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`mapping file ${nameOrFile}: ${first?.path.join('.') || '(root)'}: ${first?.message}`);
  }
  const m = parsed.data;
  const columns: CsvMapping['columns'] = {};
  for (const [field, names] of Object.entries(m.columns)) {
    columns[field as MappableField] = typeof names === 'string' ? [names] : (names ?? []);
  }
  return {
    name: m.name ?? 'custom',
    source: m.source ?? 'csv',
    columns,
    ...(m.ratings ? { ratings: m.ratings as CsvMapping['ratings'] } : {}),
    ...(m.channels ? { channels: m.channels } : {}),
    ...(m.defaultChannel ? { defaultChannel: m.defaultChannel } : {}),
  };
}

/** Header comparison key: "Ticket ID", "ticket_id" and "Ticket-Id" all match. */
export function headerKey(header: string): string {
  return header
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_\-–:]+/g, '');
}
