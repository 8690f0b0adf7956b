/**
 * Merging and splitting entities, each a dialog whose refusal is shown in it (nothing
 * changes then) and whose change is undoable:
 *  - Merge: choose the other entity; its name and aliases become aliases of this one
 *    (its description and coordinates fill this one's gaps) and it is removed;
 *  - Split: choose aliases to move to a new entity of the same type, and name it (one of
 *    the moved aliases by default).
 */
import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react'
import type { EntitySummary } from '../../../../core/api-entities'
import type { Entity } from '../../../../core/entities'
import { api } from '../../api'
import type { EntityActions } from '../../entities/useEntityActions'
import { plural } from '../../plural'
import { Modal } from '../ConfirmDialog'

interface FormDialogProps {
  title: string
  submitLabel: string
  canSubmit: boolean
  error: string | null
  actions: EntityActions
  onSubmit(): void
  onClose(): void
  children: ReactNode
}

/** A dialog around one form: its fields, the refusal if any, Cancel and the submit button. */
function FormDialog({ title, submitLabel, canSubmit, error, actions, onSubmit, onClose, children }: FormDialogProps) {
  const formId = useId()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (canSubmit && !actions.busy) onSubmit()
  }
  return (
    <Modal title={title} onClose={() => !actions.busy && onClose()} className="dialog-entity">
      <form id={formId} className="meta-form entity-form" onSubmit={submit} noValidate>
        {children}
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
        <button type="submit" form={formId} className="button button-primary" disabled={actions.busy || !canSubmit}>
          {submitLabel}
        </button>
      </div>
    </Modal>
  )
}

interface MergeProps {
  entity: EntitySummary
  entities: EntitySummary[]
  actions: EntityActions
  onClose(): void
}

export function MergeDialog({ entity, entities, actions, onClose }: MergeProps) {
  const id = useId()
  const others = useMemo(() => entities.filter((e) => e.id !== entity.id).sort((a, b) => a.name.localeCompare(b.name)), [entities, entity.id])
  const [otherId, setOtherId] = useState('')
  const [error, setError] = useState<string | null>(null)
  const other = others.find((e) => e.id === otherId)

  const merge = async () => {
    if (!other) return
    const outcome = await actions.apply<Entity>(
      `merge ${other.name} into ${entity.name}`,
      [() => api.mergeEntities({ keepId: entity.id, otherId: other.id })],
      () => `${other.name} merged into ${entity.name}`,
    )
    if (outcome.ok) onClose()
    else setError(outcome.message)
  }

  return (
    <FormDialog title={`Merge into ${entity.name}`} submitLabel="Merge" canSubmit={other !== undefined} error={error} actions={actions} onSubmit={() => void merge()} onClose={onClose}>
      <div className="meta-field">
        <label htmlFor={`${id}-other`}>Entity to merge into {entity.name}</label>
        <select id={`${id}-other`} value={otherId} onChange={(e) => setOtherId(e.target.value)}>
          <option value="">Choose an entity…</option>
          {others.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name} ({plural(e.mentions, 'mention')})
            </option>
          ))}
        </select>
      </div>
      <p className="dialog-message">
        {other
          ? `“${other.name}” and its ${plural(other.aliases.length, 'alias', 'aliases')} become aliases of ${entity.name}, and ${other.name} is removed. Undo puts it back.`
          : `The entity you choose becomes spellings of ${entity.name}: its name and aliases join ${entity.name}’s, and it is removed.`}
      </p>
    </FormDialog>
  )
}

interface SplitProps {
  entity: EntitySummary
  actions: EntityActions
  onClose(): void
}

export function SplitDialog({ entity, actions, onClose }: SplitProps) {
  const id = useId()
  const [moving, setMoving] = useState<string[]>([])
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  // Until a name is typed, the new entity is named after the first alias chosen.
  const newName = name.trim() !== '' ? name : (moving[0] ?? '')

  const toggle = (alias: string, on: boolean) => setMoving((list) => (on ? entity.aliases.map((a) => a.text).filter((t) => t === alias || list.includes(t)) : list.filter((t) => t !== alias)))

  const split = async () => {
    const outcome = await actions.apply<Entity>(
      `split ${newName.trim()} from ${entity.name}`,
      [() => api.splitEntity({ entityId: entity.id, name: newName, aliases: moving })],
      (created) => `${created.name} split from ${entity.name}`,
    )
    if (outcome.ok) onClose()
    else setError(outcome.message)
  }

  return (
    <FormDialog title={`Split ${entity.name}`} submitLabel="Split" canSubmit={moving.length > 0} error={error} actions={actions} onSubmit={() => void split()} onClose={onClose}>
      <fieldset className="meta-field entity-split-aliases">
        <legend>Aliases to move to a new entity</legend>
        {entity.aliases.map((a) => (
          <label key={a.text} className="entity-check">
            <input type="checkbox" checked={moving.includes(a.text)} onChange={(e) => toggle(a.text, e.target.checked)} />
            <bdi>{a.text}</bdi>
          </label>
        ))}
      </fieldset>
      <div className="meta-field">
        <label htmlFor={`${id}-name`}>Name of the new entity</label>
        <input id={`${id}-name`} type="text" dir="auto" value={newName} placeholder="The first alias chosen" onChange={(e) => setName(e.target.value)} />
      </div>
    </FormDialog>
  )
}
