/**
 * The app-wide keys (the keymap's `app` scope, src/core/shortcuts.ts), which work without
 * the menu too (the e2e harness has no native menu, and the menu's accelerators only fire
 * when the page leaves a key alone). In a text field only the bindings marked
 * `inTextFields` apply: undo and redo are the field's own there.
 */
import { useEffect, useEffectEvent } from 'react'
import type { MenuCommand } from '../../../core/api'
import { KEYMAP, matchBinding, type KeyBinding, type KeyPress } from '../../../core/shortcuts'

export const IS_MAC = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform)

export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement) return !target.readOnly
  if (target instanceof HTMLInputElement) return !target.readOnly && !['button', 'checkbox', 'radio', 'submit', 'reset', 'color', 'range', 'file'].includes(target.type)
  return target instanceof HTMLSelectElement
}

/** The command a key press stands for, or null. */
export function commandForKey(e: KeyPress & { target: EventTarget | null }, isMac: boolean): MenuCommand | null {
  const match = matchBinding(e, 'app', isMac)
  if (!match) return null
  const binding = (KEYMAP as readonly KeyBinding[]).find((b) => b.id === match.id)
  if (!binding?.command || (isEditableTarget(e.target) && !binding.inTextFields)) return null
  return binding.command
}

export function useAppKeys(run: (command: MenuCommand) => void): void {
  const handle = useEffectEvent(run)
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return
      const command = commandForKey(e, IS_MAC)
      if (!command) return
      e.preventDefault()
      handle(command)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
