/**
 * Suggests a passage's event date from its text and its article's publication date
 * (issue 15, decision 53). Every date phrase in the passage is read, by our patterns
 * (phrase-rules.ts: day ranges, parts of months and years, a year alone) and by
 * chrono-node (days, months, weekdays, "yesterday", "last week", "three days ago"), then
 * the most precise one is suggested, with the phrase and the rule that read it.
 *
 * Rules:
 * - The publication date counts as the calendar day the article states (its first ten
 *   characters): an article of 2025-01-15T00:30+02:00 was published on the 15th wherever
 *   the analyst sits, so its "yesterday" is the 14th.
 * - A date without a year takes the year that puts it at or before the publication day,
 *   as close to it as possible ("11 December" in an article of 15 January 2025 is
 *   2024-12-11); a period (a month, "late January", a range) by its first day.
 * - A weekday is the latest such day at or before the publication day ("next Tuesday" the
 *   first after it).
 * - Without a publication date, relative phrases and dates without a year are returned
 *   unresolved with the reason, never guessed.
 * - Which phrase wins: a day (or range of days) over a month over a part of a month or year
 *   over a year; a stated date over a relative one of the same precision; a phrase after
 *   "since", "until", "by", "before", "after" or "from" (the edge of a state, not the event)
 *   after the others; then the first in the text. A phrase that cannot be resolved is
 *   suggested only when none can.
 * - "since 5 January" is a state that began then and still held when the article was
 *   published: the span from that day (or period's first day) to the publication day,
 *   rule `…+since` (approximate when it starts from a month or a part of one). Without a
 *   publication date it stays as it was read.
 * - Numeric dates whose day and month could be swapped (05/01/2025), clock times alone,
 *   "now", and words that are also verbs ("march", "may") are not dates here.
 */
import * as chrono from 'chrono-node'
import { dayProblem } from '../dates'
import { addDays, daysInMonth, isoDay, publicationDay, type EventDateSuggestion, type EventPrecision } from './event-date'
import { findPhrases, overlaps, type PhraseMatch } from './phrase-rules'

interface Candidate {
  index: number
  text: string
  score: number
  suggestion: EventDateSuggestion
}

const PRECISION_RANK: Record<EventPrecision, number> = { day: 4, month: 3, approximate: 2, year: 1 }
const EDGE_WORDS = /(?:^|[^\p{L}])(since|until|till|by|before|after|from)\s+(?:the\s+)?$/iu
/**
 * What every phrase the rules keep contains (a digit, a month, a weekday or "yesterday"/
 * "today", a part of a day, week, month or year, "ago"): a passage without any is not
 * given to chrono-node, whose many parsers cost ~0.5 ms a passage.
 */
const MAY_HOLD_DATE = /\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|tonight|tomorrow|morning|evening|night|afternoon|week|month|year|ago\b/i
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const

/** The publication day (`YYYY-MM-DD`) of a stored publication date, or null (event-date.ts: free of chrono-node). */
export { publicationDay }

/** The suggested event date of a passage, or null when it holds no date phrase. */
export function suggestEventDate(text: string, published: string | null | undefined): EventDateSuggestion | null {
  if (!MAY_HOLD_DATE.test(text)) return null
  const ref = publicationDay(published)
  const candidates: Candidate[] = []
  const own = findPhrases(text)
  for (const match of own) {
    const suggestion = resolvePhrase(match, ref)
    if (suggestion) candidates.push(candidate(text, match.index, match.text, suggestion, ref))
  }
  for (const result of chrono.casual.parse(text, referenceOf(ref), { forwardDate: false })) {
    const span = { index: result.index, text: trimPhrase(result.text) }
    if (own.some((o) => overlaps(o, span))) continue
    const suggestion = resolveChrono(result, ref)
    if (suggestion) candidates.push(candidate(text, result.index, span.text, suggestion, ref))
  }
  candidates.sort((a, b) => b.score - a.score || a.index - b.index)
  return candidates[0]?.suggestion ?? null
}

function candidate(text: string, index: number, phrase: string, suggestion: EventDateSuggestion, ref: string | null): Candidate {
  const before = EDGE_WORDS.exec(text.slice(Math.max(0, index - 16), index))
  const inside = /^(since|until|till|by|before|after|from)\s/i.exec(phrase)
  const edge = before !== null || inside !== null
  const rank = 'unresolved' in suggestion ? -10 : PRECISION_RANK[suggestion.precision]
  const relative = /^(weekday|relative|days-ago)/.test(suggestion.rule) ? 0.5 : 0
  const since = (before?.[1] ?? inside?.[1])?.toLowerCase() === 'since'
  const stated = since && before ? text.slice(index - before[0].length + before[0].search(/since/i), index + phrase.length) : phrase
  return { index, text: phrase, score: rank - relative - (edge ? 1.5 : 0), suggestion: since ? sinceSpan(suggestion, stated, ref) : suggestion }
}

