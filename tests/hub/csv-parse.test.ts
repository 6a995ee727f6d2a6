import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_MAPPINGS, loadMapping } from '../../server/csv/mappings';
import { CsvFileError, detectDelimiter, parseExportDate, parseFeedbackCsv } from '../../server/csv/parse';

const fixture = (name: string) => resolve(import.meta.dirname, '../fixtures/csv', name);
const read = (name: string) => readFileSync(fixture(name), 'utf8');

describe('CSV survey exports', () => {
  it('Brilliant-style (Swedish headers, semicolons, BOM, a quoted multi-line comment)', () => {
    const r = parseFeedbackCsv(read('brilliant-sv.csv'), BUILTIN_MAPPINGS.brilliant);
    expect(r.rows.map((x) => [x.line, x.feedback.externalId])).toEqual([
      [2, 'brilliant:B-1001'],
      [3, 'brilliant:B-1002'],
      [5, 'brilliant:B-1003'],
      [9, 'brilliant:B-1007'],
    ]);
    expect(r.rows[0]?.feedback).toEqual({
      externalId: 'brilliant:B-1001',
      contactId: 'T-501',
      agent: { email: 'agent1@example.test' },
      channel: 'email',
      caseType: 'Faktura',
      answeredAt: '2026-11-20T09:15:00.000Z',
      empathy: 5,
      csat: 5,
      clarity: 4,
      nps: 9,
      comment: 'Mycket bra hjälp, tack!',
      lang: 'sv',
    });
    expect(r.rows[1]?.feedback).toMatchObject({
      channel: 'chat',
      comment: 'Fick vänta länge;\noch svaret var otydligt.',
    });
    // Day-first date and a decimal comma.
    expect(r.rows[2]?.feedback).toMatchObject({ channel: 'phone', answeredAt: '2026-11-20T11:30:00.000Z', empathy: 4 });
    expect(r.rows[3]?.feedback).toMatchObject({
      comment: '<script>alert(1)</script>',
      answeredAt: '2026-11-21T07:00:00.000Z',
    });

    expect(r.errors).toEqual([
      { line: 6, errors: [{ field: 'agent', message: 'no agent email or id' }] },
      { line: 7, errors: [{ field: 'channel', message: 'unknown channel "Brevduva"' }] },
      {
        line: 8,
        errors: [
          { field: 'answeredAt', message: '"igår" is not a date' },
          { field: 'empathy', message: expect.stringMatching(/5|less than/i) },
        ],
      },
    ]);
  });

  it('Zendesk-style: Good/Bad ratings, channels by label, "Offered" is not an answer', () => {
    const r = parseFeedbackCsv(read('zendesk.csv'), BUILTIN_MAPPINGS.zendesk);
    expect(r.rows.map((x) => [x.line, x.feedback.externalId, x.feedback.csat, x.feedback.channel])).toEqual([
      [2, 'zendesk:9001', 5, 'email'],
      [3, 'zendesk:9002', 1, 'chat'],
      [5, 'zendesk:9004', 4, 'email'],
    ]);
    expect(r.errors.map((e) => [e.line, e.errors.map((x) => x.field)])).toEqual([
      [4, ['empathy']],
      [6, ['channel']],
    ]);
    expect(r.errors[0]?.errors[0]?.message).toMatch(/at least one rating or a comment/);
  });

  it('Freshdesk-style: happiness labels and RFC 2822 dates', () => {
    const r = parseFeedbackCsv(read('freshdesk.csv'), BUILTIN_MAPPINGS.freshdesk);
    expect(r.rows.map((x) => [x.line, x.feedback.csat, x.feedback.channel, x.feedback.answeredAt])).toEqual([
      [2, 5, 'email', '2026-11-19T09:00:00.000Z'],
      [3, 2, 'email', '2026-11-19T10:00:00.000Z'],
      [4, 3, 'phone', '2026-11-19T11:00:00.000Z'],
    ]);
    expect(r.errors).toEqual([{ line: 5, errors: [{ field: 'csat', message: '"Meh" is not a score' }] }]);
  });

  it('a custom JSON mapping with its own labels and a default channel', () => {
    const m = loadMapping(fixture('custom-mapping.json'));
    const r = parseFeedbackCsv(read('custom.csv'), m);
    expect(r.rows.map((x) => [x.feedback.externalId, x.feedback.csat, x.feedback.channel])).toEqual([
      ['acme:A1', 5, 'phone'],
      ['acme:A2', 1, 'phone'],
    ]);
    expect(r.errors).toEqual([{ line: 4, errors: [{ field: 'csat', message: '"maybe" is not a score' }] }]);
  });

  it('explains a header that does not fit the mapping instead of failing every row', () => {
    expect(() => parseFeedbackCsv(read('zendesk.csv'), BUILTIN_MAPPINGS.brilliant)).toThrow(
      /line 1: .*no column for agent .*--mapping brilliant/,
    );
  });

  it.each([
    ['', /empty/],
    ['Ticket ID,Assignee email\n1,"unterminated', /line 2/],
  ])('file-level problems are one clear error: %j', (text, message) => {
    expect(() => parseFeedbackCsv(text, BUILTIN_MAPPINGS.zendesk)).toThrow(CsvFileError);
    expect(() => parseFeedbackCsv(text, BUILTIN_MAPPINGS.zendesk)).toThrow(message);
  });

  it.each([
    ['bad json', /could not read/],
    ['{"columns": {"bogus": "x"}}', /columns/],
  ])('rejects an unusable mapping file (%s)', (content, message) => {
    const file = join(mkdtempSync(join(tmpdir(), 'attune-map-')), 'm.json');
    writeFileSync(file, content);
    expect(() => loadMapping(file)).toThrow(message);
  });

  it.each([
    ['2026-11-20', '2026-11-20T00:00:00.000Z'],
    ['2026-11-20 09:15', '2026-11-20T09:15:00.000Z'],
    ['2026-11-20T09:15:30.5Z', '2026-11-20T09:15:30.500Z'],
    ['2026-11-20 09:15:30 +0100', '2026-11-20T08:15:30.000Z'],
    ['2026-11-20 09:15 UTC', '2026-11-20T09:15:00.000Z'],
    ['20.11.2026', '2026-11-20T00:00:00.000Z'],
    ['5-3-2026 7:05', '2026-03-05T07:05:00.000Z'],
    ['Thu, 19 Nov 2026 09:00:00 +0000', '2026-11-19T09:00:00.000Z'],
    ['2026-02-31', null],
    ['11/20/2026', null],
    ['yesterday', null],
    ['', null],
  ])('parseExportDate(%j) → %s', (raw, iso) => {
    expect(parseExportDate(raw)).toBe(iso);
  });

  it.each([
    ['a,b,c', ','],
    ['a;b;c', ';'],
    ['a\tb\tc', '\t'],
    ['"x,y";b;c', ';'],
    ['single', ','],
  ])('detectDelimiter(%j)', (line, d) => {
    expect(detectDelimiter(`${line}\n1,2,3`)).toBe(d);
  });

  it('any text either parses into rows and row errors or is one CsvFileError, never anything else', () => {
    const header =
      'Satisfaction rating ID,Ticket ID,Assignee email,Ticket channel,Satisfaction rating updated - Timestamp,Ticket satisfaction rating,Ticket satisfaction comment\n';
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.boolean(), (body, withHeader) => {
        try {
          const r = parseFeedbackCsv(withHeader ? header + body : body, BUILTIN_MAPPINGS.zendesk);
          for (const e of r.errors) expect(e.line).toBeGreaterThanOrEqual(2);
          for (const row of r.rows) expect(row.feedback.externalId.startsWith('zendesk:')).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(CsvFileError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
