/**
 * Bytes of a text file → string, detecting the encoding rather than guessing blindly:
 *
 * 1. a byte-order mark (UTF-8, UTF-16 LE/BE) decides;
 * 2. UTF-16 without a BOM is recognised by its NUL pattern (ASCII characters leave a zero
 *    in every other byte: odd positions for LE, even for BE);
 * 3. other NUL bytes or many control characters mean binary: refused;
 * 4. strictly valid UTF-8 is UTF-8 (pure ASCII included);
 * 5. a declared charset (HTML `<meta charset>`) is used when the bytes are not UTF-8;
 * 6. mostly-valid UTF-8 (valid multi-byte sequences outnumber the invalid bytes) is UTF-8
 *    with damage: the bad bytes become U+FFFD and are counted;
 * 7. anything else goes to statistical detection (chardet), which is recorded as an
 *    'encoding-guessed' flag with the confidence. Windows-1252 wins ties with other
 *    single-byte encodings that decode the bytes differently only by a few points.
 *
 * Replaced bytes are reported as an 'undecodable-bytes' flag with their count.
 */
import chardet from 'chardet'
import { DossierError } from '../../core/result'
import { describeKind, sniffKind } from './sniff'
import type { ExtractFlag } from './types'

export interface DecodedText {
  text: string
  /** WHATWG encoding name: 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252', … */
  encoding: string
  flags: ExtractFlag[]
}

export interface DecodeOptions {
  /** An encoding the file itself declares (HTML meta charset), used unless the bytes are valid UTF-8. */
  declared?: { encoding: string; source: string } | null
}

const SAMPLE_BYTES = 256 * 1024

export function decodeText(bytes: Uint8Array, name: string, options: DecodeOptions = {}): DecodedText {
  if (bytes.length === 0) throw new DossierError('empty-file', `${name} is empty: there is no text to import.`)
  const decoded = decodeBytes(bytes, name, options)
  if (decoded.text.replace(/^\uFEFF/, '').trim().length === 0) {
    throw new DossierError('empty-file', `${name} holds only white space: there is no text to import.`)
  }
  return decoded
}

function decodeBytes(bytes: Uint8Array, name: string, options: DecodeOptions): DecodedText {
  const b0 = bytes[0]
  const b1 = bytes[1]
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3), 'utf-8')
  if ((b0 === 0xff && b1 === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (b0 === 0 && b1 === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)) {
    throw new DossierError('not-text', `${name} is UTF-32 text, which Dossier does not read; save it as UTF-8 and import it again.`)
  }
  if (b0 === 0xff && b1 === 0xfe) return utf16(bytes.subarray(2), 'utf-16le', name)
  if (b0 === 0xfe && b1 === 0xff) return utf16(bytes.subarray(2), 'utf-16be', name)

  const sample = bytes.subarray(0, SAMPLE_BYTES)
  const bomless = utf16ByNulPattern(sample)
  if (bomless) return utf16(bytes, bomless, name)
  checkNotBinary(sample, name)

  const strict = tryDecode('utf-8', bytes)
  if (strict !== null) return { text: strict, encoding: 'utf-8', flags: [] }

  const declared = options.declared ? canonicalEncoding(options.declared.encoding) : null
  if (declared === 'utf-8') return utf8(bytes, 'utf-8')
  if (declared && declared !== 'utf-16le' && declared !== 'utf-16be' && declared !== 'replacement') return legacy(bytes, declared, [])

  const scan = scanUtf8(bytes)
  if (scan.multibyte > 0 && scan.multibyte >= scan.invalid) return utf8(bytes, 'utf-8', scan)
  return detectStatistically(bytes, sample, name)
}

/** Strict decode, or null when the bytes are not valid in that encoding. */
function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return null
  }
}

function utf8(bytes: Uint8Array, encoding: 'utf-8', scanned?: Utf8Scan): DecodedText {
  const strict = scanned ? null : tryDecode('utf-8', bytes)
  if (strict !== null) return { text: strict, encoding, flags: [] }
  const scan = scanned ?? scanUtf8(bytes)
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
  const replaced = countChar(text, 0xfffd) - scan.encodedReplacements
  return { text, encoding, flags: undecodable(replaced, 'UTF-8') }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', name: string): DecodedText {
  const strict = tryDecode(encoding, bytes)
  const text = strict ?? new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes)
  checkDecodedNotBinary(text, name)
  if (strict !== null) return { text, encoding, flags: [] }
  let present = 0
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const unit = encoding === 'utf-16le' ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!
    if (unit === 0xfffd) present++
  }
  return { text, encoding, flags: undecodable(countChar(text, 0xfffd) - present, encoding.toUpperCase()) }
}

/** A single- or multi-byte legacy encoding; C1 control characters it produces count as undecodable. */
function legacy(bytes: Uint8Array, encoding: string, flags: ExtractFlag[]): DecodedText {
  let replaced = 0
  const decoded = encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes)
  const text = decoded.replace(/[\u0080-\u009f\ufffd]/g, () => {
    replaced++
    return '\uFFFD'
  })
  return { text, encoding, flags: [...flags, ...undecodable(replaced, encoding)] }
}

/**
 * Windows-1252 per the WHATWG index. Not TextDecoder: Node 20's TextDecoder('windows-1252')
 * decodes 0x80–0x9F as ISO-8859-1 C1 controls instead of € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ.
 * The five bytes the code page leaves undefined stay C1 controls (and are then counted as undecodable).
 */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = []
  const CHUNK = 8192
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b))
    parts.push(String.fromCharCode(...codes))
  }
  return parts.join('')
}

