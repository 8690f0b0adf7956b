/**
 * Changing the tag lists of many highlights, one annotation file per article, so that a
 * failure part-way leaves nothing changed: the files already written are put back before
 * the error is passed on.
 *
 * A notebook's invariant is that a highlight names only tags in the codebook
 * (`dossier check` reports any other). So removing a tag rewrites the annotation files
 * first and the manifest last, and restoring one writes the manifest first and the
 * annotation files after; whichever write fails, what was already written is undone.
 */
import type { ArticleId, HighlightId, TagId } from '../../core/ids'
import type { Highlight } from '../../core/model'
import type { NotebookStore } from '../storage/notebook-store'

/** One article's annotation file as rewritten: each changed highlight's tags before the change. */
export interface TagListWrite {
  articleId: ArticleId
  before: Map<HighlightId, TagId[]>
}

/**
 * For each article, sets the tag list of every highlight for which `change` returns one
 * (null leaves the highlight alone; an article where nothing changed is not recorded).
 * Highlights keep everything else, `updatedAt` included: the codebook changed, not the
 * analyst's reading of the passage. On a failed write, undoes the files already written
 * and rethrows.
 */
export async function rewriteTagLists(
  store: NotebookStore,
  articleIds: Iterable<ArticleId>,
  change: (highlight: Highlight) => TagId[] | null,
): Promise<TagListWrite[]> {
  const written: TagListWrite[] = []
  try {
    for (const articleId of new Set(articleIds)) {
      // Which highlights change is decided inside the write, from the list as it is then
      // (not from one read earlier): a highlight tagged meanwhile is changed too.
      const before = await store.updateHighlights(articleId, (highlights) => {
        const was = new Map<HighlightId, TagId[]>()
        for (const h of highlights) {
          const next = change(h)
          if (!differs(h.tagIds, next)) continue
          was.set(h.id, h.tagIds)
          h.tagIds = [...next!]
        }
        return was
      })
      if (before.size > 0) written.push({ articleId, before })
    }
  } catch (error) {
    await undoTagLists(store, written)
    throw error
  }
  return written
}

/** Puts back the tag lists `rewriteTagLists` changed, newest write first (best effort: a failure here is logged). */
export async function undoTagLists(store: NotebookStore, written: readonly TagListWrite[]): Promise<void> {
  for (const { articleId, before } of [...written].reverse()) {
    try {
      await store.updateHighlights(articleId, (highlights) => {
        for (const h of highlights) {
          const was = before.get(h.id)
          if (was) h.tagIds = [...was]
        }
      })
    } catch (error) {
      console.error(`Could not undo a tag change in annotations of ${articleId}`, error)
    }
  }
}

function differs(current: readonly TagId[], next: readonly TagId[] | null): boolean {
  return next !== null && (next.length !== current.length || next.some((t, i) => t !== current[i]))
}
