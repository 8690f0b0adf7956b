/**
 * The main-process implementation of the API contract. It owns which notebook is open,
 * asks the injected `Dialogs` whenever a path is needed (the renderer never names one),
 * and pushes events through `emit`. Electron-free: the app, the e2e harness and tests
 * construct it the same way.
 */
import type { DossierEvent, DossierService } from '../core/api'
import { DossierError } from '../core/result'
import type { Dialogs } from './dialogs'
import { NotebookSession, type SessionDeps } from './notebook-session'

export interface ServiceDeps extends SessionDeps {
  notebookDir: string
  dialogs: Dialogs
  emit: (event: DossierEvent) => void
  /** Remembers the last notebook opened, so the app reopens it next time. */
  rememberNotebook?: (dir: string) => Promise<void>
}

export interface MainService extends DossierService {
  /** The open notebook; throws if the app has none open. */
  session(): NotebookSession
  openNotebookAt(dir: string): Promise<void>
}

export async function createMainService(deps: ServiceDeps): Promise<MainService> {
  let current: NotebookSession | null = null
  let openError: DossierError | null = null

  async function openNotebookAt(dir: string): Promise<void> {
    const next = await NotebookSession.open(dir, deps)
    current = next
    openError = null
    await deps.rememberNotebook?.(dir).catch(() => undefined)
    deps.emit({ type: 'notebook-changed', notebook: next.info() })
  }

  try {
    current = await NotebookSession.open(deps.notebookDir, deps)
  } catch (error) {
    // The app still starts so the user can read the message and open another notebook.
    if (!(error instanceof DossierError)) throw error
    openError = error
  }

  const session = (): NotebookSession => {
    if (current) return current
    throw openError ?? new DossierError('not-found', 'No notebook is open.')
  }

  return {
    session,
    openNotebookAt,
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
      return notebook.importPaths(paths)
    },
    async importDroppedFiles({ files }) {
      return session().importContents(files.map((f) => ({ name: f.name, bytes: Buffer.from(f.dataBase64, 'base64') })))
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
      const out = await deps.dialogs.chooseExportPath(suggestedBriefingName(request.title))
      if (!out) return { canceled: true }
      return notebook.exportBriefingPdf(out, request)
    },
  }
}

export function suggestedBriefingName(title: string | undefined): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const base = (title ?? 'Briefing').replace(/[<>:"/\\|?*\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim() || 'Briefing'
  return `${base}.pdf`
}
