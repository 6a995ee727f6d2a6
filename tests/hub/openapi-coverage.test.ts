// Every route the hub serves under /api/v1 (and /healthz) is described in the OpenAPI document, and every
// described operation is served: a new route without a schema, or a schema left behind by a removed route,
// fails here. Survey and helpdesk-link pages under /s are HTML for customers, not API, and are listed apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../server/api/openapi';
import { createApp, openHub } from '../../server/app';
import type { HubContext } from '../../server/context';

const HTML_PAGES = new Set([
  'get /s/{token}',
  'post /s/{token}',
  'get /s/z/{slug}/{ticket}',
  'get /s/f/{slug}/{ticket}',
]);
/** The document describing itself. */
const SELF = 'get /api/v1/openapi.json';

let hub: HubContext;
let served: Set<string>;

beforeAll(async () => {
  hub = await openHub({ logLevel: 'silent' });
  const app = createApp(hub, new AbortController().signal);
  served = new Set(
    app.routes
      .filter((r) => r.method !== 'ALL') // middleware (auth, body cap, CORS), not endpoints
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`),
  );
});

afterAll(async () => {
  hub?.kpis.stop();
  hub?.realtime.stop();
  await hub?.db.close();
});

describe('OpenAPI covers the served routes', () => {
  it('serves a sensible number of routes (the route listing itself works)', () => {
    expect(served.size).toBeGreaterThan(20);
    expect(served).toContain('post /api/v1/feedback');
  });

  it('describes every served API route', () => {
    const described = new Set(OPERATIONS.map((o) => `${o.method} ${o.path}`));
    const missing = [...served].filter((r) => !described.has(r) && !HTML_PAGES.has(r) && r !== SELF);
    expect(missing).toEqual([]);
  });

  it('serves every described operation', () => {
    const stale = OPERATIONS.map((o) => `${o.method} ${o.path}`).filter((op) => !served.has(op));
    expect(stale).toEqual([]);
  });
});
