/**
 * Importing by drag and drop, and bad input in the app: each problem gets its own
 * message in the status area, nothing half-imported appears, and the notebook file is
 * left as it was.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './harness'
import { dropFiles } from './drop'
import { articleRows, openFromLibrary, showLibrary } from './library'
import { selectTextInReader } from './reader-selection'

const ARTICLE = [
  'Ships leave Tartus as talks stall in Damascus',
  'March 3, 2025',
  '',
  'The Sparta II sailed at dawn, Ayla Sohtaoğlu wrote, “with vehicles lashed on deck” — the third sailing this month.',
].join('\n')

/** Drops files on the window the way a file manager does: dragenter, dragover, drop with a DataTransfer of Files. */
test('dropping text files imports them; bad files are refused one by one with their reasons', async ({ app }) => {
  const { page } = app
  await dropFiles(page, [
    { name: 'ships.txt', text: ARTICLE },
    { name: 'empty.txt', text: '' },
    { name: 'image.txt', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52] },
    { name: 'scan.pdf', text: '%PDF-1.4\nnot really a PDF' },
    { name: 'app.html', text: '<html><head><script>alert(1)</script></head><body><script>boot()</script></body></html>' },
    { name: 'notes.odt', text: 'not a supported type' },
  ])
  const status = page.getByRole('status')
  await expect(status).toContainText('Imported 1 article')
  await expect(status).toContainText('5 failed')
  await expect(status).toContainText('empty.txt is empty')
  await expect(status).toContainText('image.txt is a PNG image, not text')
  await expect(status).toContainText('scan.pdf is not a valid PDF')
  await expect(status).toContainText('app.html holds only scripts')
  await expect(status).toContainText('files of type .odt cannot be imported')

  const library = await showLibrary(page)
  await expect(articleRows(library)).toHaveCount(1)
  await expect(library.getByRole('row', { name: 'Ships leave Tartus as talks stall in Damascus' })).toBeVisible()

  // The same text again, under another name, is a duplicate, not a second article.
  const catalog = () => readFileSync(join(app.notebookDir, 'notebook.json'), 'utf8') + readFileSync(join(app.notebookDir, 'catalog.json'), 'utf8')
  const before = catalog()
  await dropFiles(page, [{ name: 'ships (copy).txt', text: ARTICLE.replace(/\n/g, '\r\n') }])
  await expect(status).toContainText('1 duplicate')
  await expect(articleRows(library)).toHaveCount(1)
  expect(catalog()).toBe(before)
})

test('exporting with nothing highlighted, or to a folder that does not exist, says why and writes nothing', async ({ app }) => {
  const { page } = app
  await dropFiles(page, [{ name: 'ships.txt', text: ARTICLE }])
  await expect(page.getByRole('status')).toContainText('Imported 1 article')

  await app.answerDialogs({ exportPath: [join(app.tempDir, 'never.pdf')] })
  await page.getByRole('button', { name: 'Export briefing' }).click()
  await expect(page.getByRole('status')).toContainText('No passages are highlighted')

  await openFromLibrary(page, 'Ships leave Tartus as talks stall in Damascus')
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText('Ships leave Tartus as talks stall in Damascus')
  await selectTextInReader(page, 'The Sparta II sailed at dawn')
  const toolbar = page.getByRole('toolbar', { name: 'Highlight' })
  await toolbar.getByRole('button', { name: 'Convoys' }).click()
  await toolbar.getByRole('button', { name: 'Save highlight' }).click()
  await expect(page.getByRole('status')).toContainText('Highlight saved')

  const missing = join(app.tempDir, 'no-such-folder', 'briefing.pdf')
  await app.answerDialogs({ exportPath: [missing] })
  await page.getByRole('button', { name: 'Export briefing' }).click()
  await expect(page.getByRole('status')).toContainText(`the folder ${join(app.tempDir, 'no-such-folder')} does not exist`)
})
