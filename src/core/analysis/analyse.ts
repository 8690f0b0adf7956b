/**
 * Analysis of an article's stored (normalised) text: the metadata the file states, each
 * value with where it came from; the page furniture before and after the article; damage
 * flags; and the text-reuse fingerprint. Pure: offsets index the text given.
 *
 * Nothing is invented. A field the file does not state stays null, with a source saying
 * so. Metadata from the file's structure (HTML meta tags and JSON-LD, PDF document info),
 * passed as `structural`, beats what the text suggests; the source then says what the
 * text said, if anything.
 */
import { normaliseStatedDate, parseDateLine, type StatedDate } from '../date-lines'
import { countWords } from '../text'
import { isSafeArticleUrl } from '../urls'
import { blankRanges, fingerprint, type Fingerprint } from './fingerprint'
import { textFlags, type TextFlag } from './flags'
import { leadingFurniture, trailingFurniture, type Furniture, type FurnitureGroup } from './furniture'
import { detectLanguage, normaliseLanguageTag } from './language'
import { isHeadlineLike, isProse, nonBlankLines, quote, stripMarks, type Line } from './lines'

export interface Span {
  start: number
  end: number
}

/** A metadata value and where it came from; `at` is where the text states it, when it does. */
export interface MetaValue<T> {
  value: T | null
  source: string
  at?: Span
}

export interface ArticleMeta {
  title: MetaValue<string>
  outlet: MetaValue<string>
  author: MetaValue<string>
  /** `YYYY-MM-DD`, or with `THH:MM[:SS]` and `±HH:MM` as far as stated. */
  published: MetaValue<string>
  url: MetaValue<string>
  /** BCP-47 (`en`). */
  language: MetaValue<string>
  wordCount: { value: number; source: string }
}

export type MetaField = 'title' | 'outlet' | 'author' | 'published' | 'url' | 'language'

/** A value read from the file's structure, e.g. `{ value: '2025-01-15T16:29:00+00:00', source: 'JSON-LD datePublished' }`. */
export interface StatedValue {
  value: string
  source: string
}

/**
 * `created` is when the file itself was made (DOCX dcterms:created, PDF CreationDate): it
 * is never taken as the publication date (a Word file saved today from a 2019 article, a
 * page printed to PDF), only named in the published field's source when the text states
 * no date, so the analyst sees it for what it is.
 */
export type StructuralMeta = Partial<Record<MetaField | 'created', StatedValue>>

export interface AnalyseOptions {
  fileName: string
  structural?: StructuralMeta
}

export interface TextAnalysis {
  meta: ArticleMeta
  /** Leading and trailing line ranges that are not the article, in text order. */
  furniture: Furniture[]
  flags: TextFlag[]
  /** The article between the furniture (header included). */
  article: Span
  /** Fingerprint of the text with the furniture left out. */
  fingerprint: Fingerprint
}

/** How many non-blank lines from the top may hold the headline, standfirst, date and byline. */
const HEADER_LINES = 8

export function analyseText(text: string, options: AnalyseOptions): TextAnalysis {
  const lines = nonBlankLines(text)
  const trailing = trailingFurniture(lines)
  const cut = trailing[0]?.from ?? lines.length
  const zone = lines.slice(0, Math.min(HEADER_LINES, cut))

  const header = readHeader(zone)
  const headerStart = firstOf([header.title?.index, header.date?.line.index, header.byline?.line.index])
  const leading = leadingFurniture(lines, headerStart, cut)
  const furniture: FurnitureGroup[] = [...leading, ...trailing]
  const inFurniture = (l: Line) => furniture.some((f) => l.index >= f.from && l.index <= f.to)

  const headerLines = new Set<number>([
    ...(header.title?.copies ?? []),
    ...(header.date ? [header.date.line.index] : []),
    ...(header.byline ? [header.byline.line.index] : []),
  ])
  const bodyLines = lines.filter((l) => !inFurniture(l) && !headerLines.has(l.index))
  const articleWords = bodyLines.reduce((sum, l) => sum + l.words, 0)
  const articleText = blankRanges(text, furniture)

  const fromText: Record<MetaField, MetaValue<string>> = {
    title: titleMeta(header),
    published: publishedMeta(header),
    author: authorMeta(header),
    outlet: outletMeta(header, lines, bodyLines, trailing),
    url: urlMeta(zone, lines, cut),
    language: languageMeta(bodyLines.map((l) => l.text).join('\n')),
  }
  const merged = mergeStructural(fromText, options.structural ?? {})
  const meta: ArticleMeta = {
    ...merged,
    published: merged.published.value === null ? withFileDate(merged.published, options.structural?.created) : merged.published,
    wordCount: {
      value: articleWords,
      source: wordCountSource(headerLines.size, furniture),
    },
  }

  const first = lines.find((l) => !leading.some((f) => l.index >= f.from && l.index <= f.to))
  const lastArticle = [...lines].reverse().find((l) => !trailing.some((f) => l.index >= f.from && l.index <= f.to))
  return {
    meta,
    furniture: furniture.map(({ start, end, kind, label }) => ({ start, end, kind, label })),
    flags: textFlags(text, articleWords),
    article: first && lastArticle ? { start: first.start, end: lastArticle.end } : { start: 0, end: 0 },
    fingerprint: fingerprint(articleText),
  }
}

