/**
 * Issue 6, end to end: highlight passages in invented articles, compose a briefing
 * (title block, sections chosen and ordered, a passage reordered by keyboard, one
 * excluded, a section note, cross-references), undo and redo a change, export it as PDF,
 * Markdown, CSV and W3C annotations and read each file back, then try bad targets.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import {
  ARABIC_COMMENT,
  ARTICLES,
  BASES_QUOTE,
  CONVOY_QUOTE,
  dropFiles,
  LEASE_QUOTE,
  RUNWAY_QUOTE,
  TALKS_QUOTE,
} from './fixtures/briefing-articles'
import { ARTIFACTS_DIR, expect, test } from './harness'
import { snapshotThemes } from './artifacts'
import { openFromLibrary } from './library'
import { selectTextInReader } from './reader-selection'

const TITLE = 'Russian bases in Syria — week 10'
const AUTHOR = 'Desk analyst Sohtaoğlu'
const HANDLING = 'UNCLASSIFIED // FOR TRAINING'
const KEY_JUDGMENTS = 'Moscow is keeping both bases staffed while it negotiates; convoys are thinning out, not stopping.'
const BASES_NOTE = 'Both bases show signs of continued use; the lease question is covered under Negotiations.'

const squash = (s: string) => s.replace(/\s+/g, ' ').trim()
/** The PDF's text; `raw` keeps the content stream's (logical) order, without pdftotext's bidi marks. */
const pdfText = (path: string, raw = false) =>
  squash(execFileSync('pdftotext', ['-enc', 'UTF-8', ...(raw ? ['-raw'] : []), path, '-'], { encoding: 'utf8' })).replace(/[\u202a-\u202e\u2066-\u2069]/g, '')

/** The "emb" column of `pdffonts`, one value per font (located by the header's dashed rule). */
function embeddedColumn(path: string): string[] {
  const lines = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n')
  const rule = lines.findIndex((l) => l.startsWith('---'))
  const columns = [...lines[rule]!.matchAll(/-+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }))
  const emb = columns[[...lines[rule - 1]!.matchAll(/\S+/g)].findIndex((m) => m[0] === 'emb')]!
  return lines.slice(rule + 1).filter((l) => l.trim()).map((l) => l.slice(emb.start, emb.end).trim())
}

async function highlight(page: Page, quote: string, tags: string[], comment: string): Promise<void> {
  await selectTextInReader(page, quote)
  const toolbar = page.getByRole('toolbar', { name: 'Highlight' })
  await expect(toolbar).toBeVisible()
  for (const tag of tags) await toolbar.getByRole('button', { name: tag }).click()
  await toolbar.getByRole('textbox', { name: 'Comment' }).fill(comment)
  await toolbar.getByRole('button', { name: 'Save highlight' }).click()
  await expect(toolbar).toBeHidden()
}

/** The quotes of a section's (included) passages, in the order shown. */
const quotesIn = (section: Locator, tag: string) => section.getByRole('list', { name: `Passages in ${tag}` }).getByRole('blockquote')

