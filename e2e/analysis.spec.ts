/**
 * Issue 16 in the app, end to end on the five corpus articles: with passages highlighted
 * and tagged (through the API: highlighting is not what this spec is about), an ACH
 * matrix is built with the KEYBOARD ONLY (the question, three hypotheses, three rows
 * added from the dense passages table with Space, Shift+J and the action bar, ratings
 * typed with PARC ACH's digits), the scores and the sensitive rows are read, a row's
 * passage opens in the reader; then the tag co-occurrence matrix lists the passages
 * behind a count, opens one, and is saved as CSV; last, the matrix goes into a briefing
 * whose PDF is checked (qpdf --check, pdftotext; pages as PNG in test-artifacts/e2e/
 * analysis-briefing); and a claim joins the matrix from the keyboard ("Add claim…"), its
 * row showing its count and weight, opens in the Sources view, and is refused there as a
 * second row of the same matrix. At each stage axe finds no serious
 * violation, nothing is out of view, and screenshots are kept at 1280x800 and 1024x640,
 * light and dark (test-artifacts/e2e/analysis-*).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { CORPUS_DIR, expect, test, type DossierApp } from './harness'
import { checkAndReadPdf, exportBriefingPdf, renderPdfPages } from './pdf-checks'
import { CHECK_SIZES, checkSizesAndThemes } from './layout-checks'

/** Screenshots, layout and axe at both sizes in both themes (layout-checks.ts). */
const check = (app: DossierApp, name: string) => checkSizesAndThemes(app.page, `analysis-${name}`, app.mode)

/** Highlights and tags the first sentence matching each pattern (read from the imported articles, never copied here). */
async function highlightSentences(page: Page, wanted: { pattern: string; tags: string[] }[]): Promise<string[]> {
  return page.evaluate(async (wanted) => {
    type R<T> = { ok: true; value: T } | { ok: false; error: { message: string } }
    const d = (window as unknown as { dossier: Record<string, (a?: unknown) => Promise<R<unknown>>> }).dossier
    const must = <T,>(r: R<unknown>) => {
      if (!r.ok) throw new Error(r.error.message)
      return r.value as T
    }
    const tags = must<{ id: string; name: string }[]>(await d.listTags!())
    const articles = must<{ id: string }[]>(await d.listArticles!())
    const texts = await Promise.all(articles.map(async (a) => ({ id: a.id, text: must<{ text: string }>(await d.getArticle!({ articleId: a.id })).text })))
    const quotes: string[] = []
    for (const w of wanted) {
      const re = new RegExp(w.pattern)
      const hit = texts.map((t) => ({ t, m: re.exec(t.text) })).find((x) => x.m)
      if (!hit?.m) throw new Error(`no sentence matches ${w.pattern}`)
      const tagIds = w.tags.map((name) => tags.find((t) => t.name === name)!.id)
      must(await d.createHighlight!({ articleId: hit.t.id, start: hit.m.index, end: hit.m.index + hit.m[0].length, tagIds, comment: '' }))
      quotes.push(hit.m[0])
    }
    return quotes
  }, wanted)
}

