/**
 * "Add entity" and "Edit <name>": name (renaming keeps the old name as an alias unless
 * unticked), type, kind and coordinates (places), aliases (each with a Remove button, and
 * a field whose Enter adds one), description. Save checks the form first (the core's
 * rules), then sends one change (a new entity, or the edit's calls, undoable as one). A
 * refusal (a spelling another entity owns, an empty or too long name, a bad coordinate) is
 * shown in the dialog, which stays open, and nothing is changed.
 */
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import type { EntitySummary } from '../../../../core/api-entities'
import { ENTITY_TYPES, PLACE_KINDS, type Entity } from '../../../../core/entities'
import { api } from '../../api'
import { checkForm, editSteps, formOf, newEntityRequest, type EntityForm, type FormField } from '../../entities/entity-form'
import { KIND_LABELS, TYPE_LABELS } from '../../entities/entity-list'
import type { Call, EntityActions } from '../../entities/useEntityActions'
import { Modal } from '../ConfirmDialog'

interface Props {
  /** The entity to edit; absent: a new one. */
  entity?: EntitySummary
  actions: EntityActions
  onClose(): void
}

export function EntityDialog({ entity, actions, onClose }: Props) {
  const id = useId()
  const [form, setForm] = useState<EntityForm>(() => formOf(entity))
  const [newAlias, setNewAlias] = useState('')
  const [error, setError] = useState<{ message: string; field: FormField | null } | null>(null)
  const nameRef = useRef<HTMLInputElement>(null)
  const aliasRef = useRef<HTMLInputElement>(null)
  const set = (change: Partial<EntityForm>) => setForm((f) => ({ ...f, ...change }))
  const isPlace = form.type === 'place'
  const renamed = entity !== undefined && form.name.trim() !== entity.name
  const errorId = `${id}-error`
  const invalid = (field: FormField) => (error?.field === field ? { 'aria-invalid': true, 'aria-describedby': errorId } : {})

  const addAlias = () => {
    const text = newAlias.trim()
    if (text === '') return
    if (!form.aliases.includes(text)) set({ aliases: [...form.aliases, text] })
    setNewAlias('')
    aliasRef.current?.focus()
  }

  const save = async (e: FormEvent) => {
    e.preventDefault()
    if (actions.busy) return
    const pending = newAlias.trim() !== '' && !form.aliases.includes(newAlias.trim()) ? { ...form, aliases: [...form.aliases, newAlias.trim()] } : form
    const checked = checkForm(pending)
    if (!checked.ok) return setError({ message: checked.message, field: checked.field })
    setError(null)
    let outcome
    if (entity === undefined) {
      const request = newEntityRequest(pending, checked.value.coordinates)
      outcome = await actions.apply<Entity>(`new entity ${request.name}`, [() => api.createEntity(request)], (created) => `Entity ${created.name} added`)
    } else {
      const steps = editSteps(entity, pending, checked.value.coordinates)
      if (steps.length === 0) return onClose()
      const calls: Call<unknown>[] = steps.map((step) => () => (api[step.method] as (args: unknown) => ReturnType<Call<unknown>>)(step.args))
      outcome = await actions.apply<Entity>(renamed ? `rename ${entity.name}` : `edit ${entity.name}`, calls, () => `Entity ${checked.value.name} saved`)
    }
    if (outcome.ok) onClose()
    else setError({ message: outcome.message, field: null })
  }

  const onAliasKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return
    e.preventDefault()
    addAlias()
  }

  return (
    <Modal title={entity ? `Edit ${entity.name}` : 'Add entity'} onClose={() => !actions.busy && onClose()} initialFocus={nameRef} className="dialog-entity">
      <form id={`${id}-form`} className="meta-form entity-form" onSubmit={(e) => void save(e)} noValidate>
        <div className="meta-field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input ref={nameRef} id={`${id}-name`} type="text" dir="auto" value={form.name} onChange={(e) => set({ name: e.target.value })} {...invalid('name')} />
          {renamed && (
            <label className="entity-check">
              <input type="checkbox" checked={form.keepOldName} onChange={(e) => set({ keepOldName: e.target.checked })} />
              Keep “{entity.name}” as an alias
            </label>
          )}
        </div>
        <div className="entity-form-row">
          <div className="meta-field">
            <label htmlFor={`${id}-type`}>Type</label>
            <select id={`${id}-type`} value={form.type} onChange={(e) => set({ type: e.target.value as EntityForm['type'] })}>
              {ENTITY_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </div>
          {isPlace && (
            <div className="meta-field">
              <label htmlFor={`${id}-kind`}>Kind of place</label>
              <select id={`${id}-kind`} value={form.kind} onChange={(e) => set({ kind: e.target.value as EntityForm['kind'] })}>
                <option value="">Not said</option>
                {PLACE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        <fieldset className="meta-field entity-aliases" {...invalid('aliases')}>
          <legend>Aliases</legend>
          {form.aliases.length > 0 ? (
            <ul className="entity-alias-list" aria-label={`Aliases of ${form.name.trim() || 'the new entity'}`}>
              {form.aliases.map((alias) => (
                <li key={alias} className="entity-alias">
                  <bdi>{alias}</bdi>
                  <button type="button" className="entity-alias-remove" aria-label={`Remove alias ${alias}`} title={`Remove alias ${alias}`} onClick={() => set({ aliases: form.aliases.filter((a) => a !== alias) })}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="meta-source">No other spellings yet.</p>
          )}
          <div className="entity-alias-add">
            <input ref={aliasRef} type="text" dir="auto" aria-label="New alias" placeholder="Another spelling, e.g. Tartous or طرطوس" value={newAlias} onChange={(e) => setNewAlias(e.target.value)} onKeyDown={onAliasKey} />
            <button type="button" className="button button-small" onClick={addAlias} disabled={newAlias.trim() === ''}>
              Add alias
            </button>
          </div>
        </fieldset>
        <div className="meta-field">
          <label htmlFor={`${id}-description`}>Description</label>
          <textarea id={`${id}-description`} rows={2} dir="auto" value={form.description} onChange={(e) => set({ description: e.target.value })} {...invalid('description')} />
        </div>
        {isPlace && (
          <fieldset className="entity-form-row entity-coordinates" {...invalid('coordinates')}>
            <legend>Coordinates (WGS84 degrees, optional)</legend>
            <div className="meta-field">
              <label htmlFor={`${id}-lat`}>Latitude</label>
              <input id={`${id}-lat`} type="text" inputMode="decimal" placeholder="34.89" value={form.lat} onChange={(e) => set({ lat: e.target.value })} />
            </div>
            <div className="meta-field">
              <label htmlFor={`${id}-lon`}>Longitude</label>
              <input id={`${id}-lon`} type="text" inputMode="decimal" placeholder="35.89" value={form.lon} onChange={(e) => set({ lon: e.target.value })} />
            </div>
          </fieldset>
        )}
      </form>
      {error && (
        <p id={errorId} className="dialog-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={actions.busy}>
          Cancel
        </button>
        <button type="submit" form={`${id}-form`} className="button button-primary" disabled={actions.busy}>
          {actions.busy ? 'Saving…' : entity ? 'Save' : 'Add entity'}
        </button>
      </div>
    </Modal>
  )
}
