/**
 * The batch import pipeline behind `NotebookSession.importPaths` / `importContents`.
 * Each file is prepared (check, extract, analyse, write body, original and analysis);
 * prepared articles are committed in steps (rewrites linked through the reuse index, the
 * catalog written once per step): every STEP_ARTICLES articles or STEP_MS of work, and at
 * the end. An interrupted import (cancel, Ctrl-C, a kill) therefore keeps every step
 * committed before it; what a killed step had written is unreferenced content, which
 * `dossier check` reports and `--repair` moves to lost+found.
 */
import { basename, extname } from 'node:path'
import type { ImportItem, ImportReport } from '../../core/api'
import { makeArticleId, type ArticleId } from '../../core/ids'
import type { Fingerprint } from '../../core/analysis/fingerprint'
import type { ReuseIndex } from '../../core/analysis/reuse-index'
import type { Article } from '../../core/model'
import { isDossierError, type ApiError } from '../../core/result'
import { sha256HexInSlices } from '../in-slices'
import type { NotebookStore } from '../storage/notebook-store'
import { collectImportFiles } from './collect-files'
import { prepareInWorker } from './extract-in-worker'
import { checkFileName, readImportFile } from './file-checks'
import { fileError } from './file-error'
import { fingerprintOfArticle } from '../library/article-analysis'
import { findRewriteLinks } from './rewrite-links'

export interface ContentToImport {
  name: string
  bytes: Uint8Array
}

/** What the pipeline needs from the session: its store, clock, id generator and reuse index. */
export interface ImportContext {
  store: NotebookStore
  now: () => string
  freshId: <T extends string>(make: (hex: string) => T, isTaken: (id: T) => boolean) => T
  /** The notebook's text-reuse index, in step with the catalog (opened once per session). */
  reuseIndex: (onProgress?: (done: number, total: number) => void) => Promise<ReuseIndex>
  /** Saves the reuse index after the import (a derived cache). */
  saveReuseIndex: (index: ReuseIndex) => Promise<void>
  /** Told before each file: how many are done, of how many, and which is next. */
  onProgress?: (done: number, total: number, label: string) => void
  /** Cancels the batch between files: files already prepared are still committed, the rest are reported as not imported. */
  signal?: AbortSignal
  /** Told after each commit step with the items it settled (imported, or failed when the step's catalog write failed). */
  onCommitted?: (items: readonly ImportItem[]) => void
}

/** A commit step closes after this many prepared articles… */
export const STEP_ARTICLES = 100
/** …or this long after the step's first one, whichever comes first. */
export const STEP_MS = 2_000

function canceledItem(source: string): ImportItem {
  return { source, status: 'failed', error: { code: 'canceled', message: 'Not imported: the import was cancelled before this file.' } }
}

/** Imports files and folders from disk; folders are searched for every supported format. */
export async function importPaths(ctx: ImportContext, paths: readonly string[]): Promise<ImportReport> {
  const { files, problems } = await collectImportFiles(paths)
  const batch = new ImportBatch(ctx)
  const items: ImportItem[] = [...problems]
  // Read one file ahead, so reading overlaps the analysis of the file before it.
  const read = (file: string | undefined) => (file === undefined ? undefined : settle(readImportFile(file)))
  let next = read(files[0])
  for (let i = 0; i < files.length; i++) {
    if (ctx.signal?.aborted) {
      items.push(...files.slice(i).map(canceledItem))
      break
    }
    ctx.onProgress?.(i, files.length, basename(files[i]!))
    const current = next!
    next = read(files[i + 1])
    items.push(await prepareOne(ctx, batch, files[i]!, async () => unwrap(await current)))
    await batch.commitIfDue()
  }
  ctx.onProgress?.(files.length, files.length, 'Saving')
  await batch.finish()
  return report(items)
}

/** Imports file contents (files dropped on the app window). */
export async function importContents(ctx: ImportContext, files: readonly ContentToImport[]): Promise<ImportReport> {
  const batch = new ImportBatch(ctx)
  const items: ImportItem[] = []
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!
    if (ctx.signal?.aborted) {
      items.push(...files.slice(i).map((f) => canceledItem(f.name)))
      break
    }
    ctx.onProgress?.(i, files.length, file.name)
    items.push(await prepareOne(ctx, batch, file.name, () => Promise.resolve(file)))
    await batch.commitIfDue()
  }
  ctx.onProgress?.(files.length, files.length, 'Saving')
  await batch.finish()
  return report(items)
}

