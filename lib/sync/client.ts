// Typed client for the hub's API (server/api). Every response is validated with the contract's zod schemas
// (lib/contract); every request has a timeout; every failure is a HubError with a message that says what to do.
import type { z } from 'zod';
import type { PhraseLibrary } from '../empathy/types';
import {
  anyJsonSchema,
  type FeedbackPage,
  feedbackPageSchema,
  type HubUser,
  type KpisResponse,
  kpisResponseSchema,
  libraryResponseSchema,
  meSchema,
  pairSchema,
  requestsResponseSchema,
  type TipsPage,
  tipsPageSchema,
} from '../contract/schemas';
import type { KpiWindow } from '../contract/vocab';
import { HubError } from './errors';

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface HubClientOptions {
  hubUrl: string;
  token: string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** Validates and normalises a hub URL typed by an agent: http(s), no path, no trailing slash. */
export function normaliseHubUrl(input: string): string {
  const trimmed = input.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new HubError('invalid-url', `"${trimmed}" is not a valid hub URL (expected e.g. http://127.0.0.1:8787).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HubError('invalid-url', `The hub URL must start with http:// or https:// (got ${url.protocol}).`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Hubs on this machine are covered by the manifest's host permissions; others are asked for at run time. */
export function needsHostPermission(hubUrl: string): boolean {
  const host = new URL(hubUrl).hostname;
  return !(host === 'localhost' || host === '127.0.0.1' || host === '[::1]');
}

/** The match pattern to request for a hub's origin. */
export function hostPermissionPattern(hubUrl: string): string {
  const url = new URL(hubUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

interface RequestOptions<S extends z.ZodType> {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  schema: S;
  idempotencyKey?: string;
  signal?: AbortSignal;
  auth?: boolean;
  /** 404 answers null instead of failing (optional resources such as the team library). */
  allow404?: boolean;
}

export type { FeedbackPage, KpisResponse, TipsPage };

export class HubClient {
  readonly hubUrl: string;
  private readonly token: string | null;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;

  constructor(opts: HubClientOptions) {
    this.hubUrl = normaliseHubUrl(opts.hubUrl);
    this.token = opts.token;
    // Bound so a browser's fetch is not called with a foreign `this`.
    this.fetchImpl = opts.fetch ?? fetch.bind(globalThis);
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async request<S extends z.ZodType>(
    path: string,
    opts: RequestOptions<S> & { allow404: true },
  ): Promise<z.infer<S> | null>;
  async request<S extends z.ZodType>(path: string, opts: RequestOptions<S>): Promise<z.infer<S>>;
  async request<S extends z.ZodType>(path: string, opts: RequestOptions<S>): Promise<z.infer<S> | null> {
    const method = opts.method ?? 'GET';
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (opts.auth !== false) {
      if (!this.token) throw new HubError('http', 'Not signed in to a hub.', 401);
      headers.Authorization = `Bearer ${this.token}`;
    }
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;

    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    const url = `${this.hubUrl}${path}`;
    let res: Response;
    let text: string;
    try {
      res = await this.fetchImpl(url, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal,
      });
      text = await res.text();
    } catch (err) {
      if (opts.signal?.aborted) throw new HubError('aborted', `${method} ${path} was cancelled.`);
      if (timeout.aborted) {
        throw new HubError(
          'timeout',
          `The hub at ${this.hubUrl} did not answer ${method} ${path} within ${this.timeoutMs / 1000} s.`,
        );
      }
      throw new HubError(
        'network',
        `Could not reach the hub at ${this.hubUrl} (${err instanceof Error ? err.message : String(err)}).`,
      );
    }

    if (res.status === 404 && opts.allow404) return null;
    if (!res.ok) throw httpError(res.status, method, path, text);

    let json: unknown = null;
    if (text.length > 0) {
      try {
        json = JSON.parse(text);
      } catch {
        throw new HubError(
          'invalid-response',
          `The hub answered ${method} ${path} with something that is not JSON.`,
          res.status,
        );
      }
    }
    const parsed = opts.schema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unknown';
      throw new HubError(
        'invalid-response',
        `Unexpected answer from the hub for ${method} ${path} (${where}).`,
        res.status,
      );
    }
    return parsed.data;
  }

  me(signal?: AbortSignal): Promise<HubUser> {
    return this.request('/api/v1/me', { schema: meSchema, signal });
  }

  pair(code: string, signal?: AbortSignal) {
    return this.request('/api/v1/pair', {
      method: 'POST',
      body: { code: code.trim() },
      schema: pairSchema,
      auth: false,
      signal,
    });
  }

  kpis(window: KpiWindow, signal?: AbortSignal): Promise<KpisResponse> {
    return this.request(`/api/v1/me/kpis?window=${window}`, { schema: kpisResponseSchema, signal });
  }

  feedback(cursor: string | null, limit: number, signal?: AbortSignal): Promise<FeedbackPage> {
    const q = new URLSearchParams({ limit: String(limit) });
    if (cursor) q.set('cursor', cursor);
    return this.request(`/api/v1/me/feedback?${q}`, { schema: feedbackPageSchema, signal });
  }

  tips(cursor: string | null, limit: number, signal?: AbortSignal): Promise<TipsPage> {
    const q = new URLSearchParams({ limit: String(limit) });
    if (cursor) q.set('cursor', cursor);
    return this.request(`/api/v1/me/tips?${q}`, { schema: tipsPageSchema, signal });
  }

  requests(signal?: AbortSignal) {
    return this.request('/api/v1/me/requests', { schema: requestsResponseSchema, signal });
  }

  async library(signal?: AbortSignal): Promise<PhraseLibrary | null> {
    return (
      (await this.request('/api/v1/me/library', { schema: libraryResponseSchema, signal, allow404: true })) ?? null
    );
  }

  /** A POST of an agent action (outbox): the answer is not needed beyond success. */
  post(path: string, body: unknown, idempotencyKey?: string, signal?: AbortSignal): Promise<unknown> {
    return this.request(path, { method: 'POST', body, schema: anyJsonSchema, idempotencyKey, signal });
  }

  put(path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
    return this.request(path, { method: 'PUT', body, schema: anyJsonSchema, signal });
  }

  /** Any GET whose body is cached as-is (lead caches). */
  getJson(path: string, signal?: AbortSignal): Promise<unknown> {
    return this.request(path, { schema: anyJsonSchema, signal });
  }

  /** Opens the SSE stream. No timeout: the caller watches for silence and aborts through `signal`. */
  async openStream(signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
    if (!this.token) throw new HubError('http', 'Not signed in to a hub.', 401);
    let res: Response;
    try {
      res = await this.fetchImpl(`${this.hubUrl}/api/v1/stream`, {
        headers: { Accept: 'text/event-stream', Authorization: `Bearer ${this.token}` },
        signal,
      });
    } catch (err) {
      if (signal.aborted) throw new HubError('aborted', 'The event stream was closed.');
      throw new HubError(
        'network',
        `Could not reach the hub at ${this.hubUrl} (${err instanceof Error ? err.message : String(err)}).`,
      );
    }
    if (!res.ok) throw httpError(res.status, 'GET', '/api/v1/stream', await res.text().catch(() => ''));
    if (!res.body)
      throw new HubError('invalid-response', 'The hub opened the event stream without a body.', res.status);
    return res.body;
  }
}

function httpError(status: number, method: string, path: string, body: string): HubError {
  const detail = hubErrorDetail(body);
  const suffix = detail ? `: ${detail}` : '';
  if (status === 401) return new HubError('http', `The hub rejected the token (401)${suffix}. Sign in again.`, status);
  if (status === 403) {
    return new HubError('http', `This account may not use ${method} ${path} (403, wrong role)${suffix}.`, status);
  }
  return new HubError('http', `The hub answered ${method} ${path} with ${status}${suffix}.`, status);
}

/** The hub's error body: `{error}` or `{errors: [{path, message}]}`. */
function hubErrorDetail(body: string): string {
  try {
    const json = JSON.parse(body) as {
      error?: unknown;
      message?: unknown;
      errors?: { path?: unknown; message?: unknown }[];
    };
    if (typeof json.error === 'string') return json.error;
    if (typeof json.message === 'string') return json.message;
    if (Array.isArray(json.errors)) {
      return json.errors.map((e) => `${String(e.path ?? '')} ${String(e.message ?? '')}`.trim()).join('; ');
    }
  } catch {
    // not JSON: fall through
  }
  return body.slice(0, 200);
}
