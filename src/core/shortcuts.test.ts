import { describe, expect, it } from 'vitest'
import { formatKeys, SHORTCUT_GROUPS } from './shortcuts'

describe('shortcut list', () => {
  it('shows Mod as Ctrl on Windows and Linux and as ⌘ on macOS', () => {
    expect(formatKeys('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z')
    expect(formatKeys('Mod+K', true)).toBe('⌘K')
  })

  it('names no key twice within a group', () => {
    for (const group of SHORTCUT_GROUPS) {
      const keys = group.shortcuts.map((s) => s.keys)
      expect(new Set(keys).size, group.title).toBe(keys.length)
    }
  })

  it('lists undo, redo, search and the tag digits', () => {
    const all = SHORTCUT_GROUPS.flatMap((g) => g.shortcuts.map((s) => s.keys))
    expect(all).toEqual(expect.arrayContaining(['Mod+Z', 'Mod+Shift+Z', 'Mod+K', '1–9']))
  })
})
