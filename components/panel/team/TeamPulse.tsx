// Team view: the team's daily pulse (days with too few answers are suppressed).
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../common/format';
import type { TeamCacheData } from '../../../lib/contract/panel-cache';
import { readTeamPulse } from './data';

export function TeamPulse({ data }: { data: TeamCacheData['pulse'] | undefined }) {
  const { t, i18n } = useTranslation();
  const days = readTeamPulse(data).slice(-14);
  if (days.length === 0) return <p className="muted">{t('team.noData')}</p>;
  return (
    <ul className="pulse-history" data-testid="team-pulse">
      {days.map((d) => (
        <li key={d.date} data-suppressed={d.suppressed}>
          {formatDate(`${d.date}T12:00:00`, i18n.language)}:{' '}
          {d.suppressed
            ? t('team.pulseSuppressed')
            : t('team.pulseAverage', { value: formatNumber(d.mean, i18n.language), count: d.n })}
        </li>
      ))}
    </ul>
  );
}
