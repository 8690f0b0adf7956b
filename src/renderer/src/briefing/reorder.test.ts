import { describe, expect, it } from 'vitest'
import type { BriefingLayout, BriefingPassage, BriefingSection } from '../../../core/briefing-types'
import type { HighlightId, TagId } from '../../../core/ids'
import { dropGapToIndex, gapForPointer, reorderKeyDelta, withPassageOrder } from './reorder'

describe('dropGapToIndex', () => {
  // Items a b c d; dragging b (index 1).
  it('maps a gap before an earlier item to that item’s index', () => {
    expect(dropGapToIndex(1, 0)).toBe(0)
  })
  it('maps a gap after a later item to one less (the dragged item leaves its place)', () => {
    expect(dropGapToIndex(1, 3)).toBe(2)
    expect(dropGapToIndex(1, 4)).toBe(3)
  })
  it('is no move for the gaps right before and right after the dragged item', () => {
    expect(dropGapToIndex(1, 1)).toBeNull()
    expect(dropGapToIndex(1, 2)).toBeNull()
  })
  it('is no move when the dragged item is not in the list', () => {
    expect(dropGapToIndex(-1, 2)).toBeNull()
  })
})

describe('gapForPointer', () => {
  it('is before the item over its upper half and after it over the lower half', () => {
    const rect = { top: 100, height: 40 }
    expect(gapForPointer(3, 110, rect)).toBe(3)
    expect(gapForPointer(3, 130, rect)).toBe(4)
  })
})

describe('reorderKeyDelta', () => {
  const key = (key: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) =>
    reorderKeyDelta({ key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods })
  it('reads Alt+ArrowUp as up and Alt+ArrowDown as down', () => {
    expect(key('ArrowUp', { altKey: true })).toBe(-1)
    expect(key('ArrowDown', { altKey: true })).toBe(1)
  })
  it('ignores plain arrows and other modifier combinations', () => {
    expect(key('ArrowUp')).toBeNull()
    expect(key('ArrowDown', { altKey: true, shiftKey: true })).toBeNull()
    expect(key('ArrowDown', { altKey: true, ctrlKey: true })).toBeNull()
    expect(key('Enter', { altKey: true })).toBeNull()
  })
})

describe('withPassageOrder', () => {
  const passage = (id: string, number: number) => ({ highlightId: id as HighlightId, number }) as BriefingPassage
  const section = (tag: string, ids: string[]) =>
    ({ tag: { id: tag as TagId, name: tag, color: '#000000', description: '' }, passages: ids.map((id, i) => passage(id, i + 1)) }) as unknown as BriefingSection
  const layout = { sections: [section('t-a', ['h-1', 'h-2', 'h-3']), section('t-b', ['h-9'])] } as unknown as BriefingLayout
  const ids = (l: BriefingLayout, i: number) => l.sections[i]!.passages.map((p) => p.highlightId)

  it('shows one section’s passages in the given order and leaves the others alone', () => {
    const next = withPassageOrder(layout, 't-a' as TagId, ['h-3', 'h-1', 'h-2'] as HighlightId[])
    expect(ids(next, 0)).toEqual(['h-3', 'h-1', 'h-2'])
    expect(next.sections[1]).toBe(layout.sections[1])
  })
  it('keeps passages the order does not name after the named ones, in their old order', () => {
    expect(ids(withPassageOrder(layout, 't-a' as TagId, ['h-2'] as HighlightId[]), 0)).toEqual(['h-2', 'h-1', 'h-3'])
  })
  it('returns the same layout when nothing moves or the section is unknown', () => {
    expect(withPassageOrder(layout, 't-a' as TagId, ['h-1', 'h-2', 'h-3'] as HighlightId[])).toBe(layout)
    expect(withPassageOrder(layout, 't-zz' as TagId, ['h-1'] as HighlightId[])).toBe(layout)
  })
})
