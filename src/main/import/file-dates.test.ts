/**
 * The date a file was made is not the date its text was published: a Word copy made
 * today of a speech given in 1863 must say 1863 (from its text), never today.
 */
import { describe, expect, it } from 'vitest'
import { draftArticleFromText } from '../../core/import-text'
import { extractDocument } from './extract'
import { hasLibreOffice, libreOfficeConvert, makeDocx, makeFodt, makePdf } from './test-documents'

const HEADLINE = 'Address delivered at the dedication of the cemetery at Gettysburg'
const SPOKEN = 'November 19, 1863'
const BODY =
  'Four score and seven years ago our fathers brought forth on this continent, a new nation, conceived in Liberty, and dedicated to the proposition that all men are created equal.'

async function draftOf(bytes: Uint8Array, name: string) {
  const doc = await extractDocument(bytes, name)
  return draftArticleFromText(doc.text, name, doc.meta)
}

describe('the date a file was made is not its publication date', () => {
  it('DOCX: the date line of the text is the publication date, not dcterms:created', async () => {
    const bytes = await makeDocx({
      paragraphs: [['Title', HEADLINE], ['', SPOKEN], ['', BODY]],
      core: { 'dc:title': HEADLINE, 'dcterms:created': '2025-03-04T09:15:00Z' },
    })
    const draft = await draftOf(bytes, 'speech.docx')
    expect(draft.published).toBe('1863-11-19')
    expect(draft.metaSources.published).toBe('date line under the headline')
  })

  it('DOCX with no date in the text: no publication date, and the file date is named as what it is', async () => {
    const bytes = await makeDocx({ paragraphs: [['Title', HEADLINE], ['', BODY]], core: { 'dcterms:created': '2025-03-04T09:15:00Z' } })
    const draft = await draftOf(bytes, 'speech.docx')
    expect(draft.published).toBeNull()
    expect(draft.metaSources.published).toBe(
      'no publication date stated (no date line in the header (dates inside the body are not the publication date)); the DOCX core properties dcterms:created says 2025-03-04T09:15:00+00:00, which is when the file was made, not when the text was published',
    )
  })

  it('PDF: CreationDate is when the PDF was made, not the publication date', async () => {
    const bytes = await makePdf(
      (doc) => {
        doc.fontSize(18).text(HEADLINE)
        doc.fontSize(11).text(SPOKEN).moveDown().text(BODY)
      },
      { info: { CreationDate: new Date('2025-03-04T09:15:00Z') } },
    )
    const draft = await draftOf(bytes, 'speech.pdf')
    expect(draft.published).toBe('1863-11-19')
    const undated = await draftOf(await makePdf((doc) => doc.fontSize(18).text(HEADLINE).fontSize(11).moveDown().text(BODY), { info: { CreationDate: new Date('2025-03-04T09:15:00Z') } }), 'u.pdf')
    expect(undated.published).toBeNull()
    expect(undated.metaSources.published).toMatch(/the PDF document info CreationDate says 2025-03-04T09:15:00\+00:00, which is when the file was made/)
  })

  // Files written by a real office suite: LibreOffice sets dcterms:created and CreationDate itself.
  it.skipIf(!hasLibreOffice())('LibreOffice DOCX and PDF of the 1863 speech, typed up in 2025, are dated 1863', { timeout: 240_000 }, async () => {
    const fodt = makeFodt({ created: '2025-03-04T09:15:00', modified: '2025-03-05T10:00:00', title: 'Gettysburg Address', creator: 'Abraham Lincoln' }, [
      [true, HEADLINE],
      [false, SPOKEN],
      [false, BODY],
    ])
    const docx = libreOfficeConvert(fodt, 'docx')
    const pdf = libreOfficeConvert(fodt, 'pdf')
    for (const [bytes, name] of [[docx, 'speech.docx'], [pdf, 'speech.pdf']] as const) {
      const doc = await extractDocument(bytes, name)
      expect(doc.meta.created, name).toBeDefined() // the suite did state when the file was made
      expect(doc.meta.published, name).toBeUndefined()
      const draft = draftArticleFromText(doc.text, name, doc.meta)
      expect(draft.published, name).toBe('1863-11-19')
      expect(draft.title, name).toBe('Gettysburg Address')
      expect(draft.author, name).toBe('Abraham Lincoln')
    }
  })
})
