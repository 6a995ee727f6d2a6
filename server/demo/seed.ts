// Demo data for `npm start` / `serve --demo`: one team in Stockholm, a lead, three agents and 90 days of
// contacts with helpdesk events and survey answers (chat and email, five case types, English and Swedish
// comments, some unhappy). Deterministic: a seeded PRNG and a fixed spread relative to `hub.now()`.
// Data goes through the real ingest path, so fair attribution and rollups apply to it as to live data.
import { createIntegration, createTeam, createToken, createUser } from '../admin';
import type { HubContext } from '../context';
import { FEED_LOCK, ingestEvents, ingestFeedback } from '../ingest';
import type { EventIn, FeedbackIn } from '../../lib/contract/requests';
import { mulberry32 } from '../../lib/random';

/** What `serve --demo` prints once and keeps in <data>/demo-credentials.json. */
export interface DemoCredentials {
  teamId: string;
  teamName: string;
  lead: { id: string; name: string; email: string; token: string };
  agents: { id: string; name: string; email: string; token: string }[];
  integrationToken: string;
}

const CASE_TYPES = ['billing', 'delivery', 'technical', 'account', 'cancellation'] as const;

const COMMENTS = {
  en: {
    good: [
      'Alex really listened and sorted it out quickly. Thank you!',
      'Felt understood for once. Clear steps, problem solved.',
      'Very patient with me even though I was annoyed.',
      'Quick and friendly, exactly what I needed.',
      'You explained the invoice so that I finally get it.',
    ],
    mixed: [
      'Solved in the end, but I had to explain everything twice.',
      'Friendly, but the answer was a bit hard to follow.',
      'OK help, slow to get a first reply though.',
    ],
    bad: [
      'Nobody seems to read what I write. Third time I contact you.',
      'Copy-paste answer that did not address my problem at all.',
      'This is ridiculous. I want my money back, not a policy quote.',
      'Useless. Your "support" is a joke and you clearly do not care.',
      'The parcel is still missing and all I get is "please wait".',
    ],
  },
  sv: {
    good: [
      'Jättebra hjälp, kändes som att hon verkligen förstod mitt problem.',
      'Snabbt och tydligt svar, tack!',
      'Trevligt bemötande trots att jag var irriterad.',
      'Äntligen någon som förklarade fakturan begripligt.',
    ],
    mixed: ['Löste sig till slut men det tog lång tid.', 'Vänligt, men svaret var lite svårt att förstå.'],
    bad: [
      'Ingen lyssnar. Tredje gången jag hör av mig om samma sak!',
      'Standardsvar som inte hade med min fråga att göra.',
      'Helt oacceptabelt, jag säger upp mitt abonnemang.',
      'Vilket skämt till kundtjänst. Ni bryr er inte ett dugg.',
    ],
  },
} as const;

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
const uuid = (rnd: () => number): string => {
  const h = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16)).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));

