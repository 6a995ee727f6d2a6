// Signed webhooks, mounted under /api/v1/hooks (no bearer token: the signature is the credential).
//   POST /api/v1/hooks/zendesk/:slug   Zendesk event webhooks for a configured Zendesk connector
//   POST /api/v1/hooks/:integration    any helpdesk: our event and feedback shapes, Stripe-style signature
// Order of checks, so that nothing is stored for a bad request: signature and timestamp (401) → replay
// (409) → body shape (400) → ingest through server/ingest.ts, scoped to the integration's or connector's
// team. Idempotent by externalId like POST /api/v1/events and /feedback.
import { randomBytes } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { hookBody } from '../../../lib/contract/requests';
import { errors, type HubApp, json, noToken } from '../../api/openapi';
import { isJsonType, notJson, refuseJsonText } from '../../api/body';
import { issuesToErrors } from '../../api/errors';
import type { HubContext, HubEnv } from '../../context';
import { ingestEvents, ingestFeedback } from '../../ingest';
import { getState, setState } from '../state';
import { mapZendeskWebhook, zendeskWebhookBody } from '../zendesk/webhook';
import { agentEmailById, getConnector, getSecrets } from './registry';
import { DEFAULT_TOLERANCE_SECONDS, firstSighting, forgetSighting, verifyAttune, verifyZendesk } from './signature';
import { inTx, storePage } from './store';

export const HOOKS_PREFIX = '/api/v1/hooks/';

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

const refuse = (c: Context, reason: string) => c.json({ error: reason }, 401);

/** A delivery whose signature checked out, for the route's validator hook and handler. */
interface Delivery {
  scope: string;
  signature: string;
  teamId: string;
  /** The Zendesk connector the delivery is for (zendesk route only). */
  connector?: { slug: string; site: string };
}
type HookEnv = { Variables: HubEnv['Variables'] & { delivery: Delivery } };

/**
 * After the signature: a replay is 409; a body that is not JSON (or holds half a surrogate pair, which
 * PostgreSQL refuses) is 415/400, and its sighting is forgotten, as for a body the schema refuses, so the
 * sender's corrected delivery is not taken for a replay.
 */
async function accept(c: Context<HookEnv>, hub: HubContext, raw: string, d: Delivery) {
  if (!(await firstSighting(hub.db, d.scope, d.signature, hub.now(), tolerance()))) {
    return c.json({ error: 'replayed webhook' }, 409);
  }
  const refused = isJsonType(c.req.header('content-type')) ? refuseJsonText(raw) : notJson;
  if (refused) {
    await forgetSighting(hub.db, d.scope, d.signature);
    return c.json(refused.body, refused.status);
  }
  c.set('delivery', d);
  return null;
}

/** The route's validator hook: a body the schema refuses is a 400 and its sighting is forgotten. */
function forgetRefused(hub: HubContext) {
  return (result: { success: true } | { success: false; error: z.ZodError }, c: Context<HookEnv>) => {
    if (result.success) return;
    const d = c.get('delivery');
    const body = { errors: issuesToErrors(result.error) };
    return forgetSighting(hub.db, d.scope, d.signature).then(() => c.json(body, 400));
  };
}

const hookErrors = errors(400, 401, 403, 409, 413, 415);

