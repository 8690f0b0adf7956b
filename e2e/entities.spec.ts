/**
 * Issue 13, item 7, end to end: import invented articles that spell Tartus/Tartous and
 * Khmeimim/Hmeimim (and once "Hmeimeem") differently, highlight three passages, add the
 * starter gazetteer from the Entities view's empty state and read the counts, accept the
 * suggested alias, undo and redo it with the keys, try an alias another entity owns (the
 * dialog says so and nothing changes), rename, then filter Passages by the port and clear
 * the chip. At each stage axe-core finds no serious or critical violation, nothing is out
 * of view, and screenshots are kept at 1280x800 and 1024x640 in the light and dark theme
 * (test-artifacts/e2e/views/entities-*).
 */
import type { Locator, Page } from '@playwright/test'
import { dropFiles } from './drop'
import { BASE_QUOTE, ENTITY_ARTICLES, OTHER_QUOTE, PORT_QUOTE } from './fixtures/entities-view-articles'
import { expect, test, type DossierApp } from './harness'
import { keepScreenshot, outOfView, seriousViolations } from './layout-checks'
import { openFromLibrary } from './library'
import { selectTextInReader } from './reader-selection'

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
] as const

/** Screenshots, layout and axe at both sizes in both themes; back to 1280x800 after. */
async function check(app: DossierApp, name: string): Promise<void> {
  const { page } = app
  for (const size of SIZES) {
    await page.setViewportSize(size)
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      const label = `${name} at ${size.width}x${size.height}, ${colorScheme}`
      await keepScreenshot(page, `entities-${name}-${size.width}x${size.height}-${colorScheme}-${app.mode}`)
      expect.soft(await outOfView(page), `out of view: ${label}`).toEqual([])
      expect.soft(await seriousViolations(page), `axe: ${label}`).toEqual([])
      // The row actions stick to the right edge: a table wider than its box would hide a column under them.
      const table = page.locator('.entity-table-scroll')
      if ((await table.count()) > 0) expect.soft(await table.evaluate((el) => el.scrollWidth - el.clientWidth), `table scrolls sideways: ${label}`).toBeLessThanOrEqual(1)
    }
  }
  await page.emulateMedia({ colorScheme: null })
  await page.setViewportSize(SIZES[0])
}

async function highlight(page: Page, quote: string): Promise<void> {
  await selectTextInReader(page, quote)
  const toolbar = page.getByRole('toolbar', { name: 'Highlight' })
  await toolbar.getByRole('button', { name: 'Bases' }).click()
  await toolbar.getByRole('button', { name: 'Save highlight' }).click()
  await expect(toolbar).toBeHidden()
}

/** The Mentions and Articles cells of an entity's row. */
async function counts(table: Locator, name: string): Promise<[string, string]> {
  const cells = table.getByRole('row', { name, exact: true }).getByRole('cell')
  return [(await cells.nth(2).innerText()).trim(), (await cells.nth(3).innerText()).trim()]
}

