/**
 * Margin-bar lanes: overlapping highlights sit side by side, a multi-tag highlight takes
 * adjacent lanes, and lanes are reused once free.
 */
import { describe, expect, it } from 'vitest'
import { assignLanes } from './lanes'

const lanesOf = (result: ReturnType<typeof assignLanes<string>>) => Object.fromEntries(result.bars.map((b) => [b.key, b.lane]))

describe('assignLanes', () => {
  it('puts bars that do not overlap in the first lane', () => {
    const result = assignLanes([
      { key: 'a', top: 0, bottom: 20, width: 1 },
      { key: 'b', top: 20, bottom: 40, width: 1 },
      { key: 'c', top: 50, bottom: 60, width: 1 },
    ])
    expect(lanesOf(result)).toEqual({ a: 0, b: 0, c: 0 })
    expect(result.laneCount).toBe(1)
  })

  it('puts overlapping bars side by side and reuses a lane once it is free', () => {
    const result = assignLanes([
      { key: 'outer', top: 0, bottom: 100, width: 1 },
      { key: 'inner', top: 10, bottom: 30, width: 1 },
      { key: 'later', top: 40, bottom: 60, width: 1 },
      { key: 'third', top: 50, bottom: 55, width: 1 },
    ])
    expect(lanesOf(result)).toEqual({ outer: 0, inner: 1, later: 1, third: 2 })
    expect(result.laneCount).toBe(3)
  })

  it('gives a highlight with several tag colours adjacent lanes, skipping a blocked one', () => {
    const result = assignLanes([
      { key: 'a', top: 0, bottom: 50, width: 1 },
      { key: 'b', top: 0, bottom: 10, width: 1 },
      { key: 'two', top: 20, bottom: 40, width: 2 }, // lane 0 is taken by a; lanes 1-2 are free
    ])
    expect(lanesOf(result)).toEqual({ a: 0, b: 1, two: 1 })
    const blocked = assignLanes([
      { key: 'a', top: 0, bottom: 50, width: 1 },
      { key: 'b', top: 0, bottom: 50, width: 1 },
      { key: 'c', top: 0, bottom: 5, width: 1 },
      { key: 'two', top: 20, bottom: 40, width: 2 }, // lane 2 is free, lane 1 is not: goes to 2-3
    ])
    expect(lanesOf(blocked)).toMatchObject({ two: 2 })
    expect(blocked.laneCount).toBe(4)
  })

  it('places a longer bar before a shorter one starting at the same height', () => {
    const result = assignLanes([
      { key: 'short', top: 0, bottom: 10, width: 1 },
      { key: 'long', top: 0, bottom: 90, width: 1 },
    ])
    expect(lanesOf(result)).toEqual({ long: 0, short: 1 })
  })
})
