import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Kpi, KpiSlice } from '../../lib/db';
import { formatKpiValue } from '../common/format';
import { RemoteText } from '../common/RemoteText';
import { MEDIAN_COLOUR, TARGET_COLOUR, TrendChart } from './TrendChart';
import { useKpiText } from './kpi-text';

function SliceTable({
  caption,
  slices,
  labelOf,
  kpi,
}: {
  caption: string;
  slices: Record<string, KpiSlice>;
  labelOf: (key: string) => string;
  kpi: Kpi;
}) {
  const { t, i18n } = useTranslation();
  const entries = Object.entries(slices ?? {});
  if (entries.length === 0) return null;
  return (
    <table className="slice-table">
      <caption>{caption}</caption>
      <tbody>
        {entries.map(([key, slice]) => (
          <tr key={key}>
            <th scope="row">
              <RemoteText text={labelOf(key)} />
            </th>
            <td>{formatKpiValue(slice.value, kpi.unit, i18n.language) ?? t('kpi.noValue')}</td>
            <td className="muted">{t('kpi.n', { count: slice.n })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One KPI: value, n, target, team median, trend, per channel and case type, and what it means. */
export function KpiTile({ kpi, windowLabel }: { kpi: Kpi; windowLabel: string }) {
  const { t, i18n } = useTranslation();
  const { label, definition } = useKpiText(kpi);
  const [open, setOpen] = useState(false);
  const lang = i18n.language;
  const value = formatKpiValue(kpi.value, kpi.unit, lang);
  const headingId = `kpi-${kpi.key}-label`;
  return (
    <article
      className={`kpi-tile kpi-tile--${kpi.influence}`}
      data-testid={`kpi-${kpi.key}`}
      data-value={kpi.value === null || kpi.value === undefined ? '' : String(kpi.value)}
      aria-labelledby={headingId}
    >
      <header className="kpi-head">
        <h3 id={headingId}>
          <RemoteText text={label} />
        </h3>
        <span className="kpi-value">{value ?? t('kpi.noValue')}</span>
      </header>
      <p className="kpi-definition">
        <RemoteText text={definition} />
      </p>
      <p className="kpi-facts">
        <span>{t('kpi.n', { count: kpi.n })}</span>
        <span>
          {kpi.target !== null && kpi.target !== undefined && (
            <span className="line-swatch" style={{ borderTopColor: TARGET_COLOUR }} aria-hidden="true" />
          )}
          {kpi.target === null || kpi.target === undefined
            ? t('kpi.noTarget')
            : t('kpi.target', { value: formatKpiValue(kpi.target, kpi.unit, lang) })}
        </span>
        {kpi.teamMedian !== null && kpi.teamMedian !== undefined && (
          <span>
            <span
              className="line-swatch line-swatch--dotted"
              style={{ borderTopColor: MEDIAN_COLOUR }}
              aria-hidden="true"
            />
            {t('kpi.teamMedian', { value: formatKpiValue(kpi.teamMedian, kpi.unit, lang) })}
          </span>
        )}
      </p>
      <p className="visually-hidden">{t('kpi.trend', { window: windowLabel })}</p>
      <TrendChart points={kpi.trend ?? []} label={label} target={kpi.target} teamMedian={kpi.teamMedian} />
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        {t('kpi.details')}
      </button>
      {open && (
        <div className="kpi-slices">
          <SliceTable
            caption={t('kpi.byChannel')}
            slices={kpi.byChannel}
            labelOf={(k) => t(`channel.${k}`, { defaultValue: k })}
            kpi={kpi}
          />
          <SliceTable
            caption={t('kpi.byCaseType')}
            slices={kpi.byCaseType}
            labelOf={(k) => t(`caseType.${k}`, { defaultValue: k })}
            kpi={kpi}
          />
        </div>
      )}
    </article>
  );
}
