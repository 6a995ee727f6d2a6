// Lead-mode caches hold the hub's responses as sent (`team` table, `data: unknown`). These readers turn them
// into what the Team view draws and drop anything malformed instead of throwing.
import { CHANNELS, type ContactChannel, isOneOf } from '../../../lib/contract/vocab';
import type { Kpi } from '../../../lib/db';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** `{items: [...]}` or a bare array. */
function items(data: unknown): Obj[] {
  const list = Array.isArray(data) ? data : isObj(data) && Array.isArray(data.items) ? data.items : [];
  return list.filter(isObj);
}

export interface TeamMember {
  id: string;
  name: string;
  role: string;
}

export function readMembers(data: unknown): TeamMember[] {
  return items(data).flatMap((m) => {
    const id = str(m.id);
    return id ? [{ id, name: str(m.name) ?? id, role: str(m.role) ?? 'agent' }] : [];
  });
}

export interface TeamKpis {
  team: Kpi[];
  agents: { id: string; name: string; kpis: Kpi[] }[];
}

function kpis(v: unknown): Kpi[] {
  return Array.isArray(v) ? (v.filter((k) => isObj(k) && typeof k.key === 'string') as unknown as Kpi[]) : [];
}

export function readTeamKpis(data: unknown): TeamKpis {
  if (!isObj(data)) return { team: [], agents: [] };
  const agents = Array.isArray(data.agents) ? data.agents.filter(isObj) : [];
  return {
    team: kpis(data.team),
    agents: agents.flatMap((a) => {
      const id = str(a.id);
      return id ? [{ id, name: str(a.name) ?? id, kpis: kpis(a.kpis) }] : [];
    }),
  };
}

export interface TeamTipAck {
  agentId: string;
  name: string;
  at: string;
  comment: string | null;
  useful: boolean | null;
}

export interface TeamTip {
  id: string;
  text: string;
  agentId: string | null;
  feedbackId: string | null;
  kpi: string | null;
  due: string | null;
  createdAt: string;
  acks: TeamTipAck[];
}

export function readTeamTips(data: unknown): TeamTip[] {
  return items(data).flatMap((t) => {
    const id = str(t.id);
    if (!id) return [];
    const acks = (Array.isArray(t.acks) ? t.acks.filter(isObj) : []).map((a) => ({
      agentId: str(a.agentId) ?? '',
      name: str(a.name) ?? '',
      at: str(a.at) ?? '',
      comment: str(a.comment),
      useful: typeof a.useful === 'boolean' ? a.useful : null,
    }));
    return [
      {
        id,
        text: str(t.text) ?? '',
        agentId: str(t.agentId),
        feedbackId: str(t.feedbackId),
        kpi: str(t.kpi),
        due: str(t.due),
        createdAt: str(t.createdAt) ?? '',
        acks,
      },
    ];
  });
}

export interface TeamRequest {
  id: string;
  feedbackId: string | null;
  question: string;
  answer: string | null;
  agentName: string;
  createdAt: string;
}

export function readTeamRequests(data: unknown): TeamRequest[] {
  return items(data).flatMap((r) => {
    const id = str(r.id);
    return id
      ? [
          {
            id,
            feedbackId: str(r.feedbackId),
            question: str(r.question) ?? '',
            answer: str(r.answer),
            agentName: str(r.agentName) ?? '',
            createdAt: str(r.createdAt) ?? '',
          },
        ]
      : [];
  });
}

export interface TeamTarget {
  kpi: string;
  channel: ContactChannel | null;
  value: number;
}

export function readTargets(data: unknown): TeamTarget[] {
  return items(data).flatMap((t) => {
    const kpi = str(t.kpi);
    const value = num(t.value);
    const channel = isOneOf(CHANNELS, t.channel) ? t.channel : null;
    return kpi && value !== null ? [{ kpi, channel, value }] : [];
  });
}

export type PulseDay =
  | { date: string; suppressed: true }
  | { date: string; suppressed: false; n: number; mean: number };

/** Days with fewer than 5 answers stay suppressed here too, whatever the cache holds. */
export function readTeamPulse(data: unknown): PulseDay[] {
  return items(data).flatMap((d): PulseDay[] => {
    const date = str(d.date);
    if (!date) return [];
    const n = num(d.n);
    const mean = num(d.mean);
    if (d.suppressed === true || n === null || mean === null || n < 5) return [{ date, suppressed: true }];
    return [{ date, suppressed: false, n, mean }];
  });
}
