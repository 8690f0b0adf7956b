import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractDocument } from './extract'
import { DEFAULT_LIMITS } from './extract-limits'
import { infoText } from './pdf'
import { hasQpdf, makePdf, makePng, qpdfEncrypt } from './test-documents'

const P1 = 'Crews on the three island routes stopped work at dawn on Tuesday, leaving about two thousand passengers waiting on the quay at Port Elling while the first sailing of the day stayed tied up.'
const P2 = 'The union says a new rota would add four night shifts a month without extra pay. Nobody signed up to sleep on the car deck, said a deckhand with eleven years on the northern route.'
const P3 = 'The operator called the walkout unlawful and said it had offered talks for Thursday. A spokesman said replacement crews could not be found at short notice.'
const P4 = 'Negotiators from both sides are due to meet at the harbour office on Thursday morning, and the union has left open the possibility of running a single emergency service.'

const simplePdf = (options: PDFKit.PDFDocumentOptions = {}) =>
  makePdf((doc) => {
    doc.fontSize(18).text('Ferry crews walk out over night rotas')
    doc.moveDown()
    doc.fontSize(11).text(P1, { paragraphGap: 8 }).text(P2, { paragraphGap: 8 })
  }, options)

describe('PDF text', () => {
  it('extracts paragraphs in order with the document info as metadata', async () => {
    const bytes = await simplePdf({ info: { Title: 'Ferry strike', Author: 'Mira Kovač', CreationDate: new Date('2025-03-04T09:15:00Z') } })
    const length = bytes.length
    const doc = await extractDocument(bytes, 'ferry.pdf')
    expect(doc).toMatchObject({ format: 'pdf', flags: [] })
    expect(doc.text).toBe(['Ferry crews walk out over night rotas', P1, P2].join('\n\n'))
    expect(doc.meta).toEqual({
      title: { value: 'Ferry strike', source: 'PDF document info Title' },
      author: { value: 'Mira Kovač', source: 'PDF document info Author' },
      created: { value: 'D:20250304091500Z', source: 'PDF document info CreationDate' },
    })
    expect(doc.encoding).toBeUndefined()
    expect(bytes.length).toBe(length) // the caller's bytes are not handed over to pdfjs
  })

  it('reads a two-column page column by column, under a full-width headline, and joins a paragraph across the column break', async () => {
    const bytes = await makePdf((doc) => {
      doc.fontSize(20).text('Ferry crews walk out over night rotas')
      doc.moveDown()
      doc.fontSize(11).text([P1, P2, P3, P4, P2.replace('four', 'five')].join('\n'), { columns: 2, columnGap: 18, height: 300, paragraphGap: 6 })
    })
    const doc = await extractDocument(bytes, 'columns.pdf')
    expect(doc.text.split('\n\n')).toEqual(['Ferry crews walk out over night rotas', P1, P2, P3, P4, P2.replace('four', 'five')])
  })

  it('joins words hyphenated at line ends but keeps real hyphens', async () => {
    const bytes = await makePdf((doc) => {
      doc.fontSize(11)
      const lines = [
        'The government announced the with-',
        'drawal of the last units, said al-',
        'Sharaa, before a long-',
        'awaited meeting on a well-',
        'known date. The well-known spokes-',
        'man agreed, and the soft hyph\u00ad',
        'en goes too.',
      ]
      lines.forEach((line, i) => doc.text(line, 72, 100 + 14 * i, { lineBreak: false }))
    })
    const doc = await extractDocument(bytes, 'hyphens.pdf')
    expect(doc.text).toBe('The government announced the withdrawal of the last units, said al-Sharaa, before a longawaited meeting on a well-known date. The well-known spokesman agreed, and the soft hyphen goes too.')
  })

  it('keeps the hyphen when the hyphenated form occurs elsewhere in the document and the joined one does not', async () => {
    const bytes = await makePdf((doc) => {
      doc.fontSize(11)
      doc.text('A long-awaited report came out.', 72, 100, { lineBreak: false })
      doc.text('After the long-', 72, 150, { lineBreak: false })
      doc.text('awaited report, talks began.', 72, 164, { lineBreak: false })
    })
    expect((await extractDocument(bytes, 'h.pdf')).text).toBe('A long-awaited report came out.\n\nAfter the long-awaited report, talks began.')
  })

  it('runs a paragraph on across a page break when the sentence continues', async () => {
    const bytes = await makePdf((doc) => {
      doc.fontSize(11).text('The talks went on until late in the evening and ended', 72, 700, { lineBreak: false })
      doc.addPage()
      doc.fontSize(11).text('without agreement, the union said.', 72, 72, { lineBreak: false })
      doc.text('A new paragraph on the second page.', 72, 120, { lineBreak: false })
    })
    expect((await extractDocument(bytes, 'pages.pdf')).text).toBe('The talks went on until late in the evening and ended without agreement, the union said.\n\nA new paragraph on the second page.')
  })

  it('flags pages that are images without a text layer (no OCR) and keeps the text of the others', async () => {
    const bytes = await makePdf((doc) => {
      doc.fontSize(11).text(P1)
      doc.addPage()
      doc.image(makePng(), 72, 72, { width: 400 })
      doc.addPage()
      doc.fontSize(11).text(P3)
    })
    const doc = await extractDocument(bytes, 'mixed.pdf')
    expect(doc.text).toBe([P1, P3].join('\n\n'))
    expect(doc.flags).toEqual([{ kind: 'no-text-layer', detail: 'Page 2 of 3 has no text layer (scanned images); Dossier does no OCR, so its text is missing.' }])
  })

  it('refuses a PDF that is only images: no text layer, and no OCR is done', async () => {
    const bytes = await makePdf((doc) => {
      doc.image(makePng(), 72, 72, { width: 400 })
      doc.addPage()
      doc.image(makePng(), 72, 72, { width: 400 })
      doc.fontSize(9).text('2', 300, 700) // a page number is not a text layer
    })
    await expect(extractDocument(bytes, 'scan.pdf')).rejects.toMatchObject({ code: 'no-text-layer', message: expect.stringMatching(/scan\.pdf has no text layer: its 2 pages are images.*no OCR/) })
  })

  it('refuses a PDF of more pages than the limit before reading a page, and tells the caller before each page it reads', async () => {
    const bytes = await makePdf((doc) => {
      for (let i = 1; i <= 3; i++) (i > 1 ? doc.addPage() : doc).text(`Page ${i} of the report on the harbour lease talks, which resumed on Monday.`)
    })
    const limits = { ...DEFAULT_LIMITS, maxPdfPages: 2 }
    const seen: string[] = []
    await expect(extractDocument(bytes, 'report.pdf', { limits, onPage: (page, pages) => seen.push(`${page}/${pages}`) })).rejects.toMatchObject({
      code: 'too-large',
      message: 'report.pdf has 3 pages; Dossier imports PDFs of up to 2 pages. Split it into smaller PDFs and import those.',
    })
    expect(seen).toEqual([])
    await extractDocument(bytes, 'report.pdf', { onPage: (page, pages) => seen.push(`${page}/${pages}`) })
    expect(seen).toEqual(['1/3', '2/3', '3/3'])
  })

  it('refuses a PDF with blank pages only', async () => {
    const bytes = await makePdf((doc) => {
      doc.rect(100, 100, 50, 50).fill('#ccc')
    })
    await expect(extractDocument(bytes, 'blank.pdf')).rejects.toMatchObject({ code: 'no-article-text', message: expect.stringMatching(/holds no text/) })
  })

  it('refuses a password-protected PDF (pdfkit encryption)', async () => {
    const bytes = await simplePdf({ userPassword: 'secret', ownerPassword: 'owner', pdfVersion: '1.7' })
    await expect(extractDocument(bytes, 'locked.pdf')).rejects.toMatchObject({ code: 'encrypted-file', message: expect.stringMatching(/locked\.pdf is protected by a password/) })
  })

  it.skipIf(!hasQpdf())('refuses a PDF encrypted with qpdf --encrypt, and opens one with only an owner password', async () => {
    const plain = await simplePdf()
    await expect(extractDocument(qpdfEncrypt(plain, 'user-secret', 'owner-secret'), 'qpdf.pdf')).rejects.toMatchObject({ code: 'encrypted-file' })
    const ownerOnly = await extractDocument(qpdfEncrypt(plain, '', 'owner-secret'), 'restricted.pdf')
    expect(ownerOnly.text).toContain(P1)
  })

  it('refuses broken PDFs and files that are not PDFs', async () => {
    const good = await simplePdf()
    const garbage = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)])
    await expect(extractDocument(garbage, 'garbage.pdf')).rejects.toMatchObject({ code: 'broken-file', message: expect.stringMatching(/garbage\.pdf/) })
    await expect(extractDocument(good.subarray(0, 200), 'truncated.pdf')).rejects.toMatchObject({ code: 'broken-file' })
    await expect(extractDocument(Buffer.from('<html><body>Not found</body></html>'), 'download.pdf')).rejects.toMatchObject({ code: 'broken-file', message: /download\.pdf is not a PDF/ })
    await expect(extractDocument(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'photo.pdf')).rejects.toMatchObject({ code: 'broken-file', message: 'photo.pdf is not a PDF: it is a PNG image.' })
  })
})

