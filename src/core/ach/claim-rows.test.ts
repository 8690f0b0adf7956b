import { describe, expect, it } from 'vitest'
import { DossierError } from '../result'
import type { ClaimId } from '../sourcing/schema'
import { ACH_FORMAT_VERSION, addEvidence, claimIdsOf, editEvidenceNote, parseAchMatrix } from './index'
import { emptyMatrix, matrixFrom } from './testing'

const C = 'c-0123456789' as ClaimId

function refusal(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(DossierError)
    return (error as DossierError).message
  }
  throw new Error('not refused')
}

describe('claim rows (format 2)', () => {
  it('adds a claim as a row once, and lists the claims a matrix uses', () => {
    const m = addEvidence(emptyMatrix(), { kind: 'claim', claimId: C }, { credibility: 1.189207 })
    expect(m.evidence).toEqual([{ id: 'E1', source: { kind: 'claim', claimId: C }, credibility: 1.189207, relevance: 1, ratings: {} }])
    expect(claimIdsOf(m)).toEqual([C])
    expect(refusal(() => addEvidence(m, { kind: 'claim', claimId: C }))).toBe(`The claim ${C} is already evidence row E1 of this matrix.`)
    expect(parseAchMatrix(JSON.parse(JSON.stringify(m)))).toEqual(m)
  })

  it("refuses to edit a claim row's text as a note", () => {
    const m = addEvidence(emptyMatrix(), { kind: 'claim', claimId: C })
    expect(refusal(() => editEvidenceNote(m, 'E1', 'other'))).toMatch(/^Evidence row E1 is a claim, not a note/)
  })

  it('refuses a claim id that is not one', () => {
    const m = addEvidence(emptyMatrix(), { kind: 'claim', claimId: C })
    const stored = JSON.parse(JSON.stringify(m)) as { evidence: { source: { claimId: string } }[] }
    stored.evidence[0]!.source.claimId = 'h-0123456789'
    expect(refusal(() => parseAchMatrix(stored))).toMatch(/evidence\.0\.source\.claimId: not a claim id/)
  })
})

describe('format 1 files', () => {
  const v1 = () => ({ ...JSON.parse(JSON.stringify(matrixFrom(['A', 'B'], [{ ratings: ['C', 'I'], highlight: 'h-0000000001' }, { ratings: ['II', null] }]))), version: 1 }) as Record<string, unknown>

  it('read as they are, as the current format', () => {
    const file = v1()
    const read = parseAchMatrix(file)
    expect(ACH_FORMAT_VERSION).toBe(2)
    expect(read.version).toBe(2)
    expect({ ...read, version: 1 }).toEqual(file)
    expect(file.version).toBe(1) // the value read is not changed
  })

  it('holding a claim row (which format 1 did not have) are refused as damaged', () => {
    const file = v1()
    ;(file.evidence as { source: unknown }[])[1]!.source = { kind: 'claim', claimId: C }
    expect(refusal(() => parseAchMatrix(file))).toMatch(/^Not a valid ACH matrix \(version: /)
  })

  it('of a later format are refused, never read down', () => {
    expect(refusal(() => parseAchMatrix({ ...v1(), version: 3 }))).toMatch(/^Not a valid ACH matrix \(version: /)
  })
})
