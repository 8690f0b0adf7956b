/**
 * The codebook and the passages: tag create/rename/recolour/describe, merge, delete and
 * their undo, highlight restore, and the notebook-wide passage list.
 * Every function leaves the notebook unchanged when it throws (DossierError).
 */
import type { NewTag, PassageSummary, TagChange, TagRemoval, TagSummary } from '../../core/api'
import type { TagId } from '../../core/ids'
import type { Highlight, Tag } from '../../core/model'
import { DossierError } from '../../core/result'
import type { NotebookStore } from '../storage/notebook-store'

const todo = (what: string): never => {
  throw new DossierError('internal', `${what} is not built yet`)
}

export async function listTagSummaries(_store: NotebookStore): Promise<TagSummary[]> {
  return todo('listTagSummaries')
}
export async function createTag(_store: NotebookStore, _tag: NewTag, _freshId: () => TagId): Promise<Tag> {
  return todo('createTag')
}
export async function updateTag(_store: NotebookStore, _change: TagChange): Promise<Tag> {
  return todo('updateTag')
}
export async function deleteTag(_store: NotebookStore, _tagId: TagId): Promise<TagRemoval> {
  return todo('deleteTag')
}
export async function mergeTags(_store: NotebookStore, _from: TagId, _into: TagId): Promise<TagRemoval> {
  return todo('mergeTags')
}
export async function restoreTag(_store: NotebookStore, _removal: TagRemoval): Promise<Tag> {
  return todo('restoreTag')
}
/** Puts back a highlight exactly as given (same id), re-anchoring it against the article text. */
export async function restoreHighlight(_store: NotebookStore, _highlight: Highlight): Promise<Highlight> {
  return todo('restoreHighlight')
}
export async function listPassages(_store: NotebookStore): Promise<PassageSummary[]> {
  return todo('listPassages')
}
