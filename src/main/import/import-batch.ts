/**
 * The batch import pipeline behind `NotebookSession.importPaths` / `importContents`.
 * Phase 1 prepares each file (check, extract, analyse, write body and original); phase 2
 * links rewrites among new and stored articles and writes the catalog once for the batch.
 */
import { basename, extname } from 'node:path'
import type { ImportItem, ImportReport } from '../../core/api'
import { makeArticleId, type ArticleId } from '../../core/ids'
import { analyseText } from '../../core/analysis/analyse'
import type { Fingerprint } from '../../core/analysis/fingerprint'
import type { Article, RewriteLink } from '../../core/model'
import { isDossierError } from '../../core/result'
import { sha256HexInSlices } from '../in-slices'
import type { NotebookStore } from '../storage/notebook-store'
import { collectImportFiles } from './collect-files'
import { prepareInWorker } from './extract-in-worker'
import { checkFileName, readImportFile } from './file-checks'
import { fileError } from './file-error'
import { findRewriteLinks, MAX_LINKS } from './rewrite-links'

export interface ContentToImport {
  name: string
  bytes: Uint8Array
}

/** What the pipeline needs from the session: its store, clock and id generator. */
export interface ImportContext {
  store: NotebookStore
  now: () => string
  freshId: <T extends string>(make: (hex: string) => T, isTaken: (id: T) => boolean) => T
  /** Told before each file: how many are done, of how many, and which is next. */
  onProgress?: (done: number, total: number, label: string) => void
  /** Cancels the batch between files: files already prepared are still committed, the rest are reported as not imported. */
  signal?: AbortSignal
}

function canceledItem(source: string): ImportItem {
  return { source, status: 'failed', error: { code: 'canceled', message: 'Not imported: the import was cancelled before this file.' } }
}

/** Imports files and folders from disk; folders are searched for every supported format. */
export async function importPaths(ctx: ImportContext, paths: readonly string[]): Promise<ImportReport> {
  const { files, problems } = await collectImportFiles(paths)
  const batch = new ImportBatch()
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
  }
  ctx.onProgress?.(files.length, files.length, 'Saving')
  return report(await commit(ctx, batch, items))
}

/** Imports file contents (files dropped on the app window). */
export async function importContents(ctx: ImportContext, files: readonly ContentToImport[]): Promise<ImportReport> {
  const batch = new ImportBatch()
  const items: ImportItem[] = []
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!
    if (ctx.signal?.aborted) {
      items.push(...files.slice(i).map((f) => canceledItem(f.name)))
      break
    }
    ctx.onProgress?.(i, files.length, file.name)
    items.push(await prepareOne(ctx, batch, file.name, () => Promise.resolve(file)))
  }
  ctx.onProgress?.(files.length, files.length, 'Saving')
  return report(await commit(ctx, batch, items))
}

/** Articles prepared in phase 1 of an import, committed together in phase 2. */
class ImportBatch {
  readonly articles: Article[] = []
  readonly items = new Map<ArticleId, ImportItem>()
  /** Each prepared article's body + original write, resolving to the original's path and hash. */
  readonly writes = new Map<ArticleId, Promise<{ path: string; hash: string }>>()
  static readonly MAX_WRITES_IN_FLIGHT = 16

  /** Waits until at most MAX_WRITES_IN_FLIGHT writes are unfinished (a failure is handled in commit). */
  async throttle(): Promise<void> {
    const all = [...this.writes.values()]
    const waitFor = all[all.length - ImportBatch.MAX_WRITES_IN_FLIGHT - 1]
    if (waitFor) await waitFor.catch(() => undefined)
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
    const existing = ctx.store.articles.find((a) => a.bodyHash === bodyHash) ?? batch.articles.find((a) => a.bodyHash === bodyHash)
    if (existing) return { source, status: 'duplicate', articleId: existing.id, title: existing.title, duplicateOf: existing.id }

    // Durable writes of the body and original run while the next file is analysed; all
    // have finished (or failed, failing their file) before the catalog is written.
    const written = Promise.all([ctx.store.putBody(body), ctx.store.putOriginal(bytes, extname(name))]).then(([, original]) => original)
    written.catch(() => undefined)
    const metaSources: Article['metaSources'] = { ...draft.metaSources }
    if (draft.analysis.meta.language.value !== null) metaSources.language = draft.analysis.meta.language.source
    metaSources.wordCount = draft.analysis.meta.wordCount.source
    const article: Article = {
      id: ctx.freshId((hex) => makeArticleId(hex), (id) => ctx.store.article(id) !== undefined || batch.articles.some((a) => a.id === id)),
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
      furniture: draft.analysis.furniture.map((f) => ({ start: f.start, end: f.end, kind: f.kind, label: f.label })),
      fingerprint: draft.analysis.fingerprint,
      rewrites: [],
      metaEdited: [],
      source: { fileName: name, format: doc.format, originalFile: '', originalHash: '' },
    }
    batch.articles.push(article)
    batch.writes.set(article.id, written)
    await batch.throttle()
    const item: ImportItem = { source, status: 'imported', articleId: article.id, title: article.title }
    batch.items.set(article.id, item)
    return item
  } catch (error) {
    // Whatever goes wrong with one file is that file's failure, never the batch's.
    return { source, status: 'failed', error: fileError(error, source) }
  }
}