function undecodable(count: number, encoding: string): ExtractFlag[] {
  if (count <= 0) return []
  return [{ kind: 'undecodable-bytes', detail: `${count} byte sequence${count === 1 ? ' was' : 's were'} not valid ${encoding} and ${count === 1 ? 'was' : 'were'} replaced by U+FFFD (�).` }]
}

function countChar(text: string, code: number): number {
  let n = 0
  for (let i = text.indexOf(String.fromCharCode(code)); i !== -1; i = text.indexOf(String.fromCharCode(code), i + 1)) n++
  return n
}

export function utf16ByNulPattern(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = sample.length - (sample.length % 2)
  if (length < 2) return null
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < length; i += 2) {
    if (sample[i] === 0) evenZero++
    if (sample[i + 1] === 0) oddZero++
  }
  const pairs = length / 2
  if (oddZero / pairs >= 0.3 && evenZero / pairs <= 0.02) return 'utf-16le'
  if (evenZero / pairs >= 0.3 && oddZero / pairs <= 0.02) return 'utf-16be'
  return null
}

/** NUL bytes (outside UTF-16) or a run of C0 control characters mean binary content. */
function checkNotBinary(sample: Uint8Array, name: string): void {
  let controls = 0
  for (const byte of sample) {
    if (byte === 0) throw binaryError(sample, name, 'it contains NUL bytes')
    // Tab, LF, VT, FF, CR and ESC occur in real text files; other C0 controls do not.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0b && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) controls++
  }
  if (controls > Math.max(2, sample.length / 100)) throw binaryError(sample, name, `it contains ${controls} control characters`)
}

function checkDecodedNotBinary(text: string, name: string): void {
  const sample = text.slice(0, SAMPLE_BYTES / 2)
  // eslint-disable-next-line no-control-regex
  const controls = sample.match(/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/g)?.length ?? 0
  if (controls > Math.max(2, sample.length / 100)) {
    throw new DossierError('binary-file', `${name} looks like a binary file (it contains ${controls} control characters), not text.`)
  }
}

function binaryError(sample: Uint8Array, name: string, why: string): DossierError {
  const kind = sniffKind(sample)
  return new DossierError('binary-file', kind ? `${name} is ${describeKind(kind)}, not text.` : `${name} looks like a binary file (${why}), not text.`)
}

interface Utf8Scan {
  /** Valid sequences of two or more bytes. */
  multibyte: number
  /** Ill-formed sequences (each becomes one U+FFFD, as the WHATWG decoder does). */
  invalid: number
  /** Validly encoded U+FFFD already in the file (not damage this decode caused). */
  encodedReplacements: number
}

export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let multibyte = 0
  let invalid = 0
  let encodedReplacements = 0
  for (let i = 0; i < bytes.length; ) {
    const c = bytes[i]!
    if (c < 0x80) {
      i++
      continue
    }
    let need: number
    let lo = 0x80
    let hi = 0xbf
    if (c >= 0xc2 && c <= 0xdf) need = 1
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2
      if (c === 0xe0) lo = 0xa0
      if (c === 0xed) hi = 0x9f
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3
      if (c === 0xf0) lo = 0x90
      if (c === 0xf4) hi = 0x8f
    } else {
      invalid++
      i++
      continue
    }
    let j = 1
    for (; j <= need; j++) {
      const d = bytes[i + j]
      if (d === undefined || d < (j === 1 ? lo : 0x80) || d > (j === 1 ? hi : 0xbf)) break
    }
    if (j <= need) {
      // The maximal valid prefix becomes one U+FFFD; the offending byte is read again.
      invalid++
      i += j
      continue
    }
    if (c === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) encodedReplacements++
    multibyte++
    i += need + 1
  }
  return { multibyte, invalid, encodedReplacements }
}

/** Maps a charset label to the WHATWG encoding TextDecoder uses, or null if unsupported. */
export function canonicalEncoding(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding
  } catch {
    return null
  }
}

const WESTERN = new Set(['windows-1252'])

function detectStatistically(bytes: Uint8Array, sample: Uint8Array, name: string): DecodedText {
  const candidates = chardet
    .analyse(sample)
    .map((m) => ({ ...m, encoding: canonicalEncoding(m.name) }))
    .filter((m): m is typeof m & { encoding: string } => m.encoding !== null && m.encoding !== 'utf-8' && m.encoding !== 'replacement' && !m.encoding.startsWith('utf-16'))
  let best = candidates[0]
  if (!best || best.confidence < 10) {
    throw new DossierError('not-text', `${name} is not UTF-8 and its encoding cannot be determined; save it as UTF-8 and import it again.`)
  }
  const western = candidates.find((m) => WESTERN.has(m.encoding))
  if (western && western !== best) {
    const decodesAlike = decodeWindows1252(sample) === new TextDecoder(best.encoding).decode(sample)
    if (decodesAlike || best.confidence - western.confidence <= 10) best = western
  }
  const others = candidates
    .filter((m) => m.encoding !== best.encoding)
    .slice(0, 2)
    .map((m) => `${m.encoding} ${m.confidence}%`)
  const flag: ExtractFlag = {
    kind: 'encoding-guessed',
    detail: `Not UTF-8 and no byte-order mark: decoded as ${best.encoding} by statistical detection (confidence ${best.confidence}%${others.length ? `; next: ${others.join(', ')}` : ''}).`,
  }
  return legacy(bytes, best.encoding, [flag])
}
