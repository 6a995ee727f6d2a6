// Signed webhooks, mounted under /api/v1/hooks (no bearer token: the signature is the credential).
//   POST /api/v1/hooks/zendesk/:slug   Zendesk event webhooks for a configured Zendesk connector
//   POST /api/v1/hooks/:integration    any helpdesk: our event and feedback shapes, Stripe-style signature
// Order of checks, so that nothing is stored for a bad request: signature and timestamp (401) → replay
// (409) → body shape (400) → ingest through server/ingest.ts, scoped to the integration's or connector's
// team. Idempotent by externalId like POST /api/v1/events and /feedback.
import { randomBytes } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { OPERATIONS } from '../../api/openapi';
import type { HubContext, HubEnv } from '../../context';
import { ingestEvents, ingestFeedback } from '../../ingest';
import { eventIn, feedbackIn, issuesToErrors } from '../../schemas';
import { getState, setState } from '../state';
import { mapZendeskWebhook, zendeskWebhookBody } from '../zendesk/webhook';
import { agentEmailById, getConnector, getSecrets } from './registry';
import { DEFAULT_TOLERANCE_SECONDS, firstSighting, forgetSighting, verifyAttune, verifyZendesk } from './signature';
import { inTx, storePage } from './store';

export const HOOKS_PREFIX = '/api/v1/hooks/';

export const hookBody = z
  .object({
    events: z.array(eventIn).min(1).max(1000).optional(),
    feedback: z.array(feedbackIn).min(1).max(1000).optional(),
  })
  .refine((b) => b.events !== undefined || b.feedback !== undefined, {
    message: 'events or feedback is required',
    path: ['events'],
  });

const hookSecretKey = (integrationId: string) => `hook:${integrationId}:secret`;

/** Creates (or rotates) the signing secret of an integration's webhook; returned once, to print. */
export async function rotateHookSecret(hub: Pick<HubContext, 'db'>, integrationId: string): Promise<string> {
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  await setState(hub.db, hookSecretKey(integrationId), { secret });
  return secret;
}

function tolerance(): number {
  const n = Number(process.env.ATTUNE_HOOK_TOLERANCE_SECONDS);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_TOLERANCE_SECONDS;
}

function refuse(c: Context, status: 401 | 404, reason: string) {
  return c.json({ error: reason }, status);
}

export function mountHooks(app: Hono<HubEnv>, hub: HubContext): void {
  // Listed in /api/v1/openapi.json (once per process); the signature, not a bearer token, authenticates.
  if (!OPERATIONS.some((op) => op.path === '/api/v1/hooks/{integration}')) {
    OPERATIONS.push(
      {
        method: 'post',
        path: '/api/v1/hooks/{integration}',
        summary:
          'Signed webhook for any helpdesk: events and/or feedback; header Attune-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">',
        auth: 'none',
        body: hookBody,
      },
      {
        method: 'post',
        path: '/api/v1/hooks/zendesk/{slug}',
        summary: 'Zendesk event webhook, verified with X-Zendesk-Webhook-Signature(-Timestamp)',
        auth: 'none',
        body: zendeskWebhookBody,
      },
    );
  }
  app.post('/api/v1/hooks/zendesk/:slug', async (c) => {
    const cfg = await getConnector(hub.db, c.req.param('slug'));
    const secret = cfg?.kind === 'zendesk' ? (await getSecrets(hub.db, cfg.slug))?.webhookSecret : undefined;
    // Unknown connector and "no secret set" answer like a bad signature: nothing to learn by probing.
    if (!cfg || !secret) return refuse(c, 401, 'signature does not match');
    const raw = await c.req.text();
    const v = verifyZendesk(
      c.req.header('x-zendesk-webhook-signature'),
      c.req.header('x-zendesk-webhook-signature-timestamp'),
      raw,
      secret,
      hub.now(),
      tolerance(),
    );
    if (!v.ok) return refuse(c, 401, v.reason);
    const scope = `zendesk:${cfg.slug}`;
    if (!(await firstSighting(hub.db, scope, v.signature, hub.now(), tolerance())))
      return c.json({ error: 'replayed webhook' }, 409);
    let parsed: z.output<typeof zendeskWebhookBody>;
    try {
      const r = zendeskWebhookBody.safeParse(JSON.parse(raw));
      if (!r.success) {
        await forgetSighting(hub.db, scope, v.signature);
        return c.json({ errors: issuesToErrors(r.error) }, 400);
      }
      parsed = r.data;
    } catch {
      await forgetSighting(hub.db, scope, v.signature);
      return c.json({ errors: [{ path: '', message: 'body is not valid JSON' }] }, 400);
    }
    const event = await mapZendeskWebhook(parsed, cfg.site, (id) => agentEmailById(hub.db, cfg.slug, id));
    if (!event) return c.json({ stored: 0, ignored: parsed.type }, 200);
    const res = await storePage(hub, cfg.teamId, { events: [event] }, null);
    return c.json(
      { stored: res.inserted, duplicates: res.duplicates, externalId: event.externalId, unmatched: res.unmatched },
      200,
    );
  });

  app.post('/api/v1/hooks/:integration', async (c) => {
    const integrationId = c.req.param('integration');
    const integration = (
      await hub.db.query<{ id: string; team_id: string | null }>('SELECT id, team_id FROM integrations WHERE id = $1', [
        integrationId,
      ])
    )[0];
    const secret = integration
      ? (await getState<{ secret: string }>(hub.db, hookSecretKey(integration.id)))?.secret
      : undefined;
    if (!integration || !secret) return refuse(c, 401, 'signature does not match');
    const raw = await c.req.text();
    const teamId = integration.team_id;
    // Hooks write into exactly one team: an integration without a team has no hook.
    if (!teamId) return c.json({ error: 'this integration is not bound to a team' }, 403);
    const v = verifyAttune(c.req.header('attune-signature'), raw, secret, hub.now(), tolerance());
    if (!v.ok) return refuse(c, 401, v.reason);
    const scope = `hook:${integration.id}`;
    if (!(await firstSighting(hub.db, scope, v.signature, hub.now(), tolerance())))
      return c.json({ error: 'replayed webhook' }, 409);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      await forgetSighting(hub.db, scope, v.signature);
      return c.json({ errors: [{ path: '', message: 'body is not valid JSON' }] }, 400);
    }
    const body = hookBody.safeParse(json);
    if (!body.success) {
      await forgetSighting(hub.db, scope, v.signature);
      return c.json({ errors: issuesToErrors(body.error) }, 400);
    }
    const scopeTeam = { teamId };
    // Events and answers of one delivery are stored together or not at all.
    class Refused extends Error {
      constructor(readonly errors: { path: string; message: string }[]) {
        super('refused');
      }
    }
    const out: { events?: unknown; feedback?: unknown } = {};
    try {
      await hub.db.tx(async (q) => {
        const view = inTx(hub, q);
        if (body.data.events) {
          const r = await ingestEvents(view, body.data.events, scopeTeam, true);
          if (!r.ok) throw new Refused(r.errors.map((e) => ({ ...e, path: `events${e.path}` })));
          out.events = r.items;
        }
        if (body.data.feedback) {
          const r = await ingestFeedback(view, body.data.feedback, scopeTeam, true);
          if (!r.ok) throw new Refused(r.errors.map((e) => ({ ...e, path: `feedback${e.path}` })));
          out.feedback = r.items;
        }
      });
    } catch (err) {
      if (!(err instanceof Refused)) throw err;
      await forgetSighting(hub.db, scope, v.signature);
      return c.json({ errors: err.errors }, 400);
    }
    return c.json(out, 200);
  });
}
