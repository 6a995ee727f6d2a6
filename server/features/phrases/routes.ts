// The team's phrase library: agents read it (the coach suggests from it), a lead replaces it.
import { phraseLibrary } from '../../../lib/contract/requests';
import { phraseLibrarySchema } from '../../../lib/contract/schemas';
import { errors, type HubApp, hubApp, hubRoute, json, jsonBody } from '../../api/openapi';
import { memberOf, requireLead, requireMember } from '../../api/util';
import type { PhraseLibrary } from '../../../lib/empathy/types';

const read = hubRoute({
  method: 'get',
  path: '/me/library',
  summary: 'The team phrase library',
  middleware: requireMember,
  responses: {
    200: json(phraseLibrarySchema, 'The library (version 0 and no phrases: none yet)'),
    ...errors(401, 403),
  },
});

const replace = hubRoute({
  method: 'put',
  path: '/team/library',
  summary: 'Replace the team phrase library',
  middleware: requireLead,
  request: { body: jsonBody(phraseLibrary) },
  responses: {
    200: json(phraseLibrarySchema, 'The stored library and its new version'),
    ...errors(400, 401, 403, 413, 415),
  },
});

export function phraseRoutes(): HubApp {
  const r = hubApp();
  r.openapi(read, async (c) => {
    const u = memberOf(c);
    const rows = await c
      .get('hub')
      .db.query<{ library: PhraseLibrary | null; library_version: number; name: string }>(
        'SELECT library, library_version, name FROM teams WHERE id = $1',
        [u.teamId],
      );
    const t = rows[0];
    if (!t?.library) return c.json({ id: `team-${u.teamId}`, name: t?.name ?? '', version: 0, phrases: [] }, 200);
    return c.json({ ...t.library, version: t.library_version }, 200);
  });

  r.openapi(replace, async (c) => {
    const body = c.req.valid('json');
    const lead = memberOf(c);
    const hub = c.get('hub');
    const rows = await hub.db.query<{ library_version: number }>(
      `UPDATE teams SET library = $2::jsonb, library_version = library_version + 1 WHERE id = $1
       RETURNING library_version`,
      [lead.teamId, JSON.stringify(body)],
    );
    const version = rows[0]?.library_version ?? 0;
    await hub.realtime.publish({ t: 'library', teamId: lead.teamId, version });
    return c.json({ ...body, version }, 200);
  });
  return r;
}
