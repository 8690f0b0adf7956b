/**
 * Importing by drag and drop, and bad input in the app: each problem gets its own
 * message in the status area, nothing half-imported appears, and the notebook file is
 * left as it was.
 */
import { existsSync, readFileSync } from 'node:fs'
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
  // The import log lists every file with its outcome and reason.
  const log = page.getByRole('region', { name: 'Import log' })
  await expect(log.getByRole('listitem').filter({ hasText: 'ships.txt' })).toContainText('Imported')
  await expect(log).toContainText('image.txt is a PNG image, not text')
  await expect(log).toContainText('scan.pdf is not a valid PDF')
  await expect(log).toContainText('app.html holds only scripts')
  await expect(log).toContainText('files of type .odt cannot be imported')
  await expect(log.getByRole('listitem').filter({ hasText: 'Failed' })).toHaveCount(5)
  // Dismissible, and back from the status bar's View import log.
  await log.getByRole('button', { name: 'Close import log' }).click()
  await expect(log).toBeHidden()
  await status.getByRole('button', { name: 'View import log' }).click()
  await expect(log.getByRole('region', { name: 'Files imported' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(log).toBeHidden()

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

  // The header's Export briefing opens the composer on a new briefing, which says it has nothing to export.
  const never = join(app.tempDir, 'never.pdf')
  await page.getByRole('banner').getByRole('button', { name: 'Export briefing' }).click()
  const composer = page.getByRole('region', { name: 'Briefing' })
  await expect(composer.getByRole('note', { name: 'No passages' })).toContainText('there is nothing to put in a briefing')
  const dialog = page.getByRole('dialog', { name: 'Export briefing' })
  const exportTo = async (path: string) => {
    await composer.getByRole('button', { name: 'Export…' }).click()
    await page.getByRole('dialog', { name: 'No handling line' }).getByRole('button', { name: 'Export without one' }).click()
    await app.answerDialogs({ exportPath: [path] })
    await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  }
  await exportTo(never)
  await expect(dialog).toContainText('there is nothing to put in a briefing')
  expect(existsSync(never)).toBe(false)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  await openFromLibrary(page, 'Ships leave Tartus as talks stall in Damascus')
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText('Ships leave Tartus as talks stall in Damascus')
  await selectTextInReader(page, 'The Sparta II sailed at dawn')
  const toolbar = page.getByRole('toolbar', { name: 'Highlight' })
  await toolbar.getByRole('button', { name: 'Convoys' }).click()
  await toolbar.getByRole('button', { name: 'Save highlight' }).click()
  await expect(page.getByRole('contentinfo').getByRole('status')).toContainText('Highlight saved')

  const missing = join(app.tempDir, 'no-such-folder', 'briefing.pdf')
  await page.getByRole('banner').getByRole('button', { name: 'Export briefing' }).click()
  await expect(composer.getByRole('note', { name: 'No passages' })).toBeHidden()
  await exportTo(missing)
  await expect(dialog).toContainText(`the folder ${join(app.tempDir, 'no-such-folder')} does not exist`)
})
