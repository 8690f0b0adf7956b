/**
 * One import of every supported format (.txt, .md, .html, .pdf, .docx, built at run time:
 * no binaries in the repository) lands as rows of the library table with their metadata;
 * the table sorts and filters them; details are edited (main's refusal shown in the
 * dialog) and deleted (after a confirmation), and both are undone with Ctrl+Z.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { makeDocx, makePdf } from '../src/main/import/test-documents'
import { expect, ROOT, test, type DossierApp } from './harness'

const TITLES = {
  txt: 'Ships leave Tartus as talks stall in Damascus',
  md: 'Convoy seen on the road to Khmeimim',
  html: 'Ferry crews walk out over night rotas',
  pdf: 'Port workers ballot on a new contract',
  docx: 'Talks on the naval base resume in Moscow',
}

const PARAGRAPH = 'The harbour office said on Tuesday that the schedule would be reviewed, and that crews had been told to expect changes to the night rotas before the summer season begins.'

async function writeFiles(app: DossierApp): Promise<string[]> {
  const dir = app.tempDir
  const files: [string, string | Uint8Array][] = [
    ['ships.txt', `${TITLES.txt}\nMarch 3, 2025\n\nThe Sparta II sailed at dawn with vehicles lashed on deck, the third sailing this month.\n\n${PARAGRAPH}`],
    ['convoy.md', `# ${TITLES.md}\n\nWitnesses counted **forty** trucks heading north on Sunday evening.\n\n${PARAGRAPH}\n`],
    ['ferry.html', readFileSync(join(ROOT, 'src', 'main', 'import', 'fixtures', 'news-article.html'))],
    [
      'ballot.pdf',
      await makePdf(
        (doc) => {
          doc.fontSize(18).text(TITLES.pdf)
          doc.moveDown()
          doc.fontSize(11).text(`Dock workers began voting on Monday on the offer made by the port authority. ${PARAGRAPH}`)
        },
        { info: { Title: TITLES.pdf } },
      ),
    ],
    [
      'talks.docx',
      await makeDocx({
        paragraphs: [
          ['Title', TITLES.docx],
          ['', `Delegations met for a second day to discuss the future of the base. ${PARAGRAPH}`],
        ],
        core: { 'dc:title': TITLES.docx },
      }),
    ],
  ]
  return files.map(([name, data]) => {
    const path = join(dir, name)
    writeFileSync(path, data)
    return path
  })
}

async function importAll(app: DossierApp): Promise<void> {
  await app.answerDialogs({ importFiles: [await writeFiles(app)] })
  await app.page.getByRole('button', { name: /^Import/ }).first().click()
  // Five formats, each read in the extraction worker: a PDF can take seconds on a busy machine.
  await expect(app.page.getByRole('status')).toContainText('Imported 5 articles', { timeout: 30_000 })
}

/** The library table, showing its view first when the app has view tabs. */
async function libraryTable(page: Page) {
  const table = page.getByRole('table', { name: 'Library' })
  if (!(await table.isVisible())) {
    const tab = page.getByRole('tab', { name: /Library/ })
    if ((await tab.count()) > 0) await tab.first().click()
  }
  await expect(table).toBeVisible()
  return table
}

const rowTitles = async (page: Page) => (await libraryTable(page)).locator('tbody tr th .library-title-link').allTextContents()

test('every format imports into the library table, which sorts and filters', async ({ app }) => {
  const { page } = app
  await importAll(app)
  const table = await libraryTable(page)
  await expect(table.locator('tbody tr')).toHaveCount(5)
  for (const title of Object.values(TITLES)) await expect(table.getByRole('row', { name: new RegExp(title) })).toBeVisible()
  await expect(table.getByRole('row', { name: new RegExp(TITLES.html) })).toContainText('Harbour Gazette')

  // Sort by title, then reverse.
  const titleHeader = table.getByRole('columnheader', { name: /Title/ })
  await titleHeader.getByRole('button').click()
  await expect(titleHeader).toHaveAttribute('aria-sort', 'ascending')
  const alphabetical = [...Object.values(TITLES)].sort((a, b) => a.localeCompare(b))
  expect(await rowTitles(page)).toEqual(alphabetical)
  await titleHeader.getByRole('button').click()
  await expect(titleHeader).toHaveAttribute('aria-sort', 'descending')
  expect(await rowTitles(page)).toEqual(alphabetical.reverse())

  // Filter, without regard to case or accents; then nothing matches; then clear.
  const filter = page.getByRole('searchbox', { name: 'Filter library' })
  await filter.fill('KHMEÏMIM')
  expect(await rowTitles(page)).toEqual([TITLES.md])
  await filter.fill('no article says this')
  await expect(page.getByRole('heading', { name: 'No article matches the filters' })).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect((await libraryTable(page)).locator('tbody tr')).toHaveCount(5)
})

test('details are edited and an article is deleted from the table, and both are undone', async ({ app }) => {
  const { page } = app
  await importAll(app)
  await libraryTable(page)
  const row = () => page.getByRole('table', { name: 'Library' }).getByRole('row', { name: new RegExp(TITLES.txt) })

  // Edit details: a malformed date is refused inside the dialog; a good one is saved.
  await row().getByRole('button', { name: /Edit details/ }).click()
  const details = page.getByRole('dialog', { name: 'Edit details' })
  await expect(details.getByRole('textbox', { name: 'Title' })).toHaveValue(TITLES.txt)
  await details.getByRole('textbox', { name: 'Outlet' }).fill('Harbour Radio')
  await details.getByRole('textbox', { name: 'Date' }).fill('3/3/25')
  await details.getByRole('button', { name: 'Save' }).click()
  await expect(details.getByRole('alert')).toContainText('3/3/25')
  await details.getByRole('textbox', { name: 'Date' }).fill('2025-03-04')
  await details.getByRole('button', { name: 'Save' }).click()
  await expect(details).toBeHidden()
  await expect(row()).toContainText('Harbour Radio')
  await expect(row()).toContainText('4 March 2025')

  await row().focus()
  await page.keyboard.press('Control+z')
  await expect(row()).not.toContainText('Harbour Radio')
  await expect(row()).toContainText('3 March 2025')

  // Delete asks first; Cancel keeps the article.
  await row().getByRole('button', { name: /^Delete/ }).click()
  const confirm = page.getByRole('dialog', { name: 'Delete article' })
  await expect(confirm).toContainText(`Delete “${TITLES.txt}”`)
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(row()).toBeVisible()

  await row().getByRole('button', { name: /^Delete/ }).click()
  await confirm.getByRole('button', { name: 'Delete' }).click()
  await expect(row()).toHaveCount(0)
  await expect(page.getByRole('status')).toContainText(`Deleted “${TITLES.txt}”`)
  const catalog = () => JSON.parse(readFileSync(join(app.notebookDir, 'catalog.json'), 'utf8')) as { articles: { title: string }[] }
  expect(catalog().articles.map((a) => a.title)).not.toContain(TITLES.txt)

  const table = await libraryTable(page)
  await table.locator('tbody tr').first().focus()
  await page.keyboard.press('Control+z')
  await expect(row()).toBeVisible()
  expect(catalog().articles.map((a) => a.title)).toContain(TITLES.txt)
})
