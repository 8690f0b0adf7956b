import { describe, expect, it } from 'vitest'
import { parseQuery } from './query'
import { findMatches, needlesOf } from './match'
import { makeSnippet } from './snippet'

const m = (q: string) => needlesOf(parseQuery(q).clauses)

const marks = (s: { text: string; ranges: [number, number][] }) => s.ranges.map(([a, b]) => s.text.slice(a, b))

describe('snippets', () => {
  it('returns a short text whole, with every match marked', () => {
    const text = 'The convoy left Tartus;\nthe convoy returned.'
    const s = makeSnippet(text, findMatches(text, m('convoy')))
    expect(s.text).toBe('The convoy left Tartus; the convoy returned.')
    expect(marks(s)).toEqual(['convoy', 'convoy'])
  })

  it('prefers the window holding the most different matches', () => {
    const filler = 'Words of no interest fill this sentence to make the text long. '
    const text = `convoy ${filler.repeat(5)}convoy ${filler.repeat(5)}the convoy reached Tartus at night. ${filler.repeat(5)}`
    const s = makeSnippet(text, findMatches(text, m('convoy tartus')))
    expect(marks(s)).toEqual(['convoy', 'Tartus'])
    expect(s.text.startsWith('…') && s.text.endsWith('…')).toBe(true)
    expect(s.text.length).toBeLessThanOrEqual(202)
    // No word cut at either edge.
    expect(s.text.slice(1, -1).trim()).toBe(s.text.slice(1, -1))
    expect(text).toContain(s.text.slice(1, -1))
  })

  it('marks a phrase as one range, not its words one by one', () => {
    const text = 'Near the naval base, ships. The base was naval once.'
    const s = makeSnippet(text, findMatches(text, m('naval base "the naval base"')))
    expect(marks(s)).toEqual(['the naval base', 'base', 'naval'])
  })

  it('marks words found by prefix, whole', () => {
    const text = 'The withdrawal began; troops withdrew; “withdrawn” said the note.'
    expect(marks(makeSnippet(text, findMatches(text, m('withdr*'))))).toEqual(['withdrawal', 'withdrew', 'withdrawn'])
  })

  it('matches folded words and keeps original offsets', () => {
    const text = 'Analyst Ömer Sohtaoğlu (SOHTAOĞLU in capitals).'
    const s = makeSnippet(text, findMatches(text, m('sohtaoglu')))
    expect(marks(s)).toEqual(['Sohtaoğlu', 'SOHTAOĞLU'])
  })

  it('shows the start of the text when nothing matches, and ends without a cut at the end', () => {
    const text = 'x '.repeat(300)
    const s = makeSnippet(text, [])
    expect(s.text.startsWith('x x')).toBe(true)
    expect(s.text.endsWith('…')).toBe(true)
    const end = 'start ' + 'filler words here '.repeat(20) + 'the final match'
    const t = makeSnippet(end, findMatches(end, m('match')))
    expect(t.text.endsWith('the final match')).toBe(true)
    expect(marks(t)).toEqual(['match'])
  })
})
