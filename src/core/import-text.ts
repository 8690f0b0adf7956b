/**
 * Turns the text of a saved article into a stored article draft: normalised text plus
 * the metadata the file itself states (title, outlet, author, date), each with where it
 * was found. Nothing is invented: a field the file does not state stays null.
 */
import { parseDateLine } from './dates'
import type { Article } from './model'
import { collapseWhitespace, countWords, normaliseText } from './text'

export interface ArticleDraft {
  text: string
  title: string
  outlet: string | null
  author: string | null
  published: string | null
  url: string | null
  metaSources: Article['metaSources']
  wordCount: number
}

/** How many leading non-empty lines may hold the headline, date and byline. */
const HEADER_LINES = 8
const MAX_TITLE_CHARS = 200

export function draftArticleFromText(raw: string, fileName: string): ArticleDraft {
  const text = normaliseText(raw)
  const lines = text
    .split('\n')
    .map((l) => collapseWhitespace(l))
    .filter((l) => l.length > 0)
  const header = lines.slice(0, HEADER_LINES)

  const metaSources: Article['metaSources'] = {}
  let published: string | null = null
  let author: string | null = null
  const dateLineIndex = header.findIndex((l) => parseDateLine(l) !== null)
  if (dateLineIndex !== -1) {
    const stated = parseDateLine(header[dateLineIndex]!)!
    published = stated.iso
    metaSources.published = `date line ${dateLineIndex + 1} of the file`
    const by = /^By\s+(.{2,80})$/i.exec(stated.lead)
    if (by) {
      author = by[1]!.trim()
      metaSources.author = 'byline before the date'
    }
  }

  const title = pickTitle(header, dateLineIndex)
  if (title) metaSources.title = title.reason
  const outlet = findOutletSignature(header)
  if (outlet) metaSources.outlet = 'signature after the standfirst ("… / Outlet")'
  const url = findStatedUrl(header)
  if (url) metaSources.url = 'URL line in the header'

  return {
    text,
    title: title?.value ?? fallbackTitle(lines, fileName, metaSources),
    outlet,
    author,
    published,
    url,
    metaSources,
    wordCount: countWords(text),
  }
}

function pickTitle(header: string[], dateLineIndex: number): { value: string; reason: string } | null {
  let best: { value: string; reason: string; score: number; index: number } | null = null
  header.forEach((line, index) => {
    const words = countWords(line)
    if (words < 4 || words > 30 || line.length > MAX_TITLE_CHARS) return
    if (/[.!?:"”]$/.test(line) || parseDateLine(line)) return
    const repeated = header.some((other, j) => j !== index && other === line)
    const beforeDate = dateLineIndex === index + 1
    // A repeated line or one directly above the date is how saved pages mark the
    // headline; longer lines beat short taglines such as "Creating new perspectives".
    const score = (repeated ? 3 : 0) + (beforeDate ? 2 : 0) + (words >= 6 ? 1 : 0)
    if (!best || score > best.score) {
      const reason = repeated
        ? 'headline (repeated line, counted once)'
        : beforeDate
          ? 'headline above the date line'
          : 'first headline-like line'
      best = { value: line, reason, score, index }
    }
  })
  return best
}

function fallbackTitle(lines: string[], fileName: string, metaSources: Article['metaSources']): string {
  const first = lines[0]
  if (first) {
    const sentence = /^(.{10,}?[.!?])(\s|$)/u.exec(first)?.[1] ?? first
    metaSources.title = 'first sentence (the file states no headline)'
    return truncateAtWord(sentence, 100)
  }
  metaSources.title = 'file name'
  return fileName
}

export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:\s]+$/, '')}…`
}

/** A standfirst that ends with ` / Outlet Name` (as bne IntelliNews signs its articles). */
function findOutletSignature(header: string[]): string | null {
  for (const line of header) {
    const m = /\s\/\s([A-Za-z][\w&.'’ -]{1,48})$/.exec(line)
    if (m && countWords(m[1]!) <= 5) return m[1]!.trim()
  }
  return null
}

function findStatedUrl(header: string[]): string | null {
  for (const line of header) {
    const m = /^(?:URL:\s*|Source:\s*)?(https?:\/\/\S+)$/i.exec(line)
    if (m) return m[1]!
  }
  return null
}
