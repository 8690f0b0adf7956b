/**
 * A text field that keeps what the analyst types (spaces and all) while the document
 * stores the cleaned value: every change is handed on (the composer saves it after a
 * pause), leaving the field saves at once. Remount it (a new `key`) to show a new value.
 */
import { useId, useState } from 'react'

export interface DraftFieldProps {
  label: string
  initial: string
  multiline?: boolean
  rows?: number
  placeholder?: string
  className?: string
  /** The control's name, so the composer can find and focus it. */
  name?: string
  onChange(value: string): void
  onCommit(): void
}

export function DraftField({ label, initial, multiline, rows = 3, placeholder, className, name, onChange, onCommit }: DraftFieldProps) {
  const id = useId()
  const [draft, setDraft] = useState(initial)
  const change = (value: string) => {
    setDraft(value)
    onChange(value)
  }
  return (
    <div className={className ?? 'briefing-field'}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} name={name} dir="auto" rows={rows} value={draft} placeholder={placeholder} onChange={(e) => change(e.target.value)} onBlur={onCommit} />
      ) : (
        <input id={id} name={name} dir="auto" type="text" value={draft} placeholder={placeholder} onChange={(e) => change(e.target.value)} onBlur={onCommit} />
      )}
    </div>
  )
}
