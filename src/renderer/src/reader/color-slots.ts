/**
 * Tag colours -> a fixed set of highlight slots. `::highlight()` rules need fixed names,
 * so reader.css styles `dossier-tag-0` … `dossier-tag-15` from custom properties
 * (`--hl-0` …) that the reader sets on its element; each distinct tag colour takes a slot.
 * Colours beyond the 16th distinct one share slots (wrapping), which only matters for
 * notebooks with more than 16 colours in use.
 */
import type { CSSProperties } from 'react'
import type { TagId } from '../../../core/ids'
import type { Tag } from '../../../core/model'

export const SLOT_COUNT = 16
export const NO_TAG_SLOT = 'none'
export type Slot = number | typeof NO_TAG_SLOT

export interface SlotMap {
  /** Slot of each known tag. */
  byTag: ReadonlyMap<TagId, number>
  /** Colour of each used slot. */
  colors: string[]
}

export function assignSlots(tags: readonly Tag[]): SlotMap {
  const byColor = new Map<string, number>()
  const byTag = new Map<TagId, number>()
  const colors: string[] = []
  for (const tag of tags) {
    const color = tag.color.toLowerCase()
    let slot = byColor.get(color)
    if (slot === undefined) {
      slot = byColor.size % SLOT_COUNT
      byColor.set(color, slot)
      if (colors[slot] === undefined) colors[slot] = color
    }
    byTag.set(tag.id, slot)
  }
  return { byTag, colors }
}

/** A highlight's slots, one per known tag colour (deduplicated), or the no-tag slot. */
export function slotsOf(tagIds: readonly TagId[], slots: SlotMap): Slot[] {
  const out: Slot[] = []
  for (const id of tagIds) {
    const slot = slots.byTag.get(id)
    if (slot !== undefined && !out.includes(slot)) out.push(slot)
  }
  return out.length > 0 ? out : [NO_TAG_SLOT]
}

export function highlightName(slot: Slot): string {
  return slot === NO_TAG_SLOT ? 'dossier-tag-none' : `dossier-tag-${slot}`
}

/** The custom properties the ::highlight() rules read, for the reader element's style. */
export function slotStyle(slots: SlotMap): CSSProperties {
  const style: Record<string, string> = {}
  slots.colors.forEach((color, i) => {
    style[`--hl-${i}`] = color
  })
  return style as CSSProperties
}

/** The colour a bar of this slot is drawn in (CSS value). */
export function slotColor(slot: Slot): string {
  return slot === NO_TAG_SLOT ? 'var(--mark-neutral)' : `var(--hl-${slot})`
}
