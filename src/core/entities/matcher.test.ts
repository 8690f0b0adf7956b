import { describe, expect, it } from 'vitest'
import { buildMatcher, countMentions } from './matcher'
import type { Entity, EntityId } from './schema'

const e = (id: string, name: string, aliases: string[], type: Entity['type'] = 'place'): Entity => ({ id: `e-${id}` as EntityId, name, type, aliases: aliases.map((text) => ({ text })) })

const ENTITIES: Entity[] = [
  e('tartus', 'Tartus', ['Tartous', 'طرطوس']),
  e('khmeimim', 'Khmeimim Air Base', ['Khmeimim', 'Hmeimim', 'حميميم']),
  e('hts', 'Hayat Tahrir al-Sham', ['HTS', 'هيئة تحرير الشام'], 'organisation'),
  e('sparta', 'Sparta', [], 'ship'),
  e('sparta-ii', 'Sparta II', [], 'ship'),
  e('sharaa', 'Ahmed al-Sharaa', ['al-Sharaa', 'Abu Mohammed al-Jolani'], 'person'),
  e('proto', 'Constructor', ['__proto__', 'toString'], 'organisation'),
]
const matcher = buildMatcher(ENTITIES)
const found = (text: string) => matcher.findMentions(text).map((m) => [m.entityId, text.slice(m.start, m.end), m.alias])

describe('findMentions', () => {
  it('matches whole words only: not HTS in HTSX, not Tartus in Tartusian', () => {
    expect(found('HTSX and Tartusian and xTartus')).toEqual([])
    expect(found('HTS-led forces left Tartus.')).toEqual([
      ['e-hts', 'HTS', 'HTS'],
      ['e-tartus', 'Tartus', 'Tartus'],
    ])
  })

  it('matches any spelling and script, with offsets into the original text', () => {
    const text = 'From TARTOUS’s port to حمـيميم and to طَرْطُوس.'
    expect(found(text)).toEqual([
      ['e-tartus', 'TARTOUS', 'Tartous'],
      ['e-khmeimim', 'حمـيميم', 'حميميم'],
      ['e-tartus', 'طَرْطُوس', 'طرطوس'],
    ])
  })

  it('the longest spelling wins where they overlap', () => {
    expect(found('the Khmeimim Air Base and Sparta II, then Sparta')).toEqual([
      ['e-khmeimim', 'Khmeimim Air Base', 'Khmeimim Air Base'],
      ['e-sparta-ii', 'Sparta II', 'Sparta II'],
      ['e-sparta', 'Sparta', 'Sparta'],
    ])
    expect(found('Abu Mohammed al-Jolani, or Ahmed al-Sharaa, or al-Sharaa')).toEqual([
      ['e-sharaa', 'Abu Mohammed al-Jolani', 'Abu Mohammed al-Jolani'],
      ['e-sharaa', 'Ahmed al-Sharaa', 'Ahmed al-Sharaa'],
      ['e-sharaa', 'al-Sharaa', 'al-Sharaa'],
    ])
  })

  it('where matches starting at different words overlap, the longer wins, even when it starts later', () => {
    const m = buildMatcher([e('a', 'Syrian Arab', []), e('b', 'Arab Army Command', [], 'unit')])
    const text = 'the Syrian Arab Army Command and the Syrian Arab people'
    expect(m.findMentions(text).map((x) => text.slice(x.start, x.end))).toEqual(['Arab Army Command', 'Syrian Arab'])
  })

  it('a phrase spans a line wrap and a different article or hyphen, not a blank line', () => {
    expect(found('Hayat Tahrir\nash-Sham')).toEqual([['e-hts', 'Hayat Tahrir\nash-Sham', 'Hayat Tahrir al-Sham']])
    expect(found('Hayat-Tahrir al Sham')).toEqual([['e-hts', 'Hayat-Tahrir al Sham', 'Hayat Tahrir al-Sham']])
    expect(found('Khmeimim\n\nAir Base')).toEqual([['e-khmeimim', 'Khmeimim', 'Khmeimim']])
  })

  it('words such as constructor, __proto__ and toString are plain words', () => {
    const none = buildMatcher([ENTITIES[0]!])
    expect(none.findMentions('constructor __proto__ toString hasOwnProperty valueOf')).toEqual([])
    expect(none.expandQuery('constructor')).toBeNull()
    expect(none.expandQuery('__proto__')).toBeNull()
    expect(found('a constructor, __proto__ and toString')).toEqual([
      ['e-proto', 'constructor', 'Constructor'],
      ['e-proto', 'proto', '__proto__'],
      ['e-proto', 'toString', 'toString'],
    ])
  })

  it('counts mentions per entity', () => {
    expect([...countMentions(matcher.findMentions('Tartus, Tartous, HTS')).entries()]).toEqual([
      ['e-tartus', 2],
      ['e-hts', 1],
    ])
  })
})

describe('expandQuery', () => {
  it('a word or phrase naming an entity gives all its spellings, name first', () => {
    expect(matcher.expandQuery('hmeimim')).toEqual({
      entityId: 'e-khmeimim',
      name: 'Khmeimim Air Base',
      matched: 'Hmeimim',
      spellings: ['Khmeimim Air Base', 'Khmeimim', 'Hmeimim', 'حميميم'],
    })
    expect(matcher.expandQuery('طرطوس')?.spellings).toEqual(['Tartus', 'Tartous', 'طرطوس'])
    expect(matcher.expandQuery('Hayat Tahrir ash-Sham')?.entityId).toBe('e-hts')
  })
  it('a part of a spelling, or an unknown word, names nothing', () => {
    expect(matcher.expandQuery('Tahrir')).toBeNull()
    expect(matcher.expandQuery('Tartusian')).toBeNull()
    expect(matcher.expandQuery('  ')).toBeNull()
  })
})
