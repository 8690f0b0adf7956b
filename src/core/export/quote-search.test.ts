import { describe, expect, it } from 'vitest'
import { findOccurrences } from '../selectors'
import { MAX_CANDIDATE_CHECKS, quoteSearch } from './quote-search'

/** Occurrences of every quote, as a sorted list of `quote@start`. */
function viaSearch(text: string, quotes: string[]): string[] {
  const hits: string[] = []
  quoteSearch(quotes).findAll(text, (quote, start) => hits.push(`${quote}@${start}`))
  return hits.sort()
}
function viaIndexOf(text: string, quotes: string[]): string[] {
  return [...new Set(quotes)].flatMap((q) => findOccurrences(text, q).map((s) => `${q}@${s}`)).sort()
}

describe('quoteSearch', () => {
  it('finds every occurrence of every quote, short or long, overlapping ones too, as indexOf does', () => {
    let seed = 7
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32)
    const alphabet = ['a', 'b', ' ', 'ğ', '🚢', '\n']
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: Math.floor(rand() * 120) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('')
      const quotes = Array.from({ length: 12 }, () => {
        const start = Math.floor(rand() * (text.length + 1))
        const take = Math.floor(rand() * 40)
        return rand() < 0.8 ? text.slice(start, start + take) : `${text.slice(start, start + take)}x`
      })
      expect(viaSearch(text, quotes)).toEqual(viaIndexOf(text, quotes))
    }
    expect(viaSearch('aaaa', ['aa', 'aaa'])).toEqual(['aa@0', 'aa@1', 'aa@2', 'aaa@0', 'aaa@1'])
  })

  it('refuses quotes built to share their start with a text that repeats it, after a bounded number of comparisons', () => {
    const start = 'The same start, '
    const quotes = Array.from({ length: 2_000 }, (_, i) => `${start}then ${i}`)
    const text = start.repeat(20_000)
    expect(2_000 * 20_000).toBeGreaterThan(MAX_CANDIDATE_CHECKS)
    expect(() => quoteSearch(quotes).findAll(text, () => undefined)).toThrow(/share their first words too often/)
  })
})
