// A local stand-in for the Zendesk Support API, answering the four requests the connector makes the way
// Zendesk documents them. Each response body cites its source:
//   - GET /api/v2/incremental/ticket_events.json?start_time=&include=comment_events
//     body { ticket_events, next_page, count, end_of_stream, end_time }; items with timestamp >= start_time,
//     oldest first, at most 1000 a page; end_time = the last item's time (the next start_time, so the
//     boundary second is returned again); end_of_stream when fewer than 1000 remain.
//     https://developer.zendesk.com/api-reference/ticketing/ticket-management/incremental_exports/#incremental-ticket-event-export
//     Child events: Create/Change/Comment as in https://developer.zendesk.com/documentation/ticketing/reference-guides/ticket-audit-events-reference
//     (Change events flattened as `status`/`assignee_id` + `previous_value`, comment events with author_id,
//     body and `public`, as the comment_events side-load returns them).
//   - GET /api/v2/users/show_many.json?ids=1,2 → { users: [...] }; deleted users are not returned.
//     https://developer.zendesk.com/api-reference/ticketing/users/users/#show-many-users
//   - GET /api/v2/satisfaction_ratings.json?start_time=&page[size]=&page[after]=
//     → { satisfaction_ratings, meta: { has_more, after_cursor, before_cursor }, links: { prev, next } }
//     https://developer.zendesk.com/api-reference/ticketing/ticket-management/satisfaction_ratings/ and the
//     cursor pagination format https://developer.zendesk.com/api-reference/introduction/pagination/#using-cursor-pagination
//   - Auth: Basic `{email}/token:{token}` else 401 {"error":"Couldn't authenticate you"}
//     https://developer.zendesk.com/api-reference/introduction/security-and-auth/
//   - Rate limits: X-Rate-Limit / X-Rate-Limit-Remaining on every answer; 429 with Retry-After (seconds)
//     https://developer.zendesk.com/api-reference/introduction/rate-limits/
// Faults (a 429, a 5xx storm, an HTML error page, truncated JSON, a slow answer) are queued per request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubUser {
  id: number;
  email: string | null;
  role: 'end-user' | 'agent' | 'admin';
  name: string;
  active?: boolean;
  deleted?: boolean;
}

export interface StubAudit {
  id: number;
  ticket_id: number;
  timestamp: number;
  created_at?: string;
  updater_id: number;
  via: string;
  event_type: 'Audit';
  child_events: Record<string, unknown>[];
  [k: string]: unknown;
}

export interface StubRating {
  id: number;
  ticket_id: number;
  assignee_id: number | null;
  requester_id: number;
  group_id: number | null;
  score: 'good' | 'bad' | 'offered' | 'unoffered';
  comment: string | null;
  created_at: string;
  updated_at: string;
  url?: string;
}

export interface Fault {
  /** Only requests whose path matches (default: any). */
  path?: RegExp;
  status?: number;
  retryAfter?: number;
  /** Raw body (HTML page, truncated JSON…). */
  body?: string;
  contentType?: string;
  /** Hold the answer this long (timeouts). */
  delayMs?: number;
}

export interface ZendeskStub {
  url: string;
  users: Map<number, StubUser>;
  audits: StubAudit[];
  ratings: StubRating[];
  faults: Fault[];
  requests: string[];
  authHeaders: string[];
  pageLimit: number;
  /** Call after changing `audits`: keeps them in export order. */
  sort(): void;
  close(): Promise<void>;
}

let nextId = 10_000;
export const zid = () => nextId++;

const iso = (unix: number) => new Date(unix * 1000).toISOString().replace('.000Z', 'Z');

export const child = {
  create: (over: Record<string, unknown> = {}) => ({
    id: zid(),
    via: 'Mail',
    via_reference_id: null,
    status: 'new',
    event_type: 'Create',
    ...over,
  }),
  comment: (authorId: number, isPublic: boolean, body = 'Hello', over: Record<string, unknown> = {}) => {
    const id = zid();
    return {
      id,
      via: 'Web form',
      via_reference_id: null,
      comment_present: true,
      comment_public: isPublic,
      event_type: 'Comment',
      type: 'Comment',
      author_id: authorId,
      body,
      html_body: `<div class="zd-comment"><p>${body}</p></div>`,
      plain_body: body,
      public: isPublic,
      attachments: [],
      ...over,
    };
  },
  status: (from: string, to: string) => ({
    id: zid(),
    via: 'Web form',
    via_reference_id: null,
    status: to,
    previous_value: from,
    event_type: 'Change',
  }),
  assignee: (from: number | null, to: number | null) => ({
    id: zid(),
    via: 'Web form',
    via_reference_id: null,
    assignee_id: to === null ? null : String(to),
    previous_value: from === null ? null : String(from),
    event_type: 'Change',
  }),
  notification: () => ({
    id: zid(),
    via: 'Rule',
    via_reference_id: 123,
    subject: '[{{ticket.account}}] Re: {{ticket.title}}',
    body: 'Your request has been updated.',
    recipients: [1],
    event_type: 'Notification',
  }),
};

export function audit(
  ticketId: number,
  timestamp: number,
  updaterId: number,
  children: Record<string, unknown>[],
  via = 'Mail',
): StubAudit {
  return {
    id: zid(),
    ticket_id: ticketId,
    timestamp,
    created_at: iso(timestamp),
    updater_id: updaterId,
    via,
    system: { client: 'Mozilla/5.0', ip_address: '127.0.0.1', location: 'Stockholm, Sweden' },
    event_type: 'Audit',
    child_events: children,
    merged_ticket_ids: [],
  };
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'X-Rate-Limit': '700',
    'X-Rate-Limit-Remaining': '699',
    ...headers,
  });
  res.end(body);
}

