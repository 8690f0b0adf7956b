/**
 * Deleting an article moves it, with its highlights, to `<notebook>/trash/<articleId>.json`
 * so undo can restore it exactly; bodies and originals stay (content-addressed).
 *
 * Order of a delete: the trash file is written durably first, then the article leaves the
 * catalog (the commit point), then its annotation file is emptied and removed. A failure
 * before the commit point leaves the catalog as it was (and no trash file behind).
 * Links from other articles' `rewrites` to the deleted one are kept, so a restore is exact
 * (the session's summaries hide links to articles that are not in the catalog).
 */
import { mkdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { ArticleRemoval } from '../../core/api'
import type { ArticleId } from '../../core/ids'
import { ArticleSchema, HighlightSchema, type Article, type Highlight } from '../../core/model'
import { DossierError } from '../../core/result'
import { writeFileDurably } from '../storage/durable-write'
import { assertWritable } from '../storage/read-only'
import { annotationFileFor, type NotebookStore } from '../storage/notebook-store'

export const TRASH_DIR = 'trash'

const TrashFileSchema = z.object({
  article: ArticleSchema,
  highlights: z.array(HighlightSchema),
  deletedAt: z.string().min(10).max(40),
  /** Where the article stood in the catalog, so a restore puts it back in its place. */
  index: z.number().int().nonnegative().optional(),
})
export type TrashFile = z.infer<typeof TrashFileSchema>

export function trashFileFor(articleId: ArticleId): string {
  return `${TRASH_DIR}/${articleId}.json`
}

export async function deleteArticle(store: NotebookStore, articleId: ArticleId, now: () => string = () => new Date().toISOString()): Promise<ArticleRemoval> {
  assertWritable(store)
  const article = store.article(articleId)
  if (!article) throw new DossierError('not-found', `There is no article ${articleId} in this notebook.`)
  const highlights: Highlight[] = [...(await store.loadHighlights(articleId))]
  const index = store.articles.findIndex((a) => a.id === articleId)
  const entry: TrashFile = { article: structuredClone(article), highlights: structuredClone(highlights), deletedAt: now(), index }

  const trashPath = join(store.dir, trashFileFor(articleId))
  try {
    await mkdir(join(store.dir, TRASH_DIR), { recursive: true })
    await writeFileDurably(trashPath, `${JSON.stringify(entry, null, 2)}\n`)
  } catch (error) {
    throw new DossierError('write-failed', `Could not move “${article.title}” to the notebook's trash (${(error as Error).message}); nothing was deleted.`)
  }

  try {
    await store.updateCatalog((catalog) => {
      catalog.articles = catalog.articles.filter((a) => a.id !== articleId)
    })
  } catch (error) {
    // The article is still in the catalog: the trash file must not claim otherwise.
    await rm(trashPath, { force: true }).catch(() => undefined)
    throw error
  }

  // The delete is committed. Emptying the annotation file keeps the store's counts and
  // highlight index right; removing it keeps `dossier check` from calling it an orphan.
  // Either failing leaves at worst an annotation file Dossier ignores: the trash copy is what a restore uses.
  try {
    if (highlights.length > 0) await store.updateHighlights(articleId, (hs) => void hs.splice(0))
    await rm(join(store.dir, annotationFileFor(articleId)), { force: true })
  } catch (error) {
    console.error(`Could not clear the highlights file of deleted article ${articleId}`, error)
  }
  return { articleId, title: article.title, highlightCount: highlights.length }
}

export async function restoreArticle(store: NotebookStore, articleId: ArticleId): Promise<Article> {
  assertWritable(store)
  const entry = await readTrash(store, articleId)
  const { article, highlights } = entry
  if (store.article(articleId)) {
    throw new DossierError('bad-request', `“${article.title}” is already in the library; there is nothing to restore.`)
  }
  const twin = store.articles.find((a) => a.bodyHash === article.bodyHash)
  if (twin) {
    throw new DossierError('bad-request', `“${article.title}” cannot be restored: the same text was imported again since as “${twin.title}”. Delete that one first to restore this one with its highlights.`)
  }

  await store.updateCatalog((catalog) => {
    const at = Math.min(entry.index ?? catalog.articles.length, catalog.articles.length)
    catalog.articles.splice(at, 0, article)
  })
  try {
    await store.updateHighlights(articleId, (hs) => void hs.splice(0, hs.length, ...highlights))
  } catch (error) {
    // Without its highlights the article would come back incomplete: take it out again.
    await store.updateCatalog((catalog) => {
      catalog.articles = catalog.articles.filter((a) => a.id !== articleId)
    })
    throw error
  }
  await rm(join(store.dir, trashFileFor(articleId)), { force: true }).catch((error: unknown) => {
    // Restored either way; a stale trash file only means a second restore is refused as "already in the library".
    console.error(`Could not remove the trash file of restored article ${articleId}`, error)
  })
  return store.article(articleId) ?? article
}

async function readTrash(store: NotebookStore, articleId: ArticleId): Promise<TrashFile> {
  const file = join(store.dir, trashFileFor(articleId))
  let raw: string
  try {
    raw = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') {
      throw new DossierError('not-found', `There is nothing to restore for article ${articleId}: it is not in the notebook's trash.`)
    }
    throw new DossierError('notebook-unreadable', `The trash file ${trashFileFor(articleId)} cannot be read (${(error as Error).message}).`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    parsed = null
  }
  const result = TrashFileSchema.safeParse(parsed)
  if (!result.success || result.data.article.id !== articleId || result.data.highlights.some((h) => h.articleId !== articleId)) {
    throw new DossierError('notebook-unreadable', `The trash file ${trashFileFor(articleId)} is damaged; the article cannot be restored from it (the file is kept).`)
  }
  return result.data
}
