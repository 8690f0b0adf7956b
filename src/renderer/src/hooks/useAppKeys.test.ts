// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { chordsFor, KEYMAP, keyPressFor, type KeyBinding } from '../../../core/shortcuts'
import { commandForKey, isEditableTarget } from './useAppKeys'

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}, target: EventTarget | null = document.body) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  target,
  ...mods,
})

describe('app-wide keys', () => {
  it('maps Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y to undo and redo outside text fields', () => {
    expect(commandForKey(key('z', { ctrlKey: true }), false)).toBe('undo')
    expect(commandForKey(key('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo')
    expect(commandForKey(key('y', { ctrlKey: true }), false)).toBe('redo')
  })

  it('uses Cmd on macOS, where Ctrl+Z is not undo', () => {
    expect(commandForKey(key('z', { metaKey: true }), true)).toBe('undo')
    expect(commandForKey(key('z', { ctrlKey: true }), true)).toBeNull()
    expect(commandForKey(key('y', { metaKey: true }), true)).toBeNull()
  })

  it('leaves undo to a text field that has focus, but still opens search and switches views', () => {
    const input = document.createElement('input')
    const textarea = document.createElement('textarea')
    expect(commandForKey(key('z', { ctrlKey: true }, input), false)).toBeNull()
    expect(commandForKey(key('z', { ctrlKey: true, shiftKey: true }, textarea), false)).toBeNull()
    expect(commandForKey(key('k', { ctrlKey: true }, input), false)).toBe('search')
    expect(commandForKey(key('3', { ctrlKey: true }, textarea), false)).toBe('show-passages')
  })

  it('runs the command of every app binding in the keymap (the shortcuts list), on both platforms', () => {
    for (const isMac of [false, true]) {
      for (const binding of (KEYMAP as readonly KeyBinding[]).filter((b) => b.scope === 'app')) {
        for (const chord of chordsFor(binding, isMac)) {
          expect(commandForKey({ ...keyPressFor(chord, isMac), target: document.body }, isMac), `${chord} (${isMac ? 'macOS' : 'other'})`).toBe(binding.command)
        }
      }
    }
  })

  it('maps Ctrl+1..7 to the seven views and F1 to the shortcuts', () => {
    expect(['1', '2', '3', '4', '5', '6', '7'].map((k) => commandForKey(key(k, { ctrlKey: true }), false))).toEqual([
      'show-library',
      'show-reader',
      'show-passages',
      'show-tags',
      'show-briefings',
      'show-entities',
      'show-sources',
    ])
    expect(commandForKey(key('9', { ctrlKey: true }), false)).toBe('show-analysis')
    expect(commandForKey(key('F1'), false)).toBe('shortcuts')
  })

  it('ignores plain keys (digits toggle tags in the toolbar) and Alt chords', () => {
    expect(commandForKey(key('1'), false)).toBeNull()
    expect(commandForKey(key('z'), false)).toBeNull()
    expect(commandForKey(key('z', { ctrlKey: true, altKey: true }), false)).toBeNull()
  })

  it('treats checkboxes and buttons as not editable, read-only fields as not editable', () => {
    const box = Object.assign(document.createElement('input'), { type: 'checkbox' })
    const ro = Object.assign(document.createElement('input'), { readOnly: true })
    expect(isEditableTarget(box)).toBe(false)
    expect(isEditableTarget(ro)).toBe(false)
    expect(isEditableTarget(document.createElement('button'))).toBe(false)
    expect(isEditableTarget(document.createElement('select'))).toBe(true)
  })
})
