/**
 * The one rule for what may be stored as a date, and how stored dates are written in
 * citations. Reading dates out of text (chrono-node, which is slow to load) lives in
 * date-lines.ts, which only import and analysis need.
 *
 * `storedDateProblem` is the one rule for what may be stored as a date: analysis, the API
 * argument schemas, `dossier edit` and `dossier check` all use it, so a date that is not
 * a real day (2025-02-30, 9999-99-99) can neither be read from a file nor typed in.
 */

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
] as const

export const pad = (n: number) => String(n).padStart(2, '0')

// ---------------------------------------------------------------------------------------
// The rule for stored dates.

/**
 * Years a stored date may have. Four digits, because the stored form is ISO 8601 without
 * the expanded-year sign and dates are compared and sorted as strings (search's from/to,
 * the library's date column): that holds only while every year has four digits. Anything
 * an analyst cites, from a speech of 1863 to a charter of 1215, fits.
 */
export const MIN_YEAR = 1000
export const MAX_YEAR = 9999

/** What may be stored: `YYYY-MM-DD`, optionally `THH:MM`, `:SS`, and `Z` or `±HH:MM`. */
const STORED_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)?$/

/**
 * Why `value` may not be stored as a date, as one sentence naming it, or null when it is
 * a real day (and, when given, a real time and UTC offset) in years MIN_YEAR–MAX_YEAR.
 */
export function storedDateProblem(value: string): string | null {
  const m = STORED_DATE.exec(value)
  const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 59)}…` : value)
  if (!m) return `${shown} is not a date: write YYYY-MM-DD, or an ISO date-time such as 2025-01-15T16:29+00:00.`
  const [, y, mo, d, h, mi, s, zone] = m
  const day = dayProblem(Number(y), Number(mo), Number(d))
  if (day) return `${shown} is not a real day: ${day}.`
  const time = h === undefined ? null : timeProblem(Number(h), Number(mi), s === undefined ? undefined : Number(s))
  if (time) return `${shown} is not a real time: ${time}.`
  const offset = zone && zone !== 'Z' ? offsetProblem(Number(zone.slice(1, 3)), Number(zone.slice(4, 6))) : null
  if (offset) return `${shown} has no real UTC offset: ${offset}.`
  return null
}

/** Whether `value` may be stored as a date (see storedDateProblem). */
export function isStoredDate(value: string): boolean {
  return storedDateProblem(value) === null
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

export function dayProblem(y: number, month: number, d: number): string | null {
  if (!Number.isInteger(y) || y < MIN_YEAR || y > MAX_YEAR) return `the year ${y} is outside ${MIN_YEAR}–${MAX_YEAR}`
  if (!Number.isInteger(month) || month < 1 || month > 12) return `there is no month ${pad(month)}`
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  const days = month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!
  if (!Number.isInteger(d) || d < 1 || d > days) return `${capitalised(MONTHS[month - 1]!)} ${y} has ${days} days`
  return null
}

function timeProblem(h: number, mi: number, s?: number): string | null {
  if (h > 23) return `there is no hour ${pad(h)}`
  if (mi > 59) return `there is no minute ${pad(mi)}`
  if (s !== undefined && s > 59) return `there is no second ${pad(s)}`
  return null
}

/** Offsets in use run from -12:00 to +14:00; ±14:00 bounds both sides. */
function offsetProblem(h: number, mi: number): string | null {
  if (h > 14 || (h === 14 && mi > 0)) return `offsets run from -14:00 to +14:00`
  if (mi > 59) return `there is no minute ${pad(mi)}`
  return null
}

const capitalised = (word: string) => `${word[0]!.toUpperCase()}${word.slice(1)}`

/** `2024-12-15` -> `15 December 2024` (the time, when stored, is left out of citations). */
export function formatCitationDate(iso: string | null): string | null {
  if (!iso) return null
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return iso
  const month = MONTHS[Number(m[2]) - 1]
  if (!month) return iso
  return `${Number(m[3])} ${capitalised(month)} ${m[1]}`
}
