/**
 * Building and resolving W3C text selectors against stored article text.
 * A highlight keeps both a position (start/end) and a quote (exact with some context),
 * as hypothesis does, so it can be found again by its words if offsets ever drift.
 */
import type { TextTarget } from './model'

/** Characters of context kept on each side: enough to tell repeated phrases apart. */
export const QUOTE_CONTEXT_CHARS = 32

export function makeTextTarget(text: string, start: number, end: number): TextTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) {
    throw new RangeError(`selection ${start}-${end} is outside the text (length ${text.length})`)
  }
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT_CHARS), start),
    suffix: text.slice(end, end + QUOTE_CONTEXT_CHARS),
  }
}

/** Widens a range to drop surrounding whitespace, so a sloppy selection stores a clean quote. */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  let s = start
  let e = end
  while (s < e && /\s/.test(text[s] ?? '')) s++
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--
  return { start: s, end: e }
}

/** Every start offset at which `quote` occurs in `text` (non-overlapping scan from each hit + 1). */
export function findOccurrences(text: string, quote: string): number[] {
  const hits: number[] = []
  if (quote.length === 0) return hits
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) hits.push(i)
  return hits
}

/**
 * Whether a target still matches the text at its stored position. Re-anchoring by quote
 * when it does not is the reader's job (issue: anchoring); until then callers report it.
 */
export function targetMatches(text: string, target: TextTarget): boolean {
  return text.slice(target.start, target.end) === target.exact
}
