/**
 * Outlets: each operation returns a new file or one error line with nothing changed;
 * spellings belong to one outlet; articles find their outlet by link, metadata or domain;
 * grades and citations read as the analyst expects.
 */
import { describe, expect, it } from 'vitest'
import type { ArticleId } from '../ids'
import { citationText, describeGrade, gradeCode } from './grading'
import { addOutletAlias, createOutlet, gradeArticle, gradeOutlet, hostOf, linkArticle, OutletMatcher, parseReliability } from './outlets'
import { emptyOutletsFile, OutletsFileSchema, outletsProblem, type OutletId, type OutletsFile } from './schema'

const A1 = 'a-0000000001' as ArticleId
const A2 = 'a-0000000002' as ArticleId
const O1 = 'o-0000000001' as OutletId
const O2 = 'o-0000000002' as OutletId

function value<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

function twoOutlets(): OutletsFile {
  let f = value(createOutlet(emptyOutletsFile(), { id: O1, name: 'bne IntelliNews', aliases: ['intellinews.com', 'IntelliNews'], country: 'UK', reliability: { grade: 'B', why: 'Regional business wire, usually right' } }))
  f = value(createOutlet(f, { id: O2, name: 'Reuters', aliases: ['reuters.com', '© Thomson Reuters'] }))
  return f
}

describe('outlet operations', () => {
  it('create an outlet with aliases, country and grade; the file validates', () => {
    const f = twoOutlets()
    expect(f.outlets[0]).toEqual({ id: O1, name: 'bne IntelliNews', aliases: ['intellinews.com', 'IntelliNews'], country: 'UK', reliability: { grade: 'B', why: 'Regional business wire, usually right' } })
    expect(OutletsFileSchema.safeParse(f).success).toBe(true)
    expect(outletsProblem(f)).toBeNull()
  })

  it('refuse an alias another outlet owns (case and accents do not matter), leaving the file as it was', () => {
    const f = twoOutlets()
    const before = JSON.stringify(f)
    const r = addOutletAlias(f, O2, 'INTELLINEWS')
    expect(r).toEqual({ ok: false, error: { code: 'bad-request', message: '“INTELLINEWS” already belongs to the outlet bne IntelliNews (as “IntelliNews”); nothing was changed.' } })
    expect(JSON.stringify(f)).toBe(before)
    expect(createOutlet(f, { id: 'o-0000000003' as OutletId, name: 'Reuters' }).ok).toBe(false)
    expect(createOutlet(f, { id: 'o-0000000003' as OutletId, name: '  ' })).toMatchObject({ ok: false, error: { message: 'The outlet name is empty.' } })
  })

  it('parse grades A-F in any case, and refuse anything else naming the scale', () => {
    expect(parseReliability('b')).toEqual({ ok: true, value: 'B' })
    const bad = parseReliability('Z')
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.message).toMatch(/^“Z” is not a reliability grade: use one letter A–F \(A completely reliable, .* F reliability cannot be judged\)\.$/)
  })

  it('grade an outlet, override it per article, and clear both', () => {
    let f = value(gradeOutlet(twoOutlets(), O2, { grade: 'A', why: 'Wire service' }))
    f = value(linkArticle(f, A1, O2))
    const m = () => new OutletMatcher(f)
    const article = { id: A1, outlet: null, url: null }
    expect(m().reliabilityOf(article)).toEqual({ grade: 'A', why: 'Wire service', from: 'outlet' })
    f = value(gradeArticle(f, A1, { grade: 'C', why: 'Early, unconfirmed copy' }))
    expect(m().reliabilityOf(article)).toEqual({ grade: 'C', why: 'Early, unconfirmed copy', from: 'article' })
    f = value(gradeArticle(f, A1, null))
    f = value(linkArticle(f, A1, null))
    expect(f.articles).toEqual([])
    expect(m().reliabilityOf(article)).toBeNull()
  })

  it('refuse a link to an unknown outlet', () => {
    expect(linkArticle(twoOutlets(), A1, 'o-9999999999' as OutletId)).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('two outlets with one spelling, or a link to an unknown outlet, make the file invalid', () => {
    const f = twoOutlets()
    expect(outletsProblem({ ...f, outlets: [f.outlets[0]!, { ...f.outlets[1]!, aliases: ['Intellinews'] }] })).toMatch(/same spelling/)
    expect(outletsProblem({ ...f, articles: [{ articleId: A1, outletId: 'o-0000000009' as OutletId }] })).toMatch(/not an outlet/)
  })
})

describe('matching articles to outlets', () => {
  const m = new OutletMatcher(twoOutlets())

  it('by link first, then outlet metadata (folded), then the URL domain or a parent of it', () => {
    const f = value(linkArticle(twoOutlets(), A2, O2))
    const linked = new OutletMatcher(f).outletOf({ id: A2, outlet: 'bne IntelliNews', url: null })
    expect([linked?.outlet.name, linked?.via]).toEqual(['Reuters', 'linked'])
    expect(m.outletOf({ id: A1, outlet: 'BNE Intellinews', url: null })).toMatchObject({ outlet: { id: O1 }, via: 'outlet metadata' })
    expect(m.outletOf({ id: A1, outlet: null, url: 'https://www.reuters.com/world/middle-east/x' })).toMatchObject({ outlet: { id: O2 }, via: 'url', matched: 'reuters.com' })
    expect(m.outletOf({ id: A1, outlet: null, url: 'https://uk.reuters.com/x' })).toMatchObject({ outlet: { id: O2 }, via: 'url' })
    expect(m.outletOf({ id: A1, outlet: 'Thomson Reuters', url: null })).toMatchObject({ outlet: { id: O2 }, via: 'outlet metadata' })
    expect(m.outletOf({ id: A1, outlet: 'Unknown Daily', url: 'https://example.org/a' })).toBeNull()
  })

  it('a copyright line alias matches the copyright line; names that are Object properties match nothing', () => {
    expect(m.byName('© Thomson Reuters')?.id).toBe(O2)
    expect(m.byName('constructor')).toBeUndefined()
    expect(m.byName('__proto__')).toBeUndefined()
    expect(m.find(O1)?.name).toBe('bne IntelliNews')
  })

  it('hostOf reads http(s) hosts only', () => {
    expect(hostOf('https://WWW.Example.com:8443/a?b')).toBe('example.com')
    expect(hostOf('ftp://example.com')).toBeNull()
    expect(hostOf(null)).toBeNull()
  })
})

describe('grades as shown', () => {
  it('the Admiralty code, with ? for a grade not given and nothing when ungraded', () => {
    expect(gradeCode('B', 2)).toBe('B2')
    expect(gradeCode('B', undefined)).toBe('B?')
    expect(gradeCode(null, 3)).toBe('?3')
    expect(gradeCode(null, null)).toBeNull()
    expect(describeGrade('B', 2)).toBe('B2 (usually reliable; probably true)')
  })

  it('a citation carries outlet, date and grade', () => {
    expect(citationText({ outlet: 'bne IntelliNews', published: '2024-12-15', reliability: 'B', credibility: 2 })).toBe('bne IntelliNews, 15 December 2024 (B2)')
    expect(citationText({ outlet: null, title: 'Russia withdraws', published: null })).toBe('“Russia withdraws”')
    expect(citationText({ outlet: null, published: '2025-01-15T16:29:00+00:00', credibility: 4 })).toBe('Unknown outlet, 15 January 2025 (?4)')
  })
})
