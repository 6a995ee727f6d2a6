// GET /api/v1/stream: server-sent events for the caller (tip, feedback, kpis, library, request).
// Read with fetch streaming and an Authorization header (EventSource cannot send one).
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { HubEnv } from '../context';
import { requireUser, userOf } from './util';

/** A comment line every 15 s keeps proxies and idle timeouts from closing the stream (env override for tests). */
export const HEARTBEAT_MS = Number(process.env.ATTUNE_SSE_HEARTBEAT_MS) || 15_000;
const RETRY_MS = 3_000;

export function streamRoutes(closing: { signal: AbortSignal }): Hono<HubEnv> {
  const r = new Hono<HubEnv>();
  r.get('/stream', requireUser, (c) => {
    const user = userOf(c);
    const hub = c.get('hub');
    c.header('Cache-Control', 'no-cache, no-transform');
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      if (!user) return;
      let queue: Promise<unknown> = stream.write(`retry: ${RETRY_MS}\n: connected\n\n`);
      const remove = hub.realtime.add({
        user,
        send(event, data) {
          queue = queue.then(() => stream.writeSSE({ event, data: JSON.stringify(data) })).catch(() => {});
        },
      });
      const heartbeat = setInterval(() => {
        queue = queue.then(() => stream.write(': heartbeat\n\n')).catch(() => {});
      }, HEARTBEAT_MS);
      await new Promise<void>((resolve) => {
        stream.onAbort(resolve);
        if (closing.signal.aborted) resolve();
        closing.signal.addEventListener('abort', () => resolve(), { once: true });
      });
      clearInterval(heartbeat);
      remove();
    });
  });
  return r;
}