/** "since 5 January": from that day to the publication day, when both are known and in that order. */
function sinceSpan(suggestion: EventDateSuggestion, phrase: string, ref: string | null): EventDateSuggestion {
  if ('unresolved' in suggestion || ref === null || suggestion.start > ref) return suggestion
  // From a month or a part of one, the start itself is only roughly known.
  const precision = suggestion.precision === 'day' ? 'day' : 'approximate'
  return { ...suggestion, end: ref < suggestion.end ? suggestion.end : ref, precision, phrase, rule: `${suggestion.rule}+since` }
}

/** chrono's reference: noon UTC of the publication day, read in UTC, so no zone shifts a day. */
function referenceOf(ref: string | null): chrono.ParsingReference {
  const day = ref ?? '2000-01-01'
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return { instant: new Date(Date.UTC(y, m - 1, d, 12)), timezone: 0 }
}

/** The phrase without the punctuation chrono takes after it ("On Tuesday,"). */
const trimPhrase = (text: string) => text.trim().replace(/[,;:]+$/, '')

const resolved = (start: string, end: string, precision: EventPrecision, phrase: string, rule: string): EventDateSuggestion => ({ start, end, precision, phrase, rule, source: 'suggested' })
const unresolved = (phrase: string, rule: string, reason: string): EventDateSuggestion => ({ unresolved: true, phrase, rule, reason, source: 'suggested' })
const NO_PUBLICATION = 'the article has no publication date to count from'

/**
 * The year that puts a period starting on month/day at or before the publication day
 * (closest such year), or null without a publication date.
 */
function inferYear(month: number, day: number, ref: string | null): number | null {
  if (!ref) return null
  const year = Number(ref.slice(0, 4))
  return isoDay(year, month, day) <= ref ? year : year - 1
}

function resolvePhrase(match: PhraseMatch, ref: string | null): EventDateSuggestion | null {
  const phrase = match.text.trim()
  if (match.rule === 'year') return resolved(isoDay(match.year!, 1, 1), isoDay(match.year!, 12, 31), 'year', phrase, 'year')
  if (match.rule === 'part-of-year') {
    const [from, to] = match.part === 'early' ? [1, 4] : match.part === 'mid' ? [5, 8] : [9, 12]
    return resolved(isoDay(match.year!, from, 1), isoDay(match.year!, to, daysInMonth(match.year!, to)), 'approximate', phrase, 'part-of-year')
  }
  const month = match.month!
  const firstDay = match.rule === 'day-range' ? match.days![0] : match.part === 'early' ? 1 : match.part === 'mid' ? 11 : 21
  const year = match.year ?? inferYear(month, firstDay, ref)
  const rule = match.year === null ? `${match.rule}+inferred-year` : match.rule
  if (year === null) return unresolved(phrase, match.rule, `“${phrase}” states no year and ${NO_PUBLICATION}`)
  if (match.rule === 'part-of-month') {
    const lastDay = match.part === 'early' ? 10 : match.part === 'mid' ? 20 : daysInMonth(year, month)
    return resolved(isoDay(year, month, firstDay), isoDay(year, month, lastDay), 'approximate', phrase, rule)
  }
  const [a, b] = match.days!
  if (dayProblem(year, month, a) || dayProblem(year, month, b) || b < a) return null
  return resolved(isoDay(year, month, a), isoDay(year, month, b), 'day', phrase, rule)
}

type ChronoResult = chrono.ParsedResult

