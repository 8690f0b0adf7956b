/**
 * The sourcing-warning rule: one independent source (rewrites and relays counted once),
 * or only ungraded or damaged passages, is thin; two independent graded ones are not.
 */
import { describe, expect, it } from 'vitest'
import type { ArticleId, HighlightId } from '../ids'
import type { ArticleForCount } from './claims'
import { isDamaged, thinSourcing, type WeighedPassage } from './thin-sourcing'

const art = (n: number) => `a-000000000${n}` as ArticleId
const articles = new Map<ArticleId, ArticleForCount>([
  [art(1), { label: '001', rewrites: [art(4)] }],
  [art(3), { label: '003', rewrites: [] }],
  [art(4), { label: '004', rewrites: [art(1)] }],
])
const p = (n: number, article: number, graded = true, damaged = false): WeighedPassage => ({ highlightId: `h-000000000${n}` as HighlightId, articleId: art(article), source: null, graded, damaged })

describe('thinSourcing', () => {
  it('a rewrite pair is a single independent source', () => {
    const thin = thinSourcing([p(1, 1), p(2, 4)], articles)
    expect(thin.singleSource).toBe(true)
    expect(thin.count.explanation).toBe('2 passages, 1 independent source: 001 and 004 are one report')
  })

  it('adding an independent article lifts the single-source flag', () => {
    expect(thinSourcing([p(1, 1), p(2, 4), p(3, 3)], articles).singleSource).toBe(false)
  })

  it('passages relaying one source are a single source', () => {
    const reuters = { key: 'o:o-reuters', label: 'Reuters', relayed: true }
    expect(thinSourcing([{ ...p(1, 1), source: reuters }, { ...p(3, 3), source: reuters }], articles).singleSource).toBe(true)
  })

  it('nothing at all is a single source too, but not weak', () => {
    expect(thinSourcing([], articles)).toMatchObject({ singleSource: true, weakSources: false })
  })

  it('only ungraded or damaged passages are weak; one graded, sound passage is enough', () => {
    expect(thinSourcing([p(1, 1, false), p(3, 3, true, true)], articles).weakSources).toBe(true)
    expect(thinSourcing([p(1, 1, false), p(3, 3, true, false)], articles).weakSources).toBe(false)
  })

  it('damage means lost or garbled text, not a removed control character', () => {
    expect(isDamaged({ flags: [{ kind: 'replacement-character', detail: '', count: 2 }] })).toBe(true)
    expect(isDamaged({ flags: [{ kind: 'control-characters', detail: '', count: 2 }] })).toBe(false)
  })
})
