/**
 * Names in the reader and in search (issue 13, items 6 and 7), on invented articles that
 * spell the port Tartus, Tartous and طرطوس and the air base Hmeimim and Khmeimim, with the
 * starter gazetteer added through the API (as the app's own flow would call it): the names
 * panel lists an article's entities with counts; pressing one marks its mentions in the
 * text (over two overlapping highlights), steps between them and shows the entity card;
 * hovering a mention shows the card; Escape hides it, then clears the marks; an article
 * naming nothing known says so. Search "Hmeimim" says what else it matched, and "Exact
 * spelling" searches only that spelling; the Mentions filter keeps the articles naming
 * an entity. At 1280x800 and 1024x640 in both themes: no
 * serious or critical axe violation, nothing out of view, screenshots kept
 * (test-artifacts/e2e/views/reader-entities-*).
 */
import type { Page } from '@playwright/test'
import type { DossierApi } from '../src/core/api'
import { dropFiles } from './drop'
import { COAST, ENTITY_ARTICLES, FLIGHTS, RUNWAY, SIGNS_PASSAGE, TARTOUS_PASSAGE, WEATHER } from './fixtures/entity-articles'
import { expect, test } from './harness'
import { keepScreenshot, outOfView, seriousViolations } from './layout-checks'
import { openFromLibrary } from './library'
import { pointInReaderText, selectTextInReader } from './reader-selection'

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
] as const

/** The text of every range in the entity layers, by layer (what the reader marked). */
function markedTexts(page: Page): Promise<{ all: string[]; current: string[] }> {
  return page.evaluate(() => {
    const texts = (name: string) =>
      [...(CSS.highlights.get(name) ?? [])].map((r) => {
        const live = document.createRange()
        live.setStart(r.startContainer, r.startOffset)
        live.setEnd(r.endContainer, r.endOffset)
        return live.toString()
      })
    return { all: texts('dossier-entity'), current: texts('dossier-entity-current') }
  })
}

async function highlight(page: Page, passage: string, tag: string): Promise<void> {
  const toolbar = page.getByRole('toolbar', { name: 'Highlight' })
  await selectTextInReader(page, passage)
  await toolbar.getByRole('button', { name: tag }).click()
  await toolbar.getByRole('button', { name: 'Save highlight' }).click()
  await expect(toolbar).toHaveCount(0)
}

