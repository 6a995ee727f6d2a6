import { useLiveQuery } from 'dexie-react-hooks';
import { type KeyboardEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../lib/db';
import { type PanelTab, usePanelStore } from '../../lib/store/panel';
import { SyncStatus } from '../common/SyncStatus';
import { usePanelActions } from './actions';
import { CoachingView } from './CoachingView';
import { FeedbackView } from './FeedbackView';
import { KpisView } from './KpisView';
import { PulseView } from './PulseView';
import { TeamView } from './team/TeamView';

const AGENT_TABS: PanelTab[] = ['kpis', 'feedback', 'coaching', 'pulse'];

/** The whole side panel: sync line, tabs and the active view. Reads Dexie; UI state is in the store. */
export function PanelApp() {
  const { t } = useTranslation();
  const actions = usePanelActions();
  const meta = useLiveQuery(async () => {
    const [session, status] = await Promise.all([db.getMeta('session'), db.getMeta('status')]);
    return { session, status };
  });
  const unread = useLiveQuery(() => db.tips.filter((tip) => tip.readAt === null).count(), [], 0);
  const tab = usePanelStore((s) => s.tab);
  const setTab = usePanelStore((s) => s.setTab);
  const tabRefs = useRef<Partial<Record<PanelTab, HTMLButtonElement | null>>>({});

  // While the session row is being read, render the agent's views optimistically so their own queries run in
  // parallel (first paint from cache); a signed-out panel has no records to show anyway.
  const loading = meta === undefined;
  const session = meta?.session;
  const status = meta?.status;
  // Lead mode only for leads; the hub still decides what a token may see (403 shows as an error).
  const isLead = session?.user.role === 'lead';
  const tabs = isLead ? [...AGENT_TABS, 'team' as const] : AGENT_TABS;
  const active = tabs.includes(tab) ? tab : loading && tab === 'team' ? null : 'kpis';

  // Arrow keys move between tabs (WAI-ARIA tabs pattern).
  const onTabKey = (e: KeyboardEvent) => {
    if (!active) return;
    const i = tabs.indexOf(active);
    const next =
      e.key === 'ArrowRight'
        ? tabs[(i + 1) % tabs.length]
        : e.key === 'ArrowLeft'
          ? tabs[(i - 1 + tabs.length) % tabs.length]
          : null;
    if (!next) return;
    e.preventDefault();
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <div className="panel">
      {loading ? (
        <div className="sync-bar" aria-hidden="true" />
      ) : (
        <SyncStatus
          status={status}
          session={session}
          onSyncNow={() => void actions.syncNow()}
          onSignOut={() => void actions.signOut()}
        />
      )}
      {!loading && !session ? (
        <section className="view signed-out" data-testid="not-signed-in">
          <p>{t('sync.notSignedIn')}</p>
          <button type="button" className="primary" onClick={() => actions.openSettings()}>
            {t('sync.openSettings')}
          </button>
        </section>
      ) : (
        <>
          {status?.state === 'signed-out' && (
            // The hub refused the token (revoked, or a hub reset): cached data stays readable until sign-out.
            <div className="banner" role="alert" data-testid="session-expired">
              <span>{status.lastError ?? t('sync.notSignedIn')}</span>
              <button type="button" onClick={() => actions.openSettings()}>
                {t('sync.openSettings')}
              </button>
            </div>
          )}
          <div className="tabs" role="tablist" aria-label={t('app.tabsLabel')} onKeyDown={onTabKey}>
            {tabs.map((id) => (
              <button
                key={id}
                ref={(el) => {
                  tabRefs.current[id] = el;
                }}
                type="button"
                role="tab"
                id={`tab-${id}`}
                aria-selected={id === active}
                aria-controls={`tabpanel-${id}`}
                tabIndex={id === active ? 0 : -1}
                data-testid={`tab-${id}`}
                onClick={() => setTab(id)}
              >
                {t(`app.tabs.${id}`)}
                {id === 'coaching' && unread > 0 && (
                  <span className="badge" data-testid="unread-tips">
                    <span aria-hidden="true">{unread}</span>
                    <span className="visually-hidden">{t('app.unread', { count: unread })}</span>
                  </span>
                )}
              </button>
            ))}
          </div>
          <main
            className="tabpanel"
            role="tabpanel"
            id={`tabpanel-${active ?? 'none'}`}
            aria-labelledby={`tab-${active ?? 'none'}`}
          >
            {active === 'kpis' && <KpisView />}
            {active === 'feedback' && <FeedbackView />}
            {active === 'coaching' && <CoachingView />}
            {active === 'pulse' && <PulseView />}
            {active === 'team' && session && isLead && <TeamView teamId={session.user.teamId} />}
          </main>
        </>
      )}
    </div>
  );
}
