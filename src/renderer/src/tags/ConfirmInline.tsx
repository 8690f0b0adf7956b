/**
 * A small confirmation shown in place (no blocking window.confirm): the question, a
 * confirm button (focused) and Cancel; Escape cancels.
 */
import { useEffect, useId, useRef } from 'react'

interface Props {
  message: string
  confirmLabel: string
  danger?: boolean
  busy?: boolean
  onConfirm(): void
  onCancel(): void
}

export function ConfirmInline({ message, confirmLabel, danger = false, busy = false, onConfirm, onCancel }: Props) {
  const messageId = useId()
  const confirmRef = useRef<HTMLButtonElement>(null)
  useEffect(() => confirmRef.current?.focus(), [])
  return (
    <div
      className="confirm-inline"
      role="alertdialog"
      aria-label={confirmLabel}
      aria-describedby={messageId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault()
          e.stopPropagation()
          onCancel()
        }
      }}
    >
      <p id={messageId}>{message}</p>
      <div className="confirm-inline-actions">
        <button ref={confirmRef} type="button" className={`button button-small ${danger ? 'button-danger' : 'button-primary'}`} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="button button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  )
}
