// Daily well-being pulse: an agent answers for themself (private); a lead sees only published aggregates
// of at least PULSE_MIN_PEOPLE agents (server/privacy.ts).
import { pulseIn } from '../../../lib/contract/requests';
import { pulseSchema, teamPulseSchema } from '../../../lib/contract/schemas';
import { errors, type HubApp, hubApp, hubRoute, json, jsonBody } from '../../api/openapi';
import { idempotencyHeader, idempotent, memberOf, privateOnly, requireLead, requireMember } from '../../api/util';
import type { MiddlewareHandler } from 'hono';
import type { HubEnv } from '../../context';
import { lastPublishedPulseDay, PULSE_MIN_PEOPLE, pulseDayOpen } from '../../privacy';

/** A session paired with a lead's code is refused before its body is read. */
const ownSessionOnly: MiddlewareHandler<HubEnv> = async (c, next) => {
  if (!memberOf(c).privateAccess) return privateOnly(c);
  await next();
};

const answer = hubRoute({
  method: 'post',
  path: '/me/pulse',
  summary: 'Daily well-being check-in (private)',
  middleware: [requireMember, idempotent, ownSessionOnly],
  request: { headers: idempotencyHeader, body: jsonBody(pulseIn) },
  responses: { 200: json(pulseSchema, 'Stored'), ...errors(400, 401, 403, 413, 415) },
});

const team = hubRoute({
  method: 'get',
  path: '/team/pulse',
  summary: 'Pulse aggregates (days with at least 5 answers only)',
  middleware: requireLead,
  responses: { 200: json(teamPulseSchema, 'The last 90 days, closed days only'), ...errors(401, 403) },
});

export function pulseRoutes(): HubApp {
  const r = hubApp();
  r.openapi(answer, async (c) => {
    const body = c.req.valid('json');
    const u = memberOf(c);
    if (!pulseDayOpen(body.date, c.get('hub').now())) {
      return c.json(
        {
          errors: [
            {
              path: 'date',
              message: 'only yesterday, today or tomorrow (UTC) can be answered; earlier days are published',
            },
          ],
        },
        400,
      );
    }
    await c.get('hub').db.query(
      `INSERT INTO pulse (agent_id, team_id, day, mood) VALUES ($1, $2, $3::date, $4)
       ON CONFLICT (agent_id, day) DO UPDATE SET mood = excluded.mood, updated_at = now()`,
      [u.id, u.teamId, body.date, body.mood],
    );
    return c.json({ date: body.date, mood: body.mood }, 200);
  });

  r.openapi(team, async (c) => {
    const lead = memberOf(c);
    const now = c.get('hub').now();
    // Agents of the team only (never a lead's answer, never the viewer's), closed days only (server/privacy.ts).
    const rows = await c.get('hub').db.query<{ day: string; n: number; mean: number }>(
      `SELECT p.day::text AS day, count(*)::int AS n, avg(p.mood)::float8 AS mean
       FROM pulse p JOIN users u ON u.id = p.agent_id AND u.team_id = p.team_id AND u.role = 'agent'
       WHERE p.team_id = $1 AND p.agent_id <> $2 AND p.day >= $3::date AND p.day <= $4::date
       GROUP BY p.day ORDER BY p.day`,
      [
        lead.teamId,
        lead.id,
        new Date(now.getTime() - 90 * 86_400_000).toISOString().slice(0, 10),
        lastPublishedPulseDay(now),
      ],
    );
    return c.json(
      {
        items: rows.map((r) =>
          r.n >= PULSE_MIN_PEOPLE
            ? { date: r.day, n: r.n, mean: Math.round(r.mean * 10) / 10 }
            : { date: r.day, suppressed: true as const },
        ),
      },
      200,
    );
  });
  return r;
}
