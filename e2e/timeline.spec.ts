/**
 * Issue 15 in the app, end to end on the five corpus articles: highlight the three
 * sentences the "Done means" names (and an undated one), read each suggested
 * event date in the reader, correct one (a bad range first: one clear error, nothing
 * changed), undo and redo it, open the timeline (Ctrl+8), follow a mark to the reader,
 * switch it to publication dates (the articles, in lanes by outlet) and follow an article,
 * open the map (View > Map, after adding the starter gazetteer) and follow a place to the
 * reader; then export
 * a briefing with both figures (qpdf --check, pdftotext, its pages as PNG in
 * test-artifacts/e2e/timeline-briefing). At each
 * stage axe-core finds no serious or critical violation, nothing is out of view, and
 * screenshots are kept at 1280x800 and 1024x640 in both themes (test-artifacts/e2e/views/timeline-*).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { CORPUS_DIR, expect, test, type DossierApp } from './harness'
import { checkAndReadPdf, exportBriefingPdf, renderPdfPages } from './pdf-checks'
import { CHECK_SIZES, checkSizesAndThemes } from './layout-checks'
import { openFromLibrary } from './library'
import { selectTextInReader } from './reader-selection'

/** The first sentence of a corpus file that matches, read from the file (never copied here). */
function sentence(file: string, pattern: RegExp): string {
  const found = pattern.exec(readFileSync(join(CORPUS_DIR, file), 'utf8'))?.[0]
  if (!found) throw new Error(`${file} has no sentence matching ${pattern}`)
  return found.trim()
}

/** Screenshots, layout and axe at both sizes in both themes (layout-checks.ts). */
const check = (app: DossierApp, name: string) => checkSizesAndThemes(app.page, `timeline-${name}`, app.mode)

async function highlight(page: Page, quote: string, tag: string): Promise<void> {
  await selectTextInReader(page, quote)
  const toolbar = page.getByRole('toolbar', { name: 'Highlight' })
  await toolbar.getByRole('button', { name: tag }).click()
  await toolbar.getByRole('button', { name: 'Save highlight' }).click()
  await expect(toolbar).toBeHidden()
}

/**
 * Tab from the chart to its mark named like `name`: the marks are drawn on a canvas and
 * reached one at a time by one roving focusable element laid over the current mark.
 */
async function tabToMark(page: Page, chart: Locator, name: RegExp): Promise<Locator> {
  await chart.focus()
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab')
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')
    if (name.test(label)) return chart.getByRole('button', { name })
  }
  throw new Error(`Tab never reached a mark named ${name}`)
}

/** Hovering a mark (by the pointer, over the canvas) shows its tip; the pointer over the lane labels, none. */
async function hoverMark(page: Page, chart: Locator, mark: Locator): Promise<void> {
  const box = await mark.boundingBox()
  const chartBox = await chart.boundingBox()
  if (!box || !chartBox) throw new Error('the mark or the chart has no box')
  await page.mouse.move(chartBox.x + 20, chartBox.y + 40)
  await expect(chart.getByRole('status')).toBeHidden()
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
}

/** The Highlights panel's item of a passage. */
const item = (page: Page, words: string) => page.getByRole('complementary', { name: 'Highlights' }).getByRole('listitem').filter({ hasText: words })

