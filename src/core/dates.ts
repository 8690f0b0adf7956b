/**
 * Recognises the publication-date lines that saved articles carry, normalises dates that
 * a file's structure states (JSON-LD, meta tags, PDF info), and formats stored dates for
 * citations.
 *
 * Only dates a file states are read; nothing is guessed from relative phrases
 * ("yesterday", "on Tuesday") or from dates without a year ("on December 13"). A line
 * counts only when it IS a date: nothing may stand before the date except a byline
 * ("By …") or a label ("Published:"), and nothing after it except a parenthesised zone
 * name. chrono-node does the calendar work (month names, weekdays, clock times, zones).
 *
 * Results keep the stated precision: a date alone stays `YYYY-MM-DD`; a clock time adds
 * `THH:MM` (and `:SS` when seconds are stated); a stated UTC offset or zone adds `±HH:MM`.
 *
 * `storedDateProblem` is the one rule for what may be stored as a date: analysis, the API
 * argument schemas, `dossier edit` and `dossier check` all use it, so a date that is not
 * a real day (2025-02-30, 9999-99-99) can neither be read from a file nor typed in.
 */
import * as chrono from 'chrono-node'

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
] as const

const pad = (n: number) => String(n).padStart(2, '0')

export interface StatedDate {
  /** `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]`, either followed by `±HH:MM` when an offset is stated. */
  iso: string
  /** The words before the date on its line, e.g. `By bnm Gulf bureau` or `Published:`; '' if none. */
  lead: string
}

/** What may stand before the date on a date line. */
const BYLINE_LEAD = /^by\s+\S.{0,80}?\s*[|,·•–—-]?$/i
const LABEL_LEAD = /^(?:(?:first\s+)?published|posted|dated?|updated|last\s+updated|modified)(?:\s+(?:on|at))?\s*[:|–—-]?$/i
/** What may follow it: a zone name in parentheses, as JavaScript's Date#toString writes. */
const TRAILER = /^(?:\([^()]{1,60}\))?$/

/** Any fixed reference: only dates whose year, month and day are stated are accepted. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1))

/**
 * Reads a line that is a date. Recognised shapes include `January 15, 2025 at 4:29 pm`,
 * `15 December 2024`, `By X December 15, 2024`, `Published: 15 January 2025, 14:05 GMT`,
 * RFC 1123 (`Sat, 01 Feb 2025 12:44:40 GMT`), ISO 8601 and JavaScript's
 * `Sun Feb 02 2025 11:44:27 GMT+0200 (…)`. Numeric dates whose day and month could be
 * swapped (`05/01/2025`) are refused rather than guessed.
 */
export function parseDateLine(line: string): StatedDate | null {
  const text = line.trim()
  // Every accepted shape states a four-digit year: most lines are refused before chrono runs.
  if (text.length === 0 || text.length > 160 || !/\d{4}/.test(text)) return null
  const results = chrono.strict.parse(text, REFERENCE, { forwardDate: false })
  const first = results[0]
  if (!first || results.length > 1) return null

  const lead = text.slice(0, first.index).trim()
  const trailer = text.slice(first.index + first.text.length).trim()
  if (lead !== '' && !BYLINE_LEAD.test(lead) && !LABEL_LEAD.test(lead)) return null
  if (!TRAILER.test(trailer)) return null
  const iso = componentsToIso(first.start, first.text)
  return iso ? { iso, lead } : null
}

/**
 * A line that is nothing but a date or date-time (no byline, no label): the timestamps of
 * headline lists. Returns its ISO form, or null.
 */
export function parseTimestampLine(line: string): string | null {
  const stated = parseDateLine(line)
  return stated && stated.lead === '' ? stated.iso : null
}

type ParsedComponents = chrono.ParsedResult['start']

function componentsToIso(c: ParsedComponents, matched: string): string | null {
  if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) return null
  if (!/\d{4}/.test(matched)) return null
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}/.exec(matched)
  if (numeric && Number(numeric[1]) <= 12 && Number(numeric[2]) <= 12 && numeric[1] !== numeric[2]) return null
  const year = c.get('year')
  const month = c.get('month')
  const day = c.get('day')
  if (year === null || month === null || day === null) return null
  const date = isoDate(year, month - 1, day)
  if (!date) return null
  if (!c.isCertain('hour')) return date
  const hour = c.get('hour') ?? 0
  const minute = c.get('minute') ?? 0
  let time = `T${pad(hour)}:${pad(minute)}`
  if (c.isCertain('second')) time += `:${pad(c.get('second') ?? 0)}`
  const offset = c.isCertain('timezoneOffset') ? c.get('timezoneOffset') : null
  const iso = date + time + (offset === null ? '' : formatOffset(offset))
  return isStoredDate(iso) ? iso : null
}

function isoDate(y: number, m: number, d: number): string | null {
  return dayProblem(y, m + 1, d) === null ? `${y}-${pad(m + 1)}-${pad(d)}` : null
}

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

function dayProblem(y: number, month: number, d: number): string | null {
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

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/**
 * Normalises a date a file's structure states (JSON-LD `datePublished`, `article:published_time`,
 * a PDF `CreationDate` such as `D:20250115162900+01'00'`, or any shape `parseDateLine`
 * reads) to the stored form, keeping its precision. Returns null if it is not a date.
 */
export function normaliseStatedDate(value: string): string | null {
  const text = value.trim()
  // PDF dates may stop at the year or month; only a stated day makes a date here.
  const pdf = /^D:(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{2}'?\d{2}'?)?$/.exec(text)
  if (pdf) {
    const [, y, mo, d, h, mi, s, zone] = pdf
    return isoParts(y!, mo!, d!, h, mi, s, zone ? zone.replace(/'/g, '') : undefined)
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text)
  if (iso) return isoParts(iso[1]!, iso[2]!, iso[3]!, iso[4], iso[5], iso[6], iso[7])
  return parseDateLine(text)?.iso ?? null
}

function isoParts(y: string, mo: string, d: string, h?: string, mi?: string, s?: string, zone?: string): string | null {
  let out = `${y}-${mo}-${d}`
  if (h !== undefined && mi !== undefined) {
    out += `T${h}:${mi}${s === undefined ? '' : `:${s}`}`
    if (zone === 'Z') out += '+00:00'
    else if (zone) out += `${zone.slice(0, 3)}:${zone.slice(-2)}`
  }
  return isStoredDate(out) ? out : null
}

/** `2024-12-15` -> `15 December 2024` (the time, when stored, is left out of citations). */
export function formatCitationDate(iso: string | null): string | null {
  if (!iso) return null
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return iso
  const month = MONTHS[Number(m[2]) - 1]
  if (!month) return iso
  return `${Number(m[3])} ${capitalised(month)} ${m[1]}`
}
