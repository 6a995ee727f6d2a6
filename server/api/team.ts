// Lead endpoints (own team only) and device pairing.
import { createHash, randomInt } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { createToken } from '../admin';
import { newId } from '../auth';
import { clientIp, type TrustProxy, trustProxyFromEnv } from '../client-ip';
import type { HubContext, HubEnv } from '../context';
import { FEED_LOCK } from '../ingest';
import { lastPublishedPulseDay, PULSE_MIN_PEOPLE } from '../privacy';
import { DbRateLimiter } from '../rate-limit';
import { kpiWindow, pairIn, pairingCodeIn, phraseLibrary, requestAnswerIn, targetIn, tipIn } from '../schemas';
import { REQUEST_SELECT, type RequestRow, requestItem, type TipRow, tipFor } from '../views';
import { memberOf, notFound, parseBody, parseValue, requireLead, requireMember } from './util';

const PAIR_TTL_MS = 10 * 60_000;
const CODE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'; // no I/O: read aloud and typed by hand
const hashCode = (code: string) =>
  createHash('sha256')
    .update(`pair:${code.toUpperCase().replace(/[^A-Z0-9]/g, '')}`)
    .digest('hex');

export function teamRoutes(): Hono<HubEnv> {
  const r = new Hono<HubEnv>();
  r.use('/tips', requireLead);
  r.use('/team/*', requireLead);

  r.post('/tips', async (c) => {
    const p = await parseBody(c, tipIn);
    if (!p.ok) return p.res;
    const lead = memberOf(c);
    const hub = c.get('hub');
    const t = p.data;
    if (t.teamId && t.teamId !== lead.teamId) return notFound(c);
    if (t.agentId) {
      const a = await hub.db.query('SELECT 1 FROM users WHERE id = $1 AND team_id = $2', [t.agentId, lead.teamId]);
      if (a.length === 0) return notFound(c);
    }
    if (t.feedbackId) {
      const f = await hub.db.query('SELECT 1 FROM feedback WHERE id = $1 AND team_id = $2', [
        t.feedbackId,
        lead.teamId,
      ]);
      if (f.length === 0) return notFound(c);
    }
    const id = newId();
    const now = hub.now().toISOString();
    await hub.db.tx(async (q) => {
      await q.query('SELECT pg_advisory_xact_lock($1)', [FEED_LOCK]);
      await q.query(
        `INSERT INTO tips (id, team_id, agent_id, author_id, text, feedback_id, kpi, due, created_at, updated_at, seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, nextval('change_seq'))`,
        [id, lead.teamId, t.agentId ?? null, lead.id, t.text, t.feedbackId ?? null, t.kpi ?? null, t.due ?? null, now],
      );
    });
    await hub.realtime.publish({ t: 'tip', tipId: id, agentId: t.agentId ?? null, teamId: lead.teamId });
    return c.json(await tipFor(hub.db, lead, id), 201);
  });

  r.get('/team/members', async (c) => {
    const rows = await c
      .get('hub')
      .db.query('SELECT id, name, email, role FROM users WHERE team_id = $1 ORDER BY role, name', [memberOf(c).teamId]);
    return c.json({ items: rows });
  });

  r.get('/team/kpis', async (c) => {
    const p = parseValue(c, z.object({ window: kpiWindow.default('30d') }), c.req.query());
    if (!p.ok) return p.res;
    return c.json(await c.get('hub').kpis.forTeam(memberOf(c).teamId, p.data.window));
  });

  r.get('/team/tips', async (c) => {
    const hub = c.get('hub');
    const teamId = memberOf(c).teamId;
    const tips = await hub.db.query<Omit<TipRow, 'ack_at' | 'ack_comment' | 'ack_useful' | 'change_seq'>>(
      `SELECT t.id, t.text, t.author_id, u.name AS author_name, t.agent_id, t.team_id, t.feedback_id, t.kpi, t.due,
         t.created_at, t.updated_at
       FROM tips t JOIN users u ON u.id = t.author_id WHERE t.team_id = $1 ORDER BY t.created_at DESC LIMIT 500`,
      [teamId],
    );
    const acks = await hub.db.query<{
      tip_id: string;
      agent_id: string;
      name: string;
      at: Date;
      comment: string | null;
      useful: boolean | null;
    }>(
      `SELECT a.tip_id, a.agent_id, u.name, a.at, a.comment, a.useful FROM tip_acks a
       JOIN tips t ON t.id = a.tip_id JOIN users u ON u.id = a.agent_id WHERE t.team_id = $1 ORDER BY a.at`,
      [teamId],
    );
    return c.json({
      items: tips.map((t) => ({
        id: t.id,
        text: t.text,
        author: { id: t.author_id, name: t.author_name },
        agentId: t.agent_id,
        teamId: t.agent_id ? null : t.team_id,
        feedbackId: t.feedback_id,
        kpi: t.kpi,
        due: t.due,
        createdAt: new Date(t.created_at).toISOString(),
        updatedAt: new Date(t.updated_at).toISOString(),
        ack: null,
        acks: acks
          .filter((a) => a.tip_id === t.id)
          .map((a) => ({
            agentId: a.agent_id,
            name: a.name,
            at: new Date(a.at).toISOString(),
            comment: a.comment,
            useful: a.useful,
          })),
      })),
    });
  });

  r.get('/team/requests', async (c) => {
    const rows = await c
      .get('hub')
      .db.query<RequestRow>(`${REQUEST_SELECT} WHERE r.team_id = $1 ORDER BY r.created_at DESC LIMIT 500`, [
        memberOf(c).teamId,
      ]);
    return c.json({ items: rows.map((r) => requestItem(r, true)) });
  });

  r.post('/team/requests/:id/answer', async (c) => {
    const p = await parseBody(c, requestAnswerIn);
    if (!p.ok) return p.res;
    const lead = memberOf(c);
    const hub = c.get('hub');
    const rows = await hub.db.query<{ id: string; agent_id: string }>(
      `UPDATE requests SET answer = $3, answered_by = $4, answered_at = coalesce(answered_at, $5::timestamptz)
       WHERE id = $1 AND team_id = $2 RETURNING id, agent_id`,
      [c.req.param('id'), lead.teamId, p.data.answer, lead.id, hub.now().toISOString()],
    );
    const row = rows[0];
    if (!row) return notFound(c);
    await hub.realtime.publish({ t: 'request', requestId: row.id, agentId: row.agent_id, teamId: lead.teamId });
    const full = await hub.db.query<RequestRow>(`${REQUEST_SELECT} WHERE r.id = $1`, [row.id]);
    return c.json(requestItem(full[0] as RequestRow, true));
  });

  r.get('/team/targets', async (c) => {
    const rows = await c
      .get('hub')
      .db.query<{ kpi: string; channel: string; value: number }>(
        'SELECT kpi, channel, value FROM targets WHERE team_id = $1 ORDER BY kpi, channel',
        [memberOf(c).teamId],
      );
    return c.json({ items: rows.map((t) => ({ kpi: t.kpi, channel: t.channel || null, value: t.value })) });
  });

  r.put('/team/targets', async (c) => {
    const p = await parseBody(c, targetIn);
    if (!p.ok) return p.res;
    const lead = memberOf(c);
    const hub = c.get('hub');
    if (p.data.value === null) {
      await hub.db.query('DELETE FROM targets WHERE team_id = $1 AND kpi = $2 AND channel = $3', [
        lead.teamId,
        p.data.kpi,
        p.data.channel ?? '',
      ]);
    } else {
      await hub.db.query(
        `INSERT INTO targets (team_id, kpi, channel, value) VALUES ($1, $2, $3, $4)
         ON CONFLICT (team_id, kpi, channel) DO UPDATE SET value = excluded.value, updated_at = now()`,
        [lead.teamId, p.data.kpi, p.data.channel ?? '', p.data.value],
      );
    }
    await hub.realtime.publish({ t: 'kpis', teams: [lead.teamId] });
    return c.json(p.data);
  });

  r.get('/team/pulse', async (c) => {
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
    return c.json({
      items: rows.map((r) =>
        r.n >= PULSE_MIN_PEOPLE
          ? { date: r.day, n: r.n, mean: Math.round(r.mean * 10) / 10 }
          : { date: r.day, suppressed: true },
      ),
    });
  });

  r.put('/team/library', async (c) => {
    const p = await parseBody(c, phraseLibrary);
    if (!p.ok) return p.res;
    const lead = memberOf(c);
    const hub = c.get('hub');
    const rows = await hub.db.query<{ library_version: number }>(
      `UPDATE teams SET library = $2::jsonb, library_version = library_version + 1 WHERE id = $1
       RETURNING library_version`,
      [lead.teamId, JSON.stringify(p.data)],
    );
    const version = rows[0]?.library_version ?? 0;
    await hub.realtime.publish({ t: 'library', teamId: lead.teamId, version });
    return c.json({ ...p.data, version });
  });

  r.post('/team/pairing-codes', async (c) => {
    const p = await parseBody(c, pairingCodeIn);
    if (!p.ok) return p.res;
    const lead = memberOf(c);
    const hub = c.get('hub');
    const a = await hub.db.query('SELECT 1 FROM users WHERE id = $1 AND team_id = $2', [p.data.agentId, lead.teamId]);
    if (a.length === 0) return notFound(c);
    // A lead's code pairs a session that works for the agent but never reads their private notes or pulse.
    return c.json(await mintPairingCode(hub, p.data.agentId, lead.id, false), 201);
  });
  return r;
}

