/**
 * Hostile test documents written from raw bytes, for what no library would write: PDFs
 * built object by object (a stream that inflates to gigabytes, 20,000 pages), ZIP archives
 * whose directory lies or that hold a gigabyte of zeros, and deflate streams of a block
 * repeated millions of times made in milliseconds. Used by the import tests and the
 * hostile-input corpus (scripts/hostile-input/corpus.ts); not shipped code.
 *
 * - writeRawPdf: numbered objects, a cross-reference table with real byte offsets, a
 *   trailer; streams are given already encoded with their /Filter.
 * - writeRawZip: APPNOTE.TXT 4.3.7 (local header), 4.3.12 (central directory header),
 *   4.3.16 (end of central directory); no ZIP64, no extras; stated sizes may lie.
 * - deflateRepeated: the block is compressed once with a full flush (byte-aligned, no
 *   reference to earlier data), so its compressed form can simply be repeated (RFC 1951
 *   allows any number of non-final blocks); checksums are computed for the whole inflated
 *   data (CRC-32 for zip, Adler-32 for zlib).
 */
import { constants, crc32, deflateRawSync } from 'node:zlib'

// ---- PDF ----

export interface RawObject {
  /** The object's dictionary or value, PDF syntax, e.g. `<< /Type /Page ... >>`. */
  body: string
  /** Stream data written after the dictionary (whose /Length is added here). */
  stream?: Uint8Array
}

/** Objects are numbered from 1 in array order; object 1 must be the catalog. */
export function writeRawPdf(objects: readonly RawObject[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
  let offset = parts[0]!.length
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(offset)
    const chunks: Buffer[] = []
    if (object.stream) {
      const dict = object.body.replace(/>>\s*$/, ` /Length ${object.stream.length} >>`)
      chunks.push(Buffer.from(`${i + 1} 0 obj\n${dict}\nstream\n`, 'latin1'), Buffer.from(object.stream), Buffer.from('\nendstream\nendobj\n', 'latin1'))
    } else {
      chunks.push(Buffer.from(`${i + 1} 0 obj\n${object.body}\nendobj\n`, 'latin1'))
    }
    for (const chunk of chunks) {
      parts.push(chunk)
      offset += chunk.length
    }
  })
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('')
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'))
  return Buffer.concat(parts)
}

/** A page content stream that shows `lines` of text in Helvetica (object `font`). */
export function textContent(lines: readonly string[]): string {
  const escaped = lines.map((l) => `(${l.replace(/[\\()]/g, (c) => `\\${c}`)}) Tj T*`)
  return `BT /F1 11 Tf 14 TL 72 720 Td ${escaped.join(' ')} ET`
}

export const HELVETICA = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'

/** A PDF of one page whose content stream is `zlibContent` (FlateDecode, already compressed). */
export function onePagePdf(zlibContent: Uint8Array): Buffer {
  return writeRawPdf([
    { body: '<< /Type /Catalog /Pages 2 0 R >>' },
    { body: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
    { body: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>' },
    { body: '<< /Filter /FlateDecode >>', stream: zlibContent },
    { body: HELVETICA },
  ])
}

// ---- ZIP ----

export interface RawZipEntry {
  name: string
  /** The entry's bytes as stored (deflated when `deflated`). */
  data: Uint8Array
  deflated: boolean
  crc32: number
  /** The uncompressed size the records state (true or not). */
  statedSize: number
}

export function storedEntry(name: string, content: string | Uint8Array): RawZipEntry {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
  return { name, data, deflated: false, crc32: crc32(data), statedSize: data.length }
}

export function writeRawZip(entries: readonly RawZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4) // version needed
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(entry.deflated ? 8 : 0, 8)
    local.writeUInt32LE(entry.crc32 >>> 0, 14)
    local.writeUInt32LE(entry.data.length, 18)
    local.writeUInt32LE(entry.statedSize >>> 0, 22)
    local.writeUInt16LE(name.length, 26)
    locals.push(local, name, Buffer.from(entry.data))
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4) // version made by
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(entry.deflated ? 8 : 0, 10)
    central.writeUInt32LE(entry.crc32 >>> 0, 16)
    central.writeUInt32LE(entry.data.length, 20)
    central.writeUInt32LE(entry.statedSize >>> 0, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)
    offset += local.length + name.length + entry.data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8)
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

// ---- repeated deflate ----

export interface RepeatedDeflate {
  /** Raw deflate data (RFC 1951). */
  raw: Buffer
  /** Inflated size in bytes. */
  size: number
  crc32: number
  adler32: number
}

export function deflateRepeated(head: Buffer, block: Buffer, times: number, tail: Buffer): RepeatedDeflate {
  const flushed = (bytes: Buffer) => deflateRawSync(bytes, { level: 9, memLevel: 9, finishFlush: constants.Z_FULL_FLUSH })
  const packedBlock = flushed(block)
  const raw = Buffer.concat([flushed(head), ...Array.from({ length: times }, () => packedBlock), deflateRawSync(tail, { level: 9 })])
  let crc = crc32(head)
  for (let i = 0; i < times; i++) crc = crc32(block, crc)
  crc = crc32(tail, crc)
  let adler = adler32(head)
  const blockAdler = adler32(block)
  for (let i = 0; i < times; i++) adler = adler32Combine(adler, blockAdler, block.length)
  adler = adler32Combine(adler, adler32(tail), tail.length)
  return { raw, size: head.length + block.length * times + tail.length, crc32: crc, adler32: adler }
}

/** The same data as a zlib stream (RFC 1950: header, deflate data, Adler-32), as PDF FlateDecode expects. */
export function zlibWrap(deflated: RepeatedDeflate): Buffer {
  const trailer = Buffer.alloc(4)
  trailer.writeUInt32BE(deflated.adler32 >>> 0)
  return Buffer.concat([Buffer.from([0x78, 0xda]), deflated.raw, trailer])
}

const BASE = 65521

function adler32(bytes: Uint8Array): number {
  let a = 1
  let b = 0
  for (const byte of bytes) {
    a = (a + byte) % BASE
    b = (b + a) % BASE
  }
  return ((b << 16) | a) >>> 0
}

/** zlib's adler32_combine: the Adler-32 of A followed by B, from both checksums and B's length. */
function adler32Combine(adler1: number, adler2: number, length2: number): number {
  const rem = length2 % BASE
  let sum1 = adler1 & 0xffff
  let sum2 = (rem * sum1) % BASE
  sum1 += (adler2 & 0xffff) + BASE - 1
  sum2 += (adler1 >>> 16) + (adler2 >>> 16) + BASE - rem
  if (sum1 >= BASE) sum1 -= BASE
  if (sum1 >= BASE) sum1 -= BASE
  if (sum2 >= BASE * 2) sum2 -= BASE * 2
  if (sum2 >= BASE) sum2 -= BASE
  return ((sum2 << 16) | sum1) >>> 0
}
