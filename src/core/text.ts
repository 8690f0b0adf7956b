/**
 * Text normalisation shared by import, anchoring and search. The stored text of an
 * article is the output of `normaliseText`; highlight offsets index that string, so the
 * function must never change for text already stored (a change needs a migration).
 */

/** NFC-normalises, unifies line endings to \n, and drops a leading byte-order mark. */
export function normaliseText(raw: string): string {
  let text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw
  text = text.replace(/\r\n?/g, '\n').replace(/[\u2028\u2029]/g, '\n')
  return text.normalize('NFC')
}

/** Counts words as runs of letters or digits (apostrophes and hyphens inside a word keep it whole). */
export function countWords(text: string): number {
  // Counted one match at a time: `text.match(/…/g)` would hold every word of a long text
  // in one array at once (1.6 million strings for 11 MB, seconds of garbage collection).
  const word = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu
  let count = 0
  while (word.test(text)) count++
  return count
}

/** Collapses runs of whitespace to one space and trims: for titles and one-line display. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * Splits stored text into paragraphs with their offsets, as the reader lays them out.
 * Blank lines separate paragraphs. Within a block, lines that are long (one paragraph
 * per line, as saved web pages often are) each become a paragraph; short lines (hard-
 * wrapped text) stay together in one paragraph.
 */
export function splitParagraphs(text: string): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = []
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start)
    const end = nl === -1 ? text.length : nl
    lines.push({ start, end })
    start = end + 1
  }
  const paragraphs: { start: number; end: number }[] = []
  let block: { start: number; end: number }[] = []
  const flush = () => {
    if (block.length === 0) return
    const long = block.filter((l) => l.end - l.start > LONG_LINE_CHARS).length
    if (block.length > 1 && long * 2 > block.length) paragraphs.push(...block)
    else paragraphs.push({ start: block[0]!.start, end: block[block.length - 1]!.end })
    block = []
  }
  for (const line of lines) {
    if (text.slice(line.start, line.end).trim().length === 0) flush()
    else block.push(line)
  }
  flush()
  return paragraphs
}

/** Hard-wrapped text rarely exceeds ~80 characters a line; a saved paragraph-per-line page does. */
const LONG_LINE_CHARS = 120
