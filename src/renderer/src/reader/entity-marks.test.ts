/**
 * The reader's entity marks as data: the panel's groups (type order, most mentioned first),
 * which mention lies under an offset (the hover card), stepping round the mentions, and the
 * card's words.
 */
import { describe, expect, it } from 'vitest'
import type { ArticleEntity } from '../../../core/api-entities'
import type { EntityId, EntityType, Mention } from '../../../core/entities'
import { formatCoordinates, groupByType, mentionAt, notebookCounts, stepMention, typeLine } from './entity-marks'

function entity(name: string, type: EntityType, count: number): ArticleEntity {
  const entityId = `e-${name.toLowerCase().replace(/\W+/g, '-')}` as EntityId
  return { entityId, name, type, mentions: Array.from({ length: count }, (_, i) => ({ entityId, start: i * 10, end: i * 10 + 5, alias: name })) }
}

describe('groupByType', () => {
  it('lists places, people, organisations, units, ships in that order; each most mentioned first, then by name', () => {
    const groups = groupByType([
      entity('Sparta II', 'ship', 1),
      entity('Damascus', 'place', 1),
      entity('HTS', 'organisation', 2),
      entity('Tartus', 'place', 4),
      entity('Baniyas', 'place', 1),
      entity('Ahmed al-Sharaa', 'person', 1),
    ])
    expect(groups.map((g) => [g.label, g.entities.map((e) => e.name)])).toEqual([
      ['Places', ['Tartus', 'Baniyas', 'Damascus']],
      ['People', ['Ahmed al-Sharaa']],
      ['Organisations', ['HTS']],
      ['Ships', ['Sparta II']],
    ])
  })

  it('has no group for an article naming nothing', () => {
    expect(groupByType([])).toEqual([])
  })
})

describe('mentionAt', () => {
  const id = 'e-tartus' as EntityId
  const mentions: Mention[] = [
    { entityId: id, start: 4, end: 10, alias: 'Tartus' },
    { entityId: id, start: 20, end: 27, alias: 'Tartous' },
    { entityId: id, start: 27, end: 32, alias: 'طرطوس' },
  ]

  it('finds the mention whose characters hold the offset: start included, end excluded', () => {
    expect([3, 4, 9, 10, 19, 20, 26, 27, 31, 32].map((o) => mentionAt(mentions, o))).toEqual([-1, 0, 0, -1, -1, 1, 1, 2, 2, -1])
  })

  it('finds nothing in an empty list', () => {
    expect(mentionAt([], 0)).toBe(-1)
  })
})

describe('stepMention', () => {
  it('goes round: after the last comes the first, before the first the last', () => {
    expect([stepMention(3, 0, 1), stepMention(3, 2, 1), stepMention(3, 0, -1), stepMention(3, 1, -1), stepMention(1, 0, 1), stepMention(0, 0, 1)]).toEqual([1, 0, 2, 0, 0, 0])
  })
})

describe('the card’s words', () => {
  it('names the type and, for places, the kind', () => {
    expect([typeLine({ type: 'place', kind: 'port' }), typeLine({ type: 'unit' }), typeLine({ type: 'person' })]).toEqual(['Place · port', 'Military unit', 'Person'])
  })

  it('writes coordinates with hemispheres', () => {
    expect(formatCoordinates({ lat: 34.889, lon: 35.887 })).toBe('34.89° N, 35.89° E')
    expect(formatCoordinates({ lat: -33.8688, lon: -70.6693 })).toBe('33.87° S, 70.67° W')
  })

  it('counts mentions and articles of the notebook in English', () => {
    expect(notebookCounts({ mentions: 1, articles: 1 })).toBe('1 mention in 1 article of the notebook')
    expect(notebookCounts({ mentions: 1204, articles: 31 })).toBe('1,204 mentions in 31 articles of the notebook')
  })
})
