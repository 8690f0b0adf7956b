/**
 * Recognises well-known binary formats by their leading bytes ("magic numbers"), so a
 * file whose extension lies can be refused with a message that says what it really is.
 */

export type SniffedKind = 'pdf' | 'zip' | 'ole' | 'png' | 'jpeg' | 'gif' | 'webp' | 'gzip' | '7z' | 'rar' | 'exe' | 'elf' | 'sqlite' | 'mp4' | 'mp3' | 'rtf'

const DESCRIPTIONS: Record<SniffedKind, string> = {
  pdf: 'a PDF document',
  zip: 'a ZIP archive (for example a .docx, .xlsx or .zip file)',
  ole: 'an old-style Office document (.doc, .xls) or an encrypted Office file',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  gif: 'a GIF image',
  webp: 'a WebP image',
  gzip: 'a gzip archive',
  '7z': 'a 7-Zip archive',
  rar: 'a RAR archive',
  exe: 'a Windows program',
  elf: 'a Linux program',
  sqlite: 'an SQLite database',
  mp4: 'a video or audio file',
  mp3: 'an MP3 audio file',
  rtf: 'an RTF document',
}

export function describeKind(kind: SniffedKind): string {
  return DESCRIPTIONS[kind]
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + prefix.length && prefix.every((b, i) => bytes[offset + i] === b)

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0))

export function sniffKind(bytes: Uint8Array): SniffedKind | null {
  if (findPdfHeader(bytes) !== -1) return 'pdf'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip'
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp'
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip'
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z'
  if (startsWith(bytes, ascii('Rar!'))) return 'rar'
  if (startsWith(bytes, ascii('MZ'))) return 'exe'
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return 'elf'
  if (startsWith(bytes, ascii('SQLite format 3\u0000'))) return 'sqlite'
  if (startsWith(bytes, ascii('ftyp'), 4)) return 'mp4'
  if (startsWith(bytes, ascii('ID3'))) return 'mp3'
  if (startsWith(bytes, ascii('{\\rtf'))) return 'rtf'
  return null
}

/** PDF readers accept the `%PDF-` header anywhere in the first 1024 bytes. */
export function findPdfHeader(bytes: Uint8Array): number {
  const limit = Math.min(bytes.length - 5, 1024)
  for (let i = 0; i <= limit; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return i
  }
  return -1
}

/** Whether the start of the bytes looks like markup (after white space and a BOM). */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '').trimStart().toLowerCase()
  return /^<(!doctype html|html[\s>]|head[\s>]|body[\s>]|meta[\s>]|!--)/.test(head)
}
