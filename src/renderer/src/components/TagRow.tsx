/**
 * One codebook entry: colour swatch, name, highlight count and description (also its
 * tooltip), with Rename, Recolour, Describe, Merge… and Delete (each named with the tag:
 * "Merge Bases into…", so the visible label is part of the accessible name). One editor or
 * confirmation opens in place under the entry at a time.
 */
import { useState, type CSSProperties, type FormEvent, type ReactNode } from 'react'
import type { TagSummary } from '../../../core/api'
import type { Tag } from '../../../core/model'
import { plural } from '../plural'
import { ColorPicker } from '../tags/ColorPicker'
import { ConfirmInline } from '../tags/ConfirmInline'
import type { TagActions } from '../tags/useTagActions'

export type TagMode = 'rename' | 'recolour' | 'describe' | 'merge' | 'delete'

const ACTIONS: { mode: TagMode; label: string }[] = [
  { mode: 'rename', label: 'Rename' },
  { mode: 'recolour', label: 'Recolour' },
  { mode: 'describe', label: 'Describe' },
  { mode: 'merge', label: 'Merge…' },
  { mode: 'delete', label: 'Delete' },
]

interface Props {
  tag: TagSummary
  /** The name shown: the last part of a "/" path. */
  label: string
  allTags: TagSummary[]
  mode: TagMode | null
  actions: TagActions
  onMode(mode: TagMode | null): void
}

export function TagRow({ tag, label, allTags, mode, actions, onMode }: Props) {
  const close = () => onMode(null)
  const descriptionId = `tag-description-${tag.id}`
  return (
    <div className="tag-entry" data-tag-id={tag.id}>
      <div className="tag-row">
        <span className="tag-swatch tag-row-swatch" style={{ '--tag-color': tag.color } as CSSProperties} aria-hidden="true" />
        <span className="tag-name" title={tag.description || undefined} aria-describedby={tag.description ? descriptionId : undefined}>
          {label}
        </span>
        <span className="tag-count">{plural(tag.highlightCount, 'highlight')}</span>
        <span className="tag-actions">
          {ACTIONS.map((a) => (
            <button
              key={a.mode}
              type="button"
              className={`button button-small${a.mode === 'delete' ? ' button-danger' : ''}`}
              aria-label={a.mode === 'merge' ? `Merge ${tag.name} into…` : `${a.label} ${tag.name}`}
              aria-expanded={mode === a.mode}
              data-tag-action={`${tag.id}:${a.mode}`}
              onClick={() => onMode(mode === a.mode ? null : a.mode)}
            >
              {a.label}
            </button>
          ))}
        </span>
      </div>
      {tag.description && (
        <p id={descriptionId} className="tag-description">
          {tag.description}
        </p>
      )}
      {mode === 'rename' && (
        <TextEdit
          label={`New name for ${tag.name}`}
          initial={tag.name}
          maxLength={100}
          busy={actions.busy}
          onCancel={close}
          onSave={async (name) => name.trim() !== '' && (name.trim() === tag.name || (await actions.update(tag, { name: name.trim() })))}
          onDone={close}
        />
      )}
      {mode === 'describe' && (
        <TextEdit
          label={`Description of ${tag.name}`}
          initial={tag.description}
          maxLength={500}
          multiline
          busy={actions.busy}
          onCancel={close}
          onSave={async (text) => text.trim() === tag.description || actions.update(tag, { description: text.trim() })}
          onDone={close}
        />
      )}
      {mode === 'recolour' && <Recolour tag={tag} actions={actions} onDone={close} />}
      {mode === 'merge' && <Merge tag={tag} allTags={allTags} actions={actions} onDone={close} />}
      {mode === 'delete' && (
        <ConfirmInline
          message={`Delete tag ${tag.name}? ${plural(tag.highlightCount, 'highlight')} ${tag.highlightCount === 1 ? 'carries' : 'carry'} it; they keep their other tags.`}
          confirmLabel="Delete"
          danger
          busy={actions.busy}
          onCancel={close}
          onConfirm={() => void actions.remove(tag).then((ok) => ok && close())}
        />
      )}
    </div>
  )
}

