/**
 * A running job at the foot of the window: a progress bar named "Import progress" (files
 * done of total) or "Export progress" (steps, pages), what is in hand, and "Cancel
 * import" (stops the batch after that file; what was imported stays) or "Cancel export"
 * (nothing is written). Before main reports a total the bar is indeterminate.
 */
import type { JobProgress } from '../../../core/api'

interface Props {
  progress: JobProgress | null
  onCancel(): void
  /** Default 'import'. */
  job?: JobProgress['job']
}

const WORDS = {
  import: { name: 'Import', doing: 'Importing', unit: ' files', preparing: 'Preparing the import' },
  export: { name: 'Export', doing: 'Exporting', unit: '', preparing: 'Preparing the export' },
} as const

export function ImportProgress({ progress, onCancel, job = 'import' }: Props) {
  const words = WORDS[job]
  const total = progress?.total ?? 0
  const done = Math.min(progress?.done ?? 0, total)
  const known = total > 0
  const label = progress?.label ?? 'Starting…'
  const text = known ? `${done} of ${total}${words.unit}` : 'Preparing'
  return (
    <section className="import-progress" aria-label={words.name}>
      <div className="import-progress-line">
        <span className="import-progress-label">
          {words.doing}: {label}
        </span>
        <span className="import-progress-count">{text}</span>
      </div>
      <div
        className="import-progress-track"
        role="progressbar"
        aria-label={`${words.name} progress`}
        aria-valuemin={0}
        aria-valuemax={known ? total : undefined}
        aria-valuenow={known ? done : undefined}
        aria-valuetext={known ? `${text}, now ${label}` : words.preparing}
      >
        <div className={known ? 'import-progress-fill' : 'import-progress-fill is-indeterminate'} style={known ? { width: `${(done / total) * 100}%` } : undefined} />
      </div>
      <button type="button" className="button" onClick={onCancel}>
        Cancel {job}
      </button>
    </section>
  )
}
