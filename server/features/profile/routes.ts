// Who is calling: the signed-in user (`GET /me`) and, for a lead, the people of their team.
import { profileSchema, teamMembersSchema } from '../../../lib/contract/schemas';
import { errors, type HubApp, hubApp, hubRoute, json } from '../../api/openapi';
import { memberOf, notFound, requireLead, requireUser, userOf } from '../../api/util';

const me = hubRoute({
  method: 'get',
  path: '/me',
  summary: 'The signed-in user',
  middleware: requireUser,
  responses: { 200: json(profileSchema, 'The user'), ...errors(401, 403, 404) },
});

const members = hubRoute({
  method: 'get',
  path: '/team/members',
  summary: 'Team members',
  middleware: requireLead,
  responses: { 200: json(teamMembersSchema, "The lead's team"), ...errors(401, 403) },
});

export function profileRoutes(): HubApp {
  const r = hubApp();
  r.openapi(me, (c) => {
    const u = userOf(c);
    if (!u) return notFound(c);
    return c.json(
      {
        id: u.id,
        name: u.name,
        email: u.email,
        role: u.role,
        teamId: u.teamId,
        teamName: u.teamName,
        privateAccess: u.privateAccess,
      },
      200,
    );
  });

  r.openapi(members, async (c) => {
    const rows = await c
      .get('hub')
      .db.query<{ id: string; name: string; email: string; role: 'agent' | 'lead' | 'admin' }>(
        'SELECT id, name, email, role FROM users WHERE team_id = $1 ORDER BY role, name',
        [memberOf(c).teamId],
      );
    return c.json({ items: rows }, 200);
  });
  return r;
}