export async function startZendeskStub(opts: {
  email: string;
  token: string;
  subdomain?: string;
}): Promise<ZendeskStub> {
  const expectedAuth = `Basic ${Buffer.from(`${opts.email}/token:${opts.token}`).toString('base64')}`;
  const stub: ZendeskStub = {
    url: '',
    users: new Map(),
    audits: [],
    ratings: [],
    faults: [],
    requests: [],
    authHeaders: [],
    pageLimit: 1000,
    sort() {
      stub.audits.sort((a, b) => a.timestamp - b.timestamp || a.id - b.id);
    },
    close: async () => {},
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const u = new URL(req.url ?? '/', 'http://stub');
    stub.requests.push(`${u.pathname}${u.search}`);
    stub.authHeaders.push(req.headers.authorization ?? '');
    const fi = stub.faults.findIndex((f) => !f.path || f.path.test(u.pathname));
    if (fi >= 0) {
      const f = stub.faults.splice(fi, 1)[0] as Fault;
      if (f.delayMs) await new Promise((r) => setTimeout(r, f.delayMs));
      if (f.status || f.body !== undefined) {
        const status = f.status ?? 200;
        const headers: Record<string, string> = {};
        if (f.retryAfter !== undefined) headers['Retry-After'] = String(f.retryAfter);
        if (f.contentType) headers['Content-Type'] = f.contentType;
        // 429 body as Zendesk sends it for incremental exports.
        const body =
          f.body ??
          (status === 429 ? JSON.stringify({ error: 'APIRateLimitExceeded', description: 'Too many requests' }) : '');
        if (status === 429) headers['X-Rate-Limit-Remaining'] = '0';
        return send(res, status, body, headers);
      }
    }
    if (req.headers.authorization !== expectedAuth) {
      return send(res, 401, JSON.stringify({ error: "Couldn't authenticate you" }));
    }
    if (u.pathname === '/api/v2/incremental/ticket_events.json') {
      const start = Number(u.searchParams.get('start_time') ?? 'NaN');
      if (!Number.isInteger(start) || start < 0) {
        return send(res, 400, JSON.stringify({ error: 'InvalidValue', description: 'start_time is invalid' }));
      }
      const withComments = u.searchParams.get('include') === 'comment_events';
      // Binary search for the first audit at or after start_time.
      let lo = 0;
      let hi = stub.audits.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((stub.audits[mid] as StubAudit).timestamp < start) lo = mid + 1;
        else hi = mid;
      }
      const page = stub.audits
        .slice(lo, lo + stub.pageLimit)
        .map((a) =>
          withComments ? a : { ...a, child_events: a.child_events.filter((c) => c.event_type !== 'Comment') },
        );
      const endTime = page.length > 0 ? (page[page.length - 1] as StubAudit).timestamp : start;
      const end = lo + page.length >= stub.audits.length;
      return send(
        res,
        200,
        JSON.stringify({
          ticket_events: page,
          next_page: `https://${opts.subdomain ?? 'acme'}.zendesk.com/api/v2/incremental/ticket_events.json?start_time=${endTime}`,
          count: page.length,
          end_of_stream: end || page.length < stub.pageLimit,
          end_time: endTime,
        }),
      );
    }
    if (u.pathname === '/api/v2/users/show_many.json') {
      const ids = (u.searchParams.get('ids') ?? '').split(',').filter(Boolean).map(Number);
      if (ids.length > 100) return send(res, 400, JSON.stringify({ error: 'Too many ids (max 100)' }));
      const users = ids
        .map((id) => stub.users.get(id))
        .filter((x): x is StubUser => !!x && !x.deleted)
        .map((x) => ({
          id: x.id,
          url: `https://${opts.subdomain ?? 'acme'}.zendesk.com/api/v2/users/${x.id}.json`,
          name: x.name,
          email: x.email,
          role: x.role,
          active: x.active ?? true,
          time_zone: 'Stockholm',
          locale: 'en-US',
          created_at: '2020-01-01T00:00:00Z',
          updated_at: '2020-01-01T00:00:00Z',
        }));
      return send(res, 200, JSON.stringify({ users, next_page: null, previous_page: null, count: users.length }));
    }
    if (u.pathname === '/api/v2/satisfaction_ratings.json') {
      const start = Number(u.searchParams.get('start_time') ?? '0');
      const size = Math.min(100, Number(u.searchParams.get('page[size]') ?? '100'));
      const after = u.searchParams.get('page[after]');
      const all = stub.ratings
        .filter((r) => Date.parse(r.created_at) / 1000 >= start)
        .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id);
      const from = after ? Number(Buffer.from(after, 'base64url').toString()) : 0;
      const page = all.slice(from, from + size);
      const hasMore = from + size < all.length;
      const afterCursor = Buffer.from(String(from + size)).toString('base64url');
      return send(
        res,
        200,
        JSON.stringify({
          satisfaction_ratings: page,
          meta: {
            has_more: hasMore,
            after_cursor: afterCursor,
            before_cursor: Buffer.from(String(from)).toString('base64url'),
          },
          links: {
            prev: null,
            next: hasMore
              ? `https://${opts.subdomain ?? 'acme'}.zendesk.com/api/v2/satisfaction_ratings.json?page[after]=${afterCursor}`
              : null,
          },
        }),
      );
    }
    return send(res, 404, JSON.stringify({ error: 'InvalidEndpoint', description: 'Not found' }));
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.destroy();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stub.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return stub;
}
