// Survey answers in the hub. The first answer goes through the hub's own ingestion (validation, dedupe by
// externalId, fair attribution, stream events); the one response per contact and agent is that feedback
// row. A later visit within 24 hours of the first answer amends the same row (new change seq, so delta
// sync and the stream carry the new state); after that the answer is final.
import { randomBytes } from 'node:crypto';
import type { HubContext } from '../context';
import { getOrInitState } from '../connectors/state';
import { FEED_LOCK, ingestFeedback, rebuildAnswerDaily } from '../ingest';
import { feedbackIn } from '../../lib/contract/requests';
import { issuesToErrors } from '../api/errors';
import type { SurveyAnswers } from './page';
import { AMEND_WINDOW_SECONDS, MAX_TOKEN_LENGTH, type SurveyClaims, signSurveyToken, surveyExternalId } from './token';
import type { SurveyChannel, SurveyLang } from './token';

/** The hub's survey signing secret: ATTUNE_SURVEY_SECRET if set, else one generated and kept in the database. */
export async function surveySecret(hub: Pick<HubContext, 'db'>, override?: string): Promise<string> {
  const fromEnv = override ?? process.env.ATTUNE_SURVEY_SECRET;
  if (fromEnv && fromEnv.length >= 16) return fromEnv;
  return getOrInitState(hub.db, 'survey.secret', () => randomBytes(32).toString('base64url'));
}

export interface StoredAnswer {
  feedbackId: string;
  answers: SurveyAnswers;
  firstAnsweredAt: Date;
  amendUntil: Date;
}

/** The team a link's answer belongs to: the one it was minted in, else (older links) the agent's team. */
export async function claimsTeam(hub: Pick<HubContext, 'db'>, claims: SurveyClaims): Promise<string | null> {
  if (claims.teamId) return claims.teamId;
  const rows = await hub.db.query<{ team_id: string | null }>('SELECT team_id FROM users WHERE id = $1', [
    claims.agentId,
  ]);
  return rows[0]?.team_id ?? null;
}

export async function findAnswer(hub: Pick<HubContext, 'db'>, claims: SurveyClaims): Promise<StoredAnswer | null> {
  const teamId = await claimsTeam(hub, claims);
  if (!teamId) return null;
  const rows = await hub.db.query<{
    id: string;
    empathy: number | null;
    csat: number | null;
    clarity: number | null;
    nps: number | null;
    comment: string | null;
    answered_at: Date | string;
  }>(
    'SELECT id, empathy, csat, clarity, nps, comment, answered_at FROM feedback WHERE team_id = $2 AND external_id = $1',
    [surveyExternalId(claims), teamId],
  );
  const r = rows[0];
  if (!r) return null;
  // answered_at of a survey row is the hub's clock at the first answer.
  const first = new Date(r.answered_at);
  const answers: SurveyAnswers = {};
  if (r.empathy != null) answers.empathy = r.empathy;
  if (r.csat != null) answers.csat = r.csat;
  if (r.clarity != null) answers.clarity = r.clarity;
  if (r.nps != null) answers.nps = r.nps;
  if (r.comment) answers.comment = r.comment;
  return {
    feedbackId: r.id,
    answers,
    firstAnsweredAt: first,
    amendUntil: new Date(first.getTime() + AMEND_WINDOW_SECONDS * 1000),
  };
}

export type RecordResult =
  | { status: 'created' | 'amended'; answer: StoredAnswer }
  | { status: 'closed'; answer: StoredAnswer }
  | { status: 'rejected'; errors: { path: string; message: string }[] };

/**
 * Records answers for a verified token. `merge` (one-click links) changes only the given questions;
 * `replace` (the posted form, which shows every current answer) makes the answer exactly what was sent.
 */
export async function recordAnswer(
  hub: HubContext,
  claims: SurveyClaims,
  answers: SurveyAnswers,
  mode: 'merge' | 'replace',
): Promise<RecordResult> {
  const existing = await findAnswer(hub, claims);
  if (!existing) {
    const candidate = feedbackIn.safeParse({
      externalId: surveyExternalId(claims),
      contactId: claims.contactId,
      agent: { id: claims.agentId },
      channel: claims.channel,
      ...(claims.caseType ? { caseType: claims.caseType } : {}),
      answeredAt: hub.now().toISOString(),
      lang: claims.lang,
      ...answers,
    });
    if (!candidate.success) return { status: 'rejected', errors: issuesToErrors(candidate.error) };
    const teamId = await claimsTeam(hub, claims);
    if (!teamId) return { status: 'rejected', errors: [{ path: 'agent', message: 'unknown agent' }] };
    // The answer lands in the link's team, for an agent of that team only (ingest resolves the agent there).
    const res = await ingestFeedback(hub, [candidate.data], { teamId }, false);
    if (!res.ok) return { status: 'rejected', errors: res.errors };
    const stored = await findAnswer(hub, claims);
    if (!stored) return { status: 'rejected', errors: [{ path: '', message: 'answer not stored' }] };
    // A concurrent first visit won the insert: ours becomes an amendment of it.
    if (res.items[0]?.duplicate) return amend(hub, claims, stored, answers, mode);
    return { status: 'created', answer: stored };
  }
  return amend(hub, claims, existing, answers, mode);
}

