/**
 * "Add to claim": the given passages (highlight ids) go into a new claim, stated here, or
 * into an existing one, as supporting or contradicting it. Reused by the reader's
 * highlights panel, the Passages view and any passages table (it needs only the ids).
 * A refusal (a passage already in that claim, an empty statement) is shown in the dialog,
 * which stays open, and nothing is changed. Undoable like every sourcing change.
 */
import { useId, useMemo, useRef, useState, type FormEvent } from 'react'
import type { ClaimPassageRequest } from '../../../../core/api-sourcing'
import type { HighlightId } from '../../../../core/ids'
import type { Claim, ClaimId, Stance } from '../../../../core/sourcing'
import { api } from '../../api'
import { useApiValue } from '../../hooks/useApiValue'
import { plural } from '../../plural'
import { useSourcingHost } from '../../sourcing/SourcingHost'
import { restoreClaims, useSourcingChange } from '../../sourcing/useSourcingChange'
import { Modal } from '../ConfirmDialog'

interface Props {
  highlightIds: readonly HighlightId[]
  onClose(): void
  /** After the passages were added (the claim they went into). */
  onDone?(claim: Claim): void
}

export function AddToClaimDialog({ highlightIds, onClose, onDone }: Props) {
  const id = useId()
  const { status, reloadKey } = useSourcingHost()
  const claims = useApiValue(api.listClaims, reloadKey, status.announceError)
  const actions = useSourcingChange()
  const existing = useMemo(() => claims.value ?? [], [claims.value])
  const [mode, setMode] = useState<'new' | 'existing'>('new')
  const [statement, setStatement] = useState('')
  const [claimId, setClaimId] = useState<ClaimId | ''>('')
  const [stance, setStance] = useState<Stance>('supports')
  const [error, setError] = useState<string | null>(null)
  const firstRef = useRef<HTMLTextAreaElement>(null)
  const chosen = claimId || existing[0]?.claim.id || ''
  const count = plural(highlightIds.length, 'passage')

  const save = async (e: FormEvent) => {
    e.preventDefault()
    if (actions.busy) return
    const passages: ClaimPassageRequest[] = highlightIds.map((highlightId) => ({ highlightId, stance }))
    const verb = stance === 'supports' ? 'supporting' : 'contradicting'
    let outcome
    if (mode === 'new') {
      if (statement.trim() === '') return setError('State the claim in a short sentence first.')
      outcome = await actions.apply('new claim', () => api.createClaim({ statement, passages }), restoreClaims, (c: Claim) => `Claim “${c.statement}” made from ${count}`)
    } else {
      if (chosen === '') return setError('There is no claim yet: make a new one.')
      outcome = await actions.apply('add to claim', () => api.addClaimPassages({ claimId: chosen as ClaimId, passages }), restoreClaims, (c: Claim) => `${count} added to “${c.statement}”, ${verb} it`)
    }
    if (!outcome.ok) return setError(outcome.message)
    onDone?.(outcome.value)
    onClose()
  }

  return (
    <Modal title={`Add ${count} to a claim`} onClose={() => !actions.busy && onClose()} initialFocus={firstRef} className="dialog-claim">
      <form id={`${id}-form`} className="meta-form claim-form" onSubmit={(e) => void save(e)} noValidate>
        <fieldset className="meta-field claim-mode">
          <legend>Claim</legend>
          <label>
            <input type="radio" name={`${id}-mode`} checked={mode === 'new'} onChange={() => setMode('new')} /> A new claim
          </label>
          <label>
            <input type="radio" name={`${id}-mode`} checked={mode === 'existing'} disabled={existing.length === 0} onChange={() => setMode('existing')} /> An existing claim
            {claims.loaded && existing.length === 0 && <span className="meta-source"> (none yet)</span>}
          </label>
        </fieldset>
        {mode === 'new' ? (
          <div className="meta-field">
            <label htmlFor={`${id}-statement`}>Statement</label>
            <textarea ref={firstRef} id={`${id}-statement`} rows={2} dir="auto" placeholder="e.g. Russian ships loaded equipment at Tartus in late January" value={statement} onChange={(e) => setStatement(e.target.value)} />
          </div>
        ) : (
          <div className="meta-field">
            <label htmlFor={`${id}-claim`}>Which claim</label>
            <select id={`${id}-claim`} value={chosen} onChange={(e) => setClaimId(e.target.value as ClaimId)}>
              {existing.map((c) => (
                <option key={c.claim.id} value={c.claim.id}>
                  {c.claim.statement} ({plural(c.claim.passages.length, 'passage')})
                </option>
              ))}
            </select>
          </div>
        )}
        <fieldset className="meta-field claim-stance">
          <legend>The {highlightIds.length === 1 ? 'passage' : 'passages'}</legend>
          <label>
            <input type="radio" name={`${id}-stance`} checked={stance === 'supports'} onChange={() => setStance('supports')} /> Support the claim
          </label>
          <label>
            <input type="radio" name={`${id}-stance`} checked={stance === 'contradicts'} onChange={() => setStance('contradicts')} /> Contradict the claim
          </label>
        </fieldset>
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
          {actions.busy ? 'Adding…' : 'Add to claim'}
        </button>
      </div>
    </Modal>
  )
}
