/**
 * Claims and the independent-source count: rewrites count once, passages relaying one
 * source count once, passages of one article count once; the explanation says why.
 */
import { describe, expect, it } from 'vitest'
import type { ArticleId, HighlightId } from '../ids'
import { addPassage, countIndependentSources, createClaim, deleteClaim, passageSourceKey, removePassage, type ArticleForCount, type PassageForCount } from './claims'
import { createOutlet, OutletMatcher } from './outlets'
import { claimsProblem, emptyClaimsFile, emptyOutletsFile, type ClaimId, type OutletId } from './schema'

const NOW = '2026-12-06T18:00:00.000Z'
const C1 = 'c-0000000001' as ClaimId
const art = (n: number) => `a-000000000${n}` as ArticleId
const hl = (n: number) => `h-000000000${n}` as HighlightId

function value<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

describe('claim operations', () => {
  it('create a claim and add passages; a passage added twice is refused and nothing changes', () => {
    let f = value(createClaim(emptyClaimsFile(), { id: C1, statement: '  Russian ships loaded equipment at Tartus in late January ', now: NOW }))
    expect(f.claims[0]!.statement).toBe('Russian ships loaded equipment at Tartus in late January')
    f = value(addPassage(f, C1, { highlightId: hl(1), articleId: art(1), stance: 'supports', now: NOW }))
    const again = addPassage(f, C1, { highlightId: hl(1), articleId: art(1), stance: 'contradicts', now: NOW })
    expect(again).toEqual({ ok: false, error: { code: 'bad-request', message: `Highlight ${hl(1)} is already in claim ${C1} (supporting it); nothing was changed.` } })
    expect(f.claims[0]!.passages).toHaveLength(1)
    expect(claimsProblem(f)).toBeNull()
    expect(value(removePassage(f, C1, hl(1), NOW)).claims[0]!.passages).toEqual([])
    expect(value(deleteClaim(f, C1)).claims).toEqual([])
  })

  it('refuse an empty statement and an unknown claim', () => {
    expect(createClaim(emptyClaimsFile(), { id: C1, statement: ' \u200b ', now: NOW })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(addPassage(emptyClaimsFile(), C1, { highlightId: hl(1), articleId: art(1), stance: 'supports', now: NOW })).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })
})

describe('countIndependentSources', () => {
  const articles = new Map<ArticleId, ArticleForCount>([
    [art(1), { label: '001', rewrites: [art(4)] }],
    [art(3), { label: '003', rewrites: [] }],
    [art(4), { label: '004', rewrites: [art(1)] }],
    [art(6), { label: '006', rewrites: [] }],
    [art(7), { label: '007', rewrites: [] }],
  ])
  const reuters = { key: 'o:o-reuters', label: 'Reuters', relayed: true }
  const p = (n: number, article: number, source: PassageForCount['source'] = null): PassageForCount => ({ highlightId: hl(n), articleId: art(article), source })

  it('a rewrite pair counts once: 001 + 004 + 003 = 2 sources, naming the pair', () => {
    const r = countIndependentSources([p(1, 1), p(2, 4), p(3, 3)], articles)
    expect(r.independentSources).toBe(2)
    expect(r.explanation).toBe('3 passages, 2 independent sources: 001 and 004 are one report')
    expect(r.groups).toEqual([[art(1), art(4)], [art(3)]])
  })

  it('passages relaying the same source count once, and the explanation says so', () => {
    const r = countIndependentSources([p(1, 1), p(2, 4), p(3, 3, reuters), p(4, 6, reuters)], articles)
    expect(r.explanation).toBe('4 passages, 2 independent sources: 001 and 004 are one report; 003 and 006 both relay Reuters')
    expect(r.countedOnce).toEqual([
      { reason: 'rewrites', articleIds: [art(1), art(4)] },
      { reason: 'same-source', articleIds: [art(3), art(6)], source: 'Reuters', relayed: true },
    ])
  })

  it('two passages of one article are one source; unrelated articles are separate sources', () => {
    const r = countIndependentSources([p(1, 3), p(2, 3), p(3, 7)], articles)
    expect(r.independentSources).toBe(2)
    expect(r.explanation).toBe('3 passages, 2 independent sources: 2 passages are from 003')
  })

  it('chains join: a rewrite of an article that relays Reuters joins another Reuters relay', () => {
    const r = countIndependentSources([p(1, 1, reuters), p(2, 4), p(3, 6, reuters)], articles)
    expect(r.independentSources).toBe(1)
  })

  it('an empty claim has no sources', () => {
    expect(countIndependentSources([], articles)).toMatchObject({ passages: 0, independentSources: 0, explanation: '0 passages, 0 independent sources' })
  })
})

describe('passageSourceKey', () => {
  const outlets = value(createOutlet(emptyOutletsFile(), { id: 'o-0000000001' as OutletId, name: 'Reuters', aliases: ['reuters.com'] }))
  const m = new OutletMatcher(outlets)
  const own = m.outletOf({ id: art(1), outlet: null, url: 'https://www.reuters.com/x' })

  it('a relayed source resolves to a known outlet, so a Reuters article and a passage citing Reuters are one source', () => {
    expect(passageSourceKey({ kind: 'secondary', source: 'REUTERS', confirmed: true }, null, m)).toEqual({ key: 'o:o-0000000001', label: 'Reuters', relayed: true })
    expect(passageSourceKey(undefined, own, m)).toEqual({ key: 'o:o-0000000001', label: 'Reuters', relayed: false })
  })

  it('an unknown relayed source is keyed by its folded name; primary and unattributed passages rest on their article', () => {
    expect(passageSourceKey({ kind: 'secondary', source: 'Enab Baladi', confirmed: true }, null, m)).toEqual({ key: 'n:enab baladi', label: 'Enab Baladi', relayed: true })
    expect(passageSourceKey({ kind: 'primary', source: 'satellite imagery', confirmed: true }, null, m)).toBeNull()
  })
})
