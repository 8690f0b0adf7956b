/**
 * "Export briefing": choose a format, export (main shows the save dialog; dismissing it
 * is silent), follow the progress and cancel, then open the file or show it in its folder.
 * A modal <dialog>: focus moves in on open and back to the opener on close; Escape
 * closes (or, while exporting, cancels the export).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react'
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
  /** Sourcing warnings about the briefing (notes/sourcing.md): listed as advice; the export may go ahead. */
  advice?: readonly string[]
  onClose(): void
}

export function ExportDialog({ briefingId, title, exporter, advice = [], onClose }: ExportDialogProps) {
  const headingId = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  const [format, setFormat] = useState<ExportFormat>('pdf')
  const [done, setDone] = useState<ExportedBriefing | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const { exporting, progress } = exporter

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null
    const element = dialog.current
    if (element && !element.open) element.showModal?.()
    element?.querySelector<HTMLInputElement>('input:checked')?.focus()
    return () => opener?.focus?.()
  }, [])

  // While exporting, Cancel export has focus (the format choice and Export are disabled).
  const cancelButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (exporting) cancelButton.current?.focus()
  }, [exporting])

  const start = async () => {
    setDone(null)
    setError(null)
    const outcome = await exporter.exportBriefing({ briefingId, format })
    if (outcome.kind === 'exported') setDone(outcome.exported)
    else if (outcome.kind === 'failed') setError(outcome.error)
    else if (outcome.kind === 'busy') setError({ code: 'busy', message: 'Another export is running; wait for it to finish or cancel it.' })
  }

  // Escape: close, or while exporting, cancel the export (the dialog closes only through onClose).
  const onCancel = (event: SyntheticEvent) => {
    event.preventDefault()
    if (exporting) void exporter.cancel()
    else onClose()
  }
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Escape') return
    event.stopPropagation()
    onCancel(event)
  }

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null

  return (
    <dialog ref={dialog} className="dialog export-dialog" aria-labelledby={headingId} onKeyDown={onKeyDown} onCancel={onCancel}>
      <h2 id={headingId}>Export briefing</h2>
      <p className="export-dialog-title">{title}</p>
      {advice.length > 0 && (
        <div className="export-advice" role="note" aria-label="Sourcing warnings">
          <p>Before you export: {advice.length === 1 ? 'one part of this briefing rests' : `${advice.length} parts of this briefing rest`} on thin sourcing. You may export anyway.</p>
          <ul>
            {advice.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
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
          <button ref={cancelButton} type="button" className="button button-small" onClick={() => void exporter.cancel()}>
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

      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={exporting}>
          Close
        </button>
        <button type="button" className="button button-primary" onClick={() => void start()} disabled={exporting}>
          Export
        </button>
      </div>
    </dialog>
  )
}
