import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { extractDocument } from './extract'
import { DEFAULT_LIMITS } from './extract-limits'
import { docxDocumentXml, docxParts, makeDocx } from './test-documents'
import { deflateRepeated, storedEntry, writeRawZip, type RawZipEntry } from './test-raw-documents'

const MB = 1024 * 1024
const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`

/** A .docx from raw zip entries: its parts, with word/document.xml (and anything in `extra`) as given. */
function rawDocx(document: RawZipEntry | null, extra: RawZipEntry[] = [], bodyXml = paragraph('The quay reopened.')): Uint8Array {
  const parts = docxParts(docxDocumentXml(bodyXml)).map(([name, xml]) => (name === 'word/document.xml' && document ? document : storedEntry(name, xml)))
  return writeRawZip([...parts, ...extra])
}

/** word/document.xml of about `size` bytes of paragraphs, deflated; `statedSize` is what the zip directory claims. */
function bigDocument(size: number, statedSize?: number): RawZipEntry {
  const [head, tail] = docxDocumentXml('\u0000').split('\u0000') as [string, string]
  const block = Buffer.from(paragraph('The committee met again to discuss the harbour lease. '.repeat(20)).repeat(100))
  const deflated = deflateRepeated(Buffer.from(head), block, Math.ceil(size / block.length), Buffer.from(tail))
  return { name: 'word/document.xml', data: deflated.raw, deflated: true, crc32: deflated.crc32, statedSize: statedSize ?? deflated.size }
}

describe('Word documents', () => {
  it('extracts paragraphs through mammoth and the sanitiser, with the core properties as metadata', async () => {
    const bytes = await makeDocx({
      paragraphs: [
        ['Title', 'Ferry crews walk out over night rotas'],
        ['', 'Crews on the three island routes stopped work at dawn on **Tuesday**.'],
        ['Heading1', 'Talks'],
        ['', 'Negotiators meet on Thursday <script>alert(1)</script> at the harbour office.'],
      ],
      core: { 'dc:title': 'Ferry strike', 'dc:creator': 'Mira Kovač', 'dcterms:created': '2025-03-04T09:15:00Z', 'dc:language': 'en-GB' },
    })
    const doc = await extractDocument(bytes, 'ferry.docx')
    expect(doc.format).toBe('docx')
    expect(doc.text).toBe(
      ['Ferry crews walk out over night rotas', 'Crews on the three island routes stopped work at dawn on Tuesday.', 'Talks', 'Negotiators meet on Thursday <script>alert(1)</script> at the harbour office.'].join('\n\n'),
    )
    // The text keeps what was typed; the HTML has it escaped, never as markup.
    expect(doc.sanitizedHtml).toBe(
      '<h1>Ferry crews walk out over night rotas</h1><p>Crews on the three island routes stopped work at dawn on <strong>Tuesday</strong>.</p><h1>Talks</h1><p>Negotiators meet on Thursday &lt;script&gt;alert(1)&lt;/script&gt; at the harbour office.</p>',
    )
    expect(doc.meta).toEqual({
      title: { value: 'Ferry strike', source: 'DOCX core properties dc:title' },
      author: { value: 'Mira Kovač', source: 'DOCX core properties dc:creator' },
      created: { value: '2025-03-04T09:15:00Z', source: 'DOCX core properties dcterms:created' },
      language: { value: 'en-GB', source: 'DOCX core properties dc:language' },
    })
    expect(doc.flags).toEqual([])
  })

  it('takes the title from the first Title/Heading 1 paragraph when the properties have none', async () => {
    const doc = await extractDocument(await makeDocx({ paragraphs: [['Title', 'Breakwater closed & repaired'], ['', 'Body.']] }), 'b.docx')
    expect(doc.meta).toEqual({ title: { value: 'Breakwater closed & repaired', source: 'DOCX first Title/Heading 1 paragraph' } })
    const marked = await extractDocument(await makeDocx({ paragraphs: [['Title', '**Breakwater** <closed> & "repaired"'], ['', 'Body.']] }), 'm.docx')
    expect(marked.meta.title?.value).toBe('Breakwater <closed> & "repaired"')
  })

  it('refuses damaged, empty, mislabelled and encrypted documents with specific reasons', async () => {
    const good = await makeDocx({ paragraphs: [['', 'Text.']] })
    await expect(extractDocument(good.subarray(0, good.length - 40), 'cut.docx')).rejects.toMatchObject({ code: 'broken-file', message: /cut\.docx is a damaged Word document/ })
    await expect(extractDocument(await makeDocx({ paragraphs: [['', '   ']] }), 'blank.docx')).rejects.toMatchObject({ code: 'no-article-text' })

    const notWord = new JSZip()
    notWord.file('readme.txt', 'hello')
    await expect(extractDocument(await notWord.generateAsync({ type: 'uint8array' }), 'archive.docx')).rejects.toMatchObject({ code: 'broken-file', message: /not a Word document/ })
    await expect(extractDocument(Buffer.from('just text'), 'text.docx')).rejects.toMatchObject({ code: 'broken-file', message: /not a Word document/ })

    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)])
    await expect(extractDocument(ole, 'old.docx')).rejects.toMatchObject({ code: 'unsupported-type', message: /old-style Word \.doc/ })
    const encrypted = Buffer.concat([ole, Buffer.from('EncryptionInfo\u0000EncryptedPackage', 'utf16le')])
    await expect(extractDocument(encrypted, 'locked.docx')).rejects.toMatchObject({ code: 'encrypted-file', message: /locked\.docx is protected by a password/ })
  })

  it('refuses a document that unpacks to more than the limit, before unpacking it', async () => {
    const bytes = rawDocx(bigDocument(60 * MB))
    expect(bytes.length).toBeLessThan(MB)
    await expect(extractDocument(bytes, 'bomb.docx')).rejects.toMatchObject({
      code: 'too-large',
      message: 'bomb.docx: the document unpacks to more than 50 MB; Dossier refuses larger Word documents (a zip bomb or a damaged file?).',
    })
    // The limit is on what is read: a smaller one refuses a smaller document.
    await expect(extractDocument(rawDocx(bigDocument(2 * MB)), 'b.docx', { limits: { ...DEFAULT_LIMITS, maxUnpackedBytes: MB } })).rejects.toMatchObject({ code: 'too-large', message: /unpacks to more than 1 MB/ })
  })

  it('refuses a part that unpacks to more than its zip directory says', async () => {
    await expect(extractDocument(rawDocx(bigDocument(5 * MB, 2048)), 'liar.docx')).rejects.toMatchObject({
      code: 'broken-file',
      message: expect.stringMatching(/^liar\.docx is a damaged or hostile Word document: its part word\/document\.xml cannot be unpacked/),
    })
  })

  it('refuses a part that would unpack to gigabytes even when nothing reads it', async () => {
    const zeros = deflateRepeated(Buffer.alloc(0), Buffer.alloc(MB), 1024, Buffer.alloc(0))
    const media: RawZipEntry = { name: 'word/media/image1.png', data: zeros.raw, deflated: true, crc32: zeros.crc32, statedSize: zeros.size }
    await expect(extractDocument(rawDocx(null, [media]), 'zeros.docx')).rejects.toMatchObject({ code: 'too-large', message: /^zeros\.docx: the document unpacks to more than 512 MB \(its parts say 1,024 MB\)/ })
  })

  it('refuses a document of too many parts before listing them', async () => {
    const many = Array.from({ length: DEFAULT_LIMITS.maxZipEntries }, (_, i) => storedEntry(`customXml/item${i}.xml`, ''))
    await expect(extractDocument(rawDocx(null, many), 'parts.docx')).rejects.toMatchObject({ code: 'too-complex', message: /^parts\.docx has more than 10,000 parts/ })
  })

  it('refuses XML nested deeper than the limit, in the document or its properties', async () => {
    const nested = '<w:sdt><w:sdtContent>'.repeat(2_000) + paragraph('Deep.') + '</w:sdtContent></w:sdt>'.repeat(2_000)
    await expect(extractDocument(rawDocx(null, [], nested), 'deep.docx')).rejects.toMatchObject({ code: 'too-complex', message: /^deep\.docx is nested too deeply to read/ })
    const zip = new JSZip()
    for (const [name, xml] of docxParts(docxDocumentXml(paragraph('Shallow.')), `<dc:title>${'<x>'.repeat(2_000)}T${'</x>'.repeat(2_000)}</dc:title>`)) zip.file(name, xml)
    await expect(extractDocument(await zip.generateAsync({ type: 'uint8array' }), 'core.docx')).rejects.toMatchObject({ code: 'too-complex' })
    // Nesting within the limit reads as usual.
    const fine = '<w:sdt><w:sdtContent>'.repeat(100) + paragraph('Nested but fine.') + '</w:sdtContent></w:sdt>'.repeat(100)
    expect((await extractDocument(rawDocx(null, [], fine), 'ok.docx')).text).toBe('Nested but fine.')
  })
})
