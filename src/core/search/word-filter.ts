/**
 * A Bloom filter of an article's words and adjacent word pairs (folded tokens, stop words
 * included), so a query can rule out most candidate articles without reading their text
 * or walking a common word's postings: an article can only hold "naval base" if the pair
 * (naval, base) is in its filter, and "russian" if the word is. False positives (about 1%
 * per key at 10 bits per key and 7 probes) are caught by the check against the text that
 * follows; there are no false negatives.
 *
 * Sized by the article's distinct keys: about 1 KB for an 800-word article. Stored in the
 * persisted index as base64.
 */
import { fmix32 } from '../hash'

const BITS_PER_PAIR = 10
const PROBES = 7

function hashToken(token: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}


/** Stands in for the second word of a pair to key a single word. */
const WORD_MARK = 0x2545f491

/** Double hashing: probe i of a pair is (a + i * b) mod size. */
function pairHashes(left: number, right: number): [number, number] {
  const a = fmix32(left ^ Math.imul(right, 0x9e3779b1))
  const b = fmix32(Math.imul(left, 0x85ebca6b) + right) | 1
  return [a, b >>> 0]
}

export function buildWordFilter(tokens: readonly string[]): Uint32Array {
  // Distinct keys first (by their first hash), to size the filter: repeats cost nothing.
  const pairs = new Map<number, number>()
  let prev = 0
  for (let i = 0; i < tokens.length; i++) {
    const next = hashToken(tokens[i]!)
    if (tokens[i]!.length > 0) {
      const [wa, wb] = pairHashes(next, WORD_MARK)
      pairs.set(wa, wb)
    }
    if (i > 0) {
      const [a, b] = pairHashes(prev, next)
      pairs.set(a, b)
    }
    prev = next
  }
  const words = Math.max(2, Math.ceil((pairs.size * BITS_PER_PAIR) / 32))
  const filter = new Uint32Array(words)
  const size = words * 32
  for (const [a, b] of pairs) {
    for (let p = 0; p < PROBES; p++) {
      const at = ((a + Math.imul(p, b)) >>> 0) % size
      filter[at >>> 5]! |= 1 << (at & 31)
    }
  }
  return filter
}

function hasKey(filter: Uint32Array, [a, b]: [number, number]): boolean {
  const size = filter.length * 32
  for (let p = 0; p < PROBES; p++) {
    const at = ((a + Math.imul(p, b)) >>> 0) % size
    if ((filter[at >>> 5]! & (1 << (at & 31))) === 0) return false
  }
  return true
}

/** A filter key (a word, or two adjacent words), hashed once for probing many filters. */
export type FilterKey = [number, number]

/** The keys of a phrase (2+ folded tokens): its adjacent pairs. */
export function phraseKeys(terms: readonly string[]): FilterKey[] {
  const keys: FilterKey[] = []
  for (let i = 1; i < terms.length; i++) keys.push(pairHashes(hashToken(terms[i - 1]!), hashToken(terms[i]!)))
  return keys
}

/** The key of a (folded) word. */
export function wordKey(term: string): FilterKey {
  return pairHashes(hashToken(term), WORD_MARK)
}

/** False when the filter proves that one of the keys is not in the article. */
export function mayContainKeys(filter: Uint32Array, keys: readonly FilterKey[]): boolean {
  for (const key of keys) if (!hasKey(filter, key)) return false
  return true
}

/** False when the filter proves that the phrase (2+ folded tokens) is not in the article. */
export function mayContainPhrase(filter: Uint32Array, terms: readonly string[]): boolean {
  return mayContainKeys(filter, phraseKeys(terms))
}

/** False when the filter proves that the (folded) word is not in the article. */
export function mayContainWord(filter: Uint32Array, term: string): boolean {
  return hasKey(filter, wordKey(term))
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]))

/** Little-endian bytes of the filter as base64 (the core has no Buffer or btoa). */
export function filterToBase64(filter: Uint32Array): string {
  const bytes = new Uint8Array(filter.buffer, filter.byteOffset, filter.byteLength)
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += B64[n >>> 18]! + B64[(n >>> 12) & 63]! + (i + 1 < bytes.length ? B64[(n >>> 6) & 63]! : '=') + (i + 2 < bytes.length ? B64[n & 63]! : '=')
  }
  return out
}

/** The filter back from base64, or null when the text is not a filter's encoding. */
export function filterFromBase64(text: string): Uint32Array | null {
  if (text.length % 4 !== 0) return null
  const clean = text.replace(/=+$/, '')
  const length = Math.floor((clean.length * 3) / 4)
  if (length === 0 || length % 4 !== 0) return null
  const bytes = new Uint8Array(length)
  let o = 0
  for (let i = 0; i < clean.length; i += 4) {
    let n = 0
    for (let j = 0; j < 4; j++) {
      const v = i + j < clean.length ? B64_INDEX.get(clean[i + j]!) : 0
      if (v === undefined) return null
      n = (n << 6) | v
    }
    if (o < length) bytes[o++] = (n >>> 16) & 255
    if (o < length) bytes[o++] = (n >>> 8) & 255
    if (o < length) bytes[o++] = n & 255
  }
  return new Uint32Array(bytes.buffer)
}
