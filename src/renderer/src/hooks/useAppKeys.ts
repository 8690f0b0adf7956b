/**
 * The app-wide keys that work without the menu (the e2e harness has no native menu, and
 * the menu's accelerators only fire when the page leaves a key alone): undo/redo outside
 * text fields, Ctrl/Cmd+K for search, Ctrl/Cmd+1..5 for the views, F1 for the shortcuts.
 * In a text field, undo and redo are the field's own.
 */
import { useEffect, useEffectEvent } from 'react'
import type { MenuCommand } from '../../../core/api'

export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement) return !target.readOnly
  if (target instanceof HTMLInputElement) return !target.readOnly && !['button', 'checkbox', 'radio', 'submit', 'reset', 'color', 'range', 'file'].includes(target.type)
  return target instanceof HTMLSelectElement
}

/** The command a key press stands for, or null. */
export function commandForKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'target'>, isMac: boolean): MenuCommand | null {
  const mod = isMac ? e.metaKey : e.ctrlKey
  if (e.key === 'F1' && !mod && !e.altKey) return 'shortcuts'
  if (!mod || e.altKey) return null
  const key = e.key.toLowerCase()
  if (key === 'k' && !e.shiftKey) return 'search'
  const views: Record<string, MenuCommand> = { '1': 'show-library', '2': 'show-reader', '3': 'show-passages', '4': 'show-tags', '5': 'show-briefings' }
  if (!e.shiftKey && views[e.key]) return views[e.key]!
  if (isEditableTarget(e.target)) return null
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo'
  if (key === 'y' && !isMac && !e.shiftKey) return 'redo'
  return null
}

export function useAppKeys(run: (command: MenuCommand) => void): void {
  const handle = useEffectEvent(run)
  useEffect(() => {
    const isMac = /Mac/i.test(navigator.platform)
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return
      const command = commandForKey(e, isMac)
      if (!command) return
      e.preventDefault()
      handle(command)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
