// Reading request bodies on /api/v1: the size cap and JSON parsing. Cap: A declared Content-Length over the cap is refused before reading; a chunked
// body is counted as it streams and reading stops at the cap (hono's bodyLimit buffers the whole body
// first, and ran before the token check). The connection is closed after a 413 instead of drained.
import type { Context, MiddlewareHandler } from 'hono';
import type { HubEnv } from '../context';
import { findLoneSurrogate, formatPath } from './errors';

export class BodyTooLarge extends Error {}

export function envBytes(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export const tooLarge = (c: Context) => c.json({ error: 'request body too large' }, 413, { Connection: 'close' });

export function capBody(maxBytes: number): MiddlewareHandler<HubEnv> {
  return async (c, next) => {
    const raw = c.req.raw;
    if (!raw.body) return next();
    const declared = raw.headers.get('content-length');
    if (declared !== null && !raw.headers.has('transfer-encoding')) {
      return Number(declared) > maxBytes ? tooLarge(c) : next();
    }
    let seen = 0;
    const reader = raw.body.getReader();
    const counted = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        seen += value.byteLength;
        if (seen > maxBytes) {
          await reader.cancel().catch(() => {});
          controller.error(new BodyTooLarge());
          return;
        }
        controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    c.req.raw = new Request(raw.url, {
      method: raw.method,
      headers: raw.headers,
      body: counted,
      signal: raw.signal,
      // @ts-expect-error Node's fetch Request needs duplex for a stream body
      duplex: 'half',
    });
    await next();
  };
}

const JSON_TYPE = /^application\/([\w.-]+\+)?json(;\s*[\w-]+=[^;]+)*$/i;

/** Why a JSON request body is refused, in the API's error shape. */
export type JsonRefusal = {
  status: 400 | 415;
  body: { error: string } | { errors: { path: string; message: string }[] };
};

export const notJson: JsonRefusal = { status: 415, body: { error: 'Content-Type must be application/json' } };

export const isJsonType = (contentType: string | undefined): boolean => JSON_TYPE.test(contentType ?? '');

/**
 * Why a body's text is not an acceptable JSON value: empty or malformed, or half a UTF-16 surrogate pair
 * anywhere (PostgreSQL refuses such text), named by its path (in a batch, the item: `[3].comment`).
 */
export function refuseJsonText(text: string): JsonRefusal | null {
  const invalid = (path: string, message: string): JsonRefusal => ({
    status: 400,
    body: { errors: [{ path, message }] },
  });
  if (text === '') return invalid('', 'a JSON body is required');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return invalid('', 'body is not valid JSON');
  }
  const bad = findLoneSurrogate(value);
  return bad ? invalid(formatPath(bad), 'contains an unpaired UTF-16 surrogate') : null;
}

/**
 * Reads a JSON body before the route's validator (which reuses the text HonoRequest caches), so that every
 * way a body can be wrong is a clear 4xx: over the cap 413, another Content-Type 415, and the refusals of
 * refuseJsonText 400.
 */
export const readJson: MiddlewareHandler<HubEnv> = async (c, next) => {
  if (!isJsonType(c.req.header('content-type'))) return c.json(notJson.body, notJson.status);
  let text: string;
  try {
    text = await c.req.text();
  } catch (e) {
    if (e instanceof BodyTooLarge || (e as { cause?: unknown })?.cause instanceof BodyTooLarge) return tooLarge(c);
    throw e;
  }
  const refused = refuseJsonText(text);
  if (refused) return c.json(refused.body, refused.status);
  await next();
};
