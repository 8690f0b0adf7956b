/**
 * The ACH grid's pure parts (components/analysis/AchGrid.tsx): the rows in display order,
 * the rating a digit key gives (as in PARC ACH: 1 CC … 5 II, 0 NA) and where an arrow
 * key moves the focused cell.
 */
import type { EvidenceId, Rating } from '../../../core/ach'
import type { AchView } from '../../../core/api-ach'

export const RATING_KEYS: ReadonlyMap<string, Rating> = new Map([
  ['1', 'CC'],
  ['2', 'C'],
  ['3', 'N'],
  ['4', 'I'],
  ['5', 'II'],
  ['0', 'NA'],
  ['Delete', 'NA'],
])

/** The CSS class of a rating's colour (the code is always shown beside it as text). */
export function ratingClass(rating: Rating | null): string {
  return rating === null ? 'ach-rating-none' : `ach-rating-${rating.toLowerCase()}`
}

/** Row ids in display order: as entered, or the most diagnostic first (stable, ties as entered). */
export function orderRows(view: AchView, byDiagnosticity: boolean): EvidenceId[] {
  const rows = view.scores.rows
  if (!byDiagnosticity) return rows.map((r) => r.id)
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.diagnosticity - a.r.diagnosticity || a.i - b.i)
    .map(({ r }) => r.id)
}

/** A cell of the grid: `row` -1 is the header (hypotheses), `col` 0 the evidence column, 1… the hypotheses. */
export interface CellPos {
  row: number
  col: number
}

/** Where a move key takes the focus in a grid of `rows` evidence rows and `cols` hypotheses; null when the key is not a move. */
export function moveCell(pos: CellPos, key: string, rows: number, cols: number): CellPos | null {
  const clamp = (p: CellPos): CellPos => ({ row: Math.max(-1, Math.min(rows - 1, p.row)), col: Math.max(0, Math.min(cols, p.col)) })
  switch (key) {
    case 'ArrowUp':
      return clamp({ ...pos, row: pos.row - 1 })
    case 'ArrowDown':
      return clamp({ ...pos, row: pos.row + 1 })
    case 'ArrowLeft':
      return clamp({ ...pos, col: pos.col - 1 })
    case 'ArrowRight':
      return clamp({ ...pos, col: pos.col + 1 })
    case 'Home':
      return { ...pos, col: 0 }
    case 'End':
      return { ...pos, col: cols }
    default:
      return null
  }
}
