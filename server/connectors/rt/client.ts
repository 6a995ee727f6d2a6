// A small client for Request Tracker's REST 2 API (RT 5): only what the connector needs. Read-only.
// Auth is RT's own `Authorization: token …` header (an RT auth token, never a password).

export interface RtRef {
  type: string;
  id: string;
  _url?: string;
}

export interface RtTransaction {
  id: string;
  Type: string;
  ObjectType: string;
  ObjectId: string;
  Creator: RtRef;
  /** ISO 8601; RT writes 1970-01-01T00:00:00Z for "not set". */
  Created: string;
  Field: string;
  OldValue: string;
  NewValue: string;
}

export interface RtUser {
  id: number;
  Name: string;
  EmailAddress: string;
  RealName: string;
  Privileged: boolean;
}

export interface RtTicket {
  id: number;
  Subject: string;
  Status: string;
  Queue: string;
  Requestors: string[];
  Created: Date | null;
}

export class RtError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'RtError';
  }
}

/** RT's encoding of an empty date. */
export const RT_EMPTY_DATE = '1970-01-01T00:00:00Z';

export function parseRtDate(value: unknown): Date | null {
  if (typeof value !== 'string' || value === '' || value === RT_EMPTY_DATE) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) || d.getTime() === 0 ? null : d;
}

const TRANSACTION_FIELDS = 'Type,ObjectType,ObjectId,Creator,Created,Field,OldValue,NewValue';

export interface RtClientOptions {
  /** Base URL of RT, e.g. http://127.0.0.1:8085 (with or without /REST/2.0). */
  url: string;
  token: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Attempts for network errors and 5xx (RT under load answers 502/503 from its proxy). */
  retries?: number;
}

export class RtClient {
  readonly base: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly userCache = new Map<string, Promise<RtUser | null>>();
  private readonly queueCache = new Map<string, Promise<string>>();

  constructor(private readonly opts: RtClientOptions) {
    const trimmed = opts.url.replace(/\/+$/, '').replace(/\/REST\/2\.0$/i, '');
    this.base = `${trimmed}/REST/2.0`;
    this.fetchImpl = opts.fetch ?? fetch;
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.retries = opts.retries ?? 3;
  }

