/**
 * Test documents built at run time (no binaries in the repository): PDFs with pdfkit,
 * .docx files with jszip, a tiny PNG for "scanned" pages. Used by the import tests only.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import JSZip from 'jszip'
import PDFDocument from 'pdfkit'

export function makePdf(build: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ compress: true, ...options })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    doc.on('error', reject)
  })
  build(doc)
  doc.end()
  return done
}

/** Whether qpdf is installed (it is on the build machines and in CI). */
export function hasQpdf(): boolean {
  try {
    execFileSync('qpdf', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** Encrypts a PDF with qpdf (AES-256). An empty user password makes a PDF anyone can open. */
export function qpdfEncrypt(pdf: Uint8Array, userPassword: string, ownerPassword: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-qpdf-'))
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf)
    execFileSync('qpdf', ['--encrypt', userPassword, ownerPassword, '256', '--', join(dir, 'in.pdf'), join(dir, 'out.pdf')])
    return new Uint8Array(readFileSync(join(dir, 'out.pdf')))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Whether LibreOffice (soffice) is installed: Debian's libreoffice-writer-nogui. */
export function hasLibreOffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 })
    return true
  } catch {
    return false
  }
}

/**
 * Converts a flat OpenDocument text (.fodt XML) with LibreOffice to .docx or .pdf: files
 * made by a real office suite, with the core properties and document info it writes.
 * Each call uses its own profile folder, so parallel test files do not share one.
 */
export function libreOfficeConvert(fodt: string, to: 'docx' | 'pdf'): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-lo-'))
  try {
    writeFileSync(join(dir, 'doc.fodt'), fodt)
    const filter = to === 'docx' ? 'docx:MS Word 2007 XML' : 'pdf'
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', filter, '--outdir', dir, join(dir, 'doc.fodt')], {
      stdio: 'ignore',
      timeout: 120_000,
    })
    return new Uint8Array(readFileSync(join(dir, `doc.${to}`)))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A flat OpenDocument text: `meta` holds office:meta elements, each paragraph [heading?, text]. */
export function makeFodt(meta: { created?: string; modified?: string; title?: string; creator?: string }, paragraphs: [heading: boolean, text: string][]): string {
  const elements = [
    meta.created ? `<meta:creation-date>${xmlEscape(meta.created)}</meta:creation-date>` : '',
    meta.modified ? `<dc:date>${xmlEscape(meta.modified)}</dc:date>` : '',
    meta.title ? `<dc:title>${xmlEscape(meta.title)}</dc:title>` : '',
    meta.creator ? `<meta:initial-creator>${xmlEscape(meta.creator)}</meta:initial-creator><dc:creator>${xmlEscape(meta.creator)}</dc:creator>` : '',
  ].join('')
  const body = paragraphs.map(([heading, text]) => (heading ? `<text:h text:outline-level="1">${xmlEscape(text)}</text:h>` : `<text:p>${xmlEscape(text)}</text:p>`)).join('\n')
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">\n' +
    `<office:meta>${elements}</office:meta>\n<office:body><office:text>\n${body}\n</office:text></office:body></office:document>\n`
  )
}

/** A grey RGB PNG of the given size (stands in for a scanned page). */
export function makePng(width = 60, height = 80): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)])
  const raw = Buffer.concat(Array.from({ length: height }, () => row))
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff
  for (const byte of bytes) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}

export interface DocxContent {
  /** Paragraphs as [style, text]; style '' is Normal. Runs may be marked **bold**. */
  paragraphs: [style: '' | 'Title' | 'Heading1', text: string][]
  core?: Partial<Record<'dc:title' | 'dc:creator' | 'dcterms:created' | 'dc:language', string>>
}

const xmlEscape = (text: string): string => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

/** A minimal, valid .docx (what Word writes, minus everything optional). */
export async function makeDocx(content: DocxContent): Promise<Uint8Array> {
  const runs = (text: string) =>
    text
      .split(/(\*\*[^*]+\*\*)/)
      .filter(Boolean)
      .map((part) => (part.startsWith('**') ? `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${xmlEscape(part.slice(2, -2))}</w:t></w:r>` : `<w:r><w:t xml:space="preserve">${xmlEscape(part)}</w:t></w:r>`))
      .join('')
  const body = content.paragraphs.map(([style, text]) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${runs(text)}</w:p>`).join('')
  const core = Object.entries(content.core ?? {})
    .map(([tag, value]) => (tag.startsWith('dcterms:') ? `<${tag} xsi:type="dcterms:W3CDTF">${xmlEscape(value)}</${tag}>` : `<${tag}>${xmlEscape(value)}</${tag}>`))
    .join('')
  const zip = new JSZip()
  for (const [name, text] of docxParts(docxDocumentXml(body), core)) zip.file(name, text)
  return new Uint8Array(await zip.generateAsync({ type: 'nodebuffer' }))
}

/** word/document.xml around the given body XML (paragraphs, tables, …). */
export function docxDocumentXml(bodyXml: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${bodyXml}</w:body></w:document>`
}

/** The parts of a minimal .docx, in archive order: name → XML. `coreXml` goes inside cp:coreProperties. */
export function docxParts(documentXml: string, coreXml = ''): [name: string, xml: string][] {
  return [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
    ],
    [
      'word/_rels/document.xml.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ],
    [
      'word/styles.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>' +
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>',
    ],
    ['word/document.xml', documentXml],
    [
      'docProps/core.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `${coreXml}</cp:coreProperties>`,
    ],
  ]
}
