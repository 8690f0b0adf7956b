/**
 * The one API contract between the renderer and the main process.
 *
 * - `DossierApi` lists every operation the renderer may ask for; every method resolves to
 *   a `Result` (expected failures are values, see result.ts).
 * - `API_METHODS` is the list main registers IPC handlers from, the preload builds
 *   the renderer's `dossier` global from, and the e2e harness binds into a plain Chromium page from.
 * - Payloads are plain JSON: ISO strings for dates, no classes.
 * - The renderer never names a file-system path: files come in as dropped contents or
 *   through a dialog that main shows, and exports go where a main-process dialog says.
 */
import { ENTITY_API_METHODS, type EntitiesApi } from './api-entities'
import { SOURCING_API_METHODS, type SourcingApi, type StatedOutlet } from './api-sourcing'
import { TIMELINE_API_METHODS, type TimelineApi } from './api-timeline'
import { ACH_API_METHODS, type AchApi } from './api-ach'
import type { BriefingLayout } from './briefing-types'
import type { BriefingDocument, BriefingId } from './briefing-document'
import type { EntityId } from './entities'
import type { ArticleId, HighlightId, TagId } from './ids'
import type { Article, ArticleFlag, EditableMetaField, Furniture, Highlight, RewriteLink, Tag } from './model'
import type { ApiError, Result } from './result'
import type { SearchOptions, SearchResponse } from './search/types'
import type { EventDate } from './timeline/event-date'

export interface NotebookInfo {
  /** Absolute folder of the open notebook. */
  dir: string
  /** Folder name, shown as the notebook's name. */
  name: string
  articleCount: number
  highlightCount: number
}

export interface ArticleSummary {
  id: ArticleId
  title: string
  outlet: string | null
  author: string | null
  published: string | null
  url: string | null
  wordCount: number
  importedAt: string
  sourceFileName: string
  highlightCount: number
  format: Article['format']
  language: string | null
  /** Damage found on import (U+FFFD, mojibake, no text layer, …). */
  flags: ArticleFlag[]
  /** Likely rewrites of the same reporting, both directions, best first, with the other article's title. */
  rewrites: (RewriteLink & { title: string })[]
  /** Fields the analyst edited by hand. */
  metaEdited: EditableMetaField[]
}

export interface ArticleView {
  article: ArticleSummary & { metaSources: Article['metaSources'] }
  /** The stored, immutable text that highlight offsets index. */
  text: string
  /** Highlights placed in the text (re-anchored when their stored offsets stopped matching). */
  highlights: Highlight[]
  /** Highlights whose quote can no longer be found: kept, listed with their quote, never dropped. */
  orphans: Highlight[]
  /** Leading and trailing page furniture (taglines, related lists, …), shown behind a fold. */
  furniture: Furniture[]
}

/** A tag with the number of highlights that carry it (shown before a delete or merge). */
export type TagSummary = Tag & { highlightCount: number }

/** One highlight with what the passages view shows beside it. */
export interface PassageSummary {
  highlight: Highlight
  articleTitle: string
  outlet: string | null
  published: string | null
}

export interface NewTag {
  name: string
  /** `#rrggbb`; the next unused palette colour when omitted. */
  color?: string
  description?: string
}

export interface TagChange {
  tagId: TagId
  name?: string
  color?: string
  description?: string
}

/**
 * What deleting or merging a tag took away, so undo can put it back exactly: the tag, its
 * place in the codebook, and the tag lists of every highlight it changed.
 */
export interface TagRemoval {
  tag: Tag
  index: number
  highlights: { highlightId: HighlightId; tagIds: TagId[] }[]
}

/** An article's editable metadata with where each value came from: what undo of an edit puts back. */
export interface ArticleMetaSnapshot {
  title: string
  outlet: string | null
  author: string | null
  published: string | null
  url: string | null
  metaSources: Article['metaSources']
  metaEdited: EditableMetaField[]
}

/** An article moved to the notebook's trash with its highlights; undo restores both. */
export interface ArticleRemoval {
  articleId: ArticleId
  title: string
  highlightCount: number
}

/**
 * Pasted content. A paste event in the page carries it; with neither field given, main
 * reads the system clipboard itself (the menu's Paste as New Article: the sandboxed
 * page may not read the clipboard on its own).
 */
export interface ClipboardContent {
  /** The clipboard's text/plain flavour. */
  text?: string
  /** The clipboard's text/html flavour, when it had one (sanitised in main). */
  html?: string
}

export interface BriefingSummary {
  id: BriefingId
  title: string
  date: string
  updatedAt: string
  sectionCount: number
}

export type ExportFormat = 'pdf' | 'md' | 'csv' | 'w3c'

/** Counts of what importing a W3C annotation file did. */
export interface AnnotationImportReport {
  created: number
  /** Already in this notebook (same article, same place, same tags and comment). */
  skipped: number
  /** Tags created because the file named tags this notebook lacked. */
  tagsCreated: string[]
  /** Annotations that could not be placed, each with why. */
  problems: { annotation: string; message: string }[]
}

