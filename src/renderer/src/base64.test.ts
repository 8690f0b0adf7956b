/**
 * Chunked base64 must equal one-shot base64 at every chunk boundary.
 */
import { describe, expect, it } from 'vitest'
import { bytesToBase64 } from './base64'

function bytes(length: number): Uint8Array {
  const out = new Uint8Array(length)
  for (let i = 0; i < length; i++) out[i] = (i * 31 + 7) % 256
  return out
}

describe('bytesToBase64', () => {
  it('encodes the empty array', () => {
    expect(bytesToBase64(new Uint8Array())).toBe('')
  })

  it.each([1, 2, 3, 24575, 24576, 24577, 100_000])('matches Buffer for %i bytes', (n) => {
    const data = bytes(n)
    expect(bytesToBase64(data)).toBe(Buffer.from(data).toString('base64'))
  })

  it('round-trips UTF-8 text', () => {
    const data = new TextEncoder().encode('Sohtaoğlu — «Тартус» طرطوس')
    expect(Buffer.from(bytesToBase64(data), 'base64').toString('utf8')).toBe('Sohtaoğlu — «Тартус» طرطوس')
  })
})
