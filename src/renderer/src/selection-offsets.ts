/**
 * Turns a DOM selection inside the reader into offsets into the stored article text.
 *
 * The reader renders each paragraph as `<p data-start="N">` whose text content is exactly
 * `text.slice(N, N + length)`; highlight <mark>s only wrap runs of that text. So the
 * offset of a DOM point is the paragraph's data-start plus the length of the text that
 * precedes the point inside the paragraph. Points outside any paragraph (the metadata
 * header, the gap between paragraphs) snap to the nearest paragraph edge inside the
 * selection. The result is clamped to the text and trimmed of surrounding whitespace;
 * `null` means the selection holds no article text.
 */
import { trimRange } from '../../core/selectors'

export const PARAGRAPH_SELECTOR = 'p[data-start]'

export interface TextOffsets {
  start: number
  end: number
}

/** The boundary points of a selection; a live `Range` or `StaticRange` both fit. */
export interface BoundaryRange {
  startContainer: Node
  startOffset: number
  endContainer: Node
  endOffset: number
}

/** Where a point lies relative to an element's contents: -1 before, 0 inside, 1 after. */
function comparePoint(element: Element, node: Node, offset: number): -1 | 0 | 1 | null {
  const range = element.ownerDocument.createRange()
  range.selectNodeContents(element)
  try {
    return range.comparePoint(node, offset) as -1 | 0 | 1
  } catch {
    return null // a node in another document or tree (e.g. inside a form control)
  }
}

/** Length of the paragraph text before the DOM point (node, offset), which lies inside it. */
export function textLengthBefore(paragraph: Element, node: Node, offset: number): number {
  const range = paragraph.ownerDocument.createRange()
  range.setStart(paragraph, 0)
  range.setEnd(node, offset)
  // Range#toString concatenates exactly the Text data inside the range: the same
  // characters the paragraph holds from the stored text, whatever <mark>s wrap them.
  return range.toString().length
}

function paragraphStart(paragraph: Element): number {
  const start = Number(paragraph.getAttribute('data-start'))
  return Number.isFinite(start) ? start : 0
}

function paragraphEnd(paragraph: Element): number {
  return paragraphStart(paragraph) + (paragraph.textContent ?? '').length
}

/** Offset for the start of a selection: inside a paragraph, or the next paragraph's start. */
function startOffsetOf(paragraphs: Element[], node: Node, offset: number): number | null {
  for (const p of paragraphs) {
    const where = comparePoint(p, node, offset)
    if (where === null) return null
    if (where === 0) return paragraphStart(p) + textLengthBefore(p, node, offset)
    if (where === -1) return paragraphStart(p)
  }
  return null
}

/** Offset for the end of a selection: inside a paragraph, or the previous paragraph's end. */
function endOffsetOf(paragraphs: Element[], node: Node, offset: number): number | null {
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const p = paragraphs[i]!
    const where = comparePoint(p, node, offset)
    if (where === null) return null
    if (where === 0) return paragraphStart(p) + textLengthBefore(p, node, offset)
    if (where === 1) return paragraphEnd(p)
  }
  return null
}

/**
 * Offsets into `text` covered by `range`, looking only at paragraphs under `root`.
 * Clamped to the text and trimmed with `trimRange`; null when nothing is left.
 */
export function rangeToTextOffsets(root: Element, range: BoundaryRange, text: string): TextOffsets | null {
  const paragraphs = Array.from(root.querySelectorAll(PARAGRAPH_SELECTOR))
  if (paragraphs.length === 0) return null
  const rawStart = startOffsetOf(paragraphs, range.startContainer, range.startOffset)
  const rawEnd = endOffsetOf(paragraphs, range.endContainer, range.endOffset)
  if (rawStart === null || rawEnd === null) return null
  const start = Math.max(0, Math.min(rawStart, text.length))
  const end = Math.max(0, Math.min(rawEnd, text.length))
  if (end <= start) return null
  const trimmed = trimRange(text, start, end)
  return trimmed.end > trimmed.start ? trimmed : null
}

/** Offsets of the current document selection inside `root`, or null if there are none. */
export function selectionToTextOffsets(root: Element, selection: Selection | null, text: string): TextOffsets | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  return rangeToTextOffsets(root, selection.getRangeAt(0), text)
}
