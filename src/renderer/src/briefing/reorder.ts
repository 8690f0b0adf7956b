/**
 * Pure helpers for reordering passages in the briefing composer: turning a drag-and-drop
 * position or a keyboard shortcut into the target index `movePassage` takes, and showing a
 * new passage order at once (before main has rebuilt the preview).
 */
import type { BriefingLayout } from '../../../core/briefing-types'
import type { SectionKey } from '../../../core/briefing-document'
import type { HighlightId } from '../../../core/ids'
import { dispatchKey, type KeyPress } from '../../../core/shortcuts'

/**
 * A drop position is a gap between items: 0 is before the first, `n` after the last.
 * Returns the index the dragged item (now at `from`) ends up at, or null when dropping
 * there leaves it where it is (the gaps right before and right after it).
 */
export function dropGapToIndex(from: number, gap: number): number | null {
  if (from < 0 || gap < 0) return null
  const to = gap > from ? gap - 1 : gap
  return to === from ? null : to
}

/** The gap a pointer at `clientY` over item `index` means: before it (upper half) or after it. */
export function gapForPointer(index: number, clientY: number, rect: { top: number; height: number }): number {
  return clientY < rect.top + rect.height / 2 ? index : index + 1
}

/** The keymap's `briefing` scope: Alt+ArrowUp moves a passage or section up (-1), Alt+ArrowDown down (+1); other keys null. */
export function reorderKeyDelta(event: KeyPress, isMac = false): -1 | 1 | null {
  let delta: -1 | 1 | null = null
  dispatchKey(event, 'briefing', isMac, { 'briefing.move': () => void (delta = event.key === 'ArrowUp' ? -1 : 1) })
  return delta
}

/**
 * The layout with one section's passages shown in `order` (ids not in the section are
 * ignored; passages missing from `order` keep their relative place after the listed ones).
 * Passage numbers are left as they were: the rebuilt preview renumbers them.
 */
export function withPassageOrder(layout: BriefingLayout, key: SectionKey, order: readonly HighlightId[]): BriefingLayout {
  const index = layout.sections.findIndex((s) => (s.tag?.id ?? s.entity?.id) === key)
  if (index === -1) return layout
  const section = layout.sections[index]!
  const rank = new Map(order.map((id, i) => [id, i]))
  const passages = section.passages
    .map((p, i) => ({ p, key: rank.get(p.highlightId) ?? order.length + i }))
    .sort((a, b) => a.key - b.key)
    .map(({ p }) => p)
  if (passages.every((p, i) => p === section.passages[i])) return layout
  const sections = [...layout.sections]
  sections[index] = { ...section, passages }
  return { ...layout, sections }
}
