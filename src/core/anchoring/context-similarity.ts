/**
 * How well the text beside a candidate agrees with a highlight's stored prefix or suffix.
 *
 * The stored context is compared with the text next to the candidate by edit distance,
 * anchored at the candidate: the prefix must end where the candidate starts (the suffix
 * must start where it ends), while its far end may drift. So an insertion of a few
 * characters in the context costs a few errors, not a whole shifted span.
 */

/**
 * Extra characters of text considered beyond the stored context's length, so that
 * insertions inside the context can still align. Deletions need no slack.
 */
export const CONTEXT_SLACK = 8

/**
 * Score in [0, 1] given when there is nothing to compare: the stored context is empty but
 * the candidate has text on that side. An empty stored prefix means the quote was at the
 * very start of the text; a candidate elsewhere neither confirms nor contradicts that
 * strongly (the start may simply have gained a headline), so it is scored neutral.
 */
export const NEUTRAL_CONTEXT_SCORE = 0.5

/**
 * Edit distance between `pattern` and the best-matching leading part of `text`
 * (both read backwards when `backwards`): the alignment is anchored at index 0 (or at
 * the end when backwards) and the far end of `text` is free.
 */
export function anchoredEditDistance(pattern: string, text: string, backwards: boolean): number {
  const m = pattern.length
  const n = text.length
  if (m === 0) return 0
  const p = (i: number): number => pattern.charCodeAt(backwards ? m - 1 - i : i)
  const t = (j: number): number => text.charCodeAt(backwards ? n - 1 - j : j)
  // row[j]: distance between the first i pattern chars and the first j text chars.
  const row = new Array<number>(n + 1)
  for (let j = 0; j <= n; j++) row[j] = j
  for (let i = 1; i <= m; i++) {
    let diagonal = row[0]!
    row[0] = i
    const pc = p(i - 1)
    for (let j = 1; j <= n; j++) {
      const above = row[j]!
      const cost = pc === t(j - 1) ? 0 : 1
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + cost)
      diagonal = above
    }
  }
  let best = m
  for (let j = 0; j <= n; j++) best = Math.min(best, row[j]!)
  return best
}

/** Agreement in [0, 1] between the stored `prefix` and the text ending at `start`. */
export function prefixScore(text: string, start: number, prefix: string): number {
  if (prefix.length === 0) return start === 0 ? 1 : NEUTRAL_CONTEXT_SCORE
  const window = text.slice(Math.max(0, start - prefix.length - CONTEXT_SLACK), start)
  return 1 - anchoredEditDistance(prefix, window, true) / prefix.length
}

/** Agreement in [0, 1] between the stored `suffix` and the text starting at `end`. */
export function suffixScore(text: string, end: number, suffix: string): number {
  if (suffix.length === 0) return end === text.length ? 1 : NEUTRAL_CONTEXT_SCORE
  const window = text.slice(end, end + suffix.length + CONTEXT_SLACK)
  return 1 - anchoredEditDistance(suffix, window, false) / suffix.length
}

/**
 * Levenshtein distance between `a` and `b`, or `limit + 1` when it exceeds `limit`.
 * Banded (only cells within `limit` of the diagonal), so O(length * limit).
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  const m = a.length
  const n = b.length
  if (Math.abs(m - n) > limit) return limit + 1
  const INF = limit + 1
  let prev = new Array<number>(n + 2).fill(INF)
  let curr = new Array<number>(n + 2).fill(INF)
  for (let j = 0; j <= Math.min(n, limit); j++) prev[j] = j
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - limit)
    const hi = Math.min(n, i + limit)
    // Cells outside the band read as INF: the one left of it, and (for the next row) right of it.
    curr[lo - 1] = lo === 1 && i <= limit ? i : INF
    if (hi < n) curr[hi + 1] = INF
    let rowMin = curr[lo - 1]!
    const ac = a.charCodeAt(i - 1)
    for (let j = lo; j <= hi; j++) {
      const v = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + (ac === b.charCodeAt(j - 1) ? 0 : 1))
      curr[j] = v > INF ? INF : v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > limit) return INF
    ;[prev, curr] = [curr, prev]
  }
  return Math.min(prev[n]!, INF)
}
