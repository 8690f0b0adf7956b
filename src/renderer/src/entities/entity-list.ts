/**
 * The Entities view's table, kept pure so it is tested without a DOM: what a type is
 * called, the filter box (any spelling, folded as the passages filter folds, or the
 * type), and sorting by a column (a second click reverses; numbers start highest first).
 */
import type { EntitySummary } from '../../../core/api-entities'
import type { EntityType, PlaceKind } from '../../../core/entities'
import { foldForFilter } from '../passages/filter'

export const TYPE_LABELS: Record<EntityType, string> = {
  place: 'Place',
  unit: 'Unit',
  ship: 'Ship',
  person: 'Person',
  organisation: 'Organisation',
}

export const KIND_LABELS: Record<PlaceKind, string> = {
  base: 'base',
  port: 'port',
  city: 'city',
  region: 'region',
}

/** "Place · port", "Person". */
export function typeLabel(entity: { type: EntityType; kind?: PlaceKind }): string {
  return entity.kind ? `${TYPE_LABELS[entity.type]} · ${KIND_LABELS[entity.kind]}` : TYPE_LABELS[entity.type]
}

/** The entities whose name, an alias, type or kind holds every word typed (case and accents ignored). */
export function filterEntities(entities: readonly EntitySummary[], text: string): EntitySummary[] {
  const words = foldForFilter(text).split(/\s+/).filter(Boolean)
  if (words.length === 0) return [...entities]
  return entities.filter((e) => {
    const haystack = foldForFilter([e.name, ...e.aliases.map((a) => a.text), typeLabel(e)].join('\n'))
    return words.every((w) => haystack.includes(w))
  })
}

export type EntitySortKey = 'name' | 'type' | 'aliases' | 'mentions' | 'articles'
export interface EntitySort {
  key: EntitySortKey
  direction: 'ascending' | 'descending'
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

function compare(a: EntitySummary, b: EntitySummary, key: EntitySortKey): number {
  switch (key) {
    case 'name':
      return collator.compare(a.name, b.name)
    case 'type':
      return collator.compare(typeLabel(a), typeLabel(b))
    case 'aliases':
      return a.aliases.length - b.aliases.length
    case 'mentions':
      return a.mentions - b.mentions
    case 'articles':
      return a.articles - b.articles
  }
}

/** Sorted by the column; ties by name, so the order is stable whatever the file's order. */
export function sortEntities(entities: readonly EntitySummary[], sort: EntitySort): EntitySummary[] {
  const sign = sort.direction === 'ascending' ? 1 : -1
  return [...entities].sort((a, b) => sign * compare(a, b, sort.key) || collator.compare(a.name, b.name))
}

/** A header click: the same column flips; a new one starts A–Z for text, highest first for counts. */
export function nextEntitySort(current: EntitySort | null, key: EntitySortKey): EntitySort {
  if (current?.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
  return { key, direction: key === 'name' || key === 'type' ? 'ascending' : 'descending' }
}
