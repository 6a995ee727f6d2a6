// Team view: each agent's influenceable KPIs over 30 days.
import { useTranslation } from 'react-i18next';
import { formatKpiValue } from '../../common/format';
import { RemoteText } from '../../common/RemoteText';
import { kpiLabel, ringOf } from '../kpi-text';
import type { TeamCacheData } from '../../../lib/contract/panel-cache';
import { readTeamKpis } from './data';

export function AgentKpis({ data }: { data: TeamCacheData['kpis:30d'] | undefined }) {
  const { t, i18n } = useTranslation();
  const { team, agents } = readTeamKpis(data);
  const inside = (agents[0]?.kpis ?? team).filter((k) => ringOf(k) === 'inside').map((k) => k.key);
  if (inside.length === 0) return <p className="muted">{t('team.noData')}</p>;
  const cell = (kpis: typeof team, key: string) => {
    const k = kpis.find((x) => x.key === key);
    return k ? (formatKpiValue(k.value, k.unit, i18n.language) ?? '–') : '–';
  };
  return (
    <table className="team-table" data-testid="team-kpis">
      <thead>
        <tr>
          <th scope="col">{t('team.agent')}</th>
          {inside.map((key) => (
            <th key={key} scope="col">
              {kpiLabel(t, key)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {agents.map((a) => (
          <tr key={a.id} data-agent-id={a.id}>
            <th scope="row">
              <RemoteText text={a.name} />
            </th>
            {inside.map((key) => (
              <td key={key}>{cell(a.kpis, key)}</td>
            ))}
          </tr>
        ))}
        {team.length > 0 && (
          <tr>
            <th scope="row">{t('team.team')}</th>
            {inside.map((key) => (
              <td key={key}>{cell(team, key)}</td>
            ))}
          </tr>
        )}
      </tbody>
    </table>
  );
}
