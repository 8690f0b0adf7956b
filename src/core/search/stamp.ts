/**
 * Stamps: a short hash of what the index holds for one document, and an order-independent
 * sum of them, so a caller can tell cheaply whether a persisted index still describes the
 * notebook (fingerprint) and which documents differ (diff) without rebuilding anything.
 */
import { fnv1aMix } from '../hash'

/** FNV-1a over UTF-16 code units with a chosen offset basis, then the murmur3 avalanche. */
const fnv1a = fnv1aMix

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