/** Articles prepared and not committed yet (the current step), and how to commit them. */
class ImportBatch {
  articles: Article[] = []
  items = new Map<ArticleId, ImportItem>()
  /** Each prepared article's body + original + analysis write, resolving to the original's path and hash. */
  writes = new Map<ArticleId, Promise<{ path: string; hash: string }>>()
  fingerprints = new Map<ArticleId, Fingerprint>()
  static readonly MAX_WRITES_IN_FLIGHT = 16
  #stepStarted: number | null = null
  #index: ReuseIndex | null = null

  constructor(private readonly ctx: ImportContext) {}

  /** Waits until at most MAX_WRITES_IN_FLIGHT writes are unfinished (a failure is handled in commit). */
  async throttle(): Promise<void> {
    this.#stepStarted ??= performance.now()
    const all = [...this.writes.values()]
    const waitFor = all[all.length - ImportBatch.MAX_WRITES_IN_FLIGHT - 1]
    if (waitFor) await waitFor.catch(() => undefined)
  }

  /** The prepared article with this body, if one is waiting in this step. */
  withBody(bodyHash: string): Article | undefined {
    return this.articles.find((a) => a.bodyHash === bodyHash)
  }

  isIdTaken(id: ArticleId): boolean {
    return this.items.has(id)
  }

