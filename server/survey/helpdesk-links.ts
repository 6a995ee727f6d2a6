// Survey links a helpdesk's own "ticket solved" email can carry, with only a placeholder the helpdesk fills:
//   https://hub.example.com/s/z/<connector slug>/{{ticket.id}}?sig=<signature>     (Zendesk)
//   https://hub.example.com/s/f/<connector slug>/{{ticket.id}}?sig=<signature>     (Freshdesk)
// The signature covers the static part (`z/<slug>`) with the connector's own link key, so the same URL
// template works for every ticket. Because anyone holding one link can change the ticket id, a link is
// honoured only for a ticket the connector has synced into the connector's team, that is solved now (its
// latest resolved/reopened event is `resolved`), within the connector's window after solving; and the
// answer is once per contact: the same agent is used for every visit, so a second answer amends the first
// (the hosted survey's 24-hour amend rule, server/survey/store.ts).
// A valid visit is redirected (303) to the hosted survey page for a freshly minted per-contact token,
// carrying one-click answers (`?csat=5`) along.
import { timingSafeEqual } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { getConnector, getSecrets, linkSignature } from '../connectors/hooks/registry';
import { clientIp, trustProxyFromEnv } from '../client-ip';
import type { HubContext } from '../context';
import { DbRateLimiter } from '../rate-limit';
import { renderMessage, SURVEY_CSP } from './page';
import { surveySecret } from './store';
import { isSurveyLang, langFromAcceptLanguage, signSurveyToken, type SurveyChannel } from './token';
import { CHANNELS, isOneOf } from '../../lib/contract/vocab';

const ONE_CLICK = ['empathy', 'csat', 'clarity', 'nps'];

export type LinkRefusal = 'invalid' | 'unknown_ticket' | 'not_solved' | 'expired' | 'no_agent';

export interface ResolvedLink {
  contactId: string;
  teamId: string;
  agentId: string;
  channel: SurveyChannel;
  /** Seconds left in the window. */
  ttlSeconds: number;
}

