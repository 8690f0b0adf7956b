import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkExport } from './export-checks.mjs'

const dir = mkdtempSync(join(tmpdir(), 'dossier-export-checks-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const file = (name, content) => {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}
const MARKERS = ['Eleven grain barges were still moored.', 'The choir sang in nine villages.']

describe('checkExport', () => {
  it('passes a Markdown file holding every highlighted sentence, even wrapped', async () => {
    const flat = file('flat.md', '# B\n\nEleven grain barges were\nstill moored.\n\nThe choir sang in nine villages.\n')
    expect(await checkExport('md', flat, MARKERS, 2)).toEqual({ status: 'passed', detail: '2 highlighted sentence(s) in the Markdown' })
  })

  it('names a sentence missing from the file', async () => {
    const md = file('short.md', 'Eleven grain barges were still moored.')
    expect(await checkExport('md', md, MARKERS, 2)).toEqual({ status: 'failed', detail: 'missing from the Markdown: "The choir sang in nine villages."' })
  })

  it('fails when the CLI exported another number of passages than were highlighted', async () => {
    expect((await checkExport('md', file('n.md', MARKERS.join('\n')), MARKERS, 1)).detail).toBe('1 passage(s) exported, 2 highlighted')
  })

  it('reads the CSV Quote column (with its BOM), and nothing else', async () => {
    const csv = file('ok.csv', `\uFEFFArticle,Quote\nA,${MARKERS[0]}\nB,"${MARKERS[1]}"\n`)
    expect((await checkExport('csv', csv, MARKERS, 2)).status).toBe('passed')
    const inTitle = file('title.csv', `\uFEFFArticle,Quote\n${MARKERS[0]},x\n${MARKERS[1]},y\n`)
    expect((await checkExport('csv', inTitle, MARKERS, 2)).status).toBe('failed')
    expect((await checkExport('csv', file('none.csv', 'Article\nA\n'), MARKERS, 2)).detail).toBe('no rows with a Quote column')
  })

  it('finds W3C TextQuoteSelectors wherever they are nested', async () => {
    const selector = (exact) => ({ type: 'Annotation', target: { selector: [{ type: 'TextPositionSelector', start: 0 }, { type: 'TextQuoteSelector', exact }] } })
    const w3c = file('ok.jsonld', JSON.stringify({ type: 'AnnotationCollection', first: { items: MARKERS.map(selector) } }))
    expect((await checkExport('w3c', w3c, MARKERS, 2)).status).toBe('passed')
    const bodyOnly = file('body.jsonld', JSON.stringify({ items: MARKERS.map((m) => ({ body: { value: m } })) }))
    expect((await checkExport('w3c', bodyOnly, MARKERS, 2)).status).toBe('failed')
  })

  it('refuses a "PDF" without the PDF header, and reports an unreadable file', async () => {
    expect(await checkExport('pdf', file('fake.pdf', MARKERS.join('\n')), MARKERS, 2)).toEqual({ status: 'failed', detail: 'not a PDF (no %PDF- header)' })
    expect((await checkExport('w3c', file('broken.jsonld', '{'), MARKERS, 2)).detail).toMatch(/could not be read back/)
  })
})
