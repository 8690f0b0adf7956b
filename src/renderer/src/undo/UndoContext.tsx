/**
 * Makes the app's one UndoStack available to every component: `useUndo().push(...)`
 * after a change succeeds. App owns the stack and wires Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z
 * and the Edit menu to it. There is no default stack: a component outside the provider
 * would record its changes where nothing can undo them, so that is an error.
 */
import { createContext, useContext } from 'react'
import type { UndoStack } from './undo-stack'

export const UndoContext = createContext<UndoStack | null>(null)

export function useUndo(): UndoStack {
  const stack = useContext(UndoContext)
  if (!stack) throw new Error('useUndo() is used outside <UndoContext.Provider>: its changes could never be undone.')
  return stack
}
