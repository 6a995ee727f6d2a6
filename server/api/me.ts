// The signed-in user's own data: profile, KPIs, feedback (delta sync), tips, requests, pulse, reply flags.
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { newId } from '../auth';
import type { HubEnv } from '../context';
import { FEED_LOCK } from '../ingest';
import { pulseDayOpen } from '../privacy';
import { feedbackStateIn, kpiWindow, pulseIn, replyFlagsIn, requestIn, tipAckIn } from '../schemas';
import {
  FEEDBACK_COLUMNS,
  type FeedbackRow,
  REQUEST_SELECT,
  type RequestRow,
  TIP_SELECT,
  type TipRow,
  decodeCursor,
  encodeCursor,
  feedbackItem,
  requestItem,
  tipFor,
  tipItem,
} from '../views';
import { idempotent, memberOf, notFound, parseBody, parseValue, requireMember, requireUser, userOf } from './util';

/** A session paired with a lead's code does not see the agent's private notes (see api/team.ts). */
const privateView = <T extends { note: string | null }>(item: T, privateAccess: boolean): T =>
  privateAccess ? item : { ...item, note: null };

const privateOnly = (c: Context) =>
  c.json({ error: "private notes and pulse are only available in the agent's own sessions" }, 403);

const pageQuery = z.object({
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export function meRoutes(): Hono<HubEnv> {
  const r = new Hono<HubEnv>();
  r.use('/me', requireUser);
  // '/me/*' would also match '/me', which admins (no team) may call.
  r.use('/me/:rest{.+}', requireMember);
  r.use('/tips/:id/ack', requireMember);

  r.get('/me', (c) => {
    const u = userOf(c);
    if (!u) return notFound(c);
    return c.json({
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      teamId: u.teamId,
      teamName: u.teamName,
      privateAccess: u.privateAccess,
    });
  });

  r.get('/me/kpis', async (c) => {
    const p = parseValue(c, z.object({ window: kpiWindow.default('30d') }), c.req.query());
    if (!p.ok) return p.res;
    const u = memberOf(c);
    const kpis = await c.get('hub').kpis.forAgent(u.id, u.teamId, p.data.window);
    return c.json({ window: p.data.window, kpis });
  });

  r.get('/me/feedback', async (c) => {
    const p = parseValue(c, pageQuery, c.req.query());
    if (!p.ok) return p.res;
    const seq = decodeCursor(p.data.cursor);
    if (seq === null) return c.json({ errors: [{ path: 'cursor', message: 'invalid cursor' }] }, 400);
    // Changed items and removals (answers re-attributed to another agent) in one change order.
    const rows = await c.get('hub').db.query<FeedbackRow & { removed: boolean }>(
      `SELECT * FROM (
         SELECT ${FEEDBACK_COLUMNS}, seq AS change, false AS removed FROM feedback WHERE agent_id = $1 AND seq > $2::bigint
         UNION ALL
         SELECT feedback_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false, NULL, NULL,
           seq::text, seq, true FROM feedback_removed WHERE agent_id = $1 AND seq > $2::bigint
       ) x ORDER BY change LIMIT $3`,
      [memberOf(c).id, seq, p.data.limit],
    );
    const last = rows[rows.length - 1];
    const own = memberOf(c).privateAccess;
    return c.json({
      items: rows.filter((r) => !r.removed).map((r) => privateView(feedbackItem(r), own)),
      removed: rows.filter((r) => r.removed).map((r) => r.id),
      cursor: encodeCursor(last ? last.seq : seq),
    });
  });

  r.post('/me/feedback/:id/state', idempotent, async (c) => {
    const p = await parseBody(c, feedbackStateIn);
    if (!p.ok) return p.res;
    const u = memberOf(c);
    if (p.data.note !== undefined && !u.privateAccess) return privateOnly(c);
    const row = await c.get('hub').db.tx(async (q) => {
      await q.query('SELECT pg_advisory_xact_lock($1)', [FEED_LOCK]);
      const rows = await q.query<FeedbackRow>(
        `UPDATE feedback SET reviewed = coalesce($3, reviewed),
           note = CASE WHEN $4::boolean THEN $5 ELSE note END,
           seq = CASE WHEN reviewed IS DISTINCT FROM coalesce($3, reviewed)
                        OR ($4::boolean AND note IS DISTINCT FROM $5) THEN nextval('change_seq') ELSE seq END,
           updated_at = CASE WHEN reviewed IS DISTINCT FROM coalesce($3, reviewed)
                        OR ($4::boolean AND note IS DISTINCT FROM $5) THEN now() ELSE updated_at END
         WHERE id = $1 AND agent_id = $2 RETURNING ${FEEDBACK_COLUMNS}`,
        [c.req.param('id'), u.id, p.data.reviewed ?? null, p.data.note !== undefined, p.data.note ?? null],
      );
      return rows[0];
    });
    if (!row) return notFound(c);
    return c.json(privateView(feedbackItem(row), u.privateAccess));
  });

  r.get('/me/tips', async (c) => {
    const p = parseValue(c, pageQuery, c.req.query());
    if (!p.ok) return p.res;
    const seq = decodeCursor(p.data.cursor);
    if (seq === null) return c.json({ errors: [{ path: 'cursor', message: 'invalid cursor' }] }, 400);
    const u = memberOf(c);
    const rows = await c
      .get('hub')
      .db.query<TipRow>(
        `SELECT * FROM (${TIP_SELECT}) x WHERE change_seq::bigint > $3::bigint ORDER BY change_seq::bigint LIMIT $4`,
        [u.id, u.teamId, seq, p.data.limit],
      );
    const last = rows[rows.length - 1];
    return c.json({ items: rows.map(tipItem), cursor: encodeCursor(last ? last.change_seq : seq) });
  });

  r.post('/tips/:id/ack', idempotent, async (c) => {
    const p = await parseBody(c, tipAckIn);
    if (!p.ok) return p.res;
    const u = memberOf(c);
    const hub = c.get('hub');
    const tipId = c.req.param('id');
    if (!(await tipFor(hub.db, { ...u, role: 'agent' }, tipId))) return notFound(c);
    await hub.db.tx(async (q) => {
      await q.query('SELECT pg_advisory_xact_lock($1)', [FEED_LOCK]);
      await q.query(
        `INSERT INTO tip_acks (tip_id, agent_id, at, comment, useful, seq)
       VALUES ($1, $2, $3, $4, $5, nextval('change_seq'))
       ON CONFLICT (tip_id, agent_id) DO UPDATE SET comment = coalesce(excluded.comment, tip_acks.comment),
         useful = coalesce(excluded.useful, tip_acks.useful), seq = excluded.seq
       WHERE tip_acks.comment IS DISTINCT FROM coalesce(excluded.comment, tip_acks.comment)
          OR tip_acks.useful IS DISTINCT FROM coalesce(excluded.useful, tip_acks.useful)`,
        [tipId, u.id, hub.now().toISOString(), p.data.comment ?? null, p.data.useful ?? null],
      );
    });
    const tip = await tipFor(hub.db, { ...u, role: 'agent' }, tipId);
    const team = await hub.db.query<{ team_id: string; agent_id: string | null }>(
      'SELECT team_id, agent_id FROM tips WHERE id = $1',
      [tipId],
    );
    if (team[0]) await hub.realtime.publish({ t: 'tip', tipId, agentId: u.id, teamId: team[0].team_id });
    return c.json(tip);
  });

  r.post('/me/requests', idempotent, async (c) => {
    const p = await parseBody(c, requestIn);
    if (!p.ok) return p.res;
    const u = memberOf(c);
    const hub = c.get('hub');
    const own = await hub.db.query('SELECT 1 FROM feedback WHERE id = $1 AND agent_id = $2', [p.data.feedbackId, u.id]);
    if (own.length === 0) return notFound(c);
    const rows = await hub.db.query<{ id: string; inserted: boolean }>(
      `WITH ins AS (INSERT INTO requests (id, agent_id, team_id, feedback_id, question, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (agent_id, feedback_id, question) DO NOTHING RETURNING id)
       SELECT id, true AS inserted FROM ins
       UNION ALL SELECT id, false FROM requests WHERE agent_id = $2 AND feedback_id = $4 AND question = $5`,
      [newId(), u.id, u.teamId, p.data.feedbackId, p.data.question, hub.now().toISOString()],
    );
    const row = rows[0] as { id: string; inserted: boolean };
    if (row.inserted) await hub.realtime.publish({ t: 'request', requestId: row.id, agentId: u.id, teamId: u.teamId });
    return c.json({ id: row.id }, 201);
  });

  r.get('/me/requests', async (c) => {
    const rows = await c
      .get('hub')
      .db.query<RequestRow>(`${REQUEST_SELECT} WHERE r.agent_id = $1 ORDER BY r.created_at DESC LIMIT 500`, [
        memberOf(c).id,
      ]);
    return c.json({ items: rows.map((r) => requestItem(r, false)) });
  });

  r.post('/me/pulse', idempotent, async (c) => {
    const u = memberOf(c);
    if (!u.privateAccess) return privateOnly(c);
    const p = await parseBody(c, pulseIn);
    if (!p.ok) return p.res;
    if (!pulseDayOpen(p.data.date, c.get('hub').now())) {
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
      [u.id, u.teamId, p.data.date, p.data.mood],
    );
    return c.json({ date: p.data.date, mood: p.data.mood });
  });

  r.post('/me/reply-flags', idempotent, async (c) => {
    const p = await parseBody(c, replyFlagsIn);
    if (!p.ok) return p.res;
    const u = memberOf(c);
    await c.get('hub').db.query(
      `INSERT INTO reply_flags (agent_id, team_id, site, ticket_id, channel, behaviors, sent_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7) ON CONFLICT DO NOTHING`,
      // No ticket id: '' keeps the row's natural key (agent, site, ticket, sentAt) usable for dedupe.
      [
        u.id,
        u.teamId,
        p.data.site,
        p.data.ticketId ?? '',
        p.data.channel,
        JSON.stringify(p.data.behaviors),
        p.data.sentAt,
      ],
    );
    return c.json({ ok: true }, 201);
  });

  r.get('/me/library', async (c) => {
    const u = memberOf(c);
    const rows = await c
      .get('hub')
      .db.query<{ library: unknown; library_version: number; name: string }>(
        'SELECT library, library_version, name FROM teams WHERE id = $1',
        [u.teamId],
      );
    const t = rows[0];
    if (!t?.library) return c.json({ id: `team-${u.teamId}`, name: t?.name ?? '', version: 0, phrases: [] });
    return c.json({ ...(t.library as object), version: t.library_version });
  });
  return r;
}
