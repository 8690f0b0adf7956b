import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decodeInSlices } from './index-files'

describe('decodeInSlices (head.json read back in the app, a megabyte a turn)', () => {
  it('gives the text Buffer#toString gives and the sha256 of the bytes, whatever straddles a slice boundary', async () => {
    const MB = 1 << 20
    // Arabic (two bytes), a CJK character (three) and an emoji (four, a surrogate pair) placed
    // across the first two boundaries; a BOM at the start stays as text, as toString keeps it.
    for (const shift of [0, 1, 2, 3]) {
      const filler = (n: number) => 'x'.repeat(n)
      const text = `\uFEFF${filler(MB - 4 - shift)}طرطوس${filler(MB - 3)}港😀${filler(1000)}`
      const bytes = Buffer.from(text, 'utf8')
      let turns = 0
      const decoded = await decodeInSlices(bytes, true, () => (turns++, Promise.resolve()))
      expect(decoded.text).toBe(bytes.toString('utf8'))
      expect(decoded.digest).toBe(createHash('sha256').update(bytes).digest('hex'))
      expect(turns).toBe(Math.ceil(bytes.length / MB))
    }
    // A damaged sequence is replaced as toString replaces it.
    const damaged = Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xd8]), Buffer.from('"}')])
    expect((await decodeInSlices(damaged, false, () => Promise.resolve())).text).toBe(damaged.toString('utf8'))
  })
})
