import { describe, expect, it } from 'vitest'
import { countWords, normaliseText, splitParagraphs } from './text'

describe('text', () => {
  it('unifies line endings, drops a BOM and NFC-normalises', () => {
    expect(normaliseText('\uFEFFa\r\nb\rc\u2028d e\u0301')).toBe('a\nb\nc\nd é')
  })

  it('counts words with inner apostrophes and hyphens as one', () => {
    expect(countWords('Syria’s al-Sharaa met Russia\'s envoy — 30 trucks.')).toBe(7)
  })

  it('splits paragraphs at blank lines and keeps their offsets into the text', () => {
    const text = 'First line\nstill first.\n\n\nSecond.\n'
    const paragraphs = splitParagraphs(text)
    expect(paragraphs.map((p) => text.slice(p.start, p.end))).toEqual(['First line\nstill first.', 'Second.'])
  })
})

describe('splitParagraphs on paragraph-per-line text', () => {
  it('makes each long line a paragraph', () => {
    const long = 'x'.repeat(150)
    const text = `${long}\n${long}\nshort tail`
    expect(splitParagraphs(text)).toEqual([
      { start: 0, end: 150 },
      { start: 151, end: 301 },
      { start: 302, end: 312 },
    ])
  })
})