// ---------------------------------------------------------------------------------------
// The header: headline, date line, byline, standfirst.

interface Header {
  title: { index: number; line: Line; value: string; copies: number[]; repeated: boolean; aboveDate: boolean } | null
  date: { line: Line; stated: StatedDate } | null
  byline: { line: Line; name: string } | null
  zone: Line[]
}

const BYLINE = /^(?:by|written by|words by|author:)\s+(\S.{1,80})$/i

function readHeader(zone: Line[]): Header {
  let date: Header['date'] = null
  for (const line of zone) {
    const stated = parseDateLine(line.text)
    if (stated && !/^(?:updated|last\s+updated|modified)/i.test(stated.lead)) {
      date = { line, stated }
      break
    }
  }
  let byline: Header['byline'] = null
  if (date && /^by\s/i.test(date.stated.lead)) {
    byline = { line: date.line, name: cleanName(date.stated.lead.replace(/^by\s+/i, '')) }
  } else {
    for (const line of zone) {
      const m = BYLINE.exec(line.text)
      if (m && line.words <= 10 && !/[.!?]$/.test(line.text)) {
        byline = { line, name: cleanName(m[1]!) }
        break
      }
    }
  }
  return { title: pickTitle(zone, date?.line.index ?? null, byline?.line.index ?? null), date, byline, zone }
}

const cleanName = (name: string) => name.replace(/\s*[|,·•–—-]\s*$/, '').trim()

function pickTitle(zone: Line[], dateIndex: number | null, bylineIndex: number | null): Header['title'] {
  type Candidate = NonNullable<Header['title']> & { score: number }
  let best: Candidate | null = null
  const next = (line: Line) => zone[zone.indexOf(line) + 1]
  const firstContent = zone.find((l) => l.index !== dateIndex && l.index !== bylineIndex)
  zone.forEach((line) => {
    if (line.index === dateIndex || line.index === bylineIndex || !isHeadlineLike(line.text, 3, 30)) return
    const value = stripMarks(line.text)
    const copies = zone.filter((o) => stripMarks(o.text) === value).map((o) => o.index)
    if (copies[0] !== line.index) return
    const repeated = copies.length > 1
    const below = next(line)
    const aboveDate = below !== undefined && (below.index === dateIndex || below.index === bylineIndex)
    // The first line (after a date line or byline, if those come first), set apart from
    // prose below it: a `.txt` or `.md` save of a page.
    const leadsProse = line === firstContent && below !== undefined && (isProse(below) || below.words >= 15) && !isProse(line)
    const score = (repeated ? 3 : 0) + (aboveDate ? 2 : 0) + (leadsProse ? 1 : 0)
    if (score > 0 && (!best || score > best.score)) best = { index: line.index, line, value, copies, repeated, aboveDate, score }
  })
  if (!best) return null
  const { score: _score, ...title } = best as Candidate
  return title
}

const ordinal = (line: Line) => (line.index === 0 ? 'first line' : `line ${line.index + 1}`)