test('compose a briefing, undo and redo, export it in four formats, refuse bad targets', async ({ app }) => {
  test.setTimeout(180_000)
  const { page } = app

  await test.step('import two articles and highlight five passages', async () => {
    await dropFiles(page, ARTICLES.map((a) => ({ name: a.file, text: a.text })))
    // The first import loads the import pipeline: on a busy machine that takes a while.
    await expect(page.getByRole('status')).toContainText('Imported 2 articles', { timeout: 60_000 })
    for (const article of ARTICLES) {
      await openFromLibrary(page, article.title)
      await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(article.title)
      for (const p of article.passages) await highlight(page, p.quote, p.tags, p.comment)
      await expect(page.getByRole('article').getByRole('button', { name: /^Highlight: / })).toHaveCount(article.passages.length)
    }
    await expect(page.getByRole('complementary', { name: 'Highlights' })).toContainText('Maintenance suggests they plan to stay.')
  })

  const composer = page.getByRole('region', { name: 'Briefing' })
  const sections = composer.getByRole('list', { name: 'Sections' })
  const section = (tag: string) => sections.getByRole('listitem', { name: `Section ${tag}` })
  let negotiationsOrder: string[] = []
  let leaseNumber = 0

  await test.step('compose: title block, sections, keyboard reorder, exclude, note, cross-references', async () => {
    await page.getByRole('tab', { name: 'Briefings' }).click()
    await composer.getByRole('button', { name: 'New briefing' }).first().click()
    await expect(page.getByRole('status')).toContainText('Created briefing')

    await composer.getByRole('textbox', { name: 'Title' }).fill(TITLE)
    await composer.getByRole('textbox', { name: 'Author' }).fill(AUTHOR)
    await composer.getByRole('textbox', { name: 'Handling line' }).fill(HANDLING)
    await composer.getByRole('textbox', { name: 'Key judgments' }).fill(KEY_JUDGMENTS)
    await composer.getByRole('textbox', { name: 'Key judgments' }).blur()
    await expect(composer.getByRole('heading', { level: 2, name: TITLE })).toBeVisible()
    await expect(composer.getByRole('navigation', { name: 'Briefings' }).getByRole('button', { name: new RegExp(`^${TITLE} \\d{1,2} [A-Z][a-z]+ \\d{4}`) })).toBeVisible()

    // Every tag starts as a section; unticking Convoys removes its section.
    await expect(section('Convoys')).toBeVisible()
    await expect(section('Convoys').getByRole('blockquote')).toHaveText([CONVOY_QUOTE])
    await composer.getByRole('checkbox', { name: 'Convoys' }).uncheck()
    await expect(section('Convoys')).toHaveCount(0)
    await expect(sections.getByRole('listitem', { name: /^Section / })).toHaveCount(2)

    // Negotiations first: sections in the chosen order.
    await section('Negotiations').getByRole('button', { name: 'Move section up' }).click()
    await expect(sections.getByRole('heading', { level: 3 })).toHaveText(['§1 Negotiations', '§2 Bases'])

    // Alt+ArrowDown on the first passage of Negotiations moves it below the second.
    const before = await quotesIn(section('Negotiations'), 'Negotiations').allTextContents()
    expect([...before].sort()).toEqual([LEASE_QUOTE, TALKS_QUOTE].sort())
    await section('Negotiations').getByRole('list', { name: 'Passages in Negotiations' }).getByRole('listitem').first().focus()
    await page.keyboard.press('Alt+ArrowDown')
    negotiationsOrder = [before[1]!, before[0]!]
    await expect(quotesIn(section('Negotiations'), 'Negotiations')).toHaveText(negotiationsOrder)

    // Exclude the runway passage from Bases: it moves to the excluded list with Include.
    const bases = section('Bases')
    await bases.getByRole('listitem').filter({ hasText: RUNWAY_QUOTE }).getByRole('button', { name: 'Exclude' }).click()
    await expect(quotesIn(bases, 'Bases')).not.toContainText([RUNWAY_QUOTE])
    await expect(bases.getByRole('list', { name: 'Excluded from Bases' }).getByRole('listitem', { name: /^Excluded passage: Crews were seen/ })).toBeVisible()
    await expect(bases.getByRole('list', { name: 'Excluded from Bases' }).getByRole('button', { name: 'Include' })).toBeVisible()

    await bases.getByRole('textbox', { name: 'Note for Bases' }).fill(BASES_NOTE)
    await bases.getByRole('textbox', { name: 'Note for Bases' }).blur()

    // Repeat mode prints the lease passage in both sections; cross-reference mode prints it once.
    await expect(quotesIn(bases, 'Bases')).toContainText([LEASE_QUOTE])
    await composer.getByRole('radio', { name: 'Once, with cross-references' }).check()
    leaseNumber = negotiationsOrder.indexOf(LEASE_QUOTE) + 1
    await expect(bases.getByRole('list', { name: 'Printed in another section' })).toContainText(
      `See passage ${leaseNumber} in §1 Negotiations: “${LEASE_QUOTE}”`,
    )
    await expect(quotesIn(bases, 'Bases')).toHaveText([BASES_QUOTE])
  })

  await test.step('undo reverts the last composer change on screen; redo brings it back', async () => {
    const bases = section('Bases')
    const references = bases.getByRole('list', { name: 'Printed in another section' })
    // Focus is on the radio button, outside any text field: Ctrl+Z is the app's undo.
    await expect(composer.getByRole('radio', { name: 'Once, with cross-references' })).toBeFocused()
    await page.keyboard.press('Control+z')
    await expect(composer.getByRole('radio', { name: 'Repeat passage in each section' })).toBeChecked()
    await expect(references).toHaveCount(0)
    await expect(quotesIn(bases, 'Bases')).toContainText([LEASE_QUOTE])

    // Redo from the header's More menu (below 1500 px Undo and Redo live there).
    await page.getByRole('banner').getByRole('button', { name: 'More' }).click()
    await page.getByRole('menuitem', { name: /^Redo/ }).click()
    await expect(composer.getByRole('radio', { name: 'Once, with cross-references' })).toBeChecked()
    await expect(references).toContainText('See passage')
    await expect(quotesIn(bases, 'Bases')).toHaveText([BASES_QUOTE])
    // The earlier changes are untouched by the undo/redo pair.
    await expect(composer.getByRole('textbox', { name: 'Note for Bases' })).toHaveValue(BASES_NOTE)
    await expect(quotesIn(section('Negotiations'), 'Negotiations')).toHaveText(negotiationsOrder)
  })

  const dialog = page.getByRole('dialog', { name: 'Export briefing' })
  const exportAs = async (format: string, path: string) => {
    await dialog.getByRole('radio', { name: format }).check()
    await app.answerDialogs({ exportPath: [path] })
    await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  }

  await test.step('export as PDF and read it back', async () => {
    const pdfPath = join(app.tempDir, 'Briefing week 10.pdf')
    await snapshotThemes(page, 'briefing-composer', app.mode)
    await composer.getByRole('button', { name: 'Export…' }).click()
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('radio', { name: 'PDF' })).toBeChecked()
    await exportAs('PDF', pdfPath)
    await expect(dialog.getByRole('status')).toContainText(`Briefing exported to ${pdfPath}`)

    const text = pdfText(pdfPath)
    for (const expected of [TITLE, AUTHOR, HANDLING, KEY_JUDGMENTS, BASES_NOTE]) expect(text).toContain(squash(expected))
    const included = ARTICLES.flatMap((a) => a.passages).filter((p) => p.quote !== RUNWAY_QUOTE && p.quote !== CONVOY_QUOTE)
    for (const p of included) {
      expect(text, `quote: ${p.quote}`).toContain(squash(p.quote))
      if (p.comment !== ARABIC_COMMENT) expect(text, `comment: ${p.comment}`).toContain(squash(p.comment))
    }
    // pdftotext's layout mode reads "طرطوس;" (drawn left to right, the ";" after the Arabic
    // word, as a browser shows it) as one right-to-left word; raw mode reads the drawing order.
    expect(pdfText(pdfPath, true)).toContain(squash(ARABIC_COMMENT))
    expect(text).not.toContain(RUNWAY_QUOTE.slice(0, 30))
    expect(text).not.toContain(CONVOY_QUOTE.slice(0, 30))
    // Sections and passages in the chosen order: Negotiations (reordered), then Bases.
    const at = (s: string) => text.indexOf(squash(s))
    expect(at(negotiationsOrder[0]!)).toBeLessThan(at(negotiationsOrder[1]!))
    expect(at(negotiationsOrder[1]!)).toBeLessThan(at(BASES_QUOTE))
    expect(at(BASES_NOTE)).toBeGreaterThan(at(negotiationsOrder[1]!))
    expect(at('§1 Negotiations')).toBeLessThan(at('§2 Bases'))
    // Cross-reference mode: the lease passage is printed once, and Bases points to it.
    expect(text.split(squash(LEASE_QUOTE))).toHaveLength(2)
    expect(text).toContain(`Passage ${leaseNumber} (§1 Negotiations): “Moscow wants to keep`)

    const embedded = embeddedColumn(pdfPath)
    expect(embedded.length).toBeGreaterThan(0)
    expect(embedded.every((e) => e === 'yes'), `pdffonts emb column: ${embedded.join(', ')}`).toBe(true)
    execFileSync('qpdf', ['--check', pdfPath]) // throws on a non-zero exit

    mkdirSync(ARTIFACTS_DIR, { recursive: true })
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfPath, join(ARTIFACTS_DIR, 'briefing-page1')])
    expect(readdirSync(ARTIFACTS_DIR).some((f) => /^briefing-page1-0*1\.png$/.test(f))).toBe(true)

    await app.shellCalls() // installs the recorder in Electron mode
    await dialog.getByRole('button', { name: 'Open', exact: true }).click()
    await dialog.getByRole('button', { name: 'Show in folder' }).click()
    await expect.poll(() => app.shellCalls()).toEqual([
      { action: 'open', path: pdfPath },
      { action: 'show', path: pdfPath },
    ])
  })

  await test.step('export as Markdown, CSV and W3C annotations', async () => {
    const md = join(app.tempDir, 'briefing.md')
    await exportAs('Markdown', md)
    await expect(dialog.getByRole('status')).toContainText(`Briefing exported to ${md}`)
    const markdown = readFileSync(md, 'utf8')
    expect(markdown).toContain(TITLE)
    expect(markdown).toContain(HANDLING)
    expect(markdown).toContain('Sohtaoğlu')
    expect(markdown).toContain(ARABIC_COMMENT)
    expect(markdown).toContain(BASES_NOTE)
    expect(markdown).toContain(`Passage ${leaseNumber} (§1 Negotiations)`)
    expect(markdown).not.toContain(RUNWAY_QUOTE.slice(0, 30))
    const mdAt = (quote: string) => markdown.indexOf(quote.slice(0, 24))
    expect(mdAt(negotiationsOrder[0]!)).toBeGreaterThan(-1)
    expect(mdAt(negotiationsOrder[0]!)).toBeLessThan(mdAt(negotiationsOrder[1]!))
    expect(mdAt(negotiationsOrder[1]!)).toBeLessThan(mdAt(BASES_QUOTE))

    const csvPath = join(app.tempDir, 'briefing.csv')
    await exportAs('CSV', csvPath)
    await expect(dialog.getByRole('status')).toContainText(`Briefing exported to ${csvPath}`)
    const csv = readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, '')
    expect(csv.split('\r\n')[0]).toBe('Article,Outlet,Published,Tags,Quote,Comment,Start,End,Event start,Event end,Event precision,Event date source,Event phrase,Reliability,Credibility,Grade,Attribution,Claims')
    expect(csv).toContain(TALKS_QUOTE.replace(/"/g, '""'))
    expect(csv).toContain(BASES_QUOTE)
    expect(csv).toContain(ARABIC_COMMENT)
    expect(csv).not.toContain(RUNWAY_QUOTE)

    const jsonPath = join(app.tempDir, 'briefing.jsonld')
    await exportAs('W3C annotations (JSON-LD)', jsonPath)
    await expect(dialog.getByRole('status')).toContainText(`Briefing exported to ${jsonPath}`)
    const collection = JSON.parse(readFileSync(jsonPath, 'utf8')) as {
      type: string
      first: { items: { type: string; target: { selector: { type: string; exact?: string }[] } }[] }
    }
    expect(collection.type).toBe('AnnotationCollection')
    expect(collection.first.items.length).toBeGreaterThan(0)
    for (const item of collection.first.items) {
      expect(item.type).toBe('Annotation')
      expect(item.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector'])
    }
    const exacts = collection.first.items.map((i) => i.target.selector[0]!.exact)
    expect(exacts).toContain(BASES_QUOTE)
    expect(exacts).not.toContain(RUNWAY_QUOTE)
  })

  await test.step('bad targets: a missing folder and a reserved character say why and write nothing', async () => {
    const missingDir = join(app.tempDir, 'no-such-folder')
    const missing = join(missingDir, 'briefing.pdf')
    await exportAs('PDF', missing)
    await expect(dialog.getByRole('alert')).toContainText(`the folder ${missingDir} does not exist`)
    expect(existsSync(missingDir)).toBe(false)

    const reserved = join(app.tempDir, 'bad:name?.pdf')
    await exportAs('PDF', reserved)
    await expect(dialog.getByRole('alert')).toContainText('The file name "bad:name?.pdf" contains the character :')
    expect(existsSync(reserved)).toBe(false)
    expect(readdirSync(app.tempDir).filter((f) => f.startsWith('bad'))).toEqual([])
  })
})
