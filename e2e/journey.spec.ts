/**
 * The first user journey, end to end: import the five corpus articles, open the bne
 * IntelliNews article, highlight one sentence with Bases and a comment, add an
 * overlapping highlight with Convoys and pick between the two where they overlap,
 * export the briefing, and read the PDF back with pdftotext.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ARTIFACTS_DIR, CORPUS_DIR, expect, test } from './harness'
import { placeCaretInReader, pointInReaderText, selectTextInReader } from './reader-selection'

const BNE_FILE = '003_993df21826298aa0.txt'
const BNE_TITLE = 'Russia withdraws equipment from Syrian bases, but will not abandon them, in new deal talks with HTS'
const COMMENT = 'Withdrawal began 13 Dec; Moscow negotiating to stay — watch Tartus.'
const OVERLAP = 'two bases in Syria on December 13'

const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

test.describe('first journey', () => {
  test.skip(!existsSync(CORPUS_DIR), `The shared corpus is not at ${CORPUS_DIR} (a user's own checkout); this journey needs its five articles.`)

  test('import the corpus, highlight a sentence with Bases, export a briefing PDF that quotes it', async ({ app }) => {
    const { page } = app
    const corpusFiles = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).map((f) => join(CORPUS_DIR, f))
    expect(corpusFiles).toHaveLength(5)
    const sentence = /Russia began to withdraw substantial amounts of equipment[^.]*\./.exec(readFileSync(join(CORPUS_DIR, BNE_FILE), 'utf8'))?.[0]
    expect(sentence, 'the bne IntelliNews article holds the sentence').toBeTruthy()

    await app.answerDialogs({ importFiles: [corpusFiles] })
    await page.getByRole('banner').getByRole('button', { name: 'Import files' }).click()
    await expect(page.getByRole('status')).toContainText('Imported 5')

    // The library lists articles as options (list) or rows (table); either opens the article.
    const titleStart = new RegExp(BNE_TITLE.slice(0, 40))
    const list = page.getByRole('listbox', { name: 'Library' })
    await expect(list.getByRole('option').or(page.getByRole('table', { name: 'Library' }).getByRole('rowheader'))).toHaveCount(5)
    const option = list.getByRole('option', { name: titleStart })
    if ((await option.count()) > 0) await option.first().click()
    else await page.getByRole('table', { name: 'Library' }).getByRole('row', { name: titleStart }).click()

    const reader = page.getByRole('article')
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(BNE_TITLE)
    await expect(reader).toContainText('bne IntelliNews')

    await selectTextInReader(page, sentence!)
    const toolbar = page.getByRole('toolbar', { name: 'Highlight' })
    await expect(toolbar).toBeVisible()
    await toolbar.getByRole('button', { name: 'Bases' }).click()
    await toolbar.getByRole('textbox', { name: 'Comment' }).fill(COMMENT)
    await toolbar.getByRole('button', { name: 'Save highlight' }).click()
    await expect(toolbar).toBeHidden()

    // Highlights are drawn with the CSS Custom Highlight API; each has a bar in the margin.
    await expect(reader.getByRole('button', { name: /^Highlight: Bases — Russia began to withdraw/ })).toBeVisible()
    await expect(page.getByRole('complementary', { name: 'Highlights' })).toContainText(COMMENT)
    mkdirSync(ARTIFACTS_DIR, { recursive: true })
    await page.screenshot({ path: join(ARTIFACTS_DIR, `reader-highlight-${app.mode}.png`) })

    // A second highlight inside the first: a click where they overlap asks which one.
    await selectTextInReader(page, OVERLAP)
    await expect(toolbar).toBeVisible()
    await page.keyboard.press('2') // the second tag in the codebook: Convoys
    await expect(toolbar.getByRole('button', { name: 'Convoys' })).toHaveAttribute('aria-pressed', 'true')
    await toolbar.getByRole('button', { name: 'Save highlight' }).click()
    await expect(toolbar).toBeHidden()
    await expect(reader.getByRole('button', { name: /^Highlight: / })).toHaveCount(2)

    const point = await pointInReaderText(page, 'December 13')
    await page.mouse.click(point.x, point.y)
    const chooser = page.getByRole('menu', { name: 'Choose a highlight' })
    await expect(chooser.getByRole('menuitem')).toHaveCount(2)
    await expect(chooser.getByRole('menuitem').first()).toHaveText(/^Convoys — two bases in Syria/)
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await page.screenshot({ path: join(ARTIFACTS_DIR, `reader-overlap-${colorScheme}-${app.mode}.png`) })
    }
    await page.emulateMedia({ colorScheme: null })
    await chooser.getByRole('menuitem', { name: /^Convoys/ }).click()
    await expect(toolbar.getByRole('button', { name: 'Remove highlight' })).toBeVisible()
    await expect(toolbar.getByRole('button', { name: 'Convoys' })).toHaveAttribute('aria-pressed', 'true')
    await page.keyboard.press('Escape')
    await expect(toolbar).toBeHidden()

    // From the side panel: Edit highlight opens the toolbar on it.
    const panel = page.getByRole('complementary', { name: 'Highlights' })
    await panel.getByRole('listitem').filter({ hasText: COMMENT }).getByRole('button', { name: 'Edit highlight' }).click()
    await expect(toolbar.getByRole('button', { name: 'Bases' })).toHaveAttribute('aria-pressed', 'true')
    await expect(toolbar.getByRole('textbox', { name: 'Comment' })).toHaveValue(COMMENT)
    await page.keyboard.press('Escape')
    await expect(toolbar).toBeHidden()

    // Keyboard selection: a caret in the text, Shift+End; the toolbar opens and digits toggle tags.
    await placeCaretInReader(page, 'Social media showed video')
    await page.keyboard.press('Shift+End')
    await expect(toolbar).toBeVisible()
    await page.keyboard.press('3')
    await expect(toolbar.getByRole('button', { name: 'Negotiations' })).toHaveAttribute('aria-pressed', 'true')
    await page.keyboard.press('Escape')
    await expect(toolbar).toBeHidden()

    const pdfPath = join(app.tempDir, 'Briefing.pdf')
    // One briefing path: the header's Export briefing opens the composer on a new briefing;
    // its Export asks first about the missing handling line.
    await page.getByRole('banner').getByRole('button', { name: 'Export briefing' }).click()
    const composer = page.getByRole('region', { name: 'Briefing' })
    await composer.getByRole('button', { name: 'Export…' }).click()
    const ask = page.getByRole('dialog', { name: 'No handling line' })
    await expect(ask).toContainText('has no handling line')
    await ask.getByRole('button', { name: 'Export without one' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export briefing' })
    await expect(dialog.getByRole('radio', { name: 'PDF' })).toBeChecked()
    await app.answerDialogs({ exportPath: [pdfPath] })
    await dialog.getByRole('button', { name: 'Export', exact: true }).click()
    await expect(dialog.getByRole('status')).toContainText('Briefing exported')
    expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-')

    const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }))
    expect(text).toContain(squash(sentence!))
    expect(text).toContain(squash(COMMENT))
    expect(text).toContain('Bases')
    expect(text).toContain(BNE_TITLE)
    expect(text).toContain('bne IntelliNews')
  })
})