export function mountHooks(app: HubApp, hub: HubContext): void {
  const r = new OpenAPIHono<HookEnv>();

  const zendeskSigned: MiddlewareHandler<HookEnv> = async (c, next) => {
    const cfg = await getConnector(hub.db, c.req.param('slug') ?? '');
    const secret = cfg?.kind === 'zendesk' ? (await getSecrets(hub.db, cfg.slug))?.webhookSecret : undefined;
    // Unknown connector and "no secret set" answer like a bad signature: nothing to learn by probing.
    if (!cfg || !secret) return refuse(c, 'signature does not match');
    const raw = await c.req.text();
    const v = verifyZendesk(
      c.req.header('x-zendesk-webhook-signature'),
      c.req.header('x-zendesk-webhook-signature-timestamp'),
      raw,
      secret,
      hub.now(),
      tolerance(),
    );
    if (!v.ok) return refuse(c, v.reason);
    const delivery = { scope: `zendesk:${cfg.slug}`, signature: v.signature, teamId: cfg.teamId, connector: cfg };
    return (await accept(c, hub, raw, delivery)) ?? next();
  };

  const attuneSigned: MiddlewareHandler<HookEnv> = async (c, next) => {
    const integrationId = c.req.param('integration') ?? '';
    const integration = (
      await hub.db.query<{ id: string; team_id: string | null }>('SELECT id, team_id FROM integrations WHERE id = $1', [
        integrationId,
      ])
    )[0];
    const secret = integration
      ? (await getState<{ secret: string }>(hub.db, hookSecretKey(integration.id)))?.secret
      : undefined;
    if (!integration || !secret) return refuse(c, 'signature does not match');
    const raw = await c.req.text();
    const teamId = integration.team_id;
    // Hooks write into exactly one team: an integration without a team has no hook.
    if (!teamId) return c.json({ error: 'this integration is not bound to a team' }, 403);
    const v = verifyAttune(c.req.header('attune-signature'), raw, secret, hub.now(), tolerance());
    if (!v.ok) return refuse(c, v.reason);
    return (await accept(c, hub, raw, { scope: `hook:${integration.id}`, signature: v.signature, teamId })) ?? next();
  };

  // The signature is checked on the raw bytes before the body is validated (createRoute, not hubRoute: the
  // middleware reads the body itself).
  const zendesk = createRoute({
    method: 'post',
    path: '/zendesk/{slug}',
    summary: 'Zendesk event webhook, verified with X-Zendesk-Webhook-Signature(-Timestamp)',
    ...noToken,
    middleware: zendeskSigned,
    request: {
      params: z.object({ slug: z.string() }),
      body: { required: true, content: { 'application/json': { schema: zendeskWebhookBody } } },
    },
    responses: {
      200: json(
        z.union([
          z.object({ stored: z.number(), ignored: z.string() }),
          z.object({
            stored: z.number(),
            duplicates: z.number(),
            externalId: z.string(),
            unmatched: z.array(z.string()),
          }),
        ]),
        'Stored, or ignored (an event type Attune does not use)',
      ),
      ...hookErrors,
    },
  });

  const generic = createRoute({
    method: 'post',
    path: '/{integration}',
    summary: 'Signed webhook for any helpdesk: events and/or feedback, stored all or nothing',
    description: 'Header Attune-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">',
    ...noToken,
    middleware: attuneSigned,
    request: {
      params: z.object({ integration: z.string() }),
      body: { required: true, content: { 'application/json': { schema: hookBody } } },
    },
    responses: {
      200: json(
        z.object({
          events: z.array(z.object({ id: z.string(), duplicate: z.boolean() })).optional(),
          feedback: z.array(z.object({ id: z.string(), duplicate: z.boolean() })).optional(),
        }),
        'Stored (duplicates by externalId change nothing)',
      ),
      ...hookErrors,
    },
  });

  r.openapi(
    zendesk,
    async (c) => {
      const parsed = c.req.valid('json');
      const { connector, teamId } = c.get('delivery');
      const cfg = connector as { slug: string; site: string };
      const event = await mapZendeskWebhook(parsed, cfg.site, (id) => agentEmailById(hub.db, cfg.slug, id));
      if (!event) return c.json({ stored: 0, ignored: parsed.type }, 200);
      const res = await storePage(hub, teamId, { events: [event] }, null);
      return c.json(
        { stored: res.inserted, duplicates: res.duplicates, externalId: event.externalId, unmatched: res.unmatched },
        200,
      );
    },
    forgetRefused(hub),
  );

  r.openapi(
    generic,
    async (c) => {
      const body = c.req.valid('json');
      const { scope, signature, teamId } = c.get('delivery');
      // Events and answers of one delivery are stored together or not at all.
      class Refused extends Error {
        constructor(readonly errors: { path: string; message: string }[]) {
          super('refused');
        }
      }
      const out: { events?: { id: string; duplicate: boolean }[]; feedback?: { id: string; duplicate: boolean }[] } =
        {};
      try {
        await hub.db.tx(async (q) => {
          const view = inTx(hub, q);
          if (body.events) {
            const r = await ingestEvents(view, body.events, { teamId }, true);
            if (!r.ok) throw new Refused(r.errors.map((e) => ({ ...e, path: `events${e.path}` })));
            out.events = r.items;
          }
          if (body.feedback) {
            const r = await ingestFeedback(view, body.feedback, { teamId }, true);
            if (!r.ok) throw new Refused(r.errors.map((e) => ({ ...e, path: `feedback${e.path}` })));
            out.feedback = r.items;
          }
        });
      } catch (err) {
        if (!(err instanceof Refused)) throw err;
        await forgetSighting(hub.db, scope, signature);
        return c.json({ errors: err.errors }, 400);
      }
      return c.json(out, 200);
    },
    forgetRefused(hub),
  );

  app.route('/api/v1/hooks', r);
}
