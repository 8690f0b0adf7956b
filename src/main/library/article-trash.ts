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
  const index = store.articles.findIndex((a) => a.id === articleId)
  const entry = (highlights: readonly Highlight[]): TrashFile => ({ article: structuredClone(article), highlights: structuredClone([...highlights]), deletedAt: now(), index })
  const trashPath = join(store.dir, trashFileFor(articleId))
  const writeTrash = async (highlights: readonly Highlight[]) => {
    try {
      await mkdir(join(store.dir, TRASH_DIR), { recursive: true })
      await writeFileDurably(trashPath, `${JSON.stringify(entry(highlights), null, 2)}\n`)
    } catch (error) {
      throw new DossierError('write-failed', `Could not move “${article.title}” to the notebook's trash (${(error as Error).message}); nothing was deleted.`)
    }
  }
  /** Before the commit point: the highlights back (ahead of any saved since), no trash file. */
  const rollBack = async (cleared: readonly Highlight[]) => {
    if (cleared.length > 0) {
      await store
        .updateHighlights(articleId, (hs) => void hs.unshift(...structuredClone([...cleared])))
        .catch((e: unknown) => console.error(`Could not put back the highlights of ${articleId} after a failed delete`, e))
    }
    await rm(trashPath, { force: true }).catch(() => undefined)
  }

  // Races with a highlight saved while the delete runs: the store's write queue runs one
  // change to the annotation file at a time, but a mutate callback cannot await the trash
  // write. So: (1) the trash file is written from a snapshot; (2) one updateHighlights
  // mutation takes the list as it is then and empties it, in the same step, so no highlight
  // can slip between the read and the clear; (3) if that list differs from the snapshot,
  // the trash file is rewritten from it; (4) only then does the article leave the catalog
  // (the commit point). Any failure before (4) puts the highlights back and removes the
  // trash file. A highlight saved after (2) by a caller that checked the catalog before (4)
  // is caught by the last sweep after the commit.
  const snapshot = await store.loadHighlights(articleId)
  await writeTrash(snapshot)

  let cleared: Highlight[]
  try {
    cleared = await store.updateHighlights(articleId, (hs) => hs.splice(0))
  } catch (error) {
    await rm(trashPath, { force: true }).catch(() => undefined)
    throw error
  }
  try {
    if (JSON.stringify(cleared) !== JSON.stringify(snapshot)) await writeTrash(cleared)
    await store.updateCatalog((catalog) => {
      catalog.articles = catalog.articles.filter((a) => a.id !== articleId)
    })
  } catch (error) {
    // The article is still in the catalog: it keeps its highlights, and the trash file must not claim otherwise.
    await rollBack(cleared)
    throw error
  }

  // The delete is committed. Removing the emptied annotation file keeps `dossier check` from
  // calling it an orphan. A late highlight (see above) goes to the trash too; if that cannot
  // be written the annotation file is left as it is (Dossier ignores it, `dossier check` reports it).
  let late: Highlight[] = []
  try {
    late = await store.updateHighlights(articleId, (hs) => hs.splice(0))
    if (late.length > 0) {
      await writeTrash([...cleared, ...late]).catch(async (error: unknown) => {
        await store.updateHighlights(articleId, (hs) => void hs.unshift(...late))
        late = []
        throw error
      })
    }
    await rm(join(store.dir, annotationFileFor(articleId)), { force: true })
  } catch (error) {
    console.error(`Could not clear the highlights file of deleted article ${articleId}`, error)
  }
  return { articleId, title: article.title, highlightCount: cleared.length + late.length }
}

export async function restoreArticle(store: NotebookStore, articleId: ArticleId): Promise<Article> {
  assertWritable(store)
  const entry = await readTrash(store, articleId)
  const { article } = entry
  // Tags deleted from the codebook since the article was deleted are left out: a highlight
  // names only tags in the codebook (`dossier check` reports any other).
  const known = new Set(store.tags.map((t) => t.id))
  const highlights = entry.highlights.map((h) => ({ ...h, tagIds: h.tagIds.filter((t) => known.has(t)) }))
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