interface EditorFormProps {
  label: string
  busy: boolean
  submitLabel?: string
  canSubmit?: boolean
  onSubmit(): void
  onCancel(): void
  children: ReactNode
}

function EditorForm({ label, busy, submitLabel = 'Save', canSubmit = true, onSubmit, onCancel, children }: EditorFormProps) {
  return (
    <form
      className="tag-editor"
      aria-label={label}
      onSubmit={(e: FormEvent) => {
        e.preventDefault()
        onSubmit()
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault()
          e.stopPropagation()
          onCancel()
        }
      }}
    >
      {children}
      <span className="tag-editor-actions">
        <button type="submit" className="button button-small button-primary" disabled={busy || !canSubmit}>
          {submitLabel}
        </button>
        <button type="button" className="button button-small" onClick={onCancel}>
          Cancel
        </button>
      </span>
    </form>
  )
}

interface TextEditProps {
  label: string
  initial: string
  maxLength: number
  multiline?: boolean
  busy: boolean
  onSave(value: string): Promise<boolean>
  onCancel(): void
  onDone(): void
}

function TextEdit({ label, initial, maxLength, multiline = false, busy, onSave, onCancel, onDone }: TextEditProps) {
  const [value, setValue] = useState(initial)
  const props = { 'aria-label': label, value, maxLength, autoFocus: true }
  return (
    <EditorForm label={label} busy={busy} onCancel={onCancel} onSubmit={() => void onSave(value).then((ok) => ok && onDone())}>
      {multiline ? (
        <textarea {...props} rows={3} onChange={(e) => setValue(e.target.value)} />
      ) : (
        <input type="text" {...props} onChange={(e) => setValue(e.target.value)} />
      )}
    </EditorForm>
  )
}

function Recolour({ tag, actions, onDone }: { tag: Tag; actions: TagActions; onDone(): void }) {
  const [color, setColor] = useState(tag.color)
  const save = () => {
    if (color.toLowerCase() === tag.color.toLowerCase()) return onDone()
    void actions.update(tag, { color: color.toUpperCase() }).then((ok) => ok && onDone())
  }
  return (
    <EditorForm label={`Colour for ${tag.name}`} busy={actions.busy} onCancel={onDone} onSubmit={save}>
      <ColorPicker value={color} onChange={setColor} label={`Colour for ${tag.name}`} />
    </EditorForm>
  )
}

function Merge({ tag, allTags, actions, onDone }: { tag: TagSummary; allTags: TagSummary[]; actions: TagActions; onDone(): void }) {
  const targets = allTags.filter((t) => t.id !== tag.id)
  const [intoId, setIntoId] = useState<string>('')
  const [confirming, setConfirming] = useState(false)
  const into = targets.find((t) => t.id === intoId)
  if (targets.length === 0) return <p className="tag-editor">There is no other tag to merge {tag.name} into.</p>
  if (confirming && into)
    return (
      <ConfirmInline
        message={`Merge ${tag.name} (${plural(tag.highlightCount, 'highlight')}) into ${into.name}?`}
        confirmLabel="Merge"
        busy={actions.busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void actions.merge(tag, into).then((ok) => ok && onDone())}
      />
    )
  return (
    <EditorForm
      label={`Merge ${tag.name} into another tag`}
      busy={actions.busy}
      submitLabel="Merge…"
      canSubmit={into !== undefined}
      onCancel={onDone}
      onSubmit={() => into && setConfirming(true)}
    >
      <label className="tag-field-inline">
        Merge into
        <select value={intoId} autoFocus onChange={(e) => setIntoId(e.target.value)}>
          <option value="">Choose a tag…</option>
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
    </EditorForm>
  )
}
