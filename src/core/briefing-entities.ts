/**
 * Entities in a briefing (decision 49): an entity as a section prints it, and the index of
 * entities the printed passages mention. Pure functions of the built sections and the
 * entity data main supplies (`NotebookData.entities`: the entities and, per highlight, the
 * entities its text mentions, from the mention index).
 */
import { formatNumberList } from './briefing-format'
import type { BriefingEntity, BriefingEntityData, BriefingIndexEntry, BriefingLayout, BriefingSection } from './briefing-types'
import type { Entity, EntityId } from './entities/schema'

export function briefingEntity(entity: Entity): BriefingEntity {
  return { id: entity.id, name: entity.name, type: entity.type, aliases: entity.aliases.map((a) => a.text) }
}

/**
 * Every entity the printed passages mention, by name (then id), each with the numbers of
 * the passages that mention it, ascending. A passage printed twice (repeat mode) is listed
 * under both its numbers. Entities the data no longer holds are left out.
 */
export function buildEntityIndex(sections: readonly BriefingSection[], data: BriefingEntityData | undefined): BriefingIndexEntry[] {
  if (data === undefined) return []
  const byId = new Map<EntityId, Entity>(data.entities.map((e) => [e.id, e]))
  const entries = new Map<EntityId, BriefingIndexEntry>()
  for (const section of sections) {
    for (const passage of section.passages) {
      for (const id of data.byHighlight.get(passage.highlightId) ?? []) {
        const entity = byId.get(id)
        if (entity === undefined) continue
        let entry = entries.get(id)
        if (entry === undefined) entries.set(id, (entry = { entity: briefingEntity(entity), passages: [] }))
        entry.passages.push(passage.number)
      }
    }
  }
  const sorted = [...entries.values()].sort((a, b) => a.entity.name.localeCompare(b.entity.name) || (a.entity.id < b.entity.id ? -1 : 1))
  for (const entry of sorted) entry.passages.sort((a, b) => a - b)
  return sorted
}

/**
 * Where an index entry's passages are, by section: `§1: 2, 4–6; §3: 9` (the Markdown index,
 * which has no pages).
 */
export function formatIndexLocations(entry: BriefingIndexEntry, layout: Pick<BriefingLayout, 'sections'>): string {
  const sectionOf = new Map<number, number>()
  for (const s of layout.sections) for (const p of s.passages) sectionOf.set(p.number, s.number)
  const bySection = new Map<number, number[]>()
  for (const n of entry.passages) {
    const section = sectionOf.get(n)
    if (section === undefined) continue
    const list = bySection.get(section)
    if (list === undefined) bySection.set(section, [n])
    else list.push(n)
  }
  return [...bySection].map(([section, numbers]) => `§${section}: ${formatNumberList(numbers)}`).join('; ')
}
