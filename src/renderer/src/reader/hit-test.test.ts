/**
 * Hit-testing a click in the text against highlights, and the overlap runs that get the
 * overlap underline.
 */
import { describe, expect, it } from 'vitest'
import { highlightsAt, overlapRuns } from './hit-test'

const H = [
  { id: 'outer', start: 0, end: 100 },
  { id: 'inner', start: 20, end: 40 },
  { id: 'tail', start: 90, end: 120 },
]

describe('highlightsAt', () => {
  it('finds none, one, or several highlights, innermost first', () => {
    expect(highlightsAt(H, 150)).toEqual([])
    expect(highlightsAt(H, 5).map((h) => h.id)).toEqual(['outer'])
    expect(highlightsAt(H, 25).map((h) => h.id)).toEqual(['inner', 'outer'])
    expect(highlightsAt(H, 95).map((h) => h.id)).toEqual(['tail', 'outer'])
  })

  it('counts the start character in and the end offset out', () => {
    expect(highlightsAt(H, 20).map((h) => h.id)).toEqual(['inner', 'outer'])
    expect(highlightsAt(H, 40).map((h) => h.id)).toEqual(['outer'])
  })
})

describe('overlapRuns', () => {
  it('gives the runs covered twice or more, merged, and ignores spans that only touch', () => {
    expect(overlapRuns(H)).toEqual([
      { start: 20, end: 40 },
      { start: 90, end: 100 },
    ])
    expect(overlapRuns([{ start: 0, end: 10 }, { start: 10, end: 20 }])).toEqual([])
    expect(overlapRuns([{ start: 0, end: 30 }, { start: 10, end: 20 }, { start: 15, end: 25 }])).toEqual([{ start: 10, end: 25 }])
  })
})
