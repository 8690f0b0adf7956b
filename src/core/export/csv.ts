/**
 * Highlights as CSV: one row per highlight with article title, outlet, publication date,
 * tag names (joined by "; "), quote, comment, start and end offsets.
 *
 * Format (decided for Excel, which is what analysts open CSV files with):
 * - RFC 4180: comma separated, CRLF between records, fields holding a comma, quote, CR or
 *   LF quoted with inner quotes doubled. Line breaks inside a quote or comment are kept.
 * - UTF-8 with a byte order mark: without it Excel reads UTF-8 as the ANSI code page and
 *   shows "SohtaoÄŸlu". Other tools (Python's csv with `utf-8-sig`, pandas, LibreOffice)
 *   read the BOM fine.
 * - Formula guard (on by default): a text field starting with = + - @ (or tab / CR) gets a
 *   leading apostrophe, so a hostile article cannot make Excel run a formula
 *   (OWASP "CSV injection"). Nothing else is changed; turn it off for machine use.
 * - Dates are the publication day `YYYY-MM-DD` (Excel reads it as a date); offsets are the
 *   stored UTF-16 offsets into the article text.
 * - The event date (issue 15) comes last, so the earlier columns keep their places: first
 *   and last day (`YYYY-MM-DD`), precision (day, month, year, approximate), where it came
 *   from (`suggested` from the text, `accepted` suggestion, or `analyst`) and the phrase it
 *   was read from; all empty for a passage without one.
 *
 * - Grades and attribution (issue 14) follow: the source's reliability A–F, the passage's
 *   credibility 1–6, the Admiralty code (`B2`, `B?`; empty when ungraded) and the saved
 *   attribution (`secondary: Reuters (“according to Reuters”)`). The Outlet column names
 *   the outlet as the notebook knows it (linked or matched), else the article's metadata.
 *
 * The serialiser is csv-stringify's sync API, passed in by the caller: its type
 * declarations reference Node's types, which would leak into the core's type check
 * (tsconfig.core.json has `types: []` precisely to keep `process`/`Buffer` out), so the
 * core never imports it. In main: `highlightsToCsv(rows, stringify)` with
 * `import { stringify } from 'csv-stringify/sync'`.
 */
import { comparePassages, publicationDay, type BriefingLayout, type NotebookData } from '../briefing'
import type { ArticleId, HighlightId } from '../ids'
import type { Article, Highlight, Tag } from '../model'
import { attributionText, gradeCode } from '../sourcing/grading'
import { OutletMatcher } from '../sourcing/outlets'
import { claimsByHighlight, passageClaimText, type PassageClaim } from '../sourcing/claims'
import type { Reliability } from '../sourcing/schema'

export const CSV_COLUMNS = ['Article', 'Outlet', 'Published', 'Tags', 'Quote', 'Comment', 'Start', 'End', 'Event start', 'Event end', 'Event precision', 'Event date source', 'Event phrase', 'Reliability', 'Credibility', 'Grade', 'Attribution', 'Claims'] as const

/** A row's event date, as the CSV writes it. */
export interface CsvEventDate {
  start: string
  end: string
  precision: string
  source: 'suggested' | 'accepted' | 'analyst'
  phrase?: string
}

export interface CsvHighlightRow {
  highlightId: HighlightId
  articleId: ArticleId
  articleTitle: string
  outlet: string
  published: string
  tags: string[]
  quote: string
  comment: string
  start: number
  end: number
  event?: CsvEventDate | null
  /** The source's reliability A–F ('' when ungraded). */
  reliability?: string
  /** The passage's credibility 1–6 ('' when ungraded). */
  credibility?: string
  /** `attributionText` of the saved attribution ('' when none). */
  attribution?: string
  /** The claims the passage belongs to, with its stance in each (sourcing/claims `claimsByHighlight`). */
  claims?: readonly PassageClaim[]
}

/**
 * The options handed to csv-stringify (see the module comment for why each).
 * `quote_record_delimiter` must be set: once `record_delimiter` is given, csv-stringify
 * quotes only fields holding that exact delimiter (CRLF) unless told otherwise, and a lone
 * LF or CR inside a comment would then split the record in every spreadsheet program.
 */
export const CSV_STRINGIFY_OPTIONS = {
  bom: true,
  record_delimiter: 'windows',
  quote_record_delimiter: true,
  eof: true,
  quoted_empty: false,
} as const

/** The shape of csv-stringify's `stringify` from 'csv-stringify/sync' that this module needs. */
export type CsvStringify = (records: string[][], options: typeof CSV_STRINGIFY_OPTIONS) => string

