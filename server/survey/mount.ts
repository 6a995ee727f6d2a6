// Wires the feedback sources into the hub (listed once in app.ts `mountRoutes`): the public survey pages
// at /s and the link-minting endpoint under /api/v1. Settings come from the environment so `serve` and
// tests need no extra flags:
//   ATTUNE_PUBLIC_URL          base URL put in survey links (required unless the hub listens on loopback only)
//   ATTUNE_SURVEY_SECRET       signing secret (default: generated once and kept in the database)
//   ATTUNE_SURVEY_RATE_LIMIT   requests per minute and IP on /s/* (default 60; shared by hubs on one database)
//   ATTUNE_TRUST_PROXY         proxies in front of the hub, by count or address list (server/client-ip.ts)
import type { HubApp } from '../api/openapi';
import { trustProxyFromEnv } from '../client-ip';
import type { HubContext } from '../context';
import { surveyLinkRoutes, surveyPageRoutes } from './routes';
import { helpdeskLinkRoutes } from './helpdesk-links';

function envInt(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function mountSurvey(app: HubApp, hub: HubContext): void {
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
