/**
 * Everything that can be done to one open notebook: import, read, highlight, export.
 * Shared by the app's API service and the CLI, so both behave identically. Methods throw
 * `DossierError` for expected failures (the API boundary turns them into Results) and
 * leave the notebook unchanged when they fail.
 */
import { randomBytes } from 'node:crypto'
import type {
  AnnotationImportReport,
  ArticleMetaSnapshot,
  ArticleRemoval,
  ArticleSummary,
  ArticleView,
  BriefingRequest,
  BriefingSummary,
  Canceled,
  ClipboardContent,
  HighlightChange,
  ImportReport,
  NewHighlight,
  NewTag,
  NotebookInfo,
  PassageSummary,
  TagChange,
  TagRemoval,
  TagSummary,
} from '../core/api'
import { reanchorAll } from '../core/anchoring'
import type { BriefingDocument, BriefingId } from '../core/briefing-document'
import type { BriefingLayout } from '../core/briefing-types'
import { ArticleIdSchema, makeHighlightId, makeTagId, type ArticleId, type HighlightId, type TagId } from '../core/ids'
import type { SearchResponse } from '../core/search/types'
import type { Article, Highlight, Tag } from '../core/model'
import { DossierError } from '../core/result'
import * as briefings from './briefings/briefing-ops'
import type { ContentToImport, ImportContext } from './import/import-batch'
import { loadImportPipeline } from './import/load-pipeline'
import { ReuseIndexCache } from './import/reuse-index-file'
import { restoreArticleMeta, updateArticleMeta, type ArticleMetaChange } from './library/article-meta'
import { deleteArticle, restoreArticle } from './library/article-trash'
import { summariseArticle } from './library/summary'
import { furnitureOf } from './library/article-analysis'
import * as highlightOps from './highlight-ops'
import { checkTagIds, type QuoteHighlight } from './highlight-ops'
import { NotebookSearch } from './search/notebook-search'
import { EntitySession, type NamesSearchQuery } from './entities/entity-session'
import * as tagOps from './tags/tag-ops'
import { restoreFiles, verifyBackup, type BackupInfo } from './storage/backups'
import { NotebookStore, type OpenReport } from './storage/notebook-store'
import type { JobControl, SessionDeps, SessionOpenOptions } from './session-types'

export type { ContentToImport } from './import/import-batch'

export type { ArticleMetaChange } from './library/article-meta'
export type { JobControl, SessionDeps, SessionOpenOptions } from './session-types'
export type { QuoteHighlight } from './highlight-ops'

/** The import pipeline, loaded when something is imported (or ahead of time by the app), not for every command. */
const importBatch = loadImportPipeline

export class NotebookSession {
  readonly #now: () => string
  readonly #randomHex: () => string
  #search: NotebookSearch | null = null
  readonly #reuse: ReuseIndexCache
  readonly entities: EntitySession

