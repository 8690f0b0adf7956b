/**
 * The notebook's search index: loaded from `<notebook>/search-index.json` (a rebuildable
 * cache) or built off the UI path, kept in step with every saved change through
 * `NotebookStore.onChange`, and persisted again after changes.
 */
import type { SearchOptions, SearchResponse } from '../../core/search/types'
import { DossierError } from '../../core/result'
import type { NotebookStore } from '../storage/notebook-store'

export type NotebookSearchQuery = { query: string } & Pick<SearchOptions, 'tagIds' | 'tagMode' | 'outlets' | 'from' | 'to' | 'kinds' | 'limit'>

export class NotebookSearch {
  private constructor(readonly store: NotebookStore) {}

  /** Starts loading or building the index in the background; `search` waits for it. */
  static open(store: NotebookStore): NotebookSearch {
    return new NotebookSearch(store)
  }

  async search(_query: NotebookSearchQuery): Promise<SearchResponse> {
    throw new DossierError('internal', 'search is not built yet')
  }

  /** Writes pending index changes and stops listening (read-only stores never write). */
  async close(): Promise<void> {}
}
