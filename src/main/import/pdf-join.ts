/**
 * Joins the paragraphs of a PDF's pages (./pdf-layout) into the document text. Pages are
 * separate paragraphs unless the text visibly runs on (no sentence end and a lower-case
 * start, a line-end hyphen, or a full last line before a flush first line).
 *
 * Words split at a line end are joined: "with-" + "drawal" → "withdrawal", but a hyphen
 * before a capital or a digit stays ("al-" + "Sharaa" → "al-Sharaa"), and so does one the
 * document vouches for: the hyphenated form occurs elsewhere and the joined one does not
 * ("well-known"), the document does not hyphenate words at all (its lines rarely end in a
 * hyphen), or both halves are words it uses ("Syrian-russian"). Soft hyphens always go.
 */

import type { PageLayout } from './pdf-layout'

/** Joins pages' paragraphs into the document text, de-hyphenating at line ends. */
export function joinPages(pages: readonly PageLayout[]): string {
  const paragraphs: string[][] = []
  let previous: PageLayout | null = null
  for (const page of pages) {
    page.paragraphs.forEach((lines, index) => {
      const last = paragraphs[paragraphs.length - 1]
      const lastLine = last?.[last.length - 1]
      const room = previous?.endRoom
      const full = room !== null && room !== undefined && wordEms(lines[0]!) > room
      const runs = lastLine !== undefined && (runsOn(lastLine, lines[0]!) || (full && page.startsFlush))
      if (index === 0 && last && runs) last.push(...lines)
      else paragraphs.push([...lines])
    })
    if (page.paragraphs.length > 0) previous = page
  }
  const hyphenation = { vocabulary: buildVocabulary(paragraphs), hyphenates: hyphenatesWords(paragraphs) }
  return paragraphs.map((lines) => joinLines(lines, hyphenation)).join('\n\n')
}

/** Whether the text visibly runs on: a line-end hyphen, or no sentence end and a lower-case start. */
export function runsOn(previous: string, next: string): boolean {
  const prev = previous.trimEnd()
  if (endsWithWordHyphen(prev)) return /^[\p{L}\p{N}]/u.test(next.trimStart())
  return !/[.!?:;"”’)\]…]$/.test(prev) && /^\p{Ll}/u.test(next.trimStart())
}

/** A line ends in a hyphen (or soft hyphen) right after a letter: a word may be broken there. */
export function endsWithWordHyphen(line: string): boolean {
  return /[\p{L}][-\u00ad\u2010]$/u.test(line)
}

/** Estimated width of a line's first word and the space before it, in ems. */
export function wordEms(text: string): number {
  return ((text.trimStart().split(' ')[0] ?? '').length + 1) * 0.5
}

// ---------------------------------------------------------------------------------------
// De-hyphenation

const WORD = /[\p{L}\p{M}\p{N}]+(?:[-\u2010'’][\p{L}\p{M}\p{N}]+)*/gu

/** Words of the document, leaving out the halves of words broken at line ends. */
function buildVocabulary(paragraphs: string[][]): Set<string> {
  const words = new Set<string>()
  for (const lines of paragraphs) {
    lines.forEach((line, i) => {
      const found = [...line.matchAll(WORD)].map((m) => m[0].toLowerCase())
      if (i > 0 && endsWithWordHyphen(lines[i - 1]!)) found.shift()
      if (endsWithWordHyphen(line)) found.pop()
      for (const word of found) words.add(word)
    })
  }
  return words
}

interface Hyphenation {
  vocabulary: ReadonlySet<string>
  /** Whether the document breaks words with hyphens (typesetting) or only breaks at hyphens it has. */
  hyphenates: boolean
}

/**
 * Typesetting that hyphenates does it often (a tenth of the lines or more in justified
 * text); without it, lines end in a hyphen only where a compound happened to break, a few
 * in a hundred. Below 20 line breaks there is too little to tell, and hyphenation is assumed.
 */
function hyphenatesWords(paragraphs: readonly string[][]): boolean {
  let breaks = 0
  let hyphens = 0
  for (const lines of paragraphs) {
    for (const line of lines.slice(0, -1)) {
      breaks++
      if (/[\p{L}\p{M}]-$/u.test(line)) hyphens++
    }
  }
  return breaks < 20 || hyphens / breaks >= 0.05
}

function joinLines(lines: readonly string[], hyphenation: Hyphenation): string {
  let text = lines[0] ?? ''
  for (const line of lines.slice(1)) {
    const hyphen = /([\p{L}\p{M}]+)([-\u00ad\u2010])$/u.exec(text)
    const next = /^[\p{L}\p{M}]+/u.exec(line)?.[0] ?? ''
    if (hyphen && next) {
      const stem = hyphen[1]!
      const mark = hyphen[2]!
      if (mark === '\u00ad') text = text.slice(0, -1) + line
      else if (!/^\p{Ll}/u.test(next)) text += line // al-Sharaa, COVID-19
      else if (keepHyphen(stem, next, hyphenation)) text += line
      else text = text.slice(0, -1) + line
    } else if (/[\p{L}\p{N}][—–/]$/u.test(text)) {
      // A line broken after a dash or a slash ("RO/" + "RO", a URL) runs on without a space.
      text += line
    } else {
      text += ` ${line}`
    }
  }
  return text
}

/**
 * A hyphen at a line end is either inserted hyphenation ("with-drawal") or part of a
 * compound that happened to break there ("tight-lipped"). The document decides: a form it
 * uses elsewhere wins; then a document that does not hyphenate keeps every hyphen; one
 * that does keeps it only when both halves are words it uses on their own ("Syrian-russian").
 */
function keepHyphen(stem: string, next: string, { vocabulary, hyphenates }: Hyphenation): boolean {
  if (vocabulary.has(`${stem}${next}`.toLowerCase())) return false
  if (vocabulary.has(`${stem}-${next}`.toLowerCase())) return true
  if (!hyphenates) return true
  return stem.length > 1 && next.length > 1 && vocabulary.has(stem.toLowerCase()) && vocabulary.has(next.toLowerCase())
}
