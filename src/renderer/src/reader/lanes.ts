/**
 * Margin-bar layout (QDA style): every highlight gets one thin vertical bar per tag
 * colour beside the text, and bars of highlights that overlap on screen sit side by side
 * in lanes. A highlight with k colours takes k adjacent lanes; each highlight goes in the
 * lowest run of lanes free over its whole vertical extent. Pure: takes the extents
 * (already measured) and returns lane numbers.
 */

export interface BarInput<K> {
  key: K
  /** Vertical extent in px (top < bottom), relative to the text body. */
  top: number
  bottom: number
  /** How many adjacent lanes (colours) the highlight needs; at least 1. */
  width: number
}

export interface BarLane<K> {
  key: K
  top: number
  bottom: number
  width: number
  /** First lane (0 = nearest the text). */
  lane: number
}

/**
 * Greedy interval partitioning by top edge (longer bars first on ties): O(n log n + n·L)
 * for L lanes in use. Bars that merely touch (one's bottom equals the next one's top)
 * may share a lane.
 */
export function assignLanes<K>(bars: readonly BarInput<K>[]): { bars: BarLane<K>[]; laneCount: number } {
  const order = [...bars].sort((a, b) => a.top - b.top || b.bottom - a.bottom)
  /** Bottom of the last bar placed in each lane. */
  const laneEnds: number[] = []
  const out: BarLane<K>[] = []
  for (const bar of order) {
    const width = Math.max(1, bar.width)
    let lane = 0
    for (; ; lane++) {
      let free = true
      for (let j = lane; j < lane + width; j++) {
        if ((laneEnds[j] ?? -Infinity) > bar.top) {
          free = false
          lane = j // the next candidate starts after the blocked lane
          break
        }
      }
      if (free) break
    }
    for (let j = lane; j < lane + width; j++) laneEnds[j] = bar.bottom
    out.push({ key: bar.key, top: bar.top, bottom: bar.bottom, width, lane })
  }
  return { bars: out, laneCount: laneEnds.length }
}
