/**
 * The notebook's search index: loaded from `<notebook>/search-index/` (a rebuildable
 * cache in parts: index-files.ts) or built off the UI path, kept in step with every saved
 * change through `NotebookStore.onChange`, and persisted again after changes (only the
 * shards of terms that changed).
 *
 * - The index is never held whole (decision 42): its head (document tables, entries) and
 *   word filters are read, and the shards of terms only as searches need them. A read-only
 *   store (the CLI beside the app, or alone) whose notebook has not changed since the index
 *   was written (index-files.ts unchangedSince) searches it as it is: `dossier search`
 *   stays fast at 10,000 articles. Otherwise the index is brought up to date (documents
 *   added keep their postings in memory beside the unloaded shards) and written again, by
 *   any process: it is a cache, written atomically and stamped with the notebook state.
 *   Once written, the postings in memory are forgotten, so memory follows the searches,
 *   not the notebook.
 *
 * - Open never waits: the cache is read (or the index built) in the background, and
 *   `search` waits for it. A cache that is missing, damaged or of another format version
 *   is built from the notebook in worker threads (./build-in-worker.ts: bodies read one at
 *   a time, compact postings, written shard by shard), never on the main thread, and then
 *   read like a saved one (the cache is never notebook data, so this is not reported as
 *   damage). A loaded cache is reconciled with the notebook: only articles and highlights
 *   whose content changed since it was written are indexed again (their bodies read), so
 *   a notebook changed by the CLI or a restored backup is still right; when more than
 *   REBUILD_FROM articles changed it is built again instead.
 * - Changes are applied one at a time, in the order they were saved: a catalog change
 *   (import, edit, delete, restore) reconciles articles; a highlight change updates that
 *   article's highlights; a tag change needs nothing (filters use tag ids). A search
 *   waits for the changes saved before it.
 * - The index is written two seconds after the last change, and on close. A failed write
 *   is logged and retried with the next change.
 * - An article is indexed with its page furniture apart (the ranges of
 *   `analysis/<bodyHash>.json`, read when its text is), so searches leave the furniture
 *   out unless they ask for it (`includeFurniture`).
 */
import type { ArticleId, HighlightId } from '../../core/ids'
import { DossierError } from '../../core/result'
import type { ParsedQuery } from '../../core/search/query'
import { SearchIndex } from '../../core/search/search-index'
import type { ArticleInput, GetText, SearchOptions, SearchResponse, TextRange } from '../../core/search/types'
import { furnitureOf } from '../library/article-analysis'
import type { NotebookStore, StoreChange } from '../storage/notebook-store'
import { notebookState, readIndexFiles, shardLoader, unchangedSince, writeIndexFiles, type IndexFiles, type NotebookState } from './index-files'
import { Debounced } from '../debounced'
import { parseJsonInSlices } from '../../core/json-in-slices'
import { sharedIndexWorkers, type BuiltSearchIndex, type IndexedHighlight, type IndexWorkers } from './build-in-worker'
import { highlightInput } from '../../core/search/doc-store'

export type NotebookSearchQuery = {
  query: string
  /** The query already parsed (with names expanded: src/main/entities/entity-search.ts); else `query` is parsed as typed. */
  parsed?: ParsedQuery
} & Pick<SearchOptions, 'tagIds' | 'tagMode' | 'outlets' | 'from' | 'to' | 'kinds' | 'limit' | 'includeFurniture' | 'articleIds'>

export { SEARCH_DIR } from './index-files'
const turn = () => new Promise<void>((resolve) => setImmediate(resolve))
/** Highlights noted between two turns of the event loop. */
const NOTE_SLICE = 2_000
export const PERSIST_DELAY_MS = 2_000
/** A saved index this many articles behind the notebook is built again (in workers) rather than brought up to date here. */
export const REBUILD_FROM = 1_000

export interface NotebookSearchOptions {
  /** How long after the last change the index is written (default 2 s). */
  persistDelayMs?: number
  /** Writes the index (index-files.ts by default; tests inject failures). */
  write?: typeof writeIndexFiles
  /** Builds an index from nothing (default: the process's shared index workers). */
  workers?: Pick<IndexWorkers, 'buildSearchIndex'>
  /**
   * Reads a saved index in slices, with turns of the event loop between (default true: the
   * app's main thread keeps turning); false reads it whole, faster (a CLI command has no window).
   */
  inSlices?: boolean
}

/** How the index came to be, for tests and diagnostics: 'cache-partial' is a read-only search of an unchanged saved index. */
export type IndexOrigin = 'cache' | 'cache-partial' | 'built' | 'rebuilt-outdated' | 'rebuilt-corrupt'

