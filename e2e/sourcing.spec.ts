/**
 * Issue 14 in the app, end to end on the corpus: grade an outlet in the Sources view (Mod+7),
 * grade a passage of the bne IntelliNews article (003) in the reader's highlights panel
 * (B2), start a claim from it there, add the passages of 001 and 004 (two retellings of one
 * TWZ report) from the Passages view, and read "2 independent sources" with the rewrite pair
 * named; undo and redo the last step. At each stage axe-core finds no serious or critical
 * violation, nothing is out of view, and screenshots are kept at 1280x800 and 1024x640 in
 * the light and dark theme (test-artifacts/e2e/views/sources-*). Then the briefing: a key
 * judgment cites the claim; taking the bne passage out of the claim makes the composer (and
 * the export dialog) warn that the judgment rests on a single independent source, and undo
 * takes the warning away; the exported PDF's citations carry the grade and its Sources list
 * groups the rewrite pair (pdftotext).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { CORPUS_DIR, expect, test, type DossierApp } from './harness'
import { CHECK_SIZES, checkSizesAndThemes } from './layout-checks'
import { openFromLibrary } from './library'
import { selectTextInReader } from './reader-selection'

const FILES = ['001_daa64de3b2e005fd.txt', '003_993df21826298aa0.txt', '004_9b752680666e40a6.txt']
const TITLES = {
  '001': 'According to reports, a Russian army caravan was stopped from accessing Syria’s Tartus navy station.',
  '003': 'Russia withdraws equipment from Syrian bases, but will not abandon them, in new deal talks with HTS',
  '004': 'A Russian army convoy was reportedly prevented from coming into Tartus naval base in Syria.',
}
const STATEMENT = 'Russia moved military equipment out of its Syrian bases'
const JUDGMENT = 'Russia is taking equipment out of Syria while it talks to keep its bases.'

/** The first sentence of a corpus file that matches, read from the file (never copied here). */
function sentence(file: string, pattern: RegExp): string {
  const found = pattern.exec(readFileSync(join(CORPUS_DIR, file), 'utf8'))?.[0]
  if (!found) throw new Error(`${file} has no sentence matching ${pattern}`)
  return found.trim()
}

/** Screenshots, layout and axe at both sizes in both themes; back to 1280x800 after. */
/** Screenshots, layout and axe at both sizes in both themes (layout-checks.ts). */
const check = (app: DossierApp, name: string) => checkSizesAndThemes(app.page, `sources-${name}`, app.mode)

/** Highlights a sentence with the first tag, from the keyboard (1, Enter). */
async function highlight(page: Page, text: string): Promise<void> {
  const toolbar = page.getByRole('toolbar', { name: 'Highlight' })
  await selectTextInReader(page, text)
  await expect(toolbar).toBeVisible()
  await page.keyboard.press('1')
  await page.keyboard.press('Enter')
  await expect(toolbar).toBeHidden()
}

