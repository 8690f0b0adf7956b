/**
 * A date field for the briefing, in the app's one date format (filters/DateInput.tsx): it
 * hands on a complete date (or, when `allowEmpty`, an emptied field as null) as it is
 * typed; the composer saves it after a pause, as one undo step; leaving saves at once.
 * Remount it (a new `key`) to show a new value.
 */
import { useId, useState } from 'react'
import { DateInput } from '../filters/DateInput'

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
  const [value, setValue] = useState(initial)
  const input = (
    <DateInput
      id={id}
      value={value}
      allowEmpty={allowEmpty}
      onChange={(day) => {
        setValue(day)
        onChange(day === '' ? null : day)
      }}
      onBlur={onCommit}
    />
  )
  if (inline) {
    return (
      <span className="briefing-date-inline">
        <label htmlFor={id}>{label}</label>
        {input}
      </span>
    )
  }
  return (
    <div className="briefing-field">
      <label htmlFor={id}>{label}</label>
      {input}
    </div>
  )
}