const CORPUS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus')
/** The app's own Unicode font, so the corpus's ğ, curly quotes and U+FFFD can be typeset (the standard PDF fonts lack them). */
const FONT = join(import.meta.dirname, '..', '..', '..', 'resources', 'fonts', 'NotoSans-Regular.ttf')
const corpusFiles = existsSync(CORPUS) ? readdirSync(CORPUS).filter((n) => n.endsWith('.txt')) : []
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim()
/** Where two long texts first differ, with context (null when equal): readable failures. */
const firstDifference = (actual: string, expected: string): string | null => {
  let i = 0
  while (i < actual.length && actual[i] === expected[i]) i++
  return i === actual.length && i === expected.length ? null : `at ${i}: got …${actual.slice(i - 40, i + 40)}… expected …${expected.slice(i - 40, i + 40)}…`
}

describe.skipIf(corpusFiles.length === 0)('corpus articles typeset as PDFs (read from ../shared/corpus at run time)', () => {
  // pdfjs normalises text (NFKC for compatibility characters: ligatures become letters),
  // which turns a no-break space into a space.
  const paragraphsOf = (name: string) =>
    readFileSync(join(CORPUS, name), 'utf8')
      .split('\n')
      .map((l) => l.replace(/\u00a0/g, ' ').trim())
      .filter(Boolean)

  it.each(corpusFiles)('%s: one column, justified, indented paragraphs: same text in order, paragraph for paragraph', async (name) => {
    const paragraphs = paragraphsOf(name)
    const bytes = await makePdf((doc) => {
      doc.font(FONT).fontSize(11)
      for (const p of paragraphs) doc.text(p, { align: 'justify', indent: 18 })
    })
    const doc = await extractDocument(bytes, 'article.pdf')
    expect(firstDifference(collapse(doc.text), collapse(paragraphs.join(' ')))).toBeNull()
    // Paragraph for paragraph, except where nothing on the page shows a break (a full-width
    // line followed by an unindented one, on a page where every line starts at the same x).
    const extracted = new Set(doc.text.split('\n\n'))
    expect(paragraphs.filter((p) => !extracted.has(p)).length).toBeLessThanOrEqual(paragraphs.length * 0.05)
  })

  it.each(corpusFiles)('%s: two columns over several pages: same text in reading order', async (name) => {
    const paragraphs = paragraphsOf(name)
    const bytes = await makePdf((doc) => {
      doc.font(FONT).fontSize(10).text(paragraphs.join('\n'), { columns: 2, columnGap: 20, align: 'justify', paragraphGap: 4 })
    })
    const doc = await extractDocument(bytes, 'columns.pdf')
    expect(firstDifference(collapse(doc.text), collapse(paragraphs.join(' ')))).toBeNull()
  })
})

