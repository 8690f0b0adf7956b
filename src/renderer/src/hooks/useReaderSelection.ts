/**
 * Watches the document selection and reports selections of article text inside `body`
 * as offsets into the stored text, with the range's on-screen box for placing the
 * toolbar. Mouse selections are read on mouseup (not mid-drag);
 * keyboard and programmatic selections are read shortly after `selectionchange`.
 * Collapsed selections and selections elsewhere are ignored, so clicking into the
 * toolbar's comment box does not lose the pending selection. Shift+arrows/Home/End from
 * a caret in the text start a selection (extendCaret, which the reader's keys call).
 */
import { useEffect, useEffectEvent, type RefObject } from 'react'
import { selectionToTextOffsets, type TextOffsets } from '../selection-offsets'

export interface ReaderSelection extends TextOffsets {
  /** Viewport box of the selected text. */
  rect: DOMRect
  /** A copy of the selected range (live ranges move with later edits). */
  range: Range
  /** A mouse drag, or the keyboard (Shift+arrows) or a script: keyboard users keep their focus. */
  source: 'pointer' | 'keyboard'
}

/** Shift+key -> how a caret extends into a selection (Selection.modify). */
const EXTEND_KEYS: Record<string, [direction: 'forward' | 'backward', granularity: 'character' | 'word' | 'line' | 'lineboundary']> = {
  ArrowRight: ['forward', 'character'],
  ArrowLeft: ['backward', 'character'],
  ArrowDown: ['forward', 'line'],
  ArrowUp: ['backward', 'line'],
  End: ['forward', 'lineboundary'],
  Home: ['backward', 'lineboundary'],
}

/**
 * Chromium extends a selection with Shift+arrows in read-only text, but not a bare caret
 * (without caret browsing): start the selection from the caret so keyboard users can
 * select too. Returns whether it did.
 */
export function extendCaret(root: Element, selection: Selection | null, e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey'>): boolean {
  const how = EXTEND_KEYS[e.key]
  if (!how || !e.shiftKey || e.altKey || e.metaKey || !selection || !selection.isCollapsed || !selection.anchorNode) return false
  if (!root.contains(selection.anchorNode) || typeof selection.modify !== 'function') return false
  const [direction, granularity] = how
  selection.modify('extend', direction, e.ctrlKey && granularity === 'character' ? 'word' : granularity)
  return true
}

/** Delay before reading a keyboard or programmatic selection: lets it settle. */
const SETTLE_MS = 120
const POINTER_GRACE_MS = 400

export function useReaderSelection(
  body: RefObject<HTMLElement | null>,
  text: string | null,
  onSelect: (selection: ReaderSelection) => void,
): void {
  const read = useEffectEvent((source: ReaderSelection['source']) => {
    const root = body.current
    if (!root || text === null) return
    const selection = document.getSelection()
    const offsets = selectionToTextOffsets(root, selection, text)
    if (!offsets || !selection) return
    const range = selection.getRangeAt(0).cloneRange()
    onSelect({ ...offsets, rect: range.getBoundingClientRect(), range, source })
  })

  useEffect(() => {
    let pointerDown = false
    let releasedAt = -Infinity
    let timer: ReturnType<typeof setTimeout> | undefined
    const onPointerDown = (e: PointerEvent) => {
      if (e.button === 0) pointerDown = true
    }
    const onRelease = () => {
      pointerDown = false
      releasedAt = performance.now()
      clearTimeout(timer)
      // After the browser has finished updating the selection for this click.
      timer = setTimeout(() => read('pointer'), 0)
    }
    const onSelectionChange = () => {
      if (pointerDown) return
      clearTimeout(timer)
      // Selection changes just after a mouse release still belong to that drag.
      const source = performance.now() - releasedAt < POINTER_GRACE_MS ? 'pointer' : 'keyboard'
      timer = setTimeout(() => read(source), SETTLE_MS)
    }
    document.addEventListener('pointerdown', onPointerDown, true)
    document.addEventListener('mouseup', onRelease, true)
    document.addEventListener('pointercancel', onRelease, true)
    document.addEventListener('selectionchange', onSelectionChange)
    return () => {
      clearTimeout(timer)
      document.removeEventListener('pointerdown', onPointerDown, true)
      document.removeEventListener('mouseup', onRelease, true)
      document.removeEventListener('pointercancel', onRelease, true)
      document.removeEventListener('selectionchange', onSelectionChange)
    }
  }, [body])
}
