// Team (leads only): one section per file in this folder; this file lays them out.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../../lib/db';
import { formatWhen } from '../../common/format';
import { usePanelActions } from '../actions';
import { readMembers, readTeamCaches, readTeamRequests } from './data';
import { Feedback, useRunner } from './runner';
import { AgentKpis } from './AgentKpis';
import { ComposeTip } from './ComposeTip';
import { SentTips } from './SentTips';
import { RequestItem } from './RequestItem';
import { Targets } from './Targets';
import { Library } from './Library';
import { Pairing } from './Pairing';
import { TeamPulse } from './TeamPulse';

/** Team (leads only): per-agent influenceable KPIs, tips, questions, targets, the phrase library, pulse. */
export function TeamView({ teamId }: { teamId: string | null }) {
  const { t, i18n } = useTranslation();
  const actions = usePanelActions();
  const rows = useLiveQuery(() => db.team.toArray(), []);
  // Wrapped, so that "not read yet" (undefined) differs from "no status row".
  const meta = useLiveQuery(async () => ({ status: await db.getMeta('status') }), []);
  const status = meta?.status;
  const refresh = useRunner();
  const caches = useMemo(() => readTeamCaches(rows ?? []), [rows]);
  const offline = status?.state === 'offline';
  // A cache row that does not read (lib/contract/panel-cache.ts) is left out and fetched again: once per
  // opening of the view, so a hub that keeps answering something else cannot start a loop.
  const refetched = useRef(false);
  const corrupt = caches.corrupt.length > 0;
  useEffect(() => {
    // Not before the sync status is read: an offline panel must not ask.
    if (!corrupt || meta === undefined || offline || refetched.current) return;
    refetched.current = true;
    void refresh.run(actions.team.refresh());
  }, [corrupt, meta, offline, refresh, actions]);
  const members = readMembers(caches.data.members);
  const requests = readTeamRequests(caches.data.requests);
  const open = requests.filter((r) => !r.answer);
  const feedbackIds = [...new Set(requests.map((r) => r.feedbackId).filter((id): id is string => !!id))];
  const fetchedAt = caches.fetchedAt['kpis:30d'] ?? caches.fetchedAt.members;

  return (
    <section className="view view--team" aria-labelledby="team-title">
      <h2 id="team-title">{t('team.title')}</h2>
      <p className="filters">
        <button type="button" onClick={() => void refresh.run(actions.team.refresh())} disabled={offline}>
          {t('team.refresh')}
        </button>
        {fetchedAt && (
          <span className="muted small">{t('team.fetchedAt', { time: formatWhen(fetchedAt, i18n.language) })}</span>
        )}
      </p>
      {offline && <p className="muted small">{t('team.onlineOnly')}</p>}
      <Feedback message={null} error={refresh.error} />
      {rows === undefined ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <>
          <section className="team-section">
            <h3>{t('team.agentsTitle')}</h3>
            <AgentKpis data={caches.data['kpis:30d']} />
          </section>
          <section className="team-section">
            <h3>{t('team.compose')}</h3>
            <ComposeTip teamId={teamId} members={members} feedbackIds={feedbackIds} disabled={offline} />
          </section>
          <section className="team-section">
            <h3>{t('team.requestsTitle')}</h3>
            {open.length === 0 ? (
              <p className="muted">{t('team.requestsEmpty')}</p>
            ) : (
              <ul className="plain" data-testid="team-requests">
                {open.map((r) => (
                  <RequestItem key={r.id} {...r} disabled={offline} />
                ))}
              </ul>
            )}
          </section>
          <section className="team-section">
            <h3>{t('team.tipsTitle')}</h3>
            <SentTips data={caches.data.tips} members={members} />
          </section>
          <section className="team-section">
            <h3>{t('team.targetsTitle')}</h3>
            <Targets data={caches.data.targets} disabled={offline} />
          </section>
          <section className="team-section">
            <h3>{t('team.libraryTitle')}</h3>
            <Library disabled={offline} />
          </section>
          <section className="team-section">
            <h3>{t('team.pairTitle')}</h3>
            <Pairing members={members} disabled={offline} />
          </section>
          <section className="team-section">
            <h3>{t('team.pulseTitle')}</h3>
            <TeamPulse data={caches.data.pulse} />
          </section>
        </>
      )}
    </section>
  );
}
