// Team view: the team's KPI targets and the form that sets one.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type ContactChannel } from '../../../lib/contract/vocab';
import { KPI_KEYS } from '../../../lib/kpi';
import { formatNumber } from '../../common/format';
import { usePanelActions } from '../actions';
import { kpiLabel } from '../kpi-text';
import type { TeamCacheData } from '../../../lib/contract/panel-cache';
import { readTargets } from './data';
import { Feedback, useRunner } from './runner';

export function Targets({ data, disabled }: { data: TeamCacheData['targets'] | undefined; disabled: boolean }) {
  const { t, i18n } = useTranslation();
  const actions = usePanelActions();
  const targets = readTargets(data);
  const [kpi, setKpi] = useState<string>(KPI_KEYS[0] ?? 'empathy');
  const [channel, setChannel] = useState<'' | ContactChannel>('');
  const [value, setValue] = useState('');
  const { run, message, error } = useRunner();
  const parsed = Number(value.replace(',', '.'));
  const valid = value.trim() !== '' && Number.isFinite(parsed);
  return (
    <>
      {targets.length > 0 && (
        <table className="team-table" data-testid="team-targets">
          <tbody>
            {targets.map((tg) => (
              <tr key={`${tg.kpi}-${tg.channel ?? ''}`}>
                <th scope="row">{kpiLabel(t, tg.kpi)}</th>
                <td>{tg.channel ? t(`channel.${tg.channel}`) : t('team.anyChannel')}</td>
                <td>{formatNumber(tg.value, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid)
            void run(actions.team.setTarget({ kpi, channel: channel || null, value: parsed }), () => setValue(''));
        }}
      >
        <label>
          <span className="visually-hidden">{t('team.kpi')}</span>
          <select value={kpi} onChange={(e) => setKpi(e.target.value)} data-testid="target-kpi">
            {KPI_KEYS.map((k) => (
              <option key={k} value={k}>
                {kpiLabel(t, k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t('team.channel')}</span>
          <select
            value={channel}
            onChange={(e) => setChannel(e.target.value as typeof channel)}
            data-testid="target-channel"
          >
            <option value="">{t('team.anyChannel')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t('team.targetValue')}</span>
          <input
            type="text"
            inputMode="decimal"
            size={6}
            placeholder={t('team.targetValue')}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            data-testid="target-value"
          />
        </label>
        <button type="submit" disabled={disabled || !valid} data-testid="target-save">
          {t('team.saveTarget')}
        </button>
      </form>
      <Feedback message={message} error={error} />
    </>
  );
}
