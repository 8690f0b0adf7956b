/**
 * The main-process implementation of the API contract. It owns which notebook is open,
 * asks the injected `Dialogs` whenever a path is needed (the renderer never names one),
 * and pushes events through `emit`. Electron-free: the app, the e2e harness and tests
 * construct it the same way.
 */
import type { ClipboardContent, DossierEvent, DossierService, ExportFormat, JobProgress } from '../core/api'
import { DossierError } from '../core/result'
import { basename, resolve } from 'node:path'
import { namesList } from './briefings/annotation-import'
import { createEntityService } from './entities/entity-service'
import { createSourcingService, withStatedOutlets } from './sourcing/sourcing-service'
import { createTimelineService } from './timeline/timeline-service'
import { createAchService } from './ach/ach-service'
import { FORMAT_EXTENSIONS } from './briefings/export-writer'
import type { Confirmation, DesktopShell, Dialogs } from './dialogs'
import { preloadImportPipeline } from './import/load-pipeline'
import { NotebookSession, type SessionDeps } from './notebook-session'
import { describeLaterRecoveries, describeOpenReport, toldSoFar } from './open-report'
import type { BackupInfo } from './storage/backups'

export interface ServiceDeps extends SessionDeps {
  notebookDir: string
  dialogs: Dialogs
  /** Reads the system clipboard (text and HTML flavours) for Paste as New Article. */
  readClipboard?: () => Promise<ClipboardContent>
  /** Opens or reveals finished exports; without one, `revealExport` says it cannot. */
  shell?: DesktopShell
  emit: (event: DossierEvent) => void
  /** Remembers the last notebook opened, so the app reopens it next time. */
  rememberNotebook?: (dir: string) => Promise<void>
  /** The starter gazetteer shipped with the app (resources/gazetteer/syria-russia.json), when installed. */
  starterGazetteerFile?: string
  /** Tells the user what opening a notebook recovered or upgraded (a dialog in the app). */
  reportOpen?: (notebookDir: string, lines: string[]) => void
  /** Loads the import pipeline (default: import/load-pipeline.ts; tests inject one). */
  loadImportPipeline?: () => Promise<unknown>
}

export interface MainService extends DossierService {
  /** The open notebook; throws if the app has none open. */
  session(): NotebookSession
  /** Opens the notebook at `dir`; `reopen` reloads it even if it is the one already open. */
  openNotebookAt(dir: string, options?: { reopen?: boolean }): Promise<void>
  backupNow(): Promise<BackupInfo>
  backupIfDue(): Promise<BackupInfo | null>
  /**
   * Loads the import pipeline in the background (the app calls it once its window is up),
   * so the first import does not pay for it. Resolves to whether it loaded; never rejects.
   */
  preloadImport(): Promise<boolean>
  listBackups(): Promise<BackupInfo[]>
  /** Restores backup `id` (after backing up the current state) and reopens the notebook. */
  restoreBackup(id: string): Promise<{ safetyBackup: BackupInfo }>
  /** On quit: a backup, then the writer lock released. */
  shutdown(): Promise<void>
}

