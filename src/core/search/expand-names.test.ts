import { describe, expect, it } from 'vitest'
import { buildMatcher } from '../entities/matcher'
import type { Entity, EntityId } from '../entities/schema'
import type { ArticleId } from '../ids'
import { searchSpellings } from './expand-names'
import { parseQuery } from './query'
import { SearchIndex, type SearchResponse } from './search-index'

// Our own fixture prose and entities (not the corpus or the starter pack).
const ENTITIES: Entity[] = [
  {
    id: 'e-khmeimim' as EntityId,
    name: 'Khmeimim Air Base',
    type: 'place',
    kind: 'base',
    aliases: [{ text: 'Khmeimim' }, { text: 'Hmeimim' }, { text: 'Hmeimim airbase' }, { text: 'حميميم' }],
  },
  { id: 'e-tartus' as EntityId, name: 'Tartus', type: 'place', aliases: [{ text: 'Tartous' }, { text: 'طرطوس' }] },
  { id: 'e-hts' as EntityId, name: 'Hayat Tahrir al-Sham', type: 'organisation', aliases: [{ text: 'HTS' }] },
]
const names = (text: string) => buildMatcher(ENTITIES).expandQuery(text)

const A = (n: number) => `a-0000000${n}` as ArticleId
const BODIES = new Map<string, string>([
  [A(1), 'Jets took off from Khmeimim at dawn, a spokesman said.'],
  [A(2), 'The Hmeimim airbase was quiet on Friday.'],
  [A(3), 'وصلت طائرات إلى قاعدة حميميم مساء الأحد.'],
  [A(4), 'Ships sailed from Tartous to the north.'],
  [A(5), 'The port of Tartus reopened, and HTS fighters watched it.'],
  [A(6), 'Fighters of Hayat Tahrir al-Sham entered the city.'],
  [A(7), 'A quiet day in Latakia, where nothing happened.'],
])

function build(): SearchIndex {
  const index = new SearchIndex({ getText: (id) => BODIES.get(id) ?? null })
  for (const [id, body] of BODIES) index.addArticle({ id: id as ArticleId, title: `Report ${id.slice(-1)}`, outlet: null, published: null, bodyHash: id }, body)
  return index
}
const ids = (r: SearchResponse) => r.hits.map((h) => h.id).sort()

describe('search by names: every spelling of the entity a query names', () => {
  const index = build()

  it('a word naming an entity finds every article that writes it another way, in any script', async () => {
    const query = parseQuery('Hmeimim', { names })
    expect(ids(await index.search(query))).toEqual([A(1), A(2), A(3)])
    expect(query.expansions).toEqual([{ raw: 'Hmeimim', entityId: 'e-khmeimim', name: 'Khmeimim Air Base', spellings: ['Khmeimim', 'حميميم'] }])
  })

  it('without names (exact) only the spelling typed is found', async () => {
    const query = parseQuery('Hmeimim')
    expect(ids(await index.search(query))).toEqual([A(2)])
    expect(query.expansions).toEqual([])
  })

  it('an Arabic query finds the Latin-script mentions', async () => {
    expect(ids(await index.search(parseQuery('طرطوس', { names })))).toEqual([A(4), A(5)])
  })

  it('a multi-word name typed without quotes is a name too, and the words as typed still match', async () => {
    const query = parseQuery('Hayat Tahrir al-Sham', { names })
    expect(ids(await index.search(query))).toEqual([A(5), A(6)])
    expect(query.expansions.map((e) => e.spellings)).toEqual([['HTS']])
  })

  it('names expand inside AND, OR and NOT', async () => {
    expect(ids(await index.search(parseQuery('Tartous fighters', { names })))).toEqual([A(5)])
    expect(ids(await index.search(parseQuery('Tartous OR Latakia', { names })))).toEqual([A(4), A(5), A(7)])
    expect(ids(await index.search(parseQuery('quiet -Hmeimim', { names })))).toEqual([A(7)])
  })

  it('a word that is only part of a name, or a prefix, is not expanded', async () => {
    expect(parseQuery('Hayat', { names }).expansions).toEqual([])
    expect(parseQuery('Hmeim*', { names }).expansions).toEqual([])
  })

  it('when every expansion would make too many alternatives, the last names are searched as typed, with a warning', () => {
    const many: Entity[] = ['a', 'b', 'c'].map((x) => ({
      id: `e-${x}` as EntityId,
      name: `Name${x}`,
      type: 'place',
      aliases: Array.from({ length: 5 }, (_, i) => ({ text: `Alias${x}${i}` })),
    }))
    const query = parseQuery('Namea Nameb Namec', { names: (t) => buildMatcher(many).expandQuery(t) })
    expect(query.error).toBeNull()
    expect(query.expansions.map((e) => e.raw)).toEqual(['Namea'])
    expect(query.warnings.map((w) => w.code)).toContain('names-not-expanded')
    expect(query.alternatives.length).toBeLessThanOrEqual(16)
  })
})

describe('searchSpellings', () => {
  it('keeps each word sequence once and leaves out spellings holding another', () => {
    expect(searchSpellings(['Khmeimim Air Base', 'Khmeimim', 'KHMEIMIM', 'Hmeimim airbase', 'Hmeimim']).map((s) => s.text)).toEqual(['Khmeimim', 'Hmeimim'])
  })
})
