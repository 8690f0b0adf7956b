/**
 * Lines of the stored text with their offsets, and the small line tests that metadata
 * and furniture detection share. Offsets are UTF-16 code units into the stored text.
 */
import { collapseWhitespace, countWords } from '../text'

export interface Line {
  /** Position among the non-blank lines (0-based). */
  index: number
  /** Offset of the line's first character. */
  start: number
  /** Offset just past its last character (its newline is not included). */
  end: number
  /** The line with white space collapsed and trimmed. */
  text: string
  words: number
}

/** The non-blank lines of `text`, in order. */
export function nonBlankLines(text: string): Line[] {
  const lines: Line[] = []
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start)
    const end = nl === -1 ? text.length : nl
    const clean = collapseWhitespace(text.slice(start, end))
    if (clean.length > 0) lines.push({ index: lines.length, start, end, text: clean, words: countWords(clean) })
    start = end + 1
  }
  return lines
}

/** Ends like a sentence or a quotation, caption or parenthesis that closes one. */
export function endsLikeSentence(line: string): boolean {
  return /[.!?…:;]["”’'»)\]]*$|[)\]]$/u.test(line)
}

/** A paragraph of running text: long enough and punctuated like prose. */
export function isProse(line: Line): boolean {
  return line.words >= 12 && endsLikeSentence(line.text)
}

/** Text between markdown emphasis or heading marks, as saved pages often keep them. */
export function stripMarks(line: string): string {
  return line.replace(/^#{1,6}\s+/, '').replace(/^\*\*(.+)\*\*$/, '$1').replace(/^__(.+)__$/, '$1').trim()
}

/**
 * Could stand as a headline: a few words, no sentence-final full stop, starting with a
 * capital, digit or quotation mark.
 */
export function isHeadlineLike(raw: string, minWords = 3, maxWords = 30): boolean {
  const line = stripMarks(raw)
  const words = countWords(line)
  if (words < minWords || words > maxWords || line.length > 220) return false
  if (/[.,;:…]["”’']?$/u.test(line)) return false
  return /^["“‘'(]?[\p{Lu}\p{N}]/u.test(line)
}

/** Quotes a line for a label, shortened to `max` characters. */
export function quote(text: string, max = 60): string {
  return `"${text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text}"`
}
