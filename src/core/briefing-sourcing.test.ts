/**
 * The sourcing part of a briefing's layout: key judgments with the claims they cite
 * (count, grades, passage numbers), warnings that appear and go away, a missing claim
 * reported and not fatal, the Sources list's rewrite clusters and damage notes.
 */
import { describe, expect, it } from 'vitest'
import { buildBriefing } from './briefing'
import { citeClaim, parseBriefingDocument, unciteClaim } from './briefing-document'
import type { ClaimId } from './sourcing/schema'
import { art, CLAIM, sourcingBriefing, sourcingNotebook } from './testing/sourcing-briefing-fixture'

const OPTIONS = { generatedAt: '2025-03-02T00:00:00Z' }

describe('claims in key judgments', () => {
  it('a cited claim shows its statement, count, and each passage’s grade and numbers', () => {
    const layout = buildBriefing(sourcingBriefing(), sourcingNotebook([1, 4, 3]), OPTIONS)
    const [first, second] = layout.sourcing!.judgments
    expect(first!.claims).toHaveLength(1)
    const claim = first!.claims[0]!
    expect(claim.statement).toBe('Ships loaded at Tartus')
    expect(claim.supporting.independentSources).toBe(2)
    expect(claim.supporting.explanation).toBe('3 passages, 2 independent sources: [2] and [3] are one report')
    expect(claim.passages.map((p) => [p.passageNumbers, p.sourceNumber, p.grade])).toEqual([
      [[2], 2, null],
      [[3], 3, null],
      [[1], 1, 'B2'],
    ])
    expect(second!.claims).toEqual([])
  })

  it('a key judgment on the rewrite pair alone is flagged single-source; adding 003 removes the flag', () => {
    const thin = buildBriefing(sourcingBriefing(), sourcingNotebook([1, 4]), OPTIONS).sourcing!.warnings.filter((w) => w.target.kind === 'judgment')
    expect(thin.map((w) => w.kind)).toEqual(['single-source', 'weak-sources'])
    expect(thin[0]!.message).toBe('Key judgment 1 rests on a single independent source ([2] and [3] are one report).')
    const fixed = buildBriefing(sourcingBriefing(), sourcingNotebook([1, 4, 3]), OPTIONS).sourcing!.warnings.filter((w) => w.target.kind === 'judgment')
    expect(fixed).toEqual([])
  })

  it('a section on one report is flagged; the whole section of four articles is not', () => {
    const layout = buildBriefing(sourcingBriefing(), sourcingNotebook(), OPTIONS)
    expect(layout.sourcing!.warnings.filter((w) => w.target.kind === 'section')).toEqual([])
    const one = buildBriefing(sourcingBriefing(), { ...sourcingNotebook(), highlights: sourcingNotebook().highlights.filter((h) => h.articleId === art(1) || h.articleId === art(4)) }, OPTIONS)
    expect(one.sourcing!.warnings.filter((w) => w.target.kind === 'section').map((w) => [w.kind, w.message])).toEqual([
      ['single-source', '§1 Bases rests on a single independent source ([1] and [2] are one report).'],
      ['weak-sources', '§1 Bases rests only on ungraded or damaged sources: grade them, or add a sound one.'],
    ])
  })

  it('a cited claim that no longer exists is reported, not fatal', () => {
    const gone = 'c-00000000ff' as ClaimId
    const layout = buildBriefing(sourcingBriefing([[gone, CLAIM]]), sourcingNotebook(), OPTIONS)
    expect(layout.sourcing!.judgments[0]!.claims.map((c) => c.id)).toEqual([CLAIM])
    expect(layout.warnings).toContainEqual({ kind: 'claim-missing', claimId: gone, judgment: 1, message: `Key judgment 1 cites claim ${gone}, which is no longer in the notebook; it was left out.` })
  })

  it('every claim of the notebook is offered to the composer with its count', () => {
    expect(buildBriefing(sourcingBriefing([]), sourcingNotebook(), OPTIONS).sourcing!.claims).toEqual([{ id: CLAIM, statement: 'Ships loaded at Tartus', passages: 2, independentSources: 1 }])
  })
})

describe('the Sources list', () => {
  it('groups rewrite clusters with their shared text and notes damage', () => {
    const layout = buildBriefing(sourcingBriefing(), sourcingNotebook(), OPTIONS)
    // Sources are numbered by first citation, in date order: 003, 001, 004, 005.
    expect(layout.sources.map((s) => s.articleId)).toEqual([art(3), art(1), art(4), art(5)])
    expect(layout.sourcing!.clusters).toEqual([{ sourceNumbers: [2, 3], shared: 0.53, message: '[2] and [3] tell one report, 53% shared text' }])
    expect(layout.sourcing!.damage).toEqual([{ sourceNumber: 4, notes: ['2 unreadable characters in the text'] }])
  })
})

describe('citing claims in the document', () => {
  it('cite and uncite by key judgment; stored briefings without claims still read', () => {
    const { judgmentClaims: _none, ...old } = sourcingBriefing()
    const doc = parseBriefingDocument(old)
    expect(doc.judgmentClaims).toBeUndefined()
    const cited = citeClaim(doc, 2, CLAIM)
    expect(cited.judgmentClaims).toEqual([[], [CLAIM]])
    expect(citeClaim(cited, 2, CLAIM)).toBe(cited)
    expect(unciteClaim(cited, 2, CLAIM).judgmentClaims).toBeUndefined()
    expect(() => citeClaim(doc, 3, CLAIM)).toThrow('There is no key judgment 3; the briefing has 2.')
  })
})
