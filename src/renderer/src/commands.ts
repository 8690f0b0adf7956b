/**
 * The app's commands (the menu's MenuCommand set) for components deep in a view, e.g. an
 * empty state's "Import files" button: the same `runCommand` the menu, the keys and the
 * header use, so every way of asking does the same thing.
 */
import { createContext, useContext } from 'react'
import type { MenuCommand } from '../../core/api'

export const CommandContext = createContext<(command: MenuCommand) => void>(() => undefined)

export function useCommand(): (command: MenuCommand) => void {
  return useContext(CommandContext)
}
