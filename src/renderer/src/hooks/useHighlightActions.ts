/**
 * Saving, changing and removing highlights through main. Each action reports its
 * outcome in the status region, records an undo command (undo/redo go through the same
 * API), and on success calls `onChanged` so the reader and the library's highlight
 * counts are fetched again. Actions resolve to whether they worked.
 */
import { useCallback, useState } from 'react'
import type { ArticleId, HighlightId, TagId } from '../../../core/ids'
import type { EventDateChange, StoredEventDate } from '../../../core/api-timeline'
import type { Highlight } from '../../../core/model'
import { api, type Result } from '../api'
import type { UndoStack } from '../undo/undo-stack'
import type { StatusControls } from './useStatus'

export interface HighlightEdit {
  tagIds: TagId[]
  comment: string
}

export interface HighlightActions {
  saving: boolean
  create(articleId: ArticleId, start: number, end: number, edit: HighlightEdit): Promise<boolean>
  update(highlightId: HighlightId, edit: HighlightEdit): Promise<boolean>
  remove(highlightId: HighlightId): Promise<boolean>
  /** Sets, clears (null) or forgets ('auto') a highlight's event date; undoable. */
  setEventDate(highlightId: HighlightId, eventDate: StoredEventDate): Promise<boolean>
  /** Stores the suggested event date as the highlight's; undoable. */
  acceptEventDate(highlightId: HighlightId): Promise<boolean>
}

export function useHighlightActions(
  status: StatusControls,
  onChanged: () => Promise<void>,
  /** The highlight as the renderer last saw it (needed to undo a change or a removal). */
  lookup: (highlightId: HighlightId) => Highlight | undefined,
  /** The app's undo stack (App creates it, so it is passed here rather than read from context). */
  undo: UndoStack,
): HighlightActions {
  const [saving, setSaving] = useState(false)

  /** Runs one API call; reports an error, or refreshes and announces success. */
  const call = useCallback(
    async <T,>(request: () => Promise<Result<T>>, done: string): Promise<T | undefined> => {
      setSaving(true)
      try {
        const result = await request()
        if (!result.ok) {
          status.announceError(result.error)
          return undefined
        }
        await onChanged()
        status.announce('success', done)
        return result.value
      } finally {
        setSaving(false)
      }
    },
    [onChanged, status],
  )
  const ok = (value: unknown) => value !== undefined

  const create = useCallback(
    async (articleId: ArticleId, start: number, end: number, edit: HighlightEdit) => {
      const created = await call(() => api.createHighlight({ articleId, start, end, tagIds: edit.tagIds, comment: edit.comment }), 'Highlight saved')
      if (!created) return false
      undo.push({
        label: 'new highlight',
        undo: async () => ok(await call(() => api.deleteHighlight({ highlightId: created.id }), 'Undid: new highlight')),
        redo: async () => ok(await call(() => api.restoreHighlight({ highlight: created }), 'Redid: new highlight')),
      })
      return true
    },
    [call, undo],
  )

  const update = useCallback(
    async (highlightId: HighlightId, edit: HighlightEdit) => {
      const before = lookup(highlightId)
      const updated = await call(() => api.updateHighlight({ highlightId, tagIds: edit.tagIds, comment: edit.comment }), 'Highlight updated')
      if (!updated) return false
      if (before) {
        const label = before.comment !== edit.comment && sameTags(before.tagIds, edit.tagIds) ? 'comment' : 'highlight change'
        undo.push({
          label,
          undo: async () => ok(await call(() => api.updateHighlight({ highlightId, tagIds: before.tagIds, comment: before.comment }), `Undid: ${label}`)),
          redo: async () => ok(await call(() => api.updateHighlight({ highlightId, tagIds: edit.tagIds, comment: edit.comment }), `Redid: ${label}`)),
        })
      }
      return true
    },
    [call, lookup, undo],
  )

  const remove = useCallback(
    async (highlightId: HighlightId) => {
      const before = lookup(highlightId)
      const removed = await call(() => api.deleteHighlight({ highlightId }), 'Highlight removed')
      if (!removed) return false
      if (before) {
        undo.push({
          label: 'remove highlight',
          undo: async () => ok(await call(() => api.restoreHighlight({ highlight: before }), 'Undid: remove highlight')),
          redo: async () => ok(await call(() => api.deleteHighlight({ highlightId }), 'Redid: remove highlight')),
        })
      }
      return true
    },
    [call, lookup, undo],
  )

  /** An event-date change, undone by setting back what it replaced and redone by setting what it stored. */
  const changeEventDate = useCallback(
    async (highlightId: HighlightId, request: () => Promise<Result<EventDateChange>>, label: string) => {
      const changed = await call(request, label[0]!.toUpperCase() + label.slice(1))
      if (!changed) return false
      const stored: StoredEventDate = changed.highlight.eventDate === undefined ? 'auto' : changed.highlight.eventDate
      undo.push({
        label,
        undo: async () => ok(await call(() => api.setEventDate({ highlightId, eventDate: changed.previous }), `Undid: ${label}`)),
        redo: async () => ok(await call(() => api.setEventDate({ highlightId, eventDate: stored }), `Redid: ${label}`)),
      })
      return true
    },
    [call, undo],
  )
  const setEventDate = useCallback(
    (highlightId: HighlightId, eventDate: StoredEventDate) =>
      changeEventDate(highlightId, () => api.setEventDate({ highlightId, eventDate }), eventDate === null ? 'event date cleared' : eventDate === 'auto' ? 'event date back to the suggestion' : 'event date set'),
    [changeEventDate],
  )
  const acceptEventDate = useCallback((highlightId: HighlightId) => changeEventDate(highlightId, () => api.acceptEventDateSuggestion({ highlightId }), 'event date accepted'), [changeEventDate])

  return { saving, create, update, remove, setEventDate, acceptEventDate }
}

function sameTags(a: readonly TagId[], b: readonly TagId[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i])
}
