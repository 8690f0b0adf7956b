/**
 * Issue 13, item 8, end to end: with the starter gazetteer added through the API, a
 * briefing section built from the entity Tartus in the composer holds every highlighted
 * passage that names the port, whichever spelling it uses (Tartus, Tartous, طرطوس), and
 * ends with the index of entities when asked. Axe finds no serious violation; screenshots
 * at 1280x800 and 1024x640 in both themes (test-artifacts/e2e/views/).
 */
import type { Page } from '@playwright/test'
import { dropFiles } from './fixtures/briefing-articles'
import { expect, test } from './harness'
import { keepScreenshot, outOfView, seriousViolations } from './layout-checks'
import { openFromLibrary } from './library'
import { selectTextInReader } from './reader-selection'

// Invented articles (not the corpus): the port under three spellings, and a sentence that names it in none.
const PORT_QUOTE = 'Two supply ships left Tartous before dawn on Monday.'
const ARABIC_QUOTE = 'Harbour signs written طرطوس were repainted this week.'
const CITY_QUOTE = 'Fishermen in Tartus said the quay was quieter than usual.'
const OTHER_QUOTE = 'Convoys on the coastal road thinned out by Wednesday.'
const ARTICLES = [
  { file: 'port-week.txt', title: 'A quiet week at the port', text: ['A quiet week at the port', 'March 3, 2025', '', `${PORT_QUOTE} ${ARABIC_QUOTE}`, '', OTHER_QUOTE].join('\n'), quotes: [PORT_QUOTE, ARABIC_QUOTE, OTHER_QUOTE] },
  { file: 'fishermen.txt', title: 'Fishermen watch the harbour', text: ['Fishermen watch the harbour', 'March 5, 2025', '', CITY_QUOTE].join('\n'), quotes: [CITY_QUOTE] },
]

async function highlight(page: Page, quote: string): Promise<void> {
  await selectTextInReader(page, quote)
  const toolbar = page.getByRole('toolbar', { name: 'Highlight' })
  await expect(toolbar).toBeVisible()
  await toolbar.getByRole('textbox', { name: 'Comment' }).fill('Port activity.')
  await toolbar.getByRole('button', { name: 'Save highlight' }).click()
  await expect(toolbar).toBeHidden()
}

test('a briefing section built from the entity Tartus holds every spelling of the port', async ({ app }) => {
  test.setTimeout(180_000)
  const { page } = app

  await test.step('import, add the starter gazetteer through the API, highlight four passages', async () => {
    await dropFiles(page, ARTICLES.map((a) => ({ name: a.file, text: a.text })))
    // The first import loads the import pipeline: on a busy machine that takes a while.
    await expect(page.getByRole('status')).toContainText('Imported 2 articles', { timeout: 60_000 })
    await page.getByRole('button', { name: 'Close import log' }).click()
    const added = await page.evaluate(async () => {
      const result = await (window as unknown as { dossier: { addStarterGazetteer(): Promise<{ ok: boolean }> } }).dossier.addStarterGazetteer()
      return result.ok
    })
    expect(added).toBe(true)
    for (const article of ARTICLES) {
      await openFromLibrary(page, article.title)
      for (const quote of article.quotes) await highlight(page, quote)
    }
  })

  const composer = page.getByRole('region', { name: 'Briefing' })
  const sections = composer.getByRole('list', { name: 'Sections' })
  const tartus = sections.getByRole('listitem', { name: 'Section Tartus' })

  await test.step('compose: a section from the entity Tartus and the index of entities', async () => {
    await page.getByRole('tab', { name: 'Briefings' }).click()
    await composer.getByRole('button', { name: 'New briefing' }).first().click()
    await expect(page.getByRole('status')).toContainText('Created briefing')
    // Only the entity's section: untick the untagged passages.
    await composer.getByRole('checkbox', { name: 'Untagged passages (a comment, no tag)' }).uncheck()
    await composer.getByRole('combobox', { name: 'Add section from entity…' }).selectOption({ label: 'Tartus (Tartous, Tartouss, طرطوس, …)' })
    await expect(tartus).toBeVisible()
    await expect(tartus.getByRole('heading', { level: 3 })).toHaveText('§1 Tartus')
    await expect(tartus.getByRole('list', { name: 'Passages in Tartus' }).getByRole('blockquote')).toHaveText([PORT_QUOTE, ARABIC_QUOTE, CITY_QUOTE])
    await expect(tartus).toContainText('Passages that mention Tartus (also written Tartous, Tartouss, طرطوس, Тартус).')
    await expect(composer).not.toContainText(OTHER_QUOTE)
    await composer.getByRole('checkbox', { name: 'Index of entities (at the end of the PDF)' }).check()
    await expect(composer.getByRole('checkbox', { name: 'Tartus' })).toBeChecked()
    await expect(composer.getByText('3 passages from 2 sources')).toBeVisible()
  })

  await test.step('both sizes, both themes: nothing out of view, no serious accessibility violation', async () => {
    const controls = composer.getByRole('group', { name: 'Sections (entities)' })
    for (const size of [{ width: 1280, height: 800 }, { width: 1024, height: 640 }]) {
      await page.setViewportSize(size)
      for (const [part, shown] of [['controls', controls], ['section', tartus]] as const) {
        await shown.scrollIntoViewIfNeeded()
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme })
          const label = `briefing-entity-${part}-${size.width}x${size.height}-${colorScheme}-${app.mode}`
          await keepScreenshot(page, label)
          expect.soft(await outOfView(page), `out of view: ${label}`).toEqual([])
          expect.soft(await seriousViolations(page), `axe: ${label}`).toEqual([])
        }
      }
    }
    await page.emulateMedia({ colorScheme: null })
  })
})
