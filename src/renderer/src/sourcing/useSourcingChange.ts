/**
 * Sourcing changes through main, each undoable on the app's undo stack. Every sourcing
 * call returns what it replaced (`previous`: the outlets file, the claims file or the
 * highlight), so one rule serves all: undo restores `previous`, and since a restore returns
 * what it replaced in turn, redo restores that, and so on back and forth.
 */
import { useCallback, useState } from 'react'
import type { SourcingChange } from '../../../core/api-sourcing'
import type { Highlight } from '../../../core/model'
import type { ClaimsFile, OutletsFile } from '../../../core/sourcing'
import { api, type Result } from '../api'
import { useUndo } from '../undo/UndoContext'
import { useSourcingHost } from './SourcingHost'

export type Restore<F> = (previous: F) => Promise<Result<SourcingChange<unknown, F>>>
export const restoreOutlets: Restore<OutletsFile> = (file) => api.restoreOutlets({ file })
export const restoreClaims: Restore<ClaimsFile> = (file) => api.restoreClaims({ file })
export const restoreHighlight: Restore<Highlight> = (highlight) => api.restoreHighlightSourcing({ highlight })

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string }

export interface SourcingActions {
  busy: boolean
  /**
   * Runs one change named `label` ("grade Reuters"); `done` is the status line on success.
   * A refusal is returned (for a dialog to show) and nothing is changed.
   */
  apply<T, F>(label: string, call: () => Promise<Result<SourcingChange<T, F>>>, restore: Restore<F>, done: (value: T) => string): Promise<Outcome<T>>
  /** The same, with a refusal announced in the status bar. */
  applyAndReport<T, F>(label: string, call: () => Promise<Result<SourcingChange<T, F>>>, restore: Restore<F>, done: (value: T) => string): Promise<T | undefined>
}

export function useSourcingChange(): SourcingActions {
  const { status, afterChange } = useSourcingHost()
  const undoStack = useUndo()
  const [busy, setBusy] = useState(false)

  const apply = useCallback(
    async <T, F>(label: string, call: () => Promise<Result<SourcingChange<T, F>>>, restore: Restore<F>, done: (value: T) => string): Promise<Outcome<T>> => {
      setBusy(true)
      try {
        const result = await call()
        if (!result.ok) return { ok: false, message: result.error.message }
        let other = result.value.previous
        const step = (verb: string) => async () => {
          const back = await restore(other)
          if (!back.ok) {
            status.announceError(back.error)
            return false
          }
          other = back.value.previous
          await afterChange()
          status.announce('success', `${verb} ${label}`)
          return true
        }
        undoStack.push({ label, undo: step('Undid'), redo: step('Redid') })
        await afterChange()
        status.announce('success', done(result.value.value))
        return { ok: true, value: result.value.value }
      } finally {
        setBusy(false)
      }
    },
    [afterChange, status, undoStack],
  )

  const applyAndReport = useCallback(
    async <T, F>(label: string, call: () => Promise<Result<SourcingChange<T, F>>>, restore: Restore<F>, done: (value: T) => string): Promise<T | undefined> => {
      const outcome = await apply(label, call, restore, done)
      if (outcome.ok) return outcome.value
      status.announce('error', outcome.message)
      return undefined
    },
    [apply, status],
  )

  return { busy, apply, applyAndReport }
}