export class NotebookSearch {
  #index: SearchIndex | null = null
  #origin: IndexOrigin | null = null
  #failure: unknown = null
  /** Tail of the work queue (load, then each change); never rejects. */
  #queue: Promise<void>
  /** The highlight ids of each article as indexed, to remove the ones deleted. */
  readonly #highlightsOf = new Map<ArticleId, Set<HighlightId>>()
  /** Changes queued and not started yet: a burst of saves (an import batch) is applied once. */
  #catalogQueued = false
  readonly #highlightsQueued = new Set<ArticleId>()
  #dirty = false
  readonly #save = new Debounced(() => void this.#persist())
  #writing: Promise<void> = Promise.resolve()
  #closed = false
  /** Searches running (a search reads postings across awaits: they are not forgotten under it). */
  #searching = 0
  readonly #unsubscribe: () => void
  readonly #getText: GetText
  readonly #getFurniture: (article: ArticleInput, text: string) => Promise<readonly TextRange[]>
  readonly #delay: number
  readonly #write: typeof writeIndexFiles
  readonly #workers: () => Pick<IndexWorkers, 'buildSearchIndex'>
  /** The files the last head read or written names (null: nothing saved yet, so a save writes every shard). */
  #files: IndexFiles | null = null
  readonly #inSlices: boolean

