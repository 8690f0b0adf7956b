import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { collectImportFiles } from './collect-files'
import { extractClipboard, extractDocument, formatOfFileName, SUPPORTED_EXTENSIONS } from './extract'
import { checkFileName, MAX_IMPORT_BYTES, readImportFile } from './file-checks'
import { makePdf } from './test-documents'
import { decodeWindows1252 } from './text-decoding'

const CORPUS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus')
const corpusFiles = existsSync(CORPUS) ? readdirSync(CORPUS).filter((n) => n.endsWith('.txt')) : []
const CP1252_SPECIAL: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, '™': 0x99 }
/** Windows-1252 bytes of a text, or null if a character has no place in that code page. */
const toCp1252 = (text: string): Uint8Array | null => {
  const bytes: number[] = []
  for (const ch of text) {
    const code = CP1252_SPECIAL[ch] ?? ch.charCodeAt(0)
    if (code > 0xff || (code >= 0x80 && code <= 0x9f && !(ch in CP1252_SPECIAL))) return null
    bytes.push(code)
  }
  return Uint8Array.from(bytes)
}
const swap16 = (buffer: Buffer): Buffer => {
  const copy = Buffer.from(buffer)
  for (let i = 0; i + 1 < copy.length; i += 2) [copy[i], copy[i + 1]] = [copy[i + 1]!, copy[i]!]
  return copy
}

describe.skipIf(corpusFiles.length === 0)('the corpus articles', () => {
  it.each(corpusFiles)('%s: imports as UTF-8 text, unchanged, without flags', async (name) => {
    const bytes = readFileSync(join(CORPUS, name))
    const doc = await extractDocument(bytes, name)
    expect(doc).toEqual({ format: 'txt', text: bytes.toString('utf8'), meta: {}, flags: [], encoding: 'utf-8' })
  })

  it.each(corpusFiles)('%s: decodes to the same text from UTF-16 LE/BE (with and without BOM) and, where it fits, Windows-1252', async (name) => {
    const text = readFileSync(join(CORPUS, name), 'utf8')
    const le = Buffer.from(text, 'utf16le')
    const variants: [string, Uint8Array][] = [
      ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), le])],
      ['utf-16le', le],
      ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), swap16(le)])],
      ['utf-16be', swap16(le)],
    ]
    const cp1252 = toCp1252(text)
    if (cp1252) variants.push(['windows-1252', cp1252])
    for (const [encoding, bytes] of variants) {
      const doc = await extractDocument(bytes, name)
      expect(doc.text, encoding).toBe(text)
      expect(doc.encoding).toBe(encoding)
      expect(doc.flags.map((f) => f.kind)).toEqual(encoding === 'windows-1252' ? ['encoding-guessed'] : [])
    }
  })
})

