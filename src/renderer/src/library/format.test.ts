import { describe, expect, it } from 'vitest'
import type { ArticleId } from '../../../core/ids'
import { dateCell, flagDescription, metaSourceLine, rewriteEntry } from './format'

describe('library cell words', () => {
  it('describes a rewrite link with the other title and its score', () => {
    expect(rewriteEntry({ articleId: 'a-0000000001' as ArticleId, title: 'Convoy turned back', score: 0.816, kind: 'rewrite' })).toBe('rewrite of Convoy turned back (82%)')
    expect(rewriteEntry({ articleId: 'a-0000000001' as ArticleId, title: 'Same', score: 0.99, kind: 'near-duplicate' })).toBe('near-duplicate of Same (99%)')
  })

  it('describes a flag with its count and detail', () => {
    expect(flagDescription({ kind: 'replacement-character', detail: 'U+FFFD in 3 places', count: 3 })).toBe('Replacement characters (3): U+FFFD in 3 places')
    expect(flagDescription({ kind: 'no-text-layer', detail: 'scanned' })).toBe('No text layer: scanned')
  })

  it('formats dates for citation and says where a value came from', () => {
    expect(dateCell('2024-12-15')).toBe('15 December 2024')
    expect(dateCell(null)).toBe('')
    expect(metaSourceLine('meta og:title')).toBe('Source: meta og:title')
    expect(metaSourceLine(undefined)).toBe('Source: not found in the file')
  })
})
