/**
 * A notebook on disk (notes/data-model.md): `notebook.json` (manifest and tags),
 * `catalog.json` (articles), `annotations/<articleId>.json` (one article's highlights),
 * content-addressed `bodies/` and `originals/`, `backups/`, and a `.lock`.
 *
 * Guarantees:
 * - A change is visible in memory only after it is durably on disk; a failed save leaves
 *   the state as it was. Each change rewrites one file, and a highlight change rewrites
 *   only that article's small annotation file.
 * - A file that cannot be read (empty, truncated, NUL-filled, not JSON, `null`, fails its
 *   schema) is never written over: it is moved aside as `NAME.corrupt-<timestamp>`, the
 *   newest verified backup of it is restored, and `openReport` says exactly what happened.
 * - A notebook from a newer Dossier is refused untouched; an older one is backed up and
 *   migrated. Only `.lock`'s holder writes the notebook; read-only opens write only caches.
 */
import { mkdir } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { ArticleId, HighlightId, TagId } from '../../core/ids'
import type { EntitiesFile } from '../../core/entities/schema'
import type { AnalysisFile, AnnotationFile, Article, Catalog, Highlight, Manifest, Tag } from '../../core/model'
import { DossierError, isDossierError } from '../../core/result'
import { backupIfDue, createBackup, listBackups, type BackupInfo } from './backups'
import { writeFileDurably, type FileWriter } from './durable-write'
import { ENTITIES_DOC, validateAnnotationsOf, validateCatalog, type OptionalFile } from './file-formats'
import { sha256HexInSlices } from '../in-slices'
import { countHighlights, CountsCacheWriter, planCounts, type ArticleCounts } from './highlight-counts'
import { acquireNotebookLock, type NotebookLock } from './notebook-lock'
import { ANNOTATIONS_DIR, BODIES_DIR, CATALOG_FILE, CATALOG_STAMP_FILE, MANIFEST_FILE, ORIGINALS_DIR } from './layout'
import { readOnlyError } from './read-only'
import { CatalogLookup } from './catalog-lookup'
import { Loader, type Doc, type OpenNotebookOptions, type OpenReport } from './notebook-loader'
import { DurableJSONFile } from './durable-json-file'
import { Low } from 'lowdb'
import { ensureFolder, putContentFile, readAnalysisFile, readBodyFile, readFurnitureFile, removeStaleTempFiles, sha256Hex, writeAnalysisFile } from './content-files'

export { sha256Hex, ANNOTATIONS_DIR, BODIES_DIR, CATALOG_FILE, MANIFEST_FILE, ORIGINALS_DIR }
export type { OpenNotebookOptions, OpenReport, RecoveredFile } from './notebook-loader'

export function annotationFileFor(articleId: ArticleId): string {
  return `${ANNOTATIONS_DIR}/${articleId}.json`
}

/** What a saved change touched: the tags, the article catalog, or one article's highlights. */
export type StoreChange = { kind: 'manifest' } | { kind: 'catalog' } | { kind: 'entities' } | { kind: 'highlights'; articleId: ArticleId } | { kind: 'file'; name: string }

/** Annotation files loadAll reads at once (their completions take one turn of the event loop: 64 held it 50 ms). */
const LOAD_BATCH = 16

export class NotebookStore {
  /** Annotation files loaded so far (they load lazily: per article, or all at once). */
  readonly #annotations = new Map<ArticleId, Doc<AnnotationFile>>()
  readonly #loading = new Map<ArticleId, Promise<Doc<AnnotationFile>>>()
  readonly #highlightArticle = new Map<HighlightId, ArticleId>()
  /** Annotation files a read-only open could not read, with why (see #docFor). */
  readonly #unreadable = new Map<ArticleId, DossierError>()
  /** Highlight counts (all, per tag) of every article that has highlights (see highlight-counts.ts). */
  readonly #counts = new Map<ArticleId, ArticleCounts>()
  #allLoaded: Promise<void> | null = null
  readonly #countsCache: CountsCacheWriter
  /** Optional files (entities.json, outlets.json, claims.json), each read on first use (see optionalFile()). */
  readonly #optional = new Map<string, Promise<Doc<unknown>>>()
  #queues = new Map<string, Promise<unknown>>()
  readonly #listeners = new Set<(change: StoreChange) => void>()
  /** Articles by id and by body hash, for the catalog object they were built from. */
  readonly #lookup = new CatalogLookup()

