import { describe, expect, it } from 'vitest'
import { nextSort, sortArticles } from './sort'
import { summary } from './test-articles'

const LIB = [
  summary(1, { title: 'zeta talks', outlet: 'Reuters', published: '2024-12-15', wordCount: 900, highlightCount: 2 }),
  summary(2, { title: 'Alpha convoy', outlet: null, published: null, wordCount: 120, highlightCount: 7 }),
  summary(3, { title: 'Élysée statement', outlet: 'AFP', published: '2025-01-03T09:00+01:00', wordCount: 450 }),
  summary(4, { title: 'beta bases', outlet: 'Kommersant', published: '2024-12-15', wordCount: 120, flags: [{ kind: 'mojibake', detail: 'x' }] }),
]
const titles = (list: typeof LIB) => list.map((a) => a.title)

describe('sortArticles', () => {
  it('sorts titles alphabetically, ignoring case and accents, and reverses', () => {
    expect(titles(sortArticles(LIB, { key: 'title', direction: 'ascending' }))).toEqual(['Alpha convoy', 'beta bases', 'Élysée statement', 'zeta talks'])
    expect(titles(sortArticles(LIB, { key: 'title', direction: 'descending' }))).toEqual(['zeta talks', 'Élysée statement', 'beta bases', 'Alpha convoy'])
  })

  it('puts articles without an outlet or date last in both directions', () => {
    expect(titles(sortArticles(LIB, { key: 'outlet', direction: 'ascending' })).at(-1)).toBe('Alpha convoy')
    expect(titles(sortArticles(LIB, { key: 'outlet', direction: 'descending' })).at(-1)).toBe('Alpha convoy')
    expect(titles(sortArticles(LIB, { key: 'published', direction: 'descending' }))).toEqual(['Élysée statement', 'zeta talks', 'beta bases', 'Alpha convoy'])
    expect(titles(sortArticles(LIB, { key: 'published', direction: 'ascending' }))).toEqual(['zeta talks', 'beta bases', 'Élysée statement', 'Alpha convoy'])
  })

  it('sorts numbers numerically and keeps the given order for ties', () => {
    expect(titles(sortArticles(LIB, { key: 'words', direction: 'ascending' }))).toEqual(['Alpha convoy', 'beta bases', 'Élysée statement', 'zeta talks'])
    expect(titles(sortArticles(LIB, { key: 'highlights', direction: 'descending' }))).toEqual(['Alpha convoy', 'zeta talks', 'Élysée statement', 'beta bases'])
    expect(titles(sortArticles(LIB, { key: 'flags', direction: 'descending' }))[0]).toBe('beta bases')
  })

  it('does not change the list it was given', () => {
    const copy = [...LIB]
    sortArticles(LIB, { key: 'title', direction: 'ascending' })
    expect(LIB).toEqual(copy)
  })
})

describe('nextSort', () => {
  it('flips the same column and starts text columns ascending, numbers and dates descending', () => {
    expect(nextSort({ key: 'title', direction: 'ascending' }, 'title')).toEqual({ key: 'title', direction: 'descending' })
    expect(nextSort({ key: 'title', direction: 'descending' }, 'title')).toEqual({ key: 'title', direction: 'ascending' })
    expect(nextSort({ key: 'title', direction: 'ascending' }, 'outlet')).toEqual({ key: 'outlet', direction: 'ascending' })
    expect(nextSort({ key: 'title', direction: 'ascending' }, 'published')).toEqual({ key: 'published', direction: 'descending' })
    expect(nextSort({ key: 'title', direction: 'ascending' }, 'words')).toEqual({ key: 'words', direction: 'descending' })
  })
})
