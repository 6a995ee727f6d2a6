import { useTranslation } from 'react-i18next';
import { KPI_DEFINITIONS, KPI_KEYS, type KpiKey } from '../../lib/kpi';
import { displayText } from '../common/safe-text';

function isKnownKpi(key: string): key is KpiKey {
  return (KPI_KEYS as readonly string[]).includes(key);
}

/** Label and one-line definition in the UI language; unknown KPIs fall back to the hub's label. */
export function useKpiText(kpi: { key: string; label?: string }): { label: string; definition: string } {
  const { t } = useTranslation();
  if (!isKnownKpi(kpi.key)) return { label: displayText(kpi.label ?? kpi.key), definition: '' };
  return {
    label: t(`kpiLabel.${kpi.key}`, { defaultValue: KPI_DEFINITIONS[kpi.key].label }),
    definition: t(`kpiDefinition.${kpi.key}`, { defaultValue: KPI_DEFINITIONS[kpi.key].definition }),
  };
}

/** Same, outside React (lists of labels). */
export function kpiLabel(t: (key: string, opts?: { defaultValue: string }) => string, key: string, fallback?: string) {
  return isKnownKpi(key)
    ? t(`kpiLabel.${key}`, { defaultValue: KPI_DEFINITIONS[key].label })
    : displayText(fallback ?? key);
}

/** The hub's ring for a KPI, or the default ring when the hub sent none. */
export function ringOf(kpi: { key: string; influence?: string }): 'inside' | 'edge' | 'outside' {
  if (kpi.influence === 'inside' || kpi.influence === 'edge' || kpi.influence === 'outside') return kpi.influence;
  return isKnownKpi(kpi.key) ? KPI_DEFINITIONS[kpi.key].influence : 'edge';
}
