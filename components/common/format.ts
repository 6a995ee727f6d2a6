// Locale-aware formatting for the panel. Values are shown as the hub rounded them (no re-rounding of means).

// Building an Intl formatter costs far more than using one; a feedback list formats hundreds of dates.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(lang: string, maxDecimals: number): Intl.NumberFormat {
  const key = `n|${lang}|${maxDecimals}`;
  let f = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(lang, { maximumFractionDigits: maxDecimals });
    formatters.set(key, f);
  }
  return f;
}

function dateFormat(lang: string, style: 'time' | 'date' | 'datetime'): Intl.DateTimeFormat {
  const key = `d|${lang}|${style}`;
  let f = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    const opts: Intl.DateTimeFormatOptions =
      style === 'time'
        ? { timeStyle: 'short' }
        : style === 'date'
          ? { dateStyle: 'medium' }
          : { dateStyle: 'medium', timeStyle: 'short' };
    f = new Intl.DateTimeFormat(lang, opts);
    formatters.set(key, f);
  }
  return f;
}

export function formatNumber(value: number, lang: string, maxDecimals = 1): string {
  return numberFormat(lang, maxDecimals).format(value);
}

/** A KPI value with its unit; null for "no data". */
export function formatKpiValue(value: number | null | undefined, unit: string, lang: string): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  switch (unit) {
    case 'percent':
      return `${formatNumber(value, lang)} %`;
    case 'nps':
      return value > 0 ? `+${formatNumber(value, lang)}` : formatNumber(value, lang);
    case 'minutes':
      return `${formatNumber(value, lang)} min`;
    default:
      return formatNumber(value, lang);
  }
}

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Time only when it is today, date and time otherwise. */
export function formatWhen(iso: string | null | undefined, lang: string, now: Date = new Date()): string {
  const d = parse(iso);
  if (!d) return '';
  const sameDay = d.toDateString() === now.toDateString();
  return dateFormat(lang, sameDay ? 'time' : 'datetime').format(d);
}

export function formatDate(iso: string | null | undefined, lang: string): string {
  const d = parse(iso);
  return d ? dateFormat(lang, 'date').format(d) : '';
}

/** The local calendar date as YYYY-MM-DD (the pulse is one answer per local day). */
export function localDate(d: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
