import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db, type Influence, type Kpi } from '../../lib/db';
import { KPI_WINDOWS, usePanelStore } from '../../lib/store/panel';
import { formatWhen } from '../common/format';
import { KpiTile } from './KpiTile';
import { kpiLabel, ringOf } from './kpi-text';
import { RingsPicture } from './RingsPicture';

/** My KPIs: inside-ring KPIs first, then the edge; outside-ring KPIs behind "things you can't influence". */
export function KpisView() {
  const { t, i18n } = useTranslation();
  const kpiWindow = usePanelStore((s) => s.kpiWindow);
  const setKpiWindow = usePanelStore((s) => s.setKpiWindow);
  // null = nothing synced for this window; undefined = still reading.
  const snapshot = useLiveQuery(async () => (await db.kpiSnapshots.get(kpiWindow)) ?? null, [kpiWindow]);

  const byRing: Record<Influence, Kpi[]> = { inside: [], edge: [], outside: [] };
  for (const kpi of snapshot?.kpis ?? []) byRing[ringOf(kpi)].push(kpi);
  const labelsByRing = {
    inside: byRing.inside.map((k) => kpiLabel(t, k.key, k.label)),
    edge: byRing.edge.map((k) => kpiLabel(t, k.key, k.label)),
    outside: byRing.outside.map((k) => kpiLabel(t, k.key, k.label)),
  };
  const windowLabel = t(`kpi.window.${kpiWindow}`);

  return (
    <section className="view view--kpis" aria-labelledby="kpis-title" aria-busy={snapshot === undefined}>
      <h2 id="kpis-title" className="visually-hidden">
        {t('app.tabs.kpis')}
      </h2>
      <fieldset className="segmented">
        <legend>{t('kpi.windowLabel')}</legend>
        {KPI_WINDOWS.map((w) => (
          <button key={w} type="button" aria-pressed={w === kpiWindow} onClick={() => setKpiWindow(w)}>
            {t(`kpi.window.${w}`)}
          </button>
        ))}
      </fieldset>
      {snapshot === undefined ? (
        <p className="muted">{t('app.loading')}</p>
      ) : snapshot === null || snapshot.kpis.length === 0 ? (
        <p className="empty">{t('kpi.empty')}</p>
      ) : (
        <>
          <RingsPicture labelsByRing={labelsByRing} />
          <p className="muted small">{t('kpi.fetchedAt', { time: formatWhen(snapshot.fetchedAt, i18n.language) })}</p>
          <div className="kpi-grid" data-ring="inside">
            {byRing.inside.map((kpi) => (
              <KpiTile key={kpi.key} kpi={kpi} windowLabel={windowLabel} />
            ))}
          </div>
          {byRing.edge.length > 0 && (
            <>
              <h3 className="ring-heading">{t('kpi.ring.edge')}</h3>
              <div className="kpi-grid" data-ring="edge">
                {byRing.edge.map((kpi) => (
                  <KpiTile key={kpi.key} kpi={kpi} windowLabel={windowLabel} />
                ))}
              </div>
            </>
          )}
          {byRing.outside.length > 0 && (
            <details className="outside">
              <summary>{t('kpi.outsideToggle')}</summary>
              <p className="muted">{t('kpi.outsideWhy')}</p>
              <div className="kpi-grid" data-ring="outside">
                {byRing.outside.map((kpi) => (
                  <KpiTile key={kpi.key} kpi={kpi} windowLabel={windowLabel} />
                ))}
              </div>
            </details>
          )}
        </>
      )}
    </section>
  );
}
