/**
 * The codebook and the passages: tag create/rename/recolour/describe, merge, delete and
 * their undo, highlight restore, and the notebook-wide passage list.
 * Every function leaves the notebook unchanged when it throws (DossierError).
 *
 * Order of writes (see tag-writes.ts): deleting or merging a tag rewrites the affected
 * annotation files first and the manifest (`notebook.json`) last, so no highlight ever
 * names a tag the codebook lacks; restoring a tag writes the manifest first. If a write
 * fails part-way, the files already written are put back before the error is reported,
 * and a removal that did complete is undone exactly by `restoreTag`.
 */
import type { NewTag, PassageSummary, TagChange, TagRemoval, TagSummary } from '../../core/api'
import { anchorTarget } from '../../core/anchoring'
import type { ArticleId, TagId } from '../../core/ids'
import { TagSchema, type Highlight, type Tag } from '../../core/model'
import { DossierError } from '../../core/result'
import { makeTextTarget } from '../../core/selectors'
import type { NotebookStore } from '../storage/notebook-store'
import { assertNameFree, nextPaletteColor, normaliseColor, normaliseDescription, normaliseTagName } from './tag-fields'
import { rewriteTagLists, undoTagLists, type TagListWrite } from './tag-writes'

export { TAG_PALETTE } from './tag-fields'

/** The tags in codebook order, each with the number of highlights that carry it. */
export async function listTagSummaries(store: NotebookStore): Promise<TagSummary[]> {
  const counts = store.tagHighlightCounts()
  return store.tags.map((t) => ({ ...t, highlightCount: counts.get(t.id) ?? 0 }))
}

/** Adds a tag at the end of the codebook; its colour is the next unused palette colour unless given. */
export async function createTag(store: NotebookStore, tag: NewTag, freshId: () => TagId): Promise<Tag> {
  const name = normaliseTagName(tag.name)
  const color = tag.color !== undefined ? normaliseColor(tag.color) : null
  const description = normaliseDescription(tag.description ?? '')
  const id = freshId()
  return store.updateManifest((draft) => {
    assertNameFree(draft.tags, name)
    const created: Tag = { id, name, color: color ?? nextPaletteColor(draft.tags), description }
    draft.tags.push(created)
    return { ...created }
  })
}

/** Renames, recolours or describes a tag (the preloaded ones too). Nothing given: nothing written. */
export async function updateTag(store: NotebookStore, change: TagChange): Promise<Tag> {
  const current = store.tags[tagAt(store.tags, change.tagId)]!
  const name = change.name !== undefined ? normaliseTagName(change.name) : undefined
  const color = change.color !== undefined ? normaliseColor(change.color) : undefined
  const description = change.description !== undefined ? normaliseDescription(change.description) : undefined
  if ((name ?? current.name) === current.name && (color ?? current.color) === current.color && (description ?? current.description) === current.description) {
    return { ...current }
  }
  return store.updateManifest((draft) => {
    const tag = draft.tags[tagAt(draft.tags, change.tagId)]!
    if (name !== undefined) {
      assertNameFree(draft.tags, name, tag.id)
      tag.name = name
    }
    if (color !== undefined) tag.color = color
    if (description !== undefined) tag.description = description
    return { ...tag }
  })
}

/**
 * Removes a tag from every highlight, then from the codebook. Highlights left without
 * tags are kept. Returns what `restoreTag` needs to undo it exactly.
 */
export async function deleteTag(store: NotebookStore, tagId: TagId): Promise<TagRemoval> {
  tagAt(store.tags, tagId)
  const change = (h: Highlight) => (h.tagIds.includes(tagId) ? h.tagIds.filter((t) => t !== tagId) : null)
  const written = await rewriteTagLists(store, await articlesCarrying(store, tagId), change)
  return removeFromCodebook(store, tagId, written, change)
}

/**
 * Moves every highlight of `from` to `into` (in `from`'s place in its tag list, or not
 * at all when it already has `into`), then removes `from` from the codebook. Refused, with
 * the highlights put back, when `into` was deleted meanwhile.
 */
export async function mergeTags(store: NotebookStore, from: TagId, into: TagId): Promise<TagRemoval> {
  if (from === into) throw new DossierError('bad-request', 'A tag cannot be merged into itself: choose another tag to merge into.')
  tagAt(store.tags, from)
  tagAt(store.tags, into)
  const change = (h: Highlight) => {
    if (!h.tagIds.includes(from)) return null
    return h.tagIds.includes(into) ? h.tagIds.filter((t) => t !== from) : h.tagIds.map((t) => (t === from ? into : t))
  }
  const written = await rewriteTagLists(store, await articlesCarrying(store, from), change)
  return removeFromCodebook(store, from, written, change, into)
}

/**
 * Which articles have a highlight carrying the tag: only which files to visit. The
 * highlights changed in each are decided inside that file's write (rewriteTagLists), from
 * its list as it is then, so a highlight tagged meanwhile is not missed.
 */
async function articlesCarrying(store: NotebookStore, tagId: TagId): Promise<ArticleId[]> {
  return (await store.allHighlights()).filter((h) => h.tagIds.includes(tagId)).map((h) => h.articleId)
}

/**
 * The manifest write that commits a delete or merge (the annotation files are already
 * rewritten; they are put back if it fails). Then a last sweep: a highlight given the tag
 * by a caller that checked the codebook before this write is rewritten too (best effort),
 * so no highlight keeps naming the removed tag.
 */
