// Request body cap for /api/v1. A declared Content-Length over the cap is refused before reading; a chunked
// body is counted as it streams and reading stops at the cap (hono's bodyLimit buffers the whole body
// first, and ran before the token check). The connection is closed after a 413 instead of drained.
import type { Context, MiddlewareHandler } from 'hono';
import type { HubEnv } from '../context';

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
