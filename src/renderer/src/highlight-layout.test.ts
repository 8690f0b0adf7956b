/**
 * findUnplaced: a highlight whose quote no longer sits at its offsets is reported.
 */
import { describe, expect, it } from 'vitest'
import type { ArticleId, HighlightId } from '../../core/ids'
import type { Highlight } from '../../core/model'
import { findUnplaced } from './highlight-layout'

const TEXT = 'Tartus naval base stays open.\n\nConvoys left at dawn.'

function highlight(id: string, start: number, end: number, exact: string): Highlight {
  return {
    id: id as HighlightId,
    articleId: 'a-0000' as ArticleId,
    target: { start, end, exact, prefix: '', suffix: '' },
    tagIds: [],
    comment: '',
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
  }
}

describe('findUnplaced', () => {
  it('lists only the highlights whose quote is not at their offsets', () => {
    const placed = highlight('h-aaaa1', 0, 6, 'Tartus')
    const moved = highlight('h-aaaa2', 0, 6, 'Convoy')
    expect([...findUnplaced(TEXT, [placed, moved])]).toEqual(['h-aaaa2'])
  })
})
