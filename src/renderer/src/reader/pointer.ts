/**
 * The text offset under a pointer: the caret position at the point (caretPositionFromPoint,
 * or WebKit's caretRangeFromPoint), mapped through the offset index. A caret falls between
 * characters; the character clicked is the one whose box holds the point, which is the
 * one after the caret or, on its right half, the one before.
 */
import type { TextIndex } from './text-index'

interface Caret {
  node: Node
  offset: number
}

function caretAt(doc: Document, x: number, y: number): Caret | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y)
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y)
    return range ? { node: range.startContainer, offset: range.startOffset } : null
  }
  return null
}

function charBoxHolds(doc: Document, node: Text, offset: number, x: number, y: number): boolean {
  if (offset < 0 || offset >= node.data.length) return false
  const range = doc.createRange()
  range.setStart(node, offset)
  range.setEnd(node, offset + 1)
  for (const r of range.getClientRects()) {
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true
  }
  return false
}

/** Offset of the character under (x, y) in viewport coordinates, or null if none is. */
export function offsetAtPoint(index: TextIndex, x: number, y: number, doc: Document = document): number | null {
  const caret = caretAt(doc, x, y)
  if (!caret || !(caret.node instanceof Text)) return null
  const base = index.offsetOf(caret.node, caret.offset)
  if (base === null) return null
  if (charBoxHolds(doc, caret.node, caret.offset, x, y)) return base
  if (charBoxHolds(doc, caret.node, caret.offset - 1, x, y)) return base - 1
  return null
}

const NO_RECT = { top: 0, bottom: 0, left: 0, right: 0, width: 0, height: 0 }

/** A range's box on screen; an empty box where ranges cannot be measured (jsdom). */
export function rangeBox(range: Range): Pick<DOMRect, 'top' | 'bottom' | 'left' | 'right' | 'width' | 'height'> {
  return typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : NO_RECT
}

/** The box of a range's first line (where a toolbar's left edge goes). */
export function firstLineBox(range: Range): Pick<DOMRect, 'top' | 'bottom' | 'left' | 'right' | 'width' | 'height'> {
  return (typeof range.getClientRects === 'function' ? range.getClientRects()[0] : undefined) ?? rangeBox(range)
}

/** A live Range over the same points as `range` (for measuring a StaticRange). */
export function liveRange(range: AbstractRange, doc: Document = document): Range {
  if (range instanceof Range) return range
  const live = doc.createRange()
  live.setStart(range.startContainer, range.startOffset)
  live.setEnd(range.endContainer, range.endOffset)
  return live
}
