// The contract (lib/contract/schemas.ts) against what a real hub answers (in-memory PGlite, demo seed): every
// response the extension reads parses, and every field the schemas name is really sent. The schemas are
// lenient (a missing optional field becomes null), so without the second check a field the hub renamed or
// dropped would silently read as "no value" in the panel.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { z } from 'zod';
import {
  feedbackItemSchema,
  feedbackPageSchema,
  kpiSchema,
  kpisResponseSchema,
  libraryResponseSchema,
  meSchema,
  pairSchema,
  profileSchema,
  requestSchema,
  requestsResponseSchema,
  targetsSchema,
  teamKpisSchema,
  teamMembersSchema,
  teamPulseSchema,
  teamRequestsSchema,
  teamTipsSchema,
  tipSchema,
  tipsPageSchema,
  userSchema,
} from '../../../lib/contract/schemas';
import { KPI_WINDOWS } from '../../../lib/contract/vocab';
import { type DemoCredentials, type RunningHub, startHub } from '../../../server/app';

// Starting and seeding a hub on PGlite takes seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let hub: RunningHub;
let demo: DemoCredentials;

beforeAll(async () => {
  hub = await startHub({ port: 0, host: '127.0.0.1', seedDemo: true, logLevel: 'silent' });
  if (!hub.demo) throw new Error('the hub did not seed demo credentials');
  demo = hub.demo;
});

afterAll(async () => {
  await hub?.close();
});

async function get(token: string | null, path: string, init: { method?: string; body?: unknown } = {}) {
  const res = await fetch(`${hub.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  expect(res.status, `${init.method ?? 'GET'} ${path}`).toBeLessThan(300);
  return (await res.json()) as unknown;
}

/** Every key the schema's object names is present in the hub's object (undefined counts as missing). */
function missingKeys(schema: z.ZodObject, raw: unknown): string[] {
  const obj = raw as Record<string, unknown>;
  return Object.keys(schema.shape).filter((k) => obj[k] === undefined);
}

const agentToken = () => demo.agents[0]?.token ?? '';

describe('the hub answers what lib/contract says', () => {
  test('GET /api/v1/me', async () => {
    const raw = await get(agentToken(), '/api/v1/me');
    expect(meSchema.safeParse(raw).success).toBe(true);
    const user = (raw as { user?: unknown }).user ?? raw;
    expect(missingKeys(userSchema, user)).toEqual([]);
  });

  test.each(KPI_WINDOWS)('GET /api/v1/me/kpis?window=%s', async (window) => {
    const raw = await get(agentToken(), `/api/v1/me/kpis?window=${window}`);
    const parsed = kpisResponseSchema.parse(raw);
    expect(parsed.window).toBe(window);
    expect(parsed.kpis.length).toBeGreaterThan(0);
    for (const kpi of (raw as { kpis: unknown[] }).kpis) expect(missingKeys(kpiSchema, kpi)).toEqual([]);
  });

  test('GET /api/v1/me/feedback', async () => {
    const raw = await get(agentToken(), '/api/v1/me/feedback?limit=50');
    const parsed = feedbackPageSchema.parse(raw);
    expect(parsed.items.length).toBeGreaterThan(0);
    expect(missingKeys(feedbackPageSchema, raw)).toEqual([]);
    const item = (raw as { items: unknown[] }).items[0];
    expect(missingKeys(feedbackItemSchema, item)).toEqual([]);
  });

  test('GET /api/v1/me/tips (with a tip from the lead)', async () => {
    const agent = demo.agents[0];
    if (!agent) throw new Error('no demo agent');
    await get(demo.lead.token, '/api/v1/tips', {
      method: 'POST',
      body: { agentId: agent.id, text: 'Summarise what you heard before solving.' },
    });
    const raw = await get(agentToken(), '/api/v1/me/tips?limit=50');
    const parsed = tipsPageSchema.parse(raw);
    expect(parsed.items.length).toBeGreaterThan(0);
    expect(missingKeys(tipSchema, (raw as { items: unknown[] }).items[0])).toEqual([]);
  });

  test('GET /api/v1/me/requests (after asking the lead)', async () => {
    const feedback = feedbackPageSchema.parse(await get(agentToken(), '/api/v1/me/feedback?limit=1'));
    const feedbackId = feedback.items[0]?.id;
    if (!feedbackId) throw new Error('the demo agent has no feedback');
    await get(agentToken(), '/api/v1/me/requests', {
      method: 'POST',
      body: { feedbackId, question: 'Was my apology too long here?' },
    });
    const raw = await get(agentToken(), '/api/v1/me/requests');
    const parsed = requestsResponseSchema.parse(raw);
    expect(parsed.items.length).toBeGreaterThan(0);
    expect(missingKeys(requestSchema, (raw as { items: unknown[] }).items[0])).toEqual([]);
  });

  test('GET /api/v1/me/library', async () => {
    const res = await fetch(`${hub.url}/api/v1/me/library`, { headers: { Authorization: `Bearer ${agentToken()}` } });
    // No team library yet is a 404 or an empty answer; either way what is sent must parse.
    if (res.status === 404) return;
    expect(libraryResponseSchema.safeParse(await res.json()).success).toBe(true);
  });

  test('POST /api/v1/pair with a code the lead made', async () => {
    const agent = demo.agents[0];
    if (!agent) throw new Error('no demo agent');
    const made = (await get(demo.lead.token, '/api/v1/team/pairing-codes', {
      method: 'POST',
      body: { agentId: agent.id },
    })) as { code: string };
    const raw = await get(null, '/api/v1/pair', { method: 'POST', body: { code: made.code } });
    expect(pairSchema.safeParse(raw).success).toBe(true);
    expect(missingKeys(userSchema, (raw as { user: unknown }).user)).toEqual([]);
  });

  // The lead's views are declared with these schemas in the hub's routes (and so in its OpenAPI document);
  // this proves the answers really have that shape. Runs after the tests above made a tip and a request.
  test.each([
    ['/api/v1/me', profileSchema],
    ['/api/v1/team/members', teamMembersSchema],
    ['/api/v1/team/kpis?window=30d', teamKpisSchema],
    ['/api/v1/team/tips', teamTipsSchema],
    ['/api/v1/team/requests', teamRequestsSchema],
    ['/api/v1/team/targets', targetsSchema],
    ['/api/v1/team/pulse', teamPulseSchema],
  ] as const)('lead: GET %s', async (path, schema) => {
    const raw = await get(demo.lead.token, path);
    const parsed = schema.safeParse(raw);
    expect(parsed.error?.issues ?? []).toEqual([]);
    const items = (raw as { items?: unknown[] }).items;
    if (items && path !== '/api/v1/team/targets' && path !== '/api/v1/team/pulse') {
      expect(items.length, path).toBeGreaterThan(0);
    }
  });
});
