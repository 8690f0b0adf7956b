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
import type { ArticleId, HighlightId, TagId } from './ids'
import type { Article, Highlight, Tag } from './model'
import type { ApiError, Result } from './result'

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
}

export interface ArticleView {
  article: ArticleSummary & { metaSources: Article['metaSources'] }
  /** The stored, immutable text that highlight offsets index. */
  text: string
  highlights: Highlight[]
}

export type ImportStatus = 'imported' | 'duplicate' | 'failed'

export interface ImportItem {
  /** File name (or path, in the CLI) the item came from. */
  source: string
  status: ImportStatus
  articleId?: ArticleId
  title?: string
  /** For `duplicate`: the article it duplicates. For `failed`: why. */
  duplicateOf?: ArticleId
  error?: ApiError
  /** For `imported`: articles this one likely rewrites or is rewritten by (text reuse score 0-1). */
  rewriteOf?: { articleId: ArticleId; title: string; score: number }[]
}

export interface ImportReport {
  items: ImportItem[]
  imported: number
  duplicates: number
  failed: number
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
}

export interface BriefingRequest {
  title?: string
  /** Tags whose passages go in, in this order; all tags when omitted. */
  tagIds?: TagId[]
}

export interface ExportedBriefing {
  path: string
  pageCount: number
  passageCount: number
}

export interface DossierApi {
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
  /** Shows a save dialog in main and writes the briefing PDF there. */
  exportBriefing(args: BriefingRequest): Promise<Result<ExportedBriefing | Canceled>>
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
  'exportBriefing',
] as const satisfies readonly ApiMethod[]

// Compile-time proof that API_METHODS names every method of DossierApi.
type MissingMethods = Exclude<ApiMethod, (typeof API_METHODS)[number]>
export const API_METHODS_COMPLETE: [MissingMethods] extends [never] ? true : MissingMethods = true

/** Commands the native menu sends to the renderer, which runs them like its own buttons. */
export type MenuCommand = 'import' | 'export-briefing'

/** Messages main pushes to the renderer. */
export type DossierEvent =
  | { type: 'menu'; command: MenuCommand }
  | { type: 'notebook-changed'; notebook: NotebookInfo }

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
