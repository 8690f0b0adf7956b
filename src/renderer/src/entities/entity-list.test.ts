/**
 * The Entities table's filter and sort: any spelling finds an entity (accents and case
 * ignored), the type and kind too; counts sort highest first, ties by name.
 */
import { describe, expect, it } from 'vitest'
import type { EntitySummary } from '../../../core/api-entities'
import type { EntityId } from '../../../core/entities'
import { filterEntities, nextEntitySort, sortEntities, typeLabel } from './entity-list'

const entity = (name: string, type: EntitySummary['type'], aliases: string[], mentions: number, articles: number, kind?: EntitySummary['kind']): EntitySummary => ({
  id: `e-${name.toLowerCase().replace(/[^a-z]+/g, '-')}` as EntityId,
  name,
  type,
  ...(kind ? { kind } : {}),
  aliases: aliases.map((text) => ({ text })),
  mentions,
  articles,
})

const TARTUS = entity('Tartus', 'place', ['Tartous', 'طرطوس'], 9, 4, 'port')
const KHMEIMIM = entity('Khmeimim Air Base', 'place', ['Hmeimim', 'Ḥmeimim'], 9, 3, 'base')
const SHARAA = entity('Ahmed al-Sharaa', 'person', ['al-Julani'], 2, 2)
const ALL = [TARTUS, KHMEIMIM, SHARAA]
const names = (list: EntitySummary[]) => list.map((e) => e.name)

describe('the entities table', () => {
  it('names a type with its kind of place', () => {
    expect(typeLabel(TARTUS)).toBe('Place · port')
    expect(typeLabel(SHARAA)).toBe('Person')
  })

  it('filters by any spelling, ignoring case and accents, and by type', () => {
    expect(names(filterEntities(ALL, 'hmeimim'))).toEqual(['Khmeimim Air Base'])
    expect(names(filterEntities(ALL, 'طرطوس'))).toEqual(['Tartus'])
    expect(names(filterEntities(ALL, 'JULANI'))).toEqual(['Ahmed al-Sharaa'])
    expect(names(filterEntities(ALL, 'place base'))).toEqual(['Khmeimim Air Base'])
    expect(names(filterEntities(ALL, '  '))).toEqual(names(ALL))
  })

  it('sorts counts highest first on the first click, ties by name, and reverses on the second', () => {
    const first = nextEntitySort(null, 'mentions')
    expect(first).toEqual({ key: 'mentions', direction: 'descending' })
    expect(names(sortEntities(ALL, first))).toEqual(['Khmeimim Air Base', 'Tartus', 'Ahmed al-Sharaa'])
    const second = nextEntitySort(first, 'mentions')
    expect(names(sortEntities(ALL, second))).toEqual(['Ahmed al-Sharaa', 'Khmeimim Air Base', 'Tartus'])
    expect(names(sortEntities(ALL, nextEntitySort(second, 'name')))).toEqual(['Ahmed al-Sharaa', 'Khmeimim Air Base', 'Tartus'])
    expect(names(sortEntities(ALL, { key: 'aliases', direction: 'descending' }))).toEqual(['Khmeimim Air Base', 'Tartus', 'Ahmed al-Sharaa'])
  })
})
