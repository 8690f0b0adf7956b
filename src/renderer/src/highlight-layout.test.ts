/**
 * Highlight layout: segments per paragraph, unplaced highlights, and mark painting.
 */
import { describe, expect, it } from 'vitest'
import type { ArticleId, HighlightId, TagId } from '../../core/ids'
import type { Highlight, Tag } from '../../core/model'
import { highlightColors, layoutArticle, markStyle, pickInnermost } from './highlight-layout'

const TEXT = 'Tartus naval base stays open.\n\nConvoys left at dawn.'

function highlight(id: string, start: number, end: number, tagIds: string[], text = TEXT): Highlight {
  return {
    id: id as HighlightId,
    articleId: 'a-0000' as ArticleId,
    target: { start, end, exact: text.slice(start, end), prefix: '', suffix: '' },
    tagIds: tagIds as TagId[],
    comment: '',
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
  }
}

const tags = new Map<TagId, Tag>([
  ['t-bases' as TagId, { id: 't-bases' as TagId, name: 'Bases', color: '#E69F00', description: '' }],
  ['t-convoys' as TagId, { id: 't-convoys' as TagId, name: 'Convoys', color: '#56B4E9', description: '' }],
])

describe('layoutArticle', () => {
  it('splits each paragraph into segments and keeps a highlight crossing paragraphs in both', () => {
    const layout = layoutArticle(TEXT, [highlight('h-aaaa1', 18, 38, ['t-bases'])])
    expect(layout.paragraphs).toHaveLength(2)
    expect(layout.paragraphs[0]!.segments.map((s) => TEXT.slice(s.start, s.end))).toEqual(['Tartus naval base ', 'stays open.'])
    expect(layout.paragraphs[1]!.segments[0]!.highlightIds).toEqual(['h-aaaa1'])
    expect(layout.unplaced.size).toBe(0)
  })

  it('marks a highlight whose quote no longer matches as unplaced and does not draw it', () => {
    const stale = { ...highlight('h-aaaa2', 0, 6, []), target: { start: 0, end: 6, exact: 'Moscow', prefix: '', suffix: '' } }
    const layout = layoutArticle(TEXT, [stale])
    expect([...layout.unplaced]).toEqual(['h-aaaa2'])
    expect(layout.paragraphs[0]!.segments.every((s) => s.highlightIds.length === 0)).toBe(true)
  })
})

describe('markStyle', () => {
  const h1 = highlight('h-aaaa1', 0, 17, ['t-bases'])
  const h2 = highlight('h-aaaa2', 7, 12, ['t-convoys', 't-unknown'])
  const colors = new Map([h1, h2].map((h) => [h.id, highlightColors(h, tags)]))

  it('fills one highlight with its tag colour at the theme alpha', () => {
    expect(markStyle([h1.id], colors)).toEqual({ backgroundColor: 'color-mix(in srgb, #E69F00 var(--mark-alpha), transparent)' })
  })

  it('adds a band per extra colour when highlights overlap', () => {
    const style = markStyle([h1.id, h2.id], colors)
    expect(style.backgroundColor).toContain('#E69F00')
    expect(style.boxShadow).toBe('inset 0 -3px 0 #56B4E9')
  })

  it('uses the neutral colour for a highlight without tags', () => {
    const bare = highlight('h-aaaa3', 0, 5, [])
    expect(highlightColors(bare, tags)).toEqual(['var(--mark-neutral)'])
  })

  it('picks the innermost highlight of a clicked mark', () => {
    const byId = new Map([h1, h2].map((h) => [h.id, h]))
    expect(pickInnermost([h1.id, h2.id], byId)).toBe('h-aaaa2')
  })
})
