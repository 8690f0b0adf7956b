/**
 * File > Import Annotations: main shows the open dialog and recreates the file's
 * highlights, tags and comments on the articles this notebook holds; the outcome goes to
 * the status region, with one line per annotation that could not be placed.
 */
import { useCallback } from 'react'
import { plural } from '../plural'
import { api, isCanceled } from '../api'
import type { StatusControls } from './useStatus'

export function useAnnotationImport(status: StatusControls, onChanged: () => Promise<void>): () => Promise<void> {
  return useCallback(async () => {
    status.announce('busy', 'Importing annotations…')
    const result = await api.chooseAndImportAnnotations()
    if (!result.ok) return status.announceError(result.error)
    if (isCanceled(result.value)) return status.clear()
    const report = result.value
    await onChanged()
    const parts = [`Imported ${plural(report.created, 'highlight')}`]
    if (report.skipped) parts.push(`${report.skipped} already here`)
    if (report.tagsCreated.length) parts.push(`new tags: ${report.tagsCreated.join(', ')}`)
    const details = report.problems.map((p) => `${p.annotation}: ${p.message}`)
    status.announce(report.problems.length ? 'error' : 'success', parts.join('; '), details)
  }, [onChanged, status])
}
