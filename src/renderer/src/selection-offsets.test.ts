// @vitest-environment jsdom
/**
 * Offsets from DOM selections: the reader's paragraphs and <mark>s are rebuilt here the
 * way the reader draws them, and every expected offset is checked against the stored text.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import type { HighlightId } from '../../core/ids'
import { segmentRange } from '../../core/highlight-segments'
import { splitParagraphs } from '../../core/text'
import { rangeToTextOffsets, selectionToTextOffsets } from './selection-offsets'

const TEXT = 'Tartus naval base stays open.\n\nConvoys left Khmeimim at dawn.\nMore followed.'
// A highlight over "naval base" (7..17).
const SPANS = [{ id: 'h-aaaa1' as HighlightId, start: 7, end: 17 }]

let root: HTMLElement

/** Builds the reader's DOM: a header, then one <p data-start> per paragraph with marks. */
function render(text: string): HTMLElement {
  const article = document.createElement('article')
  const header = document.createElement('h2')
  header.textContent = 'Title outside the text'
  article.append(header)
  for (const para of splitParagraphs(text)) {
    const p = document.createElement('p')
    p.setAttribute('data-start', String(para.start))
    for (const seg of segmentRange(para.start, para.end, SPANS)) {
      const chunk = text.slice(seg.start, seg.end)
      if (seg.highlightIds.length === 0) {
        p.append(document.createTextNode(chunk))
      } else {
        const mark = document.createElement('mark')
        mark.setAttribute('data-highlight-ids', seg.highlightIds.join(' '))
        mark.textContent = chunk
        p.append(mark)
      }
    }
    article.append(p)
  }
  document.body.replaceChildren(article)
  return article
}

function paragraphs(): HTMLParagraphElement[] {
  return Array.from(root.querySelectorAll('p'))
}

function range(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Range {
  const r = document.createRange()
  r.setStart(startNode, startOffset)
  r.setEnd(endNode, endOffset)
  return r
}

function quote(offsets: { start: number; end: number } | null): string | null {
  return offsets ? TEXT.slice(offsets.start, offsets.end) : null
}

beforeEach(() => {
  root = render(TEXT)
})

describe('rangeToTextOffsets', () => {
  it('maps a selection inside one text node', () => {
    const [first] = paragraphs()
    const text = first!.firstChild! // "Tartus "
    expect(rangeToTextOffsets(root, range(text, 0, text, 6), TEXT)).toEqual({ start: 0, end: 6 })
  })

  it('maps a selection that starts before a <mark> and ends inside it', () => {
    const [first] = paragraphs()
    const before = first!.childNodes[0]! // "Tartus "
    const markText = first!.querySelector('mark')!.firstChild! // "naval base"
    const offsets = rangeToTextOffsets(root, range(before, 2, markText, 5), TEXT)
    expect(offsets).toEqual({ start: 2, end: 12 })
    expect(quote(offsets)).toBe('rtus naval')
  })

  it('maps a selection that crosses a whole <mark> into the text after it', () => {
    const [first] = paragraphs()
    const before = first!.childNodes[0]!
    const after = first!.childNodes[2]! // " stays open."
    const offsets = rangeToTextOffsets(root, range(before, 0, after, 6), TEXT)
    expect(quote(offsets)).toBe('Tartus naval base stays')
  })

  it('maps a selection crossing two paragraphs, skipping the blank line between them', () => {
    const [first, second] = paragraphs()
    const after = first!.childNodes[2]! // " stays open."
    const offsets = rangeToTextOffsets(root, range(after, 7, second!.firstChild!, 7), TEXT)
    expect(offsets).toEqual({ start: 24, end: 38 })
    expect(quote(offsets)).toBe('open.\n\nConvoys')
  })

  it('keeps a line break inside a paragraph', () => {
    const [, second] = paragraphs()
    const node = second!.firstChild!
    expect(quote(rangeToTextOffsets(root, range(node, 25, node, 37), TEXT))).toBe('dawn.\nMore f')
  })

  it('trims whitespace at the edges of a sloppy selection', () => {
    const [first] = paragraphs()
    const before = first!.childNodes[0]! // "Tartus "
    const after = first!.childNodes[2]! // " stays open."
    const offsets = rangeToTextOffsets(root, range(before, 6, after, 1), TEXT)
    expect(quote(offsets)).toBe('naval base')
  })

  it('handles element boundary points, as a triple click produces', () => {
    const [first, second] = paragraphs()
    const offsets = rangeToTextOffsets(root, range(first!, 0, second!, 0), TEXT)
    expect(quote(offsets)).toBe('Tartus naval base stays open.')
  })

  it('snaps a start in the header to the first paragraph', () => {
    const header = root.querySelector('h2')!.firstChild!
    const [first] = paragraphs()
    const offsets = rangeToTextOffsets(root, range(header, 3, first!.childNodes[0]!, 6), TEXT)
    expect(offsets).toEqual({ start: 0, end: 6 })
  })

  it('returns null for a selection entirely outside the paragraphs', () => {
    const header = root.querySelector('h2')!.firstChild!
    expect(rangeToTextOffsets(root, range(header, 0, header, 5), TEXT)).toBeNull()
  })

  it('returns null for whitespace only', () => {
    const [first] = paragraphs()
    const before = first!.childNodes[0]!
    const markText = first!.querySelector('mark')!.firstChild!
    expect(rangeToTextOffsets(root, range(before, 6, markText, 0), TEXT)).toBeNull()
  })

  it('clamps to the text when the DOM holds more than the text', () => {
    const short = TEXT.slice(0, 10)
    const [first] = paragraphs()
    const after = first!.childNodes[2]!
    expect(rangeToTextOffsets(root, range(first!.childNodes[0]!, 0, after, 4), short)).toEqual({ start: 0, end: 10 })
  })
})

describe('selectionToTextOffsets', () => {
  it('reads the document selection, and ignores a collapsed one', () => {
    const [first] = paragraphs()
    const markText = first!.querySelector('mark')!.firstChild!
    const selection = document.getSelection()!
    selection.removeAllRanges()
    selection.addRange(range(markText, 0, markText, 5))
    expect(selectionToTextOffsets(root, selection, TEXT)).toEqual({ start: 7, end: 12 })
    selection.collapseToStart()
    expect(selectionToTextOffsets(root, selection, TEXT)).toBeNull()
  })
})
