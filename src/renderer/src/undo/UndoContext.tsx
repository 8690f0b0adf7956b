/**
 * Makes the app's one UndoStack available to every component: `useUndo().push(...)`
 * after a change succeeds. App owns the stack and wires Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z
 * and the Edit menu to it.
 */
import { createContext, useContext } from 'react'
import { UndoStack } from './undo-stack'

export const UndoContext = createContext<UndoStack>(new UndoStack())

export function useUndo(): UndoStack {
  return useContext(UndoContext)
}