/**
 * Phase 2, once per batch: find rewrites among the new articles and all stored ones,
 * link both directions, and write the catalog ONCE. If that write fails, no article of
 * the batch exists and each is reported as failed.
 */
async function commit(ctx: ImportContext, batch: ImportBatch, items: ImportItem[]): Promise<ImportItem[]> {
  for (const article of [...batch.articles]) {
    try {
      const original = await batch.writes.get(article.id)!
      article.source = { ...article.source, originalFile: original.path, originalHash: original.hash }
    } catch (error) {
      if (!isDossierError(error)) throw error
      batch.articles.splice(batch.articles.indexOf(article), 1)
      const item = batch.items.get(article.id)!
      batch.items.delete(article.id)
      item.status = 'failed'
      item.error = { code: error.code, message: error.message }
      delete item.articleId
      delete item.title
    }
  }
  if (batch.articles.length === 0) return items
  const links = await linkRewrites(ctx, batch.articles)
  try {
    await ctx.store.updateCatalog((d) => {
      for (const a of d.articles) {
        const fp = links.fingerprints.get(a.id)
        if (fp && a.fingerprint === null) a.fingerprint = fp
        const extra = links.byArticle.get(a.id)
        if (extra) a.rewrites = mergeLinks(a.rewrites, extra)
      }
      for (const a of batch.articles) d.articles.push({ ...a, rewrites: mergeLinks(a.rewrites, links.byArticle.get(a.id) ?? []) })
    })
  } catch (error) {
    if (!isDossierError(error)) throw error
    for (const item of batch.items.values()) {
      item.status = 'failed'
      item.error = { code: error.code, message: `${item.source} was not imported: ${error.message}` }
      delete item.articleId
      delete item.title
    }
    return items
  }
  for (const [id, item] of batch.items) {
    const linked = links.byArticle.get(id)
    if (linked?.length) {
      item.rewriteOf = linked.map((l) => ({ articleId: l.articleId, title: (ctx.store.article(l.articleId) ?? batch.articles.find((a) => a.id === l.articleId))?.title ?? '', score: l.score }))
    }
  }
  return items
}

/** Rewrite links for the new articles against every article (new and stored), both directions. */
async function linkRewrites(ctx: ImportContext, fresh: readonly Article[]): Promise<{ byArticle: Map<ArticleId, RewriteLink[]>; fingerprints: Map<ArticleId, Fingerprint> }> {
  const fingerprints = new Map<ArticleId, Fingerprint>()
  const known: { id: ArticleId; fingerprint: Fingerprint }[] = []
  for (const a of ctx.store.articles) {
    const fp = a.fingerprint ?? (await lazyFingerprint(ctx.store, a))
    if (!fp) continue
    if (!a.fingerprint) fingerprints.set(a.id, fp)
    known.push({ id: a.id, fingerprint: fp })
  }
  const withPrints = fresh.flatMap((a) => (a.fingerprint ? [{ id: a.id, fingerprint: a.fingerprint }] : []))
  const byArticle: Map<ArticleId, RewriteLink[]> = await findRewriteLinks(withPrints, known)
  return { byArticle, fingerprints }
}

/** Format-2 articles have no stored fingerprint: compute it from the body (null if the body cannot be read). */
async function lazyFingerprint(store: NotebookStore, article: Article): Promise<Fingerprint | null> {
  try {
    const text = await store.readBody(article.bodyHash)
    return analyseText(text, { fileName: article.source.fileName }).fingerprint
  } catch (error) {
    if (isDossierError(error)) return null
    throw error
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

/** Existing links plus new ones, one per article (the higher score wins), the best MAX_LINKS first. */
function mergeLinks(current: readonly RewriteLink[], extra: readonly RewriteLink[]): RewriteLink[] {
  const byId = new Map<ArticleId, RewriteLink>()
  for (const link of [...current, ...extra]) {
    const seen = byId.get(link.articleId)
    if (!seen || link.score > seen.score) byId.set(link.articleId, link)
  }
  return [...byId.values()].sort((a, b) => b.score - a.score || a.articleId.localeCompare(b.articleId)).slice(0, MAX_LINKS)
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