async function amend(
  hub: HubContext,
  claims: SurveyClaims,
  existing: StoredAnswer,
  answers: SurveyAnswers,
  mode: 'merge' | 'replace',
): Promise<RecordResult> {
  if (hub.now().getTime() >= existing.amendUntil.getTime()) return { status: 'closed', answer: existing };
  const next: SurveyAnswers = mode === 'merge' ? { ...existing.answers, ...answers } : { ...answers };
  const check = feedbackIn.safeParse({
    externalId: surveyExternalId(claims),
    contactId: claims.contactId,
    agent: { id: claims.agentId },
    channel: claims.channel,
    answeredAt: existing.firstAnsweredAt.toISOString(),
    ...next,
  });
  if (!check.success) return { status: 'rejected', errors: issuesToErrors(check.error) };
  const f = check.data;
  const changed = await hub.db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock($1)', [FEED_LOCK]);
    const rows = await q.query<{ agent_id: string; team_id: string; day: string }>(
      `UPDATE feedback SET empathy = $2, csat = $3, clarity = $4, nps = $5, comment = $6,
         seq = nextval('change_seq'), updated_at = now()
       WHERE id = $1 AND (empathy IS DISTINCT FROM $2 OR csat IS DISTINCT FROM $3 OR clarity IS DISTINCT FROM $4
         OR nps IS DISTINCT FROM $5 OR comment IS DISTINCT FROM $6)
       RETURNING agent_id, team_id, (answered_at AT TIME ZONE 'UTC')::date::text AS day`,
      [existing.feedbackId, f.empathy ?? null, f.csat ?? null, f.clarity ?? null, f.nps ?? null, f.comment ?? null],
    );
    await rebuildAnswerDaily(q, rows);
    return rows[0] ?? null;
  });
  if (changed) await hub.realtime.publish({ t: 'feedback', agents: [changed.agent_id], teams: [changed.team_id] });
  return { status: 'amended', answer: { ...existing, answers: next } };
}

export interface MintInput {
  contactId: string;
  agent: { id: string } | { email: string };
  lang?: SurveyLang;
  channel?: SurveyChannel;
  caseType?: string;
  ttlSeconds?: number;
}

export type MintResult =
  | { ok: true; url: string; token: string; expiresAt: string; agentId: string }
  | { ok: false; errors: { path: string; message: string }[] };

/**
 * Mints a survey link for an agent of `teamId`; the link carries the team, so its answer is stored in that
 * team. `teamId: null` is for the trusted CLI only: the agent's own team.
 */
export async function mintSurveyLink(
  hub: HubContext,
  input: MintInput,
  opts: { baseUrl: string; teamId: string | null; secret: string },
): Promise<MintResult> {
  const ref = 'id' in input.agent ? input.agent.id : input.agent.email;
  const rows = await hub.db.query<{ id: string; team_id: string }>(
    `SELECT id, team_id FROM users WHERE (id = $1 OR lower(email) = lower($1)) AND team_id IS NOT NULL
       AND role IN ('agent', 'lead') AND ($2::text IS NULL OR team_id = $2)`,
    [ref, opts.teamId],
  );
  const agentId = rows[0]?.id;
  const teamId = rows[0]?.team_id;
  if (!agentId || !teamId) return { ok: false, errors: [{ path: 'agent', message: 'unknown agent' }] };
  const { token, claims } = signSurveyToken(
    {
      contactId: input.contactId,
      agentId,
      teamId,
      ...(input.lang ? { lang: input.lang } : {}),
      ...(input.channel ? { channel: input.channel } : {}),
      ...(input.caseType ? { caseType: input.caseType } : {}),
      ...(input.ttlSeconds ? { ttlSeconds: input.ttlSeconds } : {}),
    },
    opts.secret,
    hub.now(),
  );
  // The page refuses longer tokens; a contact id that escapes into a long JSON string must fail here, not
  // in the customer's browser.
  if (token.length > MAX_TOKEN_LENGTH) {
    return { ok: false, errors: [{ path: 'contactId', message: 'too long for a survey link' }] };
  }
  return {
    ok: true,
    url: `${opts.baseUrl.replace(/\/+$/, '')}/s/${token}`,
    token,
    expiresAt: new Date(claims.exp * 1000).toISOString(),
    agentId,
  };
}

/** The agent's first name for the empathy question (untrusted text: the page escapes it). */
export async function agentFirstName(hub: Pick<HubContext, 'db'>, agentId: string): Promise<string | undefined> {
  const rows = await hub.db.query<{ name: string }>('SELECT name FROM users WHERE id = $1', [agentId]);
  const name = rows[0]?.name.trim();
  return name ? name.split(/\s+/)[0] : undefined;
}