async function removeFromCodebook(
  store: NotebookStore,
  tagId: TagId,
  written: readonly TagListWrite[],
  change: (h: Highlight) => TagId[] | null,
  mergedInto?: TagId,
): Promise<TagRemoval> {
  let removed: { tag: Tag; index: number }
  try {
    removed = await store.updateManifest((draft) => {
      // The merge target may have been deleted while the annotation files were rewritten.
      if (mergedInto !== undefined) tagAt(draft.tags, mergedInto)
      const index = tagAt(draft.tags, tagId)
      const [tag] = draft.tags.splice(index, 1)
      return { tag: { ...tag! }, index }
    })
  } catch (error) {
    await undoTagLists(store, written)
    throw error
  }
  const all = [...written]
  try {
    all.push(...(await rewriteTagLists(store, await articlesCarrying(store, tagId), change)))
  } catch (error) {
    console.error(`Could not remove the deleted tag ${tagId} from highlights tagged while it was deleted`, error)
  }
  const highlights = all.flatMap((w) => [...w.before].map(([highlightId, tagIds]) => ({ highlightId, tagIds: [...tagIds] })))
  return { ...removed, highlights }
}

/**
 * Undo of deleteTag / mergeTags: the tag back at its place (clamped to the codebook) with
 * its id, name, colour and description, then each listed highlight's tags as they were.
 * Highlights deleted since are skipped; tag ids in the lists that are neither the restored
 * tag nor in the codebook are left out.
 */
export async function restoreTag(store: NotebookStore, removal: TagRemoval): Promise<Tag> {
  const parsed = TagSchema.safeParse(removal.tag)
  if (!parsed.success) throw new DossierError('bad-request', `The tag to restore is not valid: ${parsed.error.issues[0]?.message ?? 'bad shape'}.`)
  const tag = parsed.data
  const restored = await store.updateManifest((draft) => {
    const clash = draft.tags.find((t) => t.id === tag.id)
    if (clash) throw new DossierError('tag-exists', `The tag "${clash.name}" is already in the codebook; there is nothing to restore.`)
    assertNameFree(draft.tags, tag.name)
    const index = Math.max(0, Math.min(Math.floor(removal.index) || 0, draft.tags.length))
    draft.tags.splice(index, 0, { ...tag })
    return { ...tag }
  })

  const known = new Set(store.tags.map((t) => t.id))
  const lists = new Map(removal.highlights.map((h) => [h.highlightId, h.tagIds.filter((t) => known.has(t))]))
  const articleIds: ArticleId[] = []
  for (const id of lists.keys()) {
    const found = await store.findHighlight(id)
    if (found) articleIds.push(found.articleId)
  }
  try {
    await rewriteTagLists(store, articleIds, (h) => lists.get(h.id) ?? null)
  } catch (error) {
    await store
      .updateManifest((draft) => {
        const index = draft.tags.findIndex((t) => t.id === tag.id)
        if (index >= 0) draft.tags.splice(index, 1)
      })
      .catch((e: unknown) => console.error(`Could not take back the restored tag ${tag.id}`, e))
    throw error
  }
  return restored
}

/**
 * Puts back a deleted highlight as given (same id, dates, tags and comment). Already there:
 * returned unchanged. It goes back in creation order among the article's highlights.
 *
 * Its quote found in the article's stored text: the target is rebuilt from that text
 * (offsets, exact, prefix and suffix, via makeTextTarget), so what is stored never holds
 * context strings the caller made up. Its quote no longer found: it was an orphan when it
 * was deleted (stored that way, and shown as such), so it goes back exactly as it was,
 * target unchanged, rather than being lost to the undo.
 * Tag ids no longer in the codebook are left out (a highlight names only codebook tags).
 */
export async function restoreHighlight(store: NotebookStore, highlight: Highlight): Promise<Highlight> {
  const article = store.article(highlight.articleId)
  if (!article) throw new DossierError('not-found', `There is no article with id ${highlight.articleId} in this notebook.`)
  const existing = await store.findHighlight(highlight.id)
  if (existing) return existing
  const text = await store.readBody(article.bodyHash)
  const anchor = anchorTarget(text, highlight.target)
  const target = anchor ? makeTextTarget(text, anchor.start, anchor.end) : { ...highlight.target }
  const known = new Set(store.tags.map((t) => t.id))
  const restored: Highlight = { ...highlight, tagIds: highlight.tagIds.filter((t) => known.has(t)), target }
  return store.updateHighlights(article.id, (highlights) => {
    const already = highlights.find((h) => h.id === restored.id)
    if (already) return { ...already }
    const after = highlights.findIndex((h) => h.createdAt > restored.createdAt)
    highlights.splice(after < 0 ? highlights.length : after, 0, restored)
    return { ...restored }
  })
}

/** Every highlight with its article's title, outlet and date: by publication date (undated last), then article, then position. */
export async function listPassages(store: NotebookStore): Promise<PassageSummary[]> {
  const order = new Map(store.articles.map((a, i) => [a.id, i]))
  const passages = (await store.allHighlights()).flatMap((highlight) => {
    const article = store.article(highlight.articleId)
    return article ? [{ highlight, articleTitle: article.title, outlet: article.outlet, published: article.published }] : []
  })
  return passages.sort(
    (a, b) =>
      compareDates(a.published, b.published) ||
      (order.get(a.highlight.articleId) ?? 0) - (order.get(b.highlight.articleId) ?? 0) ||
      a.highlight.target.start - b.highlight.target.start ||
      a.highlight.target.end - b.highlight.target.end,
  )
}

function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  const day = a.slice(0, 10).localeCompare(b.slice(0, 10))
  return day !== 0 ? day : a.localeCompare(b)
}

/** The index of a tag in the codebook; 'unknown-tag' when it is not there. */
function tagAt(tags: readonly Tag[], tagId: TagId): number {
  const index = tags.findIndex((t) => t.id === tagId)
  if (index < 0) throw new DossierError('unknown-tag', `There is no tag with id ${tagId} in this notebook (it may have been deleted).`)
  return index
}

