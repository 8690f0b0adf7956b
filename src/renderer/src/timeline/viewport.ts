/**
 * The Timeline view's zoom and pan (components/timeline/TimelineChart.tsx), as plain
 * arithmetic on a viewport of days (fractional day numbers, core/timeline/event-date.ts).
 *
 * Panning must stay smooth at 10,000 passages, so the chart lays out a *window* three
 * viewports wide around what is shown and slides it with one SVG transform while the
 * viewport stays inside; it lays out again only when the viewport leaves the window's
 * middle, or the zoom changes.
 */
import { dayFromNumber } from '../../../core/timeline/event-date'

export interface Viewport {
  first: number
  last: number
}

/** The shortest span shown (days): a week, so one day is still a readable width. */
export const MIN_SPAN = 7
/** The longest: two centuries. */
export const MAX_SPAN = 73_000

export const span = (v: Viewport) => v.last - v.first

/** The viewport that shows every passage (the core layout's own margin: 2 %, at least a day). */
export function fitViewport(days: readonly { start: number; end: number }[]): Viewport {
  if (days.length === 0) return { first: 0, last: MIN_SPAN }
  let min = Infinity
  let max = -Infinity
  for (const d of days) {
    min = Math.min(min, d.start)
    max = Math.max(max, d.end)
  }
  const pad = Math.max(1, (max - min) * 0.02)
  return widen({ first: min - pad, last: max + 1 + pad })
}

/** At least MIN_SPAN, at most MAX_SPAN days, about the same middle. */
function widen(v: Viewport): Viewport {
  const s = span(v)
  const wanted = Math.min(MAX_SPAN, Math.max(MIN_SPAN, s))
  if (wanted === s) return v
  const mid = (v.first + v.last) / 2
  return { first: mid - wanted / 2, last: mid + wanted / 2 }
}

/** Zoomed by `factor` (> 1: in) about the day at `anchor` (0..1 across the viewport). */
export function zoom(v: Viewport, factor: number, anchor = 0.5): Viewport {
  const s = span(v)
  const next = Math.min(MAX_SPAN, Math.max(MIN_SPAN, s / factor))
  const at = v.first + s * anchor
  return { first: at - next * anchor, last: at - next * anchor + next }
}

/** Moved by `fraction` of its span (positive: later). */
export function pan(v: Viewport, fraction: number): Viewport {
  const d = span(v) * fraction
  return { first: v.first + d, last: v.last + d }
}

/**
 * The laid-out window for a viewport: three spans wide, aligned to whole spans so that
 * panning within one span keeps the same window (and the same layout).
 */
export function windowFor(v: Viewport): Viewport {
  const s = span(v)
  const page = Math.floor(v.first / s)
  return { first: (page - 1) * s, last: (page + 2) * s }
}

/** The viewport as the days it covers, inclusive (`YYYY-MM-DD`): the map's date filter. */
export function viewportDays(v: Viewport): { from: string; to: string } {
  return { from: dayFromNumber(Math.floor(v.first)), to: dayFromNumber(Math.ceil(v.last) - 1) }
}
