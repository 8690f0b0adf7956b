/**
 * A real notebook for the briefing tests: the hand-written export fixture texts
 * (src/core/export/testing) imported as .txt files through the app's importer, its tags
 * added to the codebook, and its highlights made by quoting, as `dossier highlight` does.
 * Not shipped code: only the tests use it.
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { HIGHLIGHTS, TAGS, TEXTS } from '../../core/export/testing/fixture-notebook'
import type { ArticleId } from '../../core/ids'
import { NotebookSession } from '../notebook-session'
import type { BriefingContext } from './briefing-ops'

export const FONTS_DIR = fileURLToPath(new URL('../../../resources/fonts', import.meta.url))

export interface TestNotebook {
  dir: string
  session: NotebookSession
  ctx: BriefingContext
  /** Fixture article id -> the id the import gave it. */
  ids: Map<string, ArticleId>
}

let clock = 0
const now = () => new Date(Date.UTC(2025, 2, 10, 12, 0, clock++)).toISOString()

export async function openTestNotebook(dir: string, options: { highlights?: boolean; tags?: boolean } = {}): Promise<TestNotebook> {
  const session = await NotebookSession.open(dir, { fontsDir: FONTS_DIR, now, app: 'test' })
  const ids = new Map<string, ArticleId>()
  const files = Object.entries(TEXTS).map(([id, text]) => ({ name: `${id}.txt`, bytes: new TextEncoder().encode(text) }))
  const report = await session.importContents(files)
  for (const item of report.items) {
    if (!item.articleId) throw new Error(`fixture import failed: ${item.source} ${item.status} ${item.error?.message ?? ''}`)
    ids.set(item.source.replace(/\.txt$/, ''), item.articleId)
  }
  if (options.tags ?? true) {
    await session.store.updateManifest((m) => {
      for (const tag of TAGS) if (!m.tags.some((t) => t.name === tag.name)) m.tags.push({ ...tag })
    })
  }
  if (options.highlights ?? true) {
    for (const h of HIGHLIGHTS) {
      await session.highlightQuote({
        articleId: ids.get(h.articleId)!,
        quote: h.target.exact,
        tagNames: h.tagIds.map((id) => TAGS.find((t) => t.id === id)!.name),
        comment: h.comment,
      })
    }
  }
  const ctx: BriefingContext = { store: session.store, now, randomHex: () => Math.random().toString(16).slice(2, 12).padEnd(10, '0'), fontsDir: FONTS_DIR }
  return { dir, session, ctx, ids }
}

export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix))
}
