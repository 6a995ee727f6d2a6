// Freshdesk API v2 client: the reads the connector needs, checked against Freshdesk's documented shapes
// (https://developers.freshdesk.com/api/). Auth: the API key as the Basic-auth user, password "X"
// (https://developers.freshdesk.com/api/#authentication).
//   - GET /api/v2/tickets?updated_since=<ISO>&order_by=updated_at&order_type=asc&per_page=100&page=N&include=stats
//     → [ticket]; `stats` carries resolved_at, reopened_at, first_responded_at (#list_all_tickets). At most
//     300 pages (per_page 100) per query: past that the sync restarts the query at the last updated_at.
//   - GET /api/v2/tickets/{id}/conversations?per_page=100&page=N → [conversation] with `incoming` (from the
//     customer) and `private` (a note) (#list_all_ticket_notes)
//   - GET /api/v2/agents?per_page=100&page=N → [agent] with contact.email (#list_all_agents)
//   - GET /api/v2/surveys/satisfaction_ratings?created_since=<ISO>&per_page=100&page=N → [rating] with
//     ratings.default_question on Freshdesk's -103…103 scale (#view_all_satisfaction_ratings)
// More pages: a `Link: <…>; rel="next"` header. Rate limits: X-RateLimit-Total / -Remaining /
// -Used-CurrentRequest on every answer, 429 + Retry-After when spent (#ratelimit); handled in vendor-http.ts.
import { z } from 'zod';
import { basicAuth, getJson, VendorError, type VendorHttpOptions } from '../hooks/vendor-http';

export const MAX_PAGE = 300;

export const fdTicket = z
  .object({
    id: z.number().int(),
    status: z.number().int(),
    source: z.number().int().optional(),
    responder_id: z.number().int().nullable().optional(),
    requester_id: z.number().int().optional(),
    type: z.string().nullable().optional(),
    created_at: z.string(),
    updated_at: z.string(),
    stats: z
      .object({
        resolved_at: z.string().nullable().optional(),
        reopened_at: z.string().nullable().optional(),
        closed_at: z.string().nullable().optional(),
        first_responded_at: z.string().nullable().optional(),
      })
      .loose()
      .nullable()
      .optional(),
  })
  .loose();
export type FdTicket = z.output<typeof fdTicket>;

export const fdConversation = z
  .object({
    id: z.number().int(),
    incoming: z.boolean(),
    private: z.boolean(),
    user_id: z.number().int().nullable().optional(),
    source: z.number().int().optional(),
    ticket_id: z.number().int().optional(),
    created_at: z.string(),
  })
  .loose();
export type FdConversation = z.output<typeof fdConversation>;

export const fdAgent = z
  .object({ id: z.number().int(), contact: z.object({ email: z.string().nullable().optional() }).loose() })
  .loose();

export const fdRating = z
  .object({
    id: z.number().int(),
    ticket_id: z.number().int().nullable().optional(),
    agent_id: z.number().int().nullable().optional(),
    feedback: z.string().nullable().optional(),
    ratings: z.record(z.string(), z.number()).optional(),
    created_at: z.string(),
  })
  .loose();
export type FdRating = z.output<typeof fdRating>;

export interface FreshdeskClientOptions extends Omit<VendorHttpOptions, 'vendor' | 'authorization'> {
  baseUrl: string;
  apiKey: string;
}

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new VendorError(
    `Freshdesk ${what} does not have the documented shape (${issue?.path.join('.') || '(root)'}: ${issue?.message})`,
    'malformed',
  );
}

export class FreshdeskClient {
  readonly base: string;
  private readonly http: VendorHttpOptions;
  requests = 0;
  /** The last X-RateLimit-Remaining seen (status output). */
  rateLimitRemaining: number | null = null;

  constructor(opts: FreshdeskClientOptions) {
    this.base = opts.baseUrl.replace(/\/+$/, '');
    const { baseUrl: _b, apiKey, ...http } = opts;
    this.http = {
      ...http,
      vendor: 'Freshdesk',
      authorization: basicAuth(apiKey, 'X'),
      onHeaders: (h) => {
        const r = h.get('x-ratelimit-remaining');
        if (r !== null && Number.isFinite(Number(r))) this.rateLimitRemaining = Number(r);
      },
    };
  }

  private async list<T>(path: string, schema: z.ZodType<T>, what: string): Promise<{ items: T[]; hasNext: boolean }> {
    this.requests++;
    const res = await getJson(`${this.base}${path}`, this.http);
    const items = parse(z.array(schema), res.body, what);
    return { items, hasNext: /rel="?next"?/.test(res.headers.get('link') ?? '') };
  }

  tickets(updatedSince: string, page: number) {
    return this.list(
      `/api/v2/tickets?updated_since=${encodeURIComponent(updatedSince)}&order_by=updated_at&order_type=asc&per_page=100&page=${page}&include=stats`,
      fdTicket,
      'tickets',
    );
  }

  async conversations(ticketId: number): Promise<FdConversation[]> {
    const out: FdConversation[] = [];
    for (let page = 1; page <= MAX_PAGE; page++) {
      const r = await this.list(
        `/api/v2/tickets/${ticketId}/conversations?per_page=100&page=${page}`,
        fdConversation,
        'conversations',
      );
      out.push(...r.items);
      if (!r.hasNext) break;
    }
    return out;
  }

  async agents(): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    for (let page = 1; page <= MAX_PAGE; page++) {
      const r = await this.list(`/api/v2/agents?per_page=100&page=${page}`, fdAgent, 'agents');
      for (const a of r.items) if (a.contact.email) out.set(a.id, a.contact.email);
      if (!r.hasNext) break;
    }
    return out;
  }

  ratings(createdSince: string, page: number) {
    return this.list(
      `/api/v2/surveys/satisfaction_ratings?created_since=${encodeURIComponent(createdSince)}&per_page=100&page=${page}`,
      fdRating,
      'satisfaction ratings',
    );
  }
}