function titleMeta(header: Header): MetaValue<string> {
  const t = header.title
  if (!t) return { value: null, source: 'no headline: the file begins with the body' }
  const how = [t.aboveDate ? 'above the date line' : null, t.repeated ? 'repeated (counted once)' : null].filter(Boolean)
  const source = `headline: ${ordinal(t.line)}${how.length > 0 ? `, ${how.join(' and ')}` : ', set apart above the body'}`
  return { value: t.value, source, at: { start: t.line.start, end: t.line.end } }
}

function publishedMeta(header: Header): MetaValue<string> {
  const d = header.date
  if (!d) return { value: null, source: 'no date line in the header (dates inside the body are not the publication date)' }
  const iso = d.stated.iso
  const precision = iso.includes('T')
    ? /[+-]\d{2}:\d{2}$/.test(iso)
      ? ', with its UTC offset'
      : ' (time stated without a UTC offset)'
    : ''
  const title = header.title
  let where: string
  if (/^by\s/i.test(d.stated.lead)) where = `byline ${quote(d.line.text)}`
  else if (d.stated.lead) where = `labelled date line ${quote(d.line.text)}`
  else if (title && header.zone[header.zone.indexOf(title.line) + 1] === d.line) where = 'date line under the headline'
  else where = `date line (${ordinal(d.line)})`
  return { value: iso, source: where + precision, at: { start: d.line.start, end: d.line.end } }
}

function authorMeta(header: Header): MetaValue<string> {
  const b = header.byline
  if (!b || b.name.length === 0) return { value: null, source: 'no byline' }
  const onDateLine = header.date?.line === b.line
  const byText = /^(\S+(?:\s+by)?)/i.exec(b.line.text)?.[1] ?? 'By'
  return {
    value: b.name,
    source: `byline "${byText} …"${onDateLine ? ' before the date' : ''}`,
    at: { start: b.line.start, end: b.line.end },
  }
}

// ---------------------------------------------------------------------------------------
// Outlet, URL, language.

