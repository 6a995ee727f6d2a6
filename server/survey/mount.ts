// Wires the feedback sources into the hub (listed once in app.ts `mountRoutes`): the public survey pages
// at /s and the link-minting endpoint under /api/v1. Settings come from the environment so `serve` and
// tests need no extra flags:
//   ATTUNE_PUBLIC_URL          base URL put in survey links (required unless the hub listens on loopback only)
//   ATTUNE_SURVEY_SECRET       signing secret (default: generated once and kept in the database)
//   ATTUNE_SURVEY_RATE_LIMIT   requests per minute and IP on /s/* (default 60; shared by hubs on one database)
//   ATTUNE_TRUST_PROXY         proxies in front of the hub, by count or address list (server/client-ip.ts)
import type { Hono } from 'hono';
import { OPERATIONS } from '../api/openapi';
import { trustProxyFromEnv } from '../client-ip';
import type { HubContext, HubEnv } from '../context';
import { surveyLinkIn, surveyLinkRoutes, surveyPageRoutes } from './routes';
import { helpdeskLinkRoutes } from './helpdesk-links';

function envInt(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function mountSurvey(app: Hono<HubEnv>, hub: HubContext): void {
  // Listed in /api/v1/openapi.json next to the core API (once, however many hubs a process starts).
  if (!OPERATIONS.some((op) => op.path === '/api/v1/survey-links')) {
    OPERATIONS.push({
      method: 'post',
      path: '/api/v1/survey-links',
      summary: 'Mint a signed survey link for a contact and agent (integration, lead or admin)',
      auth: 'integration',
      body: surveyLinkIn,
    });
  }
  // Helpdesk links (/s/z/…, /s/f/…) first: the hosted pages answer every other /s/* path.
  app.route('/s', helpdeskLinkRoutes(hub, { rateLimitPerMinute: envInt('ATTUNE_SURVEY_RATE_LIMIT', 60) }));
  app.route(
    '/s',
    surveyPageRoutes(hub, {
      rateLimitPerMinute: envInt('ATTUNE_SURVEY_RATE_LIMIT', 60),
      trustProxy: trustProxyFromEnv(),
    }),
  );
  app.route('/api/v1', surveyLinkRoutes());
}