async function mintPairingCode(
  hub: HubContext,
  userId: string,
  createdBy: string,
  privateAccess: boolean,
): Promise<{ code: string; expiresAt: string; privateAccess: boolean }> {
  let code = '';
  for (let i = 0; i < 4; i++) code += CODE_LETTERS[randomInt(CODE_LETTERS.length)];
  code += `-${String(randomInt(10_000)).padStart(4, '0')}`;
  const expiresAt = new Date(hub.now().getTime() + PAIR_TTL_MS).toISOString();
  await hub.db.query(
    `INSERT INTO pairing_codes (code_hash, user_id, created_by, expires_at, private_access)
     VALUES ($1, $2, $3, $4, $5)`,
    [hashCode(code), userId, createdBy, expiresAt, privateAccess],
  );
  return { code, expiresAt, privateAccess };
}

/**
 * POST /api/v1/me/pairing-codes: an agent (or lead) pairs another device of their own from a session that
 * has private access; that device gets private access too. Only the person themself sees this code.
 */
export function ownPairingRoutes(): Hono<HubEnv> {
  const r = new Hono<HubEnv>();
  r.post('/me/pairing-codes', requireMember, async (c) => {
    const u = memberOf(c);
    if (!u.privateAccess) {
      return c.json({ error: "a device paired with a lead's code cannot pair devices with private access" }, 403);
    }
    return c.json(await mintPairingCode(c.get('hub'), u.id, u.id, true), 201);
  });
  return r;
}

