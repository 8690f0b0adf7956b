import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { extractDocument } from './extract'
import { makeDocx } from './test-documents'

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
})
