/**
 * A highlight's event date in the reader's Highlights panel (issue 15, decision 53): the
 * date the analyst decided (accepted or typed), or the suggestion read from the quote
 * with the phrase it came from and the rule, or why it is unresolved ("relative and the
 * article has no publication date"). The analyst accepts it, changes it (a day, a month,
 * a year, or START/END; ~ in front: approximate) or clears it; each is undoable.
 */
import { useState, type FormEvent, type KeyboardEvent } from 'react'
import type { StoredEventDate } from '../../../core/api-timeline'
import { isUnresolved, parseEventDateInput, type EventDate, type EventDateSuggestion } from '../../../core/timeline/event-date'
import { describePeriod } from '../../../core/timeline/timeline-svg'
import type { Highlight } from '../../../core/model'

interface Props {
  highlight: Highlight
  /** undefined while the suggestions are loading; null: the quote holds no date phrase. */
  suggestion: EventDateSuggestion | null | undefined
  onSet(eventDate: StoredEventDate): Promise<boolean>
  onAccept(): Promise<boolean>
}

/** The typed form of a stored date: what the Change field starts with. */
function typedForm(d: Pick<EventDate, 'start' | 'end' | 'precision'>): string {
  const body = d.start === d.end ? d.start : `${d.start}/${d.end}`
  return d.precision === 'approximate' ? `~${body}` : body
}

export function EventDateLine({ highlight, suggestion, onSet, onAccept }: Props) {
  const [editing, setEditing] = useState(false)
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const stored = highlight.eventDate
  const resolved = suggestion && !isUnresolved(suggestion) ? suggestion : null
  const errorId = `event-date-error-${highlight.id}`

  const startEditing = () => {
    const current = stored ?? resolved
    setText(current ? typedForm(current) : '')
    setProblem(null)
    setEditing(true)
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const parsed = parseEventDateInput(text)
    if (!parsed.ok) return setProblem(parsed.message)
    if (await onSet(parsed.value)) setEditing(false)
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return
    e.stopPropagation()
    setEditing(false)
  }

  let status
  if (stored) {
    const origin = stored.source === 'analyst' ? 'set by you' : `accepted from “${stored.phrase ?? ''}”${stored.rule ? ` (rule ${stored.rule})` : ''}`
    status = (
      <>
        <strong>{describePeriod(stored)}</strong> <span className="event-date-origin">{origin}</span>
      </>
    )
  } else if (stored === null) status = <span className="event-date-origin">None: cleared by you</span>
  else if (suggestion === undefined) status = <span className="event-date-origin">Reading the passage…</span>
  else if (resolved)
    status = (
      <>
        Suggested: <strong>{describePeriod(resolved)}</strong>{' '}
        <span className="event-date-origin">
          from “{resolved.phrase}” (rule {resolved.rule})
        </span>
      </>
    )
  else if (suggestion && isUnresolved(suggestion)) status = <span className="event-date-unresolved">Unresolved: {suggestion.reason}.</span>
  else status = <span className="event-date-origin">None: the passage names no date.</span>

  return (
    <div className="event-date" data-event-date={stored ? 'decided' : stored === null ? 'cleared' : resolved ? 'suggested' : 'none'}>
      <p className="event-date-status">
        <span className="event-date-label">Event date:</span> {status}
      </p>
      {!editing && (
        <div className="event-date-actions">
          {stored === undefined && resolved && (
            <button type="button" className="button button-small" onClick={() => void onAccept()}>
              Accept
            </button>
          )}
          <button type="button" className="button button-small" onClick={startEditing}>
            {stored || resolved ? 'Change' : 'Set date'}
          </button>
          {stored !== null && (stored || resolved || (suggestion && isUnresolved(suggestion))) && (
            <button type="button" className="button button-small" onClick={() => void onSet(null)}>
              Clear
            </button>
          )}
          {stored !== undefined && suggestion && (
            <button type="button" className="button button-small" onClick={() => void onSet('auto')}>
              Use suggestion
            </button>
          )}
        </div>
      )}
      {editing && (
        <form className="event-date-form" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown}>
          <label className="event-date-field">
            Event date
            <input
              type="text"
              value={text}
              autoFocus
              spellCheck={false}
              placeholder="2025-01-21, 2025-01 or 2025-01-21/2025-01-22"
              aria-invalid={problem !== null}
              aria-describedby={problem ? errorId : undefined}
              onChange={(e) => {
                setText(e.target.value)
                setProblem(null)
              }}
            />
          </label>
          <button type="submit" className="button button-small button-primary">
            Save
          </button>
          <button type="button" className="button button-small" onClick={() => setEditing(false)}>
            Cancel
          </button>
          <p className="event-date-hint">A day, a month or a year, or START/END; ~ in front marks it approximate.</p>
          {problem && (
            <p id={errorId} className="event-date-error" role="alert">
              {problem} Nothing was changed.
            </p>
          )}
        </form>
      )}
    </div>
  )
}