/**
 * POST /api/v1/pair: no auth; 10 attempts a minute per client address (behind the proxies ATTUNE_TRUST_PROXY
 * names, server/client-ip.ts), counted in the database so hub processes sharing it share the limit.
 */
export function pairRoutes(hub: HubContext, opts: { trustProxy?: TrustProxy } = {}): Hono<HubEnv> {
  const r = new Hono<HubEnv>();
  const limiter = new DbRateLimiter(hub.db, { name: 'pair', limit: 10, windowMs: 60_000 });
  r.post('/pair', async (c) => {
    const ip = clientIp(c, opts.trustProxy ?? trustProxyFromEnv());
    const { allowed, retryAfterSeconds } = await limiter.take(ip);
    if (!allowed) {
      return c.json({ error: 'too many attempts, try again in a minute' }, 429, {
        'Retry-After': String(retryAfterSeconds),
      });
    }

    const p = await parseBody(c, pairIn);
    if (!p.ok) return p.res;
    const rows = await hub.db.query<{ user_id: string; private_access: boolean }>(
      `UPDATE pairing_codes SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2
       RETURNING user_id, private_access`,
      [hashCode(p.data.code), hub.now().toISOString()],
    );
    const row = rows[0];
    if (!row) return c.json({ error: 'unknown or expired code' }, 400);
    const token = await createToken(hub.db, { userId: row.user_id }, 'paired device', undefined, {
      privateAccess: row.private_access,
    });
    const users = await hub.db.query<{
      id: string;
      name: string;
      email: string;
      role: string;
      team_id: string | null;
      team_name: string | null;
    }>(
      `SELECT u.id, u.name, u.email, u.role, u.team_id, t.name AS team_name FROM users u
       LEFT JOIN teams t ON t.id = u.team_id WHERE u.id = $1`,
      [row.user_id],
    );
    const u = users[0];
    return c.json({
      token,
      privateAccess: row.private_access,
      user: u && { id: u.id, name: u.name, email: u.email, role: u.role, teamId: u.team_id, teamName: u.team_name },
    });
  });
  return r;
}
