/**
 * Metadata values that a file's structure states as markup: a DOCX heading converted to
 * HTML, a PDF document-info title some producer filled with HTML (`<b>…</b>`, `&amp;`).
 * The text a reader would see is taken with linkedom, the HTML parser import already
 * uses, instead of hand-written tag and entity rules.
 */
import { parseHTML } from 'linkedom'

/** Tags or character references: what makes a value markup rather than text. */
const MARKUP = /<\/?[a-z][^<>]*>|&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i

/** The visible text of `value` read as HTML, white space collapsed; plain text is returned as it is. */
export function textOfMarkup(value: string): string {
  if (!MARKUP.test(value)) return value.replace(/\s+/g, ' ').trim()
  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${value}</body></html>`) as unknown as {
    document: { body: { textContent: string | null } | null }
  }
  return (document.body?.textContent ?? '').replace(/\s+/g, ' ').trim()
}
