/**
 * Recognises the publication-date lines that saved articles carry, and normalises dates
 * that a file's structure states (JSON-LD, meta tags, PDF info), to the stored form whose
 * rule is in dates.ts. Only import and analysis load this module (and chrono-node with it).
 *
 * Only dates a file states are read; nothing is guessed from relative phrases
 * ("yesterday", "on Tuesday") or from dates without a year ("on December 13"). A line
 * counts only when it IS a date: nothing may stand before the date except a byline
 * ("By …") or a label ("Published:"), and nothing after it except a parenthesised zone
 * name. chrono-node does the calendar work (month names, weekdays, clock times, zones).
 *
 * Results keep the stated precision: a date alone stays `YYYY-MM-DD`; a clock time adds
 * `THH:MM` (and `:SS` when seconds are stated); a stated UTC offset or zone adds `±HH:MM`.
 */
import * as chrono from 'chrono-node'
import { dayProblem, isStoredDate, pad } from './dates'

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
