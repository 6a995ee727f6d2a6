// Survey export (CSV) → hub feedback records, with a clear error per bad row and its line number in the
// file (the line the record starts on, header = line 1), so a lead can fix the file and import it again.
import { parse } from 'csv-parse/sync';
import { type FeedbackIn, feedbackIn } from '../../lib/contract/requests';
import { issuesToErrors } from '../api/errors';
import { CHANNEL_LABELS, type CsvMapping, headerKey, type MappableField, type RatingField } from './mappings';

export interface RowError {
  line: number;
  errors: { field: string; message: string }[];
}

export interface ParsedRow {
  line: number;
  feedback: FeedbackIn;
}

export interface ParsedCsv {
  rows: ParsedRow[];
  errors: RowError[];
  /** Header names found for each mapped field (for the import summary). */
  columns: Partial<Record<MappableField, string>>;
}

export class CsvFileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line ? `line ${line}: ${message}` : message);
    this.name = 'CsvFileError';
  }
}

/** Semicolons for exports from Nordic Excel, tabs for TSV, commas otherwise: decided on the header line. */
export function detectDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, outsideQuotes.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0] && counts[0][1] > 0 ? counts[0][0] : ',';
}

const EMPTY_RATINGS = new Set(['', '-', 'n/a', 'na', 'offered', 'unoffered', 'not offered', 'null']);

function ratingValue(raw: string, field: RatingField, mapping: CsvMapping): { value?: number; error?: string } {
  const cell = raw.trim();
  if (EMPTY_RATINGS.has(cell.toLowerCase())) return {};
  const label = mapping.ratings?.[field];
  if (label) {
    const hit = Object.entries(label).find(([k]) => k.toLowerCase() === cell.toLowerCase());
    if (hit) return { value: hit[1] };
  }
  // "4", "4.0", "4,0" (Nordic decimal comma) and "4/5" all mean 4.
  const m = /^(\d{1,2})(?:[.,]0+)?(?:\s*\/\s*(?:5|10))?$/.exec(cell);
  if (!m) return { error: `"${truncate(cell)}" is not a score` };
  return { value: Number(m[1]) };
}

function truncate(s: string, n = 40): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

/**
 * Dates as exports write them: ISO 8601 (a missing offset means UTC), "2024-03-05 14:22", RFC 2822
 * ("Tue, 05 Mar 2024 14:22:10 +0100") and day-first Nordic "05.03.2024 14:22" / "05-03-2024". Month-first
 * US dates are ambiguous and rejected rather than guessed.
 */
export function parseExportDate(raw: string): string | null {
  const cell = raw.trim();
  if (!cell) return null;
  let m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC)?$/i.exec(
      cell,
    );
  if (m) {
    const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
    const offset = /^utc$/i.test(zone) ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
    return isoOrNull(
      `${y}-${mo}-${d}T${h}:${mi}:${s}${frac ? `.${frac.padEnd(3, '0').slice(0, 3)}` : ''}${offset.toUpperCase()}`,
    );
  }
  m = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(cell);
  if (m) {
    const [, d = '', mo = '', y, h = '0', mi = '00', s = '00'] = m;
    return isoOrNull(`${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}T${h.padStart(2, '0')}:${mi}:${s}Z`);
  }
  if (/[a-z]{3}/i.test(cell) && /\d{4}/.test(cell)) {
    const t = Date.parse(cell);
    return Number.isFinite(t) ? new Date(t).toISOString() : null;
  }
  return null;
}

function isoOrNull(s: string): string | null {
  const t = Date.parse(s);
  if (!Number.isFinite(t)) return null;
  const iso = new Date(t).toISOString();
  // Date.parse rolls 2024-02-31 over into March; a real export never writes that, so it is an error.
  const [datePart] = s.split('T');
  if (s.endsWith('Z') && datePart && !iso.startsWith(datePart)) return null;
  return iso;
}

function channelValue(raw: string, mapping: CsvMapping): 'chat' | 'email' | 'phone' | undefined {
  const key = headerKey(raw);
  if (!key) return mapping.defaultChannel;
  for (const [label, ch] of Object.entries(mapping.channels ?? {})) if (headerKey(label) === key) return ch;
  return CHANNEL_LABELS[key];
}

