/**
 * Issues 15 (item 4) and 16 (item 5), end to end on the corpus: passages highlighted in
 * three articles (their event dates suggested from their text against each article's
 * publication date), the starter gazetteer added through the API (places with
 * coordinates), an ACH matrix rating two of them; in the composer a timeline and a map
 * of the whole briefing and the matrix are added, the preview shows them, and the PDF
 * export passes qpdf --check, holds the captions, legends, hypotheses and ratings as
 * text, and its pages are rendered to PNG as artifacts (test-artifacts/e2e/briefing-
 * figures/). Screenshots at 1280x800 and 1024x640 in both themes, with axe.
 *
 * The matrix is written as its file (ach/<id>.json) by the core's own ACH operations:
 * the app's ACH API is another part of the work (h-achapp); the composer reads it as it
 * reads any matrix of the notebook.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { addEvidence, addHypothesis, createAchMatrix, makeAchId, rateCell } from '../src/core/ach'
import type { HighlightId } from '../src/core/ids'
import { CORPUS_DIR, expect, test } from './harness'
import { checkAndReadPdf, renderPdfPages } from './pdf-checks'
import { keepScreenshot, outOfView, seriousViolations } from './layout-checks'
import { openFromLibrary } from './library'
import { selectTextInReader } from './reader-selection'

const TITLES = {
  bne: 'Russia withdraws equipment from Syrian bases, but will not abandon them, in new deal talks with HTS',
  tartous: "Russia's Military Withdrawal Accelerates in Syria's Tartous Port",
  monitor: 'New Syria government refusing evacuation of Russia military equipment, report says',
}
const QUESTION = 'Is Russia leaving its Syrian bases for good?'
const HYPOTHESES = ['Russia withdraws for good', 'Russia rotates forces and stays']

/** The first sentence of a corpus file that matches, read from the file (never copied here). */
function sentence(file: string, pattern: RegExp): string {
  const found = pattern.exec(readFileSync(join(CORPUS_DIR, file), 'utf8'))?.[0]
  if (!found) throw new Error(`${file} has no sentence matching ${pattern}`)
  return found.trim()
}
const has = (bin: string) => spawnSync(bin, ['-v'], { stdio: 'ignore' }).error === undefined

