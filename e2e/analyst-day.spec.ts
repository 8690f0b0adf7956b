/**
 * An analyst's day (issue 5), end to end on the five corpus articles: highlight passages
 * in three articles with the three tags (one by its digit shortcut), add an overlapping
 * highlight with a comment, undo and redo it, rename and merge tags, filter the passages
 * view, search with Ctrl+K for a name typed without its accent and open the result.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { snapshotThemes } from './artifacts'
import { CORPUS_DIR, expect, test } from './harness'
import { openFromLibrary } from './library'
import { selectTextInReader } from './reader-selection'

const TITLES = {
  bne: 'Russia withdraws equipment from Syrian bases, but will not abandon them, in new deal talks with HTS',
  tartous: "Russia's Military Withdrawal Accelerates in Syria's Tartous Port",
  convoy: 'A Russian army convoy was reportedly prevented from coming into Tartus naval base in Syria.',
}

/** The first sentence of a corpus file that matches, read from the file (never copied here). */
function sentence(file: string, pattern: RegExp): string {
  const found = pattern.exec(readFileSync(join(CORPUS_DIR, file), 'utf8'))?.[0]
  if (!found) throw new Error(`${file} has no sentence matching ${pattern}`)
  return found.trim()
}

test.describe('an analyst’s day', () => {
  test.skip(!existsSync(CORPUS_DIR), `The shared corpus is not at ${CORPUS_DIR} (a user's own checkout); this journey reads its articles.`)

  test('highlight, overlap, undo, redo, rename and merge tags, filter passages, search and open a result', async ({ app }) => {
    const { page } = app
    const bneTalks = sentence('003_993df21826298aa0.txt', /Russia began to withdraw substantial amounts of equipment[^.]*\./)
    const sparta = sentence('002_046419e80c949d65.txt', /On January 21 and 22, two Russian vessels[^.]*\./)
    const sohtaoglu = sentence('004_9b752680666e40a6.txt', /Turkish journalist Mete Sohtao[^.]*\./)
    // The overlapping highlight: from "but it has not abandoned" to the end of the sentence.
    const overlap = bneTalks.slice(bneTalks.indexOf('but it has not abandoned'))
    expect(overlap.length).toBeGreaterThan(20)

    const files = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).map((f) => join(CORPUS_DIR, f))
    await app.answerDialogs({ importFiles: [files] })
    await page.getByRole('banner').getByRole('button', { name: 'Import files' }).click()
    await expect(page.getByRole('status')).toContainText('Imported 5')

    await snapshotThemes(page, 'library-view', app.mode)
    const toolbar = page.getByRole('toolbar', { name: 'Highlight' })
    const reader = page.getByRole('article')
    const bars = reader.getByRole('button', { name: /^Highlight: / })

    // 1. Bases in the bne IntelliNews article from the keyboard: 1 then Enter saves it (the
    // shortcuts list says so), wherever focus is in the toolbar.
    await openFromLibrary(page, TITLES.bne)
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLES.bne)
    await selectTextInReader(page, bneTalks)
    await expect(toolbar).toBeVisible()
    await page.keyboard.press('1')
    await expect(toolbar.getByRole('button', { name: 'Bases' })).toHaveAttribute('aria-pressed', 'true')
    await page.keyboard.press('Enter')
    await expect(toolbar).toBeHidden()
    await expect(bars).toHaveCount(1)
    await expect(page.getByRole('complementary', { name: 'Highlights' }).getByRole('list', { name: 'Highlights in text order' })).toContainText('Bases')

    // 2. An overlapping highlight with the mouse: Negotiations and a comment, Save: two bars, side by side.
    await selectTextInReader(page, overlap)
    await toolbar.getByRole('button', { name: 'Negotiations' }).click()
    await toolbar.getByRole('textbox', { name: 'Comment' }).fill('Moscow wants to stay: terms of a new deal?')
    await toolbar.getByRole('button', { name: 'Save highlight' }).click()
    await expect(bars).toHaveCount(2)
    await expect(page.getByRole('complementary', { name: 'Highlights' })).toContainText('Moscow wants to stay')

    // 3. Undo takes the overlapping highlight away, redo puts it back, exactly.
    await page.getByRole('heading', { level: 1 }).click()
    await page.keyboard.press('Control+z')
    await expect(bars).toHaveCount(1)
    await expect(page.getByRole('complementary', { name: 'Highlights' })).not.toContainText('Moscow wants to stay')
    await page.keyboard.press('Control+Shift+z')
    await expect(bars).toHaveCount(2)
    await expect(page.getByRole('complementary', { name: 'Highlights' })).toContainText('Moscow wants to stay')

    // 4. Convoys in two more articles.
    await openFromLibrary(page, TITLES.tartous)
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLES.tartous)
    await selectTextInReader(page, sparta)
    await toolbar.getByRole('button', { name: 'Convoys' }).click()
    await toolbar.getByRole('button', { name: 'Save highlight' }).click()
    await expect(bars).toHaveCount(1)

    await openFromLibrary(page, TITLES.convoy)
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLES.convoy)
    await selectTextInReader(page, sohtaoglu)
    await toolbar.getByRole('button', { name: 'Negotiations' }).click()
    await toolbar.getByRole('textbox', { name: 'Comment' }).fill('Ankara’s pressure — per Sohtaoğlu')
    await toolbar.getByRole('button', { name: 'Save highlight' }).click()
    await expect(bars).toHaveCount(1)

    // 5. Tags: rename Convoys, then merge Negotiations into Bases (and see the counts move).
    await page.getByRole('tab', { name: 'Tags' }).click()
    const codebook = page.getByRole('region', { name: 'Tags' })
    await codebook.getByRole('button', { name: 'Rename Convoys' }).click()
    await codebook.getByRole('textbox', { name: 'New name for Convoys' }).fill('Convoys and ships')
    await codebook.getByRole('textbox', { name: 'New name for Convoys' }).press('Enter')
    await expect(codebook.getByRole('button', { name: 'Rename Convoys and ships' })).toBeVisible()

    await codebook.getByRole('button', { name: 'Merge Negotiations into…' }).click()
    await codebook.getByRole('combobox').selectOption({ label: 'Bases' })
    await codebook.getByRole('button', { name: 'Merge…' }).click()
    await expect(codebook.getByRole('alertdialog')).toContainText('Merge Negotiations (2 highlights) into Bases?')
    await codebook.getByRole('alertdialog').getByRole('button', { name: 'Merge' }).click()
    await expect(codebook.getByRole('button', { name: 'Rename Negotiations' })).toHaveCount(0)
    await expect(codebook.locator('[data-tag-id="t-bases"]')).toContainText('3 highlights')
    await snapshotThemes(page, 'tags-view', app.mode)

    // 6. Passages: all four highlights, grouped by tag; filter to Bases, then by text without accents.
    await page.getByRole('tab', { name: 'Passages' }).click()
    const passages = page.getByRole('region', { name: 'Passages' })
    await expect(passages.getByRole('button', { name: /^“/ })).toHaveCount(4)
    await snapshotThemes(page, 'passages-view', app.mode)
    const filters = passages.getByRole('group', { name: 'Passage filters' })
    await filters.getByRole('checkbox', { name: 'Bases' }).check()
    await expect(passages.getByRole('button', { name: /^“/ })).toHaveCount(3)
    await filters.getByRole('searchbox', { name: 'Filter passages' }).fill('sohtaoglu')
    await expect(passages.getByRole('button', { name: /^“/ })).toHaveCount(1)
    await expect(passages).toContainText('Ankara’s pressure — per Sohtaoğlu')

    // 7. Search with Ctrl+K, accents and case ignored; Enter opens the passage in context.
    await page.keyboard.press('Control+k')
    const search = page.getByRole('dialog', { name: 'Search' })
    await search.getByRole('searchbox', { name: 'Search the notebook' }).fill('SOHTAOGLU ankara')
    const results = search.getByRole('listbox', { name: 'Search results' })
    await expect(results.getByRole('option').first()).toBeVisible()
    await expect(results.getByRole('option').first().locator('mark').first()).toBeVisible()
    await snapshotThemes(page, 'search-dialog', app.mode)
    await search.getByRole('searchbox', { name: 'Search the notebook' }).press('Enter')
    await expect(search).toBeHidden()
    await expect(page.getByRole('tab', { name: 'Reader' })).toHaveAttribute('aria-selected', 'true')
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLES.convoy)
    await expect(bars).toHaveCount(1)
  })
})
