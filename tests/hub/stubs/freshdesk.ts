// A local stand-in for the Freshdesk API v2, answering as https://developers.freshdesk.com/api/ documents:
//   - GET /api/v2/tickets?updated_since&order_by=updated_at&order_type=asc&per_page&page&include=stats
//     → a JSON array of tickets (#list_all_tickets; `stats` only with include=stats: #view_a_ticket
//     "include=stats" → agent_responded_at, requester_responded_at, first_responded_at, status_updated_at,
//     reopened_at, resolved_at, closed_at, pending_since); at most 300 pages.
//   - GET /api/v2/tickets/:id/conversations?per_page&page → array (#list_all_ticket_notes: body_text,
//     incoming, private, user_id, source, ticket_id, created_at, updated_at …)
//   - GET /api/v2/agents?per_page&page → array with contact.email (#list_all_agents)
//   - GET /api/v2/surveys/satisfaction_ratings?created_since&per_page&page → array with
//     ratings.default_question (#view_all_satisfaction_ratings)
//   - Pagination: `Link: <url>; rel="next"` when another page exists (#pagination).
//   - Auth: Basic with the API key as user and "X" as password, else 401 {"code":"invalid_credentials"} (#authentication).
//   - Rate limit: X-RateLimit-Total, X-RateLimit-Remaining, X-RateLimit-Used-CurrentRequest; 429 with
//     Retry-After when spent (#ratelimit).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Fault } from './zendesk';

export interface FdStubTicket {
  id: number;
  status: number;
  source: number;
  responder_id: number | null;
  requester_id: number;
  created_at: string;
  updated_at: string;
  stats: { resolved_at: string | null; reopened_at: string | null; first_responded_at: string | null };
  conversations: {
    id: number;
    incoming: boolean;
    private: boolean;
    user_id: number;
    created_at: string;
    body_text: string;
  }[];
}

export interface FreshdeskStub {
  url: string;
  tickets: FdStubTicket[];
  agents: { id: number; email: string }[];
  ratings: {
    id: number;
    ticket_id: number;
    agent_id: number | null;
    feedback: string | null;
    ratings: Record<string, number>;
    created_at: string;
  }[];
  faults: Fault[];
  requests: string[];
  remaining: number;
  close(): Promise<void>;
}

export async function startFreshdeskStub(apiKey: string): Promise<FreshdeskStub> {
  const auth = `Basic ${Buffer.from(`${apiKey}:X`).toString('base64')}`;
  const stub: FreshdeskStub = {
    url: '',
    tickets: [],
    agents: [],
    ratings: [],
    faults: [],
    requests: [],
    remaining: 3000,
    close: async () => {},
  };
  const send = (res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) => {
    stub.remaining = Math.max(0, stub.remaining - 1);
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'X-RateLimit-Total': '3000',
      'X-RateLimit-Remaining': String(stub.remaining),
      'X-RateLimit-Used-CurrentRequest': '1',
      ...extra,
    });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const paged = <T>(res: ServerResponse, u: URL, all: T[], map: (x: T) => unknown = (x) => x) => {
    const per = Math.min(100, Number(u.searchParams.get('per_page') ?? '30'));
    const page = Number(u.searchParams.get('page') ?? '1');
    if (page > 300)
      return send(res, 400, {
        description: 'Validation failed',
        errors: [{ field: 'page', message: 'must be <= 300', code: 'invalid_value' }],
      });
    const items = all.slice((page - 1) * per, page * per).map(map);
    const more = page * per < all.length && page < 300;
    const next = new URL(u.toString());
    next.searchParams.set('page', String(page + 1));
    return send(res, 200, items, more ? { Link: `<${stub.url}${next.pathname}${next.search}>; rel="next"` } : {});
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const u = new URL(req.url ?? '/', 'http://stub');
    stub.requests.push(`${u.pathname}${u.search}`);
    const fi = stub.faults.findIndex((f) => !f.path || f.path.test(u.pathname));
    if (fi >= 0) {
      const f = stub.faults.splice(fi, 1)[0] as Fault;
      return send(res, f.status ?? 200, f.body ?? '', {
        ...(f.retryAfter !== undefined ? { 'Retry-After': String(f.retryAfter) } : {}),
        ...(f.contentType ? { 'Content-Type': f.contentType } : {}),
      });
    }
    if (req.headers.authorization !== auth)
      return send(res, 401, {
        code: 'invalid_credentials',
        message: 'You have to be logged in to perform this action.',
      });
    if (u.pathname === '/api/v2/tickets') {
      const since = Date.parse(u.searchParams.get('updated_since') ?? '1970-01-01T00:00:00Z');
      const stats = u.searchParams.get('include') === 'stats';
      const all = stub.tickets
        .filter((t) => Date.parse(t.updated_at) >= since)
        .sort((a, b) => Date.parse(a.updated_at) - Date.parse(b.updated_at) || a.id - b.id);
      return paged(res, u, all, ({ conversations: _c, stats: s, ...t }) => ({
        ...t,
        subject: `Ticket ${t.id}`,
        priority: 1,
        type: null,
        tags: [],
        ...(stats
          ? { stats: { ...s, agent_responded_at: s.first_responded_at, status_updated_at: t.updated_at } }
          : {}),
      }));
    }
    const conv = /^\/api\/v2\/tickets\/(\d+)\/conversations$/.exec(u.pathname);
    if (conv) {
      const t = stub.tickets.find((x) => x.id === Number(conv[1]));
      if (!t) return send(res, 404, { code: 'not_found' });
      return paged(res, u, t.conversations, (c) => ({
        ...c,
        ticket_id: t.id,
        source: c.private ? 2 : 0,
        updated_at: c.created_at,
      }));
    }
    if (u.pathname === '/api/v2/agents') {
      return paged(res, u, stub.agents, (a) => ({
        id: a.id,
        available: true,
        occasional: false,
        contact: { email: a.email, name: a.email },
      }));
    }
    if (u.pathname === '/api/v2/surveys/satisfaction_ratings') {
      const since = Date.parse(u.searchParams.get('created_since') ?? '1970-01-01T00:00:00Z');
      return paged(
        res,
        u,
        stub.ratings.filter((r) => Date.parse(r.created_at) >= since),
        (r) => ({ ...r, survey_id: 1, user_id: 99, group_id: null, updated_at: r.created_at }),
      );
    }
    return send(res, 404, { code: 'not_found' });
  };
  const server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stub.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return stub;
}