/** `skipped`: a folder import left the file out on purpose (hidden, not a format Dossier reads, the folder's README); `reason` says which. */
export type ImportStatus = 'imported' | 'duplicate' | 'failed' | 'skipped'

export interface ImportItem {
  /** File name (or path, in the CLI) the item came from. */
  source: string
  status: ImportStatus
  /** For `skipped`: why the file was left out, e.g. "not a format Dossier imports (.xyz)". */
  reason?: string
  articleId?: ArticleId
  title?: string
  /** For `duplicate`: the article it duplicates. For `failed`: why. */
  duplicateOf?: ArticleId
  error?: ApiError
  /** For `imported`: articles this one likely rewrites or is rewritten by (text reuse score 0-1). */
  rewriteOf?: { articleId: ArticleId; title: string; score: number }[]
  /**
   * For `imported`: the outlet its text states (signature, source line, copyright holder), with
   * the known outlet it matched, or `known: null` when it is offered to add (notes/sourcing.md).
   */
  statedOutlet?: StatedOutlet
}

export interface ImportReport {
  items: ImportItem[]
  imported: number
  duplicates: number
  failed: number
  /** Files a folder walk left out (each an item with status `skipped` and its reason). */
  skipped: number
}

export interface Canceled {
  canceled: true
}

export interface DroppedFile {
  name: string
  /** The file's bytes, base64-encoded (payloads stay plain JSON). */
  dataBase64: string
}

export interface NewHighlight {
  articleId: ArticleId
  /** Offsets into the stored article text (UTF-16 code units), end exclusive. */
  start: number
  end: number
  tagIds: TagId[]
  comment: string
}

export interface HighlightChange {
  highlightId: HighlightId
  tagIds?: TagId[]
  comment?: string
  /** Set (an accepted suggestion or the analyst's date), clear (null) or forget the decision ('auto': the suggestion counts again). */
  eventDate?: EventDate | null | 'auto'
}

export interface BriefingRequest {
  title?: string
  /** Tags whose passages go in, in this order; all tags when omitted. */
  tagIds?: TagId[]
  /** Export this stored briefing (its title, sections, order, notes) instead of an ad-hoc one. */
  briefingId?: BriefingId
  /** Default 'pdf'. */
  format?: ExportFormat
}

export interface ExportedBriefing {
  /** Names this export for `revealExport`; the renderer never handles paths. */
  exportId: string
  path: string
  format: ExportFormat
  /** PDF only; 0 for the text formats. */
  pageCount: number
  passageCount: number
}

/** Every operation; the entity methods (issue 13) are declared in api-entities.ts. */
export interface DossierApi extends EntitiesApi, SourcingApi, TimelineApi, AchApi {
  getNotebook(): Promise<Result<NotebookInfo>>
  /** Shows a folder dialog in main and switches to that notebook (creating it if new). */
  chooseNotebook(args: { mode: 'open' | 'new' }): Promise<Result<NotebookInfo | Canceled>>
  listArticles(): Promise<Result<ArticleSummary[]>>
  getArticle(args: { articleId: ArticleId }): Promise<Result<ArticleView>>
  listTags(): Promise<Result<Tag[]>>
  /** Shows an open-files dialog in main and imports what the user picked. */
  chooseAndImportFiles(): Promise<Result<ImportReport | Canceled>>
  /** Imports files dropped on the window, sent as contents. */
  importDroppedFiles(args: { files: DroppedFile[] }): Promise<Result<ImportReport>>
  createHighlight(args: NewHighlight): Promise<Result<Highlight>>
  updateHighlight(args: HighlightChange): Promise<Result<Highlight>>
  deleteHighlight(args: { highlightId: HighlightId }): Promise<Result<{ highlightId: HighlightId }>>
  /** Puts back a highlight exactly as it was (undo of a delete, redo of a create). */
  restoreHighlight(args: { highlight: Highlight }): Promise<Result<Highlight>>

  // Library (issue 4)
  updateArticleMeta(args: { articleId: ArticleId; change: Partial<Record<EditableMetaField, string>> }): Promise<Result<ArticleSummary>>
  /** Puts an article's metadata back exactly as a snapshot had it, sources included (undo and redo of an edit). */
  restoreArticleMeta(args: { articleId: ArticleId; meta: ArticleMetaSnapshot }): Promise<Result<ArticleSummary>>
  /** Moves the article and its highlights to the notebook's trash (undoable with restoreArticle). */
  deleteArticle(args: { articleId: ArticleId }): Promise<Result<ArticleRemoval>>
  restoreArticle(args: { articleId: ArticleId }): Promise<Result<ArticleSummary>>
  /** Imports pasted text (and HTML, sanitised) as one article. */
  importClipboard(args: ClipboardContent): Promise<Result<ImportReport>>
  /** Stops the running import, the file being read included; what was imported stays. */
  cancelImport(): Promise<Result<{ canceled: boolean }>>

