import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

// Shared with the legend swatches in KpiTile.
export const TARGET_COLOUR = '#16a34a';
export const MEDIAN_COLOUR = '#9ca3af';

export interface TrendChartProps {
  points: { date: string; value: number | null }[];
  label: string;
  target: number | null;
  teamMedian: number | null;
}

/** Daily trend drawn with uPlot, loaded after first paint; the values are also available as a table. */
export function TrendChart({ points, label, target, teamMedian }: TrendChartProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const holder = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(false);
  const [showTable, setShowTable] = useState(false);

  useEffect(() => {
    const el = holder.current;
    if (!el || points.length === 0) return;
    let disposed = false;
    let chart: { destroy(): void } | null = null;
    void import('uplot')
      .then(({ default: UPlot }) => {
        if (disposed) return;
        const xs = points.map((p) => Date.parse(`${p.date}T12:00:00Z`) / 1000);
        const ys = points.map((p) => p.value);
        const ink = getComputedStyle(el).color || '#555';
        const series: import('uplot').Series[] = [{}, { label, stroke: '#3b82f6', width: 2, spanGaps: true }];
        const data: (number | null)[][] = [xs, ys];
        if (target !== null) {
          series.push({ label: 'target', stroke: TARGET_COLOUR, dash: [4, 4], width: 1, points: { show: false } });
          data.push(xs.map(() => target));
        }
        if (teamMedian !== null) {
          series.push({ label: 'median', stroke: MEDIAN_COLOUR, dash: [2, 3], width: 1, points: { show: false } });
          data.push(xs.map(() => teamMedian));
        }
        const axis = { stroke: ink, grid: { stroke: 'rgba(127,127,127,0.2)' }, ticks: { show: false }, size: 28 };
        const day = new Intl.DateTimeFormat(lang, { month: 'numeric', day: 'numeric' });
        chart = new UPlot(
          {
            width: Math.max(160, el.clientWidth || 280),
            height: 90,
            legend: { show: false },
            cursor: { show: true, points: { show: false } },
            series,
            axes: [
              { ...axis, space: 50, values: (_u, splits) => splits.map((v) => day.format(v * 1000)) },
              { ...axis, size: 36 },
            ],
          },
          data as import('uplot').AlignedData,
          el,
        );
        setDrawn(true);
      })
      // No canvas (e.g. jsdom) or no layout: the table below still carries the numbers.
      .catch(() => setDrawn(false));
    return () => {
      disposed = true;
      chart?.destroy();
    };
  }, [points, label, target, teamMedian, lang]);

  return (
    <div className="trend">
      <div ref={holder} className="trend-canvas" data-drawn={drawn ? 'true' : 'false'} aria-hidden="true" />
      <button
        type="button"
        className="link-button"
        aria-expanded={showTable}
        onClick={() => setShowTable((v) => !v)}
        disabled={points.length === 0}
      >
        {t('kpi.trendTable')}
      </button>
      {showTable && (
        <table className="trend-table">
          <thead>
            <tr>
              <th scope="col">{t('kpi.date')}</th>
              <th scope="col">{t('kpi.value')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.date}>
                <td>{p.date}</td>
                <td>{p.value ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
