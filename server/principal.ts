// Who is calling: a user (agent, lead, admin) or an integration, as resolved from a bearer token
// (server/auth.ts). Its own file so the realtime bus can name it without importing the hub context.
export interface UserPrincipal {
  kind: 'user';
  id: string;
  name: string;
  email: string;
  role: 'agent' | 'lead' | 'admin';
  teamId: string | null;
  teamName: string | null;
  /** SHA-256 of the bearer token (revocation ends the streams opened with it). */
  tokenHash: string;
  /**
   * False for a device paired with a lead's pairing code: that session works for the agent but never reads
   * or writes the agent's private notes and pulse (only the agent's own sessions do).
   */
  privateAccess: boolean;
}
export interface IntegrationPrincipal {
  kind: 'integration';
  id: string;
  name: string;
  /** The team it writes into. Null (older, unscoped tokens): every request must name a team (Attune-Team). */
  teamId: string | null;
  tokenHash: string;
}
export type Principal = UserPrincipal | IntegrationPrincipal;
