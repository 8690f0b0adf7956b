import { describe, expect, it } from 'vitest'
import { addDays, dayFromNumber, dayNumber, effectiveEventDate, eventDateProblem, parseEventDateInput, type EventDate } from './event-date'

describe('parseEventDateInput (what `--event-date` accepts)', () => {
  it.each([
    ['2025-01-21', { start: '2025-01-21', end: '2025-01-21', precision: 'day' }],
    ['2025-01-21/2025-01-22', { start: '2025-01-21', end: '2025-01-22', precision: 'day' }],
    ['2024-02', { start: '2024-02-01', end: '2024-02-29', precision: 'month' }],
    ['2025', { start: '2025-01-01', end: '2025-12-31', precision: 'year' }],
    ['2024-12/2025-01', { start: '2024-12-01', end: '2025-01-31', precision: 'month' }],
    ['2024-12-28/2025-01', { start: '2024-12-28', end: '2025-01-31', precision: 'day' }],
    ['~2025-01', { start: '2025-01-01', end: '2025-01-31', precision: 'approximate' }],
    [' 2025-01-21 ', { start: '2025-01-21', end: '2025-01-21', precision: 'day' }],
  ])('%s', (typed, expected) => {
    expect(parseEventDateInput(typed)).toEqual({ ok: true, value: { ...expected, source: 'analyst' } })
  })

  it.each([
    ['2025-02-30', '2025-02-30 is not a real day: February 2025 has 28 days.'],
    ['2025-01-22/2025-01-21', 'The event date ends (2025-01-21) before it starts (2025-01-22).'],
    ['2025-13', '2025-13 is not a month: there is no month 13.'],
    ['0999', 'The year 999 is outside 1000–9999.'],
    ['21 January', '"21 January" is not a day, month or year: write YYYY-MM-DD, YYYY-MM or YYYY.'],
    ['', '"" is not an event date: write YYYY-MM-DD, YYYY-MM, YYYY or START/END (e.g. 2025-01-21/2025-01-22); ~ in front marks it approximate.'],
    ['2025/2026/2027', '"2025/2026/2027" is not an event date: write YYYY-MM-DD, YYYY-MM, YYYY or START/END (e.g. 2025-01-21/2025-01-22); ~ in front marks it approximate.'],
  ])('%s is refused with one line', (typed, message) => {
    expect(parseEventDateInput(typed)).toEqual({ ok: false, message })
  })
})

describe('eventDateProblem', () => {
  it('accepts real days in order and names what is wrong otherwise', () => {
    expect(eventDateProblem({ start: '2024-02-29', end: '2024-02-29' })).toBeNull()
    expect(eventDateProblem({ start: '2025-02-29', end: '2025-03-01' })).toBe("The event date's start 2025-02-29 is not a real day: February 2025 has 28 days.")
    expect(eventDateProblem({ start: '2025-01-02', end: '2025-01-01' })).toBe('The event date ends (2025-01-01) before it starts (2025-01-02).')
    expect(eventDateProblem({ start: '2025-1-2', end: '2025-01-02' })).toBe('The event date\'s start "2025-1-2" is not a day: write YYYY-MM-DD.')
  })
})

describe('effectiveEventDate', () => {
  const stored: EventDate = { start: '2025-01-01', end: '2025-01-01', precision: 'day', source: 'analyst' }
  const suggestion = { start: '2024-12-11', end: '2024-12-11', precision: 'day' as const, phrase: 'on 11 December', rule: 'day', source: 'suggested' as const }
  it('is the decision when there is one, none when cleared, else a resolved suggestion', () => {
    expect(effectiveEventDate(stored, suggestion)).toBe(stored)
    expect(effectiveEventDate(null, suggestion)).toBeNull()
    expect(effectiveEventDate(undefined, suggestion)).toBe(suggestion)
    expect(effectiveEventDate(undefined, { unresolved: true, phrase: 'on Tuesday', rule: 'weekday', reason: 'x', source: 'suggested' })).toBeNull()
  })
})

describe('day arithmetic', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(dayFromNumber(dayNumber('2025-01-21'))).toBe('2025-01-21')
    expect(dayNumber('1970-01-02')).toBe(1)
  })
})