  constructor(
    readonly store: NotebookStore,
    private readonly deps: SessionDeps,
  ) {
    this.#now = deps.now ?? (() => new Date().toISOString())
    this.#randomHex = deps.randomHex ?? (() => randomBytes(8).toString('hex'))
    this.#reuse = new ReuseIndexCache(store)
    this.entities = new EntitySession(store, () => this.#randomHex())
  }

  static async open(dir: string, deps: SessionDeps, options: SessionOpenOptions = {}): Promise<NotebookSession> {
    const store = await NotebookStore.open(dir, { ...options, create: options.create ?? true, now: deps.now })
    return new NotebookSession(store, { ...deps, app: options.app })
  }

  /** What opening found and did: damaged files recovered, a migration, stale temp files removed. */
  get openReport(): OpenReport {
    return this.store.openReport
  }

  info(): NotebookInfo {
    const articles = this.store.articles
    const highlightCount = articles.reduce((n, a) => n + this.store.highlightCount(a.id), 0)
    return { dir: this.store.dir, name: this.store.name, articleCount: articles.length, highlightCount }
  }

  listArticles(): ArticleSummary[] {
    return this.store.articles.map((a) => this.#summarise(a))
  }

  /**
   * The article with its highlights placed in its text. A highlight whose stored offsets
   * no longer hold its quote is re-anchored (exact, then approximate search); one that
   * cannot be placed is returned as an orphan, unchanged on disk.
   */
  async getArticle(articleId: ArticleId): Promise<ArticleView> {
    const article = this.#article(articleId)
    const text = await this.store.readBody(article.bodyHash)
    const { anchored, orphans } = reanchorAll(text, await this.store.loadHighlights(articleId))
    const highlights = anchored.map(({ highlight, start, end }) =>
      start === highlight.target.start && end === highlight.target.end ? highlight : { ...highlight, target: { ...highlight.target, start, end } },
    )
    return {
      article: { ...this.#summarise(article), metaSources: article.metaSources },
      text,
      highlights,
      orphans: [...orphans],
      furniture: await furnitureOf(this.store, article, text),
    }
  }

  articleSummary(articleId: ArticleId): ArticleSummary {
    return this.#summarise(this.#article(articleId))
  }

  listTags(): Tag[] {
    return this.store.tags.map((t) => ({ ...t }))
  }

  /** Resolves tag names (case-insensitive) to ids; an unknown name is an error naming the known ones. */
  tagIdsByName(names: readonly string[]): TagId[] {
    return names.map((name) => {
      const tag = this.store.tags.find((t) => t.name.toLowerCase() === name.trim().toLowerCase())
      if (!tag) {
        const known = this.store.tags.map((t) => t.name).join(', ')
        throw new DossierError('unknown-tag', `There is no tag named "${name}". Tags in this notebook: ${known}.`)
      }
      return tag.id
    })
  }

  /** Imports files and folders from disk (CLI and the app's open dialog); folders are searched for every supported format. */
  async importPaths(paths: readonly string[], job: JobControl = {}): Promise<ImportReport> {
    return (await importBatch()).importPaths(this.#importContext(job), paths)
  }

  /** Imports file contents (files dropped on the app window). */
  async importContents(files: readonly ContentToImport[], job: JobControl = {}): Promise<ImportReport> {
    return (await importBatch()).importContents(this.#importContext(job), files)
  }

  /** Imports pasted text, or pasted HTML (sanitised like a saved page) when the clipboard had it. */
  async importClipboard(content: ClipboardContent): Promise<ImportReport> {
    const stamp = this.#now().slice(0, 19).replace(/[:T]/g, '-')
    const html = content.html?.trim()
    const file = html
      ? { name: `Pasted ${stamp}.html`, bytes: new TextEncoder().encode(html) }
      : { name: `Pasted ${stamp}.txt`, bytes: new TextEncoder().encode(content.text ?? '') }
    return (await importBatch()).importContents(this.#importContext({}), [file])
  }

  /** Puts an article's metadata back exactly as a snapshot had it (undo and redo of an edit). */
  async restoreArticleMeta(articleId: ArticleId, meta: ArticleMetaSnapshot): Promise<ArticleSummary> {
    this.#article(articleId)
    await restoreArticleMeta(this.store, articleId, meta)
    return this.articleSummary(articleId)
  }

  /** Moves an article and its highlights to the notebook's trash; `restoreArticle` undoes it. */
  async deleteArticle(articleId: ArticleId): Promise<ArticleRemoval> {
    this.#article(articleId)
    return deleteArticle(this.store, articleId)
  }

  async restoreArticle(articleId: ArticleId): Promise<ArticleSummary> {
    // The id names a file in trash/: anything but an article id (a path, from the CLI) is refused.
    if (!ArticleIdSchema.safeParse(articleId).success) throw new DossierError('not-found', `"${articleId}" is not an article id (a-…); nothing was restored.`)
    return this.#summarise(await restoreArticle(this.store, articleId))
  }

  /**
   * Changes an article's metadata as the analyst states it (`dossier edit`). An empty
   * string clears a field (the title cannot be cleared). The stored text never changes.
   */
  async updateArticleMeta(articleId: ArticleId, change: ArticleMetaChange): Promise<Article> {
    this.#article(articleId)
    return updateArticleMeta(this.store, articleId, change)
  }

  createHighlight(request: NewHighlight): Promise<Highlight> {
    return highlightOps.createHighlight(this.#highlightContext(), request)
  }

  /** The CLI's way in: find the quote in the article, then highlight it. */
  highlightQuote(request: QuoteHighlight): Promise<Highlight> {
    return highlightOps.highlightQuote(this.#highlightContext(), request)
  }

  /** One highlight as stored (`dossier highlight edit` starts from its tags), or not-found. */
  getHighlight(highlightId: HighlightId): Promise<Highlight> {
    return highlightOps.findHighlight(this.#highlightContext(), highlightId)
  }

  updateHighlight(change: HighlightChange): Promise<Highlight> {
    return highlightOps.updateHighlight(this.#highlightContext(), change)
  }

  deleteHighlight(highlightId: HighlightId): Promise<void> {
    return highlightOps.deleteHighlight(this.#highlightContext(), highlightId)
  }

  async restoreHighlight(highlight: Highlight): Promise<Highlight> {
    const ctx = this.#highlightContext()
    ctx.article(highlight.articleId)
    ctx.checkTagIds(highlight.tagIds)
    highlightOps.checkEventDate(highlight.eventDate)
    return tagOps.restoreHighlight(this.store, highlight)
  }

  // ------------------------------------------------------------ tags and passages

  listTagSummaries(): Promise<TagSummary[]> {
    return tagOps.listTagSummaries(this.store)
  }

  createTag(tag: NewTag): Promise<Tag> {
    return tagOps.createTag(this.store, tag, () => this.#freshId(makeTagId, (id) => this.store.tags.some((t) => t.id === id)))
  }

  updateTag(change: TagChange): Promise<Tag> {
    return tagOps.updateTag(this.store, change)
  }

  deleteTag(tagId: TagId): Promise<TagRemoval> {
    return tagOps.deleteTag(this.store, tagId)
  }

  mergeTags(fromTagId: TagId, intoTagId: TagId): Promise<TagRemoval> {
    return tagOps.mergeTags(this.store, fromTagId, intoTagId)
  }

  restoreTag(removal: TagRemoval): Promise<Tag> {
    return tagOps.restoreTag(this.store, removal)
  }

  listPassages(): Promise<PassageSummary[]> {
    return tagOps.listPassages(this.store)
  }

  /** Searches article text, highlight quotes and comments (index opened on first use), names expanded unless `exact`. */
  search(query: NamesSearchQuery): Promise<SearchResponse> {
    this.#search ??= this.#openSearch()
    return this.entities.search(this.#search, query)
  }

  /** The search index; a CLI command reads a saved one whole (faster), the app in slices (its window keeps turning). */
  #openSearch(): NotebookSearch {
    return NotebookSearch.open(this.store, { inSlices: this.deps.app !== 'cli' })
  }

  /**
   * Starts loading or building the search and mention indexes in the background (the app
   * calls this after opening; a build runs in worker threads, src/main/search/build-in-worker.ts).
   */
  warmIndexes(): void {
    this.#search ??= this.#openSearch()
    this.entities.mentionIndex()
  }

  // ------------------------------------------------------------ briefings

  listBriefings(): Promise<BriefingSummary[]> {
    return briefings.listBriefings(this.#briefingContext())
  }

  getBriefing(id: BriefingId): Promise<BriefingDocument> {
    return briefings.getBriefing(this.#briefingContext(), id)
  }

  createBriefing(title?: string): Promise<BriefingDocument> {
    return briefings.createBriefing(this.#briefingContext(), title)
  }

  saveBriefing(doc: BriefingDocument): Promise<BriefingDocument> {
    return briefings.saveBriefing(this.#briefingContext(), doc)
  }

  deleteBriefing(id: BriefingId): Promise<void> {
    return briefings.deleteBriefing(this.#briefingContext(), id)
  }

  previewBriefing(id: BriefingId): Promise<BriefingLayout> {
    return briefings.previewBriefing(this.#briefingContext(), id)
  }

  /** Writes the briefing (stored or ad hoc) at `outPath` in the requested format; a failure leaves nothing there. */
  exportBriefing(outPath: string, request: BriefingRequest, job: JobControl = {}): Promise<briefings.ExportResult> {
    return briefings.exportBriefing(this.#briefingContext(), outPath, request, job)
  }

  /**
   * Recreates the highlights, tags and comments of a W3C Web Annotation file on the articles
   * this notebook holds. More than a few new tags need `options.confirmNewTags` to agree
   * (cancelled: nothing written).
   */
  importAnnotations(filePath: string, options: briefings.AnnotationImportOptions = {}): Promise<AnnotationImportReport | Canceled> {
    return briefings.importAnnotations(this.#briefingContext(), filePath, options)
  }

  listBackups(): Promise<BackupInfo[]> {
    return this.store.listBackups()
  }

  backup(reason: string): Promise<BackupInfo> {
    return this.store.backup(reason)
  }

  /** A backup when the newest is more than a day old (none for read-only sessions). */
  backupIfDue(): Promise<BackupInfo | null> {
    return this.store.backupIfDue()
  }

  /**
   * Makes the notebook what backup `id` holds, after backing up the current state, and
   * returns a session on the restored notebook (this one is closed).
   */
  async restoreBackup(id: string): Promise<{ session: NotebookSession; safetyBackup: BackupInfo }> {
    await verifyBackup(this.store.dir, id)
    const safetyBackup = await this.store.backup('before-restore')
    await restoreFiles(this.store.dir, id)
    await this.store.close()
    const session = await NotebookSession.open(this.store.dir, this.deps, { create: false, app: this.deps.app })
    return { session, safetyBackup }
  }

  /** Finishes pending saves (the search index's too) and releases the writer lock. */
  async close(): Promise<void> {
    await this.#search?.close().catch(() => undefined)
    this.#search = null
    await this.entities.close()
    return this.store.close()
  }

  #importContext(job: JobControl): ImportContext {
    return {
      store: this.store,
      now: () => this.#now(),
      freshId: (make, isTaken) => this.#freshId(make, isTaken),
      reuseIndex: (onProgress) => this.#reuse.current(onProgress),
      saveReuseIndex: (index) => this.#reuse.save(index),
      onCommitted: job.onCommitted,
      signal: job.signal,
      onProgress: job.onProgress && ((done, total, label) => job.onProgress?.({ job: 'import', done, total, label })),
    }
  }

  #briefingContext(): briefings.BriefingContext {
    return { store: this.store, now: () => this.#now(), randomHex: () => this.#randomHex(), fontsDir: this.deps.fontsDir, entities: this.entities }
  }

  #highlightContext(): highlightOps.HighlightContext {
    return {
      store: this.store,
      now: () => this.#now(),
      newHighlightId: () => this.#freshId(makeHighlightId, (id) => this.store.isHighlightIdLoaded(id)),
      article: (id) => this.#article(id),
      checkTagIds: (ids) => checkTagIds(this.store, ids),
      tagIdsByName: (names) => this.tagIdsByName(names),
    }
  }

  #summarise(a: Article): ArticleSummary {
    return summariseArticle(a, this.store)
  }

  #article(id: ArticleId): Article {
    const article = this.store.article(id)
    if (!article) throw new DossierError('not-found', `There is no article with id ${id} in this notebook.`)
    return article
  }

  #freshId<T extends string>(make: (hex: string) => T, isTaken: (id: T) => boolean): T {
    for (;;) {
      const id = make(this.#randomHex())
      if (!isTaken(id)) return id
    }
  }
}
