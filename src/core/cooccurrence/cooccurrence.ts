/**
 * Co-occurrence of codes, as qualitative-analysis tools show it (notes/ach.md):
 *
 * - `tag`: tag × tag. A cell counts the passages (highlights) carrying both tags; the
 *   diagonal counts the passages carrying the tag. With `overlap`, two different
 *   highlights of the same article whose ranges overlap, one carrying each tag, count as
 *   one more co-occurrence of that pair (ATLAS.ti's "quotations overlap").
 * - `article`: tag × article. A cell counts the tag's passages in that article. Only
 *   articles with at least one tagged passage are columns, in catalog order.
 * - `outlet`: tag × outlet, the same by the article's outlet ("(no outlet)" last).
 *
 * Every cell carries the ids of the highlights behind its count, so a count can open its
 * passages. Highlights of articles that are not in the catalog (trash) and tag ids the
 * codebook does not hold are left out. Outlets are document text: grouped with a Map.
 */
import type { HighlightId } from '../ids'
import type { Article, Highlight, Tag } from '../model'

export const COOCCURRENCE_KINDS = ['tag', 'article', 'outlet'] as const
export type CooccurrenceBy = (typeof COOCCURRENCE_KINDS)[number]

export const NO_OUTLET_LABEL = '(no outlet)'

export interface CooccurrenceData {
  tags: readonly Pick<Tag, 'id' | 'name'>[]
  articles: readonly Pick<Article, 'id' | 'title' | 'outlet'>[]
  highlights: readonly (Pick<Highlight, 'id' | 'articleId' | 'tagIds'> & { target: { start: number; end: number } })[]
}

export interface CooccurrenceOptions {
  by: CooccurrenceBy
  /** tag × tag only: also count overlapping highlights of the same article. */
  overlap?: boolean
}

export interface CooccurrenceAxis {
  /** A tag id, an article id, or the outlet as written ('' for none). */
  id: string
  label: string
}

export interface CooccurrenceCell {
  count: number
  /** The highlights behind the count, each once, in catalog and position order. */
  highlightIds: HighlightId[]
}

export interface CooccurrenceGrid {
  by: CooccurrenceBy
  overlap: boolean
  /** Tags, in codebook order. */
  rows: CooccurrenceAxis[]
  columns: CooccurrenceAxis[]
  /** cells[row][column] */
  cells: CooccurrenceCell[][]
}

type Passage = CooccurrenceData['highlights'][number]

export function cooccurrence(data: CooccurrenceData, options: CooccurrenceOptions): CooccurrenceGrid {
  const rows = data.tags.map((t) => ({ id: t.id as string, label: t.name }))
  const tagIndex = new Map(rows.map((r, i) => [r.id, i]))
  const articleOrder = new Map(data.articles.map((a, i) => [a.id as string, i]))
  // Catalog order, then position: the order ids are listed in every cell.
  const passages = data.highlights
    .filter((h) => articleOrder.has(h.articleId))
    .map((h) => ({ h, tags: [...new Set(h.tagIds.map((id) => tagIndex.get(id)).filter((i): i is number => i !== undefined))] }))
    .sort((x, y) => articleOrder.get(x.h.articleId)! - articleOrder.get(y.h.articleId)! || x.h.target.start - y.h.target.start || x.h.target.end - y.h.target.end)

  const rank = new Map(passages.map((p, i) => [p.h.id, i]))
  if (options.by === 'tag') {
    const grid = new Grid(rows.length, rows.length, rank)
    for (const { h, tags } of passages) for (const a of tags) for (const b of tags) grid.add(a, b, [h.id])
    if (options.overlap) for (const [x, y] of overlappingPairs(passages)) addOverlap(grid, x, y)
    return { by: 'tag', overlap: options.overlap === true, rows, columns: rows, cells: grid.done() }
  }

  const columns: CooccurrenceAxis[] = []
  const columnIndex = new Map<string, number>()
  const keyOf = options.by === 'article' ? (a: CooccurrenceData['articles'][number]) => a.id as string : (a: CooccurrenceData['articles'][number]) => a.outlet?.trim() ?? ''
  const articles = new Map(data.articles.map((a) => [a.id as string, a]))
  const tagged = passages.filter((p) => p.tags.length > 0)
  for (const { h } of tagged) {
    const article = articles.get(h.articleId)!
    const key = keyOf(article)
    if (!columnIndex.has(key)) {
      columnIndex.set(key, columns.length)
      columns.push({ id: key, label: options.by === 'article' ? article.title : key || NO_OUTLET_LABEL })
    }
  }
  if (options.by === 'outlet') {
    columns.sort((a, b) => Number(a.id === '') - Number(b.id === '') || a.label.localeCompare(b.label))
    columns.forEach((c, i) => columnIndex.set(c.id, i))
  }
  const grid = new Grid(rows.length, columns.length, rank)
  for (const { h, tags } of tagged) {
    const column = columnIndex.get(keyOf(articles.get(h.articleId)!))!
    for (const t of tags) grid.add(t, column, [h.id])
  }
  return { by: options.by, overlap: false, rows, columns, cells: grid.done() }
}

/** The pairs of different highlights of one article whose ranges overlap (a sweep over the sorted passages). */
function* overlappingPairs<P extends { h: Passage }>(sorted: readonly P[]): Generator<[P, P]> {
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i]!
    for (let j = i + 1; j < sorted.length; j++) {
      const y = sorted[j]!
      if (y.h.articleId !== x.h.articleId || y.h.target.start >= x.h.target.end) break
      if (y.h.target.end > y.h.target.start && x.h.target.end > x.h.target.start) yield [x, y]
    }
  }
}

/** One co-occurrence per pair of different tags the two highlights carry between them (one on each). */
function addOverlap(grid: Grid, x: { h: Passage; tags: number[] }, y: { h: Passage; tags: number[] }): void {
  const pairs = new Set<number>()
  for (const a of x.tags) {
    for (const b of y.tags) {
      if (a === b) continue
      const [lo, hi] = a < b ? [a, b] : [b, a]
      pairs.add(lo * grid.columns + hi)
    }
  }
  for (const key of pairs) {
    const lo = Math.floor(key / grid.columns)
    const hi = key % grid.columns
    grid.add(lo, hi, [x.h.id, y.h.id])
    grid.add(hi, lo, [x.h.id, y.h.id])
  }
}

class Grid {
  readonly #counts: Uint32Array
  readonly #ids: (Set<HighlightId> | undefined)[]

  constructor(
    readonly rows: number,
    readonly columns: number,
    /** Each highlight's place in catalog and position order. */
    readonly rank: ReadonlyMap<HighlightId, number>,
  ) {
    this.#counts = new Uint32Array(rows * columns)
    this.#ids = new Array<Set<HighlightId> | undefined>(rows * columns)
  }

  add(row: number, column: number, ids: readonly HighlightId[]): void {
    const at = row * this.columns + column
    this.#counts[at]!++
    const set = (this.#ids[at] ??= new Set())
    for (const id of ids) set.add(id)
  }

  done(): CooccurrenceCell[][] {
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.columns }, (_, c) => {
        const at = r * this.columns + c
        const ids = [...(this.#ids[at] ?? [])].sort((a, b) => this.rank.get(a)! - this.rank.get(b)!)
        return { count: this.#counts[at]!, highlightIds: ids }
      }),
    )
  }
}
