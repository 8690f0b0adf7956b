/**
 * Reads an exported CSV back as a spreadsheet program does, for the export tests: a CR, LF
 * or CRLF outside quotes ends a record (so a line break inside a field survives only when
 * the field is quoted), a BOM is dropped, and csv-parse refuses any record whose field
 * count differs from the header's. Not shipped code: only the tests use it.
 */
import { parse } from 'csv-parse/sync'

export function readCsv(text: string): string[][] {
  return parse(text, { bom: true, record_delimiter: ['\r\n', '\n', '\r'] })
}
