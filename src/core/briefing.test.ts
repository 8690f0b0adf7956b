import { describe, expect, it } from 'vitest'
import { buildBriefing, formatCitation } from './briefing'
import type { ArticleId, HighlightId, TagId } from './ids'
import { DEFAULT_TAGS, type Article, type Highlight } from './model'
import { DossierError } from './result'

const article = (id: string, title: string, published: string | null, outlet: string | null = null): Article => ({
  id: id as ArticleId,
  title,
  outlet,
  author: null,
  published,
  url: null,
  metaSources: {},
  bodyHash: 'a'.repeat(64),
  wordCount: 10,
  charCount: 100,
  importedAt: '2025-03-01T00:00:00.000Z',
  source: { fileName: `${id}.txt`, format: 'txt', originalFile: `originals/${'b'.repeat(64)}.txt`, originalHash: 'b'.repeat(64) },
})
const highlight = (id: string, articleId: string, start: number, exact: string, tags: string[], comment = ''): Highlight => ({
  id: id as HighlightId,
  articleId: articleId as ArticleId,
  target: { start, end: start + exact.length, exact, prefix: '', suffix: '' },
  tagIds: tags as TagId[],
  comment,
  createdAt: '2025-03-01T00:00:00.000Z',
  updatedAt: '2025-03-01T00:00:00.000Z',
})

const articles = [article('a-late', 'Late piece', '2025-02-01', 'Outlet B'), article('a-early', 'Early piece', '2024-12-15', 'Outlet A'), article('a-nodate', 'Undated piece', null)]
const highlights = [
  highlight('h-1111', 'a-late', 5, 'ships “Sparta” left', ['t-convoys', 't-bases']),
  highlight('h-2222', 'a-early', 40, 'second in early', ['t-bases'], 'note'),
  highlight('h-3333', 'a-early', 10, 'first in early', ['t-bases']),
  highlight('h-4444', 'a-nodate', 0, 'undated', ['t-bases']),
]

describe('buildBriefing', () => {
  it('makes one section per tag in tag order, passages in date then text order, sources numbered by first citation', () => {
    const b = buildBriefing({ articles, tags: DEFAULT_TAGS, highlights, generatedAt: '2025-03-02T00:00:00Z', title: '  Weekly  ' })
    expect(b.title).toBe('Weekly')
    expect(b.sections.map((s) => s.tag.name)).toEqual(['Bases', 'Convoys'])
    expect(b.sections[0]!.passages.map((p) => p.quote)).toEqual(['first in early', 'second in early', 'ships “Sparta” left', 'undated'])
    expect(b.sources.map((s) => [s.number, s.title])).toEqual([[1, 'Early piece'], [2, 'Late piece'], [3, 'Undated piece']])
    expect(b.sections[1]!.passages[0]!.sourceNumber).toBe(2)
    expect(b.passageCount).toBe(5)
  })

  it('keeps only the chosen tags, in the chosen order', () => {
    const b = buildBriefing({ articles, tags: DEFAULT_TAGS, highlights, generatedAt: 'x'.repeat(10), tagIds: ['t-convoys' as TagId] })
    expect(b.sections.map((s) => s.tag.name)).toEqual(['Convoys'])
    expect(b.sources).toHaveLength(1)
  })

  it('refuses an empty selection with a message naming the tags', () => {
    const run = () => buildBriefing({ articles, tags: DEFAULT_TAGS, highlights, generatedAt: 'x'.repeat(10), tagIds: ['t-negotiations' as TagId] })
    expect(run).toThrow(DossierError)
    expect(run).toThrow(/Negotiations/)
  })

  it('refuses an unknown tag id', () => {
    expect(() => buildBriefing({ articles, tags: DEFAULT_TAGS, highlights, generatedAt: 'x'.repeat(10), tagIds: ['t-nope' as TagId] })).toThrow(/t-nope/)
  })

  it('formats a citation with only the fields the source has', () => {
    expect(formatCitation({ number: 2, articleId: 'a-x' as ArticleId, title: 'T', outlet: 'bne IntelliNews', author: null, published: '2024-12-15', url: null })).toBe(
      '[2] bne IntelliNews, “T”, 15 December 2024.',
    )
    expect(formatCitation({ number: 1, articleId: 'a-x' as ArticleId, title: 'T', outlet: null, author: null, published: null, url: null })).toBe('[1] “T”.')
  })
})
