// What integrations send: survey answers and helpdesk events (integration tokens), stored through
// server/ingest.ts into the caller's team.
import { z } from '@hono/zod-openapi';
import { eventsIn, feedbackBatchIn, feedbackIn } from '../../../lib/contract/requests';
import { ingestAckSchema, ingestBatchSchema } from '../../../lib/contract/schemas';
import { errors, type HubApp, hubApp, hubRoute, json, jsonBody } from '../../api/openapi';
import { callerTeam, requireIntegration } from '../../api/util';
import { ingestEvents, ingestFeedback } from '../../ingest';

const teamHeader = z.object({ 'Attune-Team': z.string().max(64).optional() });
const ingestErrors = errors(400, 401, 403, 413, 415);

const feedback = hubRoute({
  method: 'post',
  path: '/feedback',
  summary: 'Ingest one survey answer',
  description: 'An unscoped integration token names the team in the Attune-Team header.',
  middleware: [requireIntegration, callerTeam],
  request: { headers: teamHeader, body: jsonBody(feedbackIn) },
  responses: {
    201: json(ingestAckSchema, 'Stored'),
    200: json(ingestAckSchema, 'Already stored (same externalId): nothing changed'),
    ...ingestErrors,
  },
});

const feedbackBatch = hubRoute({
  method: 'post',
  path: '/feedback/batch',
  summary: 'Ingest up to 1,000 answers, all or nothing',
  middleware: [requireIntegration, callerTeam],
  request: { headers: teamHeader, body: jsonBody(feedbackBatchIn) },
  responses: {
    201: json(ingestBatchSchema, 'At least one stored'),
    200: json(ingestBatchSchema, 'All were already stored'),
    ...ingestErrors,
  },
});

const events = hubRoute({
  method: 'post',
  path: '/events',
  summary: 'Ingest helpdesk events (one, or a batch of up to 1,000, all or nothing)',
  middleware: [requireIntegration, callerTeam],
  request: { headers: teamHeader, body: jsonBody(eventsIn) },
  responses: {
    201: json(z.union([ingestAckSchema, ingestBatchSchema]), 'Stored (a batch: at least one)'),
    200: json(z.union([ingestAckSchema, ingestBatchSchema]), 'Already stored: nothing changed'),
    ...ingestErrors,
  },
});

export function ingestRoutes(): HubApp {
  const r = hubApp();
  r.openapi(feedback, async (c) => {
    const res = await ingestFeedback(c.get('hub'), [c.req.valid('json')], { teamId: c.get('callerTeam') }, false);
    if (!res.ok) return c.json({ errors: res.errors }, 400);
    const ack = res.items[0] as { id: string; duplicate: boolean };
    return ack.duplicate ? c.json({ id: ack.id, duplicate: true }, 200) : c.json({ id: ack.id }, 201);
  });

  r.openapi(feedbackBatch, async (c) => {
    const res = await ingestFeedback(c.get('hub'), c.req.valid('json'), { teamId: c.get('callerTeam') }, true);
    if (!res.ok) return c.json({ errors: res.errors }, 400);
    const inserted = res.items.filter((i) => !i.duplicate).length;
    const body = { items: res.items, inserted, duplicates: res.items.length - inserted };
    return inserted > 0 ? c.json(body, 201) : c.json(body, 200);
  });

  r.openapi(events, async (c) => {
    const data = c.req.valid('json');
    const batch = Array.isArray(data);
    const items = Array.isArray(data) ? data : [data];
    const res = await ingestEvents(c.get('hub'), items, { teamId: c.get('callerTeam') }, batch);
    if (!res.ok) return c.json({ errors: res.errors }, 400);
    const inserted = res.items.filter((i) => !i.duplicate).length;
    if (!batch) {
      const ack = res.items[0] as { id: string; duplicate: boolean };
      return ack.duplicate ? c.json({ id: ack.id, duplicate: true }, 200) : c.json({ id: ack.id }, 201);
    }
    const body = { items: res.items, inserted, duplicates: items.length - inserted };
    return inserted > 0 ? c.json(body, 201) : c.json(body, 200);
  });
  return r;
}
