// Team view: tips the lead sent, with each agent's acknowledgement.
import { useTranslation } from 'react-i18next';
import { formatDate, formatWhen } from '../../common/format';
import { RemoteText } from '../../common/RemoteText';
import { kpiLabel } from '../kpi-text';
import type { TeamCacheData } from '../../../lib/contract/panel-cache';
import { readTeamTips, type TeamMember } from './data';

export function SentTips({ data, members }: { data: TeamCacheData['tips'] | undefined; members: TeamMember[] }) {
  const { t, i18n } = useTranslation();
  const tips = readTeamTips(data);
  const nameOf = (id: string | null) => (id ? (members.find((m) => m.id === id)?.name ?? id) : t('team.wholeTeam'));
  if (tips.length === 0) return <p className="muted">{t('team.noData')}</p>;
  return (
    <ul className="plain" data-testid="team-tips">
      {tips.map((tip) => {
        const useful = tip.acks.filter((a) => a.useful === true).length;
        const notUseful = tip.acks.filter((a) => a.useful === false).length;
        return (
          <li key={tip.id} className="tip" data-team-tip-id={tip.id}>
            <p className="tip-meta">
              <span>{t('team.to')}: </span>
              <RemoteText text={nameOf(tip.agentId)} />
              <span>{formatDate(tip.createdAt, i18n.language)}</span>
              {tip.kpi && <span className="chip">{kpiLabel(t, tip.kpi)}</span>}
            </p>
            <p className="tip-text">
              <RemoteText text={tip.text} />
            </p>
            <p className="small">
              {t('team.acks', { count: tip.acks.length })} · {t('team.usefulCount', { useful, notUseful })}
            </p>
            {tip.acks.length > 0 && (
              <ul className="small">
                {tip.acks.map((a) => (
                  <li key={`${a.agentId}-${a.at}`}>
                    <RemoteText text={a.name} /> ({formatWhen(a.at, i18n.language)})
                    {a.comment && (
                      <>
                        : <RemoteText text={a.comment} />
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
