/**
 * Test fixtures: a matrix written as a table. Only tests import this module.
 *
 *   matrixFrom(['H1', 'H2'], [
 *     { weights: [1, 2], ratings: ['C', 'I'] },   // credibility 1, relevance 2
 *   ])
 *
 * Hypotheses get ids H1…, rows E1…, in order; `null` leaves a cell not rated.
 */
import type { HighlightId } from '../ids'
export { frozen } from '../testing/frozen'
import { addEvidence, addHypothesis, rateCell } from './edit'
import { createAchMatrix, makeAchId, type AchMatrix, type Rating } from './schema'

export const FIXTURE_NOW = '2026-12-06T12:00:00.000Z'

export interface FixtureRow {
  weights?: [credibility: number, relevance: number]
  ratings: (Rating | null)[]
  highlight?: string
  note?: string
}

export function emptyMatrix(question = 'Who moved the convoy?'): AchMatrix {
  return createAchMatrix({ id: makeAchId('abc0123456'), now: FIXTURE_NOW, question })
}

export function matrixFrom(hypotheses: readonly string[], rows: readonly FixtureRow[]): AchMatrix {
  let m = emptyMatrix()
  for (const text of hypotheses) m = addHypothesis(m, text)
  rows.forEach((row, r) => {
    const source = row.highlight ? { kind: 'highlight' as const, highlightId: row.highlight as HighlightId } : { kind: 'note' as const, text: row.note ?? `Evidence ${r + 1}` }
    m = addEvidence(m, source, row.weights ? { credibility: row.weights[0], relevance: row.weights[1] } : {})
    row.ratings.forEach((rating, h) => {
      if (rating !== null) m = rateCell(m, `E${r + 1}`, `H${h + 1}`, rating)
    })
  })
  return m
}
