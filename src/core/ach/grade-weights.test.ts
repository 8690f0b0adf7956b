import { describe, expect, it } from 'vitest'
import { weightsFromGrade } from './grade-weights'

describe('default row weights from a passage grade', () => {
  it('maps reliability and credibility onto PARC ACH levels, both given as their geometric mean', () => {
    expect(weightsFromGrade('A', 1)).toEqual({ credibility: 1.414214 })
    expect(weightsFromGrade('E', null)).toEqual({ credibility: 0.707107 })
    expect(weightsFromGrade(null, 3)).toEqual({ credibility: 1 })
    expect(weightsFromGrade('B', 5)).toEqual({ credibility: 1 })
  })
  it('leaves an ungraded passage, or grades that cannot be judged, at medium', () => {
    expect(weightsFromGrade(null, null)).toEqual({})
    expect(weightsFromGrade('F', 6)).toEqual({ credibility: 1 })
  })
})
