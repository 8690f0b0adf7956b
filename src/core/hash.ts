/**
 * Small non-cryptographic 32-bit hashes shared by the text-reuse fingerprint and the
 * search index. Deterministic across runs and platforms: stored fingerprints and saved
 * indexes depend on them, so changing either function needs a format version bump there.
 */

/** The murmur3 32-bit finaliser: a bijection with full avalanche. */
export function fmix32(input: number): number {
  let h = input >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** FNV-1a over UTF-16 code units (offset basis chosen by the caller), then fmix32. */
export function fnv1aMix(text: string, basis = 0x811c9dc5): number {
  let h = basis >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return fmix32(h)
}