function sameSig(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Checks a helpdesk link; the reasons are for tests and logs, the page shows every refusal the same way. */
export async function resolveHelpdeskLink(
  hub: HubContext,
  kind: 'z' | 'f',
  slug: string,
  ticket: string,
  sig: string,
): Promise<{ ok: true; link: ResolvedLink } | { ok: false; reason: LinkRefusal }> {
  const cfg = await getConnector(hub.db, slug);
  if (!cfg || (kind === 'z') !== (cfg.kind === 'zendesk') || !/^\d{1,20}$/.test(ticket)) {
    return { ok: false, reason: 'invalid' };
  }
  const secrets = await getSecrets(hub.db, slug);
  if (!secrets || !sameSig(sig, linkSignature(secrets.linkKey, cfg.kind, slug)))
    return { ok: false, reason: 'invalid' };
  const contactId = `${cfg.kind}:${cfg.site}:${ticket}`;
  const teamId = cfg.teamId;
  const facts = (
    await hub.db.query<{ status: string | null; status_at: Date | string | null; channel: string }>(
      `SELECT (SELECT type FROM events WHERE team_id = $1 AND contact_id = $2 AND type IN ('resolved', 'reopened')
                ORDER BY at DESC, external_id DESC LIMIT 1) AS status,
              (SELECT max(at) FROM events WHERE team_id = $1 AND contact_id = $2 AND type = 'resolved') AS status_at,
              (SELECT channel FROM events WHERE team_id = $1 AND contact_id = $2 ORDER BY at, external_id LIMIT 1) AS channel`,
      [teamId, contactId],
    )
  )[0];
  if (!facts?.channel) return { ok: false, reason: 'unknown_ticket' };
  if (facts.status !== 'resolved' || !facts.status_at) return { ok: false, reason: 'not_solved' };
  const closes = new Date(facts.status_at).getTime() + cfg.surveyWindowDays * 86_400_000;
  const ttlSeconds = Math.floor((closes - hub.now().getTime()) / 1000);
  if (ttlSeconds <= 0) return { ok: false, reason: 'expired' };
  // Once per contact: an earlier answer through a helpdesk link fixes the agent (survey:<contact>:<agent>).
  const earlier = await hub.db.query<{ agent: string }>(
    `SELECT substr(external_id, length($2) + 1) AS agent FROM feedback
     WHERE team_id = $1 AND external_id LIKE $2 || '%' ORDER BY created_at LIMIT 1`,
    [teamId, `survey:${contactId}:`],
  );
  const chosen =
    earlier[0]?.agent ??
    (
      await hub.db.query<{ agent_id: string }>(
        `SELECT agent_id FROM events WHERE team_id = $1 AND contact_id = $2 AND agent_id IS NOT NULL
           AND type IN ('agent_reply', 'resolved', 'assigned')
         ORDER BY (type = 'agent_reply') DESC, at DESC, external_id DESC LIMIT 1`,
        [teamId, contactId],
      )
    )[0]?.agent_id;
  if (!chosen) return { ok: false, reason: 'no_agent' };
  const channel = (isOneOf(CHANNELS, facts.channel) ? facts.channel : 'email') as SurveyChannel;
  return { ok: true, link: { contactId, teamId, agentId: chosen, channel, ttlSeconds } };
}

/** Routes under `/s` (mounted before the hosted survey's own `/s/:token` pages). */
export function helpdeskLinkRoutes(hub: HubContext, opts: { rateLimitPerMinute?: number } = {}): Hono {
  const r = new Hono();
  // Counted in the database per client address behind ATTUNE_TRUST_PROXY (server/client-ip.ts), so hubs
  // sharing one PostgreSQL share the limit: a guard against scripts walking ticket ids.
  const limiter = new DbRateLimiter(hub.db, {
    name: 'helpdesk-link',
    limit: opts.rateLimitPerMinute ?? 60,
    windowMs: 60_000,
  });
  const handler = async (c: Context) => {
    const lang = isSurveyLang(c.req.query('lang'))
      ? (c.req.query('lang') as 'en')
      : langFromAcceptLanguage(c.req.header('accept-language'));
    const page = (status: 404 | 410 | 429, kind: 'invalid' | 'expired' | 'tooMany') => {
      c.header('Content-Security-Policy', SURVEY_CSP);
      c.header('Cache-Control', 'no-store');
      c.header('Referrer-Policy', 'no-referrer');
      return c.html(renderMessage(lang, kind), status);
    };
    if (!(await limiter.take(clientIp(c, trustProxyFromEnv()))).allowed) return page(429, 'tooMany');
    const kind = c.req.path.startsWith('/s/z/') ? 'z' : 'f';
    const res = await resolveHelpdeskLink(
      hub,
      kind,
      c.req.param('slug') ?? '',
      c.req.param('ticket') ?? '',
      c.req.query('sig') ?? '',
    );
    if (!res.ok) {
      hub.log.debug({ reason: res.reason }, 'helpdesk survey link refused');
      return page(res.reason === 'expired' ? 410 : 404, res.reason === 'expired' ? 'expired' : 'invalid');
    }
    const { token } = signSurveyToken(
      {
        contactId: res.link.contactId,
        agentId: res.link.agentId,
        teamId: res.link.teamId,
        lang,
        channel: res.link.channel,
        ttlSeconds: res.link.ttlSeconds,
      },
      await surveySecret(hub),
      hub.now(),
    );
    const q = new URLSearchParams();
    for (const k of ONE_CLICK) {
      const v = c.req.query(k);
      if (v !== undefined) q.set(k, v);
    }
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.redirect(`/s/${token}${q.size > 0 ? `?${q}` : ''}`, 303);
  };
  r.get('/z/:slug/:ticket', handler);
  r.get('/f/:slug/:ticket', handler);
  return r;
}

/** The link template to paste into a helpdesk's email (the placeholder left for the helpdesk to fill). */
export async function helpdeskLinkTemplate(
  hub: Pick<HubContext, 'db'>,
  slug: string,
  baseUrl: string,
): Promise<string | null> {
  const cfg = await getConnector(hub.db, slug);
  const secrets = await getSecrets(hub.db, slug);
  if (!cfg || !secrets) return null;
  const k = cfg.kind === 'zendesk' ? 'z' : 'f';
  return `${baseUrl.replace(/\/+$/, '')}/s/${k}/${slug}/{{ticket.id}}?sig=${linkSignature(secrets.linkKey, cfg.kind, slug)}`;
}
