/**
 * A modal with one or two choices (a select each) and a confirm button: what the passages
 * table's actions ask before they run ("Tag with…", "Add to ACH matrix…", "Add to
 * briefing section…"). Enter in a select confirms, Escape cancels (Modal).
 */
import { useState, type FormEvent } from 'react'
import { Modal } from '../ConfirmDialog'

export interface Choice {
  label: string
  options: { value: string; label: string }[]
  /** What to say when there is nothing to choose. */
  empty: string
}

interface Props {
  title: string
  message: string
  choices: Choice[]
  confirmLabel: string
  /** The second choice's options may depend on the first (a briefing's sections). */
  optionsFor?: (index: number, values: string[]) => Choice['options']
  onConfirm(values: string[]): void
  onCancel(): void
}

export function ChooseDialog({ title, message, choices, confirmLabel, optionsFor, onConfirm, onCancel }: Props) {
  const [values, setValues] = useState<string[]>(() => {
    const first: string[] = []
    choices.forEach((c, i) => first.push((optionsFor?.(i, first) ?? c.options)[0]?.value ?? ''))
    return first
  })
  const options = (i: number) => optionsFor?.(i, values) ?? choices[i]!.options
  const ready = choices.every((_, i) => options(i).some((o) => o.value === values[i]))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (ready) onConfirm(values)
  }
  return (
    <Modal title={title} onClose={onCancel}>
      <form onSubmit={submit}>
        <p className="dialog-message">{message}</p>
        {choices.map((c, i) => {
          const list = options(i)
          return list.length === 0 ? (
            <p key={c.label} className="dialog-message">
              {c.empty}
            </p>
          ) : (
            <label key={c.label} className="choose-field">
              {c.label}{' '}
              <select
                value={list.some((o) => o.value === values[i]) ? values[i] : ''}
                onChange={(e) =>
                  setValues((v) => {
                    const next = [...v]
                    next[i] = e.target.value
                    // A later choice that depends on this one starts again at its first option.
                    for (let j = i + 1; j < next.length; j++) next[j] = optionsFor?.(j, next)[0]?.value ?? next[j]!
                    return next
                  })
                }
              >
                {!list.some((o) => o.value === values[i]) && <option value="">Choose…</option>}
                {list.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
          )
        })}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!ready}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </Modal>
  )
}
