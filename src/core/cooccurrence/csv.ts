/**
 * A co-occurrence grid as CSV, in the project's CSV format (src/core/export/csv.ts: RFC
 * 4180, CRLF, line breaks inside a field quoted, UTF-8 with a BOM for Excel, formula guard
 * on labels): a header row of the column labels, then one row per tag with its counts.
 * The serialiser (csv-stringify's sync `stringify`) is passed in, as for the highlights CSV.
 */
import { CSV_STRINGIFY_OPTIONS, guardFormula, type CsvOptions, type CsvStringify } from '../export/csv'
import type { CooccurrenceGrid } from './cooccurrence'

const CORNER: Readonly<Record<CooccurrenceGrid['by'], string>> = { tag: 'Tag', article: 'Tag \\ Article', outlet: 'Tag \\ Outlet' }

export function cooccurrenceRecords(grid: CooccurrenceGrid, options: CsvOptions = {}): string[][] {
  const guard = options.guardFormulas ?? true
  const text = (value: string) => (guard ? guardFormula(value) : value)
  return [
    [CORNER[grid.by], ...grid.columns.map((c) => text(c.label))],
    ...grid.rows.map((row, r) => [text(row.label), ...grid.cells[r]!.map((cell) => String(cell.count))]),
  ]
}

export function cooccurrenceToCsv(grid: CooccurrenceGrid, stringify: CsvStringify, options: CsvOptions = {}): string {
  return stringify(cooccurrenceRecords(grid, options), CSV_STRINGIFY_OPTIONS)
}
