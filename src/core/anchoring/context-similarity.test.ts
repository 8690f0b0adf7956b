import { describe, expect, it } from 'vitest'
import { anchoredEditDistance, boundedEditDistance, NEUTRAL_CONTEXT_SCORE, prefixScore, suffixScore } from './context-similarity'

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
  return d[a.length]![b.length]!
}

describe('context similarity', () => {
  it('measures the stored prefix against the text that ends at the candidate', () => {
    const text = 'xxxx the naval base in Tartus'
    const at = text.indexOf('Tartus')
    expect(prefixScore(text, at, 'the naval base in ')).toBe(1)
    // Four characters inserted inside the context cost at most four errors (here three:
    // "the " aligns with "big " and the far end is free), not a whole shifted window.
    const edited = 'xxxx the big naval base in Tartus'
    expect(anchoredEditDistance('the naval base in ', edited.slice(0, edited.indexOf('Tartus')), true)).toBe(3)
    expect(prefixScore(text, at, 'unrelated words go here')).toBeLessThan(0.5)
  })

  it('measures the stored suffix against the text that starts after the candidate', () => {
    const text = 'Tartus, the port on the coast'
    expect(suffixScore(text, 6, ', the port on the coast')).toBe(1)
    expect(suffixScore(text, 6, ', the harbour on the coast')).toBeGreaterThan(0.7)
  })

  it('scores an empty context by whether the candidate is at the matching edge of the text', () => {
    expect(prefixScore('Tartus port', 0, '')).toBe(1)
    expect(prefixScore('In Tartus port', 3, '')).toBe(NEUTRAL_CONTEXT_SCORE)
    expect(suffixScore('in Tartus', 9, '')).toBe(1)
    expect(suffixScore('in Tartus port', 9, '')).toBe(NEUTRAL_CONTEXT_SCORE)
  })

  it('computes a banded edit distance equal to the full one within the limit', () => {
    const pairs: [string, string][] = [
      ['returned empty', 'returned almost empty'],
      ['Khmeimim', 'Hmeimim'],
      ['Tartus', 'Tartous'],
      ['', 'abc'],
      ['same', 'same'],
      ['kitten', 'sitting'],
      ['a long quote about the convoy', 'a longer quote on the convoys'],
    ]
    for (const [a, b] of pairs) {
      const full = levenshtein(a, b)
      expect(boundedEditDistance(a, b, 10), `${a} / ${b}`).toBe(Math.min(full, 11))
      expect(boundedEditDistance(a, b, 2), `${a} / ${b}`).toBe(Math.min(full, 3))
    }
  })
})
