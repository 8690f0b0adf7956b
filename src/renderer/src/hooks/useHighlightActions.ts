/**
 * Saving, changing and removing highlights through main. Each action reports its
 * outcome in the status region and, on success, calls `onChanged` so the reader and the
 * library's highlight counts are fetched again. Actions resolve to whether they worked.
 */
import { useCallback, useState } from 'react'
import type { ArticleId, HighlightId, TagId } from '../../../core/ids'
import { api, type Result } from '../api'
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
}

export function useHighlightActions(status: StatusControls, onChanged: () => Promise<void>): HighlightActions {
  const [saving, setSaving] = useState(false)

  const run = useCallback(
    async (call: () => Promise<Result<unknown>>, done: string) => {
      setSaving(true)
      try {
        const result = await call()
        if (!result.ok) {
          status.announceError(result.error)
          return false
        }
        await onChanged()
        status.announce('success', done)
        return true
      } finally {
        setSaving(false)
      }
    },
    [onChanged, status],
  )

  const create = useCallback(
    (articleId: ArticleId, start: number, end: number, edit: HighlightEdit) =>
      run(() => api.createHighlight({ articleId, start, end, tagIds: edit.tagIds, comment: edit.comment }), 'Highlight saved'),
    [run],
  )
  const update = useCallback(
    (highlightId: HighlightId, edit: HighlightEdit) =>
      run(() => api.updateHighlight({ highlightId, tagIds: edit.tagIds, comment: edit.comment }), 'Highlight updated'),
    [run],
  )
  const remove = useCallback(
    (highlightId: HighlightId) => run(() => api.deleteHighlight({ highlightId }), 'Highlight removed'),
    [run],
  )

  return { saving, create, update, remove }
}
