import { describe, expect, it } from 'vitest'
import { WEIGHT_LEVELS, removeEvidence, scoreAchMatrix } from './index'
import { matrixFrom } from './testing'

const LOW = WEIGHT_LEVELS.get('low')!
const HIGH = WEIGHT_LEVELS.get('high')!

/**
 * Worked by hand (notes/ach.md):
 *
 *        weight            H1    H2    H3
 *   E1   1 × 1   = 1       C     I     II      adds 0, 1, 2
 *   E2   2 × 1   = 2       I     C     NA      adds 2, 0, -
 *   E3   0.5 × 1 = 0.5     N     N     N       adds 0, 0, 0   (not diagnostic)
 *   E4   √2 × √2 = 2       C     II    I       adds 0, 4, 2
 *   inconsistency          2     5     4       ranking H1, H3, H2
 *
 * Without E1: 2, 4, 2 -> H1 and H3 tie (sensitive). Without E4: 2, 1, 2 -> H2 leads (sensitive).
 * Without E2: 0, 5, 4 and without E3: 2, 5, 4 -> H1 still leads.
 */
const worked = () =>
  matrixFrom(
    ['Russia withdrew the ships', 'The ships were repositioned', 'The reports are wrong'],
    [
      { weights: [1, 1], ratings: ['C', 'I', 'II'] },
      { weights: [2, 1], ratings: ['I', 'C', 'NA'] },
      { weights: [0.5, 1], ratings: ['N', 'N', 'N'] },
      { weights: [HIGH, HIGH], ratings: ['C', 'II', 'I'] },
    ],
  )

describe('scoreAchMatrix on a matrix worked by hand', () => {
  const scores = scoreAchMatrix(worked())

  it('sums weighted inconsistency: I = 1, II = 2 times the row weight; C, CC, N and NA add nothing', () => {
    expect(scores.hypotheses.map((h) => [h.id, h.inconsistency])).toEqual([
      ['H1', 2],
      ['H2', 5],
      ['H3', 4],
    ])
    expect(scores.hypotheses.map((h) => h.inconsistentCells)).toEqual([1, 2, 2])
  })

  it('ranks the least inconsistent first', () => {
    expect(scores.ranking).toEqual(['H1', 'H3', 'H2'])
    expect(scores.hypotheses.map((h) => h.rank)).toEqual([1, 3, 2])
    expect(scores.leaders).toEqual(['H1'])
  })

  it('gives each row its weight and diagnosticity; a row rated alike is not diagnostic', () => {
    expect(scores.rows.map((r) => [r.id, r.weight, r.diagnosticity, r.diagnostic])).toEqual([
      ['E1', 1, 2, true],
      ['E2', 2, 2, true],
      ['E3', 0.5, 0, false],
      ['E4', 2, 4, true],
    ])
    expect(scores.nonDiagnosticRows).toEqual(['E3'])
  })

  it('finds the rows whose removal alone changes the leader, and who would lead without them', () => {
    expect(scores.sensitiveRows).toEqual(['E1', 'E4'])
    expect(scores.rows.find((r) => r.id === 'E1')!.leadersWithout).toEqual(['H1', 'H3'])
    expect(scores.rows.find((r) => r.id === 'E4')!.leadersWithout).toEqual(['H2'])
    // The check agrees with actually removing the row.
    expect(scoreAchMatrix(removeEvidence(worked(), 'E4')).leaders).toEqual(['H2'])
    expect(scoreAchMatrix(removeEvidence(worked(), 'E2')).leaders).toEqual(['H1'])
  })
})

describe('scoreAchMatrix: ties, N/A and cells not rated', () => {
  it('lets equal scores share a rank and lead together, in column order', () => {
    const scores = scoreAchMatrix(
      matrixFrom(
        ['A', 'B', 'C'],
        [
          { ratings: ['I', 'C', 'I'] },
          { ratings: ['C', 'I', 'II'] },
        ],
      ),
    )
    expect(scores.hypotheses.map((h) => [h.inconsistency, h.rank])).toEqual([
      [1, 1],
      [1, 1],
      [3, 3],
    ])
    expect(scores.leaders).toEqual(['H1', 'H2'])
    expect(scores.ranking).toEqual(['H1', 'H2', 'H3'])
    // Removing either row breaks the tie: both are sensitive.
    expect(scores.sensitiveRows).toEqual(['E1', 'E2'])
    expect(scores.rows.map((r) => r.leadersWithout)).toEqual([['H1'], ['H2']])
  })

  it('does not let floating-point noise turn a tie into a lead (1/√2 × √2 against 1 × 1)', () => {
    const scores = scoreAchMatrix(
      matrixFrom(
        ['A', 'B'],
        [
          { weights: [LOW, HIGH], ratings: ['I', 'C'] },
          { weights: [1, 1], ratings: ['C', 'I'] },
        ],
      ),
    )
    expect(scores.hypotheses.map((h) => h.inconsistency)).toEqual([1, 1])
    expect(scores.leaders).toEqual(['H1', 'H2'])
  })

  it('leaves NA and unrated cells out of the score and of the diagnosticity comparison', () => {
    const scores = scoreAchMatrix(
      matrixFrom(
        ['A', 'B', 'C'],
        [
          { ratings: ['II', 'NA', 'II'] }, // applies to A and C alike: not diagnostic
          { ratings: ['I', null, null] }, // applies to A alone: nothing to compare
          { ratings: ['NA', 'NA', 'NA'] },
        ],
      ),
    )
    expect(scores.hypotheses.map((h) => h.inconsistency)).toEqual([3, 0, 2])
    expect(scores.hypotheses.map((h) => h.unratedCells)).toEqual([0, 1, 1])
    expect(scores.nonDiagnosticRows).toEqual(['E1', 'E2', 'E3'])
    expect(scores.leaders).toEqual(['H2'])
    // Not diagnostic, yet sensitive: without E1, C (0) ties B for the lead. NA keeps it off B.
    expect(scores.sensitiveRows).toEqual(['E1'])
    expect(scores.rows[0]!.leadersWithout).toEqual(['H2', 'H3'])
  })

  it('scores a matrix with no ratings as a tie of every hypothesis, and one with no hypotheses as no leader', () => {
    expect(scoreAchMatrix(matrixFrom(['A', 'B'], [{ ratings: [null, null] }])).leaders).toEqual(['H1', 'H2'])
    const none = scoreAchMatrix(matrixFrom([], [{ ratings: [] }]))
    expect(none.leaders).toEqual([])
    expect(none.rows[0]).toMatchObject({ diagnostic: false, sensitive: false })
  })

  it('counts CC and C alike (consistency does not add), so a row of C and CC is not diagnostic', () => {
    const scores = scoreAchMatrix(matrixFrom(['A', 'B'], [{ ratings: ['CC', 'C'] }, { ratings: ['C', 'II'] }]))
    expect(scores.rows.map((r) => r.diagnostic)).toEqual([false, true])
  })
})