const SIGNATURE = /\s\/\s([\p{L}\p{N}][\p{L}\p{N}&.'’ -]{1,48})$/u
const SOURCE_LINE = /^(?:source|originally published (?:by|in|on|at)|this (?:article|story) (?:was )?(?:first|originally) (?:appeared|published) (?:in|on|by|at))\s*:?\s*(.+?)\.?$/i
/** `LATAKIA, Syria (Reuters) —`: a place in capitals, perhaps a country, the agency in parentheses. */
const WIRE_DATELINE = /^[\p{Lu}][\p{Lu} .'’-]{2,40}?(?:,\s*[\p{Lu}][\p{L} .'’-]{1,30}?)?\s*\(([\p{Lu}][\p{L} .&'’-]{1,30})\)\s*[-–—]/u
const COPYRIGHT_HOLDER = /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:\d{4})(?:\s*[-–]\s*\d{4})?,?\s*)?(.+?)(?:[.,]?\s*all rights reserved\.?)?$/i
const URL_LINE = /^(?:(?:url|link|source|permalink|originally published at|read (?:it )?(?:online )?at)\s*:?\s*)?<?(https?:\/\/[^\s<>]+?)>?[.,]?$/i

function outletMeta(header: Header, lines: Line[], bodyLines: Line[], trailing: FurnitureGroup[]): MetaValue<string> {
  for (const line of header.zone) {
    if (line.index === header.title?.index || line.words < 8) continue
    const m = SIGNATURE.exec(line.text)
    if (m && countWords(m[1]!) <= 5) {
      const at = line.start + line.text.length - m[1]!.length
      return { value: m[1]!.trim(), source: `signature at the end of the standfirst ("… / ${m[1]!.trim()}")`, at: { start: at, end: line.end } }
    }
  }
  for (const line of [...header.zone, ...bodyLines.slice(-3)]) {
    const m = SOURCE_LINE.exec(line.text)
    if (m && !/^https?:/i.test(m[1]!) && countWords(m[1]!) <= 6 && line.words <= 12) {
      return { value: m[1]!.trim(), source: `source line ${quote(line.text)}`, at: { start: line.start, end: line.end } }
    }
  }
  for (const line of bodyLines.slice(0, 3)) {
    const m = WIRE_DATELINE.exec(line.text)
    if (m) return { value: m[1]!.trim(), source: `wire dateline ${quote(m[0])}`, at: { start: line.start, end: line.start + m[0].length } }
  }
  const copyright = trailing.find((g) => g.kind === 'copyright')
  if (copyright) {
    const text = lines[copyright.from]!.text
    const m = COPYRIGHT_HOLDER.exec(text)
    const holder = m?.[1]?.replace(/[.,\s]+$/, '').trim()
    if (holder && countWords(holder) >= 1 && countWords(holder) <= 8) {
      return { value: holder, source: `copyright holder in the closing line ${quote(text)}`, at: { start: copyright.start, end: copyright.end } }
    }
  }
  return { value: null, source: 'no outlet named in the header, a signature, a source line or a copyright line' }
}

function urlMeta(zone: Line[], lines: Line[], cut: number): MetaValue<string> {
  const tail = lines.slice(Math.max(zone.length, cut - 3))
  for (const [where, group] of [['header', zone], ['closing lines', tail]] as const) {
    for (const line of group) {
      const m = URL_LINE.exec(line.text)
      if (m) return { value: m[1]!, source: `URL line in the ${where} ${quote(line.text)}`, at: { start: line.start, end: line.end } }
    }
  }
  return { value: null, source: 'no URL line in the header or at the end' }
}

function languageMeta(body: string): MetaValue<string> {
  const detected = detectLanguage(body)
  if (!detected.tag) return { value: null, source: 'too little text to detect the language' }
  return { value: detected.tag, source: `detected from the article text (franc-min: ${detected.iso6393})` }
}

function wordCountSource(headerLines: number, furniture: FurnitureGroup[]): string {
  const left: string[] = []
  if (headerLines > 0) left.push('headline, date and byline lines')
  if (furniture.length > 0) left.push(`${furniture.length} furniture range${furniture.length === 1 ? '' : 's'}`)
  return `words of the article text${left.length > 0 ? ` (${left.join(' and ')} left out)` : ''}`
}

// ---------------------------------------------------------------------------------------
// Structural metadata wins over the text.

const NORMALISE: Record<MetaField, (value: string) => string | null> = {
  title: (v) => nonEmpty(v.replace(/\s+/g, ' ')),
  outlet: (v) => nonEmpty(v.replace(/\s+/g, ' ')),
  author: (v) => nonEmpty(v.replace(/\s+/g, ' ')),
  published: normaliseStatedDate,
  url: (v) => (isSafeArticleUrl(v.trim()) ? v.trim() : null),
  language: normaliseLanguageTag,
}

/** The published field with no date: its source names the file's own creation date, as what it is. */
function withFileDate(published: MetaValue<string>, created: StatedValue | undefined): MetaValue<string> {
  const iso = created ? normaliseStatedDate(created.value) : null
  if (!created || iso === null) return published
  return { value: null, source: `no publication date stated (${published.source}); the ${created.source} says ${iso}, which is when the file was made, not when the text was published` }
}

function nonEmpty(value: string): string | null {
  const v = value.trim()
  return v.length > 0 && v.length <= 2000 ? v : null
}

function mergeStructural(text: Record<MetaField, MetaValue<string>>, structural: StructuralMeta): Record<MetaField, MetaValue<string>> {
  const out = { ...text }
  for (const field of Object.keys(NORMALISE) as MetaField[]) {
    const stated = structural[field]
    if (!stated) continue
    const value = NORMALISE[field](stated.value)
    if (value === null) continue
    const fromText = text[field]
    const note =
      fromText.value === null
        ? ''
        : sameValue(field, fromText.value, value)
          ? ` (the text agrees: ${fromText.source})`
          : ` (preferred over the text's ${fromText.source}: ${JSON.stringify(fromText.value)})`
    out[field] = { value, source: `${stated.source}${note}` }
  }
  return out
}

function sameValue(field: MetaField, a: string, b: string): boolean {
  if (field === 'language') return a.split('-')[0] === b.split('-')[0]
  if (field === 'published') return a === b || a.slice(0, 10) === b.slice(0, 10)
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0
}

function firstOf(values: (number | undefined)[]): number | null {
  const defined = values.filter((v): v is number => v !== undefined)
  return defined.length > 0 ? Math.min(...defined) : null
}