for (const size of SIZES) {
  test(`${size.width}x${size.height}: names in the reader and in search`, async ({ app }) => {
    test.setTimeout(180_000)
    const { page } = app
    await page.setViewportSize(size)
    const check = async (name: string) => {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme })
        const label = `${name} at ${size.width}x${size.height}, ${colorScheme}`
        await keepScreenshot(page, `reader-entities-${name}-${size.width}x${size.height}-${colorScheme}-${app.mode}`)
        expect.soft(await outOfView(page), `out of view: ${label}`).toEqual([])
        expect.soft(await seriousViolations(page), `axe: ${label}`).toEqual([])
      }
      await page.emulateMedia({ colorScheme: null })
    }

    await test.step('import four articles and add the starter gazetteer', async () => {
      await dropFiles(page, ENTITY_ARTICLES.map((a) => ({ name: a.file, text: a.text })))
      await expect(page.getByRole('status')).toContainText('Imported 4 articles')
      await page.getByRole('button', { name: 'Close import log' }).click()
      // The API the page exposes (window.dossier, as the preload builds it), as the app's own flow would call it.
      const added = await page.evaluate(() => (window as unknown as { dossier: Pick<DossierApi, 'addStarterGazetteer'> }).dossier.addStarterGazetteer())
      expect(added.ok).toBe(true)
    })

    const names = page.getByRole('complementary', { name: 'Names in this article' })

    await test.step('an article naming nothing known says so', async () => {
      await openFromLibrary(page, WEATHER)
      await expect(names).toContainText('No known names in this article. Add entities in the Entities view.')
    })

    await test.step('the names panel lists the article’s entities by type, most mentioned first', async () => {
      await openFromLibrary(page, COAST)
      await highlight(page, TARTOUS_PASSAGE, 'Bases')
      await highlight(page, SIGNS_PASSAGE, 'Convoys')
      const places = names.getByRole('region', { name: 'Places' })
      await expect(places.getByRole('button')).toHaveText([/^Tartus\s*4 mentions$/, /^Khmeimim Air Base\s*2 mentions$/, /^Damascus\s*1 mention$/, /^Jableh\s*1 mention$/])
      await check('panel')
    })

    await test.step('pressing a name marks its mentions, steps through them and shows its card', async () => {
      const tartus = names.getByRole('button', { name: /^Tartus/ })
      await tartus.click()
      await expect(tartus).toHaveAttribute('aria-pressed', 'true')
      await expect(names.getByRole('status')).toHaveText('Mention 1 of 4')
      // Every mention is marked, over and around the two overlapping highlights, the first as current.
      await expect.poll(() => markedTexts(page)).toEqual({ all: ['Tartous', 'طرطوس', 'Tartus'], current: ['Tartus'] })
      const card = page.getByRole('tooltip')
      await expect(card).toContainText('Tartus')
      await expect(card).toContainText('Place · port')
      await expect(card).toContainText('Tartous')
      await expect(card).toContainText(/mentions? in 1 article of the notebook/)
      await names.getByRole('button', { name: 'Next' }).click()
      await expect(names.getByRole('status')).toHaveText('Mention 2 of 4')
      await expect.poll(async () => (await markedTexts(page)).current).toEqual(['Tartous'])
      await expect(card).toContainText('Written here as Tartous')
      await check('marked')
      // N from the panel goes on; Escape hides the card, then clears the marks.
      await page.keyboard.press('n')
      await expect(names.getByRole('status')).toHaveText('Mention 3 of 4')
      await page.keyboard.press('Escape')
      await expect(card).toHaveCount(0)
      await expect(tartus).toHaveAttribute('aria-pressed', 'true')
      await page.keyboard.press('Escape')
      await expect(tartus).toHaveAttribute('aria-pressed', 'false')
      await expect.poll(() => markedTexts(page)).toEqual({ all: [], current: [] })
    })

    await test.step('hovering a marked mention shows the card; Escape hides it', async () => {
      const base = names.getByRole('button', { name: /^Khmeimim Air Base/ })
      await base.press('Enter')
      await expect(names.getByRole('status')).toHaveText('Mention 1 of 2')
      await page.keyboard.press('Escape') // hide the card of the current mention
      const card = page.getByRole('tooltip')
      await expect(card).toHaveCount(0)
      const point = await pointInReaderText(page, 'Khmeimim never')
      await page.mouse.move(point.x, point.y)
      await expect(card).toContainText('Khmeimim Air Base')
      await expect(card).toContainText('Written here as Khmeimim')
      await check('hover-card')
      await base.press('Escape')
      await expect(card).toHaveCount(0)
      await base.press('Enter')
      await expect(base).toHaveAttribute('aria-pressed', 'false')
    })

    await test.step('search says which spellings it also matched, and can take the exact one', async () => {
      await page.mouse.move(0, 0)
      await page.keyboard.press('Control+k')
      const search = page.getByRole('dialog', { name: 'Search' })
      await search.getByRole('searchbox', { name: 'Search the notebook' }).fill('Hmeimim')
      const results = search.getByRole('listbox', { name: 'Search results' }).getByRole('option')
      await expect(results.filter({ hasText: /^Article/ })).toHaveCount(3)
      const also = search.getByRole('list', { name: 'Other spellings searched' })
      await expect(also).toContainText('“Hmeimim” also matched:')
      await expect(also).toContainText('Khmeimim (2)')
      await check('search')
      await search.getByRole('checkbox', { name: 'Exact spelling' }).check()
      await expect(results.filter({ hasText: /^Article/ })).toHaveCount(2)
      await expect(results.filter({ hasText: RUNWAY })).toHaveCount(0)
      await expect(also).toHaveCount(0)
      await search.getByRole('checkbox', { name: 'Exact spelling' }).uncheck()
      await expect(results.filter({ hasText: /^Article/ })).toHaveCount(3)
      // The Mentions filter (the Passages picker) keeps the articles that mention Tartus, typed in Arabic.
      const mentions = search.getByRole('combobox', { name: 'Mentions' })
      // Opened empty, the list shows every entity, over the results and past the dialog's edge if need be.
      await search.getByRole('searchbox', { name: 'Search the notebook' }).fill('')
      await mentions.press('ArrowDown')
      await expect(search.getByRole('listbox', { name: 'Entities' }).getByRole('option').first()).toBeVisible()
      await check('search-mentions-open')
      await mentions.fill('طرطوس')
      await mentions.press('Enter')
      await expect(search.getByRole('group', { name: 'Active filter' })).toContainText('Mentions: Tartus')
      await search.getByRole('searchbox', { name: 'Search the notebook' }).fill('Hmeimim')
      await expect(results.filter({ hasText: /^Article/ })).toHaveCount(1)
      await expect(results.first()).toContainText(COAST)
      await expect(results.filter({ hasText: FLIGHTS })).toHaveCount(0)
      await check('search-mentions')
      // Escape closes the dialog.
      await page.keyboard.press('Escape')
      await expect(search).toHaveCount(0)
    })
  })
}
