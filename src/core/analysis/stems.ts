/**
 * A text's content stems as one sorted set, and a small MinHash sketch of that set: the
 * cheap pre-selection of the articles worth a full sentence alignment (paraphrase.ts),
 * since a paraphrase shares far more rare content stems with its source than articles
 * that only share a topic do.
 */
import { fmix32 } from '../hash'
import type { Fingerprint } from './fingerprint'

/** Size of the MinHash sketch of a text's content stems. */
export const SKETCH = 32

const stemSets = new WeakMap<Fingerprint, Uint32Array>()

/** The sorted distinct stem hashes of every sentence of the fingerprint. */
export function stemsOf(fp: Fingerprint): Uint32Array {
  let set = stemSets.get(fp)
  if (!set) {
    set = Uint32Array.from(new Set(fp.sentences.flat())).sort()
    stemSets.set(fp, set)
  }
  return set
}

/** MinHash of the stem set: SKETCH minima of seeded fmix32 hashes. */
export function stemSketch(fp: Fingerprint): Uint32Array {
  const sketch = new Uint32Array(SKETCH).fill(0xffffffff)
  for (const stem of stemsOf(fp)) {
    for (let k = 0; k < SKETCH; k++) {
      const h = fmix32(stem ^ Math.imul(k + 1, 0x9e3779b1))
      if (h < sketch[k]!) sketch[k] = h
    }
  }
  return sketch
}

/** Share of equal sketch values: an estimate of the stem sets' Jaccard resemblance. */
export function sketchSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let same = 0
  for (let k = 0; k < SKETCH; k++) if (a[k] === b[k] && a[k] !== 0xffffffff) same++
  return same / SKETCH
}

/** Shared content stems over the geometric mean of the two stem counts (0..1). */
export function stemOverlap(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0
  let i = 0
  let j = 0
  let shared = 0
  while (i < a.length && j < b.length) {
    const x = a[i]!
    const y = b[j]!
    if (x === y) {
      shared++
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return shared / Math.sqrt(a.length * b.length)
}
