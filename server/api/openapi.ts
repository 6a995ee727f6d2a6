// Every JSON route of the hub is an OpenAPIHono route: its zod schemas (lib/contract) validate the request and
// write the OpenAPI document served at /api/v1/openapi.json, so validation and documentation cannot drift
// (tests/hub/openapi-coverage.test.ts fails on a route registered without one).
import { createRoute, OpenAPIHono, type RouteConfig, type z } from '@hono/zod-openapi';
import { errorBodySchema } from '../../lib/contract/schemas';
import type { HubEnv } from '../context';
import { readJson } from './body';
import { issuesToErrors } from './errors';

export type HubApp = OpenAPIHono<HubEnv>;

export const OPENAPI_PATH = '/api/v1/openapi.json';

/**
 * A new route module (or the app itself). Invalid params, query or body answer `400 {errors: [{path,
 * message}]}` naming each field, as the hub always has; a route may pass its own hook to run first.
 */
export const hubApp = (): HubApp =>
  new OpenAPIHono<HubEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return c.json({ errors: issuesToErrors(result.error) }, 400);
    },
  });

/** A JSON response with its schema. */
export const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A required JSON request body with its schema. */
export const jsonBody = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { 'application/json': { schema } },
});

const ERRORS = {
  400: 'Invalid input: `{errors: [{path, message}]}` names each field',
  401: 'Missing, invalid or expired token (or signature)',
  403: 'Not allowed for this token or role',
  404: 'Not found (or not yours)',
  409: 'Conflict (a replayed webhook)',
  413: 'Request body too large',
  415: 'Content-Type is not application/json',
  429: 'Too many requests; see Retry-After',
  503: 'Not available (a setting is missing)',
} as const;
type ErrorStatus = keyof typeof ERRORS;
type ErrorResponse = { description: string; content: { 'application/json': { schema: typeof errorBodySchema } } };

/** The error answers a route declares; 401 and 413 come from the API's middleware (server/app.ts). */
export function errors<C extends ErrorStatus>(...codes: C[]): { [K in C]: ErrorResponse } {
  const out = {} as Record<C, ErrorResponse>;
  for (const code of codes) out[code] = json(errorBodySchema, ERRORS[code]);
  return out;
}

/**
 * createRoute for the hub: a route with a JSON body reads it first (`readJson`: 413 past the cap, 415 for
 * another Content-Type, 400 for malformed JSON or half a surrogate pair), after the route's own middleware
 * (role guards, idempotency), so the order of checks is token, role, body.
 */
export function hubRoute<R extends RouteConfig>(route: R): R {
  const own =
    route.middleware === undefined ? [] : Array.isArray(route.middleware) ? route.middleware : [route.middleware];
  const body = route.request?.body ? [readJson] : [];
  return createRoute({ ...route, middleware: [...own, ...body] }) as R;
}

/** Serves the OpenAPI 3.1 document generated from every route registered on `app` (call last). */
export function serveOpenApi(app: HubApp): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.doc31(OPENAPI_PATH, {
    openapi: '3.1.0',
    info: { title: 'Attune hub', version: '1' },
    security: [{ bearer: [] }],
  });
}

/** For routes that need no token (the document's default is the bearer token). */
export const noToken = { security: [] };
