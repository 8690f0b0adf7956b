import { describe, expect, it } from 'vitest'
import { formatCitationDate, parseDateLine } from './dates'

describe('parseDateLine', () => {
  it.each([
    ['January 15, 2025 at 4:29 pm', '2025-01-15T16:29'],
    ['December 15, 2024', '2024-12-15'],
    ['15 December 2024', '2024-12-15'],
    ['Jan. 25, 2025', '2025-01-25'],
    ['March 3, 2025 at 12:05 am', '2025-03-03T00:05'],
    ['Sun Feb 02 2025 11:44:27 GMT+0200 (Eastern European Standard Time)', '2025-02-02T11:44:27+02:00'],
  ])('%s -> %s', (line, iso) => {
    expect(parseDateLine(line)?.iso).toBe(iso)
  })

  it('returns the words before the date (a byline)', () => {
    expect(parseDateLine('By bnm Gulf bureau December 15, 2024')).toEqual({ iso: '2024-12-15', lead: 'By bnm Gulf bureau' })
  })

  it.each(['yesterday', 'on Tuesday', 'February 30, 2025', 'The convoy left on December 13, after talks failed.'])('refuses %s', (line) => {
    expect(parseDateLine(line)).toBeNull()
  })
})

describe('formatCitationDate', () => {
  it('writes day month year and drops the time', () => {
    expect(formatCitationDate('2025-02-02T11:44:27+02:00')).toBe('2 February 2025')
    expect(formatCitationDate(null)).toBeNull()
  })
})
