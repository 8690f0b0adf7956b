/**
 * Issue 13's journey, end to end (its "Done means"): import invented articles that spell
 * Tartus/Tartous/طرطوس and Khmeimim/Hmeimim (and once "Hmeimeem") differently, highlight
 * four passages, add the starter gazetteer from the Entities view's empty state and read
 * the counts, accept the suggested alias, undo and redo it with the keys, try an alias
 * another entity owns (the dialog says so and nothing changes), import a gazetteer file from
 * the Gazetteer menu (a malformed one first: one error naming it, nothing changed; then a
 * small pack whose known spellings are left out) and undo that, rename, filter Passages by
 * the port and clear the chip, then build a briefing section from the port that holds the
 * passages naming it under any spelling, with the index of entities; finally remove the
 * starter gazetteer and undo that. At each stage axe-core finds no serious or critical
 * violation, nothing is out of view, and screenshots are kept at 1280x800 and 1024x640 in
 * the light and dark theme (test-artifacts/e2e/views/entities-*).
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { dropFiles } from './drop'
import { ARABIC_QUOTE, BASE_QUOTE, ENTITY_ARTICLES, OTHER_QUOTE, PORT_QUOTE } from './fixtures/entities-view-articles'
import { expect, test, type DossierApp } from './harness'
import { keepScreenshot, outOfView, seriousViolations } from './layout-checks'
import { openFromLibrary } from './library'
import { selectTextInReader } from './reader-selection'

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
] as const

/** Screenshots, layout and axe at both sizes in both themes (with `shown` scrolled into view at each size); back to 1280x800 after. */
async function check(app: DossierApp, name: string, shown?: Locator): Promise<void> {
  const { page } = app
  for (const size of SIZES) {
    await page.setViewportSize(size)
    await shown?.scrollIntoViewIfNeeded()
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

test('names from the Entities view to a briefing: starter gazetteer, a suggestion accepted, passages and a briefing section by entity', async ({ app }) => {
  test.setTimeout(300_000)
  const { page } = app
  await page.setViewportSize(SIZES[0])

  await test.step('import two articles and highlight four passages', async () => {
    await dropFiles(page, ENTITY_ARTICLES)
    await expect(page.getByRole('status')).toContainText('Imported 2 articles', { timeout: 60_000 })
    await page.getByRole('button', { name: 'Close import log' }).click()
    await openFromLibrary(page, ENTITY_ARTICLES[0]!.title)
    await highlight(page, PORT_QUOTE)
    await highlight(page, OTHER_QUOTE)
    await openFromLibrary(page, ENTITY_ARTICLES[1]!.title)
    await highlight(page, BASE_QUOTE)
    await highlight(page, ARABIC_QUOTE)
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
    // Tartus twice and Tartous once in the first article (title included), Tartus and طرطوس in the second.
    expect(await counts(table, 'Tartus')).toEqual(['5', '2'])
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

  await test.step('import a gazetteer file: a malformed one changes nothing, a pack adds its entities without the spellings already known; undo takes it back', async () => {
    const rows = table.getByRole('rowgroup').last().getByRole('row')
    const before = await rows.count()
    const broken = join(app.tempDir, 'broken.json')
    await writeFile(broken, '{"version": 1, "entities": [')
    await app.answerDialogs({ gazetteerFile: [broken, join(import.meta.dirname, 'fixtures', 'gazetteer-coast.json')] })
    await view.getByRole('button', { name: 'Gazetteer' }).click()
    await page.getByRole('menuitem', { name: 'Import gazetteer file…' }).click()
    await expect(page.getByRole('status')).toContainText(/The gazetteer file “broken\.json” is not JSON: /)
    await expect(rows).toHaveCount(before)
    await view.getByRole('button', { name: 'Gazetteer' }).click()
    await page.getByRole('menuitem', { name: 'Import gazetteer file…' }).click()
    await expect(page.getByRole('status')).toContainText('Added 2 entities from “gazetteer-coast.json”; 2 spellings already known were left out')
    await expect(rows).toHaveCount(before + 2)
    await expect(table.getByRole('row', { name: 'Port of Jableh', exact: true })).toContainText('Jableh harbour, ميناء جبلة')
    await expect(table.getByRole('row', { name: 'Port of Jableh', exact: true })).not.toContainText('Jableh, ')
    await expect(table.getByRole('row', { name: 'Nayrab Air Base', exact: true })).toContainText('Nairab')
    await expect(table.getByRole('row', { name: 'Nayrab Air Base', exact: true })).not.toContainText('Hmeimeem')
    await check(app, 'gazetteer-imported', table.getByRole('row', { name: 'Nayrab Air Base', exact: true }))
    await page.locator('body').focus()
    await page.keyboard.press('Control+z')
    await expect(rows).toHaveCount(before)
    await expect(table.getByRole('row', { name: 'Nayrab Air Base', exact: true })).toHaveCount(0)
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
    expect(await counts(table, 'Port of Tartus')).toEqual(['5', '2'])
    await expect(table.getByRole('row', { name: 'Port of Tartus' })).toContainText('Tartus, Tartous')
  })

  await test.step('Passages: filter by the entity, then clear the chip', async () => {
    await page.getByRole('tab', { name: 'Passages' }).click()
    const passages = page.getByRole('region', { name: 'Passages' })
    const quotes = passages.locator('.passage-quote')
    await expect(quotes).toHaveCount(4)
    const mentions = passages.getByRole('combobox', { name: 'Mentions' })
    await mentions.fill('tartou')
    await expect(passages.getByRole('listbox', { name: 'Entities' }).getByRole('option').first()).toContainText('Port of Tartus')
    await check(app, 'passages-combobox')
    await mentions.press('Enter')
    const chip = passages.getByRole('group', { name: 'Active filter' })
    await expect(chip).toContainText('Mentions: Port of Tartus')
    // Both spellings of the port, the Arabic one too; not the base, not the talks.
    await expect(quotes).toHaveCount(2)
    await expect(passages).toContainText(PORT_QUOTE)
    await expect(passages).toContainText(ARABIC_QUOTE)
    await check(app, 'passages-filtered')
    await chip.getByRole('button', { name: 'Clear filter Mentions: Port of Tartus' }).click()
    await expect(quotes).toHaveCount(4)
    await expect(passages.getByRole('combobox', { name: 'Mentions' })).toBeFocused()
  })

  await test.step('Briefings: a section built from the port holds every passage naming it, with the index of entities', async () => {
    await page.getByRole('tab', { name: 'Briefings' }).click()
    const composer = page.getByRole('region', { name: 'Briefing' })
    await composer.getByRole('button', { name: 'New briefing' }).first().click()
    await expect(page.getByRole('status')).toContainText('Created briefing')
    // Only the entity's section: untick the tag's.
    await composer.getByRole('checkbox', { name: 'Bases', exact: true }).uncheck()
    // The entity combobox: found by another spelling, chosen with the keys.
    const add = composer.getByRole('combobox', { name: 'Add section from entity…' })
    await add.focus()
    await add.fill('tartous')
    const offered = composer.getByRole('listbox', { name: 'Entities' }).getByRole('option')
    // The port first (more articles), then the naval facility, "Tartous naval base".
    await expect(offered).toHaveCount(2)
    await expect(offered.first()).toContainText('Port of Tartus')
    await expect(offered.first()).toContainText('Place · port · 5 mentions')
    await check(app, 'briefing-combobox', add)
    await add.press('Enter')
    await expect(add).toHaveValue('')
    await expect(add).toBeFocused()
    const section = composer.getByRole('list', { name: 'Sections' }).getByRole('listitem', { name: 'Section Port of Tartus' })
    await expect(section.getByRole('heading', { level: 3 })).toHaveText('§1 Port of Tartus')
    await expect(section.getByRole('list', { name: 'Passages in Port of Tartus' }).getByRole('blockquote')).toHaveText([PORT_QUOTE, ARABIC_QUOTE])
    await expect(section).toContainText(/Passages that mention Port of Tartus \(also written [^)]*Tartous[^)]*طرطوس/)
    await expect(composer).not.toContainText(BASE_QUOTE)
    await composer.getByRole('checkbox', { name: 'Index of entities (at the end of the PDF)' }).check()
    await expect(composer.getByRole('checkbox', { name: 'Port of Tartus' })).toBeChecked()
    await expect(composer.getByText('2 passages from 2 sources')).toBeVisible()
    await check(app, 'briefing-controls', composer.getByRole('group', { name: 'Sections (entities)' }))
    await check(app, 'briefing-section', section)
  })

  await test.step('the starter gazetteer can be removed again, and that is undoable too', async () => {
    await page.getByRole('tab', { name: 'Entities' }).click()
    await view.getByRole('button', { name: 'Gazetteer' }).click()
    await page.getByRole('menuitem', { name: 'Remove the starter gazetteer' }).click()
    await expect(view.getByRole('heading', { name: 'No entities yet' })).toBeVisible()
    await page.locator('body').focus()
    await page.keyboard.press('Control+z')
    await expect.poll(() => counts(table, 'Port of Tartus')).toEqual(['5', '2'])
  })
})
