// A team's KPI targets (per KPI, optionally per channel), set by its lead; the KPIs carry them.
import { targetIn } from '../../../lib/contract/requests';
import { targetSchema, targetsSchema } from '../../../lib/contract/schemas';
import type { ContactChannel, KpiKey } from '../../../lib/contract/vocab';
import { errors, type HubApp, hubApp, hubRoute, json, jsonBody } from '../../api/openapi';
import { memberOf, requireLead } from '../../api/util';

const list = hubRoute({
  method: 'get',
  path: '/team/targets',
  summary: 'KPI targets',
  middleware: requireLead,
  responses: { 200: json(targetsSchema, "The team's targets"), ...errors(401, 403) },
});

const set = hubRoute({
  method: 'put',
  path: '/team/targets',
  summary: 'Set or clear (value null) a KPI target',
  middleware: requireLead,
  request: { body: jsonBody(targetIn) },
  responses: {
    200: json(targetSchema.extend({ value: targetSchema.shape.value.nullable() }), 'As stored'),
    ...errors(400, 401, 403, 413, 415),
  },
});

export function targetRoutes(): HubApp {
  const r = hubApp();
  r.openapi(list, async (c) => {
    const rows = await c
      .get('hub')
      .db.query<{ kpi: KpiKey; channel: ContactChannel | ''; value: number }>(
        'SELECT kpi, channel, value FROM targets WHERE team_id = $1 ORDER BY kpi, channel',
        [memberOf(c).teamId],
      );
    return c.json({ items: rows.map((t) => ({ kpi: t.kpi, channel: t.channel || null, value: t.value })) }, 200);
  });

  r.openapi(set, async (c) => {
    const body = c.req.valid('json');
    const lead = memberOf(c);
    const hub = c.get('hub');
    if (body.value === null) {
      await hub.db.query('DELETE FROM targets WHERE team_id = $1 AND kpi = $2 AND channel = $3', [
        lead.teamId,
        body.kpi,
        body.channel ?? '',
      ]);
    } else {
      await hub.db.query(
        `INSERT INTO targets (team_id, kpi, channel, value) VALUES ($1, $2, $3, $4)
         ON CONFLICT (team_id, kpi, channel) DO UPDATE SET value = excluded.value, updated_at = now()`,
        [lead.teamId, body.kpi, body.channel ?? '', body.value],
      );
    }
    await hub.realtime.publish({ t: 'kpis', teams: [lead.teamId] });
    return c.json(body, 200);
  });
  return r;
}