export async function seedDemo(hub: HubContext): Promise<DemoCredentials> {
  const rnd = mulberry32(20_251_123);
  const db = hub.db;
  const now = hub.now().getTime();
  const team = await createTeam(db, 'Support Stockholm', uuid(rnd));
  const lead = await createUser(db, {
    id: uuid(rnd),
    name: 'Maria Berg',
    email: 'maria.berg@demo.attune.dev',
    role: 'lead',
    teamId: team.id,
  });
  // skill: mean empathy/clarity the customers perceive; speed: minutes to first reply on chat.
  const profiles = [
    { name: 'Alex Lindqvist', email: 'alex.lindqvist@demo.attune.dev', skill: 4.0, speed: 4, weight: 0.4 },
    { name: 'Sara Nyström', email: 'sara.nystrom@demo.attune.dev', skill: 4.4, speed: 7, weight: 0.32 },
    { name: 'Jonas Ek', email: 'jonas.ek@demo.attune.dev', skill: 3.5, speed: 3, weight: 0.28 },
  ];
  const agents = [];
  for (const p of profiles) {
    agents.push({
      ...(await createUser(db, { id: uuid(rnd), name: p.name, email: p.email, role: 'agent', teamId: team.id })),
      ...p,
    });
  }
  const integration = await createIntegration(db, 'demo seed', team.id);
  const creds: DemoCredentials = {
    teamId: team.id,
    teamName: team.name,
    lead: {
      id: lead.id,
      name: lead.name,
      email: lead.email,
      token: await createToken(db, { userId: lead.id }, 'demo'),
    },
    agents: [],
    integrationToken: await createToken(db, { integrationId: integration.id }, 'demo'),
  };
  for (const a of agents) {
    creds.agents.push({
      id: a.id,
      name: a.name,
      email: a.email,
      token: await createToken(db, { userId: a.id }, 'demo'),
    });
  }

  const events: EventIn[] = [];
  const answers: FeedbackIn[] = [];
  const MIN = 60_000;
  const CONTACTS = 440;
  for (let i = 0; i < CONTACTS; i++) {
    const contactId = `DEMO-${1000 + i}`;
    const channel = rnd() < 0.6 ? 'chat' : 'email';
    const caseType = pick(rnd, CASE_TYPES);
    const w = rnd();
    let acc = 0;
    const agent =
      agents.find((a) => {
        acc += a.weight;
        return w < acc;
      }) ?? (agents[0] as (typeof agents)[number]);
    // Spread over the last 90 days, office hours-ish, never in the future.
    const created = now - Math.floor(rnd() * 89.5 * 1440) * MIN - 30 * MIN;
    const firstReply = created + (channel === 'chat' ? agent.speed * (0.3 + rnd() * 2) : 40 + rnd() * 500) * MIN;
    const ev = (n: number, type: EventIn['type'], at: number, who?: { id: string }) =>
      events.push({
        externalId: `${contactId}-e${n}`,
        contactId,
        type,
        at: new Date(Math.min(at, now - MIN)).toISOString(),
        channel,
        caseType,
        ...(who ? { agent: { id: who.id } } : {}),
      });
    ev(1, 'created', created);
    ev(2, 'assigned', created + MIN, agent);
    ev(3, 'agent_reply', firstReply, agent);
    let last = firstReply;
    let replier = agent;
    if (rnd() < 0.45) {
      last += (5 + rnd() * 120) * MIN;
      ev(4, 'customer_reply', last);
      // Some contacts are handed over: the survey then belongs to whoever replied last (fair attribution).
      replier = rnd() < 0.15 ? pick(rnd, agents) : agent;
      last += (10 + rnd() * 180) * MIN;
      ev(5, 'agent_reply', last, replier);
    }
    const resolved = last + (1 + rnd() * 60) * MIN;
    ev(6, 'resolved', resolved, replier);
    const difficult = caseType === 'cancellation' || caseType === 'delivery' ? 0.5 : 0;
    if (rnd() < 0.1 + difficult * 0.1) ev(7, 'reopened', resolved + (2 + rnd() * 200) * 60 * MIN);
    if (rnd() > 0.8 || resolved + 10 * MIN > now) continue;

    const swedish = rnd() < 0.45;
    const skill = replier.skill - difficult * 0.4 + (rnd() - 0.5) * 1.6;
    const empathy = clamp(skill, 1, 5);
    const clarity = clamp(skill + (rnd() - 0.5) * 1.2, 1, 5);
    const csat = clamp((empathy + clarity) / 2 + (rnd() - 0.5), 1, 5);
    const mood = csat >= 4 ? 'good' : csat === 3 ? 'mixed' : 'bad';
    const lang = swedish ? 'sv' : 'en';
    answers.push({
      externalId: `demo-survey-${i}`,
      contactId,
      agent: { id: agent.id },
      channel,
      caseType,
      answeredAt: new Date(Math.min(resolved + (5 + rnd() * 600) * MIN, now - MIN)).toISOString(),
      empathy,
      clarity,
      csat,
      ...(rnd() < 0.6 ? { nps: clamp(csat * 2 + (rnd() - 0.3) * 3, 0, 10) } : {}),
      ...(rnd() < 0.55 ? { comment: pick(rnd, COMMENTS[lang][mood]) } : {}),
      lang,
    });
  }
  const scope = { teamId: team.id };
  for (let i = 0; i < events.length; i += 1000) {
    const r = await ingestEvents(hub, events.slice(i, i + 1000), scope, true);
    if (!r.ok) throw new Error(`demo seed events: ${JSON.stringify(r.errors.slice(0, 3))}`);
  }
  const acks = [];
  for (let i = 0; i < answers.length; i += 1000) {
    const r = await ingestFeedback(hub, answers.slice(i, i + 1000), scope, true);
    if (!r.ok) throw new Error(`demo seed answers: ${JSON.stringify(r.errors.slice(0, 3))}`);
    acks.push(...r.items);
  }

  await db.query(
    `INSERT INTO targets (team_id, kpi, channel, value) VALUES
     ($1, 'empathy', '', 4.3), ($1, 'clarity', '', 4.2), ($1, 'csat', '', 85), ($1, 'fcr', '', 80),
     ($1, 'first_response', '', 30), ($1, 'reopen_rate', '', 10)`,
    [team.id],
  );

  // Tips: one linked to a low empathy answer of Alex's, one about clarity (acknowledged), one for the team,
  // one for Sara.
  const alex = agents[0] as (typeof agents)[number];
  const sara = agents[1] as (typeof agents)[number];
  const low = await db.query<{ id: string }>(
    `SELECT id FROM feedback WHERE agent_id = $1 AND empathy <= 2 ORDER BY answered_at DESC LIMIT 1`,
    [alex.id],
  );
  const day = (d: number) => new Date(now - d * 86_400_000).toISOString();
  const tips = [
    {
      agent: alex.id,
      text: 'In this one the customer had already written twice. Try opening by naming that: "I can see you have had to chase us, I am sorry." It shows you read the whole thread.',
      feedback: low[0]?.id ?? null,
      kpi: 'empathy',
      due: day(-7).slice(0, 10),
      at: day(2),
    },
    {
      agent: alex.id,
      text: 'Your billing answers are spot on. For long explanations, put the answer in the first sentence and the details after.',
      feedback: null,
      kpi: 'clarity',
      due: null,
      at: day(12),
    },
    {
      agent: null,
      text: 'Team: this week, let us summarise what the customer said before we answer ("So the parcel was marked delivered but never arrived?"). We will compare notes on Friday.',
      feedback: null,
      kpi: 'empathy',
      due: day(-4).slice(0, 10),
      at: day(5),
    },
    {
      agent: sara.id,
      text: 'Great calm handling of the cancellation cases. Would you share two of your openings in Friday’s session?',
      feedback: null,
      kpi: null,
      due: null,
      at: day(20),
    },
  ];
  await db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock($1)', [FEED_LOCK]);
    for (const t of tips) {
      const id = uuid(rnd);
      await q.query(
        `INSERT INTO tips (id, team_id, agent_id, author_id, text, feedback_id, kpi, due, created_at, updated_at, seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, nextval('change_seq'))`,
        [id, team.id, t.agent, lead.id, t.text, t.feedback, t.kpi, t.due, t.at],
      );
      if (t.kpi === 'clarity') {
        await q.query(
          `INSERT INTO tip_acks (tip_id, agent_id, at, comment, useful, seq) VALUES ($1, $2, $3, $4, true, nextval('change_seq'))`,
          [id, alex.id, day(11), 'Good point, trying it from today.'],
        );
      }
    }
  });
  hub.log.info({ answers: acks.length, events: events.length }, 'demo data seeded');
  return creds;
}
