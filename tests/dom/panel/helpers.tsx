// Shared setup for the panel's component tests: English UI, spy actions, Dexie filled with fixtures.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { vi } from 'vitest';
import { type PanelActions, PanelActionsProvider } from '../../../components/panel/actions';
import type { TeamCacheData } from '../../../lib/contract/panel-cache';
import { db, type FeedbackItem, type Kpi, type SessionMeta, type StatusMeta, type Tip } from '../../../lib/db';
import { createI18n, type UiLang } from '../../../lib/i18n';
import { resetPanelStore } from '../../../lib/store/panel';

type Team = PanelActions['team'];

export function spyActions() {
  const ok = async () => ({ ok: true as const });
  return {
    syncNow: vi.fn<PanelActions['syncNow']>(ok),
    signOut: vi.fn<PanelActions['signOut']>(async () => {}),
    openSettings: vi.fn<PanelActions['openSettings']>(),
    ackTip: vi.fn<PanelActions['ackTip']>(async () => {}),
    markTipsRead: vi.fn<PanelActions['markTipsRead']>(async () => {}),
    reviewFeedback: vi.fn<PanelActions['reviewFeedback']>(async () => {}),
    saveNote: vi.fn<PanelActions['saveNote']>(async () => {}),
    askLead: vi.fn<PanelActions['askLead']>(async () => {}),
    setPulse: vi.fn<PanelActions['setPulse']>(async () => {}),
    team: {
      refresh: vi.fn<Team['refresh']>(ok),
      createTip: vi.fn<Team['createTip']>(ok),
      answerRequest: vi.fn<Team['answerRequest']>(ok),
      setTarget: vi.fn<Team['setTarget']>(ok),
      saveLibrary: vi.fn<Team['saveLibrary']>(ok),
      pairingCode: vi.fn<Team['pairingCode']>(async () => ({
        ok: true as const,
        code: 'ABCD-1234',
        expiresAt: new Date(NOW + 600_000).toISOString(),
      })),
    },
  } satisfies PanelActions;
}

export type SpyActions = ReturnType<typeof spyActions>;

export function renderPanel(ui: ReactElement, opts: { actions?: SpyActions; lang?: UiLang } = {}) {
  const actions = opts.actions ?? spyActions();
  const i18n = createI18n(opts.lang ?? 'en');
  const result = render(
    <I18nextProvider i18n={i18n}>
      <PanelActionsProvider actions={actions}>{ui}</PanelActionsProvider>
    </I18nextProvider>,
  );
  return { ...result, actions };
}

export async function resetPanel(): Promise<void> {
  resetPanelStore();
  await db.wipe();
}

const DAY = 86_400_000;
export const NOW = Date.now();
export const daysAgo = (d: number) => new Date(NOW - d * DAY).toISOString();

export function feedbackItem(id: string, over: Partial<FeedbackItem> = {}): FeedbackItem {
  return {
    id,
    externalId: `ext-${id}`,
    contactId: `ticket-${id}`,
    channel: 'chat',
    caseType: 'billing',
    answeredAt: daysAgo(1),
    empathy: 4,
    csat: 4,
    clarity: 4,
    nps: 8,
    comment: `Comment ${id}`,
    lang: 'en',
    ticketUrl: `https://helpdesk.example/tickets/${id}`,
    reviewed: false,
    note: null,
    updatedAt: daysAgo(1),
    ...over,
  };
}

export function tip(id: string, over: Partial<Tip> = {}): Tip {
  return {
    id,
    text: `Tip ${id}`,
    author: { id: 'lead-1', name: 'Maria Berg' },
    feedbackId: null,
    kpi: null,
    due: null,
    createdAt: daysAgo(1),
    updatedAt: daysAgo(1),
    ack: null,
    readAt: null,
    ...over,
  };
}

export function kpi(key: string, influence: Kpi['influence'], value: number | null, over: Partial<Kpi> = {}): Kpi {
  return {
    key,
    label: key,
    influence,
    value,
    unit: 'score',
    n: 42,
    target: 4.5,
    teamMedian: 4.1,
    trend: [
      { date: '2026-11-20', value: 4 },
      { date: '2026-11-21', value: null },
      { date: '2026-11-22', value: 4.4 },
    ],
    byChannel: { chat: { value: 4.3, n: 30 }, email: { value: 4.0, n: 12 } },
    byCaseType: { billing: { value: 4.1, n: 20 } },
    ...over,
  };
}

export function session(role: 'agent' | 'lead' = 'agent'): SessionMeta {
  return {
    key: 'session',
    hubUrl: 'http://127.0.0.1:9',
    user: { id: 'u1', name: 'Alex Lindqvist', email: 'alex@example.test', role, teamId: 'team-1', teamName: 'Support' },
  };
}

export function status(over: Partial<StatusMeta> = {}): StatusMeta {
  return {
    key: 'status',
    state: 'online',
    lastSyncedAt: new Date(NOW).toISOString(),
    lastError: null,
    nextRetryAt: null,
    ...over,
  };
}

/**
 * jsdom has no layout: every clientHeight is 0, so a virtualised list would render no rows. Give elements
 * the size of a side panel, as @tanstack/react-virtual's own tests do.
 */
export function giveLayout(width = 360, height = 800, rowHeight = 120): void {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => width });
  // Measured row height (the virtualiser reads offsetHeight of each rendered row).
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => rowHeight });
}

// Lead caches as the hub's team routes answer them (lib/contract/panel-cache.ts): the panel reads them through
// those schemas, so fixtures that skip a field would be dropped as corrupt.
type TeamData = TeamCacheData;

export function teamMember(
  id: string,
  name: string,
  role: 'agent' | 'lead' = 'agent',
): TeamData['members']['items'][number] {
  return { id, name, email: `${id}@example.test`, role };
}

export function teamTip(
  id: string,
  text: string,
  over: Partial<TeamData['tips']['items'][number]> = {},
): TeamData['tips']['items'][number] {
  const at = new Date(NOW).toISOString();
  return {
    id,
    text,
    author: { id: 'lead', name: 'Maria Berg' },
    feedbackId: null,
    kpi: null,
    due: null,
    createdAt: at,
    updatedAt: at,
    ack: null,
    agentId: null,
    teamId: 'team-1',
    acks: [],
    ...over,
  };
}

export function teamRequest(
  id: string,
  question: string,
  agentName: string,
  over: Partial<TeamData['requests']['items'][number]> = {},
): TeamData['requests']['items'][number] {
  return {
    id,
    feedbackId: `f-${id}`,
    question,
    answer: null,
    createdAt: new Date(NOW).toISOString(),
    answeredAt: null,
    agentId: `agent-${id}`,
    agentName,
    ...over,
  };
}
