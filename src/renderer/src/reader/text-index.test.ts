// @vitest-environment jsdom
/**
 * The offset index: stored-text offsets <-> (Text node, offset) over rendered paragraphs,
 * including gaps between paragraphs and blocks that are not rendered (folded furniture).
 */
import { describe, expect, it } from 'vitest'
import { TextIndex } from './text-index'

const TEXT = 'Tagline here\n\nTartus naval base stays open.\n\nConvoys left at dawn.'
//            0           12  14                            43  45

function render(blocks: [number, number][]): HTMLElement {
  const root = document.createElement('div')
  for (const [start, end] of blocks) {
    const p = document.createElement('p')
    p.setAttribute('data-start', String(start))
    p.append(TEXT.slice(start, end))
    root.append(p)
  }
  document.body.append(root)
  return root
}

const para = (root: HTMLElement, i: number) => root.querySelectorAll('p')[i]!.firstChild as Text

describe('TextIndex', () => {
  it('maps offsets inside paragraphs to the right Text node and back', () => {
    const root = render([[0, 12], [14, 43], [45, 66]])
    const index = TextIndex.fromRoot(root)
    expect(index.size).toBe(3)
    expect(index.locate(20)).toEqual({ node: para(root, 1), offset: 6 })
    expect(index.locate(45)).toEqual({ node: para(root, 2), offset: 0 })
    expect(index.offsetOf(para(root, 1), 6)).toBe(20)
    expect(index.offsetOf(para(root, 2), 7)).toBe(52)
    expect(index.offsetOf(root, 0)).toBeNull()
  })

  it('builds a range whose text is exactly the stored slice, across paragraphs', () => {
    const root = render([[0, 12], [14, 43], [45, 66]])
    const index = TextIndex.fromRoot(root)
    expect(index.rangeFor(14, 20)!.toString()).toBe('Tartus')
    const across = index.rangeFor(36, 52)!
    expect(across.startContainer).toBe(para(root, 1))
    expect(across.endContainer).toBe(para(root, 2))
    expect(across.toString()).toBe('s open.Convoys') // the blank line between is not rendered text
  })

  it('moves offsets in a gap forward for starts and backward for ends', () => {
    const root = render([[0, 12], [14, 43], [45, 66]])
    const index = TextIndex.fromRoot(root)
    expect(index.locate(13, 'forward')).toEqual({ node: para(root, 1), offset: 0 })
    expect(index.locate(13, 'backward')).toEqual({ node: para(root, 0), offset: 12 })
    expect(index.locate(70, 'forward')).toBeNull()
  })

  it('clips ranges to what is rendered and gives null for text that is folded away', () => {
    const root = render([[14, 43], [45, 66]]) // the tagline is behind a fold
    const index = TextIndex.fromRoot(root)
    expect(index.rangeFor(0, 12)).toBeNull()
    expect(index.rangeFor(0, 20)!.toString()).toBe('Tartus')
    expect(index.locate(5, 'backward')).toBeNull()
  })

  it('stays logarithmic: 10,000 paragraphs, 1,000 ranges in well under a frame budget each', () => {
    const root = document.createElement('div')
    let start = 0
    for (let i = 0; i < 10000; i++) {
      const p = document.createElement('p')
      p.setAttribute('data-start', String(start))
      p.append('word '.repeat(5))
      root.append(p)
      start += 27
    }
    const index = TextIndex.fromRoot(root)
    const last = root.lastElementChild!.firstChild as Text
    expect(index.locate(start - 27 + 3)).toEqual({ node: last, offset: 3 })
    expect(index.rangeFor(27 * 5000 + 5, 27 * 5000 + 9)!.toString()).toBe('word')
  })
})
