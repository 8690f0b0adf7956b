/**
 * Pure, immutable edits of an ACH matrix (./schema). Each returns a new matrix, or the
 * same object when nothing changed, and never changes its argument: the app undoes an
 * edit by keeping the matrix it had before. None touches `updatedAt`; whoever saves calls
 * `touchAchMatrix(matrix, now)`.
 *
 * Bad input (an unknown hypothesis or row, an empty text, a weight out of range, a rating
 * not on the scale) throws a DossierError with one line saying what is wrong; the caller's
 * matrix is unchanged.
 */
import { moveItem } from '../briefing-document-edit'
import type { HighlightId } from '../ids'
import { DossierError } from '../result'
import type { ClaimId } from '../sourcing/schema'
import {
  checkFactor,
  checkText,
  MAX_EVIDENCE_ROWS,
  MAX_HYPOTHESES,
  MAX_HYPOTHESIS_LENGTH,
  MAX_NOTE_TEXT_LENGTH,
  MAX_QUESTION_LENGTH,
  RATINGS,
  type AchMatrix,
  type EvidenceId,
  type EvidenceRow,
  type EvidenceSource,
  type Hypothesis,
  type HypothesisId,
  type Rating,
} from './schema'

export function touchAchMatrix(matrix: AchMatrix, now: string): AchMatrix {
  return matrix.updatedAt === now ? matrix : { ...matrix, updatedAt: now }
}

export function setQuestion(matrix: AchMatrix, question: string): AchMatrix {
  const text = checkText(question, MAX_QUESTION_LENGTH, 'The question')
  return text === matrix.question ? matrix : { ...matrix, question: text }
}

// ---------------------------------------------------------------------------------------
// Hypotheses

/** Adds a hypothesis at the end; its id is `H<nextHypothesis>`. */
export function addHypothesis(matrix: AchMatrix, text: string): AchMatrix {
  const checked = checkText(text, MAX_HYPOTHESIS_LENGTH, 'The hypothesis')
  if (matrix.hypotheses.length >= MAX_HYPOTHESES) throw new DossierError('bad-request', `A matrix holds at most ${MAX_HYPOTHESES} hypotheses.`)
  const hypothesis: Hypothesis = { id: `H${matrix.nextHypothesis}`, text: checked }
  return { ...matrix, hypotheses: [...matrix.hypotheses, hypothesis], nextHypothesis: matrix.nextHypothesis + 1 }
}

export function editHypothesis(matrix: AchMatrix, id: HypothesisId, text: string): AchMatrix {
  const index = hypothesisIndex(matrix, id)
  const checked = checkText(text, MAX_HYPOTHESIS_LENGTH, 'The hypothesis')
  if (matrix.hypotheses[index]!.text === checked) return matrix
  return { ...matrix, hypotheses: matrix.hypotheses.map((h, i) => (i === index ? { ...h, text: checked } : h)) }
}

/** Moves a hypothesis (a column) to `toIndex` (clamped to the ends). */
export function moveHypothesis(matrix: AchMatrix, id: HypothesisId, toIndex: number): AchMatrix {
  const hypotheses = moved(matrix.hypotheses, hypothesisIndex(matrix, id), toIndex)
  return hypotheses === matrix.hypotheses ? matrix : { ...matrix, hypotheses }
}

/** Removes a hypothesis and every rating given against it. */
export function removeHypothesis(matrix: AchMatrix, id: HypothesisId): AchMatrix {
  const index = hypothesisIndex(matrix, id)
  const evidence = matrix.evidence.map((row) => {
    if (!Object.hasOwn(row.ratings, id)) return row
    const ratings = { ...row.ratings }
    delete ratings[id]
    return { ...row, ratings }
  })
  return { ...matrix, hypotheses: matrix.hypotheses.filter((_, i) => i !== index), evidence }
}

// ---------------------------------------------------------------------------------------
// Evidence rows

export interface EvidenceWeights {
  credibility?: number
  relevance?: number
}

/**
 * Adds an evidence row at the end (id `E<nextEvidence>`), not rated yet; credibility and
 * relevance default to 1 (medium). The same highlight, or the same claim, may be added once only.
 */
export function addEvidence(matrix: AchMatrix, source: EvidenceSource, weights: EvidenceWeights = {}): AchMatrix {
  if (matrix.evidence.length >= MAX_EVIDENCE_ROWS) throw new DossierError('bad-request', `A matrix holds at most ${MAX_EVIDENCE_ROWS} evidence rows.`)
  const checked = checkSource(source)
  if (checked.kind === 'highlight') {
    const already = matrix.evidence.find((r) => r.source.kind === 'highlight' && r.source.highlightId === checked.highlightId)
    if (already) throw new DossierError('bad-request', `The passage ${checked.highlightId} is already evidence row ${already.id} of this matrix.`)
  }
  if (checked.kind === 'claim') {
    const already = matrix.evidence.find((r) => r.source.kind === 'claim' && r.source.claimId === checked.claimId)
    if (already) throw new DossierError('bad-request', `The claim ${checked.claimId} is already evidence row ${already.id} of this matrix.`)
  }
  const row: EvidenceRow = {
    id: `E${matrix.nextEvidence}`,
    source: checked,
    credibility: checkFactor(weights.credibility ?? 1, 'The credibility'),
    relevance: checkFactor(weights.relevance ?? 1, 'The relevance'),
    ratings: {},
  }
  return { ...matrix, evidence: [...matrix.evidence, row], nextEvidence: matrix.nextEvidence + 1 }
}

