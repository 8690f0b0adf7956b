/**
 * A date input for the briefing that saves only a complete date: while the analyst types a
 * year the input already holds 0002-…, 0020-…, 0202-… before 2025-…; those are kept in the
 * field but not handed on. A complete date (or, when `allowEmpty`, an emptied field) is
 * handed on; the composer saves it after a pause, as one undo step; leaving saves at once.
 * Remount it (a new `key`) to show a new value.
 */
import { useId, useState } from 'react'
import { dateToSave } from '../../briefing/date-input'

export interface DateFieldProps {
  label: string
  initial: string
  /** An emptied field is handed on as null (an open end of a range). */
  allowEmpty?: boolean
  /** Wrap the input in its label (inline) instead of a label above it. */
  inline?: boolean
  onChange(value: string | null): void
  onCommit(): void
}

export function DateField({ label, initial, allowEmpty = false, inline = false, onChange, onCommit }: DateFieldProps) {
  const id = useId()
  const [draft, setDraft] = useState(initial)
  const change = (value: string) => {
    setDraft(value)
    const save = dateToSave(value, allowEmpty)
    if (save !== undefined) onChange(save)
  }
  const input = <input id={id} type="date" value={draft} onChange={(e) => change(e.target.value)} onBlur={onCommit} />
  if (inline) {
    return (
      <label htmlFor={id}>
        {label}
        {input}
      </label>
    )
  }
  return (
    <div className="briefing-field">
      <label htmlFor={id}>{label}</label>
      {input}
    </div>
  )
}
