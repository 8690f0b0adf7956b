/**
 * How the command line writes an event date (`show`, `highlight edit`, `timeline`):
 * `2025-01-21 – 2025-01-22 (day; from “On January 21 and 22”, suggested)`.
 */
import type { Highlight } from '../core/model'
import { isUnresolved, type EventDate, type EventDateSuggestion } from '../core/timeline/event-date'
import { escapeLabel } from './terminal-safe'

/** One line for a stored decision (undefined: not decided; null: cleared) or a suggestion. */
export function describeEventDate(value: EventDate | EventDateSuggestion | null | undefined, suggested = false): string {
  if (value === undefined) return 'not decided (no date phrase suggested)'
  if (value === null) return 'none (cleared)'
  if (isUnresolved(value)) return `unresolved: ${escapeLabel(value.reason)}`
  const days = value.start === value.end ? value.start : `${value.start} – ${value.end}`
  const from = value.phrase ? `from “${escapeLabel(value.phrase)}”, ` : ''
  const who = suggested ? 'suggested; accept with --event-date accept' : value.source === 'analyst' ? 'set by the analyst' : 'suggestion accepted'
  return `${days} (${value.precision}; ${from}${who})`
}

/** Whether a change asked for leaves the stored event date as it is. */
export function sameEventDate(current: Highlight, change: EventDate | null | 'auto' | undefined): boolean {
  if (change === undefined) return true
  if (change === 'auto') return current.eventDate === undefined
  if (change === null || current.eventDate == null) return change === current.eventDate
  const a = current.eventDate
  return a.start === change.start && a.end === change.end && a.precision === change.precision && a.source === change.source && a.phrase === change.phrase && a.rule === change.rule
}
