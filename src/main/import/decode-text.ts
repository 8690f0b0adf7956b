/**
 * The strict text decoder the session uses today: UTF-8 (with or without BOM) and UTF-16
 * marked by a BOM; anything else that is not valid UTF-8 is refused. Binary content is
 * recognised by NUL bytes.
 *
 * Its behaviour is frozen on purpose: `check-notebook` re-decodes stored originals with
 * it and compares them with the stored bodies. Format-aware import (encoding detection,
 * Windows-1252, BOM-less UTF-16, HTML, PDF, DOCX) is `extractDocument` in ./extract;
 * `decodeText` in ./text-decoding is its text decoder.
 */
import { DossierError } from '../../core/result'
import { MAX_IMPORT_BYTES, tooLargeError } from './file-checks'

export { MAX_IMPORT_BYTES, tooLargeError }

export function decodeTextFile(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new DossierError('empty-file', `${name} is empty: there is no text to import.`)
  if (bytes.length > MAX_IMPORT_BYTES) throw tooLargeError(name, bytes.length)
  const b0 = bytes[0]
  const b1 = bytes[1]
  if (b0 === 0xff && b1 === 0xfe) return decode('utf-16le', bytes.subarray(2), name)
  if (b0 === 0xfe && b1 === 0xff) return decode('utf-16be', bytes.subarray(2), name)
  const sample = bytes.subarray(0, 65536)
  if (sample.includes(0)) {
    throw new DossierError('binary-file', `${name} looks like a binary file (it contains NUL bytes), not text.`)
  }
  const text = decode('utf-8', bytes, name)
  if (text.replace(/^\uFEFF/, '').trim().length === 0) {
    throw new DossierError('empty-file', `${name} holds only white space: there is no text to import.`)
  }
  return text
}

function decode(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    throw new DossierError('not-text', `${name} is not valid ${encoding.toUpperCase()} text; save it as UTF-8 and import it again.`)
  }
}
