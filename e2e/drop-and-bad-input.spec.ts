/**
 * Importing by drag and drop, and bad input in the app: each problem gets its own
 * message in the status area, nothing half-imported appears, and the notebook file is
 * left as it was.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './harness'
import { selectTextInReader } from './reader-selection'

const ARTICLE = [
  'Ships leave Tartus as talks stall in Damascus',
  'March 3, 2025',
  '',
  'The Sparta II sailed at dawn, Ayla Sohtaoğlu wrote, “with vehicles lashed on deck” — the third sailing this month.',
].join('\n')

/** Drops files on the window the way a file manager does: dragenter, dragover, drop with a DataTransfer of Files. */
async function dropFiles(page: Page, files: { name: string; text?: string; bytes?: number[] }[]): Promise<void> {
  await page.evaluate((list) => {
    const transfer = new DataTransfer()
    for (const f of list) transfer.items.add(new File([f.bytes ? new Uint8Array(f.bytes) : (f.text ?? '')], f.name))
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }))
    }
  }, files)
}

test('dropping text files imports them; bad files are refused one by one with their reasons', async ({ app }) => {
  const { page } = app
  await dropFiles(page, [
    { name: 'ships.txt', text: ARTICLE },
    { name: 'empty.txt', text: '' },
    { name: 'image.txt', bytes: [0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01] },
    { name: 'scan.pdf', text: '%PDF-1.4' },
  ])
  const status = page.getByRole('status')
  await expect(status).toContainText('Imported 1 article')
  await expect(status).toContainText('3 failed')
  await expect(status).toContainText('empty.txt is empty')
  await expect(status).toContainText('image.txt looks like a binary file')
  await expect(status).toContainText('.pdf cannot be imported yet')

  const library = page.getByRole('listbox', { name: 'Library' })
  await expect(library.getByRole('option')).toHaveCount(1)
  await expect(library.getByRole('option', { name: 'Ships leave Tartus as talks stall in Damascus' })).toBeVisible()

  // The same text again, under another name, is a duplicate, not a second article.
  const before = readFileSync(join(app.notebookDir, 'notebook.json'), 'utf8')
  await dropFiles(page, [{ name: 'ships (copy).txt', text: ARTICLE.replace(/\n/g, '\r\n') }])
  await expect(status).toContainText('1 duplicate')
  await expect(library.getByRole('option')).toHaveCount(1)
  expect(readFileSync(join(app.notebookDir, 'notebook.json'), 'utf8')).toBe(before)
})

test('exporting with nothing highlighted, or to a folder that does not exist, says why and writes nothing', async ({ app }) => {
  const { page } = app
  await dropFiles(page, [{ name: 'ships.txt', text: ARTICLE }])
  await expect(page.getByRole('status')).toContainText('Imported 1 article')

  await app.answerDialogs({ exportPath: [join(app.tempDir, 'never.pdf')] })
  await page.getByRole('button', { name: 'Export briefing' }).click()
  await expect(page.getByRole('status')).toContainText('No highlighted passages')

  await page.getByRole('listbox', { name: 'Library' }).getByRole('option').first().click()
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
