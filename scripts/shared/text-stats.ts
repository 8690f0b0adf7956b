/** Figures that say whether generated text looks like real text (pure TS). */

/**
 * The slope of log(frequency) against log(rank) over ranks 10 to 10,000 (least squares):
 * about -1 for natural-language text (Zipf's law), near 0 for text that reuses a small
 * vocabulary evenly.
 */
export function zipfSlope(counts: ReadonlyMap<string, number>): number {
  const freqs = [...counts.values()].sort((a, b) => b - a)
  const xs: number[] = []
  const ys: number[] = []
  for (let rank = 10; rank <= Math.min(10_000, freqs.length); rank++) {
    xs.push(Math.log(rank))
    ys.push(Math.log(freqs[rank - 1]!))
  }
  if (xs.length < 2) return 0
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length
  const my = ys.reduce((a, b) => a + b, 0) / ys.length
  let num = 0
  let den = 0
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my)
    den += (xs[i]! - mx) ** 2
  }
  return num / den
}
