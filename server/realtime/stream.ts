// GET /api/v1/stream: server-sent events for the caller (tip, feedback, kpis, library, request).
// Read with fetch streaming and an Authorization header (EventSource cannot send one).
import { z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { STREAM_EVENTS } from '../../lib/contract/vocab';
import { errors, type HubApp, hubApp, hubRoute } from '../api/openapi';
import { requireUser, userOf } from '../api/util';
import { tokenValid } from '../auth';

/** A comment line every 15 s keeps proxies and idle timeouts from closing the stream (env override for tests). */
export const HEARTBEAT_MS = Number(process.env.ATTUNE_SSE_HEARTBEAT_MS) || 15_000;
const RETRY_MS = 3_000;
/** Open streams per token and process (a leaked token cannot hold thousands of connections open). */
export const MAX_STREAMS_PER_TOKEN = Number(process.env.ATTUNE_MAX_STREAMS_PER_TOKEN) || 5;

const events = hubRoute({
  method: 'get',
  path: '/stream',
  summary: `Server-sent events: ${STREAM_EVENTS.join(', ')}`,
  description:
    'Read with fetch and the Authorization header (EventSource cannot send one); a heartbeat comment every 15 s.',
  middleware: requireUser,
  responses: {
    200: { description: 'The event stream', content: { 'text/event-stream': { schema: z.string() } } },
    ...errors(401, 403, 429),
  },
});

export function streamRoutes(closing: { signal: AbortSignal }): HubApp {
  const r = hubApp();
  r.openapi(events, (c) => {
    const user = userOf(c);
    const hub = c.get('hub');
    if (user && hub.realtime.connectionsOf(user.tokenHash) >= MAX_STREAMS_PER_TOKEN) {
      return c.json({ error: `at most ${MAX_STREAMS_PER_TOKEN} open streams per token` }, 429, { 'Retry-After': '30' });
    }
    c.header('Cache-Control', 'no-cache, no-transform');
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      if (!user) return;
      let queue: Promise<unknown> = stream.write(`retry: ${RETRY_MS}\n: connected\n\n`);
      let end = () => {};
      const ended = new Promise<void>((resolve) => {
        end = resolve;
      });
      const remove = hub.realtime.add({
        user,
        send(event, data) {
          queue = queue.then(() => stream.writeSSE({ event, data: JSON.stringify(data) })).catch(() => {});
        },
        close: () => end(),
      });
      // Each heartbeat re-checks the token, so expiry (and a revocation whose notice was missed) also ends
      // the stream; revocation itself ends it at once through the bus.
      const heartbeat = setInterval(() => {
        queue = queue.then(() => stream.write(': heartbeat\n\n')).catch(() => {});
        tokenValid(hub.db, user.tokenHash, new Date()).then(
          (ok) => ok || end(),
          () => {},
        );
      }, HEARTBEAT_MS);
      await Promise.race([
        ended,
        new Promise<void>((resolve) => {
          stream.onAbort(resolve);
          if (closing.signal.aborted) resolve();
          closing.signal.addEventListener('abort', () => resolve(), { once: true });
        }),
      ]);
      clearInterval(heartbeat);
      remove();
      await queue;
    });
  });
  return r;
}
