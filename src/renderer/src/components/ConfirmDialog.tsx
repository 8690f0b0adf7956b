/**
 * A modal dialog (role "dialog", aria-modal, named by its title) and a generic
 * confirmation built on it: "Delete … and its 3 highlights?" with Cancel and a confirm
 * button. Focus moves into the dialog (to `initialFocus`, else the first control), Tab
 * stays inside it, Escape or a click on the backdrop cancels, and focus returns to where
 * it was when the dialog closes. Rendered into document.body so no pane clips it.
 */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import { FOCUSABLE, trapFocus } from '../focus-trap'


interface ModalProps {
  title: string
  onClose(): void
  children: ReactNode
  /** What gets focus when the dialog opens; the first control when omitted. */
  initialFocus?: RefObject<HTMLElement | null>
  className?: string
  /** Extra description element id (e.g. the confirmation's question). */
  describedBy?: string
}

export function Modal({ title, onClose, children, initialFocus, className, describedBy }: ModalProps) {
  const titleId = useId()
  const panel = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const target = initialFocus?.current ?? panel.current?.querySelector<HTMLElement>(FOCUSABLE) ?? panel.current
    target?.focus()
    return () => {
      if (previous?.isConnected) previous.focus()
    }
    // Focus moves in once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      onClose()
      return
    }
    trapFocus(e, panel.current)
  }

  return createPortal(
    <div
      className="dialog-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose()
      }}
    >
      <div
        ref={panel}
        className={className ? `dialog ${className}` : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
      </div>
    </div>,
    document.body,
  )
}

interface ConfirmProps {
  title: string
  /** The question or consequence, e.g. "Delete “Convoy turned back” and its 3 highlights?" */
  message: ReactNode
  confirmLabel: string
  cancelLabel?: string
  /** Styles the confirm button as destructive. */
  danger?: boolean
  /** While the confirmed action runs: buttons disabled. */
  busy?: boolean
  /** An error from the confirmed action, shown in the dialog. */
  error?: string | null
  onConfirm(): void
  onCancel(): void
}

export function ConfirmDialog({ title, message, confirmLabel, cancelLabel = 'Cancel', danger = false, busy = false, error = null, onConfirm, onCancel }: ConfirmProps) {
  const messageId = useId()
  const cancelRef = useRef<HTMLButtonElement>(null)
  return (
    <Modal title={title} onClose={() => !busy && onCancel()} initialFocus={danger ? cancelRef : undefined} describedBy={messageId} className="dialog-confirm">
      <p id={messageId} className="dialog-message">
        {message}
      </p>
      {error && (
        <p className="dialog-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" className="button" onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </button>
        <button type="button" className={danger ? 'button button-danger-solid' : 'button button-primary'} onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  )
}
