import { useTranslation } from 'react-i18next';
import type { Influence } from '../../lib/db';

const RINGS: { ring: Influence; r: number }[] = [
  { ring: 'outside', r: 58 },
  { ring: 'edge', r: 40 },
  { ring: 'inside', r: 22 },
];

/** The three influence rings as a picture, with the KPIs of each ring named beside it. */
export function RingsPicture({ labelsByRing }: { labelsByRing: Record<Influence, string[]> }) {
  const { t } = useTranslation();
  return (
    <figure className="rings" aria-labelledby="rings-caption">
      <svg
        data-own-graphic=""
        viewBox="0 0 120 120"
        width="120"
        height="120"
        role="img"
        aria-label={t('kpi.ringsDescription')}
      >
        {RINGS.map(({ ring, r }) => (
          <circle key={ring} cx="60" cy="60" r={r} className={`ring ring--${ring}`} />
        ))}
        <text x="60" y="63" textAnchor="middle" className="ring-label ring-label--inside">
          {t('kpi.ringShort.inside')}
        </text>
        <text x="60" y="32" textAnchor="middle" className="ring-label">
          {t('kpi.ringShort.edge')}
        </text>
        <text x="60" y="12" textAnchor="middle" className="ring-label">
          {t('kpi.ringShort.outside')}
        </text>
      </svg>
      <figcaption id="rings-caption">
        <strong>{t('kpi.ringsTitle')}</strong>
        <ul className="rings-legend">
          {RINGS.slice()
            .reverse()
            .map(({ ring }) => (
              <li key={ring} className={`rings-legend__item rings-legend__item--${ring}`}>
                <span className={`swatch swatch--${ring}`} aria-hidden="true" />
                <span>
                  {t(`kpi.ring.${ring}`)}
                  {labelsByRing[ring].length > 0 && <>: {labelsByRing[ring].join(', ')}</>}
                </span>
              </li>
            ))}
        </ul>
      </figcaption>
    </figure>
  );
}
