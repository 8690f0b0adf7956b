/**
 * The import log: a drawer (region "Import log") above the status bar that lists every
 * file of the last imports, newest batch first: imported, likely rewrite, duplicate,
 * failed, skipped with its reason, or cancelled. It opens after an import, takes room
 * from the view instead of covering it, closes with its Close button or Escape, and
 * "View import log" (the More menu, the status bar) opens it again. Its list scrolls
 * inside the drawer and is a Tab stop, so the keyboard can scroll it.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react'
import { OUTCOME_LABELS, type ImportLogRow } from '../import-report'
import { formatTime } from '../dates'

export interface ImportBatchLog {
  id: number
  /** When the batch finished (ISO). */
  at: string
  summary: string
  rows: ImportLogRow[]
}

interface Props {
  batches: readonly ImportBatchLog[]
  /** Move focus into the drawer when it opens (it was opened from a button, not by an import). */
  focusOnOpen: boolean
  onClose(): void
}

/** The folder every file of a batch came from, when they share one. */
function commonFolder(rows: readonly ImportLogRow[]): string | null {
  const first = rows[0]?.folder ?? null
  return first !== null && rows.every((r) => r.folder === first) ? first : null
}

export function ImportLog({ batches, focusOnOpen, onClose }: Props) {
  const list = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (focusOnOpen) list.current?.focus()
  }, [focusOnOpen])
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape') return
    e.preventDefault()
    e.stopPropagation()
    onClose()
  }
  return (
    <section className="import-log" aria-labelledby="import-log-title" onKeyDown={onKeyDown}>
      <div className="import-log-header">
        <h2 id="import-log-title">Import log</h2>
        {batches[0] && <p className="import-log-summary">{batches[0].summary}</p>}
        <button type="button" className="button button-small" onClick={onClose}>
          Close import log
        </button>
      </div>
      <div ref={list} className="import-log-list" tabIndex={0} role="region" aria-label="Files imported">
        {batches.map((batch) => {
          const folder = commonFolder(batch.rows)
          return (
          <section key={batch.id} className="import-log-batch" aria-label={`Import at ${formatTime(batch.at)}`}>
            <h3 className="import-log-batch-title">
              {formatTime(batch.at)} · {batch.summary}
              {folder && <span className="import-log-folder"> · from {folder}</span>}
            </h3>
            <ol className="import-log-rows">
              {batch.rows.map((row, i) => (
                <li key={i} className={`import-log-row outcome-${row.outcome}`}>
                  <span className="import-log-outcome">{OUTCOME_LABELS[row.outcome]}</span>
                  <span className="import-log-file" dir="auto" title={row.folder ? `${row.folder}/${row.file}` : row.file}>
                    {row.file}
                    {row.folder && row.folder !== folder && <span className="import-log-folder"> in {row.folder}</span>}
                  </span>
                  <span className="import-log-detail" dir="auto">
                    {row.detail}
                  </span>
                </li>
              ))}
            </ol>
          </section>
          )
        })}
      </div>
    </section>
  )
}
