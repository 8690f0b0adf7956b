/**
 * The reader's entity marks, as plain data (issue 13; notes/reader.md): the open article's
 * entities grouped by type, most mentioned first; which marked mention lies under an offset
 * (for the hover card); stepping between mentions; and the words of the entity card and of
 * the announcements. The painting is useEntityMarks.ts; the panel EntityPanel.tsx.
 */
import type { ArticleEntity, EntitySummary } from '../../../core/api-entities'
import type { Coordinates, EntityType, Mention } from '../../../core/entities'
import { plural } from '../plural'

/** The types in the order the panel lists them, with their group headings. */
export const TYPE_LABELS: ReadonlyMap<EntityType, { one: string; group: string }> = new Map([
  ['place', { one: 'Place', group: 'Places' }],
  ['person', { one: 'Person', group: 'People' }],
  ['organisation', { one: 'Organisation', group: 'Organisations' }],
  ['unit', { one: 'Military unit', group: 'Military units' }],
  ['ship', { one: 'Ship', group: 'Ships' }],
])

export interface EntityGroup {
  type: EntityType
  label: string
  entities: ArticleEntity[]
}

/** Groups by type (TYPE_LABELS order); in each, most mentioned first, then by name. */
export function groupByType(entities: readonly ArticleEntity[]): EntityGroup[] {
  const groups: EntityGroup[] = []
  for (const [type, label] of TYPE_LABELS) {
    const of = entities
      .filter((e) => e.type === type)
      .sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name))
    if (of.length > 0) groups.push({ type, label: label.group, entities: of })
  }
  return groups
}

/** The marked entity and which of its mentions is current (an index into `entity.mentions`). */
export interface MarkedEntity {
  entity: ArticleEntity
  current: number
}

/** The index of the mention covering `offset` (start inclusive, end exclusive), or -1. Mentions are in text order. */
export function mentionAt(mentions: readonly Mention[], offset: number): number {
  let lo = 0
  let hi = mentions.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const m = mentions[mid]!
    if (offset < m.start) hi = mid - 1
    else if (offset >= m.end) lo = mid + 1
    else return mid
  }
  return -1
}

/** The next (`by` 1) or previous (-1) mention, wrapping round. */
export function stepMention(count: number, current: number, by: 1 | -1): number {
  if (count === 0) return 0
  return (((current + by) % count) + count) % count
}

/** "Place · port", "Ship". */
export function typeLine(entity: Pick<EntitySummary, 'type' | 'kind'>): string {
  const type = TYPE_LABELS.get(entity.type)?.one ?? entity.type
  return entity.kind ? `${type} · ${entity.kind}` : type
}

/** WGS84 in degrees with hemispheres: "35.12° N, 35.95° E". */
export function formatCoordinates({ lat, lon }: Coordinates): string {
  const deg = (v: number) => `${Math.abs(v).toFixed(2)}°`
  return `${deg(lat)} ${lat < 0 ? 'S' : 'N'}, ${deg(lon)} ${lon < 0 ? 'W' : 'E'}`
}

/** "14 mentions in 3 articles" across the notebook. */
export function notebookCounts(summary: Pick<EntitySummary, 'mentions' | 'articles'>): string {
  return `${plural(summary.mentions, 'mention')} in ${plural(summary.articles, 'article')} of the notebook`
}
