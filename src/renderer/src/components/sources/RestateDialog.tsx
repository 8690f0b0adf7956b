/** "Restate claim": edits a claim's statement (one change, undoable; a refusal stays in the dialog). */
import { useId, useRef, useState, type FormEvent } from 'react'
import type { Claim } from '../../../../core/sourcing'
import { api } from '../../api'
import { restoreClaims, type SourcingActions } from '../../sourcing/useSourcingChange'
import { Modal } from '../ConfirmDialog'

export function RestateDialog({ claim, actions, onClose }: { claim: Claim; actions: SourcingActions; onClose(): void }) {
  const id = useId()
  const [statement, setStatement] = useState(claim.statement)
  const [error, setError] = useState<string | null>(null)
  const ref = useRef<HTMLTextAreaElement>(null)
  const save = async (e: FormEvent) => {
    e.preventDefault()
    if (actions.busy) return
    if (statement.trim() === claim.statement) return onClose()
    const outcome = await actions.apply('restate claim', () => api.editClaim({ claimId: claim.id, statement }), restoreClaims, (c: Claim) => `Claim restated: “${c.statement}”`)
    if (outcome.ok) onClose()
    else setError(outcome.message)
  }
  return (
    <Modal title="Restate claim" onClose={() => !actions.busy && onClose()} initialFocus={ref} className="dialog-claim">
      <form id={`${id}-form`} className="meta-form" onSubmit={(e) => void save(e)} noValidate>
        <div className="meta-field">
          <label htmlFor={`${id}-statement`}>Statement</label>
          <textarea ref={ref} id={`${id}-statement`} rows={3} dir="auto" value={statement} onChange={(e) => setStatement(e.target.value)} />
        </div>
      </form>
      {error && (
        <p className="dialog-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={actions.busy}>
          Cancel
        </button>
        <button type="submit" form={`${id}-form`} className="button button-primary" disabled={actions.busy}>
          Save
        </button>
      </div>
    </Modal>
  )
}