export function parseFeedbackCsv(text: string, mapping: CsvMapping): ParsedCsv {
  let records: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      info: true,
      raw: true,
      relax_column_count: true,
      // Hand-edited exports have stray quotes inside unquoted cells; keep them as text.
      relax_quotes: true,
      skip_empty_lines: true,
      trim: false,
    }) as unknown as typeof records;
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new CsvFileError(e.message.replace(/^Invalid Record Length: /, ''), e.lines);
  }
  const startLine = (r: (typeof records)[number]) =>
    r.info.lines -
    (r.raw
      .replace(/^(\r?\n)+/, '')
      .replace(/\r?\n$/, '')
      .match(/\n/g)?.length ?? 0);

  const [header, ...body] = records;
  if (!header) throw new CsvFileError('the file is empty');

  // Resolve each mapped field to a column index; the first alias present wins.
  const index = new Map(header.record.map((h, i) => [headerKey(h), i] as const));
  const columnOf: Partial<Record<MappableField, number>> = {};
  const columns: ParsedCsv['columns'] = {};
  for (const [field, aliases] of Object.entries(mapping.columns) as [MappableField, string[]][]) {
    for (const alias of aliases) {
      const i = index.get(headerKey(alias));
      if (i !== undefined) {
        columnOf[field] = i;
        columns[field] = header.record[i];
        break;
      }
    }
  }
  const missing: string[] = [];
  if (columnOf.contactId === undefined) missing.push(`contact id (${mapping.columns.contactId?.join(', ') ?? '—'})`);
  if (columnOf.agentEmail === undefined && columnOf.agentId === undefined) {
    missing.push(`agent (${[...(mapping.columns.agentEmail ?? []), ...(mapping.columns.agentId ?? [])].join(', ')})`);
  }
  if (columnOf.answeredAt === undefined) missing.push(`answer date (${mapping.columns.answeredAt?.join(', ') ?? '—'})`);
  if (missing.length > 0) {
    throw new CsvFileError(
      `the header has no column for ${missing.join('; ')} — is --mapping ${mapping.name} right for this file?`,
      startLine(header),
    );
  }

  const rows: ParsedRow[] = [];
  const errors: RowError[] = [];
  for (const r of body) {
    const line = startLine(r);
    const cell = (f: MappableField) => {
      const i = columnOf[f];
      return i === undefined ? '' : (r.record[i] ?? '').trim();
    };
    const rowErrors: RowError['errors'] = [];
    const contactId = cell('contactId');
    const candidate: Record<string, unknown> = {
      externalId: `${mapping.source}:${cell('externalId') || contactId}`,
      contactId,
    };
    const email = cell('agentEmail');
    const agentId = cell('agentId');
    if (email) candidate.agent = { email };
    else if (agentId) candidate.agent = { id: agentId };
    else rowErrors.push({ field: 'agent', message: 'no agent email or id' });

    const channelCell = cell('channel');
    const channel = channelValue(channelCell, mapping);
    if (channel) candidate.channel = channel;
    else if (channelCell) rowErrors.push({ field: 'channel', message: `unknown channel "${truncate(channelCell)}"` });
    else rowErrors.push({ field: 'channel', message: 'no channel (set defaultChannel in a mapping file)' });

    const answeredAtCell = cell('answeredAt');
    const answeredAt = parseExportDate(answeredAtCell);
    if (answeredAt) candidate.answeredAt = answeredAt;
    else
      rowErrors.push({
        field: 'answeredAt',
        message: answeredAtCell ? `"${truncate(answeredAtCell)}" is not a date` : 'no date',
      });

    for (const f of ['empathy', 'csat', 'clarity', 'nps'] as const) {
      if (columnOf[f] === undefined) continue;
      const { value, error } = ratingValue(cell(f), f, mapping);
      if (error) rowErrors.push({ field: f, message: error });
      else if (value !== undefined) candidate[f] = value;
    }
    const caseType = cell('caseType');
    if (caseType) candidate.caseType = caseType;
    const comment = columnOf.comment === undefined ? '' : (r.record[columnOf.comment] ?? '');
    if (comment.trim()) candidate.comment = comment.trim();
    const lang = cell('lang').toLowerCase();
    if (lang) candidate.lang = lang.replace('_', '-').split('-')[0];
    const ticketUrl = cell('ticketUrl');
    if (ticketUrl) candidate.ticketUrl = ticketUrl;

    // Report every problem of the row at once: ours first, then the API schema's for the other fields.
    const checked = feedbackIn.safeParse(candidate);
    if (!checked.success) {
      const seen = new Set(rowErrors.map((e) => e.field));
      for (const e of issuesToErrors(checked.error)) {
        const field = e.path.split(/[.[]/)[0] || e.path;
        const ratingFailed = ['empathy', 'csat', 'clarity', 'nps'].some((f) => seen.has(f));
        const isNoAnswer = e.message.startsWith('at least one rating');
        if (!seen.has(field) && !(isNoAnswer && ratingFailed)) rowErrors.push({ field: e.path, message: e.message });
      }
    }
    if (rowErrors.length > 0 || !checked.success) {
      errors.push({ line, errors: rowErrors });
      continue;
    }
    rows.push({ line, feedback: checked.data });
  }
  return { rows, errors, columns };
}

/** The first built-in mapping whose required columns are all in the header (for import-csv without --mapping). */
export function detectMapping(text: string, candidates: CsvMapping[]): CsvMapping | null {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  for (const m of candidates) {
    try {
      parseFeedbackCsv(`${header}\n`, m);
      return m;
    } catch {
      // try the next one
    }
  }
  return null;
}
