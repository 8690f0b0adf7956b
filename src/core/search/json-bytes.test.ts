import { describe, expect, it } from 'vitest'
import { JsonBytes } from './json-bytes'

const utf8 = (text: string) => [...new TextEncoder().encode(text)]

describe('JsonBytes', () => {
  it('writes integers as JSON does, at every length up to 2^31', () => {
    const json = new JsonBytes()
    const values = [0, 7, 9, 10, 99, 100, 1234, 65536, 999999, 1000000, 2 ** 31 - 1]
    values.forEach((v, k) => {
      if (k > 0) json.char(0x2c)
      json.int(v)
    })
    expect(new TextDecoder().decode(json.view())).toBe(JSON.stringify(values).slice(1, -1))
  })

  it('writes text as UTF-8 exactly as TextEncoder does: Arabic, Cyrillic, astral letters, a lone surrogate', () => {
    const json = new JsonBytes()
    const texts = ['tartus', 'طرطوس', 'Тартус', 'Sohtaoğlu', '𝐒𝐩𝐞𝐜𝐢𝐚𝐥', 'a\uD835b', 'end\uDC00', '\uD835']
    for (const text of texts) json.raw(text)
    expect([...json.view()]).toEqual(utf8(texts.join('')))
  })

  it('strings are JSON strings (escaped as JSON.stringify escapes them), and reset starts over', () => {
    const json = new JsonBytes()
    json.string('x')
    json.reset()
    for (const text of ['quote " and \\ back', 'line\nbreak\u0001', 'طرطوس', 'lone \uD800 surrogate']) json.string(text)
    expect([...json.view()]).toEqual(utf8(['quote " and \\ back', 'line\nbreak\u0001', 'طرطوس', 'lone \uD800 surrogate'].map((t) => JSON.stringify(t)).join('')))
  })

  it('grows past its first buffer without losing what it holds', () => {
    const json = new JsonBytes()
    const long = 'ß'.repeat(70_000)
    json.raw(long)
    json.int(42)
    expect([...json.view()]).toEqual(utf8(`${long}42`))
  })
})
