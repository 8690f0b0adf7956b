/**
 * ACH changes through main, each one undoable on the app's undo stack. Every ACH call
 * returns the matrix it replaced (`previous`; null when the call created the matrix), so
 * one rule serves them all: undo saves `previous` back (or deletes the matrix it
 * created), redo saves the matrix as the change left it. After each step `onView` gets
 * the matrix as stored now (null when it is gone) and `afterChange` runs.
 */
import { useCallback } from 'react'
import type { AchChange, AchView } from '../../../core/api-ach'
import type { AchId, AchMatrix } from '../../../core/ach'
import { api, type Result } from '../api'
import type { StatusControls } from '../hooks/useStatus'
import { useUndo } from '../undo/UndoContext'

export interface AchActions {
  /** Runs `call` as one undoable change named `label`; resolves to the view after it, or null (refusal announced). */
  apply(label: string, call: () => Promise<Result<AchChange<AchView>>>): Promise<AchView | null>
  /** Deletes a matrix (undo puts it back). */
  remove(achId: AchId, label: string): Promise<boolean>
  /** Says a refusal that came before any change (a list that could not be read). */
  announceError: StatusControls['announceError']
}

export function useAchActions(status: StatusControls, onView: (view: AchView | null, achId: AchId) => void, afterChange: () => void): AchActions {
  const undo = useUndo()

  /** Puts the notebook's copy of `achId` in state `to` (null: absent); resolves to whether it worked. */
  const putBack = useCallback(
    async (achId: AchId, to: AchMatrix | null, verb: string, label: string) => {
      const result = to === null ? await api.deleteAchMatrix({ achId }) : await api.restoreAchMatrix({ matrix: to })
      if (!result.ok) {
        status.announceError(result.error)
        return false
      }
      onView(to === null ? null : (result.value.value as AchView), achId)
      afterChange()
      status.announce('success', `${verb} ${label}`)
      return true
    },
    [afterChange, onView, status],
  )

  const record = useCallback(
    (label: string, achId: AchId, before: AchMatrix | null, after: AchMatrix | null) => {
      undo.push({ label, undo: () => putBack(achId, before, 'Undid', label), redo: () => putBack(achId, after, 'Redid', label) })
    },
    [putBack, undo],
  )

  const apply = useCallback(
    async (label: string, call: () => Promise<Result<AchChange<AchView>>>) => {
      const result = await call()
      if (!result.ok) {
        status.announceError(result.error)
        return null
      }
      const view = result.value.value
      record(label, view.matrix.id, result.value.previous, view.matrix)
      onView(view, view.matrix.id)
      afterChange()
      return view
    },
    [afterChange, onView, record, status],
  )

  const remove = useCallback(
    async (achId: AchId, label: string) => {
      const result = await api.deleteAchMatrix({ achId })
      if (!result.ok) {
        status.announceError(result.error)
        return false
      }
      record(label, achId, result.value.previous, null)
      onView(null, achId)
      afterChange()
      status.announce('success', `Deleted ${label}`)
      return true
    },
    [afterChange, onView, record, status],
  )

  return { apply, remove, announceError: status.announceError }
}
