import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { copyInSlices, sha256HexInSlices } from './in-slices'

describe('sha256HexInSlices', () => {
  it('gives the SHA-256 of the whole, at and around the slice boundaries', async () => {
    const MB = 1024 * 1024
    for (const size of [0, 1, 4 * MB - 1, 4 * MB, 4 * MB + 1, 9 * MB + 7]) {
      const bytes = new Uint8Array(size).map((_, i) => (i * 31) & 0xff)
      expect(await sha256HexInSlices(bytes), `${size} bytes`).toBe(createHash('sha256').update(bytes).digest('hex'))
    }
  })

  it('lets the event loop turn between slices', async () => {
    let turns = 0
    const ticking = setInterval(() => turns++, 0)
    await sha256HexInSlices(new Uint8Array(24 * 1024 * 1024))
    clearInterval(ticking)
    expect(turns).toBeGreaterThan(0)
  })
})

describe('copyInSlices', () => {
  it('copies exactly the view, into a buffer of its own', async () => {
    const MB = 1024 * 1024
    const whole = new Uint8Array(9 * MB + 10).map((_, i) => (i * 7) & 0xff)
    const view = whole.subarray(5, 9 * MB + 5)
    const copy = await copyInSlices(view)
    expect(copy.buffer).not.toBe(whole.buffer)
    expect(copy.byteLength).toBe(copy.buffer.byteLength)
    expect(Buffer.compare(copy, view)).toBe(0)
  })
})
