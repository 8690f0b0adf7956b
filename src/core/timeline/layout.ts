/**
 * Timeline layout (issue 15, decision 54): passages placed on a day axis, one lane per tag
 * or entity (passages.ts), in abstract units (days across, rows down) that a renderer
 * scales: the SVG figure (timeline-svg.ts) and, later, the app's view.
 *
 * - A passage whose period is one day is a point; a longer one (a range, a month, "late
 *   January") a span. Approximate dates are marked as such, whatever their length.
 * - Spans are packed into at most `maxSpanRows` rows at the top of their lane (greedy, by
 *   start); those that do not fit are counted with the points of their first day's bin.
 * - Points are grouped in bins of `binDays` days, chosen from the axis length and the plot
 *   width so a bin is at least ~10 px wide. A bin of up to `maxStack` passages shows each
 *   (stacked, so every one can be pointed at); a denser bin is one column with its count.
 *   So the number of marks is bounded by the width and the lanes, not by the passages:
 *   10,000 passages stay readable, and cheap to draw.
 */
import { dayFromNumber, dayNumber as toDayNumber, type EventPrecision } from './event-date'
import type { DatedPassage, Lane } from './passages'

/** What can be laid out: a passage (by its event or publication date), or an article (by its publication date). */
export interface LayoutItem {
  start: string
  end: string
  precision: EventPrecision
  articleId: string
  /** Ties are broken by it (else by the article): the same input lays out the same way. */
  highlightId?: string
}

export interface LayoutOptions {
  /** Width of the plot in pixels (the axis, without lane labels): sets the bin size. Default 960. */
  plotWidth?: number
  /** Passages of one bin drawn one by one, at most. Default 5. */
  maxStack?: number
  /** Rows of spans in a lane, at most. Default 4. */
  maxSpanRows?: number
  /**
   * The days the axis covers (day numbers, inclusive), when a viewer chose them (the app's
   * zoom and pan): bins start at `firstDay`. Default: the passages' days and a margin.
   * Passages outside it are the caller's to leave out.
   */
  domain?: { firstDay: number; lastDay: number }
}

export interface TimelineMark<P extends LayoutItem = DatedPassage> {
  kind: 'point' | 'span' | 'bin'
  /** Rows from the top of the lane (a bin covers `rows` rows from `row`). */
  row: number
  /** First and last day covered (day numbers, inclusive). */
  x0: number
  x1: number
  approximate: boolean
  /** The passage(s) drawn: one for a point or span, every one of a bin. */
  passages: P[]
}

export interface TimelineLane<P extends LayoutItem = DatedPassage> {
  lane: Lane
  rows: number
  marks: TimelineMark<P>[]
  /** Passages in this lane (a passage with two tags is in two lanes). */
  count: number
}

export interface TimelineTick {
  day: number
  label: string
}

export interface TimelineLayout<P extends LayoutItem = DatedPassage> {
  /** Day numbers of the axis' first and last day; null when nothing is dated. */
  firstDay: number
  lastDay: number
  binDays: number
  maxStack: number
  /** The largest bin's count (renderers scale bin columns by it). */
  maxBinCount: number
  lanes: TimelineLane<P>[]
  ticks: TimelineTick[]
  passageCount: number
}

const NICE_BIN_DAYS = [1, 2, 3, 7, 14, 30, 61, 91, 182, 365, 730, 1461, 3652, 7305] as const
const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

export function layoutTimeline<P extends LayoutItem>(passages: readonly P[], lanes: readonly Lane[], lanesOf: (p: P) => string[], options: LayoutOptions = {}): TimelineLayout<P> {
  const plotWidth = options.plotWidth ?? 960
  const maxStack = options.maxStack ?? 5
  const maxSpanRows = options.maxSpanRows ?? 4
  let min = Infinity
  let max = -Infinity
  for (const p of passages) {
    min = Math.min(min, dayNumber(p.start))
    max = Math.max(max, dayNumber(p.end))
  }
  if (passages.length === 0) min = max = dayNumber('2000-01-01')
  const pad = Math.max(1, Math.round((max - min) * 0.02))
  const firstDay = options.domain ? Math.floor(options.domain.firstDay) : min - pad
  const lastDay = options.domain ? Math.ceil(options.domain.lastDay) : max + pad
  const span = lastDay - firstDay + 1
  const wanted = span / Math.max(1, Math.floor(plotWidth / 10))
  const binDays = NICE_BIN_DAYS.find((d) => d >= wanted) ?? Math.ceil(wanted)

  const members = new Map<string, P[]>(lanes.map((l) => [l.key, []]))
  for (const p of passages) for (const key of lanesOf(p)) members.get(key)?.push(p)

  let maxBinCount = 0
  const laid: TimelineLane<P>[] = lanes.map((lane) => {
    const mine = members.get(lane.key) ?? []
    const { marks, rows, binCounts } = layoutLane(mine, firstDay, binDays, maxStack, maxSpanRows)
    for (const c of binCounts) maxBinCount = Math.max(maxBinCount, c)
    return { lane, rows, marks, count: mine.length }
  })
  return { firstDay, lastDay, binDays, maxStack, maxBinCount, lanes: laid, ticks: ticks(firstDay, lastDay), passageCount: passages.length }
}