  private async request(path: string, init: { method?: string; body?: unknown } = {}): Promise<unknown> {
    const url = `${this.base}${path}`;
    let lastError: unknown;
    for (let attempt = 0; attempt < this.retries; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
      let res: Response;
      try {
        res = await this.fetchImpl(url, {
          method: init.method ?? 'GET',
          headers: {
            Authorization: `token ${this.opts.token}`,
            Accept: 'application/json',
            ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          },
          ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (err) {
        lastError = err;
        continue;
      }
      if (res.status >= 500) {
        lastError = new RtError(`RT answered ${res.status} for ${path}`, res.status);
        continue;
      }
      if (res.status === 401 || res.status === 403) {
        throw new RtError(
          `RT refused the token (${res.status}); check the token file and the user's rights`,
          res.status,
        );
      }
      if (res.status === 404) return null;
      if (!res.ok) throw new RtError(`RT answered ${res.status} for ${path}`, res.status);
      try {
        return await res.json();
      } catch {
        throw new RtError(`RT sent a response that is not JSON for ${path} (is ${this.base} really RT's REST 2?)`);
      }
    }
    const why = lastError instanceof Error ? lastError.message : String(lastError);
    throw new RtError(`could not reach RT at ${this.base}: ${why}`);
  }

  /** Ticket transactions with id > afterId, oldest first (keyset paging: safe while RT keeps writing). */
  async ticketTransactionsAfter(afterId: number, pageSize = 100): Promise<RtTransaction[]> {
    const body = [
      { field: 'id', operator: '>', value: String(afterId) },
      { field: 'ObjectType', value: 'RT::Ticket' },
    ];
    const res = (await this.request(
      `/transactions?fields=${TRANSACTION_FIELDS}&per_page=${pageSize}&orderby=id&order=ASC`,
      { method: 'POST', body },
    )) as { items?: unknown[] } | null;
    const items = Array.isArray(res?.items) ? res.items : [];
    return items
      .filter(isTransaction)
      .map((t) => ({
        ...t,
        Created: t.Created ?? '',
        Field: t.Field ?? '',
        OldValue: t.OldValue ?? '',
        NewValue: t.NewValue ?? '',
      }))
      .sort((a, b) => Number(a.id) - Number(b.id));
  }

  /** A user by name or numeric id; cached for the client's lifetime (one sync run). */
  user(nameOrId: string): Promise<RtUser | null> {
    let hit = this.userCache.get(nameOrId);
    if (!hit) {
      hit = this.request(`/user/${encodeURIComponent(nameOrId)}`).then((raw) => {
        if (!raw || typeof raw !== 'object') return null;
        const u = raw as Record<string, unknown>;
        return {
          id: Number(u.id),
          Name: String(u.Name ?? ''),
          EmailAddress: String(u.EmailAddress ?? ''),
          RealName: String(u.RealName ?? ''),
          Privileged: Number(u.Privileged) === 1,
        };
      });
      this.userCache.set(nameOrId, hit);
    }
    return hit;
  }

  async ticket(id: string | number): Promise<RtTicket | null> {
    const raw = (await this.request(`/ticket/${encodeURIComponent(String(id))}`)) as Record<string, unknown> | null;
    if (!raw || typeof raw !== 'object') return null;
    const requestors = Array.isArray(raw.Requestor) ? (raw.Requestor as RtRef[]).map((r) => String(r.id)) : [];
    const queueRef = raw.Queue as RtRef | undefined;
    return {
      id: Number(raw.id),
      Subject: String(raw.Subject ?? ''),
      Status: String(raw.Status ?? ''),
      Queue: queueRef ? await this.queueName(String(queueRef.id)) : '',
      Requestors: requestors,
      Created: parseRtDate(raw.Created),
    };
  }

  /** Several tickets in one request, with queue names and requestors inlined (RT is slow per request). */
  async tickets(ids: string[]): Promise<Map<string, RtTicket>> {
    const out = new Map<string, RtTicket>();
    const clean = [...new Set(ids.filter((id) => /^\d+$/.test(id)))];
    for (let i = 0; i < clean.length; i += 50) {
      const chunk = clean.slice(i, i + 50);
      const query = encodeURIComponent(chunk.map((id) => `id = ${id}`).join(' OR '));
      const res = (await this.request(
        `/tickets?query=${query}&per_page=50&fields=Subject,Status,Created,Queue,Requestor&fields%5BQueue%5D=Name`,
      )) as { items?: Record<string, unknown>[] } | null;
      for (const raw of Array.isArray(res?.items) ? res.items : []) {
        const queue = raw.Queue as (RtRef & { Name?: string }) | undefined;
        const t: RtTicket = {
          id: Number(raw.id),
          Subject: String(raw.Subject ?? ''),
          Status: String(raw.Status ?? ''),
          Queue: queue?.Name ?? (queue ? await this.queueName(String(queue.id)) : ''),
          Requestors: Array.isArray(raw.Requestor) ? (raw.Requestor as RtRef[]).map((r) => String(r.id)) : [],
          Created: parseRtDate(raw.Created),
        };
        out.set(String(t.id), t);
      }
    }
    return out;
  }

  private queueName(id: string): Promise<string> {
    let hit = this.queueCache.get(id);
    if (!hit) {
      hit = this.request(`/queue/${encodeURIComponent(id)}`).then((raw) =>
        raw && typeof raw === 'object' ? String((raw as Record<string, unknown>).Name ?? id) : id,
      );
      this.queueCache.set(id, hit);
    }
    return hit;
  }
}

function isTransaction(x: unknown): x is RtTransaction {
  if (typeof x !== 'object' || x === null) return false;
  const t = x as Record<string, unknown>;
  return (
    typeof t.id === 'string' &&
    /^\d+$/.test(t.id) &&
    typeof t.Type === 'string' &&
    typeof t.ObjectId === 'string' &&
    typeof t.Creator === 'object' &&
    t.Creator !== null
  );
}
