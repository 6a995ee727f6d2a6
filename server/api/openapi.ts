// OpenAPI 3.1 document generated from the zod schemas the routes validate with.
import { z } from 'zod';
import * as s from '../schemas';

type Op = {
  method: 'get' | 'post' | 'put';
  path: string;
  summary: string;
  auth: 'none' | 'integration' | 'member' | 'lead' | 'user';
  body?: z.ZodType;
  query?: Record<string, z.ZodType>;
  idempotent?: boolean;
};

const windowQ = { window: s.kpiWindow };
const pageQ = { cursor: z.string(), limit: z.number().int().min(1).max(1000) };

export const OPERATIONS: Op[] = [
  { method: 'get', path: '/healthz', summary: 'Liveness and database check', auth: 'none' },
  {
    method: 'post',
    path: '/api/v1/feedback',
    summary: 'Ingest one survey answer',
    auth: 'integration',
    body: s.feedbackIn,
  },
  {
    method: 'post',
    path: '/api/v1/feedback/batch',
    summary: 'Ingest up to 1,000 answers, all or nothing',
    auth: 'integration',
    body: s.feedbackBatchIn,
  },
  {
    method: 'post',
    path: '/api/v1/events',
    summary: 'Ingest helpdesk events (single or batch)',
    auth: 'integration',
    body: s.eventsIn,
  },
  { method: 'get', path: '/api/v1/me', summary: 'The signed-in user', auth: 'user' },
  { method: 'get', path: '/api/v1/me/kpis', summary: "The agent's KPIs", auth: 'member', query: windowQ },
  {
    method: 'get',
    path: '/api/v1/me/feedback',
    summary: 'Delta sync of the agent’s feedback',
    auth: 'member',
    query: pageQ,
  },
  {
    method: 'post',
    path: '/api/v1/me/feedback/{id}/state',
    summary: 'Mark reviewed / private note',
    auth: 'member',
    body: s.feedbackStateIn,
    idempotent: true,
  },
  { method: 'get', path: '/api/v1/me/tips', summary: 'Delta sync of the agent’s tips', auth: 'member', query: pageQ },
  {
    method: 'post',
    path: '/api/v1/tips/{id}/ack',
    summary: 'Acknowledge a tip',
    auth: 'member',
    body: s.tipAckIn,
    idempotent: true,
  },
  {
    method: 'post',
    path: '/api/v1/me/requests',
    summary: 'Ask my lead about a feedback item',
    auth: 'member',
    body: s.requestIn,
    idempotent: true,
  },
  { method: 'get', path: '/api/v1/me/requests', summary: 'My questions to my lead', auth: 'member' },
  {
    method: 'post',
    path: '/api/v1/me/pulse',
    summary: 'Daily well-being check-in (private)',
    auth: 'member',
    body: s.pulseIn,
    idempotent: true,
  },
  {
    method: 'post',
    path: '/api/v1/me/reply-flags',
    summary: 'Behaviour flags of a sent reply (never text)',
    auth: 'member',
    body: s.replyFlagsIn,
    idempotent: true,
  },
  { method: 'get', path: '/api/v1/me/library', summary: 'The team phrase library', auth: 'member' },
  {
    method: 'get',
    path: '/api/v1/stream',
    summary: 'Server-sent events: tip, feedback, kpis, library, request',
    auth: 'user',
  },
  { method: 'post', path: '/api/v1/tips', summary: 'Create a coaching tip', auth: 'lead', body: s.tipIn },
  { method: 'get', path: '/api/v1/team/members', summary: 'Team members', auth: 'lead' },
  { method: 'get', path: '/api/v1/team/kpis', summary: 'Team and per-agent KPIs', auth: 'lead', query: windowQ },
  { method: 'get', path: '/api/v1/team/tips', summary: 'Team tips with acknowledgements', auth: 'lead' },
  { method: 'get', path: '/api/v1/team/requests', summary: 'Agents’ questions', auth: 'lead' },
  {
    method: 'post',
    path: '/api/v1/team/requests/{id}/answer',
    summary: 'Answer a question',
    auth: 'lead',
    body: s.requestAnswerIn,
  },
  { method: 'get', path: '/api/v1/team/targets', summary: 'KPI targets', auth: 'lead' },
  { method: 'put', path: '/api/v1/team/targets', summary: 'Set or clear a KPI target', auth: 'lead', body: s.targetIn },
  { method: 'get', path: '/api/v1/team/pulse', summary: 'Pulse aggregates (days with ≥ 5 answers only)', auth: 'lead' },
  {
    method: 'put',
    path: '/api/v1/team/library',
    summary: 'Replace the team phrase library',
    auth: 'lead',
    body: s.phraseLibrary,
  },
  {
    method: 'post',
    path: '/api/v1/team/pairing-codes',
    summary: 'One-time pairing code for an agent',
    auth: 'lead',
    body: s.pairingCodeIn,
  },
  {
    method: 'post',
    path: '/api/v1/me/pairing-codes',
    summary: "One-time pairing code for another device of the caller's own (full access)",
    auth: 'member',
  },
  {
    method: 'post',
    path: '/api/v1/pair',
    summary: 'Exchange a pairing code for a token',
    auth: 'none',
    body: s.pairIn,
  },
];

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

const errorSchema = {
  oneOf: [
    { type: 'object', properties: { error: { type: 'string' } }, required: ['error'] },
    {
      type: 'object',
      properties: {
        errors: {
          type: 'array',
          items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
        },
      },
      required: ['errors'],
    },
  ],
};

export function openApiDocument(extra: Op[] = []) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of [...OPERATIONS, ...extra]) {
    const params: unknown[] = [];
    for (const m of op.path.matchAll(/\{(\w+)\}/g))
      params.push({ name: m[1], in: 'path', required: true, schema: { type: 'string' } });
    for (const [name, schema] of Object.entries(op.query ?? {}))
      params.push({ name, in: 'query', required: false, schema: jsonSchema(schema) });
    if (op.idempotent)
      params.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        schema: { type: 'string', maxLength: 200 },
      });
    paths[op.path] ??= {};
    (paths[op.path] as Record<string, unknown>)[op.method] = {
      summary: op.summary,
      ...(op.auth === 'none' ? { security: [] } : { description: `Requires a ${op.auth} token.` }),
      ...(params.length ? { parameters: params } : {}),
      ...(op.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } } }
        : {}),
      responses: {
        '200': { description: 'OK' },
        '400': { description: 'Invalid input', content: { 'application/json': { schema: errorSchema } } },
        '401': { description: 'Missing or invalid token' },
        '403': { description: 'Wrong role' },
        '404': { description: 'Not found (or not yours)' },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Attune hub', version: '1' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