test.describe('event dates, the timeline and the map', () => {
  test.skip(!existsSync(CORPUS_DIR), `The shared corpus is not at ${CORPUS_DIR} (a user's own checkout); this spec reads its articles.`)

  test('suggested dates in the reader, one corrected and undone, the timeline and the map, marks open the reader', async ({ app }) => {
    test.setTimeout(300_000)
    const { page } = app
    await page.setViewportSize(CHECK_SIZES[0])
    const withdraw = sentence('003_993df21826298aa0.txt', /Russia began to withdraw substantial amounts of equipment[^.]*\./)
    const docking = sentence('002_046419e80c949d65.txt', /On January 21 and 22, two Russian vessels[^.]*\./)
    const sparta = sentence('000_55669976acc74c60.txt', /According to the Moscow Times last week[^.]*\./)
    const gibraltar = sentence('001_daa64de3b2e005fd.txt', /[^.]*they both passed through the Strait of Gibraltar[^.]*\./)

    await test.step('import the corpus; the empty timeline says what to do', async () => {
      const files = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).map((f) => join(CORPUS_DIR, f))
      await app.answerDialogs({ importFiles: [files] })
      await page.getByRole('banner').getByRole('button', { name: 'Import files' }).click()
      await expect(page.getByRole('status')).toContainText('Imported 5', { timeout: 60_000 })
      await page.getByRole('button', { name: 'Close import log' }).click()
      await page.keyboard.press('Control+8')
      await expect(page.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true')
      await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('No passages yet')
    })

    await test.step('highlight the three sentences of "Done means" and an undated one; the reader shows each suggestion', async () => {
      await openFromLibrary(page, /Russia withdraws equipment from Syrian bases/)
      await highlight(page, withdraw, 'Bases')
      await expect(item(page, 'Russia began to withdraw')).toContainText('Suggested: 13 December 2024')
      await expect(item(page, 'Russia began to withdraw')).toContainText('from “December 13”')
      await openFromLibrary(page, /Tartous Port/)
      await highlight(page, docking, 'Bases')
      await expect(item(page, 'On January 21 and 22')).toContainText('Suggested: 21 January 2025 – 22 January 2025')
      await openFromLibrary(page, /New Syria government refusing evacuation/)
      await highlight(page, sparta, 'Convoys')
      await expect(item(page, 'Moscow Times')).toContainText('Suggested: 11 December 2024')
      await expect(item(page, 'Moscow Times')).toContainText('rule day+inferred-year')
    })

    await test.step('an undated article leaves "On Tuesday" unresolved, and says why', async () => {
      await page.getByRole('tab', { name: 'Library' }).click()
      const rows = page.getByRole('table', { name: 'Library' }).getByRole('rowgroup').last().getByRole('row')
      for (let i = 0; i < (await rows.count()); i++) {
        await rows.nth(i).click()
        if ((await page.getByRole('article').innerText()).includes('Strait of Gibraltar')) break
        await page.getByRole('tab', { name: 'Library' }).click()
      }
      await highlight(page, gibraltar, 'Convoys')
      await expect(item(page, 'Strait of Gibraltar')).toContainText('Unresolved: “On Tuesday” is relative and')
    })

    await test.step('correct one suggested date: a backwards range is refused, then a range is set; undo and redo', async () => {
      await openFromLibrary(page, /Russia withdraws equipment from Syrian bases/)
      const line = item(page, 'Russia began to withdraw')
      await line.getByRole('button', { name: 'Change' }).click()
      const field = line.getByRole('textbox', { name: 'Event date' })
      await field.fill('2024-12-14/2024-12-12')
      await field.press('Enter')
      await expect(line.getByRole('alert')).toHaveText('The event date ends (2024-12-12) before it starts (2024-12-14). Nothing was changed.')
      await line.scrollIntoViewIfNeeded()
      await check(app, 'reader-correcting')
      await field.fill('2024-12-12/2024-12-14')
      await field.press('Enter')
      await expect(line).toContainText('12 December 2024 – 14 December 2024')
      await expect(line).toContainText('set by you')
      await page.getByRole('heading', { level: 1 }).click()
      await page.keyboard.press('Control+z')
      await expect(line).toContainText('Suggested: 13 December 2024')
      await page.keyboard.press('Control+Shift+z')
      await expect(line).toContainText('12 December 2024 – 14 December 2024')
    })

    const view = page.getByRole('region', { name: 'Timeline' })
    await test.step('the timeline: three passages placed, the unresolved one counted with its reason; a mark opens the reader', async () => {
      await page.keyboard.press('Control+8')
      const chart = view.getByRole('group', { name: /Timeline of 3 passages/ })
      await expect(chart).toBeVisible()
      await expect(view).toContainText('3 passages placed; 1 passage without an event date')
      await expect(chart.locator('canvas.timeline-marks')).toHaveAttribute('data-mark-count', '3')
      await check(app, 'timeline')
      const mark = await tabToMark(page, chart, /2025-01-21 to 2025-01-22/)
      await hoverMark(page, chart, mark)
      await expect(chart.getByRole('status')).toContainText('21 January 2025 – 22 January 2025')
      await expect(chart.getByRole('status')).toContainText("Tartous Port")
      await mark.focus()
      await page.keyboard.press('+')
      await page.keyboard.press('-')
      await page.keyboard.press('ArrowLeft')
      await page.keyboard.press('0')
      await chart.getByRole('button', { name: /2025-01-21 to 2025-01-22/ }).focus()
      await page.keyboard.press('Enter')
      await expect(page.getByRole('tab', { name: 'Reader' })).toHaveAttribute('aria-selected', 'true')
      await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toContainText('Tartous Port')
    })

    await test.step('publication dates: the dated articles, with or without passages, in lanes by outlet; hover names title and outlet, Enter opens the article', async () => {
      await page.keyboard.press('Control+8')
      await view.getByRole('combobox', { name: 'Dates' }).selectOption('published')
      // Of the five corpus articles three state a publication date.
      const chart = view.getByRole('group', { name: /Timeline of 3 articles\./ })
      await expect(chart).toBeVisible()
      await expect(view).toContainText('Lanes by outlet')
      await expect(view.locator('.timeline-legend-count')).toHaveText('3 articles placed; 2 articles without a publication date')
      await expect(chart.locator('canvas.timeline-marks')).toHaveAttribute('data-mark-count', '3')
      await check(app, 'published')
      const article = await tabToMark(page, chart, /Tartous Port/)
      await hoverMark(page, chart, article)
      await expect(chart.getByRole('status')).toContainText('Tartous Port')
      await expect(chart.getByRole('status')).toContainText('(published)')
      await expect(chart.getByRole('status')).toContainText('1 passage')
      await article.focus()
      await page.keyboard.press('Enter')
      await expect(page.getByRole('tab', { name: 'Reader' })).toHaveAttribute('aria-selected', 'true')
      await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toContainText('Tartous Port')
    })

    await test.step('the map: empty until the starter gazetteer is added; then places, one listing its passages, which open the reader', async () => {
      await page.keyboard.press('Control+8')
      await view.getByRole('button', { name: 'Map', exact: true }).click()
      await expect(view).toContainText('No place has coordinates: add the starter gazetteer in Entities')
      await check(app, 'map-empty')
      await view.getByRole('button', { name: 'Go to Entities' }).click()
      await page.getByRole('region', { name: 'Entities' }).getByRole('button', { name: /Add the starter gazetteer/ }).first().click()
      await expect(page.getByRole('status')).toContainText('starter gazetteer')
      await page.keyboard.press('Control+8')
      await view.getByRole('button', { name: 'Map', exact: true }).click()
      const tartus = view.getByRole('button', { name: /^Tartus: \d+ passage/ })
      await expect(tartus).toBeVisible()
      await tartus.locator('circle').click()
      const side = view.getByRole('complementary', { name: 'Passages of the place' })
      await expect(side.getByRole('listitem').first()).toBeVisible()
      await check(app, 'map')
      await side.getByRole('button').filter({ hasText: 'On January 21 and 22' }).click()
      await expect(page.getByRole('tab', { name: 'Reader' })).toHaveAttribute('aria-selected', 'true')
    })

    await test.step('a briefing with both figures: the PDF passes qpdf --check, holds their captions, and its pages are kept as PNG', async () => {
      const composer = page.getByRole('region', { name: 'Briefing' })
      const controls = composer.getByRole('group', { name: 'Figures and analysis' })
      const preview = composer.getByRole('region', { name: 'Figures and analysis preview' })
      await page.keyboard.press('Control+5')
      await composer.getByRole('button', { name: 'New briefing' }).first().click()
      await expect(page.getByRole('status')).toContainText('Created briefing')
      await composer.getByRole('textbox', { name: 'Handling line' }).fill('UNCLASSIFIED // FOR TRAINING')
      await controls.getByRole('combobox', { name: 'Add figure…' }).selectOption({ label: 'Timeline of the whole briefing' })
      await controls.getByRole('combobox', { name: 'Add figure…' }).selectOption({ label: 'Map of the whole briefing' })
      await expect(controls.getByRole('list', { name: 'Figures' })).toContainText('F1 Timeline (whole briefing)')
      await expect(preview.getByRole('img', { name: /^Timeline: 3 passages placed by event date/ })).toBeVisible({ timeout: 60_000 })
      await expect(preview.getByRole('img', { name: /^Map: \d+ places? named by the passages: .*Tartus/ })).toBeVisible({ timeout: 60_000 })
      const pdfPath = join(app.tempDir, 'Timeline.pdf')
      await exportBriefingPdf(app, composer, pdfPath)
      const text = checkAndReadPdf(pdfPath)
      expect(text).toContain('Figure 1. Timeline of the passages of the briefing by event date')
      expect(text).toContain('Figure 2. Places named in the passages of the briefing')
      expect(renderPdfPages(pdfPath, 'timeline-briefing', app.mode)).toBeGreaterThan(1)
    })
  })
})
