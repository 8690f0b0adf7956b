/**
 * What a date input may save. While the analyst types a year, a date input already holds
 * a valid date at every keystroke (0002-03-01, 0020-03-01, 0202-03-01, 2025-03-01); only a
 * complete date with a plausible year (1900–2200, as dates are read elsewhere) is saved.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export const MIN_YEAR = 1900
export const MAX_YEAR = 2200

/** True when `value` is a real calendar date `YYYY-MM-DD` with a plausible year. */
export function isCompleteDate(value: string): boolean {
  const match = DATE.exec(value)
  if (!match) return false
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false
  const probe = new Date(Date.UTC(y, m - 1, d))
  return probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d
}

/**
 * What to save for a date input's `value`: the date when complete, null when the input was
 * emptied and empty is allowed (an open end), undefined when nothing should be saved yet.
 */
export function dateToSave(value: string, allowEmpty: boolean): string | null | undefined {
  if (value === '') return allowEmpty ? null : undefined
  return isCompleteDate(value) ? value : undefined
}
