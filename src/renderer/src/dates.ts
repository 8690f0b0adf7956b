/**
 * The one way the app shows dates: "2 February 2025" (formatCitationDate, the form
 * briefings cite), with the time after a comma when one is stored ("2 February 2025,
 * 11:44"). Date fields show and accept the same form (parseDateInput also takes
 * 2025-02-02, "Feb 2, 2025" and the other shapes the importer reads).
 */
import { normaliseStatedDate } from '../../core/date-lines'
import { formatCitationDate } from '../../core/dates'
import { isCompleteDate } from './briefing/date-input'

/** "2 February 2025"; '' for no date. */
export function formatDate(iso: string | null | undefined): string {
  return iso ? (formatCitationDate(iso) ?? iso) : ''
}

/** "2 February 2025, 11:44" when a time is stored, else the date alone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const time = /T(\d{2}:\d{2})/.exec(iso)
  return time ? `${formatDate(iso)}, ${time[1]}` : formatDate(iso)
}

/** The local time of day of an instant, "14:05" (for things done in this session). */
export function formatTime(iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}

/** What a typed date means: the day (YYYY-MM-DD), '' for an empty field, or null when it is not a date. */
export function parseDateInput(text: string): string | null {
  const trimmed = text.trim()
  if (trimmed === '') return ''
  const day = normaliseStatedDate(trimmed)?.slice(0, 10) ?? null
  return day !== null && isCompleteDate(day) ? day : null
}