test('the Entities view: starter gazetteer, counts, a suggestion accepted and undone, rename, passages by entity', async ({ app }) => {
  test.setTimeout(240_000)
  const { page } = app
  await page.setViewportSize(SIZES[0])

  await test.step('import two articles and highlight three passages', async () => {
    await dropFiles(page, ENTITY_ARTICLES)
    await expect(page.getByRole('status')).toContainText('Imported 2 articles', { timeout: 60_000 })
    await page.getByRole('button', { name: 'Close import log' }).click()
    await openFromLibrary(page, ENTITY_ARTICLES[0]!.title)
    await highlight(page, PORT_QUOTE)
    await highlight(page, OTHER_QUOTE)
    await openFromLibrary(page, ENTITY_ARTICLES[1]!.title)
    await highlight(page, BASE_QUOTE)
  })

  const view = page.getByRole('region', { name: 'Entities' })
  const table = view.getByRole('table', { name: 'Entities' })
  const suggestions = view.getByRole('complementary', { name: 'Suggestions' })

  await test.step('the empty view offers the starter gazetteer; adding it counts every spelling', async () => {
    await page.keyboard.press('Control+6')
    await expect(page.getByRole('tab', { name: 'Entities' })).toHaveAttribute('aria-selected', 'true')
    await expect(view.getByRole('heading', { name: 'No entities yet' })).toBeVisible()
    await check(app, 'empty')
    await view.getByRole('button', { name: 'Add the starter gazetteer (Russia in Syria: bases, ports, ships, people)' }).click()
    await expect(page.getByRole('status')).toContainText(/Added \d+ entities of the starter gazetteer/)
    // Tartus twice and Tartous once in the first article (title included), Tartus once in the second.
    expect(await counts(table, 'Tartus')).toEqual(['4', '2'])
    expect(await counts(table, 'Khmeimim Air Base')).toEqual(['2', '2'])
    await expect(suggestions.getByRole('listitem').filter({ hasText: '“Hmeimeem” may be Khmeimim Air Base' })).toBeVisible()
    await expect(suggestions).toContainText('Local residents, who call the base Hmeimeem')
  })

  await test.step('sorting and the filter box', async () => {
    await table.getByRole('button', { name: 'Mentions' }).click()
    await expect(table.getByRole('columnheader', { name: 'Mentions' })).toHaveAttribute('aria-sort', 'descending')
    await expect(table.getByRole('rowgroup').last().getByRole('row').first()).toHaveAccessibleName('Tartus')
    await view.getByRole('searchbox', { name: 'Filter entities' }).fill('hmeim')
    await expect(table.getByRole('rowgroup').last().getByRole('row')).toHaveCount(1)
    await check(app, 'table')
    await view.getByRole('searchbox', { name: 'Filter entities' }).fill('')
  })

  await test.step('accept the suggestion, undo it and redo it with the keys', async () => {
    await suggestions.getByRole('button', { name: 'Accept Hmeimeem → Khmeimim Air Base' }).click()
    await expect(page.getByRole('status')).toContainText('“Hmeimeem” added as an alias of Khmeimim Air Base')
    await expect.poll(() => counts(table, 'Khmeimim Air Base')).toEqual(['3', '2'])
    await expect(suggestions.getByText('“Hmeimeem” may be')).toHaveCount(0)
    await page.locator('body').focus()
    await page.keyboard.press('Control+z')
    await expect.poll(() => counts(table, 'Khmeimim Air Base')).toEqual(['2', '2'])
    await expect(suggestions.getByRole('button', { name: 'Accept Hmeimeem → Khmeimim Air Base' })).toBeVisible()
    await page.keyboard.press('Control+Shift+z')
    await expect.poll(() => counts(table, 'Khmeimim Air Base')).toEqual(['3', '2'])
    await expect(suggestions).toContainText('No suggestions')
  })

  await test.step('an alias another entity owns is refused in the dialog; a rename keeps the old name', async () => {
    await table.getByRole('row', { name: 'Tartus', exact: true }).focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Edit Tartus' })
    await expect(dialog).toBeVisible()
    await dialog.getByRole('textbox', { name: 'New alias' }).fill('Hmeimim')
    await dialog.getByRole('textbox', { name: 'New alias' }).press('Enter')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog.getByRole('alert')).toHaveText('“Hmeimim” already belongs to Khmeimim Air Base (as “Hmeimim”).')
    await check(app, 'edit-refused')
    await dialog.getByRole('button', { name: 'Remove alias Hmeimim' }).click()
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Port of Tartus')
    await expect(dialog.getByRole('checkbox', { name: 'Keep “Tartus” as an alias' })).toBeChecked()
    await dialog.getByRole('textbox', { name: 'Name' }).press('Enter')
    await expect(dialog).toBeHidden()
    await expect(page.getByRole('status')).toContainText('Entity Port of Tartus saved')
    expect(await counts(table, 'Port of Tartus')).toEqual(['4', '2'])
    await expect(table.getByRole('row', { name: 'Port of Tartus' })).toContainText('Tartus, Tartous')
  })

  await test.step('Passages: filter by the entity, then clear the chip', async () => {
    await page.getByRole('tab', { name: 'Passages' }).click()
    const passages = page.getByRole('region', { name: 'Passages' })
    const quotes = passages.locator('.passage-quote')
    await expect(quotes).toHaveCount(3)
    const mentions = passages.getByRole('combobox', { name: 'Mentions' })
    await mentions.fill('tartou')
    await expect(passages.getByRole('listbox', { name: 'Entities' }).getByRole('option').first()).toContainText('Port of Tartus')
    await check(app, 'passages-combobox')
    await mentions.press('Enter')
    const chip = passages.getByRole('group', { name: 'Active filter' })
    await expect(chip).toContainText('Mentions: Port of Tartus')
    await expect(quotes).toHaveCount(1)
    await expect(quotes.first()).toContainText(PORT_QUOTE)
    await check(app, 'passages-filtered')
    await chip.getByRole('button', { name: 'Clear filter Mentions: Port of Tartus' }).click()
    await expect(quotes).toHaveCount(3)
    await expect(passages.getByRole('combobox', { name: 'Mentions' })).toBeFocused()
  })

  await test.step('the starter gazetteer can be removed again, and that is undoable too', async () => {
    await page.getByRole('tab', { name: 'Entities' }).click()
    await view.getByRole('button', { name: 'Gazetteer' }).click()
    await page.getByRole('menuitem', { name: 'Remove the starter gazetteer' }).click()
    await expect(view.getByRole('heading', { name: 'No entities yet' })).toBeVisible()
    await page.locator('body').focus()
    await page.keyboard.press('Control+z')
    await expect.poll(() => counts(table, 'Port of Tartus')).toEqual(['4', '2'])
  })
})
