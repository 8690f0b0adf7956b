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

/** A token's hash for the filter (FNV-1a over its UTF-16 units): a filter is built from these. */
export function hashToken(token: string): number {
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
  const hashes = new Uint32Array(tokens.length)
  const words = new Uint8Array(tokens.length)
  for (let i = 0; i < tokens.length; i++) {
    hashes[i] = hashToken(tokens[i]!)
    words[i] = tokens[i]!.length > 0 ? 1 : 0
  }
  return wordFilterOfHashes(hashes, words, tokens.length)
}

/**
 * Distinct keys of a filter (by their first hash, keeping the last second hash seen, as a
 * Map would): an open-addressing table reused from one filter to the next, so an article
 * costs no allocation but its filter.
 */
const table = { keys: new Uint32Array(1 << 12), values: new Uint32Array(1 << 12), marks: new Uint32Array(1 << 12), slots: new Int32Array(1 << 11), mark: 0 }

/** The table, with room for `keys` keys; returns the mask of the slots to use (only as many as these keys need: fewer cache misses). */
function keyTable(keys: number): number {
  let size = 1 << 6
  while (size < keys * 2) size *= 2
  if (size > table.keys.length) Object.assign(table, { keys: new Uint32Array(size), values: new Uint32Array(size), marks: new Uint32Array(size), slots: new Int32Array(size / 2), mark: 0 })
  if (++table.mark === 0xffffffff) {
    table.marks.fill(0)
    table.mark = 1
  }
  return size - 1
}

/**
 * The filter of a token sequence given as each token's `hashToken` and whether it is a
 * word (1) or an empty separator (0), for the first `length` tokens: every word, and
 * every adjacent pair (an empty token breaks pairs but is itself paired as any token is).
 * `buildWordFilter` of the tokens themselves is this.
 */
export function wordFilterOfHashes(hashes: ArrayLike<number>, words: ArrayLike<number>, length: number): Uint32Array {
  const mask = keyTable(length * 2)
  const t = table
  const mark = t.mark
  let distinct = 0
  const put = (a: number, b: number): void => {
    let at = a & mask
    while (t.marks[at] === mark && t.keys[at] !== a) at = (at + 1) & mask
    if (t.marks[at] !== mark) {
      t.marks[at] = mark
      t.keys[at] = a
      t.slots[distinct++] = at
    }
    t.values[at] = b
  }
  let prev = 0
  for (let i = 0; i < length; i++) {
    const next = hashes[i]!
    // pairHashes(next, WORD_MARK) and pairHashes(prev, next), inline: no tuple per token.
    if (words[i] === 1) put(fmix32(next ^ Math.imul(WORD_MARK, 0x9e3779b1)), (fmix32(Math.imul(next, 0x85ebca6b) + WORD_MARK) | 1) >>> 0)
    if (i > 0) put(fmix32(prev ^ Math.imul(next, 0x9e3779b1)), (fmix32(Math.imul(prev, 0x85ebca6b) + next) | 1) >>> 0)
    prev = next
  }
  const size32 = Math.max(2, Math.ceil((distinct * BITS_PER_PAIR) / 32))
  const filter = new Uint32Array(size32)
  for (let k = 0; k < distinct; k++) {
    const a = t.keys[t.slots[k]!]!
    const b = t.values[t.slots[k]!]!
    for (let p = 0; p < PROBES; p++) {
      // Bit x mod (32 * size32), as hasKey probes it: word (x >>> 5) mod size32, bit x & 31
      // (the same, with an integer modulo where x itself may not fit a signed int).
      const x = (a + Math.imul(p, b)) >>> 0
      filter[(x >>> 5) % size32]! |= 1 << (x & 31)
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
