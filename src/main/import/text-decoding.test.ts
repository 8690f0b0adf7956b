import { describe, expect, it } from 'vitest'
import { decodeTextFile } from './decode-text'
import { decodeText, scanUtf8, utf16ByNulPattern } from './text-decoding'

const TEXT = 'Sohtaoğlu said the convoy left “before dawn” — twice. Café, naïve, €5.'
/** Windows-1252 bytes of a Western text (every character of it exists in that code page). */
const CP1252_TEXT = 'The café on the quay served crème brûlée; naïve visitors paid €4 – “cheap”, they said. Grüße aus Köln.'
const cp1252 = (text: string): Uint8Array => {
  const special: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '–': 0x96, '—': 0x97, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94 }
  return Uint8Array.from([...text].map((c) => special[c] ?? c.charCodeAt(0)))
}
const utf16be = (text: string): Uint8Array => {
  const le = Buffer.from(text, 'utf16le')
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!]
  return new Uint8Array(le)
}

describe('decodeText', () => {
  it('decodes UTF-8 without and with a BOM (the BOM is not text)', () => {
    expect(decodeText(Buffer.from(TEXT), 'a.txt')).toEqual({ text: TEXT, encoding: 'utf-8', flags: [] })
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), 'a.txt')).toEqual({ text: TEXT, encoding: 'utf-8', flags: [] })
  })

  it('decodes UTF-16 LE and BE marked by a BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), 'a.txt')).toMatchObject({ text: TEXT, encoding: 'utf-16le', flags: [] })
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]), 'a.txt')).toMatchObject({ text: TEXT, encoding: 'utf-16be', flags: [] })
  })

  it('recognises UTF-16 without a BOM by its NUL pattern, both byte orders', () => {
    expect(decodeText(Buffer.from(TEXT, 'utf16le'), 'a.txt')).toMatchObject({ text: TEXT, encoding: 'utf-16le', flags: [] })
    expect(decodeText(utf16be(TEXT), 'a.txt')).toMatchObject({ text: TEXT, encoding: 'utf-16be', flags: [] })
    expect(utf16ByNulPattern(Buffer.from('plain ASCII'))).toBeNull()
  })

  it('decodes Windows-1252 by statistical detection and says it guessed, with the confidence', () => {
    const decoded = decodeText(cp1252(CP1252_TEXT), 'legacy.txt')
    expect(decoded.text).toBe(CP1252_TEXT)
    expect(decoded.encoding).toBe('windows-1252')
    expect(decoded.flags).toEqual([{ kind: 'encoding-guessed', detail: expect.stringMatching(/windows-1252 by statistical detection \(confidence \d+%/) }])
  })

  it('prefers Windows-1252 over other single-byte encodings that decode a short text the same way', () => {
    // "café noir": chardet ties ISO-8859-1, ISO-8859-9 and windows-1257 at the same confidence.
    expect(decodeText(Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]), 'short.txt')).toMatchObject({ text: 'café noir', encoding: 'windows-1252' })
  })

  it('replaces bytes undefined in Windows-1252 by U+FFFD and counts them', () => {
    const bytes = Uint8Array.from([...cp1252(CP1252_TEXT), 0x20, 0x81, 0x20, 0x8d])
    const decoded = decodeText(bytes, 'legacy.txt')
    expect(decoded.text.endsWith(' \uFFFD \uFFFD')).toBe(true)
    expect(decoded.flags.map((f) => f.kind)).toEqual(['encoding-guessed', 'undecodable-bytes'])
    expect(decoded.flags[1]!.detail).toMatch(/^2 byte sequences were not valid windows-1252/)
  })

  it('treats mostly valid UTF-8 with a few bad bytes as damaged UTF-8 and counts only the bad bytes', () => {
    // The file already holds one validly encoded U+FFFD (as one corpus file does): that is not counted.
    const bytes = Buffer.concat([Buffer.from(`${TEXT} \uFFFD `), Buffer.from([0xe9, 0x20, 0xc3]), Buffer.from(' end')])
    const decoded = decodeText(bytes, 'damaged.txt')
    expect(decoded.encoding).toBe('utf-8')
    expect(decoded.text).toBe(`${TEXT} \uFFFD \uFFFD \uFFFD end`)
    expect(decoded.flags).toEqual([{ kind: 'undecodable-bytes', detail: expect.stringMatching(/^2 byte sequences were not valid UTF-8/) }])
  })

  it('counts unpaired surrogates in UTF-16 as undecodable', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ab', 'utf16le'), Buffer.from([0x00, 0xd8]), Buffer.from('cd', 'utf16le')])
    expect(decodeText(bytes, 'a.txt')).toMatchObject({ text: 'ab\uFFFDcd', encoding: 'utf-16le', flags: [{ kind: 'undecodable-bytes' }] })
  })

  it('uses a declared charset when the bytes are not UTF-8, but valid UTF-8 wins over a wrong declaration', () => {
    expect(decodeText(cp1252('naïve'), 'a.html', { declared: { encoding: 'ISO-8859-1', source: 'meta charset' } })).toEqual({ text: 'naïve', encoding: 'windows-1252', flags: [] })
    expect(decodeText(Buffer.from('naïve'), 'a.html', { declared: { encoding: 'windows-1252', source: 'meta charset' } })).toMatchObject({ text: 'naïve', encoding: 'utf-8' })
  })

  it.each([
    ['an empty file', new Uint8Array(), 'empty-file', /is empty/],
    ['white space only', Buffer.from(' \r\n\t \n'), 'empty-file', /only white space/],
    ['white space only in UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('  \n', 'utf16le')]), 'empty-file', /only white space/],
    ['a PNG image', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'binary-file', /is a PNG image, not text/],
    ['NUL bytes', Buffer.from([0x41, 0x00, 0x00, 0x42, 0x43, 0x00, 0x00, 0x00, 0x01]), 'binary-file', /binary file \(it contains NUL bytes\)/],
    ['control characters', Buffer.from('ab\u0001\u0002\u0003\u0004cd\u0005\u0006'), 'binary-file', /control characters/],
    ['UTF-32', Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), 'not-text', /UTF-32/],
  ])('refuses %s', (_label, bytes, code, message) => {
    expect(() => decodeText(bytes, 'x.txt')).toThrow(expect.objectContaining({ code, message: expect.stringMatching(message) }))
  })
})

describe('scanUtf8', () => {
  it('counts valid multi-byte sequences, ill-formed ones (as the WHATWG decoder replaces them) and encoded U+FFFD', () => {
    expect(scanUtf8(Buffer.from('aé€😀\uFFFD'))).toEqual({ multibyte: 4, invalid: 0, encodedReplacements: 1 })
    // E2 82 (truncated €) then "x": one replacement; lone C0, lone 80, overlong E0 80 80 (3 bytes, 3 replacements).
    const bad = Uint8Array.from([0xe2, 0x82, 0x78, 0xc0, 0x80, 0xe0, 0x80, 0x80])
    const replaced = (new TextDecoder().decode(bad).match(/\uFFFD/g) ?? []).length
    expect(scanUtf8(bad).invalid).toBe(replaced)
  })
})

describe('decodeTextFile (the strict decoder the session and check-notebook use today)', () => {
  it('keeps its behaviour: UTF-8 and BOM-marked UTF-16 only, Windows-1252 refused', () => {
    expect(decodeTextFile(Buffer.from(TEXT), 'a.txt')).toBe(TEXT)
    expect(() => decodeTextFile(cp1252('café noir'), 'a.txt')).toThrow(expect.objectContaining({ code: 'not-text' }))
  })
})
