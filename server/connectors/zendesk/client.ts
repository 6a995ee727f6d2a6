// Zendesk Support API client: the three reads the connector needs, each checked against the shape Zendesk
// documents (unknown fields are ignored; a missing or wrongly typed field the connector relies on stops the
// sync with a "malformed" status instead of storing a guess).
//   - Incremental ticket event export, time-based, with comment events:
//     GET /api/v2/incremental/ticket_events.json?start_time=<unix>&include=comment_events
//     → { ticket_events: [...], next_page, count, end_time, end_of_stream }, at most 1000 items a page,
//     10 requests a minute. https://developer.zendesk.com/api-reference/ticketing/ticket-management/incremental_exports/
//   - Users by id: GET /api/v2/users/show_many.json?ids=1,2,… (at most 100 ids)
//     https://developer.zendesk.com/api-reference/ticketing/users/users/#show-many-users
//   - Satisfaction ratings, cursor pagination: GET /api/v2/satisfaction_ratings.json?start_time=<unix>&page[size]=100
//     → { satisfaction_ratings: [...], meta: { has_more, after_cursor }, links: { next } }
//     https://developer.zendesk.com/api-reference/ticketing/ticket-management/satisfaction_ratings/
// Auth: API token, `{email}/token:{token}` as HTTP Basic https://developer.zendesk.com/api-reference/introduction/security-and-auth/
import { z } from 'zod';
import { basicAuth, getJson, VendorError, type VendorHttpOptions } from '../hooks/vendor-http';

const id = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);
const nullableId = id.nullable().optional();

// A child event of an audit: Comment, Create, Change, Notification, … (undocumented types are ignored).
// Field changes come either flattened (`status`, `assignee_id` as keys) or as field_name/value.
export const zdChildEvent = z
  .object({
    id,
    event_type: z.string(),
    author_id: nullableId,
    public: z.boolean().optional(),
    comment_public: z.boolean().optional(),
    field_name: z.string().optional(),
    value: z.unknown().optional(),
    previous_value: z.unknown().optional(),
    status: z.string().optional(),
    assignee_id: nullableId,
    via: z.unknown().optional(),
  })
  .loose();
export type ZdChildEvent = z.output<typeof zdChildEvent>;

export const zdTicketEvent = z
  .object({
    id,
    ticket_id: id,
    timestamp: z.number().int().optional(),
    created_at: z.string().optional(),
    updater_id: nullableId,
    via: z.unknown().optional(),
    event_type: z.string().optional(),
    child_events: z.array(zdChildEvent).default([]),
  })
  .loose();
export type ZdTicketEvent = z.output<typeof zdTicketEvent>;

const ticketEventsPage = z
  .object({
    ticket_events: z.array(zdTicketEvent),
    end_time: z.number().int().nullable().optional(),
    end_of_stream: z.boolean().optional(),
    next_page: z.string().nullable().optional(),
    count: z.number().int().optional(),
  })
  .loose();

export const zdUser = z
  .object({
    id,
    email: z.string().nullable().optional(),
    role: z.string(),
    active: z.boolean().optional(),
    name: z.string().optional(),
  })
  .loose();
export type ZdUser = z.output<typeof zdUser>;
const usersPage = z.object({ users: z.array(zdUser) }).loose();

export const zdRating = z
  .object({
    id,
    ticket_id: nullableId,
    assignee_id: nullableId,
    requester_id: nullableId,
    score: z.string(),
    comment: z.string().nullable().optional(),
    created_at: z.string(),
    updated_at: z.string().optional(),
    url: z.string().optional(),
  })
  .loose();
export type ZdRating = z.output<typeof zdRating>;
const ratingsPage = z
  .object({
    satisfaction_ratings: z.array(zdRating),
    meta: z.object({ has_more: z.boolean(), after_cursor: z.string().nullable().optional() }).loose().optional(),
    links: z.object({ next: z.string().nullable().optional() }).loose().optional(),
  })
  .loose();

export interface ZendeskClientOptions extends Omit<VendorHttpOptions, 'vendor' | 'authorization'> {
  baseUrl: string;
  email: string;
  token: string;
}

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new VendorError(
    `Zendesk ${what} does not have the documented shape (${issue?.path.join('.') || '(root)'}: ${issue?.message})`,
    'malformed',
  );
}

export class ZendeskClient {
  readonly base: string;
  private readonly http: VendorHttpOptions;
  private readonly users = new Map<number, ZdUser | null>();
  /** Requests made (for reports and benches). */
  requests = 0;

  constructor(opts: ZendeskClientOptions) {
    this.base = opts.baseUrl.replace(/\/+$/, '');
    const { baseUrl: _b, email, token, ...http } = opts;
    this.http = { ...http, vendor: 'Zendesk', authorization: basicAuth(`${email}/token`, token) };
  }

  private async get(path: string): Promise<unknown> {
    this.requests++;
    return (await getJson(`${this.base}${path}`, this.http)).body;
  }

  async ticketEvents(startTime: number): Promise<{
    events: ZdTicketEvent[];
    endTime: number;
    endOfStream: boolean;
  }> {
    const body = await this.get(
      `/api/v2/incremental/ticket_events.json?start_time=${Math.max(0, Math.floor(startTime))}&include=comment_events`,
    );
    const page = parse(ticketEventsPage, body, 'ticket event export');
    const endTime = page.end_time ?? startTime;
    return {
      events: page.ticket_events,
      endTime,
      endOfStream: page.end_of_stream ?? page.ticket_events.length < 1000,
    };
  }

  /** Users by id, cached for the client's life; ids Zendesk no longer returns (deleted) map to null. */
  async usersById(ids: number[]): Promise<Map<number, ZdUser | null>> {
    const missing = [...new Set(ids)].filter((i) => !this.users.has(i));
    for (let i = 0; i < missing.length; i += 100) {
      const chunk = missing.slice(i, i + 100);
      const body = await this.get(`/api/v2/users/show_many.json?ids=${chunk.join(',')}`);
      const found = parse(usersPage, body, 'users answer').users;
      for (const u of found) this.users.set(u.id, u);
      for (const c of chunk) if (!this.users.has(c)) this.users.set(c, null);
    }
    return new Map(ids.map((i) => [i, this.users.get(i) ?? null]));
  }

  async ratings(
    startTime: number,
    after: string | null,
  ): Promise<{ ratings: ZdRating[]; hasMore: boolean; afterCursor: string | null }> {
    const q = `start_time=${Math.max(0, Math.floor(startTime))}&page[size]=100${after ? `&page[after]=${encodeURIComponent(after)}` : ''}`;
    const page = parse(ratingsPage, await this.get(`/api/v2/satisfaction_ratings.json?${q}`), 'satisfaction ratings');
    return {
      ratings: page.satisfaction_ratings,
      hasMore: page.meta?.has_more ?? false,
      afterCursor: page.meta?.after_cursor ?? null,
    };
  }
}
