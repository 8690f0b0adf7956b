/**
 * Importing articles: through main's open-files dialog, or from files dropped on the
 * window (read here, sent to main as base64). Either way the library is refreshed and
 * the status region reports what was imported, skipped as duplicate, or failed and why.
 */
import { useCallback, useRef, useState } from 'react'
import type { DroppedFile, ImportReport } from '../../../core/api'
import { api, isCanceled } from '../api'
import { fileToBase64 } from '../base64'
import { describeImport, type LocalFailure } from '../import-report'
import { plural } from '../plural'
import type { StatusControls } from './useStatus'

export interface Importer {
  importing: boolean
  importWithDialog(): Promise<void>
  importFiles(files: readonly File[]): Promise<void>
}

export function useImport(status: StatusControls, onImported: () => Promise<void>): Importer {
  const [importing, setImporting] = useState(false)
  const running = useRef(false)

  const report = useCallback(
    async (result: ImportReport | null, local: LocalFailure[]) => {
      await onImported()
      const { summary, failures } = describeImport(result, local)
      const imported = result?.imported ?? 0
      const kind = failures.length === 0 ? (imported > 0 ? 'success' : 'info') : imported > 0 ? 'info' : 'error'
      status.announce(kind, summary, failures)
    },
    [onImported, status],
  )

  /** Runs one import at a time: a second request while one runs is ignored. */
  const exclusive = useCallback(async (task: () => Promise<void>) => {
    if (running.current) return
    running.current = true
    setImporting(true)
    try {
      await task()
    } finally {
      running.current = false
      setImporting(false)
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

  return { importing, importWithDialog, importFiles }
}
