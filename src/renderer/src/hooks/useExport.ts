/**
 * Exporting a briefing through main (which shows the save dialog and writes the file off
 * the UI path). One export at a time: `exporting` is true while it runs, and a second
 * request meanwhile is ignored. Progress comes from main's 'export' progress events; the
 * running export can be canceled; the last exported file can be opened or shown in its folder.
 *
 * `exportBriefing()` with no request is the menu's File > Export Briefing (an ad-hoc PDF of
 * every tag); the composer passes `{ briefingId, format }`.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { BriefingRequest, ExportedBriefing, ExportFormat, JobProgress } from '../../../core/api'
import { api, isCanceled, onDossierEvent, type ApiError } from '../api'
import { plural } from '../plural'
import type { StatusControls } from './useStatus'

export type ExportOutcome =
  | { kind: 'exported'; exported: ExportedBriefing }
  /** The save dialog was dismissed: nothing to say. */
  | { kind: 'dismissed' }
  | { kind: 'failed'; error: ApiError }
  /** Another export was running; this request was ignored. */
  | { kind: 'busy' }

export interface Exporter {
  exporting: boolean
  /** Progress of the running export (null before the first event and when idle). */
  progress: JobProgress | null
  lastExport: ExportedBriefing | null
  exportBriefing(request?: BriefingRequest): Promise<ExportOutcome>
  cancel(): Promise<void>
  /** Opens the last exported file, or shows it in its folder. */
  reveal(action: 'open' | 'show'): Promise<void>
}

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  pdf: 'PDF',
  md: 'Markdown',
  csv: 'CSV',
  w3c: 'W3C annotations (JSON-LD)',
}

/** "Briefing exported to /x/b.pdf (3 pages)"; text formats count passages instead. */
export function describeExport(exported: ExportedBriefing): string {
  const count = exported.format === 'pdf' ? plural(exported.pageCount, 'page') : plural(exported.passageCount, 'passage')
  return `Briefing exported to ${exported.path} (${count})`
}

export function useExport(status: StatusControls): Exporter {
  const [exporting, setExporting] = useState(false)
  const [progress, setProgress] = useState<JobProgress | null>(null)
  const [lastExport, setLastExport] = useState<ExportedBriefing | null>(null)
  const running = useRef(false)
  const lastRef = useRef<ExportedBriefing | null>(null)

  useEffect(
    () =>
      onDossierEvent((event) => {
        if (event.type === 'progress' && event.progress.job === 'export' && running.current) setProgress(event.progress)
      }),
    [],
  )

  const exportBriefing = useCallback(
    async (request: BriefingRequest = {}): Promise<ExportOutcome> => {
      if (running.current) return { kind: 'busy' }
      running.current = true
      setExporting(true)
      setProgress(null)
      status.announce('busy', 'Exporting…')
      try {
        const result = await api.exportBriefing(request)
        if (!result.ok) {
          if (result.error.code === 'canceled') status.announce('info', result.error.message)
          else status.announceError(result.error)
          return { kind: 'failed', error: result.error }
        }
        if (isCanceled(result.value)) {
          status.clear()
          return { kind: 'dismissed' }
        }
        const exported = result.value
        lastRef.current = exported
        setLastExport(exported)
        const reveal = (action: 'open' | 'show') => () =>
          void api.revealExport({ exportId: exported.exportId, action }).then((r) => {
            if (!r.ok) status.announceError(r.error)
          })
        status.announce('success', describeExport(exported), [], [
          { label: 'Open', run: reveal('open') },
          { label: 'Show in folder', run: reveal('show') },
        ])
        return { kind: 'exported', exported }
      } finally {
        running.current = false
        setExporting(false)
        setProgress(null)
      }
    },
    [status],
  )

  const cancel = useCallback(async () => {
    if (!running.current) return
    const result = await api.cancelExport()
    if (!result.ok) status.announceError(result.error)
  }, [status])

  const reveal = useCallback(
    async (action: 'open' | 'show') => {
      const exported = lastRef.current
      if (!exported) return
      const result = await api.revealExport({ exportId: exported.exportId, action })
      if (!result.ok) status.announceError(result.error)
    },
    [status],
  )

  return { exporting, progress, lastExport, exportBriefing, cancel, reveal }
}