function resolveChrono(result: ChronoResult, ref: string | null): EventDateSuggestion | null {
  const c = result.start
  const phrase = trimPhrase(result.text)
  const tags = [...result.tags()]
  if (tags.includes('casualReference/now')) return null
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}/.exec(phrase)
  if (numeric && Number(numeric[1]) <= 12 && Number(numeric[2]) <= 12 && numeric[1] !== numeric[2]) return null
  const relative = tags.includes('result/relativeDate') || tags.some((t) => t.startsWith('casualReference/')) || tags.includes('parser/ENCasualDateParser')
  if (relative || (!c.isCertain('month') && /\b(week|weekend|month|year)\b/i.test(phrase))) return resolveRelative(result, phrase, ref)
  if (c.isCertain('weekday') && !c.isCertain('month')) return resolveWeekday(c.get('weekday')!, phrase, ref)
  if (!c.isCertain('month')) return null
  if (!monthWordCapitalised(phrase)) return null
  const month = c.get('month')!
  const stated = c.isCertain('year')
  if (c.isCertain('day')) {
    const day = c.get('day')!
    const endDay = result.end?.isCertain('day') ? result.end.get('day')! : day
    const endMonth = result.end?.isCertain('month') ? result.end.get('month')! : month
    const rule = result.end ? 'day-range' : 'day'
    const year = stated ? c.get('year')! : inferYear(month, day, ref)
    if (year === null) return unresolved(phrase, rule, `“${phrase}” states no year and ${NO_PUBLICATION}`)
    const endYear = result.end?.isCertain('year') ? result.end.get('year')! : endMonth < month ? year + 1 : year
    if (dayProblem(year, month, day) || dayProblem(endYear, endMonth, endDay)) return null
    const start = isoDay(year, month, day)
    const end = isoDay(endYear, endMonth, endDay)
    if (end < start) return null
    return resolved(start, end, 'day', phrase, stated ? rule : `${rule}+inferred-year`)
  }
  const year = stated ? c.get('year')! : inferYear(month, 1, ref)
  if (year === null) return unresolved(phrase, 'month', `“${phrase}” states no year and ${NO_PUBLICATION}`)
  return resolved(isoDay(year, month, 1), isoDay(year, month, daysInMonth(year, month)), 'month', phrase, stated ? 'month' : 'month+inferred-year')
}

/** "march" and "may" as verbs: chrono reads month names in any case. */
function monthWordCapitalised(phrase: string): boolean {
  const word = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.exec(phrase)
  return word === null || /^[A-Z]/.test(word[0])
}

function resolveWeekday(weekday: number, phrase: string, ref: string | null): EventDateSuggestion | null {
  // Only full weekday names: "Sat", "Sun" and "Wed" are words too.
  if (!new RegExp(`\\b${WEEKDAYS[weekday]}\\b`).test(phrase)) return null
  if (!ref) return unresolved(phrase, 'weekday', `“${phrase}” is relative and ${NO_PUBLICATION}`)
  const refWeekday = new Date(`${ref}T12:00:00Z`).getUTCDay()
  if (/\bnext\b/i.test(phrase)) return resolved(...dayPair(addDays(ref, ((weekday - refWeekday + 7) % 7) || 7)), 'day', phrase, 'weekday')
  return resolved(...dayPair(addDays(ref, -((refWeekday - weekday + 7) % 7))), 'day', phrase, 'weekday')
}

const dayPair = (day: string): [string, string] => [day, day]

function resolveRelative(result: ChronoResult, phrase: string, ref: string | null): EventDateSuggestion | null {
  if (!ref) return unresolved(phrase, 'relative', `“${phrase}” is relative and ${NO_PUBLICATION}`)
  const refWeekday = new Date(`${ref}T12:00:00Z`).getUTCDay()
  const monday = addDays(ref, -((refWeekday + 6) % 7))
  const last = /\b(last|previous|past)\b/i.test(phrase)
  if (/\bweekend\b/i.test(phrase)) {
    const saturday = addDays(ref, -((refWeekday - 6 + 7) % 7))
    return resolved(saturday, addDays(saturday, 1), 'approximate', phrase, 'relative-week')
  }
  if (/\bweek\b/i.test(phrase) && !/\bago\b/i.test(phrase)) {
    return last ? resolved(addDays(monday, -7), addDays(monday, -1), 'approximate', phrase, 'relative-week') : resolved(monday, ref, 'approximate', phrase, 'relative-week')
  }
  const year = Number(ref.slice(0, 4))
  const month = Number(ref.slice(5, 7))
  if (/\bmonth\b/i.test(phrase) && !/\bago\b/i.test(phrase)) {
    const [y, m] = last ? (month === 1 ? [year - 1, 12] : [year, month - 1]) : [year, month]
    return resolved(isoDay(y, m, 1), isoDay(y, m, daysInMonth(y, m)), 'month', phrase, 'relative-month')
  }
  if (/\byear\b/i.test(phrase) && !/\bago\b/i.test(phrase)) {
    const y = last ? year - 1 : year
    return resolved(isoDay(y, 1, 1), isoDay(y, 12, 31), 'year', phrase, 'relative-year')
  }
  const c = result.start
  const day = isoDay(c.get('year')!, c.get('month')!, c.get('day')!)
  if (/\bago\b/i.test(phrase)) {
    if (/\bdays?\b/i.test(phrase)) return resolved(day, day, 'day', phrase, 'days-ago')
    if (/\byears?\b/i.test(phrase)) return resolved(isoDay(c.get('year')!, 1, 1), isoDay(c.get('year')!, 12, 31), 'year', phrase, 'relative-year')
    return resolved(day, day, 'approximate', phrase, 'relative-ago')
  }
  return resolved(day, day, 'day', phrase, 'relative-day')
}
