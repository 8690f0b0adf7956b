/**
 * An event date: when what a passage reports happened (issue 15), as opposed to when the
 * article was published. Stored on a highlight as the analyst's decision (`eventDate`,
 * src/core/model.ts); suggested from the passage's text by suggest.ts, which loads
 * chrono-node, so this module stays free of it: the schemas, the one rule for what may be
 * stored (`eventDateProblem`) and the form the command line types (`parseEventDateInput`).
 *
 * Days are `YYYY-MM-DD` calendar days with no time or zone: an event date is the day as the
 * article's own calendar names it. `end` is inclusive; a single day has `end === start`.
 */
import { z } from 'zod'
import { dayProblem, MAX_YEAR, MIN_YEAR, pad } from '../dates'

export const EVENT_PRECISIONS = ['day', 'month', 'year', 'approximate'] as const
export type EventPrecision = (typeof EVENT_PRECISIONS)[number]

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not a YYYY-MM-DD day')

/**
 * What a highlight stores once the analyst decided (decision 53): a date accepted from the
 * suggestion (`source: 'suggested'`, keeping the phrase and rule it came from) or typed
 * (`source: 'analyst'`). The real-day and order rules are `eventDateProblem`, applied where
 * values enter, not here: a refusal on read would declare a whole annotation file damaged.
 */
export const EventDateSchema = z.object({
  start: Day,
  end: Day,
  precision: z.enum(EVENT_PRECISIONS),
  phrase: z.string().max(500).optional(),
  rule: z.string().max(100).optional(),
  source: z.enum(['suggested', 'analyst']),
})
export type EventDate = z.infer<typeof EventDateSchema>

/** A suggestion that could be placed on the calendar. */
export interface ResolvedSuggestion {
  start: string
  end: string
  precision: EventPrecision
  /** The words of the passage it was read from, as written. */
  phrase: string
  /** Which rule read it (e.g. `day-range`, `weekday`, `day+inferred-year`). */
  rule: string
  source: 'suggested'
}

/** A date phrase that cannot be placed without guessing (no publication date to count from). */
export interface UnresolvedSuggestion {
  unresolved: true
  phrase: string
  rule: string
  reason: string
  source: 'suggested'
}

export type EventDateSuggestion = ResolvedSuggestion | UnresolvedSuggestion

export const isUnresolved = (s: EventDateSuggestion | EventDate): s is UnresolvedSuggestion => 'unresolved' in s

/**
 * The event date a passage has for the timeline and exports: the analyst's decision when
 * there is one (`null`: the analyst cleared it, so none), else the suggestion, if resolved.
 */
export function effectiveEventDate(stored: EventDate | null | undefined, suggestion: EventDateSuggestion | null): EventDate | ResolvedSuggestion | null {
  if (stored !== undefined) return stored
  return suggestion && !isUnresolved(suggestion) ? suggestion : null
}

/**
 * Why a value may not be stored as an event date, as one sentence, or null. Both ends must
 * be real days in years MIN_YEAR–MAX_YEAR, the end not before the start.
 */
export function eventDateProblem(value: Pick<EventDate, 'start' | 'end'>): string | null {
  for (const [which, day] of [['start', value.start], ['end', value.end]] as const) {
    const problem = dayOnlyProblem(day)
    if (problem) return `The event date's ${which} ${problem}`
  }
  if (value.end < value.start) return `The event date ends (${value.end}) before it starts (${value.start}).`
  return null
}

function dayOnlyProblem(day: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return `${JSON.stringify(day)} is not a day: write YYYY-MM-DD.`
  const problem = dayProblem(Number(m[1]), Number(m[2]), Number(m[3]))
  return problem ? `${day} is not a real day: ${problem}.` : null
}

/**
 * Reads an event date as typed (`dossier highlight edit --event-date`): a day
 * `2025-01-21`, a month `2025-01`, a year `2025`, or `START/END` of any of these (a
 * range from the first day of START to the last day of END); a leading `~` marks it
 * approximate. Returns the date (source 'analyst') or one line saying what is wrong.
 */
export function parseEventDateInput(typed: string): { ok: true; value: EventDate } | { ok: false; message: string } {
  let text = typed.trim()
  const approximate = text.startsWith('~')
  if (approximate) text = text.slice(1).trim()
  const parts = text.split('/')
  if (text === '' || parts.length > 2) return { ok: false, message: `${JSON.stringify(typed)} is not an event date: write YYYY-MM-DD, YYYY-MM, YYYY or START/END (e.g. 2025-01-21/2025-01-22); ~ in front marks it approximate.` }
  const first = readPeriod(parts[0]!.trim())
  const last = parts.length === 2 ? readPeriod(parts[1]!.trim()) : first
  for (const p of [first, last]) if ('message' in p) return { ok: false, message: p.message }
  const a = first as Period
  const b = last as Period
  const value: EventDate = {
    start: a.start,
    end: b.end,
    precision: approximate ? 'approximate' : parts.length === 2 ? (a.precision === b.precision ? a.precision : 'day') : a.precision,
    source: 'analyst',
  }
  const problem = eventDateProblem(value)
  return problem ? { ok: false, message: problem } : { ok: true, value }
}

interface Period {
  start: string
  end: string
  precision: EventPrecision
}

function readPeriod(text: string): Period | { message: string } {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text)
  if (!m) return { message: `${JSON.stringify(text)} is not a day, month or year: write YYYY-MM-DD, YYYY-MM or YYYY.` }
  const year = Number(m[1])
  if (year < MIN_YEAR || year > MAX_YEAR) return { message: `The year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}.` }
  if (m[3] !== undefined) {
    const problem = dayOnlyProblem(text)
    return problem ? { message: problem[0]!.toUpperCase() + problem.slice(1) } : { start: text, end: text, precision: 'day' }
  }
  if (m[2] !== undefined) {
    const month = Number(m[2])
    if (month < 1 || month > 12) return { message: `${text} is not a month: there is no month ${m[2]}.` }
    return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${pad(daysInMonth(year, month))}`, precision: 'month' }
  }
  return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, precision: 'year' }
}

/** Days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** `YYYY-MM-DD` of a year, month (1-12) and day. */
export const isoDay = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`

/** The day `n` days after (negative: before) `day`. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const t = new Date(Date.UTC(y, m - 1, d + n))
  return isoDay(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())
}

/** Days from 1970-01-01 (the timeline's axis unit). */
export function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000)
}

/** The inverse of dayNumber. */
export function dayFromNumber(n: number): string {
  const t = new Date(n * 86_400_000)
  return isoDay(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())
}

/** The publication day (`YYYY-MM-DD`) of a stored publication date (its first ten characters, a real day), or null. */
export function publicationDay(published: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published ?? '')
  return m && dayProblem(Number(m[1]), Number(m[2]), Number(m[3])) === null ? m[0] : null
}
