import { describe, expect, it } from 'vitest'
import type { HighlightId } from '../ids'
import { DossierError } from '../result'
import {
  ACH_FORMAT_VERSION,
  addEvidence,
  addHypothesis,
  createAchMatrix,
  editEvidenceNote,
  editHypothesis,
  findEvidence,
  findHypothesis,
  makeAchId,
  moveEvidence,
  moveHypothesis,
  parseAchMatrix,
  parseRating,
  rateCell,
  ratingOf,
  removeEvidence,
  removeHypothesis,
  setEvidenceWeights,
  setQuestion,
  touchAchMatrix,
  type AchMatrix,
  type Rating,
} from './index'
import { emptyMatrix, FIXTURE_NOW, frozen, matrixFrom } from './testing'

const H = 'h-0000000001' as HighlightId

function refused(run: () => unknown, code: string, message: RegExp): void {
  let caught: unknown
  try {
    run()
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(DossierError)
  expect((caught as DossierError).code).toBe(code)
  expect((caught as DossierError).message).toMatch(message)
}

describe('createAchMatrix and parseAchMatrix', () => {
  it('makes a valid, empty matrix with the question trimmed', () => {
    const m = createAchMatrix({ id: makeAchId('ABCDEF0123'), now: FIXTURE_NOW, question: '  Why did the convoy stop? ' })
    expect(m).toEqual({
      version: ACH_FORMAT_VERSION,
      id: 'm-abcdef0123',
      question: 'Why did the convoy stop?',
      hypotheses: [],
      evidence: [],
      nextHypothesis: 1,
      nextEvidence: 1,
      createdAt: FIXTURE_NOW,
      updatedAt: FIXTURE_NOW,
    })
    expect(parseAchMatrix(JSON.parse(JSON.stringify(m)))).toEqual(m)
  })

  it('refuses an empty question with one line', () => {
    refused(() => createAchMatrix({ id: makeAchId('abcdef0123'), now: FIXTURE_NOW, question: '   ' }), 'bad-request', /^The question is empty/)
  })

  it('refuses stored data that breaks the rules a shape cannot state', () => {
    const m = matrixFrom(['A', 'B'], [{ ratings: ['C', 'I'] }])
    const bad = (change: (m: Record<string, unknown>) => void) => {
      const copy = JSON.parse(JSON.stringify(m)) as Record<string, unknown>
      change(copy)
      return () => parseAchMatrix(copy)
    }
    refused(bad((c) => ((c.evidence as { ratings: Record<string, string> }[])[0]!.ratings.H7 = 'C')), 'bad-request', /rates H7, which is not a hypothesis/)
    refused(bad((c) => ((c.evidence as { ratings: Record<string, string> }[])[0]!.ratings.H1 = 'X')), 'bad-request', /evidence\.0\.ratings\.H1/)
    refused(bad((c) => (c.nextHypothesis = 2)), 'bad-request', /H2 is not below nextHypothesis/)
    refused(bad((c) => (c.version = ACH_FORMAT_VERSION + 1)), 'bad-request', /version/)
    refused(bad((c) => (c.hypotheses = [{ id: 'H1', text: 'A' }, { id: 'H1', text: 'B' }])), 'bad-request', /H1 appears twice/)
  })
})

describe('edits return a new matrix and leave the old one as it was (undo keeps the old one)', () => {
  it('adds hypotheses and rows with ids that are never reused', () => {
    let m = frozen(emptyMatrix())
    m = addHypothesis(m, 'A')
    m = addHypothesis(m, 'B')
    m = removeHypothesis(frozen(m), 'H2')
    m = addHypothesis(m, 'C')
    expect(m.hypotheses.map((h) => `${h.id} ${h.text}`)).toEqual(['H1 A', 'H3 C'])
    m = addEvidence(frozen(m), { kind: 'note', text: 'No satellite images' })
    m = removeEvidence(frozen(m), 'E1')
    m = addEvidence(m, { kind: 'highlight', highlightId: H }, { credibility: 2, relevance: 0.5 })
    expect(m.evidence.map((r) => [r.id, r.credibility, r.relevance])).toEqual([['E2', 2, 0.5]])
    expect(parseAchMatrix(m)).toEqual(m)
  })

  it('edits, reorders and removes hypotheses; removing one drops its ratings', () => {
    const before = frozen(matrixFrom(['A', 'B', 'C'], [{ ratings: ['C', 'I', 'II'] }]))
    const edited = editHypothesis(before, 'H2', ' B, revised ')
    expect(edited.hypotheses[1]!.text).toBe('B, revised')
    expect(editHypothesis(before, 'H2', 'B')).toBe(before)
    expect(moveHypothesis(before, 'H3', 0).hypotheses.map((h) => h.id)).toEqual(['H3', 'H1', 'H2'])
    expect(moveHypothesis(before, 'H1', 99).hypotheses.map((h) => h.id)).toEqual(['H2', 'H3', 'H1'])
    expect(moveHypothesis(before, 'H1', 0)).toBe(before)
    const removed = removeHypothesis(before, 'H2')
    expect(removed.evidence[0]!.ratings).toEqual({ H1: 'C', H3: 'II' })
    expect(before.evidence[0]!.ratings).toEqual({ H1: 'C', H2: 'I', H3: 'II' })
  })

  it('rates, re-rates and clears cells; the same rating again changes nothing', () => {
    const before = frozen(matrixFrom(['A', 'B'], [{ ratings: [null, null] }]))
    const rated = rateCell(before, 'E1', 'H2', 'II')
    expect(ratingOf(rated.evidence[0]!, 'H2')).toBe('II')
    expect(rateCell(rated, 'E1', 'H2', 'II')).toBe(rated)
    expect(ratingOf(rateCell(rated, 'E1', 'H2', null).evidence[0]!, 'H2')).toBeNull()
    expect(ratingOf(before.evidence[0]!, 'H2')).toBeNull()
  })

  it('moves rows, edits note text and weights', () => {
    const before = frozen(matrixFrom(['A'], [{ ratings: ['C'] }, { ratings: ['I'], highlight: H }]))
    expect(moveEvidence(before, 'E2', 0).evidence.map((r) => r.id)).toEqual(['E2', 'E1'])
    expect(editEvidenceNote(before, 'E1', 'Changed').evidence[0]!.source).toEqual({ kind: 'note', text: 'Changed' })
    refused(() => editEvidenceNote(before, 'E2', 'x'), 'bad-request', /E2 is a passage, not a note/)
    expect(setEvidenceWeights(before, 'E1', { relevance: 2 }).evidence[0]).toMatchObject({ credibility: 1, relevance: 2 })
    expect(setEvidenceWeights(before, 'E1', { credibility: 1 })).toBe(before)
    expect(setQuestion(before, before.question)).toBe(before)
    expect(touchAchMatrix(before, '2027-01-01T00:00:00.000Z').updatedAt).toBe('2027-01-01T00:00:00.000Z')
  })
})

describe('bad input: one clear error, the matrix unchanged', () => {
  const m = frozen(matrixFrom(['A', 'B'], [{ ratings: ['C', null], highlight: H }]))

  it('names the unknown hypothesis or row and the ones there are', () => {
    refused(() => rateCell(m, 'E1', 'H9', 'C'), 'not-found', /has no hypothesis "H9" \(it has: H1, H2\)/)
    refused(() => rateCell(m, 'E5', 'H1', 'C'), 'not-found', /has no evidence row "E5" \(it has: E1…E1\)/)
    refused(() => findHypothesis(m, 'Russia'), 'not-found', /no hypothesis "RUSSIA"/)
    expect(findHypothesis(m, ' h2 ').id).toBe('H2')
    expect(findEvidence(m, 'e1').id).toBe('E1')
  })

  it('refuses a rating off the scale, and reads the ones on it however they are typed', () => {
    refused(() => parseRating('X'), 'bad-request', /^"X" is not a rating: use one of CC, C, N, I, II, NA/)
    refused(() => rateCell(m, 'E1', 'H1', 'X' as Rating), 'bad-request', /"X" is not a rating/)
    expect(['cc', ' c', 'N', 'i', 'Ii', 'na', 'n/a'].map(parseRating)).toEqual(['CC', 'C', 'N', 'I', 'II', 'NA', 'NA'])
  })

  it('refuses weights out of range, empty texts and a passage added twice', () => {
    refused(() => addEvidence(m, { kind: 'note', text: 'x' }, { relevance: 3 }), 'bad-request', /relevance must be a number from 0.5 to 2 .*3 is out of range/)
    refused(() => setEvidenceWeights(m, 'E1', { credibility: Number.NaN }), 'bad-request', /credibility must be a number/)
    refused(() => addEvidence(m, { kind: 'note', text: ' ' }), 'bad-request', /^The note is empty/)
    refused(() => addHypothesis(m, ''), 'bad-request', /^The hypothesis is empty/)
    refused(() => setQuestion(m, '\n'), 'bad-request', /^The question is empty/)
    refused(() => addEvidence(m, { kind: 'highlight', highlightId: H }), 'bad-request', /already evidence row E1/)
  })

  it('leaves the matrix as it was after every refusal', () => {
    const copy: AchMatrix = JSON.parse(JSON.stringify(m)) as AchMatrix
    expect(m).toEqual(copy)
  })
})