export interface CsvOptions {
  /** Prefix an apostrophe to text fields Excel would read as a formula. Default true. */
  guardFormulas?: boolean
}

/** Serialises rows (with a header row) through the given csv-stringify `stringify`. */
export function highlightsToCsv(rows: readonly CsvHighlightRow[], stringify: CsvStringify, options: CsvOptions = {}): string {
  return stringify(csvRecords(rows, options), CSV_STRINGIFY_OPTIONS)
}

/** Header plus one record per row, every field a string, formula guard applied. */
export function csvRecords(rows: readonly CsvHighlightRow[], options: CsvOptions = {}): string[][] {
  const guard = options.guardFormulas ?? true
  const text = (value: string) => (guard ? guardFormula(value) : value)
  return [
    [...CSV_COLUMNS],
    ...rows.map((r) => [
      text(r.articleTitle),
      text(r.outlet),
      r.published,
      text(r.tags.join('; ')),
      text(r.quote),
      text(r.comment),
      String(r.start),
      String(r.end),
      r.event?.start ?? '',
      r.event?.end ?? '',
      r.event?.precision ?? '',
      r.event?.source ?? '',
      text(r.event?.phrase ?? ''),
      r.reliability ?? '',
      r.credibility ?? '',
      gradeCode((r.reliability || null) as Reliability | null, r.credibility ? Number(r.credibility) : null) ?? '',
      text(r.attribution ?? ''),
      text((r.claims ?? []).map(passageClaimText).join(' | ')),
    ]),
  ]
}

/** `'=SUM(A1)` for `=SUM(A1)`; everything else unchanged. */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/** The distinct highlights of a briefing, in the order they first appear in it. */
export function csvRowsFromLayout(layout: BriefingLayout): CsvHighlightRow[] {
  const sources = new Map(layout.sources.map((s) => [s.number, s]))
  const seen = new Set<HighlightId>()
  const rows: CsvHighlightRow[] = []
  for (const section of layout.sections) {
    for (const p of section.passages) {
      if (seen.has(p.highlightId)) continue
      seen.add(p.highlightId)
      const source = sources.get(p.sourceNumber)
      rows.push({
        highlightId: p.highlightId,
        articleId: p.articleId,
        articleTitle: source?.title ?? '',
        outlet: source?.outlet ?? '',
        published: source ? (publicationDay(source) ?? '') : '',
        tags: p.tags.map((t) => t.name),
        quote: p.quote,
        comment: p.comment,
        start: p.target.start,
        end: p.target.end,
        reliability: source?.reliability ?? '',
        credibility: p.credibility !== undefined ? String(p.credibility) : '',
        attribution: p.attribution ? attributionText(p.attribution) : '',
      })
    }
  }
  return rows
}

/** Every highlight of the notebook (whose article exists), by publication date then position. */
export function csvRowsFromNotebook(data: NotebookData): CsvHighlightRow[] {
  const articles = new Map(data.articles.map((a) => [a.id, a]))
  const tagRank = new Map(data.tags.map((t, i) => [t.id, i]))
  const tagsById = new Map(data.tags.map((t) => [t.id, t]))
  const outlets = data.outlets ? new OutletMatcher(data.outlets) : null
  const claims = claimsByHighlight(data.claims)
  return data.highlights
    .filter((h) => articles.has(h.articleId))
    .map((h) => ({ h, a: articles.get(h.articleId)! }))
    .sort((x, y) => comparePassages(x.a, x.h, y.a, y.h))
    .map(({ h, a }) => ({ ...rowOf(h, a, tagNames(h, tagsById, tagRank), outlets), claims: claims.get(h.id) ?? [] }))
}

function rowOf(h: Highlight, a: Article, tags: string[], outlets: OutletMatcher | null): CsvHighlightRow {
  return {
    highlightId: h.id,
    articleId: a.id,
    articleTitle: a.title,
    outlet: outlets?.outletOf(a)?.outlet.name ?? a.outlet ?? '',
    reliability: outlets?.reliabilityOf(a)?.grade ?? '',
    credibility: h.credibility !== undefined ? String(h.credibility) : '',
    attribution: h.attribution ? attributionText(h.attribution) : '',
    published: publicationDay(a) ?? '',
    tags,
    quote: h.target.exact,
    comment: h.comment,
    start: h.target.start,
    end: h.target.end,
  }
}

function tagNames(h: Highlight, tagsById: ReadonlyMap<string, Tag>, rank: ReadonlyMap<string, number>): string[] {
  return h.tagIds
    .filter((id) => tagsById.has(id))
    .sort((a, b) => rank.get(a)! - rank.get(b)!)
    .map((id) => tagsById.get(id)!.name)
}