export async function createMainService(deps: ServiceDeps): Promise<MainService> {
  let current: NotebookSession | null = null
  let openError: DossierError | null = null

  const open = async (dir: string) => {
    const session = await NotebookSession.open(dir, deps, { app: 'app' })
    const lines = describeOpenReport(session.openReport)
    if (lines.length > 0) deps.reportOpen?.(dir, lines)
    // Read every annotation file in the background (the passages view and exports need
    // them), and report any damaged one found then, as on open.
    const told = toldSoFar(session.openReport)
    void session.store
      .loadAll()
      .then(() => {
        const later = describeLaterRecoveries(session.openReport, told)
        if (later.length > 0) deps.reportOpen?.(dir, later)
      })
      .catch(() => undefined) // a file that cannot be read is reported when it is used
    session.warmIndexes()
    return session
  }

  const switchTo = async (next: NotebookSession) => {
    const previous = current
    current = next
    openError = null
    await previous?.close().catch(() => undefined)
    await deps.rememberNotebook?.(next.store.dir).catch(() => undefined)
    deps.emit({ type: 'notebook-changed', notebook: next.info() })
  }

  async function openNotebookAt(dir: string, options: { reopen?: boolean } = {}): Promise<void> {
    const same = current !== null && resolve(current.store.dir) === resolve(dir)
    if (same && !options.reopen) return
    // The same folder must be released before it can be locked again.
    if (same) {
      await current?.close()
      current = null
    }
    await switchTo(await open(dir))
  }

  try {
    current = await open(deps.notebookDir)
  } catch (error) {
    // The app still starts so the user can read the message and open another notebook.
    if (!(error instanceof DossierError)) throw error
    openError = error
  }

  const session = (): NotebookSession => {
    if (current) return current
    throw openError ?? new DossierError('not-found', 'No notebook is open.')
  }

  // One import and one export at a time; each can be cancelled from the renderer.
  const jobs = { import: null as AbortController | null, export: null as AbortController | null }
  const runJob = async <T>(kind: 'import' | 'export', work: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    if (jobs[kind]) throw new DossierError('busy', kind === 'import' ? 'An import is already running; wait for it or cancel it.' : 'An export is already running; wait for it or cancel it.')
    const controller = new AbortController()
    jobs[kind] = controller
    try {
      return await work(controller.signal)
    } finally {
      jobs[kind] = null
    }
  }
  const onProgress = (progress: JobProgress) => deps.emit({ type: 'progress', progress })
  const cancel = (kind: 'import' | 'export') => {
    const job = jobs[kind]
    job?.abort()
    return { canceled: job !== null }
  }
  // Exports the renderer may open or reveal, by id: it never handles paths itself.
  const exports = new Map<string, string>()
  let exportCount = 0

  return {
    ...createEntityService(session, deps.starterGazetteerFile, deps.dialogs),
    ...createSourcingService(session),
    ...createTimelineService(session),
    ...createAchService(session, deps.dialogs),
    session,
    openNotebookAt,
    backupNow: async () => session().backup('manual'),
    backupIfDue: async () => session().backupIfDue(),
    preloadImport: () => preloadImportPipeline(deps.loadImportPipeline),
    listBackups: async () => session().listBackups(),
    async restoreBackup(id) {
      const { session: restored, safetyBackup } = await session().restoreBackup(id)
      current = restored
      deps.emit({ type: 'notebook-changed', notebook: restored.info() })
      return { safetyBackup }
    },
    async shutdown() {
      if (!current) return
      await current.backup('quit').catch(() => undefined)
      await current.close()
      current = null
    },
    async getNotebook() {
      return session().info()
    },
    async chooseNotebook({ mode }) {
      const dir = await deps.dialogs.chooseNotebookFolder(mode)
      if (!dir) return { canceled: true }
      await openNotebookAt(dir)
      return session().info()
    },
    async listArticles() {
      return session().listArticles()
    },
    async getArticle({ articleId }) {
      return session().getArticle(articleId)
    },
    async listTags() {
      return session().listTags()
    },
    async chooseAndImportFiles() {
      const notebook = session()
      const paths = await deps.dialogs.chooseFilesToImport()
      if (!paths || paths.length === 0) return { canceled: true }
      return withStatedOutlets(notebook, await runJob('import', (signal) => notebook.importPaths(paths, { signal, onProgress })))
    },
    async importDroppedFiles({ files }) {
      const contents = files.map((f) => ({ name: f.name, bytes: Buffer.from(f.dataBase64, 'base64') }))
      const notebook = session()
      return withStatedOutlets(notebook, await runJob('import', (signal) => notebook.importContents(contents, { signal, onProgress })))
    },
    async importClipboard(given) {
      const fromSystem = given.text === undefined && given.html === undefined
      if (fromSystem && !deps.readClipboard) throw new DossierError('unsupported', 'The clipboard cannot be read here; paste into the window instead.')
      const content = fromSystem ? await deps.readClipboard!() : given
      if (!content.text?.trim() && !content.html?.trim()) throw new DossierError('empty-file', 'The clipboard holds no text to import: copy an article first.')
      // An import like any other: not alongside another batch.
      const notebook = session()
      return withStatedOutlets(notebook, await runJob('import', () => notebook.importClipboard(content)))
    },
    async cancelImport() {
      return cancel('import')
    },
    async updateArticleMeta({ articleId, change }) {
      const notebook = session()
      await notebook.updateArticleMeta(articleId, change)
      return notebook.articleSummary(articleId)
    },
    async restoreArticleMeta({ articleId, meta }) {
      return session().restoreArticleMeta(articleId, meta)
    },
    async deleteArticle({ articleId }) {
      return session().deleteArticle(articleId)
    },
    async restoreArticle({ articleId }) {
      return session().restoreArticle(articleId)
    },
    async restoreHighlight({ highlight }) {
      return session().restoreHighlight(highlight)
    },
    async listTagSummaries() {
      return session().listTagSummaries()
    },
    async createTag(tag) {
      return session().createTag(tag)
    },
    async updateTag(change) {
      return session().updateTag(change)
    },
    async deleteTag({ tagId }) {
      return session().deleteTag(tagId)
    },
    async mergeTags({ fromTagId, intoTagId }) {
      return session().mergeTags(fromTagId, intoTagId)
    },
    async restoreTag(removal) {
      return session().restoreTag(removal)
    },
    async listPassages() {
      return session().listPassages()
    },
    async search({ entityId, ...query }) {
      return session().search(entityId === undefined ? query : { ...query, entity: entityId })
    },
    async listBriefings() {
      return session().listBriefings()
    },
    async getBriefing({ briefingId }) {
      return session().getBriefing(briefingId)
    },
    async createBriefing({ title }) {
      return session().createBriefing(title)
    },
    async saveBriefing({ document }) {
      return session().saveBriefing(document)
    },
    async deleteBriefing({ briefingId }) {
      await session().deleteBriefing(briefingId)
      return { briefingId }
    },
    async previewBriefing({ briefingId }) {
      return session().previewBriefing(briefingId)
    },
    async cancelExport() {
      return cancel('export')
    },
    async revealExport({ exportId, action }) {
      const path = exports.get(exportId)
      if (!path) throw new DossierError('not-found', 'That export is not known any more; export again.')
      if (!deps.shell) throw new DossierError('unsupported', 'Opening files is not available here.')
      if (action === 'open') await deps.shell.openPath(path)
      else deps.shell.showInFolder(path)
      return { exportId }
    },
    async chooseAndImportAnnotations() {
      const notebook = session()
      const file = await deps.dialogs.chooseAnnotationFile()
      if (!file) return { canceled: true }
      // The import is planned first; more than a few new tags are created only if the user agrees.
      return notebook.importAnnotations(file, { confirmNewTags: (names) => deps.dialogs.confirm(newTagsQuestion(basename(file), names)) })
    },
    async createHighlight(request) {
      return session().createHighlight(request)
    },
    async updateHighlight(change) {
      return session().updateHighlight(change)
    },
    async deleteHighlight({ highlightId }) {
      await session().deleteHighlight(highlightId)
      return { highlightId }
    },
    async exportBriefing(request) {
      const notebook = session()
      const format = request.format ?? 'pdf'
      const title = request.briefingId ? (await notebook.getBriefing(request.briefingId)).title : request.title
      const out = await deps.dialogs.chooseExportPath(suggestedBriefingName(title, format), format)
      if (!out) return { canceled: true }
      const result = await runJob('export', (signal) => notebook.exportBriefing(out, { ...request, format }, { signal, onProgress }))
      const exportId = `x-${(++exportCount).toString(36)}`
      exports.set(exportId, result.path)
      return { exportId, path: result.path, format: result.format, pageCount: result.pageCount, passageCount: result.passageCount }
    },
  }
}


/** The question before an annotation import creates more than a few tags: how many, and the first names. */
export function newTagsQuestion(fileName: string, names: readonly string[]): Confirmation {
  return {
    title: `Create ${names.length} new tags?`,
    message: `Importing ${fileName} would create ${names.length} new tags: ${namesList(names)}.`,
    detail: 'Tags are matched to this notebook’s by name, ignoring case; these names match none. Cancel to import nothing.',
    confirmLabel: `Create ${names.length} tags and import`,
  }
}

export function suggestedBriefingName(title: string | undefined, format: ExportFormat = 'pdf'): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const base = (title ?? 'Briefing').replace(/[<>:"/\\|?*\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim() || 'Briefing'
  return `${base}${FORMAT_EXTENSIONS[format][0]}`
}