test.describe('figures and an ACH matrix in a briefing', () => {
  test.skip(!existsSync(CORPUS_DIR), `The shared corpus is not at ${CORPUS_DIR} (a user's own checkout); this journey reads its articles.`)

  test('add a timeline, a map and a matrix in the composer, see them, export the PDF and read it', async ({ app }) => {
    test.setTimeout(300_000)
    const { page } = app
    const passages = [
      { title: TITLES.bne, tag: 'Bases', quote: sentence('003_993df21826298aa0.txt', /Russia began to withdraw substantial amounts of equipment[^.]*\./) },
      { title: TITLES.tartous, tag: 'Convoys', quote: sentence('002_046419e80c949d65.txt', /On January 21 and 22, two Russian vessels[^.]*\./) },
      { title: TITLES.monitor, tag: 'Convoys', quote: sentence('000_55669976acc74c60.txt', /According to the Moscow Times last week[^.]*\./) },
    ]

    await test.step('import the corpus, add the starter gazetteer, highlight three passages', async () => {
      const files = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).map((f) => join(CORPUS_DIR, f))
      await app.answerDialogs({ importFiles: [files] })
      await page.getByRole('banner').getByRole('button', { name: 'Import files' }).click()
      await expect(page.getByRole('status')).toContainText('Imported 5', { timeout: 60_000 })
      await page.getByRole('button', { name: 'Close import log' }).click()
      const added = await page.evaluate(async () => (await (window as unknown as { dossier: { addStarterGazetteer(): Promise<{ ok: boolean }> } }).dossier.addStarterGazetteer()).ok)
      expect(added).toBe(true)
      const toolbar = page.getByRole('toolbar', { name: 'Highlight' })
      for (const p of passages) {
        await openFromLibrary(page, p.title)
        await selectTextInReader(page, p.quote)
        await expect(toolbar).toBeVisible()
        await toolbar.getByRole('button', { name: p.tag }).click()
        await toolbar.getByRole('button', { name: 'Save highlight' }).click()
        await expect(toolbar).toBeHidden()
      }
    })

    await test.step('an ACH matrix rating two of the passages, written as the notebook stores it', async () => {
      const listed = await page.evaluate(async () => {
        const result = await (window as unknown as { dossier: { listPassages(): Promise<{ ok: boolean; value: { highlight: { id: string; target: { exact: string } } }[] }> } }).dossier.listPassages()
        return result.value.map((p) => ({ id: p.highlight.id, quote: p.highlight.target.exact }))
      })
      const idOf = (quote: string) => listed.find((p) => p.quote === quote)!.id as HighlightId
      const now = new Date().toISOString()
      let m = createAchMatrix({ id: makeAchId('e2e0f1a2b3'), now, question: QUESTION })
      for (const h of HYPOTHESES) m = addHypothesis(m, h)
      m = addEvidence(addEvidence(m, { kind: 'highlight', highlightId: idOf(passages[0]!.quote) }), { kind: 'highlight', highlightId: idOf(passages[1]!.quote) })
      m = rateCell(rateCell(m, 'E1', 'H1', 'C'), 'E1', 'H2', 'II')
      m = rateCell(rateCell(m, 'E2', 'H1', 'I'), 'E2', 'H2', 'N')
      mkdirSync(join(app.notebookDir, 'ach'), { recursive: true })
      writeFileSync(join(app.notebookDir, 'ach', `${m.id}.json`), JSON.stringify(m, null, 2))
    })

    const composer = page.getByRole('region', { name: 'Briefing' })
    const controls = composer.getByRole('group', { name: 'Figures and analysis' })
    const preview = composer.getByRole('region', { name: 'Figures and analysis preview' })

    await test.step('compose: a timeline and a map of the whole briefing, and the matrix', async () => {
      await page.getByRole('tab', { name: 'Briefings' }).click()
      await composer.getByRole('button', { name: 'New briefing' }).first().click()
      await expect(page.getByRole('status')).toContainText('Created briefing')
      await controls.getByRole('combobox', { name: 'Add figure…' }).selectOption({ label: 'Timeline of the whole briefing' })
      await expect(controls.getByRole('list', { name: 'Figures' })).toContainText('F1 Timeline (whole briefing)')
      await controls.getByRole('combobox', { name: 'Add figure…' }).selectOption({ label: 'Map of the whole briefing' })
      await controls.getByRole('combobox', { name: 'Add ACH matrix…' }).selectOption({ label: `${QUESTION} (2 hypotheses, 2 rows)` })
      await expect(controls.getByRole('list', { name: 'ACH matrices' })).toContainText(QUESTION)
      // The preview draws the figures in main (event dates, the basemap, the matrix): on a busy machine that takes a while the first time.
      await expect(preview.getByRole('img', { name: /^Timeline: 3 passages placed by event date, 11 December 2024 – 22 January 2025/ })).toBeVisible({ timeout: 60_000 })
      await expect(preview.getByRole('img', { name: /^Map: \d+ places? named by the passages: .*Tartus/ })).toBeVisible({ timeout: 60_000 })
      await expect(preview).toContainText('Figure 1. Timeline of the passages of the briefing by event date')
      await expect(preview).toContainText(`Leading: H1 ${HYPOTHESES[0]}.`, { timeout: 60_000 })
      await expect(preview).toContainText('The lead hinges on E1.')
    })

    await test.step('both sizes, both themes: nothing out of view, no serious accessibility violation', async () => {
      for (const size of [{ width: 1280, height: 800 }, { width: 1024, height: 640 }]) {
        await page.setViewportSize(size)
        for (const [part, shown] of [['controls', controls], ['preview', preview]] as const) {
          await shown.scrollIntoViewIfNeeded()
          for (const colorScheme of ['light', 'dark'] as const) {
            await page.emulateMedia({ colorScheme })
            const label = `briefing-figures-${part}-${size.width}x${size.height}-${colorScheme}-${app.mode}`
            await keepScreenshot(page, label)
            expect.soft(await outOfView(page), `out of view: ${label}`).toEqual([])
            expect.soft(await seriousViolations(page), `axe: ${label}`).toEqual([])
          }
        }
      }
      await page.emulateMedia({ colorScheme: null })
    })

    await test.step('export the PDF: qpdf --check, its text, its pages as PNG', async () => {
      const pdfPath = join(app.tempDir, 'Figures.pdf')
      const dialog = page.getByRole('dialog', { name: 'Export briefing' })
      await composer.getByRole('button', { name: 'Export…' }).click()
      // No handling line: the composer asks first.
      await page.getByRole('button', { name: 'Export without one' }).click()
      await expect(dialog).toBeVisible()
      await app.answerDialogs({ exportPath: [pdfPath] })
      await dialog.getByRole('button', { name: 'Export', exact: true }).click()
      await expect(dialog.getByRole('status')).toContainText('Briefing exported to', { timeout: 60_000 })
      test.skip(!has('pdftotext') || spawnSync('qpdf', ['--version']).error !== undefined, 'poppler-utils or qpdf is not installed')
      const text = checkAndReadPdf(pdfPath)
      for (const expected of [
        'Figure 1. Timeline of the passages of the briefing by event date',
        'Figure 2. Places named in the passages of the briefing',
        'Legend. [n]: the source, numbered as in the Sources list.',
        'Legend. Circle area follows the passages naming the place',
        'Analysis of competing hypotheses',
        `Matrix 1. ${QUESTION}`,
        ...HYPOTHESES,
        'Ratings: CC very consistent, C consistent, N neutral, I inconsistent, II very inconsistent',
        'SENSITIVE',
      ])
        expect(text, expected).toContain(expected)
      expect(text).toMatch(/Leading: H1 “Russia withdraws for good”/)
      expect(renderPdfPages(pdfPath, 'briefing-figures', app.mode)).toBeGreaterThan(2)
    })
  })
})