test.describe('sourcing in the app', () => {
  test.skip(!existsSync(CORPUS_DIR), `The shared corpus is not at ${CORPUS_DIR} (a user's own checkout); this journey reads its articles.`)

  test('grade an outlet and a passage, build a claim in the reader and the passages view, read its independent sources', async ({ app }) => {
    test.setTimeout(300_000)
    const { page } = app
    await page.setViewportSize(CHECK_SIZES[0])
    const bne = sentence(FILES[1]!, /Russia began to withdraw substantial amounts of equipment[^.]*\./)
    const caravan = sentence(FILES[0]!, /It’s the most recent sign that the two former allies[^.]*\./)
    const convoy = sentence(FILES[2]!, /That is the most recent indication of estrangement[^.]*\./)
    expect(readdirSync(CORPUS_DIR)).toEqual(expect.arrayContaining(FILES))

    await test.step('import 001, 003 and 004; the Sources view starts empty and says how to fill it', async () => {
      await app.answerDialogs({ importFiles: [FILES.map((f) => join(CORPUS_DIR, f))] })
      await page.getByRole('banner').getByRole('button', { name: 'Import files' }).click()
      await expect(page.getByRole('status')).toContainText('Imported 3', { timeout: 60_000 })
      const log = page.getByRole('button', { name: 'Close import log' })
      await expect(page.getByText(/its text names the outlet “bne IntelliNews”/)).toBeVisible()
      await log.click()
      await page.keyboard.press('Control+7')
      await expect(page.getByRole('tab', { name: 'Sources' })).toHaveAttribute('aria-selected', 'true')
      await expect(page.getByRole('heading', { name: 'No outlets yet' })).toBeVisible()
      await expect(page.getByRole('heading', { name: 'No claims yet' })).toBeVisible()
      await check(app, 'empty')
    })

    const sources = page.getByRole('region', { name: 'Sources' })
    await test.step('add bne IntelliNews graded B; its article is counted under it', async () => {
      await sources.getByRole('button', { name: 'Add an outlet' }).click()
      const dialog = page.getByRole('dialog', { name: 'Add outlet' })
      await dialog.getByLabel('Name').fill('bne IntelliNews')
      await dialog.getByLabel('Aliases, one a line').fill('intellinews.com')
      await dialog.getByLabel('Reliability').selectOption('B')
      await dialog.getByLabel('Why this grade').fill('Named bureaus, regional business press')
      await check(app, 'outlet-dialog')
      await dialog.getByRole('button', { name: 'Add outlet' }).click()
      await expect(dialog).toBeHidden()
      const row = sources.getByRole('row', { name: /bne IntelliNews/ })
      await expect(row.getByRole('combobox', { name: 'Reliability of bne IntelliNews' })).toHaveValue('B')
      await expect(row.getByRole('cell').nth(3)).toHaveText('1')
    })

    await test.step('in the reader: grade a passage of 003 (B2) and make a claim of it', async () => {
      await openFromLibrary(page, TITLES['003'])
      await highlight(page, bne)
      const panel = page.getByRole('complementary', { name: 'Highlights' })
      await panel.getByRole('button', { name: 'Grade and source' }).click()
      await panel.getByLabel('Credibility').selectOption('2')
      await expect(panel.locator('.highlight-sourcing .grade-code')).toHaveText('B2')
      await check(app, 'reader-panel')
      await panel.getByRole('button', { name: 'Add to claim…' }).click()
      const dialog = page.getByRole('dialog', { name: 'Add 1 passage to a claim' })
      await dialog.getByLabel('Statement').fill(STATEMENT)
      await check(app, 'claim-dialog')
      await dialog.getByRole('button', { name: 'Add to claim' }).click()
      await expect(dialog).toBeHidden()
      await expect(page.getByRole('status').filter({ hasText: `Claim “${STATEMENT}” made from 1 passage` })).toBeVisible()
    })

    await test.step('in the passages view: add the passages of 001 and 004 to that claim', async () => {
      await openFromLibrary(page, TITLES['001'])
      await highlight(page, caravan)
      await openFromLibrary(page, TITLES['004'])
      await highlight(page, convoy)
      await page.keyboard.press('Control+3')
      const passages = page.getByRole('region', { name: 'Passages' })
      await passages.getByRole('checkbox', { name: /^Select for a claim: It’s the most recent sign/ }).first().check()
      await passages.getByRole('checkbox', { name: /^Select for a claim: That is the most recent indication/ }).first().check()
      await expect(page.getByRole('group', { name: 'Selected passages' })).toContainText('2 passages selected')
      await check(app, 'passages-selected')
      await page.getByRole('group', { name: 'Selected passages' }).getByRole('button', { name: 'Add to claim…' }).click()
      const dialog = page.getByRole('dialog', { name: 'Add 2 passages to a claim' })
      await dialog.getByLabel('An existing claim').check()
      await expect(dialog.getByLabel('Which claim')).toContainText(STATEMENT)
      await dialog.getByRole('button', { name: 'Add to claim' }).click()
      await expect(dialog).toBeHidden()
      await expect(page.getByRole('status').filter({ hasText: `2 passages added to “${STATEMENT}”, supporting it` })).toBeVisible()
    })

    const claim = () => page.getByRole('article', { name: STATEMENT })
    await test.step('the claim counts 2 independent sources and names the rewrite pair', async () => {
      await page.keyboard.press('Control+7')
      await expect(claim()).toContainText('2 independent sources')
      await expect(claim()).toContainText('3 passages, 2 independent sources: 001_daa64de3b2e005fd and 004_9b752680666e40a6 are one report')
      await expect(claim().getByRole('list', { name: 'Supporting passages' }).getByRole('listitem')).toHaveCount(3)
      await expect(claim()).toContainText('bne IntelliNews, 15 December 2024 (B2)')
      await check(app, 'claim')
    })

    await test.step('undo takes the two passages out again, redo puts them back', async () => {
      await sources.getByRole('heading', { name: 'Sources', level: 1 }).click()
      await page.keyboard.press('Control+z')
      await expect(claim()).toContainText('1 passage, 1 independent source')
      await page.keyboard.press('Control+Shift+z')
      await expect(claim()).toContainText('3 passages, 2 independent sources')
    })

    const composer = page.getByRole('region', { name: 'Briefing' })
    const judgment = composer.getByRole('group', { name: 'Claims behind the key judgments' }).getByRole('listitem', { name: 'Key judgment 1' })
    const warnings = judgment.getByRole('note', { name: 'Sourcing warnings' })
    const cited = judgment.getByRole('list', { name: 'Claims cited by key judgment 1' })
    /** Back to the composer from another view: it reads the briefing and the claims again. */
    const showComposer = async () => {
      await page.keyboard.press('Control+1')
      await page.keyboard.press('Control+5')
    }
    await test.step('a key judgment of a briefing cites the claim: two independent sources, no warning', async () => {
      await page.keyboard.press('Control+5')
      await composer.getByRole('button', { name: 'New briefing' }).first().click()
      await expect(page.getByRole('status')).toContainText('Created briefing')
      await composer.getByRole('textbox', { name: 'Handling line' }).fill('UNCLASSIFIED // FOR TRAINING')
      await composer.getByRole('textbox', { name: 'Key judgments' }).fill(JUDGMENT)
      await expect(judgment).toContainText(JUDGMENT)
      await judgment.getByRole('button', { name: 'Cite a claim in key judgment 1…' }).click()
      await judgment.getByRole('searchbox', { name: 'Cite a claim in key judgment 1' }).fill('equipment')
      await judgment.getByRole('button', { name: new RegExp(STATEMENT) }).click()
      await expect(cited).toContainText(STATEMENT)
      await expect(cited).toContainText('3 passages, 2 independent sources')
      await expect(warnings).toHaveCount(0)
    })

    const exportDialog = page.getByRole('dialog', { name: 'Export briefing' })
    await test.step('the bne passage leaves the claim: the single-source warning appears (composer and export dialog); undo: it goes', async () => {
      await page.keyboard.press('Control+7')
      await claim().getByRole('list', { name: 'Supporting passages' }).getByRole('listitem').filter({ hasText: 'Russia began to withdraw' }).getByRole('button', { name: 'Remove' }).click()
      await expect(claim()).toContainText('2 passages, 1 independent source')
      await page.keyboard.press('Control+5')
      await expect(cited).toContainText('2 passages, 1 independent source')
      await expect(warnings).toContainText(/Key judgment 1 rests on a single independent source \(\[\d\] and \[\d\] are one report\)\./)
      await check(app, 'briefing-warning')
      await composer.getByRole('button', { name: 'Export…' }).click()
      await expect(exportDialog.getByRole('note', { name: 'Sourcing warnings' })).toContainText('Key judgment 1 rests on a single independent source')
      await check(app, 'export-warning')
      await exportDialog.getByRole('button', { name: 'Close' }).click()
      await page.getByRole('tab', { name: 'Briefings' }).focus()
      await page.keyboard.press('Control+z')
      await showComposer()
      await expect(cited).toContainText('3 passages, 2 independent sources')
      await expect(warnings).toHaveCount(0)
    })

    await test.step('export the PDF: citations carry the grade, the Sources list groups the rewrite pair (pdftotext)', async () => {
      const path = join(app.tempDir, 'Sourcing.pdf')
      await composer.getByRole('button', { name: 'Export…' }).click()
      await expect(exportDialog.getByRole('note', { name: 'Sourcing warnings' })).toHaveCount(0)
      await app.answerDialogs({ exportPath: [path] })
      await exportDialog.getByRole('button', { name: 'Export', exact: true }).click()
      await expect(exportDialog.getByRole('status')).toContainText(`Briefing exported to ${path}`, { timeout: 60_000 })
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-raw', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
      expect(text).toMatch(/\[\d\] bne IntelliNews, “[^”]+”,[^[]*15 December 2024 \(B2\)\./)
      expect(text).toMatch(/\[\d\] and \[\d\] tell one report, \d+% shared text: counted once\./)
      expect(text).toMatch(/\[\d\]: 2 unreadable characters in the text\./)
      expect(text).toMatch(new RegExp(`Claim: “${STATEMENT}” 3 passages, 2 independent sources: \\[\\d\\] and \\[\\d\\] are one report\\.`))
      await exportDialog.getByRole('button', { name: 'Close' }).click()
    })
  })
})