test.describe('structured analysis', () => {
  test.skip(!existsSync(CORPUS_DIR), `The shared corpus is not at ${CORPUS_DIR} (a user's own checkout); this spec reads its articles.`)

  test('an ACH matrix built with the keyboard from the passages table; co-occurrence to the passages behind a count', async ({ app }) => {
    test.setTimeout(300_000)
    const { page } = app
    await page.setViewportSize(CHECK_SIZES[0])
    const files = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).map((f) => join(CORPUS_DIR, f))
    await app.answerDialogs({ importFiles: [files] })
    await page.getByRole('banner').getByRole('button', { name: 'Import files' }).click()
    await expect(page.getByRole('status')).toContainText('Imported 5', { timeout: 60_000 })
    await page.getByRole('button', { name: 'Close import log' }).click()

    const quotes = await highlightSentences(page, [
      { pattern: '[^.\\n]*Tartus[^.\\n]*\\.', tags: ['Bases'] },
      { pattern: '[^.\\n]*(Khmeimim|Hmeimim)[^.\\n]*\\.', tags: ['Bases', 'Convoys'] },
      { pattern: '[^.\\n]*(talks|negotiat)[^.\\n]*\\.', tags: ['Negotiations'] },
      { pattern: '[^.\\n]*convoy[^.\\n]*\\.', tags: ['Convoys'] },
    ])
    const analysis = page.getByRole('region', { name: 'Analysis' })
    const grid = analysis.getByRole('grid')

    await test.step('create a matrix and three hypotheses from the keyboard', async () => {
      await page.keyboard.press('Control+9')
      await expect(page.getByRole('tab', { name: 'Analysis' })).toHaveAttribute('aria-selected', 'true')
      await analysis.getByRole('textbox', { name: 'Question for a new matrix' }).focus()
      await page.keyboard.type('Is Russia leaving its Syrian bases for good?')
      await page.keyboard.press('Enter')
      await expect(analysis.getByRole('heading', { level: 2, name: 'Is Russia leaving its Syrian bases for good?' })).toBeVisible()
      await analysis.getByRole('textbox', { name: 'New hypothesis' }).focus()
      for (const h of ['A full withdrawal', 'A reduced presence kept by a deal', 'A temporary pull-back']) {
        await page.keyboard.type(h)
        await page.keyboard.press('Enter')
        await expect(grid.getByRole('columnheader', { name: new RegExp(h) })).toBeVisible()
      }
    })

    await test.step('add three rows from the dense passages table: Space, Shift+J, the action bar', async () => {
      await page.keyboard.press('Control+3')
      const view = page.getByRole('region', { name: 'Passages' })
      await view.getByRole('button', { name: 'Table' }).focus()
      await page.keyboard.press('Enter')
      const table = view.getByRole('grid', { name: 'Passages' })
      await expect(table.getByRole('row')).toHaveCount(quotes.length + 1)
      await check(app, 'passages-table')
      await table.getByRole('row').nth(1).focus()
      await page.keyboard.press(' ')
      await page.keyboard.press('Shift+J')
      await page.keyboard.press('Shift+J')
      await expect(view.getByText('3 passages selected')).toBeVisible()
      await view.getByRole('button', { name: 'Add to ACH matrix…' }).focus()
      await page.keyboard.press('Enter')
      const dialog = page.getByRole('dialog', { name: 'Add to ACH matrix' })
      await expect(dialog.getByRole('combobox', { name: 'Matrix' })).toBeFocused()
      await page.keyboard.press('Tab')
      await page.keyboard.press('Tab')
      await page.keyboard.press('Enter')
      await expect(page.getByRole('status')).toContainText('Added 3 rows')
    })

    await test.step('rate with the PARC ACH digits; read the scores and the sensitive rows', async () => {
      await page.keyboard.press('Control+9')
      await expect(grid.getByRole('row')).toHaveCount(4)
      await grid.locator('[data-cell="0:1"]').focus()
      // E1: C, II, I · E2: C, C, I · E3: I, C, C  ->  H1 1, H2 2, H3 2; without E1 H2 leads, without E2 H1 and H3 tie.
      const keys = [['2', '5', '4'], ['2', '2', '4'], ['4', '2', '2']]
      for (const [r, row] of keys.entries()) {
        for (const [c, key] of row.entries()) {
          await page.keyboard.press(key)
          await expect(grid.locator(`[data-cell="${r}:${c + 1}"]`)).toHaveText(['CC', 'C', 'N', 'I', 'II'][Number(key) - 1]!)
          if (c < 2) await page.keyboard.press('ArrowRight')
        }
        if (r < 2) {
          await page.keyboard.press('ArrowDown')
          await page.keyboard.press('Home')
          await page.keyboard.press('ArrowRight')
        }
      }
      const scores = analysis.getByRole('region', { name: /Scores/ })
      await expect(scores.getByRole('listitem')).toHaveText([/#1\s*H1 A full withdrawal\s*1$/, /#2\s*H2 .*2$/, /#2\s*H3 .*2$/])
      await expect(scores).toContainText('Leading: H1.')
      await expect(scores).toContainText('Sensitive rows (removing one alone changes the lead): E1 (then H2); E2 (then H1, H3).')
      await expect(grid.locator('[data-row-id="E1"]')).toContainText('◆ sensitive')
      await expect(grid.locator('[data-row-id="E3"]')).not.toContainText('sensitive')
      // 0 marks a cell not applicable; undo (Ctrl+Z) puts the rating back.
      await page.keyboard.press('0')
      await expect(grid.locator('[data-cell="2:3"]')).toHaveText('NA')
      await page.keyboard.press('Control+z')
      await expect(grid.locator('[data-cell="2:3"]')).toHaveText('C')
      await check(app, 'matrix')
    })

    await test.step('Enter on a row’s evidence opens its passage in the reader', async () => {
      const first = (await grid.locator('[data-row-id="E1"] .ach-passage').innerText()).replace(/^“|”$/g, '')
      await grid.locator('[data-cell="0:0"]').focus()
      await page.keyboard.press('Enter')
      await expect(page.getByRole('tab', { name: 'Reader' })).toHaveAttribute('aria-selected', 'true')
      await expect(page.getByRole('article')).toContainText(first.slice(0, 40))
    })

    await test.step('co-occurrence: the passages behind a count open the reader; the grid saves as CSV', async () => {
      await page.keyboard.press('Control+9')
      await analysis.getByRole('tab', { name: 'Tag co-occurrence' }).click()
      const cooc = analysis.getByRole('table', { name: 'Tag × tag' })
      const pair = cooc.getByRole('button', { name: '1: Bases × Convoys' })
      await pair.focus()
      await page.keyboard.press('Enter')
      const behind = analysis.getByRole('region', { name: /1 passage: Bases × Convoys/ })
      await expect(behind.getByRole('button')).toHaveText([`“${quotes[1]!.replace(/\s+/g, ' ').trim()}”`])
      await check(app, 'cooccurrence')
      const out = join(app.tempDir, 'tags.csv')
      await app.answerDialogs({ exportPath: [out] })
      await analysis.getByRole('button', { name: 'Export CSV…' }).click()
      await expect(page.getByRole('status')).toContainText('Saved')
      expect(readFileSync(out, 'utf8')).toContain('Convoys')
      await behind.getByRole('button').first().focus()
      await page.keyboard.press('Enter')
      await expect(page.getByRole('tab', { name: 'Reader' })).toHaveAttribute('aria-selected', 'true')
    })

    await test.step('the matrix in a briefing: the PDF passes qpdf --check, holds hypotheses and ratings as text, and its pages are kept as PNG', async () => {
      const composer = page.getByRole('region', { name: 'Briefing' })
      const controls = composer.getByRole('group', { name: 'Figures and analysis' })
      await page.keyboard.press('Control+5')
      await composer.getByRole('button', { name: 'New briefing' }).first().click()
      await expect(page.getByRole('status')).toContainText('Created briefing')
      await composer.getByRole('textbox', { name: 'Handling line' }).fill('UNCLASSIFIED // FOR TRAINING')
      await controls.getByRole('combobox', { name: 'Add ACH matrix…' }).selectOption({ label: 'Is Russia leaving its Syrian bases for good? (3 hypotheses, 3 rows)' })
      await expect(controls.getByRole('list', { name: 'ACH matrices' })).toContainText('Is Russia leaving its Syrian bases for good?')
      const pdfPath = join(app.tempDir, 'Analysis.pdf')
      await exportBriefingPdf(app, composer, pdfPath)
      const text = checkAndReadPdf(pdfPath)
      for (const expected of ['Analysis of competing hypotheses', 'Matrix 1. Is Russia leaving its Syrian bases for good?', 'A full withdrawal', 'A reduced presence kept by a deal', 'A temporary pull-back', 'SENSITIVE'])
        expect(text, expected).toContain(expected)
      expect(text).toMatch(/Leading: H1 “A full withdrawal”/)
      expect(renderPdfPages(pdfPath, 'analysis-briefing', app.mode)).toBeGreaterThan(1)
    })

    await test.step('a claim as an evidence row: added from the keyboard, its count and weight shown, opened in the Sources view', async () => {
      // The claim is made through the API (claims have their own spec): two supporting passages.
      const sources = await page.evaluate(async (wanted) => {
        type R<T> = { ok: true; value: T } | { ok: false; error: { message: string } }
        const d = (window as unknown as { dossier: Record<string, (a?: unknown) => Promise<R<unknown>>> }).dossier
        const passages = (await d.listPassages!()) as R<{ highlight: { id: string; target: { exact: string } } }[]>
        if (!passages.ok) throw new Error(passages.error.message)
        const ids = wanted.map((q) => passages.value.find((p) => p.highlight.target.exact === q)!.highlight.id)
        const made = (await d.createClaim!({ statement: 'Russian forces are leaving the Syrian coast', passages: ids.map((highlightId) => ({ highlightId, stance: 'supports' })) })) as R<{ value: { id: string } }>
        if (!made.ok) throw new Error(made.error.message)
        const claims = (await d.listClaims!()) as R<{ claim: { id: string }; supporting: { independentSources: number } }[]>
        if (!claims.ok) throw new Error(claims.error.message)
        return claims.value.find((c) => c.claim.id === made.value.value.id)!.supporting.independentSources
      }, [quotes[0]!, quotes[1]!])
      await page.keyboard.press('Control+9')
      await analysis.getByRole('tab', { name: 'Competing hypotheses' }).click()
      await analysis.getByRole('button', { name: 'Add claim…' }).focus()
      await page.keyboard.press('Enter')
      const dialog = page.getByRole('dialog', { name: 'Add claim' })
      const count = sources === 1 ? '1 independent source' : `${sources} independent sources`
      await expect(dialog.getByRole('combobox', { name: 'Claim' })).toBeFocused()
      await expect(dialog.getByRole('combobox', { name: 'Claim' })).toContainText(`Russian forces are leaving the Syrian coast — ${count}`)
      await page.keyboard.press('Tab')
      await page.keyboard.press('Tab')
      await page.keyboard.press('Enter')
      const row = grid.locator('[data-row-id="E4"]')
      await expect(row).toContainText('Claim: Russian forces are leaving the Syrian coast')
      await expect(row).toContainText(count)
      // Ungraded passages: medium, half a PARC level (×2^¼) up per independent source beyond the first, up to three.
      const weight = ['1', '1.19', '1.41'][Math.min(sources, 3) - 1]!
      await expect(row.locator('.ach-weight')).toHaveText(`×${weight}`)
      await row.scrollIntoViewIfNeeded()
      await check(app, 'matrix-claim')
      await row.locator('[data-cell="3:0"]').focus()
      await page.keyboard.press('Enter')
      await expect(page.getByRole('tab', { name: 'Sources' })).toHaveAttribute('aria-selected', 'true')
      const heading = page.getByRole('heading', { level: 3, name: 'Russian forces are leaving the Syrian coast' })
      await expect(heading).toBeFocused()
      // From the Sources view, the same claim again: refused with one line, nothing added.
      const card = page.locator('article.claim-card', { has: heading })
      await card.getByRole('button', { name: 'Add to ACH matrix…' }).focus()
      await page.keyboard.press('Enter')
      const choose = page.getByRole('dialog', { name: 'Add to ACH matrix' })
      await expect(choose.getByRole('combobox', { name: 'Matrix' })).toBeFocused()
      await page.keyboard.press('Tab')
      await page.keyboard.press('Tab')
      await page.keyboard.press('Enter')
      await expect(page.getByRole('status')).toContainText('is already evidence row E4 of this matrix')
      // Undo takes the claim row out again.
      await page.keyboard.press('Control+z')
      await page.keyboard.press('Control+9')
      await expect(grid.getByRole('row')).toHaveCount(4)
    })
  })
})
