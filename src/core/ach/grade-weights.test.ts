import { describe, expect, it } from 'vitest'
import { claimWeights, weightsFromGrade, type ClaimForWeights } from './grade-weights'

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

type P = ClaimForWeights['passages'][number]
const passage = (grade: string, stance: P['stance'] = 'supports', present = true): P => ({
  present,
  stance,
  reliability: (grade[0] === '-' ? null : grade[0]) as P['reliability'],
  credibility: (grade[1] === '-' ? null : Number(grade[1])) as P['credibility'],
})
const claim = (passages: P[], supporting: number, contradicting = 0): ClaimForWeights => ({
  passages,
  supporting: { independentSources: supporting },
  contradicting: { independentSources: contradicting },
})

describe('default weights of a claim row (worked by hand)', () => {
  it('one independent source weighs what its best passage would', () => {
    expect(claimWeights(claim([passage('--')], 1))).toEqual({ credibility: 1 })
    // B2: √(√2 × √2) = √2; the C4 passage of the same source does not lower it.
    expect(claimWeights(claim([passage('C4'), passage('B2')], 1))).toEqual({ credibility: 1.414214 })
  })
  it('each independent source beyond the first raises it half a level (×2^¼), up to three', () => {
    // best C3 = 1; two sources: 2^¼ = 1.189207
    expect(claimWeights(claim([passage('C3'), passage('--')], 2))).toEqual({ credibility: 1.189207 })
    // best B3 = √(√2 × 1) = 2^¼; three sources: 2^¼ × 2^½ = 2^¾ = 1.681793
    expect(claimWeights(claim([passage('B3'), passage('D-'), passage('--')], 3))).toEqual({ credibility: 1.681793 })
    // five sources count as three: 1 × 2^½ = 1.414214
    expect(claimWeights(claim([passage('--')], 5))).toEqual({ credibility: 1.414214 })
    // A1 (√2) with three sources: √2 × √2 = 2, the most
    expect(claimWeights(claim([passage('A1')], 3))).toEqual({ credibility: 2 })
  })
  it('each independent contradicting source lowers it half a level, up to two, never below 0.5', () => {
    // ungraded, one source, one contradicting: 2^-¼ = 0.840896 (the contradicting passage's A1 grade does not raise it)
    expect(claimWeights(claim([passage('--'), passage('A1', 'contradicts')], 1, 1))).toEqual({ credibility: 0.840896 })
    // E5 = 1/√2, two contradicting: 2^-½ × 2^-½ = 0.5; three count as two
    expect(claimWeights(claim([passage('E5')], 1, 2))).toEqual({ credibility: 0.5 })
    expect(claimWeights(claim([passage('E5')], 1, 3))).toEqual({ credibility: 0.5 })
  })
  it('a claim with no passage left counts as medium, half a level down for resting on none', () => {
    // the A1 passage was deleted: base medium, no source: 2^-¼
    expect(claimWeights(claim([passage('A1', 'supports', false)], 0))).toEqual({ credibility: 0.840896 })
  })
})
