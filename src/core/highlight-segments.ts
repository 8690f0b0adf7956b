/**
 * Splits a range of text into segments, each covered by the same set of highlights,
 * so overlapping and nested highlights can all be drawn and each stays reachable.
 */
import type { HighlightId } from './ids'

export interface Segment {
  start: number
  end: number
  /** Highlights covering this segment, in the order they were given. */
  highlightIds: HighlightId[]
}

export interface Span {
  id: HighlightId
  start: number
  end: number
}

export function segmentRange(rangeStart: number, rangeEnd: number, spans: readonly Span[]): Segment[] {
  const inside = spans.filter((s) => s.end > rangeStart && s.start < rangeEnd)
  const cuts = new Set<number>([rangeStart, rangeEnd])
  for (const s of inside) {
    cuts.add(Math.max(rangeStart, s.start))
    cuts.add(Math.min(rangeEnd, s.end))
  }
  const points = [...cuts].sort((a, b) => a - b)
  const segments: Segment[] = []
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!
    const end = points[i + 1]!
    const highlightIds = inside.filter((s) => s.start <= start && s.end >= end).map((s) => s.id)
    segments.push({ start, end, highlightIds })
  }
  return segments
}
