import { describe, expect, it } from 'vitest'
import { isCompleteDate } from './date-input'
import { formatDateTime, parseDateInput } from '../dates'

describe('isCompleteDate', () => {
  it('accepts a real date with a plausible year', () => {
    expect(isCompleteDate('2025-03-01')).toBe(true)
    expect(isCompleteDate('2024-02-29')).toBe(true)
  })
  it('refuses the years a date input holds while a year is typed, and impossible days', () => {
    for (const v of ['0002-03-01', '0020-03-01', '0202-03-01', '1899-12-31', '2201-01-01', '2025-02-29', '2025-13-01', '2025-3-1', '']) {
      expect(isCompleteDate(v)).toBe(false)
    }
  })
})

describe('date fields in the app’s one format', () => {
  it('read the app’s own format, ISO and the importer’s shapes, and refuse the rest', () => {
    for (const text of ['2 February 2025', '2025-02-02', 'Feb 2, 2025', '2 feb 2025']) expect(parseDateInput(text), text).toBe('2025-02-02')
    expect(parseDateInput('  ')).toBe('')
    for (const text of ['2 Feb', '31 February 2025', '2/3/2025', '0202-03-01', 'yesterday']) expect(parseDateInput(text), text).toBeNull()
  })

  it('show a stored time after the date, in the same date format', () => {
    expect(formatDateTime('2025-02-02T11:44:27+02:00')).toBe('2 February 2025, 11:44')
    expect(formatDateTime('2025-02-02')).toBe('2 February 2025')
  })
})
