// The OpenAPI document the hub serves is generated from its routes (server/api/openapi.ts). A route registered
// without a schema (plain `app.get/post` instead of `openapi(createRoute(…))`) is served but not described,
// and fails here; so does a JSON body route whose request body or a route whose answers are not declared.
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_PATH } from '../../server/api/openapi';
import { createApp, openHub } from '../../server/app';
import type { HubContext } from '../../server/context';

/** Served routes that are not JSON API, each with the reason. */
const NOT_JSON = new Map([
  // The hosted survey: HTML pages for customers, answered by form posts (server/survey/routes.ts).
  ['get /s/{token}', 'survey page (HTML)'],
  ['post /s/{token}', 'survey form post (application/x-www-form-urlencoded, answers HTML)'],
  // Helpdesk placeholder links that redirect to a survey page (server/survey/helpdesk-links.ts).
  ['get /s/z/{slug}/{ticket}', 'Zendesk survey link (redirect to an HTML page)'],
  ['get /s/f/{slug}/{ticket}', 'Freshdesk survey link (redirect to an HTML page)'],
  // The document itself.
  [`get ${OPENAPI_PATH}`, 'the OpenAPI document'],
]);

/** POST routes that take no body. */
const NO_BODY = new Set(['post /api/v1/me/pairing-codes']);

type Operation = { requestBody?: unknown; responses?: Record<string, { content?: unknown }> };
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

const served = (app: { routes: { method: string; path: string }[] }) =>
  new Set(
    app.routes
      .filter((r) => r.method !== 'ALL') // middleware (auth, body cap, CORS) and catch-alls, not endpoints
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`),
  );

const describedIn = (doc: Document) =>
  new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)));

/** Served routes the document does not describe (and that are not on the NOT_JSON list). */
const undescribed = (routes: Set<string>, doc: Document) => {
  const described = describedIn(doc);
  return [...routes].filter((r) => !described.has(r) && !NOT_JSON.has(r)).sort();
};

let hub: HubContext;
let app: ReturnType<typeof createApp>;
let doc: Document;

beforeAll(async () => {
  hub = await openHub({ logLevel: 'silent' });
  app = createApp(hub, new AbortController().signal);
  // The document as the hub serves it, without a token.
  const res = await app.request(OPENAPI_PATH);
  expect(res.status).toBe(200);
  doc = (await res.json()) as Document;
});

afterAll(async () => {
  hub?.kpis.stop();
  hub?.realtime.stop();
  await hub?.db.close();
});

describe('the OpenAPI document is generated from the served routes', () => {
  it('serves a 3.1 document describing the whole API (the route listing itself works)', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(served(app).size).toBeGreaterThan(30);
    expect(describedIn(doc)).toContain('post /api/v1/feedback');
    expect(describedIn(doc)).toContain('post /api/v1/hooks/{integration}');
    expect(describedIn(doc)).toContain('post /api/v1/survey-links');
  });

  it('describes every served route except the listed non-JSON ones', () => {
    expect(undescribed(served(app), doc)).toEqual([]);
  });

  it('describes only served routes, and every listed exception is still served', () => {
    const routes = served(app);
    expect([...describedIn(doc)].filter((op) => !routes.has(op))).toEqual([]);
    expect([...NOT_JSON.keys()].filter((op) => !routes.has(op))).toEqual([]);
  });

  it('declares the request body of every POST and PUT, and a response schema for every operation', () => {
    const noBody: string[] = [];
    const noResponse: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const key = `${method} ${path}`;
        if ((method === 'post' || method === 'put') && !op.requestBody && !NO_BODY.has(key)) noBody.push(key);
        const success = Object.entries(op.responses ?? {}).filter(([status]) => status.startsWith('2'));
        if (success.length === 0 || success.some(([, r]) => !r.content)) noResponse.push(key);
      }
    }
    expect(noBody).toEqual([]);
    expect(noResponse).toEqual([]);
  });

  it('the check finds a route added without a schema (positive control)', () => {
    const extra = new OpenAPIHono();
    extra.get('/api/v1/undocumented', (c) => c.json({}));
    extra.post('/api/v1/feedback', (c) => c.json({}));
    expect(undescribed(served(extra), doc)).toEqual(['get /api/v1/undocumented']);
  });
});
