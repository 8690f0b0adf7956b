/**
 * Which dates a date field accepts: a real calendar date with a plausible year (1900–2200,
 * as dates are read elsewhere), so a year typed digit by digit (0002, 0020, 0202) is not one.
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
