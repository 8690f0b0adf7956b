/**
 * The notebook's briefings, newest first, with New briefing and Delete (asks first; the
 * delete can be undone).
 */
import { useState } from 'react'
import type { BriefingSummary } from '../../../../core/api'
import type { BriefingId } from '../../../../core/briefing-document'
import { formatDate } from '../../dates'
import { plural } from '../../plural'

export interface BriefingListProps {
  briefings: BriefingSummary[]
  selectedId: BriefingId | null
  onSelect(id: BriefingId): void
  onCreate(): void
  onDelete(id: BriefingId): void
}

export function BriefingList({ briefings, selectedId, onSelect, onCreate, onDelete }: BriefingListProps) {
  const [confirming, setConfirming] = useState<BriefingId | null>(null)
  const pending = briefings.find((b) => b.id === confirming)

  return (
    <nav className="briefing-list" aria-label="Briefings">
      <div className="briefing-list-header">
        <h1>Briefings</h1>
        <button type="button" className="button button-small" onClick={onCreate}>
          New briefing
        </button>
      </div>
      <ul>
        {briefings.map((b) => (
          <li key={b.id} className={b.id === selectedId ? 'briefing-list-item selected' : 'briefing-list-item'}>
            <button type="button" className="briefing-list-open" aria-current={b.id === selectedId ? 'true' : undefined} onClick={() => onSelect(b.id)}>
              <span className="briefing-list-title">{b.title}</span>
              <span className="briefing-list-meta">
                {formatDate(b.date)} · {plural(b.sectionCount, 'section')}
              </span>
            </button>
            <button type="button" className="button button-small button-danger" aria-label={`Delete ${b.title}`} onClick={() => setConfirming(b.id)}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      {pending && (
        <div
          className="briefing-confirm"
          role="alertdialog"
          aria-label="Delete briefing"
          aria-describedby="briefing-confirm-text"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation()
              setConfirming(null)
            }
          }}
        >
          <p id="briefing-confirm-text">Delete the briefing “{pending.title}”? Its highlights stay in the notebook, and Undo brings it back.</p>
          <div className="briefing-confirm-actions">
            <button type="button" className="button" autoFocus onClick={() => setConfirming(null)}>
              Cancel
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                setConfirming(null)
                onDelete(pending.id)
              }}
            >
              Delete briefing
            </button>
          </div>
        </div>
      )}
    </nav>
  )
}
