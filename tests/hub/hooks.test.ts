// Signed webhooks and helpdesk survey links over HTTP against a running hub, on PGlite and PostgreSQL:
//   - POST /api/v1/hooks/:integration (Stripe-style `t=…,v1=…` over `t.body`): accepted, idempotent by
//     externalId; bad signature, tampered body, stale timestamp → 401; replay → 409; nothing stored on any.
//   - POST /api/v1/hooks/zendesk/:slug (Zendesk's base64 HMAC of timestamp+body): same rules; the same
//     comment pulled later is a duplicate.
//   - /s/z/<slug>/<ticket>?sig=… links: only for a synced, solved ticket of the connector's team, within the
//     window, once per contact (a second answer amends).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntegration } from '../../server/admin';
import { type ConnectorConfig, linkSignature, saveConnector, getSecrets } from '../../server/connectors/hooks/registry';
import { rotateHookSecret } from '../../server/connectors/hooks/routes';
import { signAttune, signZendesk } from '../../server/connectors/hooks/signature';
import { storePage } from '../../server/connectors/hooks/store';
import { BACKENDS, event, startWorld, type World } from './_fixture';

describe.each(BACKENDS)('signed webhooks and helpdesk links (%s)', (backend) => {
  let w: World;
  let integration: string;
  let secret: string;
  const nowSec = () => Math.floor(w.clock.now.getTime() / 1000);

  beforeAll(async () => {
    w = await startWorld(backend, 'hooks');
    integration = (await createIntegration(w.hub.db, 'helpscout', w.teamA)).id;
    secret = await rotateHookSecret(w.hub, integration);
  });
  afterAll(async () => {
    await w?.close();
  });

  const post = (path: string, body: string, headers: Record<string, string>) =>
    w.call('POST', path, null, body, { 'Content-Type': 'application/json', ...headers });
  const signed = (body: unknown, t = nowSec(), key = secret) => {
    const raw = JSON.stringify(body);
    return post(`/api/v1/hooks/${integration}`, raw, { 'Attune-Signature': signAttune(key, raw, t) });
  };

  it('accepts a signed delivery of events and feedback, idempotent by externalId', async () => {
    const e1 = event('hs:1', 'created', '2026-06-15T09:00:00Z');
    const e2 = event('hs:1', 'agent_reply', '2026-06-15T09:10:00Z', { agent: { email: w.agentA1.email } });
    const fb = {
      externalId: 'hs:fb:1',
      contactId: 'hs:1',
      agent: { email: w.agentA2.email },
      channel: 'chat',
      answeredAt: '2026-06-15T10:00:00Z',
      csat: 4,
    };
    const r = await signed({ events: [e1, e2], feedback: [fb] });
    expect(r.status).toBe(200);
    expect(r.body.events.map((x: { duplicate: boolean }) => x.duplicate)).toEqual([false, false]);
    expect(r.body.feedback[0].duplicate).toBe(false);
    const row = await w.hub.db.query<{ agent_id: string }>(
      `SELECT agent_id FROM feedback WHERE external_id = 'hs:fb:1'`,
    );
    // Fair attribution as on /api/v1/feedback: A1 wrote the last reply before the answer.
    expect(row[0]?.agent_id).toBe(w.agentA1.id);
    // A new delivery (new signature) of the same items: duplicates, nothing new.
    w.clock.now = new Date(w.clock.now.getTime() + 1000);
    const again = await signed({ events: [e1], feedback: [fb] });
    expect(again.status).toBe(200);
    expect(again.body.events[0].duplicate).toBe(true);
    expect(again.body.feedback[0].duplicate).toBe(true);
  });

  it('refuses bad signatures, tampered bodies and stale timestamps (401) and replays (409); stores nothing', async () => {
    const before = [await w.count('events'), await w.count('feedback')];
    const body = { events: [event('hs:2', 'created', '2026-06-15T09:00:00Z')] };
    const raw = JSON.stringify(body);
    const t = nowSec();
    const header = signAttune(secret, raw, t);
    const path = `/api/v1/hooks/${integration}`;
    expect((await post(path, raw, {})).status).toBe(401);
    expect((await post(path, raw, { 'Attune-Signature': signAttune('whsec_wrong', raw, t) })).status).toBe(401);
    expect((await post(path, raw.replace('hs:2', 'hs:3'), { 'Attune-Signature': header })).status).toBe(401);
    expect((await post(path, raw, { 'Attune-Signature': signAttune(secret, raw, t - 301) })).status).toBe(401);
    expect((await post(path, raw, { 'Attune-Signature': signAttune(secret, raw, t + 301) })).status).toBe(401);
    expect((await post(path, raw, { 'Attune-Signature': 'garbage' })).status).toBe(401);
    expect((await post('/api/v1/hooks/no-such-integration', raw, { 'Attune-Signature': header })).status).toBe(401);
    expect([await w.count('events'), await w.count('feedback')]).toEqual(before);
    const first = await post(path, raw, { 'Attune-Signature': header });
    expect(first.status).toBe(200);
    const replay = await post(path, raw, { 'Attune-Signature': header });
    expect(replay.status).toBe(409);
    expect(await w.count('events')).toBe((before[0] as number) + 1);
  });

  it('a delivery with one bad item stores none of it (400), and may then be sent again', async () => {
    const before = await w.count('events');
    const body = {
      events: [event('hs:4', 'created', '2026-06-15T09:00:00Z')],
      feedback: [
        {
          externalId: 'hs:fb:4',
          contactId: 'hs:4',
          agent: { email: w.agentB1.email }, // another team's agent
          channel: 'email',
          answeredAt: '2026-06-15T10:00:00Z',
          csat: 5,
        },
      ],
    };
    const raw = JSON.stringify(body);
    const header = signAttune(secret, raw, nowSec());
    const r = await post(`/api/v1/hooks/${integration}`, raw, { 'Attune-Signature': header });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].path).toMatch(/^feedback/);
    expect(await w.count('events')).toBe(before);
    expect(
      (
        await post(`/api/v1/hooks/${integration}`, '{"events": []}', {
          'Attune-Signature': signAttune(secret, '{"events": []}', nowSec()),
        })
      ).status,
    ).toBe(400);
    // Refused deliveries are not remembered as seen: the sender's retry is judged again (400, not 409).
    expect((await post(`/api/v1/hooks/${integration}`, raw, { 'Attune-Signature': header })).status).toBe(400);
  });

  it('a signed body of another media type is 415 (after the signature) and its retry as JSON is stored', async () => {
    const raw = JSON.stringify({ events: [event('hs:5', 'created', '2026-06-15T09:00:00Z')] });
    const header = signAttune(secret, raw, nowSec());
    const asText = await post(`/api/v1/hooks/${integration}`, raw, {
      'Attune-Signature': header,
      'Content-Type': 'text/plain',
    });
    expect(asText.status).toBe(415);
    expect(asText.body).toEqual({ error: 'Content-Type must be application/json' });
    // The same delivery unsigned is refused by its signature first.
    expect((await post(`/api/v1/hooks/${integration}`, raw, { 'Content-Type': 'text/plain' })).status).toBe(401);
    const retry = await post(`/api/v1/hooks/${integration}`, raw, { 'Attune-Signature': header });
    expect(retry.status).toBe(200);
    expect(retry.body.events[0].duplicate).toBe(false);
  });

  it('an integration without a team has no hook (403)', async () => {
    const loose = (await createIntegration(w.hub.db, 'loose', null)).id;
    const s = await rotateHookSecret(w.hub, loose);
    const raw = JSON.stringify({ events: [event('hs:5', 'created', '2026-06-15T09:00:00Z')] });
    const r = await post(`/api/v1/hooks/${loose}`, raw, { 'Attune-Signature': signAttune(s, raw, nowSec()) });
    expect(r.status).toBe(403);
  });

  describe('Zendesk webhooks and survey links', () => {
    const zsecret = 'dGhpc19pc19hX3plbmRlc2tfc2lnbmluZ19zZWNyZXQ=';
    let cfg: ConnectorConfig;
    beforeAll(async () => {
      cfg = {
        slug: 'acme-zd',
        kind: 'zendesk',
        teamId: w.teamA,
        site: 'acme',
        baseUrl: 'https://acme.zendesk.com',
        email: 'bot@acme.test',
        tokenEnv: 'UNUSED',
        surveyWindowDays: 7,
        createdAt: new Date().toISOString(),
      };
      await saveConnector(w.hub.db, cfg, { webhookSecret: zsecret });
      // The pull has seen agent 7001 (webhooks carry only ids).
      await w.hub.db.query(`INSERT INTO source_state (key, value) VALUES ('connector:acme-zd:agents', $1::jsonb)`, [
        JSON.stringify({ '7001': w.agentA1.email }),
      ]);
    });

    // Body shape from https://developer.zendesk.com/api-reference/webhooks/event-types/ticket-events/
    const zBody = (type: string, ticket: number, ev: unknown, id: string) => ({
      account_id: 22129848,
      detail: {
        actor_id: '7001',
        assignee_id: '7001',
        brand_id: '1',
        created_at: '2026-06-15T08:00:00Z',
        id: String(ticket),
        status: 'OPEN',
        subject: 'Late order',
        via: { channel: 'email' },
        requester_id: '9001',
      },
      event: ev,
      id,
      subject: `zen:ticket:${ticket}`,
      time: '2026-06-15T09:30:00.123456789Z',
      type: `zen:event-type:${type}`,
      zendesk_event_version: '2022-11-06',
    });
    const zpost = (body: unknown, ts = new Date(w.clock.now).toISOString().replace(/\.\d+Z$/, 'Z'), key = zsecret) => {
      const raw = JSON.stringify(body);
      return post(`/api/v1/hooks/zendesk/${cfg.slug}`, raw, {
        'X-Zendesk-Webhook-Signature': signZendesk(key, raw, ts),
        'X-Zendesk-Webhook-Signature-Timestamp': ts,
      });
    };

    it('stores a verified comment webhook once; replays 409, stale or wrongly signed 401', async () => {
      const body = zBody(
        'ticket.comment_added',
        501,
        {
          comment: {
            id: '88001',
            body: 'On its way',
            is_public: true,
            author: { id: '7001', is_staff: true, name: 'A1' },
          },
        },
        'c3b0f1a2-0001',
      );
      const ts = new Date(w.clock.now).toISOString().replace(/\.\d+Z$/, 'Z');
      const ok = await zpost(body, ts);
      expect(ok.status).toBe(200);
      expect(ok.body.stored).toBe(1);
      const ev = await w.hub.db.query<{ type: string; agent_id: string }>(
        `SELECT type, agent_id FROM events WHERE external_id = 'zendesk:acme:c:88001'`,
      );
      expect(ev).toEqual([{ type: 'agent_reply', agent_id: w.agentA1.id }]);
      expect((await zpost(body, ts)).status).toBe(409);
      const stale = new Date(w.clock.now.getTime() - 10 * 60_000).toISOString();
      expect((await zpost({ ...body, id: 'x2' }, stale)).status).toBe(401);
      expect((await zpost({ ...body, id: 'x3' }, undefined, 'bm90IHRoZSBzZWNyZXQ=')).status).toBe(401);
      // Private comments are not replies; the same comment pulled later is a duplicate.
      const priv = zBody(
        'ticket.comment_added',
        501,
        { comment: { id: '88002', is_public: false, author: { id: '7001', is_staff: true } } },
        'c3b0f1a2-0002',
      );
      expect((await zpost(priv)).body.stored).toBe(0);
      const pulled = await storePage(
        w.hub,
        w.teamA,
        {
          events: [
            {
              externalId: 'zendesk:acme:c:88001',
              contactId: 'zendesk:acme:501',
              type: 'agent_reply',
              at: '2026-06-15T09:30:00Z',
              channel: 'email',
            },
          ],
        },
        null,
      );
      expect(pulled.duplicates).toBe(1);
    });

    it('maps created, solved, reopened and assignment webhooks; ignores other types; a bad body is 400', async () => {
      const sent = [
        zBody('ticket.created', 502, {}, 'w-1'),
        zBody('ticket.agent_assignment_changed', 502, { current: '7001', previous: null }, 'w-2'),
        zBody('ticket.status_changed', 502, { current: 'SOLVED', previous: 'OPEN' }, 'w-3'),
        zBody('ticket.status_changed', 502, { current: 'OPEN', previous: 'SOLVED' }, 'w-4'),
        zBody('ticket.status_changed', 502, { current: 'CLOSED', previous: 'SOLVED' }, 'w-5'),
        zBody('ticket.priority_changed', 502, { current: 'HIGH', previous: 'LOW' }, 'w-6'),
      ];
      for (const b of sent) expect((await zpost(b)).status).toBe(200);
      const ev = await w.hub.db.query<{ type: string; agent_id: string | null }>(
        `SELECT type, agent_id FROM events WHERE contact_id = 'zendesk:acme:502' ORDER BY external_id`,
      );
      expect(ev.map((e) => e.type).sort()).toEqual(['assigned', 'created', 'reopened', 'resolved']);
      expect(ev.find((e) => e.type === 'assigned')?.agent_id).toBe(w.agentA1.id);
      const before = await w.count('events');
      expect((await zpost({ hello: 'world' })).status).toBe(400);
      const ts = new Date(w.clock.now).toISOString();
      const notJson = await post(`/api/v1/hooks/zendesk/${cfg.slug}`, '{"type":', {
        'X-Zendesk-Webhook-Signature': signZendesk(zsecret, '{"type":', ts),
        'X-Zendesk-Webhook-Signature-Timestamp': ts,
      });
      expect(notJson.status).toBe(400);
      expect(await w.count('events')).toBe(before);
      // An unknown connector answers like a bad signature.
      const raw = JSON.stringify(sent[0]);
      const unknown = await post('/api/v1/hooks/zendesk/no-such-connector', raw, {
        'X-Zendesk-Webhook-Signature': signZendesk(zsecret, raw, ts),
        'X-Zendesk-Webhook-Signature-Timestamp': ts,
      });
      expect(unknown.status).toBe(401);
    });

    const solve = async (ticket: number, at: string) => {
      const contactId = `zendesk:acme:${ticket}`;
      await storePage(
        w.hub,
        w.teamA,
        {
          events: [
            { externalId: `t${ticket}:c`, contactId, type: 'created', at: '2026-06-14T08:00:00Z', channel: 'email' },
            {
              externalId: `t${ticket}:r`,
              contactId,
              type: 'agent_reply',
              at: '2026-06-14T09:00:00Z',
              channel: 'email',
              agentEmail: w.agentA2.email,
            },
            { externalId: `t${ticket}:s`, contactId, type: 'resolved', at, channel: 'email' },
          ],
        },
        null,
      );
    };

    it('a helpdesk link opens the survey for a solved ticket of the team, once per contact', async () => {
      const secrets = await getSecrets(w.hub.db, cfg.slug);
      const sig = linkSignature(secrets?.linkKey as string, 'zendesk', cfg.slug);
      await solve(601, '2026-06-14T10:00:00Z');
      const open = await fetch(`${w.url}/s/z/${cfg.slug}/601?sig=${sig}&csat=5`, { redirect: 'manual' });
      expect(open.status).toBe(303);
      const to = open.headers.get('location') as string;
      expect(to).toMatch(/^\/s\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\?csat=5$/);
      const survey = await fetch(`${w.url}${to}`);
      expect(survey.status).toBe(200);
      const rows = () =>
        w.hub.db.query<{ agent_id: string; csat: number }>(
          `SELECT agent_id, csat FROM feedback WHERE contact_id = 'zendesk:acme:601'`,
        );
      expect(await rows()).toEqual([{ agent_id: w.agentA2.id, csat: 5 }]);
      // A second visit (even after a new reply by someone else) amends the same answer.
      await storePage(
        w.hub,
        w.teamA,
        {
          events: [
            {
              externalId: 't601:r2',
              contactId: 'zendesk:acme:601',
              type: 'agent_reply',
              at: '2026-06-14T09:30:00Z',
              channel: 'email',
              agentEmail: w.agentA1.email,
            },
          ],
        },
        null,
      );
      const second = await fetch(`${w.url}/s/z/${cfg.slug}/601?sig=${sig}&csat=2`, { redirect: 'manual' });
      await fetch(`${w.url}${second.headers.get('location')}`);
      const after = await rows();
      expect(after).toHaveLength(1);
      expect(after[0]?.csat).toBe(2);
    });

    it('refuses bad signatures, unknown, unsolved, reopened and expired tickets, and other kinds', async () => {
      const secrets = await getSecrets(w.hub.db, cfg.slug);
      const sig = linkSignature(secrets?.linkKey as string, 'zendesk', cfg.slug);
      const status = async (path: string) => (await fetch(`${w.url}${path}`, { redirect: 'manual' })).status;
      await solve(602, '2026-06-14T10:00:00Z');
      expect(await status(`/s/z/${cfg.slug}/602?sig=${sig.slice(0, -2)}xx`)).toBe(404);
      expect(await status(`/s/f/${cfg.slug}/602?sig=${sig}`)).toBe(404);
      expect(await status(`/s/z/${cfg.slug}/999999?sig=${sig}`)).toBe(404);
      expect(await status(`/s/z/${cfg.slug}/abc?sig=${sig}`)).toBe(404);
      // Reopened after solving: not solved now.
      await storePage(
        w.hub,
        w.teamA,
        {
          events: [
            {
              externalId: 't602:o',
              contactId: 'zendesk:acme:602',
              type: 'reopened',
              at: '2026-06-14T11:00:00Z',
              channel: 'email',
            },
          ],
        },
        null,
      );
      expect(await status(`/s/z/${cfg.slug}/602?sig=${sig}`)).toBe(404);
      // Solved longer ago than the window (7 days before the hub's clock, 2026-06-15T12:00Z).
      await solve(603, '2026-06-08T11:00:00Z');
      expect(await status(`/s/z/${cfg.slug}/603?sig=${sig}`)).toBe(410);
      await solve(604, '2026-06-08T13:00:00Z');
      expect(await status(`/s/z/${cfg.slug}/604?sig=${sig}`)).toBe(303);
      // The same ticket number synced into team B is not the connector's contact.
      await storePage(
        w.hub,
        w.teamB,
        {
          events: [
            {
              externalId: 'b605:s',
              contactId: 'zendesk:acme:605',
              type: 'resolved',
              at: '2026-06-14T10:00:00Z',
              channel: 'email',
              agentEmail: w.agentB1.email,
            },
          ],
        },
        null,
      );
      expect(await status(`/s/z/${cfg.slug}/605?sig=${sig}`)).toBe(404);
    });
  });
});
