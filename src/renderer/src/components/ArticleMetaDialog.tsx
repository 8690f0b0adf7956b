/**
 * "Edit details" of one article: title, outlet, author, date and URL, each with where its
 * current value came from (the article's metaSources). Save sends only the changed fields
 * to main; main's message for a refused value (an empty title, a malformed date or URL)
 * is shown in the dialog, which stays open. A saved edit is undoable: undo puts back the
 * previous values ('' for a field that had none), redo applies the edit again.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { ArticleMetaSnapshot, ArticleSummary, ArticleView } from '../../../core/api'
import type { ArticleId } from '../../../core/ids'
import type { EditableMetaField } from '../../../core/model'
import { api } from '../api'
import type { StatusControls } from '../hooks/useStatus'
import { META_FIELD_LABELS, metaSourceLine } from '../library/format'
import { useUndo } from '../undo/UndoContext'
import { Modal } from './ConfirmDialog'
import { DetailsOffers } from './sources/DetailsOffers'
import { normaliseStatedDate } from '../../../core/date-lines'
import { formatDateTime } from '../dates'

const FIELDS: EditableMetaField[] = ['title', 'outlet', 'author', 'published', 'url']
type Values = Record<EditableMetaField, string>

const HINTS: Partial<Record<EditableMetaField, string>> = {
  published: 'e.g. 15 January 2025, or 2025-01-15T16:29+00:00',
  url: 'http:// or https:// address',
}

/** The fields as shown: the date in the app's one format ("2 February 2025, 11:44"). */
function valuesOf(article: ArticleSummary): Values {
  return { title: article.title, outlet: article.outlet ?? '', author: article.author ?? '', published: formatDateTime(article.published), url: article.url ?? '' }
}

/**
 * What a field's text means to store: a date typed in the app's format (or any shape the
 * importer reads) becomes the stored form; text that is no date goes as typed, so main
 * says what is wrong with it.
 */
function storedValue(field: EditableMetaField, text: string): string {
  if (field !== 'published' || text === '') return text
  return normaliseStatedDate(text.replace(/,(\s*\d{1,2}:\d{2})/, '$1')) ?? text
}

interface Props {
  articleId: ArticleId
  status: StatusControls
  onClose(): void
  /** After a save, undo or redo: refresh the library. */
  onChanged(): Promise<void>
}

export function ArticleMetaDialog({ articleId, status, onClose, onChanged }: Props) {
  const undo = useUndo()
  const formId = useId()
  const [view, setView] = useState<ArticleView['article'] | null>(null)
  const [values, setValues] = useState<Values | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const firstField = useRef<HTMLInputElement>(null)

  useEffect(() => {
    let live = true
    void api.getArticle({ articleId }).then((result) => {
      if (!live) return
      if (!result.ok) return setError(result.error.message)
      setView(result.value.article)
      setValues(valuesOf(result.value.article))
    })
    return () => {
      live = false
    }
  }, [articleId])

  useEffect(() => {
    if (values) firstField.current?.focus()
    // Focus the title once the details have loaded.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [values !== null])

  const save = async (e: FormEvent) => {
    e.preventDefault()
    if (!view || !values || saving) return
    const before = valuesOf(view)
    const change: Partial<Values> = {}
    for (const f of FIELDS) if (values[f].trim() !== before[f]) change[f] = storedValue(f, values[f].trim())
    const fields = Object.keys(change) as EditableMetaField[]
    if (fields.length === 0) return onClose()
    // Undo and redo put back whole snapshots (values, where they came from, edited marks),
    // so undoing an edit does not leave "edited by the analyst" on a value from the file.
    const beforeSnapshot = snapshotOf(view)

    setSaving(true)
    setError(null)
    const result = await api.updateArticleMeta({ articleId, change })
    const after = result.ok ? await api.getArticle({ articleId }) : null
    setSaving(false)
    if (!result.ok) return setError(result.error.message)
    const afterSnapshot = after?.ok ? snapshotOf(after.value.article) : null

    const apply = async (meta: ArticleMetaSnapshot, verb: string) => {
      const r = await api.restoreArticleMeta({ articleId, meta })
      if (!r.ok) {
        status.announceError(r.error)
        return false
      }
      await onChanged()
      status.announce('success', `${verb} the details of “${r.value.title}”`)
      return true
    }
    if (afterSnapshot) {
      undo.push({
        label: `edit details of “${result.value.title}”`,
        undo: () => apply(beforeSnapshot, 'Restored'),
        redo: () => apply(afterSnapshot, 'Changed'),
      })
    }
    await onChanged()
    status.announce('success', `Saved the details of “${result.value.title}”`)
    onClose()
  }

  return (
    <Modal title="Edit details" onClose={() => !saving && onClose()} className="dialog-meta">
      {!values && !error && <p className="dialog-message">Loading the article’s details…</p>}
      {values && view && (
        <form id={formId} className="meta-form" onSubmit={(e) => void save(e)} noValidate>
          {FIELDS.map((field) => {
            const inputId = `${formId}-${field}`
            const sourceId = `${inputId}-source`
            const edited = view.metaEdited.includes(field)
            return (
              <div key={field} className="meta-field">
                <label htmlFor={inputId}>{META_FIELD_LABELS[field]}</label>
                <input
                  ref={field === 'title' ? firstField : undefined}
                  id={inputId}
                  type="text"
                  value={values[field]}
                  placeholder={HINTS[field]}
                  aria-describedby={sourceId}
                  onChange={(e) => setValues({ ...values, [field]: e.target.value })}
                  disabled={saving}
                  spellCheck={field === 'title' || field === 'outlet' || field === 'author'}
                />
                <span id={sourceId} className="meta-source">
                  {edited ? 'Source: edited by you' : metaSourceLine(view.metaSources[field])}
                </span>
              </div>
            )
          })}
        </form>
      )}
      {values && view && <DetailsOffers articleId={articleId} outlet={values.outlet} published={values.published} onUse={(field, text) => setValues({ ...values, [field]: text })} />}
      {error && (
        <p className="dialog-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={saving}>
          Cancel
        </button>
        <button type="submit" form={formId} className="button button-primary" disabled={!values || saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </Modal>
  )
}

function snapshotOf(article: ArticleView['article']): ArticleMetaSnapshot {
  const { title, outlet, author, published, url, metaSources, metaEdited } = article
  return { title, outlet, author, published, url, metaSources: { ...metaSources }, metaEdited: [...metaEdited] }
}
