// Integration endpoints: survey answers and helpdesk events (scope `ingest`).
import { Hono } from 'hono';
import type { HubEnv } from '../context';
import { ingestEvents, ingestFeedback } from '../ingest';
import { eventsIn, feedbackBatchIn, feedbackIn } from '../schemas';
import { callerTeam, parseBody, requireIntegration } from './util';

export function ingestRoutes(): Hono<HubEnv> {
  const r = new Hono<HubEnv>();
  r.use('/feedback', requireIntegration);
  r.use('/feedback/batch', requireIntegration);
  r.use('/events', requireIntegration);

  r.post('/feedback', async (c) => {
    const team = await callerTeam(c);
    if (!team.ok) return team.res;
    const p = await parseBody(c, feedbackIn);
    if (!p.ok) return p.res;
    const res = await ingestFeedback(c.get('hub'), [p.data], { teamId: team.teamId }, false);
    if (!res.ok) return c.json({ errors: res.errors }, 400);
    const ack = res.items[0] as { id: string; duplicate: boolean };
    return ack.duplicate ? c.json({ id: ack.id, duplicate: true }, 200) : c.json({ id: ack.id }, 201);
  });

  r.post('/feedback/batch', async (c) => {
    const team = await callerTeam(c);
    if (!team.ok) return team.res;
    const p = await parseBody(c, feedbackBatchIn);
    if (!p.ok) return p.res;
    const res = await ingestFeedback(c.get('hub'), p.data, { teamId: team.teamId }, true);
    if (!res.ok) return c.json({ errors: res.errors }, 400);
    const inserted = res.items.filter((i) => !i.duplicate).length;
    return c.json({ items: res.items, inserted, duplicates: res.items.length - inserted }, inserted > 0 ? 201 : 200);
  });

  r.post('/events', async (c) => {
    const team = await callerTeam(c);
    if (!team.ok) return team.res;
    const p = await parseBody(c, eventsIn);
    if (!p.ok) return p.res;
    const batch = Array.isArray(p.data);
    const items = Array.isArray(p.data) ? p.data : [p.data];
    const res = await ingestEvents(c.get('hub'), items, { teamId: team.teamId }, batch);
    if (!res.ok) return c.json({ errors: res.errors }, 400);
    const inserted = res.items.filter((i) => !i.duplicate).length;
    if (!batch) {
      const ack = res.items[0] as { id: string; duplicate: boolean };
      return ack.duplicate ? c.json({ id: ack.id, duplicate: true }, 200) : c.json({ id: ack.id }, 201);
    }
    return c.json({ items: res.items, inserted, duplicates: items.length - inserted }, inserted > 0 ? 201 : 200);
  });
  return r;
}
