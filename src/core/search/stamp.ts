/**
 * Stamps: a short hash of what the index holds for one document, and an order-independent
 * sum of them, so a caller can tell cheaply whether a persisted index still describes the
 * notebook (fingerprint) and which documents differ (diff) without rebuilding anything.
 */

/** FNV-1a over UTF-16 code units, 32 bits, with a chosen offset basis. */
function fnv1a(text: string, basis: number): number {
  let h = basis >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  // Final avalanche (murmur3 fmix32), so similar inputs spread over all bits of the sum.
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** 64 bits as two 32-bit halves; 16 hex digits when written. */
export type Stamp = readonly [number, number]

export function stampOf(...parts: readonly (string | null | readonly string[])[]): Stamp {
  const text = JSON.stringify(parts)
  return [fnv1a(text, 0x811c9dc5), fnv1a(text, 0x5bd1e995)]
}

export function stampToHex(s: Stamp): string {
  return s[0].toString(16).padStart(8, '0') + s[1].toString(16).padStart(8, '0')
}

export function stampFromHex(hex: string): Stamp | null {
  if (!/^[0-9a-f]{16}$/.test(hex)) return null
  return [parseInt(hex.slice(0, 8), 16), parseInt(hex.slice(8), 16)]
}

/** An order-independent running sum of stamps (add and remove in any order). */
export class StampSum {
  #a = 0
  #b = 0
  add(s: Stamp): void {
    this.#a = (this.#a + s[0]) >>> 0
    this.#b = (this.#b + s[1]) >>> 0
  }
  remove(s: Stamp): void {
    this.#a = (this.#a - s[0]) >>> 0
    this.#b = (this.#b - s[1]) >>> 0
  }
  hex(): string {
    return stampToHex([this.#a, this.#b])
  }
}
