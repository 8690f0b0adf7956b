import { describe, expect, it } from 'vitest'
import { normaliseStatedDate, parseDateLine, parseTimestampLine } from './date-lines'
import { formatCitationDate, isStoredDate, storedDateProblem } from './dates'

describe('parseDateLine', () => {
  it.each([
    ['January 15, 2025 at 4:29 pm', '2025-01-15T16:29'],
    ['December 15, 2024', '2024-12-15'],
    ['15 December 2024', '2024-12-15'],
    ['Jan. 25, 2025', '2025-01-25'],
    ['March 3, 2025 at 12:05 am', '2025-03-03T00:05'],
    ['Sun Feb 02 2025 11:44:27 GMT+0200 (Eastern European Standard Time)', '2025-02-02T11:44:27+02:00'],
    ['Sat, 01 Feb 2025 12:44:40 GMT', '2025-02-01T12:44:40+00:00'],
    ['Wednesday 15 January 2025 16.29 GMT', '2025-01-15T16:29+00:00'],
    ['2025-01-15T16:29:00-05:00', '2025-01-15T16:29:00-05:00'],
    ['2025-01-15', '2025-01-15'],
    ['Published: 15 January 2025, 14:05 GMT', '2025-01-15T14:05+00:00'],
    ['Posted on March 3, 2025', '2025-03-03'],
    ['15/01/2025', '2025-01-15'],
    ['November 19, 1863', '1863-11-19'],
    ['Published: 4 July 1776', '1776-07-04'],
  ])('%s -> %s', (line, iso) => {
    expect(parseDateLine(line)?.iso).toBe(iso)
  })

  it('returns the words before the date (a byline)', () => {
    expect(parseDateLine('By bnm Gulf bureau December 15, 2024')).toEqual({ iso: '2024-12-15', lead: 'By bnm Gulf bureau' })
    expect(parseDateLine('By Ayla Sohtaoğlu | 3 March 2025')).toEqual({ iso: '2025-03-03', lead: 'By Ayla Sohtaoğlu |' })
  })

  it.each([
    'yesterday',
    'on Tuesday',
    'Jan. 25',
    'February 30, 2025',
    'The convoy left on December 13, after talks failed.',
    'The convoy left Tartus on 15 January 2025',
    'Russia began to withdraw equipment on December 13, 2024, sources said',
    '05/01/2025',
    'January 15, 2025 at 4:29 pm and again on January 16, 2025',
    '',
  ])('refuses %j', (line) => {
    expect(parseDateLine(line)).toBeNull()
  })
})

describe('parseTimestampLine', () => {
  it('reads a line that is only a date-time and nothing with a byline or label', () => {
    expect(parseTimestampLine('Fri, 31 Jan 2025 21:40:37 GMT')).toBe('2025-01-31T21:40:37+00:00')
    expect(parseTimestampLine('By Staff January 5, 2025')).toBeNull()
    expect(parseTimestampLine('Ukraine Claims North Korean Troops Have Withdrawn')).toBeNull()
  })
})

describe('normaliseStatedDate', () => {
  it.each([
    ['2025-01-15T16:29:00+01:00', '2025-01-15T16:29:00+01:00'],
    ['2025-01-15T16:29:00.000Z', '2025-01-15T16:29:00+00:00'],
    ['2025-01-15T16:29Z', '2025-01-15T16:29+00:00'],
    ['2025-01-15T16:29:00', '2025-01-15T16:29:00'],
    ['2025-01-15 16:29:00+0100', '2025-01-15T16:29:00+01:00'],
    ['2025-01-15', '2025-01-15'],
    ["D:20250115162900+01'00'", '2025-01-15T16:29:00+01:00'],
    ['D:20250115162900Z', '2025-01-15T16:29:00+00:00'],
    ['D:20250115', '2025-01-15'],
    ["D:20250115162900-05'30", '2025-01-15T16:29:00-05:30'],
    ['January 15, 2025', '2025-01-15'],
    ['1863-11-19', '1863-11-19'],
    ['D:18631119', '1863-11-19'],
    ['2024-02-29', '2024-02-29'],
  ])('%s -> %s', (value, iso) => {
    expect(normaliseStatedDate(value)).toBe(iso)
  })

  it.each(['', 'soon', '2025-02-30', '2025-02-29', '9999-99-99', '0999-01-01', '2025-01-15T25:00:00Z', '2025-01-15T10:00+15:00', 'D:2025'])('refuses %j', (value) => {
    expect(normaliseStatedDate(value)).toBeNull()
  })
})

describe('storedDateProblem: the one rule for a stored date', () => {
  it.each(['2025-01-15', '1863-11-19', '1000-01-01', '9999-12-31', '2024-02-29', '2000-02-29', '2025-01-15T16:29', '2025-01-15T16:29:59Z', '2025-01-15T16:29+05:30', '2025-01-15T00:00-12:00'])(
    'accepts %s',
    (value) => {
      expect(storedDateProblem(value)).toBeNull()
      expect(isStoredDate(value)).toBe(true)
    },
  )

  it.each([
    ['2025-02-30', '"2025-02-30" is not a real day: February 2025 has 28 days.'],
    ['1900-02-29', '"1900-02-29" is not a real day: February 1900 has 28 days.'],
    ['9999-99-99', '"9999-99-99" is not a real day: there is no month 99.'],
    ['2025-04-31', '"2025-04-31" is not a real day: April 2025 has 30 days.'],
    ['0999-12-31', '"0999-12-31" is not a real day: the year 999 is outside 1000–9999.'],
    ['2025-01-15T24:00', '"2025-01-15T24:00" is not a real time: there is no hour 24.'],
    ['2025-01-15T10:60', '"2025-01-15T10:60" is not a real time: there is no minute 60.'],
    ['2025-01-15T10:00+15:00', '"2025-01-15T10:00+15:00" has no real UTC offset: offsets run from -14:00 to +14:00.'],
    ['soon', '"soon" is not a date: write YYYY-MM-DD, or an ISO date-time such as 2025-01-15T16:29+00:00.'],
    ['15 January 2025', '"15 January 2025" is not a date: write YYYY-MM-DD, or an ISO date-time such as 2025-01-15T16:29+00:00.'],
  ])('refuses %s, saying why', (value, message) => {
    expect(storedDateProblem(value)).toBe(message)
    expect(isStoredDate(value)).toBe(false)
  })
})

describe('formatCitationDate', () => {
  it('writes day month year and drops the time', () => {
    expect(formatCitationDate('2025-02-02T11:44:27+02:00')).toBe('2 February 2025')
    expect(formatCitationDate(null)).toBeNull()
  })
})
