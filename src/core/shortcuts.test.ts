import { describe, expect, it } from 'vitest'
import { accelerator, chordsFor, dispatchKey, formatChords, formatKeys, KEYMAP, keyPressFor as pressFor, matchBinding, shortcutGroups, type KeyBinding, type KeyPress } from './shortcuts'

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods })

describe('keymap', () => {
  it('shows Mod as Ctrl on Windows and Linux and as ⌘ on macOS', () => {
    expect(formatKeys('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z')
    expect(formatKeys('Mod+K', true)).toBe('⌘K')
    expect(formatChords(['Shift+ArrowLeft', 'Shift+ArrowRight', 'Shift+Home', 'Ctrl+Shift+ArrowLeft'], false)).toBe('Shift+← → Home, Ctrl+Shift+←')
    expect(formatChords(['1-9'], false)).toBe('1–9')
  })

  it('matches every chord of every binding to that binding and no other of its scope, on both platforms', () => {
    for (const isMac of [false, true]) {
      for (const binding of KEYMAP as readonly KeyBinding[]) {
        for (const chord of chordsFor(binding, isMac)) {
          expect(matchBinding(pressFor(chord, isMac), binding.scope, isMac)?.id, `${chord} in ${binding.scope}`).toBe(binding.id)
        }
      }
    }
  })

  it('lists every binding once, with the platform’s own keys', () => {
    const linux = shortcutGroups(false).flatMap((g) => g.shortcuts)
    expect(linux).toHaveLength(KEYMAP.length)
    expect(linux).toContainEqual({ keys: 'Ctrl+Y, Ctrl+Shift+Z', action: 'Redo' })
    expect(shortcutGroups(true).flatMap((g) => g.shortcuts)).toContainEqual({ keys: '⌘⇧Z', action: 'Redo' })
    const toolbar = shortcutGroups(false).find((g) => g.title === 'Highlight toolbar')!
    expect(toolbar.shortcuts.find((s) => s.keys.startsWith('Enter'))?.action).toMatch(/^Save the highlight/)
  })

  it('tells digits apart, reads a digit Alt turned into another character from its code', () => {
    expect(matchBinding(press('3'), 'toolbar', false)).toEqual({ id: 'toolbar.tag', digit: 3 })
    expect(matchBinding(press('¡', { altKey: true, code: 'Digit1' }), 'toolbar', true)).toEqual({ id: 'toolbar.tag-in-comment', digit: 1 })
    expect(matchBinding(press('0'), 'toolbar', false)).toBeNull()
    expect(matchBinding(press('1', { ctrlKey: true }), 'toolbar', false)).toBeNull()
  })

  it('gives the menu the same chords as accelerators', () => {
    expect(accelerator('search', false)).toBe('CmdOrCtrl+K')
    expect(accelerator('redo', false)).toBe('Ctrl+Y')
    expect(accelerator('redo', true)).toBe('CmdOrCtrl+Shift+Z')
  })

  it('runs the handler of the key, and leaves a key the handler declines', () => {
    const ran: string[] = []
    const handlers = {
      'toolbar.tag': (m: { digit?: number }) => void ran.push(`tag ${m.digit}`),
      'toolbar.tag-in-comment': () => false,
      'toolbar.save': () => void ran.push('save'),
      'toolbar.remove': () => false,
      'toolbar.cancel': () => void ran.push('cancel'),
    }
    expect(dispatchKey(press('2'), 'toolbar', false, handlers)).toBe(true)
    expect(dispatchKey(press('Enter', { ctrlKey: true }), 'toolbar', false, handlers)).toBe(true)
    expect(dispatchKey(press('Delete'), 'toolbar', false, handlers)).toBe(false)
    expect(dispatchKey(press('x'), 'toolbar', false, handlers)).toBe(false)
    expect(ran).toEqual(['tag 2', 'save'])
  })
})
