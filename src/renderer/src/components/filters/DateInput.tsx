/**
 * A date field in the app's one date format: it shows "2 February 2025", accepts that or
 * 2025-02-02, "Feb 2, 2025" and the other shapes the importer reads, hands on the day
 * (YYYY-MM-DD, or '' when emptied) as soon as the text is a complete date, and shows the
 * date in the app's format again when left. Text that is not a date is marked invalid
 * (aria-invalid, with the reason as its description) and handed on as nothing.
 */
import { useId, useState } from 'react'
import { formatDate, parseDateInput } from '../../dates'

export interface DateInputProps {
  /** The day, YYYY-MM-DD, or '' for none. */
  value: string
  onChange(day: string): void
  onBlur?(): void
  id?: string
  /** The field's name when it has no <label> of its own. */
  ariaLabel?: string
  allowEmpty?: boolean
  className?: string
}

export function DateInput({ value, onChange, onBlur, id, ariaLabel, allowEmpty = true, className }: DateInputProps) {
  const [draft, setDraft] = useState<{ text: string; for: string } | null>(null)
  const errorId = useId()
  // A new value from outside (a reset filter, an undo) replaces what was being typed.
  const text = draft && draft.for === value ? draft.text : formatDate(value)
  const parsed = parseDateInput(text)
  const invalid = parsed === null || (parsed === '' && !allowEmpty)
  return (
    <span className={`date-input ${className ?? ''}`}>
      <input
        id={id}
        type="text"
        inputMode="text"
        autoComplete="off"
        spellCheck={false}
        aria-label={ariaLabel}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        placeholder="e.g. 2 February 2025"
        value={text}
        size={16}
        onChange={(e) => {
          const next = e.target.value
          const day = parseDateInput(next)
          setDraft({ text: next, for: day !== null && (day !== '' || allowEmpty) ? day : value })
          if (day !== null && (day !== '' || allowEmpty) && day !== value) onChange(day)
        }}
        onBlur={() => {
          if (!invalid) setDraft(null)
          onBlur?.()
        }}
      />
      {invalid && (
        <span id={errorId} className="date-input-error" aria-hidden="true">
          {parsed === '' ? 'A date is needed' : 'Not a date: type it as 2 February 2025'}
        </span>
      )}
    </span>
  )
}
