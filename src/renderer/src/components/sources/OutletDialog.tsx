/**
 * "Add outlet" and "Edit <outlet>": name, aliases (one a line: site names, web domains, the
 * copyright-holder line), country, notes, and the reliability grade A–F with its
 * rationale. One change, undoable; a refusal (a spelling another outlet has, an empty
 * name) is shown in the dialog, which stays open, and nothing is changed.
 */
import { useId, useRef, useState, type FormEvent } from 'react'
import type { OutletEditRequest, OutletSummary } from '../../../../core/api-sourcing'
import type { Outlet, Reliability } from '../../../../core/sourcing'
import { api } from '../../api'
import { RELIABILITY_OPTIONS } from '../../sourcing/labels'
import { restoreOutlets, type SourcingActions } from '../../sourcing/useSourcingChange'
import { Modal } from '../ConfirmDialog'

interface Props {
  outlet?: OutletSummary
  /** A name to start a new outlet with (offered from an article's text). */
  initialName?: string
  actions: SourcingActions
  onClose(): void
  onSaved?(outlet: Outlet): void
}

export function OutletDialog({ outlet, initialName, actions, onClose, onSaved }: Props) {
  const id = useId()
  const [name, setName] = useState(outlet?.name ?? initialName ?? '')
  const [aliases, setAliases] = useState((outlet?.aliases ?? []).join('\n'))
  const [country, setCountry] = useState(outlet?.country ?? '')
  const [notes, setNotes] = useState(outlet?.notes ?? '')
  const [grade, setGrade] = useState<Reliability | ''>(outlet?.reliability?.grade ?? '')
  const [why, setWhy] = useState(outlet?.reliability?.why ?? '')
  const [error, setError] = useState<string | null>(null)
  const nameRef = useRef<HTMLInputElement>(null)

  const save = async (e: FormEvent) => {
    e.preventDefault()
    if (actions.busy) return
    const aliasList = aliases.split('\n').map((a) => a.trim()).filter(Boolean)
    const reliability = grade === '' ? null : { grade, why }
    let outcome
    if (outlet === undefined) {
      outcome = await actions.apply(
        `new outlet ${name.trim()}`,
        () => api.createOutlet({ name, aliases: aliasList, country, notes, ...(reliability ? { reliability } : {}) }),
        restoreOutlets,
        (o: Outlet) => `Outlet ${o.name} added`,
      )
    } else {
      const edit: OutletEditRequest = { name, aliases: aliasList, country: country || null, notes: notes || null, reliability }
      outcome = await actions.apply(`edit ${outlet.name}`, () => api.editOutlet({ outletId: outlet.id, edit }), restoreOutlets, (o: Outlet) => `Outlet ${o.name} saved`)
    }
    if (!outcome.ok) return setError(outcome.message)
    onSaved?.(outcome.value)
    onClose()
  }

  return (
    <Modal title={outlet ? `Edit ${outlet.name}` : 'Add outlet'} onClose={() => !actions.busy && onClose()} initialFocus={nameRef} className="dialog-outlet">
      <form id={`${id}-form`} className="meta-form outlet-form" onSubmit={(e) => void save(e)} noValidate>
        <div className="meta-field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input ref={nameRef} id={`${id}-name`} type="text" dir="auto" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="meta-field">
          <label htmlFor={`${id}-aliases`}>Aliases, one a line</label>
          <textarea id={`${id}-aliases`} rows={3} dir="auto" placeholder={'Site names, web domains (reuters.com), the copyright line'} value={aliases} onChange={(e) => setAliases(e.target.value)} />
        </div>
        <div className="meta-field">
          <label htmlFor={`${id}-country`}>Country</label>
          <input id={`${id}-country`} type="text" dir="auto" value={country} onChange={(e) => setCountry(e.target.value)} />
        </div>
        <div className="outlet-form-row">
          <div className="meta-field">
            <label htmlFor={`${id}-grade`}>Reliability</label>
            <select id={`${id}-grade`} value={grade} onChange={(e) => setGrade(e.target.value as Reliability | '')}>
              <option value="">Not graded</option>
              {RELIABILITY_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="meta-field">
            <label htmlFor={`${id}-why`}>Why this grade</label>
            <input id={`${id}-why`} type="text" dir="auto" disabled={grade === ''} value={why} onChange={(e) => setWhy(e.target.value)} />
          </div>
        </div>
        <div className="meta-field">
          <label htmlFor={`${id}-notes`}>Notes</label>
          <textarea id={`${id}-notes`} rows={2} dir="auto" value={notes} onChange={(e) => setNotes(e.target.value)} />
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
          {actions.busy ? 'Saving…' : outlet ? 'Save' : 'Add outlet'}
        </button>
      </div>
    </Modal>
  )
}
