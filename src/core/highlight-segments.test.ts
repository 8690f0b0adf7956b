import { describe, expect, it } from 'vitest'
import type { HighlightId } from './ids'
import { segmentRange } from './highlight-segments'

const h = (id: string) => id as HighlightId

describe('segmentRange', () => {
  it('cuts overlapping and nested highlights into segments that keep every highlight reachable', () => {
    const segments = segmentRange(0, 20, [
      { id: h('h-aaaa'), start: 2, end: 12 },
      { id: h('h-bbbb'), start: 8, end: 16 },
      { id: h('h-cccc'), start: 9, end: 10 },
    ])
    expect(segments).toEqual([
      { start: 0, end: 2, highlightIds: [] },
      { start: 2, end: 8, highlightIds: ['h-aaaa'] },
      { start: 8, end: 9, highlightIds: ['h-aaaa', 'h-bbbb'] },
      { start: 9, end: 10, highlightIds: ['h-aaaa', 'h-bbbb', 'h-cccc'] },
      { start: 10, end: 12, highlightIds: ['h-aaaa', 'h-bbbb'] },
      { start: 12, end: 16, highlightIds: ['h-bbbb'] },
      { start: 16, end: 20, highlightIds: [] },
    ])
  })

  it('clips highlights to the range (a paragraph)', () => {
    expect(segmentRange(10, 15, [{ id: h('h-aaaa'), start: 0, end: 12 }])).toEqual([
      { start: 10, end: 12, highlightIds: ['h-aaaa'] },
      { start: 12, end: 15, highlightIds: [] },
    ])
  })
})