describe('PDF document-info strings', () => {
  it.each([
    ['<b>Russia pulls ships</b> from Tartus', 'Russia pulls ships from Tartus'],
    ['Russia &amp; Syria: the <i>Tartus</i> lease', 'Russia & Syria: the Tartus lease'],
    ['Ships &#8211; and   crews', 'Ships – and crews'],
    ['Tartus <base> talks', 'Tartus talks'],
    ['Plain title, 5 < 6', 'Plain title, 5 < 6'],
  ])('reads markup as the text it shows: %j', (raw, text) => {
    expect(infoText(raw)).toBe(text)
  })

  it.each(['\\376\\377\\000R\\000u', 'Report \\(draft\\)', 'þÿ\u0000R\u0000u\u0000s', 'Ã¾Ã¿Russia', 'Tar\uFFFDus', '   ', 42])('ignores escape and encoding junk: %j', (raw) => {
    expect(infoText(raw)).toBeNull()
  })

  it('keeps neither markup nor a producer placeholder as the title of an imported PDF', async () => {
    const body = (doc: PDFKit.PDFDocument) => doc.fontSize(18).text('Ferry crews walk out over night rotas').moveDown().fontSize(11).text(P1)
    const marked = await extractDocument(await makePdf(body, { info: { Title: '<b>Ferry strike</b> &amp; talks' } }), 'm.pdf')
    expect(marked.meta.title).toEqual({ value: 'Ferry strike & talks', source: 'PDF document info Title' })
    for (const Title of ['Microsoft Word - report.docx', 'Microsoft Word - Ferry strike', 'C:\\Users\\ana\\Desktop\\ferry', 'Untitled-1', '\\376\\377\\000F']) {
      const doc = await extractDocument(await makePdf(body, { info: { Title } }), 'p.pdf')
      expect(doc.meta.title, Title).toBeUndefined()
    }
  })
})
