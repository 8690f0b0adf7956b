import { describe, expect, it } from 'vitest'
import { filterArticles, flagKindsOf, foldText, isFiltering, missingDetails, NO_FILTER, outletsOf } from './filter'
import { summary } from './test-articles'

const LIB = [
  summary(1, { title: 'Russian ships leave Tartus', outlet: 'Reuters', author: 'Maya Gebeily', published: '2024-12-15' }),
  summary(2, { title: 'Şam’da müzakereler', outlet: 'Anadolu', published: '2025-01-03T09:00+03:00', flags: [{ kind: 'encoding-guessed', detail: 'windows-1254' }] }),
  summary(3, { title: 'Élysée on Khmeimim', outlet: 'Le Monde', published: null, flags: [{ kind: 'mojibake', detail: 'Ã©' }] }),
  summary(4, { title: 'Convoy at Hmeimim', outlet: 'Reuters', published: '2025-02-01' }),
]
const ids = (list: typeof LIB) => list.map((a) => Number(a.id.slice(2)))

describe('filterArticles', () => {
  it('matches every word of the text against title, outlet and author, without case or accents', () => {
    expect(ids(filterArticles(LIB, { ...NO_FILTER, text: 'sam' }))).toEqual([2])
    expect(ids(filterArticles(LIB, { ...NO_FILTER, text: 'elysee' }))).toEqual([3])
    expect(ids(filterArticles(LIB, { ...NO_FILTER, text: 'reuters gebeily' }))).toEqual([1])
    expect(ids(filterArticles(LIB, { ...NO_FILTER, text: 'REUTERS' }))).toEqual([1, 4])
    expect(ids(filterArticles(LIB, { ...NO_FILTER, text: 'nothing like this' }))).toEqual([])
  })

  it('narrows by outlet and by a date range, leaving out undated articles when a range is set', () => {
    expect(ids(filterArticles(LIB, { ...NO_FILTER, outlet: 'Reuters' }))).toEqual([1, 4])
    expect(ids(filterArticles(LIB, { ...NO_FILTER, from: '2025-01-01' }))).toEqual([2, 4])
    expect(ids(filterArticles(LIB, { ...NO_FILTER, to: '2025-01-03' }))).toEqual([1, 2])
    expect(ids(filterArticles(LIB, { ...NO_FILTER, from: '2025-01-03', to: '2025-01-03' }))).toEqual([2])
  })

  it('narrows to flagged articles, or to one flag kind', () => {
    expect(ids(filterArticles(LIB, { ...NO_FILTER, flag: 'any' }))).toEqual([2, 3])
    expect(ids(filterArticles(LIB, { ...NO_FILTER, flag: 'mojibake' }))).toEqual([3])
    expect(ids(filterArticles(LIB, NO_FILTER))).toEqual([1, 2, 3, 4])
  })
})

describe('filter helpers', () => {
  it('folds case and diacritics', () => {
    expect(foldText('Élysée ŞAM Ünal')).toBe('elysee sam unal')
  })

  it('offers each outlet once, sorted, and the flag kinds present', () => {
    expect(outletsOf(LIB)).toEqual(['Anadolu', 'Le Monde', 'Reuters'])
    expect(flagKindsOf(LIB)).toEqual(['encoding-guessed', 'mojibake'])
  })

  it('knows whether any filter is set', () => {
    expect(isFiltering(NO_FILTER)).toBe(false)
    expect(isFiltering({ ...NO_FILTER, text: '  ' })).toBe(false)
    expect(isFiltering({ ...NO_FILTER, flag: 'any' })).toBe(true)
  })
})

describe('needs details', () => {
  it('lists articles without an outlet (metadata or a known outlet) or without a date, and says which', () => {
    const none = { outlet: null, published: null }
    expect(missingDetails(none, false)).toEqual(['outlet', 'date'])
    expect(missingDetails(none, true)).toEqual(['date'])
    expect(missingDetails({ outlet: 'bne IntelliNews', published: '2024-12-15' }, false)).toEqual([])
    expect(missingDetails({ outlet: '  ', published: '2024-12-15' }, false)).toEqual(['outlet'])
  })

  it('the "needs details" filter keeps them, and counts a linked outlet as an outlet', () => {
    const rows = [summary(1, { outlet: 'Reuters', published: '2024-12-15' }), summary(2, { published: '2025-01-03' }), summary(3, { outlet: 'Le Monde' })]
    const filter = { ...NO_FILTER, flag: 'needs-details' as const }
    expect(filterArticles(rows, filter).map((a) => a.title)).toEqual(['Article 2', 'Article 3'])
    expect(filterArticles(rows, filter, new Set([rows[1]!.id])).map((a) => a.title)).toEqual(['Article 3'])
  })
})
