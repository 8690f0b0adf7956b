/**
 * Maps offsets into the stored article text to DOM points and back, for the reader's
 * rendered paragraphs. Each paragraph is an element with `data-start` holding exactly
 * one Text node whose data is `text.slice(start, start + length)`. The index keeps the
 * paragraphs' starts sorted, so turning an offset into a (Text, offset) point is a
 * binary search, and a Text node's start is a map lookup: building the Range of a
 * highlight costs O(log n). Paragraphs hidden behind the furniture fold are simply not
 * in the DOM, so offsets inside them are not placeable (null) until the fold opens.
 */

export const TEXT_BLOCK_SELECTOR = '[data-start]'

export interface TextSpan {
  start: number
  end: number
  node: Text
}

export interface DomPoint {
  node: Text
  offset: number
}

export class TextIndex {
  private readonly spans: TextSpan[]
  private readonly startOf = new WeakMap<Text, number>()

  constructor(spans: TextSpan[]) {
    this.spans = [...spans].sort((a, b) => a.start - b.start)
    for (const s of this.spans) this.startOf.set(s.node, s.start)
  }

  /** Indexes every `[data-start]` block under `root` (its first Text child). */
  static fromRoot(root: ParentNode): TextIndex {
    const spans: TextSpan[] = []
    for (const el of root.querySelectorAll(TEXT_BLOCK_SELECTOR)) {
      const start = Number(el.getAttribute('data-start'))
      const node = el.firstChild
      if (!Number.isFinite(start) || !(node instanceof Text)) continue
      spans.push({ start, end: start + node.data.length, node })
    }
    return new TextIndex(spans)
  }

  get size(): number {
    return this.spans.length
  }

  /** Index of the last span starting at or before `offset`, or -1. */
  private floor(offset: number): number {
    let lo = 0
    let hi = this.spans.length - 1
    let found = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (this.spans[mid]!.start <= offset) {
        found = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    return found
  }

  /**
   * The DOM point for a text offset. `bias` says where an offset in a gap between
   * rendered spans (a blank line, a folded block) goes: 'forward' to the next span's
   * start (for range starts), 'backward' to the previous span's end (for range ends).
   */
  locate(offset: number, bias: 'forward' | 'backward' = 'forward'): DomPoint | null {
    const i = this.floor(offset)
    const span = i >= 0 ? this.spans[i]! : undefined
    if (span && offset <= span.end) {
      if (bias === 'forward' && offset === span.end && i + 1 < this.spans.length && this.spans[i + 1]!.start === offset) {
        return { node: this.spans[i + 1]!.node, offset: 0 }
      }
      return { node: span.node, offset: offset - span.start }
    }
    if (bias === 'forward') {
      const next = this.spans[i + 1]
      return next ? { node: next.node, offset: 0 } : null
    }
    return span ? { node: span.node, offset: span.node.data.length } : null
  }

  /** A Range over text[start, end) clipped to what is rendered, or null if none of it is. */
  rangeFor(start: number, end: number, doc: Document = document): Range | null {
    const from = this.locate(start, 'forward')
    const to = this.locate(end, 'backward')
    if (!from || !to) return null
    const fromAt = this.startOf.get(from.node)! + from.offset
    const toAt = this.startOf.get(to.node)! + to.offset
    if (toAt <= fromAt) return null
    const range = doc.createRange()
    range.setStart(from.node, from.offset)
    range.setEnd(to.node, to.offset)
    return range
  }

  /**
   * Like rangeFor, but a StaticRange where the browser has them: static ranges are not
   * updated on every DOM change (live Ranges are, each one, on every node inserted or
   * removed anywhere in the document), and the highlighted Text nodes never change.
   */
  staticRangeFor(start: number, end: number, doc: Document = document): AbstractRange | null {
    if (typeof StaticRange === 'undefined') return this.rangeFor(start, end, doc)
    const from = this.locate(start, 'forward')
    const to = this.locate(end, 'backward')
    if (!from || !to) return null
    if (this.startOf.get(to.node)! + to.offset <= this.startOf.get(from.node)! + from.offset) return null
    return new StaticRange({ startContainer: from.node, startOffset: from.offset, endContainer: to.node, endOffset: to.offset })
  }

  /** The text offset of a DOM point inside an indexed Text node, or null. */
  offsetOf(node: Node, offset: number): number | null {
    const start = node instanceof Text ? this.startOf.get(node) : undefined
    return start === undefined ? null : start + Math.min(offset, (node as Text).data.length)
  }
}
