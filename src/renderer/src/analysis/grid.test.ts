import { describe, expect, it } from 'vitest'
import { addEvidence, addHypothesis, createAchMatrix, makeAchId, rateCell, scoreAchMatrix } from '../../../core/ach'
import type { AchView } from '../../../core/api-ach'
import { moveCell, orderRows, RATING_KEYS } from './grid'

function view(): AchView {
  let m = createAchMatrix({ id: makeAchId('0123456789'), now: '2026-01-01T00:00:00Z', question: 'Q' })
  m = addHypothesis(addHypothesis(m, 'A'), 'B')
  for (const text of ['same', 'splits', 'splits more']) m = addEvidence(m, { kind: 'note', text })
  m = rateCell(rateCell(m, 'E1', 'H1', 'I'), 'E1', 'H2', 'I')
  m = rateCell(rateCell(m, 'E2', 'H1', 'C'), 'E2', 'H2', 'I')
  m = rateCell(rateCell(m, 'E3', 'H1', 'C'), 'E3', 'H2', 'II')
  return { matrix: m, scores: scoreAchMatrix(m), evidence: [], missingRows: [] }
}

describe('the ACH grid', () => {
  it('orders rows as entered, or the most diagnostic first with the not diagnostic last', () => {
    expect(orderRows(view(), false)).toEqual(['E1', 'E2', 'E3'])
    expect(orderRows(view(), true)).toEqual(['E3', 'E2', 'E1'])
  })
  it('rates with the PARC ACH digits and moves within the grid, the header row included', () => {
    expect(['1', '2', '3', '4', '5', '0', 'Delete'].map((k) => RATING_KEYS.get(k))).toEqual(['CC', 'C', 'N', 'I', 'II', 'NA', 'NA'])
    expect(moveCell({ row: 0, col: 1 }, 'ArrowUp', 3, 2)).toEqual({ row: -1, col: 1 })
    expect(moveCell({ row: -1, col: 1 }, 'ArrowUp', 3, 2)).toEqual({ row: -1, col: 1 })
    expect(moveCell({ row: 2, col: 2 }, 'ArrowRight', 3, 2)).toEqual({ row: 2, col: 2 })
    expect(moveCell({ row: 1, col: 2 }, 'Home', 3, 2)).toEqual({ row: 1, col: 0 })
    expect(moveCell({ row: 1, col: 2 }, 'x', 3, 2)).toBeNull()
  })
})