describe('extractDocument', () => {
  it('chooses the format by extension, case-insensitively', () => {
    expect(['a.TXT', 'b.md', 'c.Markdown', 'd.htm', 'e.HTML', 'f.xhtml', 'g.pdf', 'h.docx', 'i.doc', 'j'].map(formatOfFileName)).toEqual(['txt', 'md', 'md', 'html', 'html', 'html', 'pdf', 'docx', null, null])
    expect(SUPPORTED_EXTENSIONS).toEqual(['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml', '.pdf', '.docx', '.eml'])
  })

  it('returns .txt text exactly as decoded (paragraphs, line endings and all: the core normalises)', async () => {
    const doc = await extractDocument(Buffer.from('Headline\r\n\r\nBody text.\r\n'), 'a.txt')
    expect(doc).toEqual({ format: 'txt', text: 'Headline\r\n\r\nBody text.\r\n', meta: {}, flags: [], encoding: 'utf-8' })
  })

  it('returns Markdown as readable text with its front matter as metadata', async () => {
    const doc = await extractDocument(Buffer.from('---\ntitle: Notes\n---\n# Notes\n\nSome *notes*.'), 'notes.md')
    expect(doc).toEqual({ format: 'md', text: 'Notes\n\nSome notes.', meta: { title: { value: 'Notes', source: 'Markdown front matter title' } }, flags: [], encoding: 'utf-8' })
  })

  it('decodes Windows-1252 punctuation correctly (Node 20 TextDecoder does not)', () => {
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x9f, 0xe9]))).toBe('€…‘’“”–—Ÿé')
  })

  it.each([
    ['empty.txt', new Uint8Array(), 'empty-file', 'empty.txt is empty: there is no text to import.'],
    ['empty.pdf', new Uint8Array(), 'empty-file', 'empty.pdf is empty: there is no text to import.'],
    ['photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'binary-file', 'photo.txt is a PNG image, not text.'],
    ['report.txt', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'binary-file', 'report.txt is a PDF document, not text. Rename it to .pdf to import it as a PDF.'],
    ['archive.md', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), 'binary-file', 'archive.md is a ZIP archive (for example a .docx, .xlsx or .zip file), not Markdown. If it is a Word document, rename it to .docx.'],
    ['page.html', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), 'binary-file', 'page.html is a JPEG image, not HTML.'],
    ['letter.txt', Buffer.from('{\\rtf1\\ansi Hello}'), 'unsupported-type', 'letter.txt is an RTF document, not text.'],
    ['notes.doc', Buffer.from('x'), 'unsupported-type', /notes\.doc: files of type \.doc cannot be imported; Dossier imports \.txt, .*\.docx, \.eml files\./],
    ['picture.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'unsupported-type', /\(this one is a JPEG image\)/],
    ['README', Buffer.from('text'), 'unsupported-type', /files without an extension cannot be imported/],
    ['../evil.txt', Buffer.from('text'), 'bad-file-name', /path separators/],
    ['dir\\evil.txt', Buffer.from('text'), 'bad-file-name', /path separators/],
    ['bell\u0007.txt', Buffer.from('text'), 'bad-file-name', /control characters/],
    ['line\nbreak.txt', Buffer.from('text'), 'bad-file-name', /control characters/],
    ['..', Buffer.from('text'), 'bad-file-name', /rename the file/],
  ])('refuses %s with a specific error', async (name, bytes, code, message) => {
    await expect(extractDocument(bytes, name)).rejects.toMatchObject({ code, message: typeof message === 'string' ? message : expect.stringMatching(message) })
  })

  it('refuses content over 50 MB', async () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61)
    await expect(extractDocument(big, 'big.txt')).rejects.toMatchObject({ code: 'too-large', message: 'big.txt is 50.0 MB; Dossier imports files up to 50 MB.' })
  })

  it('does not refuse text that merely mentions %PDF- or starts like a program', async () => {
    expect((await extractDocument(Buffer.from('About the %PDF-1.7 header: it starts every PDF.'), 'a.txt')).text).toMatch(/^About/)
    expect((await extractDocument(Buffer.from('MZ Dispatch: the harbour reopens.'), 'b.txt')).text).toMatch(/^MZ Dispatch/)
  })

  it('leaves the bytes it was given intact (the original is stored from them)', async () => {
    const pdf = await makePdf((doc) => void doc.text('A short PDF with some text in it for the test.'))
    const copy = Uint8Array.from(pdf)
    await extractDocument(pdf, 'a.pdf')
    expect(pdf).toEqual(copy)
  })
})

describe('extractClipboard', () => {
  it('prefers sanitised HTML, falls back to plain text, and refuses an empty clipboard', () => {
    expect(extractClipboard({ text: 'plain', html: '<p>First</p><p>Second <b>bold</b></p>' })).toEqual({
      format: 'clipboard',
      text: 'First\n\nSecond bold',
      meta: {},
      flags: [],
      sanitizedHtml: '<p>First</p><p>Second <b>bold</b></p>',
    })
    expect(extractClipboard({ text: 'Only text\n\nTwo paragraphs', html: '<script>x()</script>' })).toEqual({ format: 'clipboard', text: 'Only text\n\nTwo paragraphs', meta: {}, flags: [] })
    expect(() => extractClipboard({ text: '  ', html: '' })).toThrow(expect.objectContaining({ code: 'empty-file', message: 'The clipboard holds no text to import.' }))
    expect(() => extractClipboard({})).toThrow(expect.objectContaining({ code: 'empty-file' }))
  })

  it('strips the CF_HTML header Windows puts before clipboard markup', () => {
    const cfHtml = 'Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000000199\r\nStartFragment:0000000141\r\nEndFragment:0000000163\r\n<html><body><!--StartFragment--><p>Pasted</p><!--EndFragment--></body></html>'
    expect(extractClipboard({ html: cfHtml }).text).toBe('Pasted')
  })
})

