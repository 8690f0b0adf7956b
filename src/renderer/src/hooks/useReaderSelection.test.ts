// @vitest-environment jsdom
/**
 * Keyboard selection from a bare caret: Shift+arrows/Home/End extend it through
 * Selection.modify, only inside the reader's text and only from a collapsed selection.
 */
import { describe, expect, it, vi } from 'vitest'
import { extendCaret } from './useReaderSelection'

const root = document.createElement('div')
root.innerHTML = '<p data-start="0">Tartus naval base</p>'
const text = root.querySelector('p')!.firstChild!
const outside = document.createTextNode('elsewhere')

function fakeSelection(anchorNode: Node, isCollapsed = true) {
  return { anchorNode, isCollapsed, modify: vi.fn() } as unknown as Selection & { modify: ReturnType<typeof vi.fn> }
}
const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({ key: k, shiftKey: true, ctrlKey: false, altKey: false, metaKey: false, ...mods })

describe('extendCaret', () => {
  it('extends a caret in the text by character, word, line or to the line end', () => {
    const cases: [ReturnType<typeof key>, string[]][] = [
      [key('ArrowRight'), ['extend', 'forward', 'character']],
      [key('ArrowLeft', { ctrlKey: true }), ['extend', 'backward', 'word']],
      [key('ArrowDown'), ['extend', 'forward', 'line']],
      [key('End'), ['extend', 'forward', 'lineboundary']],
    ]
    for (const [event, call] of cases) {
      const selection = fakeSelection(text)
      expect(extendCaret(root, selection, event)).toBe(true)
      expect(selection.modify).toHaveBeenCalledWith(...call)
    }
  })

  it('leaves alone keys without Shift, selections that are not a caret, and carets outside the text', () => {
    for (const [selection, event] of [
      [fakeSelection(text), key('ArrowRight', { shiftKey: false })],
      [fakeSelection(text, false), key('ArrowRight')],
      [fakeSelection(outside), key('ArrowRight')],
      [fakeSelection(text), key('a')],
    ] as const) {
      expect(extendCaret(root, selection, event)).toBe(false)
      expect(selection.modify).not.toHaveBeenCalled()
    }
  })
})
