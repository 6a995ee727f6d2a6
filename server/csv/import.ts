// import-csv: parse, report bad rows with their line numbers, import the valid ones through the hub's own
// ingestion (same validation, dedupe by externalId, fair attribution). Idempotent: importing the same
// file twice reports every row as a duplicate the second time.
import type { HubContext } from '../context';
import { type IngestScope, ingestFeedback } from '../ingest';
import type { CsvMapping } from './mappings';
import { type ParsedRow, parseFeedbackCsv, type RowError } from './parse';

export interface CsvImportReport {
  mapping: string;
  rows: number;
  inserted: number;
  duplicates: number;
  errors: RowError[];
  columns: Partial<Record<string, string>>;
}

const BATCH = 500;

export async function importFeedbackCsv(
  hub: HubContext,
  text: string,
  mapping: CsvMapping,
  scope: IngestScope,
): Promise<CsvImportReport> {
  const parsed = parseFeedbackCsv(text, mapping);
  const report: CsvImportReport = {
    mapping: mapping.name,
    rows: parsed.rows.length + parsed.errors.length,
    inserted: 0,
    duplicates: 0,
    errors: [...parsed.errors],
    columns: parsed.columns,
  };
  for (let i = 0; i < parsed.rows.length; i += BATCH) {
    let batch: ParsedRow[] = parsed.rows.slice(i, i + BATCH);
    // The hub's batch is all-or-nothing; rows it refuses (an agent it doesn't know) are reported by line
    // and the rest of the batch is sent again.
    while (batch.length > 0) {
      const res = await ingestFeedback(
        hub,
        batch.map((r) => r.feedback),
        scope,
        true,
      );
      if (res.ok) {
        for (const ack of res.items) {
          if (ack.duplicate) report.duplicates++;
          else report.inserted++;
        }
        break;
      }
      const refused = new Map<number, { field: string; message: string }[]>();
      for (const e of res.errors) {
        const m = /^\[(\d+)\]\.?(.*)$/.exec(e.path);
        const idx = m ? Number(m[1]) : -1;
        if (idx < 0 || idx >= batch.length) throw new Error(`the hub refused the import: ${e.path}: ${e.message}`);
        const list = refused.get(idx) ?? [];
        list.push({ field: m?.[2] || e.path, message: e.message });
        refused.set(idx, list);
      }
      for (const [idx, errs] of refused) {
        const row = batch[idx] as ParsedRow;
        const who = 'email' in row.feedback.agent ? row.feedback.agent.email : row.feedback.agent.id;
        report.errors.push({
          line: row.line,
          errors: errs.map((e) => (e.message === 'unknown agent' ? { ...e, message: `unknown agent ${who}` } : e)),
        });
      }
      batch = batch.filter((_, idx) => !refused.has(idx));
    }
  }
  report.errors.sort((a, b) => a.line - b.line);
  return report;
}

/** Human-readable summary for the CLI. */
export function formatImportReport(r: CsvImportReport): string {
  const lines = [
    `import-csv (${r.mapping}): ${r.rows} rows, ${r.inserted} imported, ${r.duplicates} already there, ${r.errors.length} with errors`,
  ];
  for (const e of r.errors) {
    lines.push(`  line ${e.line}: ${e.errors.map((x) => `${x.field}: ${x.message}`).join('; ')}`);
  }
  return lines.join('\n');
}
