/**
 * `dossier check` reports stored values the metadata rules refuse (an unsafe URL, a date
 * that is not a real day) without declaring the catalog damaged, and re-creates a body
 * stored with the control-character removal from its original.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ArticleId } from '../../core/ids'
import type { Catalog } from '../../core/model'
import { NotebookSession } from '../notebook-session'
import { checkNotebook } from './check-notebook'

const FONTS = join(import.meta.dirname, '..', '..', '..', 'resources', 'fonts')
const TEXT = 'Convoy turned back at the Tartus gate\n\nThirty trucks left Khmeimim at dawn. The convoy was stopped at a checkpoint near Jableh.\n'

async function notebookWith(text: string): Promise<{ dir: string; id: ArticleId }> {
  const dir = join(mkdtempSync(join(tmpdir(), 'dossier-check-meta-')), 'nb')
  const session = await NotebookSession.open(dir, { fontsDir: FONTS })
  try {
    const report = await session.importContents([{ name: 'convoy.txt', bytes: Buffer.from(text) }])
    return { dir, id: report.items[0]!.articleId as ArticleId }
  } finally {
    await session.close()
  }
}

const catalogPath = (dir: string) => join(dir, 'catalog.json')
const readCatalog = (dir: string) => JSON.parse(readFileSync(catalogPath(dir), 'utf8')) as Catalog

describe('dossier check and stored metadata', () => {
  it('reports a stored javascript: URL and an impossible date as problems of the article, not as a damaged catalog', async () => {
    const { dir, id } = await notebookWith(TEXT)
    const catalog = readCatalog(dir)
    catalog.articles[0]!.url = 'javascript:alert(document.cookie)'
    catalog.articles[0]!.published = '2025-02-30'
    writeFileSync(catalogPath(dir), JSON.stringify(catalog))
    const before = readFileSync(catalogPath(dir), 'utf8')

    const report = await checkNotebook(dir)
    expect(report.problems).toEqual([
      {
        file: 'catalog.json',
        message: `Article ${id} ("Convoy turned back at the Tartus gate") has an unsafe URL, which exports would write as a link. The URL "javascript:alert(document.cookie)" is not a web address: only http:// and https:// addresses are kept (a javascript: link could run code or open a local file when clicked in an export).`,
        repairable: false,
        repair: `Nothing: which value was meant cannot be known. Correct it with \`dossier edit ${id} --url VALUE\`, or clear it with \`dossier edit ${id} --url ""\` (Edit details in the app).`,
      },
      {
        file: 'catalog.json',
        message: `Article ${id} ("Convoy turned back at the Tartus gate") has a publication date that is not a real day. "2025-02-30" is not a real day: February 2025 has 28 days.`,
        repairable: false,
        repair: expect.stringContaining(`dossier edit ${id} --date ""`),
      },
    ])
    // A repair run changes nothing about them (and does not restore the catalog from a backup).
    await checkNotebook(dir, { repair: true })
    expect(readFileSync(catalogPath(dir), 'utf8')).toBe(before)
  })

  it('re-creates a body that had control characters removed on import from its original', async () => {
    const { dir, id } = await notebookWith(TEXT.replace('dawn.', 'dawn.\u0007\u001b[0m'))
    const article = readCatalog(dir).articles.find((a) => a.id === id)!
    expect(article.flags.find((f) => f.kind === 'control-characters')).toEqual({
      kind: 'control-characters',
      count: 2,
      detail: '2 control characters removed on import (U+0007, U+001B): they are invisible and not part of the article. The original file keeps them.',
    })
    const body = join(dir, 'bodies', `${article.bodyHash}.txt`)
    const stored = readFileSync(body, 'utf8')
    expect(stored).toContain('dawn.[0m')
    rmSync(body)
    const report = await checkNotebook(dir)
    expect(report.problems).toEqual([expect.objectContaining({ file: `bodies/${article.bodyHash}.txt`, repairable: true, repair: expect.stringContaining('reproduces exactly the stored text') })])
    await checkNotebook(dir, { repair: true })
    expect(readFileSync(body, 'utf8')).toBe(stored)
  })
})
