/**
 * The floating toolbar (role="toolbar", named "Highlight") for a new selection or an
 * existing highlight: a toggle button per tag, a comment box, Save / Cancel, and in edit
 * mode Remove. Keys while it is open: 1-9 toggle tags (not while typing a comment),
 * Escape cancels, Ctrl/Cmd+Enter saves, Delete removes an existing highlight (when focus
 * is in the toolbar but not in the comment box). Tag buttons carry the tag's codebook
 * description as their tooltip. Opened from a keyboard selection, it leaves focus in the
 * text (so Shift+arrows can go on extending it); the digit keys work from there too. It sits just below its anchor inside the reader's
 * scroll area, so it scrolls with the text.
 */
import { useEffect, useEffectEvent, useId, useLayoutEffect, useRef, useState, type CSSProperties } from 'react'
import type { TagId } from '../../../core/ids'
import type { Tag } from '../../../core/model'
import type { HighlightEdit } from '../hooks/useHighlightActions'

/** Position in the scroll container's content coordinates. */
export interface ToolbarAnchor {
  top: number
  left: number
}

interface Props {
  mode: 'create' | 'edit'
  tags: Tag[]
  initial: HighlightEdit
  anchor: ToolbarAnchor
  saving: boolean
  /** Move focus into the toolbar when it opens (default true). */
  autoFocus?: boolean
  onSave(edit: HighlightEdit): void
  onRemove(): void
  onCancel(): void
}

const EDGE_GAP = 12

function isTextEntry(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
}

export function HighlightToolbar({ mode, tags, initial, anchor, saving, autoFocus = true, onSave, onRemove, onCancel }: Props) {
  const [tagIds, setTagIds] = useState<TagId[]>(initial.tagIds)
  const [comment, setComment] = useState(initial.comment)
  const box = useRef<HTMLDivElement>(null)
  const firstTag = useRef<HTMLButtonElement>(null)
  const hintId = useId()

  const canSave = !saving && (tagIds.length > 0 || comment.trim().length > 0)
  const toggle = (id: TagId) =>
    setTagIds((current) =>
      current.includes(id) ? current.filter((t) => t !== id) : tags.filter((t) => t.id === id || current.includes(t.id)).map((t) => t.id),
    )
  const save = () => {
    if (canSave) onSave({ tagIds, comment: comment.trim() })
  }

  // Place below the anchor, kept inside the scroll container's width, and in view.
  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    const container = el.offsetParent as HTMLElement | null
    const maxLeft = (container?.clientWidth ?? window.innerWidth) - el.offsetWidth - EDGE_GAP
    el.style.top = `${anchor.top}px`
    el.style.left = `${Math.max(EDGE_GAP, Math.min(anchor.left, maxLeft))}px`
    el.scrollIntoView?.({ block: 'nearest' })
  }, [anchor])

  useEffect(() => {
    // Focus the tags so keyboard users land in the toolbar; focusing a button leaves
    // the document selection alone.
    if (!autoFocus) return
    const target = firstTag.current ?? box.current?.querySelector('textarea')
    target?.focus({ preventScroll: true })
    // Only on opening: a later change of source must not pull focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault()
      onCancel()
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      save()
    } else if (e.key === 'Delete' && mode === 'edit' && !saving && box.current?.contains(e.target as Node) && !isTextEntry(e.target)) {
      e.preventDefault()
      onRemove()
    } else if (/^[1-9]$/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey && !isTextEntry(e.target)) {
      const tag = tags[Number(e.key) - 1]
      if (tag) {
        e.preventDefault()
        toggle(tag.id)
      }
    }
  })
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e)
    document.addEventListener('keydown', listener)
    return () => document.removeEventListener('keydown', listener)
  }, [])

  return (
    <div ref={box} role="toolbar" aria-label="Highlight" aria-describedby={hintId} className="hl-toolbar">
      <p id={hintId} className="hl-toolbar-hint">
        {mode === 'create' ? 'New highlight' : 'Edit highlight'}
        <span className="hl-toolbar-keys">
          {' · '}
          {tags.length > 0 && `keys 1–${Math.min(9, tags.length)} toggle tags, `}
          {mode === 'edit' && 'Delete removes, '}
          Esc cancels
        </span>
      </p>
      <div className="hl-tag-buttons" role="group" aria-label="Tags">
        {tags.map((tag, i) => (
          <button
            key={tag.id}
            ref={i === 0 ? firstTag : undefined}
            type="button"
            className="tag-toggle"
            aria-pressed={tagIds.includes(tag.id)}
            aria-keyshortcuts={i < 9 ? String(i + 1) : undefined}
            title={tag.description}
            style={{ '--tag-color': tag.color } as CSSProperties}
            // Keep the text selection while clicking (mouse only; keyboard focus still moves).
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => toggle(tag.id)}
          >
            <span className="tag-swatch" aria-hidden="true" />
            {tag.name}
            {i < 9 && <kbd aria-hidden="true">{i + 1}</kbd>}
          </button>
        ))}
        {tags.length === 0 && <span className="hl-no-tags">This notebook has no tags.</span>}
      </div>
      <textarea
        className="hl-comment-input"
        aria-label="Comment"
        placeholder="Comment (optional)"
        rows={2}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <div className="hl-toolbar-actions">
        {mode === 'edit' && (
          <button type="button" className="button button-danger" disabled={saving} aria-keyshortcuts="Delete" onClick={onRemove}>
            Remove highlight
          </button>
        )}
        <span className="hl-toolbar-spacer" />
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button button-primary" disabled={!canSave} onClick={save}>
          Save highlight
        </button>
      </div>
    </div>
  )
}
