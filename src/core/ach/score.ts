/**
 * Heuer's scoring of an ACH matrix (notes/ach.md has the rules and why):
 *
 * - A row's weight is credibility × relevance (each 0.5-2, 1 = medium; PARC ACH's levels
 *   low/medium/high = 1/√2, 1, √2 give weights 0.5-2).
 * - A cell adds to its hypothesis' inconsistency: I = 1 × weight, II = 2 × weight. CC, C,
 *   N, NA and cells not rated add nothing: ACH refutes, it does not confirm.
 * - Ranking: least inconsistent first; equal scores share a rank (1, 1, 3) and keep the
 *   matrix's column order. The leaders are the hypotheses ranked 1.
 * - Diagnosticity of a row: the spread (max - min) of what it adds to the hypotheses it
 *   applies to (rated, not NA). A row that adds the same to each of them (all C, all I,
 *   C and CC alike, …) is not diagnostic; neither is a row applying to fewer than two.
 * - Sensitivity: a row is sensitive when removing it alone changes the leaders (another
 *   hypothesis takes the lead, or joins or leaves a tie for it).
 *
 * Scores are rounded to 6 decimals before they are compared, so weights such as √2 × 1/√2
 * do not make a tie look like a lead through floating-point noise.
 */
import { ratingOf } from './edit'
import type { AchMatrix, EvidenceId, EvidenceRow, HypothesisId, Rating } from './schema'

/** What each rating adds to a hypothesis' inconsistency, before the row's weight. */
export const INCONSISTENCY: Readonly<Record<Rating, number>> = { CC: 0, C: 0, N: 0, I: 1, II: 2, NA: 0 }

export interface HypothesisScore {
  id: HypothesisId
  text: string
  /** Weighted inconsistency (rounded to 6 decimals): lower is better. */
  inconsistency: number
  /** 1 = least inconsistent; ties share a rank. */
  rank: number
  /** Cells rated I or II against it. */
  inconsistentCells: number
  /** Cells not rated yet. */
  unratedCells: number
}

export interface RowScore {
  id: EvidenceId
  /** credibility × relevance */
  weight: number
  /** Spread of what the row adds across the hypotheses it applies to (0 = not diagnostic). */
  diagnosticity: number
  diagnostic: boolean
  /** Removing this row alone would change the leaders. */
  sensitive: boolean
  /** The leaders without this row (only when sensitive; else the same as now). */
  leadersWithout: HypothesisId[]
}

export interface AchScores {
  /** In the matrix's column order. */
  hypotheses: HypothesisScore[]
  /** Hypothesis ids, least inconsistent first (ties in column order). */
  ranking: HypothesisId[]
  /** The hypotheses ranked 1 (more than one on a tie; none without hypotheses). */
  leaders: HypothesisId[]
  /** In the matrix's row order. */
  rows: RowScore[]
  /** Rows that do not tell the hypotheses apart. */
  nonDiagnosticRows: EvidenceId[]
  /** Rows whose removal alone changes the leaders. */
  sensitiveRows: EvidenceId[]
}

export function rowWeight(row: Pick<EvidenceRow, 'credibility' | 'relevance'>): number {
  return row.credibility * row.relevance
}

export function roundScore(value: number): number {
  return Math.round(value * 1e6) / 1e6 + 0 // + 0 turns -0 into 0
}

export function scoreAchMatrix(matrix: AchMatrix): AchScores {
  const ids = matrix.hypotheses.map((h) => h.id)
  /** contributions[r][h]: what row r adds to hypothesis h (null: not rated or NA). */
  const contributions = matrix.evidence.map((row) => ids.map((h) => contribution(row, h)))
  const totals = ids.map((_, h) => contributions.reduce((sum, row) => sum + (row[h] ?? 0), 0))
  const rounded = totals.map(roundScore)
  const ranking = rankOrder(rounded)
  const leaders = leadersOf(rounded, ids)

  const hypotheses: HypothesisScore[] = matrix.hypotheses.map((h, i) => ({
    id: h.id,
    text: h.text,
    inconsistency: rounded[i]!,
    rank: 1 + rounded.filter((s) => s < rounded[i]!).length,
    inconsistentCells: matrix.evidence.filter((row) => INCONSISTENCY[ratingOf(row, h.id) ?? 'NA'] > 0).length,
    unratedCells: matrix.evidence.filter((row) => ratingOf(row, h.id) === null).length,
  }))

  const rows: RowScore[] = matrix.evidence.map((row, r) => {
    const applied = contributions[r]!.filter((c): c is number => c !== null).map(roundScore)
    const diagnosticity = applied.length < 2 ? 0 : roundScore(Math.max(...applied) - Math.min(...applied))
    const without = leadersOf(
      totals.map((t, h) => roundScore(t - (contributions[r]![h] ?? 0))),
      ids,
    )
    const sensitive = !sameSet(without, leaders)
    return { id: row.id, weight: roundScore(rowWeight(row)), diagnosticity, diagnostic: diagnosticity > 0, sensitive, leadersWithout: sensitive ? without : leaders }
  })

  return {
    hypotheses,
    ranking: ranking.map((i) => ids[i]!),
    leaders,
    rows,
    nonDiagnosticRows: rows.filter((r) => !r.diagnostic).map((r) => r.id),
    sensitiveRows: rows.filter((r) => r.sensitive).map((r) => r.id),
  }
}

/** What a cell adds (weight × its inconsistency), or null when it does not apply (NA) or is not rated. */
function contribution(row: EvidenceRow, hypothesis: HypothesisId): number | null {
  const rating = ratingOf(row, hypothesis)
  if (rating === null || rating === 'NA') return null
  return INCONSISTENCY[rating] * rowWeight(row)
}

/** Indexes of the scores, lowest first; equal scores keep their order. */
function rankOrder(scores: readonly number[]): number[] {
  return scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]! || a - b)
}

function leadersOf(scores: readonly number[], ids: readonly HypothesisId[]): HypothesisId[] {
  if (scores.length === 0) return []
  const best = Math.min(...scores)
  return ids.filter((_, i) => scores[i] === best)
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x))
}
