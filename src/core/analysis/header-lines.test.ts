import { describe, expect, it } from 'vitest'
import { normaliseText } from '../text'
import { headerLines } from './analyse'

const BODY = [
  'Dockworkers in Latakia stopped work on Monday morning to demand wages that have gone unpaid since the autumn, leaving two grain ships waiting at anchor outside the harbour.',
  'The port authority said talks with the workers’ committee would resume on Wednesday, and that the transitional government had promised to pay the arrears in two instalments.',
].join('\n\n')

describe('header lines', () => {
  it('names every copy of the headline and the raw date line a saved page repeats above the body', () => {
    const text = normaliseText(
      ['Port workers strike in Latakia', '', 'Sun Feb 02 2025 11:44:27 GMT+0200 (Eastern European Standard Time)', 'Port workers strike in Latakia', '', BODY].join('\n'),
    )
    const lines = headerLines(text)
    expect(lines.map((l) => l.kind)).toEqual(['headline', 'date-line', 'headline'])
    for (const l of lines) expect(text.slice(l.start, l.end)).toBe(l.text)
    expect(lines[1]!.text).toMatch(/^Sun Feb 02 2025/)
  })

  it('names the byline, and nothing in a text that begins with its body', () => {
    const text = normaliseText(['Port workers strike in Latakia', 'March 3, 2025 at 9:15 am', 'By Rana Khoury', '', BODY].join('\n'))
    expect(headerLines(text).map((l) => l.kind)).toEqual(['headline', 'date-line', 'byline'])
    expect(headerLines(normaliseText(BODY))).toEqual([])
  })
})
