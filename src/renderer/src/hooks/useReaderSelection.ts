/**
 * Watches the document selection and reports selections of article text inside `body`
 * as offsets into the stored text, with the range's on-screen box for placing the
 * toolbar. Mouse selections are read on mouseup (not mid-drag);
 * keyboard and programmatic selections are read shortly after `selectionchange`.
 * Collapsed selections and selections elsewhere are ignored, so clicking into the
 * toolbar's comment box does not lose the pending selection.
 */
import { useEffect, useEffectEvent, type RefObject } from 'react'
import { selectionToTextOffsets, type TextOffsets } from '../selection-offsets'

export interface ReaderSelection extends TextOffsets {
  /** Viewport box of the selected text. */
  rect: DOMRect
  /** A copy of the selected range (live ranges move with later edits). */
  range: Range
}

/** Delay before reading a keyboard or programmatic selection: lets it settle. */
const SETTLE_MS = 120

export function useReaderSelection(
  body: RefObject<HTMLElement | null>,
  text: string | null,
  onSelect: (selection: ReaderSelection) => void,
): void {
  const read = useEffectEvent(() => {
    const root = body.current
    if (!root || text === null) return
    const selection = document.getSelection()
    const offsets = selectionToTextOffsets(root, selection, text)
    if (!offsets || !selection) return
    const range = selection.getRangeAt(0).cloneRange()
    onSelect({ ...offsets, rect: range.getBoundingClientRect(), range })
  })

  useEffect(() => {
    let pointerDown = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const onPointerDown = (e: PointerEvent) => {
      if (e.button === 0) pointerDown = true
    }
    const onRelease = () => {
      pointerDown = false
      clearTimeout(timer)
      // After the browser has finished updating the selection for this click.
      timer = setTimeout(read, 0)
    }
    const onSelectionChange = () => {
      if (pointerDown) return
      clearTimeout(timer)
      timer = setTimeout(read, SETTLE_MS)
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
  }, [])
}
