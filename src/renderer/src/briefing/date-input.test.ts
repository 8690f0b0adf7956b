import { describe, expect, it } from 'vitest'
import { dateToSave, isCompleteDate } from './date-input'

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

describe('dateToSave', () => {
  it('saves a complete date, clears an emptied optional one, and waits otherwise', () => {
    expect(dateToSave('2025-03-01', false)).toBe('2025-03-01')
    expect(dateToSave('', true)).toBeNull()
    expect(dateToSave('', false)).toBeUndefined()
    expect(dateToSave('0202-03-01', true)).toBeUndefined()
  })
})
