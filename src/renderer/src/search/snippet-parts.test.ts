import { describe, expect, it } from 'vitest'
import { makeSnippet } from '../../../core/search/snippet'
import type { TagId } from '../../../core/ids'
import { NO_SEARCH_FILTERS, outletsOf, resultCountLabel, searchArgs, snippetParts } from './snippet-parts'

describe('snippetParts', () => {
  it('marks exactly the match ranges and keeps all the text', () => {
    const parts = snippetParts({ text: 'Russia withdrew from Tartus port', ranges: [[7, 15], [21, 27]] })
    expect(parts).toEqual([
      { text: 'Russia ', match: false },
      { text: 'withdrew', match: true },
      { text: ' from ', match: false },
      { text: 'Tartus', match: true },
      { text: ' port', match: false },
    ])
  })

  it('works on a snippet the core made, ellipsis included', () => {
    const text = `${'filler '.repeat(60)}the naval base at Tartus ${'tail '.repeat(40)}`
    const start = text.indexOf('Tartus')
    const snippet = makeSnippet(text, [{ start, end: start + 6, key: 'tartus' }])
    const parts = snippetParts(snippet)
    expect(parts.map((p) => p.text).join('')).toBe(snippet.text)
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['Tartus'])
    expect(snippet.text.startsWith('…')).toBe(true)
  })

  it('ignores malformed ranges instead of repeating or losing text', () => {
    const parts = snippetParts({ text: 'abcdef', ranges: [[4, 99], [1, 3], [2, 5], [5, 5]] })
    expect(parts).toEqual([
      { text: 'a', match: false },
      { text: 'bc', match: true },
      { text: 'd', match: false },
      { text: 'ef', match: true },
    ])
  })
})

describe('resultCountLabel and searchArgs', () => {
  it('says about when the total is estimated', () => {
    expect(resultCountLabel(12, true)).toBe('12 results')
    expect(resultCountLabel(1, true)).toBe('1 result')
    expect(resultCountLabel(1200, false)).toBe('about 1,200 results')
    expect(resultCountLabel(0, false)).toBe('0 results')
  })

  it('sends only the filters that are set', () => {
    expect(searchArgs(' tartus ', NO_SEARCH_FILTERS)).toEqual({ query: 'tartus', limit: 50 })
    expect(searchArgs('x', { tagIds: ['t-bases' as TagId], outlet: 'AP', from: '2025-01-01', to: '' })).toEqual({
      query: 'x',
      limit: 50,
      tagIds: ['t-bases'],
      tagMode: 'any',
      outlets: ['AP'],
      from: '2025-01-01',
    })
  })
})

describe('outletsOf', () => {
  it('lists each outlet once, sorted, leaving out articles without one', () => {
    expect(outletsOf([{ outlet: 'Reuters' }, { outlet: null }, { outlet: 'AP' }, { outlet: 'Reuters' }])).toEqual(['AP', 'Reuters'])
  })
})
