/**
 * Importing articles: through main's open-files dialog, from files dropped on the window
 * (read here, sent to main as base64), or from pasted text. Either way the library is
 * refreshed and the status region reports, per file, what was imported, skipped as a
 * duplicate, failed and why, or cancelled. While a batch runs, `progress` follows main's
 * progress events and `cancel()` stops the batch, the file being read included. An import that
 * added articles can be undone (they go to the notebook's trash) and redone.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ClipboardContent, DroppedFile, ImportReport, JobProgress } from '../../../core/api'
import type { ArticleId } from '../../../core/ids'
import { api, isCanceled, onDossierEvent, type ApiError } from '../api'
import { fileToBase64 } from '../base64'
import { describeImport, type LocalFailure } from '../import-report'
import { plural } from '../plural'
import type { UndoStack } from '../undo/undo-stack'
import type { StatusControls } from './useStatus'

export interface Importer {
  importing: boolean
  /** The running import's progress (from main's events); null when none runs or none was reported yet. */
  progress: JobProgress | null
  importWithDialog(): Promise<void>
  importFiles(files: readonly File[]): Promise<void>
  /**
   * Imports pasted text (and its HTML flavour, sanitised in main) as one article; with
   * neither given (`{}`), main reads the system clipboard. Resolves to the report, or
   * null when nothing was imported (another import running, an error already announced).
   */
  importClipboard(content: ClipboardContent | string, html?: string): Promise<ImportReport | null>
  /** Asks main to stop the running import (the file being read is not imported). */
  cancel(): Promise<void>
}

export function useImport(status: StatusControls, onImported: () => Promise<void>, undo: UndoStack): Importer {
  const [importing, setImporting] = useState(false)
  const [progress, setProgress] = useState<JobProgress | null>(null)
  const running = useRef(false)

  useEffect(
    () =>
      onDossierEvent((event) => {
        if (event.type === 'progress' && event.progress.job === 'import' && running.current) setProgress(event.progress)
      }),
    [],
  )

  /** Runs `step` for each article in turn; stops at the first failure (reported). */
  const eachArticle = useCallback(
    async (ids: readonly ArticleId[], step: (articleId: ArticleId) => Promise<{ ok: boolean; error?: ApiError }>, done: string) => {
      for (const articleId of ids) {
        const r = await step(articleId)
        if (!r.ok) {
          if (r.error) status.announceError(r.error)
          await onImported()
          return false
        }
      }
      await onImported()
      status.announce('success', done)
      return true
    },
    [onImported, status],
  )

  const report = useCallback(
    async (result: ImportReport | null, local: LocalFailure[]) => {
      await onImported()
      const { summary, failures, lines } = describeImport(result, local)
      const imported = result?.imported ?? 0
      const kind = failures.length === 0 ? (imported > 0 ? 'success' : 'info') : imported > 0 ? 'info' : 'error'
      status.announce(kind, summary, lines)
      const ids = (result?.items ?? []).flatMap((i) => (i.status === 'imported' && i.articleId ? [i.articleId] : []))
      if (ids.length > 0) {
        const label = `import of ${plural(ids.length, 'article')}`
        undo.push({
          label,
          undo: () => eachArticle([...ids].reverse(), (articleId) => api.deleteArticle({ articleId }), `Undid: ${label} (moved to the trash)`),
          redo: () => eachArticle(ids, (articleId) => api.restoreArticle({ articleId }), `Redid: ${label}`),
        })
      }
    },
    [eachArticle, onImported, status, undo],
  )

  /** Runs one import at a time: a second request while one runs is ignored. */
  const exclusive = useCallback(async <T,>(task: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined
    running.current = true
    setImporting(true)
    setProgress(null)
    try {
      return await task()
    } finally {
      running.current = false
      setImporting(false)
      setProgress(null)
    }
  }, [])

  const importWithDialog = useCallback(
    () =>
      exclusive(async () => {
        const result = await api.chooseAndImportFiles()
        if (!result.ok) return status.announceError(result.error)
        if (isCanceled(result.value)) return
        await report(result.value, [])
      }),
    [exclusive, report, status],
  )

  const importFiles = useCallback(
    (files: readonly File[]) =>
      exclusive(async () => {
        if (files.length === 0) return
        status.announce('busy', `Importing ${plural(files.length, 'file')}…`)
        const payload: DroppedFile[] = []
        const local: LocalFailure[] = []
        for (const file of files) {
          try {
            payload.push({ name: file.name, dataBase64: await fileToBase64(file) })
          } catch {
            // Folders and vanished files arrive as File objects whose bytes cannot be read.
            local.push({ name: file.name, message: 'could not be read (folders cannot be imported by dropping)' })
          }
        }
        if (payload.length === 0) return report(null, local)
        const result = await api.importDroppedFiles({ files: payload })
        if (!result.ok) return status.announceError(result.error)
        await report(result.value, local)
      }),
    [exclusive, report, status],
  )

  const importClipboard = useCallback(
    async (given: ClipboardContent | string, givenHtml?: string): Promise<ImportReport | null> => {
      const content: ClipboardContent = typeof given === 'string' ? { text: given, ...(givenHtml?.trim() ? { html: givenHtml } : {}) } : given
      const fromSystem = content.text === undefined && content.html === undefined
      if (!fromSystem && !content.text?.trim() && !content.html?.trim()) {
        status.announce('info', 'The clipboard holds no text to import: copy an article first.')
        return null
      }
      const outcome = await exclusive(async () => {
        status.announce('busy', 'Importing the pasted text…')
        const result = await api.importClipboard(content)
        if (!result.ok) {
          status.announceError(result.error)
          return null
        }
        await report(result.value, [])
        return result.value
      })
      return outcome ?? null
    },
    [exclusive, report, status],
  )

  const cancel = useCallback(async () => {
    if (!running.current) return
    const result = await api.cancelImport()
    if (!result.ok) return status.announceError(result.error)
    if (result.value.canceled) status.announce('busy', 'Cancelling the import…')
  }, [status])

  return { importing, progress, importWithDialog, importFiles, importClipboard, cancel }
}
