/**
 * Entity changes through main, each one undoable on the app's undo stack. Every entity
 * call returns the entities file it replaced (`previous`), so one rule serves all of
 * them: undo is restoreEntities(the file before), and since that returns the file it
 * replaced, redo is restoreEntities(that one), and so on back and forth.
 *
 * A change may take several calls (the edit dialog: remove aliases, rename, edit, add
 * aliases). They run in order; if one is refused, the file from before the first is put
 * back, so a refused edit changes nothing, and its message is returned for the dialog to
 * show. Changes made without a dialog (suggestions, the starter gazetteer) report a
 * refusal in the status bar. After every change, undo and redo, `afterChange` runs.
 */
import { useCallback, useMemo, useState } from 'react'
import type { EntitiesChange } from '../../../core/api-entities'
import type { EntitiesFile } from '../../../core/entities'
import { api, type Result } from '../api'
import type { StatusControls } from '../hooks/useStatus'
import { useUndo } from '../undo/UndoContext'

export type Call<T> = () => Promise<Result<EntitiesChange<T>>>
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string }

export interface EntityActions {
  busy: boolean
  /**
   * Runs `calls` as one change named `label` ("rename Tartus"); `done` is the status line
   * on success. Resolves to the last call's value, or the refusal (nothing changed).
   */
  apply<T>(label: string, calls: Call<unknown>[], done: (value: T) => string): Promise<Outcome<T>>
  /** The same, with a refusal announced in the status bar instead of returned. */
  applyAndReport<T>(label: string, calls: Call<unknown>[], done: (value: T) => string): Promise<T | undefined>
}

export function useEntityActions(status: StatusControls, afterChange: () => Promise<void>): EntityActions {
  const undoStack = useUndo()
  const [busy, setBusy] = useState(false)

  /** Puts `file` back; resolves to the file it replaced, or undefined (reported). */
  const restore = useCallback(
    async (file: EntitiesFile, verb: string, label: string): Promise<EntitiesFile | undefined> => {
      const result = await api.restoreEntities({ file })
      if (!result.ok) {
        status.announceError(result.error)
        return undefined
      }
      await afterChange()
      status.announce('success', `${verb} ${label}`)
      return result.value.previous
    },
    [afterChange, status],
  )

  const record = useCallback(
    (label: string, before: EntitiesFile) => {
      let other = before
      const step = (verb: string) => async () => {
        const replaced = await restore(other, verb, label)
        if (replaced !== undefined) other = replaced
        return replaced !== undefined
      }
      undoStack.push({ label, undo: step('Undid'), redo: step('Redid') })
    },
    [restore, undoStack],
  )

  const apply = useCallback(
    async <T>(label: string, calls: Call<unknown>[], done: (value: T) => string): Promise<Outcome<T>> => {
      setBusy(true)
      try {
        let before: EntitiesFile | undefined
        let value: unknown
        for (const call of calls) {
          const result = await call()
          if (!result.ok) {
            // Put back what the earlier calls of this change did: a refused change changes nothing.
            if (before !== undefined) {
              const back = await api.restoreEntities({ file: before })
              if (!back.ok) status.announceError(back.error)
              await afterChange()
            }
            return { ok: false, message: result.error.message }
          }
          before ??= result.value.previous
          value = result.value.value
        }
        if (before === undefined) return { ok: true, value: value as T }
        record(label, before)
        await afterChange()
        status.announce('success', done(value as T))
        return { ok: true, value: value as T }
      } finally {
        setBusy(false)
      }
    },
    [afterChange, record, status],
  )

  const applyAndReport = useCallback(
    async <T>(label: string, calls: Call<unknown>[], done: (value: T) => string): Promise<T | undefined> => {
      const outcome = await apply(label, calls, done)
      if (outcome.ok) return outcome.value
      status.announce('error', outcome.message)
      return undefined
    },
    [apply, status],
  )

  return useMemo(() => ({ busy, apply, applyAndReport }), [busy, apply, applyAndReport])
}