  private constructor(
    readonly dir: string,
    readonly readOnly: boolean,
    readonly openReport: OpenReport,
    private readonly manifest: Doc<Manifest>,
    private readonly catalog: Doc<Catalog>,
    private readonly writer: FileWriter,
    private readonly lock: NotebookLock | null,
    private readonly loader: Loader,
  ) {
    this.#countsCache = new CountsCacheWriter(dir, ANNOTATIONS_DIR, async () => {
      await Promise.all(this.#queues.values())
      return this.#unreadable.size > 0 ? null : new Map(this.#counts)
    })
  }

  static async open(dir: string, options: OpenNotebookOptions = {}): Promise<NotebookStore> {
    const create = options.create ?? true
    const { readOnly = false, now = () => new Date().toISOString(), writer = writeFileDurably } = options
    await ensureFolder(dir, create && !readOnly)

    const lock = readOnly ? null : await acquireNotebookLock(dir, { app: options.app ?? 'app' })
    try {
      const report: OpenReport = { recovered: [], skipped: [], migratedFrom: null, removedTempFiles: 0 }
      if (!readOnly) report.removedTempFiles = await removeStaleTempFiles(dir)
      const loader = new Loader(dir, readOnly, writer, now, report)

      const manifest = await loader.openManifest(create)
      if (!readOnly) await mkdir(join(dir, ANNOTATIONS_DIR), { recursive: true })
      const catalog = await loader.openDoc(CATALOG_FILE, validateCatalog, () => ({ articles: [] }), { indent: 0, stamp: CATALOG_STAMP_FILE })
      const store = new NotebookStore(dir, readOnly, report, manifest, catalog, writer, lock, loader)
      // Open to a listed library without reading every annotation file: cached counts for
      // files unchanged since the cache was written, the rest read now.
      const plan = await planCounts(dir, ANNOTATIONS_DIR, catalog.data.articles.map((a) => a.id))
      for (const [id, count] of plan.trusted) store.#counts.set(id, count)
      for (let i = 0; i < plan.stale.length; i += 64) await Promise.all(plan.stale.slice(i, i + 64).map((id) => store.#docFor(id)))
      store.#countsCache.markDirty(plan.stale.length > 0)
      return store
    } catch (error) {
      await lock?.release()
      throw error
    }
  }

  get name(): string {
    return basename(this.dir)
  }

  get tags(): readonly Tag[] {
    return this.manifest.data.tags
  }

  get articles(): readonly Article[] {
    return this.catalog.data.articles
  }

  article(id: ArticleId): Article | undefined {
    return this.#lookup.of(this.catalog.data).byId.get(id)
  }

  /** The article whose stored text has this hash (a duplicate import), if any. */
  articleWithBody(bodyHash: string): Article | undefined {
    return this.#lookup.of(this.catalog.data).byBody.get(bodyHash)
  }

  /** One article's highlights, reading its annotation file on first use. */
  async loadHighlights(articleId: ArticleId): Promise<readonly Highlight[]> {
    const doc = await this.#docFor(articleId)
    const unreadable = this.#unreadable.get(articleId)
    if (unreadable) throw unreadable
    return doc.data.highlights
  }

  /** Reads an article's annotation file now if not read yet (one a read-only open cannot read is left out, and reported). */
  async preload(articleId: ArticleId): Promise<void> {
    await this.#docFor(articleId)
  }

  /**
   * Throws when a read-only open had to leave out an annotation file (a damaged one it may
   * not repair): for work that must not silently miss highlights (an export).
   */
  assertNoneSkipped(): void {
    const [first] = this.#unreadable.values()
    if (!first) return
    const more = this.#unreadable.size > 1 ? ` (and ${this.#unreadable.size - 1} more annotation files)` : ''
    throw new DossierError('notebook-unreadable', `${first.message}${more}`)
  }

  highlightCount(articleId: ArticleId): number {
    return this.#counts.get(articleId)?.highlights ?? 0
  }

  /** How many highlights carry each tag, over the whole notebook (from the counts: no annotation file is read). */
  tagHighlightCounts(): Map<TagId, number> {
    const total = new Map<TagId, number>()
    for (const { tags } of this.#counts.values()) for (const [id, n] of tags) total.set(id, (total.get(id) ?? 0) + n)
    return total
  }

  /** Reads every annotation file not read yet (once); recoveries go to `openReport`. */
  loadAll(): Promise<void> {
    this.#allLoaded ??= (async () => {
      const ids = this.catalog.data.articles.map((a) => a.id).filter((id) => this.#counts.has(id) && !this.#annotations.has(id))
      for (let i = 0; i < ids.length; i += LOAD_BATCH) await Promise.all(ids.slice(i, i + LOAD_BATCH).map((id) => this.#docFor(id)))
    })()
    return this.#allLoaded
  }

  /** Every highlight of every article in the catalog. */
  async allHighlights(): Promise<Highlight[]> {
    await this.loadAll()
    return this.catalog.data.articles.flatMap((a) => this.#annotations.get(a.id)?.data.highlights ?? [])
  }

  async findHighlight(id: HighlightId): Promise<Highlight | undefined> {
    if (!this.#highlightArticle.has(id)) await this.loadAll()
    const articleId = this.#highlightArticle.get(id)
    return articleId ? this.#annotations.get(articleId)?.data.highlights.find((h) => h.id === id) : undefined
  }

  /** Whether a highlight id is in use among the highlights read so far. */
  isHighlightIdLoaded(id: HighlightId): boolean {
    return this.#highlightArticle.has(id)
  }

  /**
   * Calls `listener` after each change is saved (derived data such as the search index
   * follows the notebook this way). Returns the unsubscribe function.
   */
  onChange(listener: (change: StoreChange) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  async updateManifest<R>(mutate: (draft: Manifest) => R): Promise<R> {
    const result = await this.#update(this.manifest, mutate)
    this.#notify({ kind: 'manifest' })
    return result
  }

  async updateCatalog<R>(mutate: (draft: Catalog) => R): Promise<R> {
    const result = await this.#update(this.catalog, mutate)
    this.#notify({ kind: 'catalog' })
    return result
  }

  /** The notebook's entities (`entities.json`, read on first use; a notebook without the file has none). */
  entities(): Promise<EntitiesFile> {
    return this.optionalFile(ENTITIES_DOC)
  }

  /** Changes the entities (rewrites `entities.json` only); `mutate` may throw to refuse, and nothing is written. */
  updateEntities<R>(mutate: (draft: EntitiesFile) => R): Promise<R> {
    return this.updateOptionalFile(ENTITIES_DOC, mutate)
  }

  /** An optional file's content (absent = `spec.empty()`; damaged = recovered like any file), read on first use. */
  async optionalFile<T>(spec: OptionalFile<T>): Promise<T> {
    if (!this.#optional.has(spec.name)) this.#optional.set(spec.name, this.loader.openDoc<unknown>(spec.name, spec.validate, spec.empty, spec.stamp === undefined ? {} : { stamp: spec.stamp }))
    return ((await this.#optional.get(spec.name)) as Doc<T>).data
  }

  /** Changes an optional file (rewrites it only); `mutate` may throw to refuse, and nothing is written. */
  async updateOptionalFile<T, R>(spec: OptionalFile<T>, mutate: (draft: T) => R): Promise<R> {
    await this.optionalFile(spec)
    const result = await this.#update((await this.#optional.get(spec.name)) as Doc<T>, mutate)
    this.#notify(spec.change)
    return result
  }

  /** Changes one article's highlights; rewrites only `annotations/<articleId>.json`. */
  async updateHighlights<R>(articleId: ArticleId, mutate: (highlights: Highlight[]) => R): Promise<R> {
    const target = await this.#docFor(articleId)
    const result = await this.#update(
      target,
      (draft) => mutate(draft.highlights),
      (before) => {
        // Inside the save's turn, so a counts snapshot taken after the saves in flight sees it.
        for (const h of before.highlights) this.#highlightArticle.delete(h.id)
        this.#index(target)
        this.#countsCache.changed()
      },
    )
    this.#notify({ kind: 'highlights', articleId })
    return result
  }

  #notify(change: StoreChange): void {
    for (const listener of this.#listeners) {
      try {
        listener(change)
      } catch (error) {
        // A listener's bug must not turn a saved change into a reported failure.
        console.error('Notebook change listener failed', error)
      }
    }
  }

  /** Stores an article's text (a string, or its UTF-8 bytes as import hands it over); returns its hash. */
  async putBody(text: string | Uint8Array): Promise<string> {
    const hash = typeof text === 'string' ? sha256Hex(text) : await sha256HexInSlices(text)
    await this.#putImmutable(BODIES_DIR, `${hash}.txt`, text)
    return hash
  }

  /** A stored text, checked against its hash. */
  readBody(hash: string): Promise<string> {
    return readBodyFile(this.dir, hash)
  }

  /** A stored text's analysis, or null when missing or unusable (derived: the caller recomputes it). */
  readAnalysis(bodyHash: string): Promise<AnalysisFile | null> {
    return readAnalysisFile(this.dir, bodyHash)
  }

  /** The furniture of a stored analysis, or null like readAnalysis (the fingerprint left unread). */
  readFurniture(bodyHash: string): Promise<AnalysisFile['furniture'] | null> {
    return readFurnitureFile(this.dir, bodyHash)
  }

  /** Stores a text's analysis: atomically, without fsync (it is recomputed if lost). A read-only store keeps nothing. */
  async putAnalysis(analysis: AnalysisFile): Promise<void> {
    if (!this.readOnly) await writeAnalysisFile(this.dir, analysis)
  }

  /** Keeps the original bytes of an imported file; returns its notebook-relative path. */
  async putOriginal(bytes: Uint8Array, extension: string): Promise<{ path: string; hash: string }> {
    const hash = await sha256HexInSlices(bytes)
    const name = `${hash}${extension.toLowerCase()}`
    await this.#putImmutable(ORIGINALS_DIR, name, bytes)
    return { path: `${ORIGINALS_DIR}/${name}`, hash }
  }

  /** Backs up now (e.g. on quit). */
  backup(reason: string): Promise<BackupInfo> {
    this.#assertWritable()
    return createBackup(this.dir, reason)
  }

  /** Backs up when the newest backup is older than a day, or there is none. */
  async backupIfDue(reason = 'daily'): Promise<BackupInfo | null> {
    return this.readOnly ? null : backupIfDue(this.dir, reason)
  }

  listBackups(): Promise<BackupInfo[]> {
    return listBackups(this.dir)
  }

  /** Finishes pending saves, writes the count cache, and releases the writer lock. */
  async close(): Promise<void> {
    await Promise.all(this.#queues.values())
    await this.#countsCache.flush()
    await this.lock?.release()
  }

  /** The annotation document of an article, read on first use; one read per article even when asked concurrently. */
  #docFor(articleId: ArticleId): Promise<Doc<AnnotationFile>> {
    const loaded = this.#annotations.get(articleId)
    if (loaded) return Promise.resolve(loaded)
    let loading = this.#loading.get(articleId)
    if (!loading) {
      loading = this.loader
        .openDoc(annotationFileFor(articleId), validateAnnotationsOf(articleId), () => ({ articleId, highlights: [] }))
        .then(
          (doc) => {
            this.#index(doc)
            return doc
          },
          (error: unknown) => {
            // Read-only, a damaged file cannot be repaired: leave its highlights out of what
            // this command shows (it says so), rather than failing every command.
            if (!this.readOnly || !isDossierError(error) || error.code !== 'notebook-unreadable') throw error
            this.#unreadable.set(articleId, error)
            this.openReport.skipped.push({ file: annotationFileFor(articleId), problem: error.message })
            const empty = new Low<AnnotationFile>(new DurableJSONFile(join(this.dir, annotationFileFor(articleId)), validateAnnotationsOf(articleId)), { articleId, highlights: [] }) as Doc<AnnotationFile>
            this.#annotations.set(articleId, empty)
            return empty
          },
        )
        .finally(() => this.#loading.delete(articleId))
      this.#loading.set(articleId, loading)
    }
    return loading
  }

  #index(doc: Doc<AnnotationFile>): void {
    const articleId = doc.data.articleId
    this.#annotations.set(articleId, doc)
    for (const h of doc.data.highlights) this.#highlightArticle.set(h.id, articleId)
    if (doc.data.highlights.length > 0) this.#counts.set(articleId, countHighlights(doc.data.highlights))
    else this.#counts.delete(articleId)
  }

  /**
   * Applies `mutate` to a copy, writes the copy durably, and only then makes it current
   * (and calls `saved` with the state it replaced). Changes to one file run one at a time,
   * in call order.
   */
  #update<T, R>(doc: Doc<T>, mutate: (draft: T) => R, saved?: (before: T) => void): Promise<R> {
    if (this.readOnly) return Promise.reject(readOnlyError())
    const key = doc.adapter.file
    const run = (this.#queues.get(key) ?? Promise.resolve()).then(async () => {
      const draft = structuredClone(doc.data)
      const result = mutate(draft)
      try {
        await doc.adapter.write(draft)
      } catch (error) {
        // A refused write (disk full, read-only, permission) already says so, with its own code.
        if (isDossierError(error)) throw error
        throw new DossierError('write-failed', `Could not save the notebook (${(error as Error).message}); nothing was changed.`)
      }
      const before = doc.data
      doc.data = draft
      saved?.(before)
      return result
    })
    this.#queues.set(key, run.catch(() => undefined))
    return run
  }

  #assertWritable(): void {
    if (this.readOnly) throw readOnlyError()
  }

  #putImmutable(sub: string, name: string, data: string | Uint8Array): Promise<void> {
    this.#assertWritable()
    return putContentFile(this.dir, sub, name, data, this.writer)
  }
}