  // Tags, passages, search (issue 5)
  listTagSummaries(): Promise<Result<TagSummary[]>>
  createTag(args: NewTag): Promise<Result<Tag>>
  updateTag(args: TagChange): Promise<Result<Tag>>
  /** Removes the tag from the codebook and from every highlight. */
  deleteTag(args: { tagId: TagId }): Promise<Result<TagRemoval>>
  /** Moves every highlight of `fromTagId` to `intoTagId`, then removes `fromTagId`. */
  mergeTags(args: { fromTagId: TagId; intoTagId: TagId }): Promise<Result<TagRemoval>>
  /** Undo of deleteTag / mergeTags: the tag back in its place, and those highlights' tags as they were. */
  restoreTag(args: TagRemoval): Promise<Result<Tag>>
  /** Every highlight in the notebook with its article's title, outlet and date. */
  listPassages(): Promise<Result<PassageSummary[]>>
  /**
   * Words and phrases that name an entity match all its spellings unless `exact`;
   * `entityId` keeps only articles (and their passages) that mention that entity.
   */
  search(
    args: { query: string; exact?: boolean; entityId?: EntityId } & Pick<SearchOptions, 'tagIds' | 'tagMode' | 'outlets' | 'from' | 'to' | 'kinds' | 'limit' | 'includeFurniture'>,
  ): Promise<Result<SearchResponse>>

  // Briefings (issue 6)
  listBriefings(): Promise<Result<BriefingSummary[]>>
  getBriefing(args: { briefingId: BriefingId }): Promise<Result<BriefingDocument>>
  createBriefing(args: { title?: string }): Promise<Result<BriefingDocument>>
  /** Saves the whole document (validated); returns it as stored. */
  saveBriefing(args: { document: BriefingDocument }): Promise<Result<BriefingDocument>>
  deleteBriefing(args: { briefingId: BriefingId }): Promise<Result<{ briefingId: BriefingId }>>
  /** The briefing's layout as it would be exported: sections, numbered passages, sources, warnings. */
  previewBriefing(args: { briefingId: BriefingId }): Promise<Result<BriefingLayout>>
  /** Shows a save dialog in main and writes the briefing there, off the UI path, with progress events. */
  exportBriefing(args: BriefingRequest): Promise<Result<ExportedBriefing | Canceled>>
  cancelExport(): Promise<Result<{ canceled: boolean }>>
  /** Opens an exported file in its default program, or shows it in its folder. */
  revealExport(args: { exportId: string; action: 'open' | 'show' }): Promise<Result<{ exportId: string }>>
  /** Shows an open dialog in main and imports a W3C Web Annotation JSON-LD file. */
  chooseAndImportAnnotations(): Promise<Result<AnnotationImportReport | Canceled>>
}

export type ApiMethod = keyof DossierApi

export const API_METHODS = [
  'getNotebook',
  'chooseNotebook',
  'listArticles',
  'getArticle',
  'listTags',
  'chooseAndImportFiles',
  'importDroppedFiles',
  'createHighlight',
  'updateHighlight',
  'deleteHighlight',
  'restoreHighlight',
  'updateArticleMeta',
  'restoreArticleMeta',
  'deleteArticle',
  'restoreArticle',
  'importClipboard',
  'cancelImport',
  'listTagSummaries',
  'createTag',
  'updateTag',
  'deleteTag',
  'mergeTags',
  'restoreTag',
  'listPassages',
  'search',
  'listBriefings',
  'getBriefing',
  'createBriefing',
  'saveBriefing',
  'deleteBriefing',
  'previewBriefing',
  'exportBriefing',
  'cancelExport',
  'revealExport',
  'chooseAndImportAnnotations',
  ...ENTITY_API_METHODS,
  ...SOURCING_API_METHODS,
  ...TIMELINE_API_METHODS,
  ...ACH_API_METHODS,
] as const satisfies readonly ApiMethod[]

// Compile-time proof that API_METHODS names every method of DossierApi.
type MissingMethods = Exclude<ApiMethod, (typeof API_METHODS)[number]>
export const API_METHODS_COMPLETE: [MissingMethods] extends [never] ? true : MissingMethods = true

import type { DossierEvent } from './api-events'
export type { DossierEvent, JobProgress, MenuCommand } from './api-events'

/** What the renderer sees as its `dossier` global: the API plus an event subscription. */
export type DossierBridge = DossierApi & {
  onEvent(listener: (event: DossierEvent) => void): () => void
}

/** IPC channel names, shared by main, preload and the e2e harness. */
export const IPC_PREFIX = 'dossier:'
export const IPC_EVENT_CHANNEL = 'dossier-event'
export function ipcChannel(method: ApiMethod): string {
  return IPC_PREFIX + method
}

/**
 * The service main implements: the same methods, returning plain values and throwing
 * `DossierError` for expected failures. The handler table turns it into `DossierApi`.
 */
export type DossierService = {
  [K in ApiMethod]: DossierApi[K] extends (...args: infer P) => Promise<Result<infer R>> ? (...args: P) => Promise<R> : never
}
