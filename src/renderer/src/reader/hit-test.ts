/**
 * Which highlights a point of the text belongs to, and where highlights overlap. Pure
 * functions over highlight offsets (end exclusive).
 */

export interface Spanned {
  start: number
  end: number
}

/**
 * The highlights containing the character at `offset`, innermost (shortest) first.
 * A click lands between characters; the character after the caret is the one clicked,
 * so `start <= offset < end`.
 */
export function highlightsAt<T extends Spanned>(items: readonly T[], offset: number): T[] {
  return items
    .filter((h) => h.start <= offset && offset < h.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start)
}

/** Runs of text covered by two or more of the spans, merged and in text order. */
export function overlapRuns(items: readonly Spanned[]): Spanned[] {
  const events: [number, number][] = []
  for (const h of items) {
    if (h.end <= h.start) continue
    events.push([h.start, 1], [h.end, -1])
  }
  // Ends before starts at the same offset: touching spans do not overlap.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const runs: Spanned[] = []
  let depth = 0
  let runStart = -1
  for (const [at, delta] of events) {
    const before = depth
    depth += delta
    if (before < 2 && depth >= 2) runStart = at
    else if (before >= 2 && depth < 2 && at > runStart) {
      const last = runs[runs.length - 1]
      if (last && last.end === runStart) last.end = at
      else runs.push({ start: runStart, end: at })
    }
  }
  return runs
}
