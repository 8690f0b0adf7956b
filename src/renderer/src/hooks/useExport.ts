/**
 * Exporting the briefing PDF through main (which shows the save dialog). One export at a
 * time: the button is disabled while it runs and a menu command meanwhile is ignored.
 */
import { useCallback, useRef, useState } from 'react'
import { api, isCanceled } from '../api'
import { plural } from '../plural'
import type { StatusControls } from './useStatus'

export interface Exporter {
  exporting: boolean
  exportBriefing(): Promise<void>
}

export function useExport(status: StatusControls): Exporter {
  const [exporting, setExporting] = useState(false)
  const running = useRef(false)

  const exportBriefing = useCallback(async () => {
    if (running.current) return
    running.current = true
    setExporting(true)
    status.announce('busy', 'Exporting…')
    try {
      const result = await api.exportBriefing({})
      if (!result.ok) return status.announceError(result.error)
      if (isCanceled(result.value)) return status.clear()
      const { path, pageCount } = result.value
      status.announce('success', `Briefing exported to ${path} (${plural(pageCount, 'page')})`)
    } finally {
      running.current = false
      setExporting(false)
    }
  }, [status])

  return { exporting, exportBriefing }
}
