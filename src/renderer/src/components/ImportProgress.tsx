/**
 * The running import: a progress bar named "Import progress" (files done of total), the
 * file in hand, and "Cancel import", which stops the batch after that file (what was
 * imported stays). Shown while a batch runs; before main reports a total the bar is
 * indeterminate.
 */
import type { JobProgress } from '../../../core/api'

interface Props {
  progress: JobProgress | null
  onCancel(): void
}

export function ImportProgress({ progress, onCancel }: Props) {
  const total = progress?.total ?? 0
  const done = Math.min(progress?.done ?? 0, total)
  const known = total > 0
  const label = progress?.label ?? 'Starting…'
  const text = known ? `${done} of ${total} files` : 'Preparing'
  return (
    <section className="import-progress" aria-label="Import">
      <div className="import-progress-line">
        <span className="import-progress-label">Importing: {label}</span>
        <span className="import-progress-count">{text}</span>
      </div>
      <div
        className="import-progress-track"
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={known ? total : undefined}
        aria-valuenow={known ? done : undefined}
        aria-valuetext={known ? `${text}, now ${label}` : 'Preparing the import'}
      >
        <div className={known ? 'import-progress-fill' : 'import-progress-fill is-indeterminate'} style={known ? { width: `${(done / total) * 100}%` } : undefined} />
      </div>
      <button type="button" className="button" onClick={onCancel}>
        Cancel import
      </button>
    </section>
  )
}