function layoutLane<P extends LayoutItem>(passages: readonly P[], firstDay: number, binDays: number, maxStack: number, maxSpanRows: number) {
  const marks: TimelineMark<P>[] = []
  const rowEnds: number[] = []
  const points: { day: number; passage: P }[] = []
  const spans = passages.filter((p) => p.end > p.start).sort((a, b) => compare(a.start, b.start) || compare(b.end, a.end))
  for (const p of passages) if (p.end <= p.start) points.push({ day: dayNumber(p.start), passage: p })
  for (const p of spans) {
    const x0 = dayNumber(p.start)
    const x1 = dayNumber(p.end)
    // A gap of half a bin keeps two spans in one row apart on screen.
    let row = rowEnds.findIndex((end) => x0 > end + binDays / 2)
    if (row === -1 && rowEnds.length < maxSpanRows) row = rowEnds.push(0) - 1
    if (row === -1) {
      points.push({ day: x0, passage: p })
      continue
    }
    rowEnds[row] = x1
    marks.push({ kind: 'span', row, x0, x1, approximate: p.precision === 'approximate', passages: [p] })
  }
  const spanRows = rowEnds.length
  const bins = new Map<number, { day: number; passage: P }[]>()
  for (const pt of points) {
    const bin = Math.floor((pt.day - firstDay) / binDays)
    const list = bins.get(bin) ?? []
    list.push(pt)
    bins.set(bin, list)
  }
  let stackRows = 0
  const binCounts: number[] = []
  for (const [bin, list] of [...bins.entries()].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a.day - b.day || compare(tieKey(a.passage), tieKey(b.passage)))
    if (list.length <= maxStack) {
      list.forEach((pt, i) => marks.push({ kind: 'point', row: spanRows + i, x0: pt.day, x1: pt.day, approximate: pt.passage.precision === 'approximate', passages: [pt.passage] }))
      stackRows = Math.max(stackRows, list.length)
    } else {
      const x0 = firstDay + bin * binDays
      marks.push({ kind: 'bin', row: spanRows, x0, x1: x0 + binDays - 1, approximate: list.some((pt) => pt.passage.precision === 'approximate'), passages: list.map((pt) => pt.passage) })
      binCounts.push(list.length)
      stackRows = maxStack
    }
  }
  return { marks, rows: Math.max(1, spanRows + stackRows), binCounts }
}

/** Day numbers of the few hundred distinct days 10,000 passages have, each computed once (the app's chart and fit use it too). */
const DAY_CACHE = new Map<string, number>()
export function dayNumber(day: string): number {
  let n = DAY_CACHE.get(day)
  if (n === undefined) {
    if (DAY_CACHE.size > 100_000) DAY_CACHE.clear()
    n = toDayNumber(day)
    DAY_CACHE.set(day, n)
  }
  return n
}

const tieKey = (p: LayoutItem) => p.highlightId ?? p.articleId

/** Code-unit order (days and ids are ASCII): far cheaper than localeCompare over 10,000 passages. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Axis ticks: weeks (Mondays) under ~9 weeks, months under ~2 years, else years (at most ~12). */
export function ticks(firstDay: number, lastDay: number): TimelineTick[] {
  const span = lastDay - firstDay
  const out: TimelineTick[] = []
  const first = dayFromNumber(firstDay)
  if (span <= 63) {
    const weekday = new Date(firstDay * 86_400_000).getUTCDay()
    for (let d = firstDay + ((8 - weekday) % 7); d <= lastDay; d += 7) {
      const day = dayFromNumber(d)
      out.push({ day: d, label: `${Number(day.slice(8))} ${MONTH_SHORT[Number(day.slice(5, 7)) - 1]}` })
    }
    return out
  }
  if (span <= 730) {
    const step = span <= 370 ? 1 : 2
    let y = Number(first.slice(0, 4))
    let m = Number(first.slice(5, 7)) + 1
    for (;;) {
      if (m > 12) [y, m] = [y + 1, m - 12]
      const d = dayNumber(`${y}-${String(m).padStart(2, '0')}-01`)
      if (d > lastDay) break
      out.push({ day: d, label: m === 1 ? `${MONTH_SHORT[0]} ${y}` : MONTH_SHORT[m - 1]! })
      m += step
    }
    return out
  }
  const years = Math.ceil(span / 365)
  const step = [1, 2, 5, 10, 20, 50, 100, 200, 500].find((s) => years / s <= 12) ?? 1000
  for (let y = Math.ceil(Number(first.slice(0, 4)) / step) * step; ; y += step) {
    const d = dayNumber(`${String(y).padStart(4, '0')}-01-01`)
    if (d > lastDay) break
    if (d >= firstDay) out.push({ day: d, label: String(y) })
  }
  return out
}
