// KPI reads: the agent's own (`/me/kpis`) and, for a lead, the team's and each agent's (`/team/kpis`).
import { kpiWindowQuery } from '../../lib/contract/requests';
import { kpisResponseSchema, teamKpisSchema } from '../../lib/contract/schemas';
import { errors, type HubApp, hubApp, hubRoute, json } from '../api/openapi';
import { memberOf, requireLead, requireMember } from '../api/util';

const mine = hubRoute({
  method: 'get',
  path: '/me/kpis',
  summary: "The agent's KPIs",
  middleware: requireMember,
  request: { query: kpiWindowQuery },
  responses: { 200: json(kpisResponseSchema, 'KPIs over the window (default 30d)'), ...errors(400, 401, 403) },
});

const team = hubRoute({
  method: 'get',
  path: '/team/kpis',
  summary: 'Team and per-agent KPIs',
  middleware: requireLead,
  request: { query: kpiWindowQuery },
  responses: { 200: json(teamKpisSchema, 'KPIs over the window (default 30d)'), ...errors(400, 401, 403) },
});

export function kpiRoutes(): HubApp {
  const r = hubApp();
  r.openapi(mine, async (c) => {
    const { window } = c.req.valid('query');
    const u = memberOf(c);
    return c.json({ window, kpis: await c.get('hub').kpis.forAgent(u.id, u.teamId, window) }, 200);
  });

  r.openapi(team, async (c) => {
    return c.json(await c.get('hub').kpis.forTeam(memberOf(c).teamId, c.req.valid('query').window), 200);
  });
  return r;
}
