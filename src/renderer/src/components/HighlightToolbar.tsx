/**
 * The floating toolbar (role="toolbar", named "Highlight") for a new selection or an
 * existing highlight: a toggle button per tag, a comment box, Save / Cancel, and in edit
 * mode Remove. Its keys are the keymap's `toolbar` scope (src/core/shortcuts.ts), with
 * focus in the toolbar or in the article text: 1-9 toggle tags (Alt+1-9 in the comment
 * box, where digits are typed), Enter saves (Ctrl/Cmd+Enter too; Shift+Enter is a new line
 * in the comment; Enter on Cancel or Remove does what the button says), Escape cancels,
 * Delete removes an existing highlight (not from the comment box). Tag buttons carry the
 * tag's codebook description as their tooltip. Opened from a keyboard selection, it leaves
 * focus in the text (so Shift+arrows can go on extending it). ArticleReader places it
 * where it leaves the selection in view.
 */
import { useEffect, useEffectEvent, useId, useLayoutEffect, useRef, useState, type CSSProperties } from 'react'
import type { TagId } from '../../../core/ids'
import type { Tag } from '../../../core/model'
import { dispatchKey } from '../../../core/shortcuts'
import { IS_MAC } from '../hooks/useAppKeys'
import type { HighlightEdit } from '../hooks/useHighlightActions'
import { GAP, placeToolbar } from '../reader/toolbar-place'

/** What the toolbar is about, in the scroll container's content coordinates: the text's top and bottom, and where its first line starts. */
export interface ToolbarAnchor {
  top: number
  bottom: number
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

  // Place beside the text it is about, kept inside the scroll container's width, with that text in view.
  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    const container = el.offsetParent as HTMLElement | null
    const maxLeft = (container?.clientWidth ?? window.innerWidth) - el.offsetWidth - EDGE_GAP
    el.style.left = `${Math.max(EDGE_GAP, Math.min(anchor.left, maxLeft))}px`
    if (!container) {
      el.style.top = `${anchor.bottom + GAP}px`
      return
    }
    const place = placeToolbar({ top: anchor.top, bottom: anchor.bottom, viewTop: container.scrollTop, viewHeight: container.clientHeight, height: el.offsetHeight })
    if (place.scrollTop !== null) container.scrollTop = place.scrollTop
    el.style.top = `${place.top}px`
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
    if (e.defaultPrevented || e.isComposing) return
    const target = e.target instanceof Node ? e.target : null
    const inToolbar = target !== null && box.current?.contains(target) === true
    const typing = isTextEntry(e.target)
    // A key in another text field (the search box, a dialog) is not the toolbar's.
    if (typing && !inToolbar) return
    const toggleDigit = (digit: number | undefined) => {
      const tag = digit ? tags[digit - 1] : undefined
      if (!tag) return false
      toggle(tag.id)
    }
    const handled = dispatchKey(e, 'toolbar', IS_MAC, {
      'toolbar.tag': ({ digit }) => !typing && toggleDigit(digit),
      'toolbar.tag-in-comment': ({ digit }) => toggleDigit(digit),
      'toolbar.save': () => {
        // Enter on Cancel or Remove does what the button says; everywhere else it saves.
        if (e.target instanceof HTMLButtonElement && inToolbar && !e.target.classList.contains('tag-toggle')) return false
        save()
      },
      'toolbar.remove': () => {
        if (mode !== 'edit' || saving || !inToolbar || typing) return false
        onRemove()
      },
      'toolbar.cancel': () => onCancel(),
    })
    if (handled) {
      e.preventDefault()
      e.stopPropagation()
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
          {tags.length > 0 && `${Math.min(9, tags.length) === 1 ? 'key 1 toggles the tag' : `keys 1–${Math.min(9, tags.length)} toggle tags`}, `}
          Enter saves, {mode === 'edit' && 'Delete removes, '}
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
        dir="auto"
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