describe('reading files from disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-import-'))

  it('refuses a file over 50 MB before reading it', async () => {
    const path = join(dir, 'huge.txt')
    writeFileSync(path, '')
    truncateSync(path, MAX_IMPORT_BYTES + 1024 * 1024) // sparse: nothing is written or read
    await expect(readImportFile(path)).rejects.toMatchObject({ code: 'too-large', message: 'huge.txt is 51.0 MB; Dossier imports files up to 50 MB.' })
  })

  it('reports missing files and folders given as files', async () => {
    await expect(readImportFile(join(dir, 'nope.txt'))).rejects.toMatchObject({ code: 'not-found' })
    await expect(readImportFile(dir)).rejects.toMatchObject({ code: 'unreadable', message: /is a folder/ })
  })

  it.skipIf(process.getuid?.() === 0)('reports a file it may not read as unreadable (skipped as root, who may read anything)', async () => {
    const path = join(dir, 'secret.txt')
    writeFileSync(path, 'text')
    chmodSync(path, 0o000)
    await expect(readImportFile(path)).rejects.toMatchObject({ code: 'unreadable', message: /permission denied/ })
  })

  it('reads a file as bytes with its name', async () => {
    writeFileSync(join(dir, 'ok.txt'), 'Hello')
    const file = await readImportFile(join(dir, 'ok.txt'))
    expect(file.name).toBe('ok.txt')
    expect(Buffer.from(file.bytes).toString()).toBe('Hello')
  })

  it('checks dropped file names', () => {
    expect(() => checkFileName('report (final).txt')).not.toThrow()
    expect(() => checkFileName('Sohtaoğlu – notes.md')).not.toThrow()
    for (const bad of ['', '  ', 'a/b.txt', 'a\\b.txt', '.', '..', 'tab\there.txt', 'c1\u0085.txt']) expect(() => checkFileName(bad), bad).toThrow(expect.objectContaining({ code: 'bad-file-name' }))
  })

  it('walks folders for every supported format by default, or for the extensions asked', async () => {
    const root = join(dir, 'library')
    mkdirSync(join(root, 'deep', '.hidden'), { recursive: true })
    for (const name of ['a.txt', 'b.PDF', 'deep/c.html', 'deep/d.docx', 'deep/e.jpg', 'deep/.hidden/f.txt', '.g.md']) writeFileSync(join(root, name), 'x')
    const all = await collectImportFiles([root], SUPPORTED_EXTENSIONS)
    expect(all.files.map((f) => f.slice(root.length + 1))).toEqual(['a.txt', 'b.PDF', 'deep/c.html', 'deep/d.docx'])
    expect((await collectImportFiles([root])).files).toEqual(all.files)
    expect((await collectImportFiles([root], ['.txt'])).files.map((f) => f.slice(root.length + 1))).toEqual(['a.txt'])
    const empty = join(dir, 'pictures')
    mkdirSync(empty)
    writeFileSync(join(empty, 'map.png'), 'x')
    expect((await collectImportFiles([empty], SUPPORTED_EXTENSIONS)).problems).toEqual([
      { source: empty, status: 'failed', error: { code: 'no-importable-files', message: `The folder ${empty} holds no .txt, .text, .md, .markdown, .html, .htm, .xhtml, .pdf, .docx or .eml files to import.` } },
    ])
  })
})