  async commitIfDue(): Promise<void> {
    if (this.articles.length === 0) return
    if (this.articles.length >= STEP_ARTICLES || performance.now() - (this.#stepStarted ?? 0) >= STEP_MS) await this.#commitStep()
  }

  /** Commits what is left and saves the reuse index. */
  async finish(): Promise<void> {
    if (this.articles.length > 0) await this.#commitStep()
    if (this.#index) await this.ctx.saveReuseIndex(this.#index).catch(() => undefined) // a cache: rebuilt if lost
  }

  async #commitStep(): Promise<void> {
    const step = { articles: this.articles, items: this.items, writes: this.writes, fingerprints: this.fingerprints }
    this.articles = []
    this.items = new Map()
    this.writes = new Map()
    this.fingerprints = new Map()
    this.#stepStarted = null
    this.#index ??= await this.ctx.reuseIndex((done, total) => this.ctx.onProgress?.(done, total, 'Preparing rewrite detection'))
    await commit(this.ctx, this.#index, step)
    this.ctx.onCommitted?.([...step.items.values()])
  }
}

/**
 * Phase 1 of an import, per file: check, extract, analyse, and write the body and the
 * original (immutable, content-addressed, durable). The article itself waits in the
 * batch for commit, so a failure here leaves at most unreferenced content files.
 */
async function prepareOne(ctx: ImportContext, batch: ImportBatch, source: string, load: () => Promise<ContentToImport>): Promise<ImportItem> {
  try {
    const { name, bytes } = await load()
    checkFileName(name)
    // Extraction and analysis run in the import worker, under its limits (./extract-in-worker).
    const { doc, draft, body } = await prepareInWorker(bytes, name, ctx.signal)
    const bodyHash = await sha256HexInSlices(body)
    const existing = ctx.store.articleWithBody(bodyHash) ?? batch.withBody(bodyHash)
    if (existing) return { source, status: 'duplicate', articleId: existing.id, title: existing.title, duplicateOf: existing.id }

    // Durable writes of the body and original run while the next file is analysed; all
    // have finished (or failed, failing their file) before the catalog is written.
    const furniture = draft.analysis.furniture.map((f) => ({ start: f.start, end: f.end, kind: f.kind, label: f.label }))
    const written = Promise.all([
      ctx.store.putBody(body),
      ctx.store.putOriginal(bytes, extname(name)),
      ctx.store.putAnalysis({ bodyHash, furniture, fingerprint: draft.analysis.fingerprint }),
    ]).then(([, original]) => original)
    written.catch(() => undefined)
    const metaSources: Article['metaSources'] = { ...draft.metaSources }
    if (draft.analysis.meta.language.value !== null) metaSources.language = draft.analysis.meta.language.source
    metaSources.wordCount = draft.analysis.meta.wordCount.source
    const article: Article = {
      id: ctx.freshId((hex) => makeArticleId(hex), (id) => ctx.store.article(id) !== undefined || batch.isIdTaken(id)),
      title: draft.title,
      outlet: draft.outlet,
      author: draft.author,
      published: draft.published,
      url: draft.url,
      metaSources,
      bodyHash,
      wordCount: draft.wordCount,
      charCount: draft.charCount,
      importedAt: ctx.now(),
      format: doc.format,
      language: draft.analysis.meta.language.value,
      encoding: doc.encoding ?? null,
      flags: [...doc.flags.map((f) => ({ kind: f.kind, detail: f.detail })), ...draft.analysis.flags.map((f) => ({ kind: f.kind, detail: f.detail, count: f.count }))],
      rewrites: [],
      metaEdited: [],
      source: { fileName: name, format: doc.format, originalFile: '', originalHash: '' },
    }
    batch.articles.push(article)
    batch.writes.set(article.id, written)
    batch.fingerprints.set(article.id, draft.analysis.fingerprint)
    const item: ImportItem = { source, status: 'imported', articleId: article.id, title: article.title }
    batch.items.set(article.id, item)
    await batch.throttle()
    return item
  } catch (error) {
    // Whatever goes wrong with one file is that file's failure, never the batch's.
    return { source, status: 'failed', error: fileError(error, source) }
  }
}

interface Step {
  articles: Article[]
  items: Map<ArticleId, ImportItem>
  writes: Map<ArticleId, Promise<{ path: string; hash: string }>>
  fingerprints: Map<ArticleId, Fingerprint>
}

/**
 * Commits one step: waits for its files, finds rewrites among its articles and the whole
 * notebook (through the reuse index), links both directions, and writes the catalog ONCE.
 * If that write fails, no article of the step exists and each is reported as failed.
 */
async function commit(ctx: ImportContext, index: ReuseIndex, step: Step): Promise<void> {
  const fail = (item: ImportItem, error: { code: ApiError['code']; message: string }) => {
    item.status = 'failed'
    item.error = error
    delete item.articleId
    delete item.title
  }
  for (const article of [...step.articles]) {
    try {
      const original = await step.writes.get(article.id)!
      article.source = { ...article.source, originalFile: original.path, originalHash: original.hash }
    } catch (error) {
      if (!isDossierError(error)) throw error
      step.articles.splice(step.articles.indexOf(article), 1)
      fail(step.items.get(article.id)!, { code: error.code, message: error.message })
      step.items.delete(article.id)
    }
  }
  if (step.articles.length === 0) return
  const fresh = step.articles.map((a) => ({ id: a.id, fingerprint: step.fingerprints.get(a.id)! }))
  // Complete new link lists of every article whose links changed (the new ones, and
  // neighbours whose links were scored again: see rewrite-links.ts).
  const links = await findRewriteLinks(
    index,
    fresh,
    (id) => {
      const stored = ctx.store.article(id)
      return stored ? fingerprintOfArticle(ctx.store, stored) : Promise.resolve(null)
    },
    (id) => ctx.store.article(id)?.rewrites ?? [],
  )
  try {
    await ctx.store.updateCatalog((d) => {
      for (const a of d.articles) {
        const list = links.get(a.id)
        if (list) a.rewrites = list
      }
      for (const a of step.articles) d.articles.push({ ...a, rewrites: links.get(a.id) ?? [] })
    })
  } catch (error) {
    if (!isDossierError(error)) throw error
    for (const a of step.articles) index.remove(a.id)
    for (const item of step.items.values()) fail(item, { code: error.code, message: `${item.source} was not imported: ${error.message}` })
    return
  }
  for (const [id, item] of step.items) {
    const linked = links.get(id)
    if (linked?.length) item.rewriteOf = linked.map((l) => ({ articleId: l.articleId, title: ctx.store.article(l.articleId)?.title ?? '', score: l.score }))
  }
}

function report(items: ImportItem[]): ImportReport {
  return {
    items,
    imported: items.filter((i) => i.status === 'imported').length,
    duplicates: items.filter((i) => i.status === 'duplicate').length,
    failed: items.filter((i) => i.status === 'failed').length,
  }
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown }

/** A promise that never rejects (so a read-ahead that fails is not an unhandled rejection). */
function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true, value }) as const,
    (error: unknown) => ({ ok: false, error }) as const,
  )
}

function unwrap<T>(settled: Settled<T>): T {
  if (settled.ok) return settled.value
  throw settled.error
}
