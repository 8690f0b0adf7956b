/**
 * "Export briefing": choose a format, export (main shows the save dialog; dismissing it
 * is silent), follow the progress and cancel, then open the file or show it in its folder.
 * A modal dialog: focus moves in on open and back to the opener on close; Tab stays
 * inside; Escape closes (or, while exporting, cancels the export).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { ExportedBriefing, ExportFormat } from '../../../core/api'
import type { BriefingId } from '../../../core/briefing-document'
import type { ApiError } from '../api'
import { describeExport, FORMAT_LABELS, type Exporter } from '../hooks/useExport'

const FORMATS: ExportFormat[] = ['pdf', 'md', 'csv', 'w3c']

export interface ExportDialogProps {
  briefingId: BriefingId
  /** The briefing's title, shown under the heading. */
  title: string
  exporter: Exporter
  onClose(): void
}

export function ExportDialog({ briefingId, title, exporter, onClose }: ExportDialogProps) {
  const headingId = useId()
  const dialog = useRef<HTMLDivElement>(null)
  const [format, setFormat] = useState<ExportFormat>('pdf')
  const [done, setDone] = useState<ExportedBriefing | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const { exporting, progress } = exporter

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null
    dialog.current?.querySelector<HTMLInputElement>('input:checked')?.focus()
    return () => opener?.focus?.()
  }, [])

  const start = async () => {
    setDone(null)
    setError(null)
    const outcome = await exporter.exportBriefing({ briefingId, format })
    if (outcome.kind === 'exported') setDone(outcome.exported)
    else if (outcome.kind === 'failed') setError(outcome.error)
    else if (outcome.kind === 'busy') setError({ code: 'busy', message: 'Another export is running; wait for it to finish or cancel it.' })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      if (exporting) void exporter.cancel()
      else onClose()
    } else if (event.key === 'Tab') {
      trapTab(event, dialog.current)
    }
  }

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null

  return (
    <div className="export-dialog-backdrop">
      <div ref={dialog} className="export-dialog" role="dialog" aria-modal="true" aria-labelledby={headingId} onKeyDown={onKeyDown}>
        <h2 id={headingId}>Export briefing</h2>
        <p className="export-dialog-title">{title}</p>
        <fieldset className="export-formats" disabled={exporting}>
          <legend>Format</legend>
          {FORMATS.map((f) => (
            <label key={f}>
              <input type="radio" name="export-format" value={f} checked={format === f} onChange={() => setFormat(f)} />
              {FORMAT_LABELS[f]}
            </label>
          ))}
        </fieldset>

        {exporting && (
          <div className="export-progress">
            <progress aria-label="Export progress" max={100} value={percent ?? undefined} />
            <span>{progress?.label ?? 'Starting…'}</span>
            <button type="button" className="button button-small" onClick={() => void exporter.cancel()}>
              Cancel export
            </button>
          </div>
        )}
        {error && (
          <p className="export-error" role="alert">
            {error.message}
          </p>
        )}
        {done && !exporting && (
          <div className="export-done">
            <p role="status">{describeExport(done)}</p>
            <div className="export-done-actions">
              <button type="button" className="button" onClick={() => void exporter.reveal('open')}>
                Open
              </button>
              <button type="button" className="button" onClick={() => void exporter.reveal('show')}>
                Show in folder
              </button>
            </div>
          </div>
        )}

        <div className="export-dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={exporting}>
            Close
          </button>
          <button type="button" className="button button-primary" onClick={() => void start()} disabled={exporting}>
            Export
          </button>
        </div>
      </div>
    </div>
  )
}

function trapTab(event: KeyboardEvent, root: HTMLElement | null) {
  if (!root) return
  const focusable = Array.from(root.querySelectorAll<HTMLElement>('button, input, select, textarea, [tabindex]:not([tabindex="-1"])')).filter(
    (el) => !(el as HTMLButtonElement).disabled,
  )
  if (focusable.length === 0) return
  const first = focusable[0]!
  const last = focusable.at(-1)!
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault()
    first.focus()
  }
}