  private constructor(
    readonly store: NotebookStore,
    options: NotebookSearchOptions,
  ) {
    this.#delay = options.persistDelayMs ?? PERSIST_DELAY_MS
    this.#write = options.write ?? writeIndexFiles
    this.#inSlices = options.inSlices ?? true
    this.#workers = () => options.workers ?? sharedIndexWorkers()
    this.#getText = (articleId) => {
      const article = store.article(articleId)
      // An unreadable body is indexed by its title; `dossier check` reports the damage.
      return article ? store.readBody(article.bodyHash).catch(() => null) : null
    }
    // The analysis' furniture ranges (recomputed from the text when its file is missing or
    // damaged); should even that fail, the article is indexed whole rather than not at all.
    this.#getFurniture = async ({ id }, text) => {
      const article = store.article(id)
      return article ? furnitureOf(store, article, text).catch(() => []) : []
    }
    this.#unsubscribe = store.onChange((change) => this.#follow(change))
    this.#queue = this.#load()
  }

  /** Starts loading or building the index in the background; `search` waits for it. */
  static open(store: NotebookStore, options: NotebookSearchOptions = {}): NotebookSearch {
    return new NotebookSearch(store, options)
  }

  /** Resolves once the index is loaded or built and every change saved so far is in it. */
  async whenReady(): Promise<IndexOrigin> {
    await this.#queue
    if (this.#index === null) {
      // The first load failed (say an annotation file could not be read): try once more.
      this.#enqueue(() => this.#load())
      await this.#queue
      if (this.#index === null) throw this.#failure
    }
    return this.#origin!
  }

  async search(query: NotebookSearchQuery): Promise<SearchResponse> {
    if (this.#closed) throw new DossierError('internal', 'The search index was closed with its notebook.')
    await this.whenReady()
    const { tagIds, tagMode, outlets, from, to, kinds, limit, includeFurniture, articleIds } = query
    this.#searching++
    try {
      return await this.#index!.search(query.parsed ?? query.query, { tagIds, tagMode, outlets, from, to, kinds, limit, includeFurniture, articleIds })
    } finally {
      this.#searching--
    }
  }

  /** Writes pending index changes (a read-only store too: the index is a derived cache) and stops listening. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#unsubscribe()
    this.#save.cancel()
    await this.#queue
    await this.#persist()
  }

  #enqueue(job: () => Promise<void>): void {
    this.#queue = this.#queue.then(job).catch((error: unknown) => {
      // The index may now disagree with the notebook: rebuild it on the next search.
      console.error('Search index update failed; it will be rebuilt', error)
      this.#failure = error
      this.#index = null
    })
  }

  async #load(): Promise<void> {
    try {
      const cached = await this.#readCache()
      let { index, origin } = cached
      if (index !== null && origin !== 'cache-partial' && this.#behind(index) > REBUILD_FROM) [index, origin] = [null, 'rebuilt-outdated']
      // Built from the notebook as it was when the build began (`#build`): a change saved since is queued after this load.
      let built: readonly IndexedHighlight[] | null = null
      if (index === null) {
        try {
          const build = await this.#build()
          built = build.highlights
          index = (await this.#readCache(build.digest)).index
          if (index === null) throw new Error('what was written could not be read back')
        } catch (error) {
          built = null
          // Say a notebook on a read-only disk: search still works, from an index built here and kept in memory.
          console.error(`Could not build the search index of ${this.store.dir} in worker threads; building it in memory`, error)
          index = new SearchIndex({ getText: this.#getText, getFurniture: this.#getFurniture })
        }
      }
      this.#index = index
      this.#origin = origin
      this.#failure = null
      // Of an unchanged notebook, for a read-only store: nothing to bring up to date.
      if (origin === 'cache-partial') return
      // Just built: nothing to bring up to date either (comparing 30,000 documents' stamps
      // held the main thread for a second at 10,000 articles), only the highlights to note.
      if (built !== null) return await this.#noteHighlights(built)
      if (await this.#sync(index)) this.#changed()
    } catch (error) {
      this.#failure = error
      this.#index = null
    }
  }

  /** How many articles the saved index lacks or holds in another version. */
  #behind(index: SearchIndex): number {
    return index.diff(this.store.articles, []).articlesToIndex.length
  }

  /** Builds the index from the notebook as it is now and writes it, in worker threads; returns the highlights it holds. */
  async #build(): Promise<BuiltSearchIndex> {
    // Read first: the index written reflects at least this state (see #persist).
    const state = await notebookState(this.store.dir)
    const articles = this.store.articles.map((a) => ({ id: a.id, title: a.title, outlet: a.outlet, published: a.published, bodyHash: a.bodyHash, fileName: a.source.fileName, charCount: a.charCount }))
    // A worker reads the annotation files (this thread would spend seconds on 10,000 of
    // them); should one be damaged, the store reads every highlight and repairs or reports
    // it. Only what the index takes of a highlight is cloned to the worker.
    const annotated = articles.filter((a) => this.store.highlightCount(a.id) > 0).map((a) => a.id)
    const read = async () => (await this.store.allHighlights()).map(highlightInput)
    const built = await this.#workers().buildSearchIndex(this.store.dir, articles, { annotated, read }, state)
    this.#files = built.files
    return built
  }

  /** The saved index (head and filters; shards as searches need them), or why there is none (missing: 'built'). Never throws. */
  async #readCache(written?: string): Promise<{ index: SearchIndex | null; origin: IndexOrigin }> {
    const dir = this.store.dir
    // In slices, with turns of the event loop between: at 10,000 articles the head is 8 MB,
    // and parsing, checking and restoring it whole held the main thread for 250 ms. Just
    // built (`written`: the digest of the head the build wrote), its rows are not checked
    // again if head.json is still that very text.
    const read = await readIndexFiles(dir, this.#inSlices ? (text) => parseJsonInSlices(text, turn) : JSON.parse, { ...(this.#inSlices ? { turn } : {}), ...(written === undefined ? {} : { trust: written }) })
    if (!read.ok) return { index: null, origin: read.missing ? 'built' : 'rebuilt-corrupt' }
    const options = { getText: this.#getText, getFurniture: this.#getFurniture, ...(this.#inSlices ? { turn } : {}) }
    try {
      const shards = shardLoader(dir, read.files)
      const loaded = this.#inSlices ? await SearchIndex.fromPartsInSlices(read.head, read.filters, shards, options, turn, read.written) : SearchIndex.fromParts(read.head, read.filters, shards, options, read.written)
      if (!loaded.ok) return { index: null, origin: loaded.reason === 'outdated' ? 'rebuilt-outdated' : 'rebuilt-corrupt' }
      this.#files = read.files
      const unchanged = this.store.readOnly && unchangedSince(read.notebook, await notebookState(dir), read.writtenAt)
      return { index: loaded.index, origin: unchanged ? 'cache-partial' : 'cache' }
    } catch {
      return { index: null, origin: 'rebuilt-corrupt' }
    }
  }

  /**
   * Brings the whole index in line with the notebook (only changed documents are
   * indexed again). Returns whether anything changed.
   */
  async #sync(index: SearchIndex): Promise<boolean> {
    const before = index.fingerprint()
    await this.store.allHighlights()
    // An article restored from the trash after every file was read: read its file now.
    for (const a of this.store.articles) if (!index.hasArticle(a.id)) await this.store.preload(a.id)
    const articles = this.store.articles
    const highlights = await this.store.allHighlights()
    await index.reconcile(articles, highlights)
    await this.#noteHighlights(highlights)
    return index.fingerprint() !== before
  }

  /** The highlight ids of each article as indexed (to remove the ones a change deletes); in slices, with turns between. */
  async #noteHighlights(highlights: readonly IndexedHighlight[]): Promise<void> {
    this.#highlightsOf.clear()
    for (const [i, h] of highlights.entries()) {
      if (i % NOTE_SLICE === NOTE_SLICE - 1 && this.#inSlices) await turn()
      let ids = this.#highlightsOf.get(h.articleId)
      if (!ids) this.#highlightsOf.set(h.articleId, (ids = new Set()))
      ids.add(h.id)
    }
  }

  /** Queues the work a saved change needs; tag changes need none (filters use tag ids). */
  #follow(change: StoreChange): void {
    if (change.kind === 'catalog') {
      if (this.#catalogQueued) return
      this.#catalogQueued = true
      this.#enqueue(async () => {
        this.#catalogQueued = false
        await this.#update((index) => this.#syncCatalog(index))
      })
    } else if (change.kind === 'highlights') {
      const articleId = change.articleId
      if (this.#highlightsQueued.has(articleId)) return
      this.#highlightsQueued.add(articleId)
      this.#enqueue(async () => {
        this.#highlightsQueued.delete(articleId)
        await this.#update((index) => (index.hasArticle(articleId) ? this.#syncHighlights(index, articleId) : this.#syncCatalog(index)))
      })
    }
  }

  async #update(work: (index: SearchIndex) => Promise<void>): Promise<void> {
    const index = this.#index
    // Not loaded (the load failed): the next search loads from the notebook as it is then.
    if (index === null) return
    const before = index.fingerprint()
    await work(index)
    if (index.fingerprint() !== before) this.#changed()
  }

  /** Articles imported, edited, deleted or restored: those (and their highlights) only. */
  async #syncCatalog(index: SearchIndex): Promise<void> {
    const diff = index.diff(this.store.articles, [])
    for (const id of diff.articlesToRemove) {
      index.removeArticle(id)
      this.#highlightsOf.delete(id)
    }
    for (const id of diff.articlesToIndex) {
      const text = (await this.#getText(id)) ?? ''
      const article = this.store.article(id)
      // Deleted meanwhile: the catalog change that deleted it is queued and removes it.
      if (!article) continue
      index.addArticle(article, text, text === '' ? [] : await this.#getFurniture(article, text))
      await this.#syncHighlights(index, id)
    }
  }

  /** One article's highlights: added, changed (tags only: no re-indexing) or removed. */
  async #syncHighlights(index: SearchIndex, articleId: ArticleId): Promise<void> {
    const highlights = this.store.article(articleId) ? await this.store.loadHighlights(articleId) : []
    const now = new Set(highlights.map((h) => h.id))
    for (const id of this.#highlightsOf.get(articleId) ?? []) if (!now.has(id)) index.removeHighlight(id)
    for (const h of highlights) index.updateHighlight(h)
    this.#highlightsOf.set(articleId, now)
  }

  #changed(): void {
    this.#dirty = true
    if (this.#closed) return
    // A read-only store changes nothing after its load: write what the load brought up to date now.
    this.#save.schedule(this.store.readOnly ? 0 : this.#delay)
  }

  /**
   * Writes the index when it changed since the last write; one write at a time. The
   * notebook state is read first, then the changes queued by then are applied: the index
   * written reflects at least that state (a later change only makes the next open check it).
   */
  #persist(): Promise<void> {
    this.#writing = this.#writing.then(async () => {
      if (!this.#dirty || this.#index === null) return
      const state: NotebookState = await notebookState(this.store.dir)
      await this.#queue
      const index = this.#index
      if (index === null) return
      this.#dirty = false
      await index.vacuumIfDirty()
      const parts = index.toParts(this.#files ? 'dirty' : 'all')
      try {
        const files = await this.#write(this.store.dir, parts, this.#files, state)
        this.#files = files
        // Saved: the postings in memory need not stay (unless something changed meanwhile).
        if (this.#index === index && this.#searching === 0) index.releaseShards(parts.head.shards, shardLoader(this.store.dir, files))
      } catch (error) {
        // A cache, not data: the next change tries again, or the next open rebuilds. A saved
        // shard this index never loaded is gone (another process replaced the index long
        // ago): its postings cannot be merged, so the index is built again on next use.
        this.#dirty = true
        index.markDirty([...parts.shards.keys(), ...(parts.dirty ?? [])])
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' && this.#index === index) this.#index = null
        console.error(`Could not write the search index in ${this.store.dir}`, error)
      }
    })
    return this.#writing
  }
}
