/**
 * Every view at a laptop's 1024x640 and at 1280x800, in the light and the dark theme
 * (issue 12): axe-core finds no serious or critical violation, nothing of the header, the
 * panes, the drawers or the dialogs lies outside the window or is cut off, and a
 * screenshot of each is kept (test-artifacts/e2e/views/). The views: the empty library,
 * library, import log, article details dialog, reader with highlights, highlight toolbar,
 * passages, tags, briefings (composer), the handling-line question, the export dialog,
 * search dialog with its syntax help, shortcuts dialog; and at 900x640 the reader fits.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { CORPUS_DIR, expect, test, type DossierApp } from './harness'
import { keepScreenshot, outOfView, seriousViolations } from './layout-checks'
import { openFromLibrary, showLibrary } from './library'
import { selectTextInReader } from './reader-selection'

const SIZES = [
  { width: 1024, height: 640 },
  { width: 1280, height: 800 },
] as const

const BNE = 'Russia withdraws equipment from Syrian bases, but will not abandon them, in new deal talks with HTS'

/** Imports the corpus folder and a folder with files a folder import skips; highlights two passages; makes a briefing. */
async function prepare(app: DossierApp): Promise<void> {
  const { page } = app
  const extra = join(app.tempDir, 'extra')
  mkdirSync(extra, { recursive: true })
  writeFileSync(join(extra, 'notes.xyz'), 'not an article')
  writeFileSync(join(extra, '.hidden.txt'), 'hidden')
  await app.answerDialogs({ importFiles: [[CORPUS_DIR, extra]] })
  await page.getByRole('main').getByRole('button', { name: 'Import files' }).click()
  await expect(page.getByRole('status')).toContainText('Imported 5 articles')
  await page.getByRole('button', { name: 'Close import log' }).click()

  await openFromLibrary(page, BNE)
  const toolbar = page.getByRole('toolbar', { name: 'Highlight' })
  await selectTextInReader(page, 'Russia began to withdraw substantial amounts of equipment')
  await toolbar.getByRole('button', { name: 'Bases' }).click()
  await toolbar.getByRole('button', { name: 'Negotiations' }).click()
  await toolbar.getByRole('textbox', { name: 'Comment' }).fill('انسحاب روسي من القواعد: what stays?')
  await toolbar.getByRole('button', { name: 'Save highlight' }).click()
  // The save re-draws the article; a selection made before it lands would be dropped with it.
  await expect(page.getByRole('article').getByRole('button', { name: /^Highlight: / })).toHaveCount(1)
  await selectTextInReader(page, 'Social media showed video of columns of trucks')
  await toolbar.getByRole('button', { name: 'Convoys' }).click()
  await toolbar.getByRole('button', { name: 'Save highlight' }).click()
  await expect(page.getByRole('article').getByRole('button', { name: /^Highlight: / })).toHaveCount(2)

  await page.getByRole('button', { name: 'Export briefing' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Briefing' })).toBeVisible()
}

interface ViewStep {
  name: string
  /** Brings the view up; returns what closes it again, if anything. */
  open(page: Page): Promise<(() => Promise<void>) | void>
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name }).click()

const VIEWS: ViewStep[] = [
  {
    name: 'library',
    open: async (page) => {
      await showLibrary(page)
      await expect(page.getByRole('table', { name: 'Library' })).toBeVisible()
    },
  },
  {
    name: 'import-log',
    open: async (page) => {
      await page.getByRole('button', { name: 'More' }).click()
      await page.getByRole('menuitem', { name: 'View import log' }).click()
      await expect(page.getByRole('region', { name: 'Import log' })).toBeVisible()
      return () => page.getByRole('button', { name: 'Close import log' }).click()
    },
  },
  {
    name: 'article-details',
    open: async (page) => {
      await page.getByRole('button', { name: `Edit details of ${BNE}` }).click()
      const dialog = page.getByRole('dialog')
      await expect(dialog).toBeVisible()
      return () => page.keyboard.press('Escape')
    },
  },
  {
    name: 'reader',
    open: async (page) => {
      await openFromLibrary(page, BNE)
      await expect(page.getByRole('article').getByRole('button', { name: /^Highlight: / })).toHaveCount(2)
    },
  },
  {
    name: 'highlight-toolbar',
    open: async (page) => {
      await selectTextInReader(page, 'At least one of the planes later left for a Russian airbase in Libya')
      await expect(page.getByRole('toolbar', { name: 'Highlight' })).toBeVisible()
      return () => page.keyboard.press('Escape')
    },
  },
  {
    name: 'passages',
    open: async (page) => {
      await tab(page, 'Passages')
      await expect(page.getByRole('heading', { level: 1, name: 'Passages' })).toBeVisible()
    },
  },
  {
    name: 'tags',
    open: async (page) => {
      await tab(page, 'Tags')
      await expect(page.getByRole('heading', { level: 1, name: 'Tags' })).toBeVisible()
    },
  },
  {
    name: 'briefings',
    open: async (page) => {
      await tab(page, 'Briefings')
      await expect(page.getByRole('heading', { level: 2, name: 'Briefing' })).toBeVisible()
    },
  },
  {
    name: 'handling-question',
    open: async (page) => {
      await page.getByRole('region', { name: 'Briefing' }).getByRole('button', { name: 'Export…' }).click()
      await expect(page.getByRole('dialog', { name: 'No handling line' })).toBeVisible()
    },
  },
  {
    name: 'export-dialog',
    open: async (page) => {
      await page.getByRole('dialog', { name: 'No handling line' }).getByRole('button', { name: 'Export without one' }).click()
      await expect(page.getByRole('dialog', { name: 'Export briefing' })).toBeVisible()
      return () => page.keyboard.press('Escape')
    },
  },
  {
    name: 'search-dialog',
    open: async (page) => {
      await page.keyboard.press('Control+k')
      const search = page.getByRole('dialog', { name: 'Search' })
      await search.getByRole('searchbox', { name: 'Search the notebook' }).fill('Tartus')
      await search.getByRole('button', { name: 'Search syntax' }).click()
      await expect(search.getByRole('region', { name: 'Search syntax' })).toBeVisible()
      await expect(search.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible()
      return () => page.keyboard.press('Escape')
    },
  },
  {
    name: 'shortcuts-dialog',
    open: async (page) => {
      await page.keyboard.press('F1')
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
      return () => page.keyboard.press('Escape')
    },
  },
]

test.describe('every view, both sizes, both themes', () => {
  test.skip(!existsSync(CORPUS_DIR), `The shared corpus is not at ${CORPUS_DIR}; these views show its articles.`)

  for (const size of SIZES) {
    test(`${size.width}x${size.height}: nothing out of view, no serious accessibility violation`, async ({ app }) => {
      test.setTimeout(300_000)
      const { page } = app
      await page.setViewportSize(size)
      const check = async (name: string) => {
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme })
          const label = `${name} at ${size.width}x${size.height}, ${colorScheme}`
          await keepScreenshot(page, `${name}-${size.width}x${size.height}-${colorScheme}-${app.mode}`)
          expect.soft(await outOfView(page), `out of view: ${label}`).toEqual([])
          expect.soft(await seriousViolations(page), `axe: ${label}`).toEqual([])
        }
        await page.emulateMedia({ colorScheme: null })
      }
      // The empty notebook offers import, not export.
      await expect(page.getByRole('heading', { name: 'Your notebook is empty' })).toBeVisible()
      await expect(page.getByRole('banner').getByRole('button', { name: 'Export briefing' })).toHaveCount(0)
      await check('empty-library')
      await prepare(app)
      for (const view of VIEWS) {
        const close = await view.open(page)
        await check(view.name)
        if (close) await close()
      }
    })
  }

  test('900x640, the narrowest window: the header and the reader still fit', async ({ app }) => {
    const { page } = app
    await page.setViewportSize({ width: 900, height: 640 })
    await app.answerDialogs({ importFiles: [[CORPUS_DIR]] })
    await page.getByRole('main').getByRole('button', { name: 'Import files' }).click()
    await expect(page.getByRole('status')).toContainText('Imported 5 articles')
    await page.getByRole('button', { name: 'Close import log' }).click()
    expect.soft(await outOfView(page), 'library at 900x640').toEqual([])
    await openFromLibrary(page, BNE)
    await keepScreenshot(page, `reader-900x640-${app.mode}`)
    expect.soft(await outOfView(page), 'reader at 900x640').toEqual([])
    // The side panes give up width so the article keeps its room to read.
    expect((await page.locator('.workspace > .reader').boundingBox())!.width).toBeGreaterThanOrEqual(419)
    // A pane folded to its rail stays folded after a restart (reload), and its rail opens it again.
    await page.getByRole('button', { name: 'Hide the library list' }).click()
    await page.reload()
    await openFromLibrary(page, BNE)
    await expect(page.getByRole('navigation', { name: 'Library' })).toHaveCount(0)
    await page.getByRole('button', { name: 'Show the library list' }).click()
    await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible()
  })
})
