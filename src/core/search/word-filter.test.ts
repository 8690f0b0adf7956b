import { describe, expect, it } from 'vitest'
import { fmix32 } from '../hash'
import { buildWordFilter, hashToken, mayContainPhrase, mayContainWord, wordFilterOfHashes } from './word-filter'

/**
 * The filter as it was first written (a Map of each key's first hash to its second), kept
 * here as the reference: saved indexes hold filters built this way, so the table that
 * replaced the Map must set exactly the same bits.
 */
function referenceFilter(tokens: readonly string[]): Uint32Array {
  const pairHashes = (left: number, right: number): [number, number] => [fmix32(left ^ Math.imul(right, 0x9e3779b1)), (fmix32(Math.imul(left, 0x85ebca6b) + right) | 1) >>> 0]
  const pairs = new Map<number, number>()
  let prev = 0
  for (let i = 0; i < tokens.length; i++) {
    const next = hashToken(tokens[i]!)
    if (tokens[i]!.length > 0) {
      const [wa, wb] = pairHashes(next, 0x2545f491)
      pairs.set(wa, wb)
    }
    if (i > 0) {
      const [a, b] = pairHashes(prev, next)
      pairs.set(a, b)
    }
    prev = next
  }
  const words = Math.max(2, Math.ceil((pairs.size * 10) / 32))
  const filter = new Uint32Array(words)
  const size = words * 32
  for (const [a, b] of pairs) {
    for (let p = 0; p < 7; p++) {
      const at = ((a + Math.imul(p, b)) >>> 0) % size
      filter[at >>> 5]! |= 1 << (at & 31)
    }
  }
  return filter
}

/** Deterministic pseudo-random tokens from a small vocabulary (so words and pairs repeat), with empty separators. */
function tokensOf(seed: number, count: number): string[] {
  const vocabulary = ['tartus', 'naval', 'base', 'the', 'ships', 'طرطوس', 'khmeimim', '2025', 'x', 'convoy', 'hmeimim', 'port']
  let state = seed
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    out.push(state % 17 === 0 ? '' : `${vocabulary[state % vocabulary.length]}${state % 5 === 0 ? String(state % 97) : ''}`)
  }
  return out
}

describe('word filters', () => {
  it.each([0, 1, 2, 3, 50, 800, 20_000])('sets the same bits as the reference filter (%i tokens)', (count) => {
    const tokens = tokensOf(count + 7, count)
    expect([...buildWordFilter(tokens)]).toEqual([...referenceFilter(tokens)])
  })

  it('is the same built from token hashes, one filter after another (the table is reused)', () => {
    for (const count of [2_000, 10, 5_000, 1]) {
      const tokens = tokensOf(count, count)
      const hashes = Uint32Array.from(tokens, hashToken)
      const words = Uint8Array.from(tokens, (t) => (t.length > 0 ? 1 : 0))
      // Longer scratch arrays than the tokens, as the index builder passes them.
      const padded = (a: Uint32Array | Uint8Array) => Uint32Array.from([...a, 1, 2, 3])
      expect([...wordFilterOfHashes(padded(hashes), padded(words), count)]).toEqual([...referenceFilter(tokens)])
    }
  })

  it('finds every word and adjacent pair it was built from', () => {
    const filter = buildWordFilter(['russian', 'ships', 'left', '', 'tartus', 'port'])
    for (const word of ['russian', 'ships', 'left', 'tartus', 'port']) expect(mayContainWord(filter, word)).toBe(true)
    expect(mayContainPhrase(filter, ['russian', 'ships', 'left'])).toBe(true)
    expect(mayContainPhrase(filter, ['tartus', 'port'])).toBe(true)
  })
})
