import { describe, expect, it } from 'vitest'
import { findOccurrences, makeTextTarget, targetMatches, trimRange } from './selectors'

const text = 'The convoy left Tartus. Later the convoy returned to Tartus at night.'

describe('text selectors', () => {
  it('stores the exact quote with up to 32 characters of context each side', () => {
    const start = text.indexOf('convoy returned')
    const t = makeTextTarget(text, start, start + 'convoy returned'.length)
    expect(t.exact).toBe('convoy returned')
    expect(t.prefix).toBe(text.slice(start - 32, start))
    expect(t.suffix).toBe(' to Tartus at night.')
    expect(targetMatches(text, t)).toBe(true)
    expect(targetMatches(text.replace('Later', 'Much later'), t)).toBe(false)
  })

  it('refuses a range outside the text', () => {
    expect(() => makeTextTarget(text, 5, 5)).toThrow(RangeError)
    expect(() => makeTextTarget(text, 0, text.length + 1)).toThrow(RangeError)
  })

  it('finds every occurrence of a repeated phrase', () => {
    expect(findOccurrences(text, 'Tartus')).toEqual([16, text.lastIndexOf('Tartus')])
    expect(findOccurrences(text, 'Khmeimim')).toEqual([])
  })

  it('trims white space from a sloppy selection', () => {
    expect(trimRange('  two words  ', 0, 13)).toEqual({ start: 2, end: 11 })
  })
})
