// GET-JSON for helpdesk APIs (Zendesk, Freshdesk): one place that honours rate limits, retries server
// errors a bounded number of times, times out, and turns anything that is not the JSON the vendor documents
// (an HTML error page, a truncated body) into a VendorError with a message a person can act on.
//
// Secrets: the Authorization header is built by the caller and never appears in an error message; messages
// name the URL path only (credentials are never in URLs here), the status and what was wrong.
//   - 429 + Retry-After (seconds): Zendesk https://developer.zendesk.com/api-reference/introduction/rate-limits/
//     and Freshdesk https://developers.freshdesk.com/api/#ratelimit both ask clients to wait that long.
//   - 5xx: retried with a short exponential backoff, then the sync stops with a clear status.

export type VendorErrorKind = 'auth' | 'rate_limited' | 'server' | 'timeout' | 'malformed' | 'http' | 'network';

export class VendorError extends Error {
  constructor(
    message: string,
    readonly kind: VendorErrorKind,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'VendorError';
  }
}

export interface VendorHttpOptions {
  /** "Zendesk" / "Freshdesk": used in messages. */
  vendor: string;
  authorization: string;
  /** Per request; default 30 s. */
  timeoutMs?: number;
  /** Retries of 429/5xx/timeouts per request; default 5. */
  maxRetries?: number;
  /** Longest Retry-After honoured in one wait; longer waits stop the sync (resumed on the next run). Default 120 s. */
  maxRetryAfterMs?: number;
  /** Base backoff for 5xx; default 500 ms. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Called with each response's headers (rate-limit bookkeeping). */
  onHeaders?: (h: Headers) => void;
}

export interface VendorResponse {
  body: unknown;
  headers: Headers;
  status: number;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function retryAfterMs(h: Headers): number | null {
  const v = h.get('retry-after');
  if (!v) return null;
  const n = Number(v);
  if (Number.isFinite(n) && n >= 0) return n * 1000;
  const t = Date.parse(v);
  return Number.isFinite(t) ? Math.max(0, t - Date.now()) : null;
}

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname;
  } catch {
    return '(invalid url)';
  }
}

export async function getJson(url: string, opts: VendorHttpOptions): Promise<VendorResponse> {
  const sleep = opts.sleep ?? defaultSleep;
  const maxRetries = opts.maxRetries ?? 5;
  const path = pathOf(url);
  let lastError: VendorError | null = null;
  for (let attempt = 0; attempt <= maxRetries; attempt++) {
    let res: Response;
    try {
      res = await fetch(url, {
        headers: { Authorization: opts.authorization, Accept: 'application/json' },
        signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
        redirect: 'error',
      });
    } catch (err) {
      const name = (err as Error).name;
      lastError =
        name === 'TimeoutError' || name === 'AbortError'
          ? new VendorError(`${opts.vendor} did not answer ${path} in time`, 'timeout')
          : new VendorError(`${opts.vendor} could not be reached (${path}): ${(err as Error).message}`, 'network');
      await sleep((opts.backoffMs ?? 500) * 2 ** attempt);
      continue;
    }
    opts.onHeaders?.(res.headers);
    if (res.status === 429 || res.status === 503) {
      const wait = retryAfterMs(res.headers);
      await res.body?.cancel();
      lastError = new VendorError(
        `${opts.vendor} rate limit on ${path} (${res.status}${wait !== null ? `, Retry-After ${Math.ceil(wait / 1000)} s` : ''})`,
        'rate_limited',
        res.status,
      );
      if (wait !== null && wait > (opts.maxRetryAfterMs ?? 120_000)) throw lastError;
      await sleep(wait ?? (opts.backoffMs ?? 500) * 2 ** attempt);
      continue;
    }
    if (res.status >= 500) {
      await res.body?.cancel();
      lastError = new VendorError(`${opts.vendor} server error ${res.status} on ${path}`, 'server', res.status);
      await sleep((opts.backoffMs ?? 500) * 2 ** attempt);
      continue;
    }
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel();
      throw new VendorError(
        `${opts.vendor} refused the credentials (${res.status}) on ${path}: check the email and API token`,
        'auth',
        res.status,
      );
    }
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      lastError = new VendorError(
        `${opts.vendor} answer on ${path} broke off: ${(err as Error).message}`,
        'malformed',
        res.status,
      );
      await sleep((opts.backoffMs ?? 500) * 2 ** attempt);
      continue;
    }
    if (!res.ok) {
      throw new VendorError(`${opts.vendor} answered ${res.status} on ${path}`, 'http', res.status);
    }
    if (/^\s*</.test(text)) {
      throw new VendorError(
        `${opts.vendor} sent an HTML page instead of JSON on ${path} (status ${res.status})`,
        'malformed',
        res.status,
      );
    }
    try {
      return { body: JSON.parse(text), headers: res.headers, status: res.status };
    } catch {
      throw new VendorError(
        `${opts.vendor} sent malformed or truncated JSON on ${path} (${text.length} bytes)`,
        'malformed',
        res.status,
      );
    }
  }
  throw lastError ?? new VendorError(`${opts.vendor} request failed on ${path}`, 'network');
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}
