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
  const passages: Entry[] = []
  for (const h of data.highlights) {
    const order = articleOrder.get(h.articleId)
    if (order === undefined) continue
    const tags = [...new Set(h.tagIds.map((id) => tagIndex.get(id)).filter((i): i is number => i !== undefined))]
    passages.push({ h, tags, order })
  }
  passages.sort((x, y) => x.order - y.order || x.h.target.start - y.h.target.start || x.h.target.end - y.h.target.end)
  const idOf = (i: number) => passages[i]!.h.id

  if (options.by === 'tag') {
    const overlap = options.overlap === true
    const grid = new Grid(rows.length, rows.length)
    passages.forEach(({ tags }, i) => {
      for (const a of tags) for (const b of tags) grid.add(a, b, i)
    })
    if (overlap) for (const [x, y] of overlappingPairs(passages)) addOverlap(grid, passages, x, y)
    return { by: 'tag', overlap, rows, columns: rows, cells: grid.done(idOf, overlap) }
  }

  const columns: CooccurrenceAxis[] = []
  const columnIndex = new Map<string, number>()
  const keyOf = options.by === 'article' ? (a: ArticleRow) => a.id as string : (a: ArticleRow) => a.outlet?.trim() ?? ''
  const columnOf: number[] = [] // per passage: its column, or -1 when it carries no tag
  for (const { tags, order } of passages) {
    if (tags.length === 0) {
      columnOf.push(-1)
      continue
    }
    const article = data.articles[order]!
    const key = keyOf(article)
    let column = columnIndex.get(key)
    if (column === undefined) {
      column = columns.length
      columnIndex.set(key, column)
      columns.push({ id: key, label: options.by === 'article' ? article.title : key || NO_OUTLET_LABEL })
    }
    columnOf.push(column)
  }
  let remap: number[] | null = null
  if (options.by === 'outlet') {
    const sorted = columns.map((c, i) => ({ c, i })).sort((a, b) => Number(a.c.id === '') - Number(b.c.id === '') || a.c.label.localeCompare(b.c.label))
    remap = new Array<number>(columns.length)
    sorted.forEach(({ i }, to) => (remap![i] = to))
    columns.splice(0, columns.length, ...sorted.map(({ c }) => c))
  }
  const grid = new Grid(rows.length, columns.length)
  passages.forEach(({ tags }, i) => {
    const column = columnOf[i]!
    if (column < 0) return
    for (const t of tags) grid.add(t, remap ? remap[column]! : column, i)
  })
  return { by: options.by, overlap: false, rows, columns, cells: grid.done(idOf, false) }
}

type ArticleRow = CooccurrenceData['articles'][number]
interface Entry {
  h: Passage
  /** Codebook indexes of its tags, each once. */
  tags: number[]
  /** Its article's place in the catalog. */
  order: number
}

/** The pairs of different highlights of one article whose ranges overlap (a sweep over the sorted passages). */
function* overlappingPairs(sorted: readonly Entry[]): Generator<[number, number]> {
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i]!
    if (x.tags.length === 0 || x.h.target.end <= x.h.target.start) continue
    for (let j = i + 1; j < sorted.length; j++) {
      const y = sorted[j]!
      if (y.order !== x.order || y.h.target.start >= x.h.target.end) break
      if (y.tags.length > 0 && y.h.target.end > y.h.target.start) yield [i, j]
    }
  }
}

/** One co-occurrence per pair of different tags the two highlights carry between them (one on each). */
function addOverlap(grid: Grid, passages: readonly Entry[], x: number, y: number): void {
  const pairs = new Set<number>()
  for (const a of passages[x]!.tags) {
    for (const b of passages[y]!.tags) {
      if (a === b) continue
      const [lo, hi] = a < b ? [a, b] : [b, a]
      pairs.add(lo * grid.columns + hi)
    }
  }
  for (const key of pairs) {
    const lo = Math.floor(key / grid.columns)
    const hi = key % grid.columns
    for (const [r, c] of [
      [lo, hi],
      [hi, lo],
    ] as const) {
      grid.count(r, c)
      grid.list(r, c, x)
      grid.list(r, c, y)
    }
  }
}

/** Counts and the passages behind them, as passage indexes (which are in catalog and position order). */
class Grid {
  readonly #counts: Uint32Array
  readonly #passages: (number[] | undefined)[]

  constructor(
    readonly rows: number,
    readonly columns: number,
  ) {
    this.#counts = new Uint32Array(rows * columns)
    this.#passages = new Array<number[] | undefined>(rows * columns)
  }

  /** One co-occurrence of one passage. */
  add(row: number, column: number, passage: number): void {
    this.count(row, column)
    this.list(row, column, passage)
  }

  count(row: number, column: number): void {
    this.#counts[row * this.columns + column]!++
  }

  list(row: number, column: number, passage: number): void {
    ;(this.#passages[row * this.columns + column] ??= []).push(passage)
  }

  /** The cells; `unsorted` when passages were listed out of order or twice (overlaps). */
  done(idOf: (passage: number) => HighlightId, unsorted: boolean): CooccurrenceCell[][] {
    const cells: CooccurrenceCell[][] = []
    for (let r = 0; r < this.rows; r++) {
      const row: CooccurrenceCell[] = []
      for (let c = 0; c < this.columns; c++) {
        const at = r * this.columns + c
        let listed = this.#passages[at] ?? []
        if (unsorted && listed.length > 1) listed = [...new Set(listed)].sort((a, b) => a - b)
        row.push({ count: this.#counts[at]!, highlightIds: listed.map(idOf) })
      }
      cells.push(row)
    }
    return cells
  }
}
