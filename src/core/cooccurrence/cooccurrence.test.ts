import { stringify } from 'csv-stringify/sync'
import { describe, expect, it } from 'vitest'
import { readCsv } from '../export/testing/read-csv'
import type { ArticleId, HighlightId, TagId } from '../ids'
import { cooccurrence, cooccurrenceToCsv, type CooccurrenceData, type CooccurrenceGrid } from './index'

const tag = (id: string, name: string) => ({ id: `t-${id}` as TagId, name })
const article = (id: string, title: string, outlet: string | null) => ({ id: `a-${id}` as ArticleId, title, outlet })
const hl = (id: string, articleId: string, tags: string[], start: number, end: number) => ({
  id: `h-${id}` as HighlightId,
  articleId: `a-${articleId}` as ArticleId,
  tagIds: tags.map((t) => `t-${t}` as TagId),
  target: { start, end },
})

/**
 * Article 1 (Reuters): h-1 [bases, convoys] 0-10, h-2 [talks] 5-15 (overlaps h-1), h-3 [bases] 20-30.
 * Article 2 (TASS): h-4 [bases, talks] 0-10, h-5 [convoys] 50-60 (overlaps nothing).
 * Article 3 (no outlet): h-6 [convoys] 0-5, h-7 [] 0-5 (no tag).
 * h-8 belongs to an article not in the catalog (trash); h-9 carries a tag not in the codebook.
 */
const DATA: CooccurrenceData = {
  tags: [tag('bases', 'Bases'), tag('convoys', 'Convoys'), tag('talks', 'Talks')],
  articles: [article('1111', 'Ships leave Tartus', 'Reuters'), article('2222', '=Formula title', 'TASS'), article('3333', 'Blog post,\nwith a line break', null)],
  highlights: [
    hl('3', '1111', ['bases'], 20, 30),
    hl('1', '1111', ['bases', 'convoys'], 0, 10),
    hl('2', '1111', ['talks'], 5, 15),
    hl('4', '2222', ['bases', 'talks'], 0, 10),
    hl('5', '2222', ['convoys'], 50, 60),
    hl('6', '3333', ['convoys'], 0, 5),
    hl('7', '3333', [], 0, 5),
    hl('8', '9999', ['bases', 'talks'], 0, 5),
    hl('9', '3333', ['gone'], 1, 2),
  ],
}

const counts = (grid: CooccurrenceGrid) => grid.cells.map((row) => row.map((c) => c.count))
const ids = (grid: CooccurrenceGrid, r: number, c: number) => grid.cells[r]![c]!.highlightIds

describe('tag × tag co-occurrence', () => {
  it('counts passages tagged with both (the diagonal: passages with the tag), with the ids behind each count', () => {
    const grid = cooccurrence(DATA, { by: 'tag' })
    expect(grid.rows.map((r) => r.label)).toEqual(['Bases', 'Convoys', 'Talks'])
    expect(grid.columns).toEqual(grid.rows)
    expect(counts(grid)).toEqual([
      [3, 1, 1],
      [1, 3, 0],
      [1, 0, 2],
    ])
    expect(ids(grid, 0, 0)).toEqual(['h-1', 'h-3', 'h-4'])
    expect(ids(grid, 0, 1)).toEqual(['h-1'])
    expect(ids(grid, 2, 0)).toEqual(['h-4'])
  })

  it('with overlap, also counts different highlights of one article whose ranges overlap', () => {
    const grid = cooccurrence(DATA, { by: 'tag', overlap: true })
    // h-1 [bases, convoys] overlaps h-2 [talks]: bases-talks and convoys-talks gain one each.
    expect(counts(grid)).toEqual([
      [3, 1, 2],
      [1, 3, 1],
      [2, 1, 2],
    ])
    expect(ids(grid, 0, 2)).toEqual(['h-1', 'h-2', 'h-4'])
    expect(ids(grid, 1, 2)).toEqual(['h-1', 'h-2'])
    expect(grid.overlap).toBe(true)
  })

  it('does not count highlights that only touch, or lie in different articles, as overlapping', () => {
    const data: CooccurrenceData = {
      tags: DATA.tags,
      articles: DATA.articles,
      highlights: [hl('1', '1111', ['bases'], 0, 10), hl('2', '1111', ['talks'], 10, 20), hl('3', '2222', ['convoys'], 0, 10)],
    }
    expect(counts(cooccurrence(data, { by: 'tag', overlap: true }))).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ])
  })
})

describe('tag × article and tag × outlet grids', () => {
  it('has a column per article with tagged passages, in catalog order', () => {
    const grid = cooccurrence(DATA, { by: 'article' })
    expect(grid.columns.map((c) => c.id)).toEqual(['a-1111', 'a-2222', 'a-3333'])
    expect(counts(grid)).toEqual([
      [2, 1, 0],
      [1, 1, 1],
      [1, 1, 0],
    ])
    expect(ids(grid, 0, 0)).toEqual(['h-1', 'h-3'])
  })

  it('groups by outlet, sorted, with the articles without one last', () => {
    const grid = cooccurrence(DATA, { by: 'outlet' })
    expect(grid.columns).toEqual([
      { id: 'Reuters', label: 'Reuters' },
      { id: 'TASS', label: 'TASS' },
      { id: '', label: '(no outlet)' },
    ])
    expect(counts(grid)).toEqual([
      [2, 1, 0],
      [1, 1, 1],
      [1, 1, 0],
    ])
  })

  it('treats outlet names as text, not object keys', () => {
    const data: CooccurrenceData = {
      tags: DATA.tags,
      articles: [article('1111', 'A', '__proto__'), article('2222', 'B', 'constructor')],
      highlights: [hl('1', '1111', ['bases'], 0, 1), hl('2', '2222', ['bases'], 0, 1)],
    }
    const grid = cooccurrence(data, { by: 'outlet' })
    expect(grid.columns.map((c) => c.label)).toEqual(['__proto__', 'constructor'])
    expect(counts(grid)[0]).toEqual([1, 1])
  })
})

describe('co-occurrence CSV', () => {
  it('writes the grid in the project CSV format: labels guarded, line breaks quoted, read back intact', () => {
    const csv = cooccurrenceToCsv(cooccurrence(DATA, { by: 'article' }), stringify)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv).toContain('\r\n')
    expect(readCsv(csv)).toEqual([
      ['Tag \\ Article', 'Ships leave Tartus', "'=Formula title", 'Blog post,\nwith a line break'],
      ['Bases', '2', '1', '0'],
      ['Convoys', '1', '1', '1'],
      ['Talks', '1', '1', '0'],
    ])
  })
})