/** Sets a row's credibility and/or relevance (each 0.5-2). */
export function setEvidenceWeights(matrix: AchMatrix, id: EvidenceId, weights: EvidenceWeights): AchMatrix {
  const index = evidenceIndex(matrix, id)
  const row = matrix.evidence[index]!
  const credibility = weights.credibility === undefined ? row.credibility : checkFactor(weights.credibility, 'The credibility')
  const relevance = weights.relevance === undefined ? row.relevance : checkFactor(weights.relevance, 'The relevance')
  if (credibility === row.credibility && relevance === row.relevance) return matrix
  return replaceRow(matrix, index, { ...row, credibility, relevance })
}

/** Changes the text of a typed note row (a passage row's quote comes from its highlight). */
export function editEvidenceNote(matrix: AchMatrix, id: EvidenceId, text: string): AchMatrix {
  const index = evidenceIndex(matrix, id)
  const row = matrix.evidence[index]!
  if (row.source.kind === 'highlight') throw new DossierError('bad-request', `Evidence row ${id} is a passage, not a note: its text is the passage's quote.`)
  if (row.source.kind === 'claim') throw new DossierError('bad-request', `Evidence row ${id} is a claim, not a note: its text is the claim's statement (restate it in the Sources view).`)
  const checked = checkText(text, MAX_NOTE_TEXT_LENGTH, 'The note')
  return checked === row.source.text ? matrix : replaceRow(matrix, index, { ...row, source: { kind: 'note', text: checked } })
}

export function moveEvidence(matrix: AchMatrix, id: EvidenceId, toIndex: number): AchMatrix {
  const evidence = moved(matrix.evidence, evidenceIndex(matrix, id), toIndex)
  return evidence === matrix.evidence ? matrix : { ...matrix, evidence }
}

export function removeEvidence(matrix: AchMatrix, id: EvidenceId): AchMatrix {
  const index = evidenceIndex(matrix, id)
  return { ...matrix, evidence: matrix.evidence.filter((_, i) => i !== index) }
}

// ---------------------------------------------------------------------------------------
// Ratings

/** Rates one cell; `null` clears it (not rated). */
export function rateCell(matrix: AchMatrix, rowId: EvidenceId, hypothesisId: HypothesisId, rating: Rating | null): AchMatrix {
  const index = evidenceIndex(matrix, rowId)
  hypothesisIndex(matrix, hypothesisId)
  if (rating !== null && !(RATINGS as readonly string[]).includes(rating)) {
    throw new DossierError('bad-request', `"${String(rating)}" is not a rating: use one of ${RATINGS.join(', ')}.`)
  }
  const row = matrix.evidence[index]!
  const current = Object.hasOwn(row.ratings, hypothesisId) ? row.ratings[hypothesisId]! : null
  if (current === rating) return matrix
  const ratings = { ...row.ratings }
  if (rating === null) delete ratings[hypothesisId]
  else ratings[hypothesisId] = rating
  return replaceRow(matrix, index, { ...row, ratings })
}

/** The cell's rating, or null when it is not rated. */
export function ratingOf(row: EvidenceRow, hypothesisId: HypothesisId): Rating | null {
  return Object.hasOwn(row.ratings, hypothesisId) ? row.ratings[hypothesisId]! : null
}

// ---------------------------------------------------------------------------------------
// Finding things

/** The hypothesis a user named: its id (`H2`, `h2`). Unknown: not-found listing the ids there are. */
export function findHypothesis(matrix: AchMatrix, name: string): Hypothesis {
  return matrix.hypotheses[hypothesisIndex(matrix, name.trim().toUpperCase())]!
}

/** The evidence row a user named: its id (`E3`, `e3`). */
export function findEvidence(matrix: AchMatrix, name: string): EvidenceRow {
  return matrix.evidence[evidenceIndex(matrix, name.trim().toUpperCase())]!
}

/** The highlights the matrix's rows point to. */
export function highlightIdsOf(matrix: AchMatrix): HighlightId[] {
  return matrix.evidence.flatMap((r) => (r.source.kind === 'highlight' ? [r.source.highlightId] : []))
}

/** The claims the matrix's rows point to. */
export function claimIdsOf(matrix: AchMatrix): ClaimId[] {
  return matrix.evidence.flatMap((r) => (r.source.kind === 'claim' ? [r.source.claimId] : []))
}

function hypothesisIndex(matrix: AchMatrix, id: string): number {
  const index = matrix.hypotheses.findIndex((h) => h.id === id)
  if (index >= 0) return index
  const known = matrix.hypotheses.map((h) => h.id).join(', ') || 'none yet'
  throw new DossierError('not-found', `Matrix ${matrix.id} has no hypothesis "${id}" (it has: ${known}).`)
}

function evidenceIndex(matrix: AchMatrix, id: string): number {
  const index = matrix.evidence.findIndex((r) => r.id === id)
  if (index >= 0) return index
  const known = matrix.evidence.length === 0 ? 'none yet' : `${matrix.evidence[0]!.id}…${matrix.evidence.at(-1)!.id}`
  throw new DossierError('not-found', `Matrix ${matrix.id} has no evidence row "${id}" (it has: ${known}).`)
}

function checkSource(source: EvidenceSource): EvidenceSource {
  if (source.kind === 'note') return { kind: 'note', text: checkText(source.text, MAX_NOTE_TEXT_LENGTH, 'The note') }
  return source
}

function replaceRow(matrix: AchMatrix, index: number, row: EvidenceRow): AchMatrix {
  return { ...matrix, evidence: matrix.evidence.map((r, i) => (i === index ? row : r)) }
}

/** The list with one item moved (`toIndex` clamped to the ends), or the same list when it does not move. */
function moved<T>(items: T[], from: number, toIndex: number): T[] {
  const to = Math.max(0, Math.min(items.length - 1, Math.trunc(toIndex)))
  return to === from ? items : moveItem(items, from, to)
}
