// The hub API contract on PGlite and PostgreSQL: auth, the authorization matrix, validation, idempotency,
// batch all-or-nothing, delta sync, tips, requests, targets, library, pulse, pairing, CORS and OpenAPI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, createUser } from '../../server/admin';
import { BACKENDS, type World, answer, startWorld } from './_fixture';

describe.each(BACKENDS)('hub API on %s', (backend) => {
  let w: World;
  let tipA1 = '';
  let teamTipA = '';
  let feedbackA1 = '';
  let requestA1 = '';

  beforeAll(async () => {
    w = await startWorld(backend, 'api');
    const f = await w.call('POST', '/api/v1/feedback', w.ingestA, answer(w.agentA1.email));
    feedbackA1 = f.body.id;
    const t = await w.call('POST', '/api/v1/tips', w.leadA.token, { agentId: w.agentA1.id, text: 'Name the feeling.' });
    tipA1 = t.body.id;
    const tt = await w.call('POST', '/api/v1/tips', w.leadA.token, { teamId: w.teamA, text: 'Summarise first.' });
    teamTipA = tt.body.id;
    const r = await w.call('POST', '/api/v1/me/requests', w.agentA1.token, {
      feedbackId: feedbackA1,
      question: 'How?',
    });
    requestA1 = r.body.id;
  });
  afterAll(async () => {
    await w?.close();
  });

  it('creates the fixtures it relies on', () => {
    expect([feedbackA1, tipA1, teamTipA, requestA1].every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
  });

  it('rejects missing, malformed and unknown tokens with 401', async () => {
    for (const auth of [undefined, 'Bearer', 'Bearer nope-not-a-token', 'Basic abc', `Bearer ${w.agentA1.token}x`]) {
      const res = await fetch(`${w.url}/api/v1/me/kpis`, { headers: auth ? { Authorization: auth } : {} });
      expect(res.status, String(auth)).toBe(401);
      expect(await res.json()).toEqual({ error: expect.any(String) });
    }
  });

  // Every endpoint x role. 'ok' is the success status for the role; others must be refused.
  type Role = 'agent' | 'lead' | 'admin' | 'integration';
  const matrix: { method: string; path: () => string; body?: () => unknown; ok: Partial<Record<Role, number>> }[] = [
    { method: 'GET', path: () => '/api/v1/me', ok: { agent: 200, lead: 200, admin: 200 } },
    { method: 'GET', path: () => '/api/v1/me/kpis?window=7d', ok: { agent: 200, lead: 200 } },
    { method: 'GET', path: () => '/api/v1/me/feedback', ok: { agent: 200, lead: 200 } },
    { method: 'GET', path: () => '/api/v1/me/tips', ok: { agent: 200, lead: 200 } },
    { method: 'GET', path: () => '/api/v1/me/requests', ok: { agent: 200, lead: 200 } },
    { method: 'GET', path: () => '/api/v1/me/library', ok: { agent: 200, lead: 200 } },
    {
      method: 'POST',
      path: () => '/api/v1/me/pulse',
      body: () => ({ date: '2026-06-15', mood: 4 }),
      ok: { agent: 200, lead: 200 },
    },
    {
      method: 'POST',
      path: () => '/api/v1/me/reply-flags',
      body: () => ({
        site: 'rt',
        ticketId: '1',
        channel: 'email',
        behaviors: ['apology'],
        sentAt: '2026-06-15T09:00:00Z',
      }),
      ok: { agent: 201, lead: 201 },
    },
    {
      method: 'POST',
      path: () => '/api/v1/feedback',
      body: () => answer('agent.a1@example.test'),
      ok: { integration: 201 },
    },
    {
      method: 'POST',
      path: () => '/api/v1/feedback/batch',
      body: () => [answer('agent.a1@example.test')],
      ok: { integration: 201 },
    },
    {
      method: 'POST',
      path: () => '/api/v1/events',
      body: () => ({
        externalId: `m-${Math.random()}`,
        contactId: 'mx',
        type: 'created',
        at: '2026-06-15T08:00:00Z',
        channel: 'chat',
      }),
      ok: { integration: 201 },
    },
    {
      method: 'POST',
      path: () => '/api/v1/tips',
      body: () => ({ teamId: w.teamA, text: 'Hi team' }),
      ok: { lead: 201 },
    },
    { method: 'GET', path: () => '/api/v1/team/members', ok: { lead: 200 } },
    { method: 'GET', path: () => '/api/v1/team/kpis', ok: { lead: 200 } },
    { method: 'GET', path: () => '/api/v1/team/tips', ok: { lead: 200 } },
    { method: 'GET', path: () => '/api/v1/team/requests', ok: { lead: 200 } },
    { method: 'GET', path: () => '/api/v1/team/targets', ok: { lead: 200 } },
    {
      method: 'PUT',
      path: () => '/api/v1/team/targets',
      body: () => ({ kpi: 'csat', channel: null, value: 80 }),
      ok: { lead: 200 },
    },
    { method: 'GET', path: () => '/api/v1/team/pulse', ok: { lead: 200 } },
    {
      method: 'PUT',
      path: () => '/api/v1/team/library',
      body: () => ({ id: 'l', name: 'L', phrases: [] }),
      ok: { lead: 200 },
    },
    {
      method: 'POST',
      path: () => '/api/v1/team/pairing-codes',
      body: () => ({ agentId: w.agentA1.id }),
      ok: { lead: 201 },
    },
    {
      method: 'POST',
      path: () => `/api/v1/team/requests/${requestA1}/answer`,
      body: () => ({ answer: 'Like this.' }),
      ok: { lead: 200 },
    },
    { method: 'POST', path: () => `/api/v1/tips/${teamTipA}/ack`, body: () => ({}), ok: { agent: 200, lead: 200 } },
    {
      method: 'POST',
      path: () => `/api/v1/me/feedback/${feedbackA1}/state`,
      body: () => ({ reviewed: true }),
      // the lead is a team member, but the item is the agent's own: 404, not 403
      ok: { agent: 200, lead: 404 },
    },
  ];
  const roles: Role[] = ['agent', 'lead', 'admin', 'integration'];
  const tokenOf = (r: Role) =>
    ({ agent: w.agentA1.token, lead: w.leadA.token, admin: w.admin.token, integration: w.ingestA })[r];

  it.each(matrix.map((m, i) => [i, m] as const))('authorization matrix row %i', async (_i, m) => {
    const anon = await w.call(m.method, m.path(), null, m.body?.());
    expect(anon.status).toBe(401);
    for (const role of roles) {
      const res = await w.call(m.method, m.path(), tokenOf(role), m.body?.());
      // Not listed: the wrong role gets 403.
      expect(res.status, `${m.method} ${m.path()} as ${role}: ${JSON.stringify(res.body)}`).toBe(m.ok[role] ?? 403);
    }
  });

  it('never shows one agent another agent’s feedback, tips or requests', async () => {
    const other = await w.call('GET', '/api/v1/me/feedback', w.agentA2.token);
    expect(other.body.items.map((i: { id: string }) => i.id)).not.toContain(feedbackA1);
    const tips = await w.call('GET', '/api/v1/me/tips', w.agentA2.token);
    const ids = tips.body.items.map((t: { id: string }) => t.id);
    expect(ids).toContain(teamTipA);
    expect(ids).not.toContain(tipA1);
    const reqs = await w.call('GET', '/api/v1/me/requests', w.agentA2.token);
    expect(reqs.body.items).toEqual([]);
    const tipsB = await w.call('GET', '/api/v1/me/tips', w.agentB1.token);
    expect(tipsB.body.items).toEqual([]);
  });

  it.each([
    ['another agent acks a personal tip', () => ['POST', `/api/v1/tips/${tipA1}/ack`, w.agentA2.token, {}]],
    ['another team acks a team tip', () => ['POST', `/api/v1/tips/${teamTipA}/ack`, w.agentB1.token, {}]],
    [
      'another agent marks feedback',
      () => ['POST', `/api/v1/me/feedback/${feedbackA1}/state`, w.agentA2.token, { reviewed: true }],
    ],
    [
      'another team marks feedback',
      () => ['POST', `/api/v1/me/feedback/${feedbackA1}/state`, w.agentB1.token, { note: 'x' }],
    ],
    [
      'another agent asks about it',
      () => ['POST', '/api/v1/me/requests', w.agentA2.token, { feedbackId: feedbackA1, question: '?' }],
    ],
    [
      'a lead tips another team’s agent',
      () => ['POST', '/api/v1/tips', w.leadB.token, { agentId: w.agentA1.id, text: 'x' }],
    ],
    ['a lead tips another team', () => ['POST', '/api/v1/tips', w.leadB.token, { teamId: w.teamA, text: 'x' }]],
    [
      'a lead links another team’s feedback',
      () => ['POST', '/api/v1/tips', w.leadB.token, { teamId: w.teamB, text: 'x', feedbackId: feedbackA1 }],
    ],
    [
      'a lead answers another team’s request',
      () => ['POST', `/api/v1/team/requests/${requestA1}/answer`, w.leadB.token, { answer: 'x' }],
    ],
    [
      'a lead pairs another team’s agent',
      () => ['POST', '/api/v1/team/pairing-codes', w.leadB.token, { agentId: w.agentA1.id }],
    ],
    ['an unknown tip', () => ['POST', '/api/v1/tips/does-not-exist/ack', w.agentA1.token, {}]],
  ] as const)('answers 404 when %s (never leaks existence)', async (_name, args) => {
    const [method, path, token, body] = args() as [string, string, string, unknown];
    const res = await w.call(method, path, token, body);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'not found' });
  });

  it('a lead sees only their own team', async () => {
    const kpisB = await w.call('GET', '/api/v1/team/kpis?window=30d', w.leadB.token);
    expect(kpisB.body.agents.map((a: { id: string }) => a.id)).toEqual([w.agentB1.id]);
    const tipsB = await w.call('GET', '/api/v1/team/tips', w.leadB.token);
    expect(tipsB.body.items).toEqual([]);
    const reqB = await w.call('GET', '/api/v1/team/requests', w.leadB.token);
    expect(reqB.body.items).toEqual([]);
    const members = await w.call('GET', '/api/v1/team/members', w.leadB.token);
    expect(members.body.items.map((m: { id: string }) => m.id).sort()).toEqual([w.agentB1.id, w.leadB.id].sort());
  });

  it('an integration can only send data for agents of its own team', async () => {
    const before = await w.count('feedback');
    const res = await w.call('POST', '/api/v1/feedback', w.ingestB, answer(w.agentA1.email));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'agent', message: 'unknown agent' }]);
    expect(await w.count('feedback')).toBe(before);
  });

  it('keeps the agent’s private note out of every lead endpoint', async () => {
    const secret = `private-reflection-${Date.now()}`;
    const s = await w.call('POST', `/api/v1/me/feedback/${feedbackA1}/state`, w.agentA1.token, { note: secret });
    expect(s.status).toBe(200);
    expect(s.body.note).toBe(secret);
    for (const path of [
      '/team/kpis',
      '/team/tips',
      '/team/requests',
      '/team/members',
      '/team/targets',
      '/team/pulse',
    ]) {
      const res = await w.call('GET', `/api/v1${path}`, w.leadA.token);
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain(secret);
    }
  });

  it.each([
    ['missing externalId', { externalId: undefined }, 'externalId'],
    ['rating out of range', { empathy: 6 }, 'empathy'],
    ['fractional rating', { csat: 4.5 }, 'csat'],
    ['nps above 10', { nps: 11 }, 'nps'],
    ['unknown channel', { channel: 'fax' }, 'channel'],
    ['bad timestamp', { answeredAt: 'yesterday' }, 'answeredAt'],
    ['timestamp out of range', { answeredAt: '1900-01-01T00:00:00Z' }, 'answeredAt'],
    ['agent without email or id', { agent: { name: 'x' } }, 'agent'],
    ['NUL in externalId', { externalId: 'a\u0000b' }, 'externalId'],
    ['control character in caseType', { caseType: 'billing\nx' }, 'caseType'],
    ['javascript ticket URL', { ticketUrl: 'javascript:alert(1)' }, 'ticketUrl'],
    [
      'nothing answered',
      { empathy: undefined, csat: undefined, clarity: undefined, nps: undefined, comment: undefined },
      'empathy',
    ],
  ])('rejects feedback with %s (400 with path, nothing stored)', async (_name, over, path) => {
    const before = await w.count('feedback');
    const res = await w.call('POST', '/api/v1/feedback', w.ingestA, answer(w.agentA1.email, over));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await w.count('feedback')).toBe(before);
  });

  it('accepts helpdesk categories as case types, in any language', async () => {
    for (const caseType of ['Billing/Invoice', 'Leverans – försenad', 'Tekniikka (sovellus)']) {
      const res = await w.call('POST', '/api/v1/feedback', w.ingestA, answer(w.agentA2.email, { caseType }));
      expect(res.status, caseType).toBe(201);
    }
  });

  it('rejects a body that is not JSON with 400', async () => {
    const res = await w.call('POST', '/api/v1/feedback', w.ingestA, '{"externalId": ');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/JSON/);
  });

  it('refuses a body of another media type, or none, with a clear 4xx and stores nothing', async () => {
    const before = await w.count('feedback');
    const body = JSON.stringify(answer(w.agentA2.email));
    const form = await w.call('POST', '/api/v1/feedback', w.ingestA, body, {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    expect(form.body).toEqual({ error: 'Content-Type must be application/json' });
    const empty = await w.call('POST', '/api/v1/feedback', w.ingestA, '');
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].path).toBe('');
    expect(await w.count('feedback')).toBe(before);
  });

  it('stores hostile text verbatim (NUL dropped) and returns it as data', async () => {
    const comment = '<script>alert(1)</script>\u202E Hej <img src=x onerror=alert(2)> \u0000end';
    const res = await w.call('POST', '/api/v1/feedback', w.ingestA, answer(w.agentA2.email, { comment }));
    expect(res.status).toBe(201);
    const page = await w.call('GET', '/api/v1/me/feedback?limit=1000', w.agentA2.token);
    const item = page.body.items.find((i: { id: string }) => i.id === res.body.id);
    expect(item.comment).toBe(comment.replace('\u0000', ''));
  });

  it('deduplicates by externalId: 201 then 200 {duplicate: true} with the same id', async () => {
    const body = answer(w.agentA1.email);
    const first = await w.call('POST', '/api/v1/feedback', w.ingestA, body);
    const again = await w.call('POST', '/api/v1/feedback', w.ingestA, { ...body, csat: 1 });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id: first.body.id, duplicate: true });
  });

  it('stores a batch all or nothing', async () => {
    const before = await w.count('feedback');
    const bad = await w.call('POST', '/api/v1/feedback/batch', w.ingestA, [
      answer(w.agentA1.email),
      answer(w.agentA1.email, { csat: 0 }),
      answer('nobody@example.test'),
    ]);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['[1].csat']);
    const unknown = await w.call('POST', '/api/v1/feedback/batch', w.ingestA, [
      answer(w.agentA1.email),
      answer('nobody@example.test'),
    ]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: '[1].agent', message: 'unknown agent' }]);
    expect(await w.count('feedback')).toBe(before);

    const a = answer(w.agentA1.email);
    const ok = await w.call('POST', '/api/v1/feedback/batch', w.ingestA, [a, answer(w.agentA2.email), a]);
    expect(ok.status).toBe(201);
    expect(ok.body.inserted).toBe(2);
    expect(ok.body.items[2]).toEqual({ externalId: a.externalId, id: ok.body.items[0].id, duplicate: true });
    expect(await w.count('feedback')).toBe(before + 2);
    const tooMany = await w.call(
      'POST',
      '/api/v1/feedback/batch',
      w.ingestA,
      Array.from({ length: 1001 }, () => answer(w.agentA1.email)),
    );
    expect(tooMany.status).toBe(400);
  });

  it('delta-syncs feedback with an opaque cursor: pages, catch-up, changed items reappear', async () => {
    const agent = await createUser(w.hub.db, {
      name: 'Sync',
      email: `sync-${backend}@example.test`,
      role: 'agent',
      teamId: w.teamA,
    });
    const token = await createToken(w.hub.db, { userId: agent.id });
    await w.call(
      'POST',
      '/api/v1/feedback/batch',
      w.ingestA,
      Array.from({ length: 5 }, () => answer(agent.email)),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 4; i++) {
      const page = await w.call('GET', `/api/v1/me/feedback?limit=2${cursor ? `&cursor=${cursor}` : ''}`, token);
      expect(page.status).toBe(200);
      expect(typeof page.body.cursor).toBe('string');
      seen.push(...page.body.items.map((x: { id: string }) => x.id));
      cursor = page.body.cursor;
      if (page.body.items.length < 2) break;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    const empty = await w.call('GET', `/api/v1/me/feedback?limit=2&cursor=${cursor}`, token);
    expect(empty.body).toEqual({ items: [], removed: [], cursor });
    await w.call('POST', `/api/v1/me/feedback/${seen[1]}/state`, token, { reviewed: true });
    const changed = await w.call('GET', `/api/v1/me/feedback?cursor=${cursor}`, token);
    expect(changed.body.items.map((x: { id: string; reviewed: boolean }) => [x.id, x.reviewed])).toEqual([
      [seen[1], true],
    ]);
    const bad = await w.call('GET', '/api/v1/me/feedback?cursor=not-a-cursor', token);
    expect(bad.status).toBe(400);
  });

  it('replays an Idempotency-Key with the first response and changes nothing', async () => {
    const key = { 'Idempotency-Key': `k-${backend}-1` };
    const first = await w.call(
      'POST',
      `/api/v1/tips/${tipA1}/ack`,
      w.agentA1.token,
      { comment: 'first', useful: true },
      key,
    );
    const replay = await w.call(
      'POST',
      `/api/v1/tips/${tipA1}/ack`,
      w.agentA1.token,
      { comment: 'second', useful: false },
      key,
    );
    expect(first.status).toBe(200);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    const tips = await w.call('GET', '/api/v1/me/tips', w.agentA1.token);
    const tip = tips.body.items.find((t: { id: string }) => t.id === tipA1);
    expect(tip.ack).toMatchObject({ comment: 'first', useful: true });

    const reqKey = { 'Idempotency-Key': `k-${backend}-2` };
    const before = await w.count('requests');
    const r1 = await w.call(
      'POST',
      '/api/v1/me/requests',
      w.agentA1.token,
      { feedbackId: feedbackA1, question: 'Q1' },
      reqKey,
    );
    const r2 = await w.call(
      'POST',
      '/api/v1/me/requests',
      w.agentA1.token,
      { feedbackId: feedbackA1, question: 'Q1' },
      reqKey,
    );
    expect(r1.status).toBe(201);
    expect(r2.body).toEqual(r1.body);
    // Naturally idempotent too: the same question without a key does not create a second request.
    const r3 = await w.call('POST', '/api/v1/me/requests', w.agentA1.token, { feedbackId: feedbackA1, question: 'Q1' });
    expect(r3.body).toEqual(r1.body);
    expect(await w.count('requests')).toBe(before + 1);
  });

  it('stores reply flags once, also without ticket id or channel', async () => {
    const flags = {
      site: 'demo',
      ticketId: null,
      channel: null,
      behaviors: ['acknowledge', 'solution'],
      sentAt: '2026-06-15T09:30:00Z',
    };
    const before = await w.count('reply_flags');
    expect((await w.call('POST', '/api/v1/me/reply-flags', w.agentA2.token, flags)).status).toBe(201);
    expect((await w.call('POST', '/api/v1/me/reply-flags', w.agentA2.token, flags)).status).toBe(201);
    expect(await w.count('reply_flags')).toBe(before + 1);
    const text = await w.call('POST', '/api/v1/me/reply-flags', w.agentA2.token, {
      ...flags,
      behaviors: ['I am so sorry'],
    });
    expect(text.status).toBe(400);
  });

  it('carries tips and acks between lead and agents', async () => {
    const t = await w.call('POST', '/api/v1/tips', w.leadA.token, {
      agentId: w.agentA2.id,
      text: 'Try restating the problem.',
      kpi: 'empathy',
      due: '2026-06-30',
    });
    expect(t.status).toBe(201);
    expect(t.body).toMatchObject({ agentId: w.agentA2.id, teamId: null, kpi: 'empathy', due: '2026-06-30', ack: null });
    expect(t.body.author).toEqual({ id: w.leadA.id, name: 'Lead A' });
    const ack = await w.call('POST', `/api/v1/tips/${t.body.id}/ack`, w.agentA2.token, {
      comment: 'Will do',
      useful: true,
    });
    expect(ack.body.ack).toMatchObject({ comment: 'Will do', useful: true });
    const team = await w.call('GET', '/api/v1/team/tips', w.leadA.token);
    const seen = team.body.items.find((x: { id: string }) => x.id === t.body.id);
    expect(seen.acks).toEqual([
      { agentId: w.agentA2.id, name: 'Agent A2', at: expect.any(String), comment: 'Will do', useful: true },
    ]);
    const bad = await w.call('POST', '/api/v1/tips', w.leadA.token, {
      agentId: w.agentA2.id,
      teamId: w.teamA,
      text: 'x',
    });
    expect(bad.status).toBe(400);
  });

  it('answers "ask my lead" requests', async () => {
    const res = await w.call('POST', `/api/v1/team/requests/${requestA1}/answer`, w.leadA.token, {
      answer: 'Open with thanks.',
    });
    expect(res.status).toBe(200);
    const mine = await w.call('GET', '/api/v1/me/requests', w.agentA1.token);
    expect(mine.body.items.find((r: { id: string }) => r.id === requestA1)).toMatchObject({
      feedbackId: feedbackA1,
      answer: 'Open with thanks.',
      answeredAt: expect.any(String),
    });
  });

  it('sets targets that show up in the agent’s KPIs', async () => {
    expect(
      (await w.call('PUT', '/api/v1/team/targets', w.leadA.token, { kpi: 'empathy', channel: null, value: 4.5 }))
        .status,
    ).toBe(200);
    await w.call('PUT', '/api/v1/team/targets', w.leadA.token, { kpi: 'empathy', channel: 'chat', value: 4.6 });
    const list = await w.call('GET', '/api/v1/team/targets', w.leadA.token);
    expect(list.body.items).toEqual(
      expect.arrayContaining([
        { kpi: 'empathy', channel: null, value: 4.5 },
        { kpi: 'empathy', channel: 'chat', value: 4.6 },
      ]),
    );
    const k = await w.call('GET', '/api/v1/me/kpis?window=30d', w.agentA1.token);
    expect(k.body.kpis.find((x: { key: string }) => x.key === 'empathy').target).toBe(4.5);
    const bad = await w.call('PUT', '/api/v1/team/targets', w.leadA.token, {
      kpi: 'happiness',
      channel: null,
      value: 1,
    });
    expect(bad.status).toBe(400);
  });

  it('shares the team phrase library, validated', async () => {
    const lib = {
      id: 'team-lib',
      name: 'Stockholm phrases',
      phrases: [{ id: 'p1', lang: 'sv', kind: 'apology', text: 'Förlåt att du fick vänta.' }],
    };
    const put = await w.call('PUT', '/api/v1/team/library', w.leadA.token, lib);
    expect(put.status).toBe(200);
    const got = await w.call('GET', '/api/v1/me/library', w.agentA1.token);
    expect(got.body).toMatchObject({ ...lib, version: put.body.version });
    const other = await w.call('GET', '/api/v1/me/library', w.agentB1.token);
    expect(other.body.phrases).toEqual([]);
    const tooMany = { ...lib, phrases: Array.from({ length: 501 }, (_, i) => ({ ...lib.phrases[0], id: `p${i}` })) };
    expect((await w.call('PUT', '/api/v1/team/library', w.leadA.token, tooMany)).status).toBe(400);
    expect(
      (
        await w.call('PUT', '/api/v1/team/library', w.leadA.token, {
          ...lib,
          phrases: [{ id: 'x', lang: 'de', kind: 'apology', text: 'x' }],
        })
      ).status,
    ).toBe(400);
  });

  it('shows pulse aggregates only for days where at least 5 agents answered', async () => {
    const tokens = [w.agentA1.token, w.agentA2.token];
    for (let i = 0; i < 3; i++) {
      const u = await createUser(w.hub.db, {
        name: `P${i}`,
        email: `p${i}-${backend}@example.test`,
        role: 'agent',
        teamId: w.teamA,
      });
      tokens.push(await createToken(w.hub.db, { userId: u.id }));
    }
    // Each day is answered on that day (closed days take no answers, see tests/hub/privacy.test.ts).
    w.clock.now = new Date('2026-06-10T12:00:00Z');
    for (const [i, t] of tokens.slice(0, 4).entries())
      expect((await w.call('POST', '/api/v1/me/pulse', t, { date: '2026-06-10', mood: i + 1 })).status).toBe(200);
    w.clock.now = new Date('2026-06-11T12:00:00Z');
    for (const t of tokens) await w.call('POST', '/api/v1/me/pulse', t, { date: '2026-06-11', mood: 2 });
    // last answer of the day wins
    await w.call('POST', '/api/v1/me/pulse', tokens[0] as string, { date: '2026-06-11', mood: 5 });
    w.clock.now = new Date('2026-06-15T12:00:00Z');
    const res = await w.call('GET', '/api/v1/team/pulse', w.leadA.token);
    expect(res.body.items).toEqual(
      expect.arrayContaining([
        { date: '2026-06-10', suppressed: true },
        { date: '2026-06-11', n: 5, mean: 2.6 },
      ]),
    );
    expect((await w.call('POST', '/api/v1/me/pulse', w.agentA1.token, { date: '2026-06-11', mood: 6 })).status).toBe(
      400,
    );
  });

  it('pairs a device with a single-use, expiring code', async () => {
    const code = await w.call('POST', '/api/v1/team/pairing-codes', w.leadA.token, { agentId: w.agentA2.id });
    expect(code.body.code).toMatch(/^[A-Z]{4}-\d{4}$/);
    const paired = await w.call('POST', '/api/v1/pair', null, { code: code.body.code.toLowerCase() });
    expect(paired.status).toBe(200);
    expect(paired.body.user).toMatchObject({ id: w.agentA2.id, role: 'agent', teamId: w.teamA, teamName: 'Team A' });
    const me = await w.call('GET', '/api/v1/me', paired.body.token);
    expect(me.body.id).toBe(w.agentA2.id);
    expect((await w.call('POST', '/api/v1/pair', null, { code: code.body.code })).status).toBe(400);
    const late = await w.call('POST', '/api/v1/team/pairing-codes', w.leadA.token, { agentId: w.agentA2.id });
    w.clock.now = new Date(w.clock.now.getTime() + 11 * 60_000);
    expect((await w.call('POST', '/api/v1/pair', null, { code: late.body.code })).status).toBe(400);
    w.clock.now = new Date('2026-06-15T12:00:00Z');
  });

  it('rate-limits pairing attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await w.call('POST', '/api/v1/pair', null, { code: 'ZZZZ-0000' })).status);
    expect(statuses).toContain(429);
  });

  it('allows any origin on /api/v1 (preflight and responses)', async () => {
    const pre = await fetch(`${w.url}/api/v1/me/kpis`, {
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://abc', 'Access-Control-Request-Method': 'GET' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/Authorization.*Content-Type.*Idempotency-Key/);
    const get = await w.call('GET', '/api/v1/me', null);
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('serves /healthz and an OpenAPI 3.1 document generated from the schemas', async () => {
    expect((await w.call('GET', '/healthz', null)).body).toMatchObject({ ok: true, db: backend });
    const doc = await w.call('GET', '/api/v1/openapi.json', null);
    expect(doc.body.openapi).toBe('3.1.0');
    const schema = doc.body.paths['/api/v1/feedback'].post.requestBody.content['application/json'].schema;
    expect(schema.properties.empathy).toMatchObject({ type: 'integer', minimum: 1, maximum: 5 });
    expect(doc.body.paths['/api/v1/tips/{id}/ack'].post.parameters.map((p: { name: string }) => p.name)).toContain(
      'Idempotency-Key',
    );
  });
});
