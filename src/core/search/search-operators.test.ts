import { describe, expect, it } from 'vitest'
import type { ArticleId, HighlightId, TagId } from '../ids'
import { COMMON_POSTINGS, SearchIndex, type ArticleInput, type HighlightInput, type SearchResponse, type ShardEntries } from './search-index'

// Our own fixture prose (not the corpus). Who holds what:
//   tartus: A1, A4 (+ H1 quote, H3 comment)    latakia: A2, A3 (+ H2)
//   russia: A1, A3 (+ H1 comment); "russian" only in A1
//   "naval base": A1 (+ H1); A4 has both words, apart     withdr*: A1, A3     port: A2, A4 (+ H2)
const A1 = 'a-00000000a1' as ArticleId
const A2 = 'a-00000000a2' as ArticleId
const A3 = 'a-00000000a3' as ArticleId
const A4 = 'a-00000000a4' as ArticleId
const BASES = 't-bases' as TagId
const CONVOYS = 't-convoys' as TagId

const BODIES = new Map<string, string>([
  [A1, 'Russian landing ships left the naval base in Tartus on Tuesday. Russia said the withdrawal was planned.'],
  [A2, 'Cranes moved again in the port of Latakia. Traders said the harbour was busy.'],
  [A3, 'Russia kept a few officers in Latakia, officials said. Trucks were withdrawn overnight.'],
  [A4, 'The base at Tartus was quiet; naval patrols were few. Fishermen returned to the port.'],
])
const ARTICLES: ArticleInput[] = [
  { id: A1, title: 'Ships leave Tartus', outlet: 'Harbour Watch', published: '2025-01-15', bodyHash: 'b1' },
  { id: A2, title: 'Latakia port reopens', outlet: 'Levant Daily', published: '2025-02-02', bodyHash: 'b2' },
  { id: A3, title: 'Officers stay on', outlet: null, published: null, bodyHash: 'b3' },
  { id: A4, title: 'Quiet days', outlet: 'Coastal Wire', published: '2024-12-20', bodyHash: 'b4' },
]
const H1 = 'h-00000000h1' as HighlightId
const H2 = 'h-00000000h2' as HighlightId
const H3 = 'h-00000000h3' as HighlightId
const HIGHLIGHTS: HighlightInput[] = [
  { id: H1, articleId: A1, target: { exact: 'the naval base in Tartus' }, comment: 'Russia confirms', tagIds: [BASES] },
  { id: H2, articleId: A2, target: { exact: 'the port of Latakia' }, comment: '', tagIds: [CONVOYS] },
  { id: H3, articleId: A4, target: { exact: 'naval patrols were few' }, comment: 'Tartus quiet', tagIds: [BASES] },
]

function build(reads: string[] = []): SearchIndex {
  const index = new SearchIndex({ getText: (id) => (reads.push(id), BODIES.get(id) ?? null) })
  for (const a of ARTICLES) index.addArticle(a, BODIES.get(a.id)!)
  for (const h of HIGHLIGHTS) index.addHighlight(h)
  return index
}

const ids = (r: SearchResponse) => r.hits.map((h) => h.id).sort()
const sorted = (...xs: string[]) => [...xs].sort()

describe('SearchIndex: OR, NOT and - (fixtures)', () => {
  const index = build()

  it('OR finds documents holding either side, each once', async () => {
    const r = await index.search('Tartus OR Latakia')
    expect(ids(r)).toEqual(sorted(A1, A2, A3, A4, H1, H2, H3))
    expect(r).toMatchObject({ total: 7, totalExact: true, ranking: 'relevance', error: null })
    // A1 holds both words of Tartus OR Russia: its scores add up, it comes first.
    const both = await index.search('Tartus OR Russia')
    expect(ids(both)).toEqual(sorted(A1, A3, A4, H1, H3))
    expect(both.hits[0]!.id).toBe(A1)
    expect(both.hits[0]!.terms.sort()).toEqual(['russia', 'tartus'])
    // One ranking by score, whichever side is written first.
    for (const q of ['Russia OR Tartus', 'withdr* OR Latakia', 'naval OR Tartus']) {
      const scores = (await index.search(q)).hits.map((h) => h.score)
      expect(scores, q).toEqual([...scores].sort((a, b) => b - a))
    }
    expect((await index.search('Russia OR Tartus')).hits.map((h) => h.id)).toEqual(both.hits.map((h) => h.id))
  })

  it('NOT and - leave out documents holding the word, in any field', async () => {
    expect(ids(await index.search('Latakia -Russia'))).toEqual(sorted(A2, H2))
    expect(await index.search('Latakia NOT Russia')).toEqual({ ...(await index.search('Latakia -Russia')), query: expect.anything() })
    // H1 holds Tartus in its quote and Russia in its comment; A1 has Russia in its body.
    expect(ids(await index.search('Tartus -Russia'))).toEqual(sorted(A4, H3))
    // A word of the title counts: A2's title says port.
    expect(ids(await index.search('Latakia -port'))).toEqual([A3])
  })

  it('rules excluded words out by their postings, reading no text', async () => {
    const reads: string[] = []
    const r = await build(reads).search('Tartus OR Latakia -Russia', { snippets: false })
    expect(ids(r)).toEqual(sorted(A1, A2, A4, H1, H2, H3))
    expect(reads).toEqual([])
  })

  it('-"a phrase" leaves out only documents with the words together, reading only texts that may hold it', async () => {
    const reads: string[] = []
    const r = await build(reads).search('Tartus -"naval base"', { snippets: false })
    // A4 has "base" and "naval" apart: it stays.
    expect(ids(r)).toEqual(sorted(A4, H3))
    expect(r).toMatchObject({ total: 2, totalExact: true })
    // A4's word filter already rules the pair out: only A1 (which holds the phrase) is read.
    expect(reads).toEqual([A1])
  })

  it('excludes by prefix, and combines a prefix with OR', async () => {
    expect(ids(await index.search('Latakia -withdr*'))).toEqual(sorted(A2, H2))
    expect(ids(await index.search('russia* -Latakia'))).toEqual(sorted(A1, H1))
    expect(ids(await index.search('withdr* OR port'))).toEqual(sorted(A1, A2, A3, A4, H2))
  })

  it('binds AND tighter than OR, and groups with parentheses', async () => {
    // (port Tartus) OR Latakia
    expect(ids(await index.search('port Tartus OR Latakia'))).toEqual(sorted(A2, A3, A4, H2))
    // port (Tartus OR Latakia): A3 has no port
    expect(ids(await index.search('port (Tartus OR Latakia)'))).toEqual(sorted(A2, A4, H2))
    expect(ids(await index.search('(Tartus OR Latakia) -(Russia OR port)'))).toEqual(sorted(H3))
  })

  it('checks phrases in either alternative against the text', async () => {
    const r = await index.search('"naval base" OR Latakia')
    expect(ids(r)).toEqual(sorted(A1, A2, A3, H1, H2))
    expect(r.hits.find((h) => h.id === A1)!.terms).toContain('naval base')
    expect(ids(await index.search('"naval base" OR "port of Latakia"'))).toEqual(sorted(A1, H1, A2, H2))
  })

  it('marks only the words searched for, never the excluded ones', async () => {
    const r = await index.search('Tartus -Russia')
    for (const hit of r.hits) {
      const s = hit.snippet!
      expect(s.ranges.map(([a, b]) => s.text.slice(a, b).toLowerCase()), hit.id).toEqual(['tartus'])
    }
  })

  it('applies tag, outlet, date and kind filters to every alternative', async () => {
    expect(ids(await index.search('Tartus OR Latakia', { outlets: ['levant daily'] }))).toEqual(sorted(A2, H2))
    expect(ids(await index.search('Tartus OR Latakia', { from: '2025-01-01' }))).toEqual(sorted(A1, A2, H1, H2))
    expect(ids(await index.search('Tartus OR Latakia', { to: '2024-12-31' }))).toEqual(sorted(A4, H3))
    expect(ids(await index.search('Tartus OR Latakia', { tagIds: [BASES] }))).toEqual(sorted(A1, A4, H1, H3))
    expect(ids(await index.search('Latakia -Russia', { kinds: ['article'] }))).toEqual([A2])
    expect(ids(await index.search('Tartus -"naval base"', { tagIds: [BASES] }))).toEqual(sorted(A4, H3))
  })

  it('returns the query error instead of searching', async () => {
    const r = await index.search('-Russia')
    expect(r).toMatchObject({ hits: [], total: 0, error: { code: 'only-excluded' } })
    expect((await index.search('Tartus OR')).error).toMatchObject({ code: 'misplaced-operator' })
  })
})

describe('SearchIndex: OR and NOT among common words', () => {
  // More articles holding "convoy" and "port" than COMMON_POSTINGS: both words are common.
  const n = COMMON_POSTINGS + 100
  const id = (i: number) => `a-${String(i).padStart(10, '0')}` as ArticleId
  const day = (i: number) => `2025-01-${String(1 + (i % 28)).padStart(2, '0')}`
  const body = (i: number) => (i % 2 === 0 ? `The convoy reached the port on day ${i}.` : `The convoy stayed away from the port, report ${i}.`)
  const Z = id(99_999)
  const text = (a: string) => (a === Z ? 'Zanzibar: no convoy went near.' : body(Number(a.slice(2))))
  const index = new SearchIndex({ getText: text })
  for (let i = 0; i < n; i++) index.addArticle({ id: id(i), title: i === 7 ? `Convoy report ${i}` : `Report ${i}`, outlet: null, published: day(i), bodyHash: String(i) }, body(i))
  index.addArticle({ id: Z, title: 'Elsewhere', outlet: null, published: null, bodyHash: 'z' }, text(Z))

  it('excludes a rare word from a common one by its postings', async () => {
    const r = await index.search('convoy -1500 -zanzibar', { limit: 5 })
    expect(r).toMatchObject({ total: n - 1, totalExact: true, ranking: 'title-then-date' })
    expect(r.hits[0]!.id).toBe(id(7))
  })

  it('excludes a common phrase after checking the texts its word pairs allow', async () => {
    // "port on" is in the even articles: the odd ones and Z remain.
    const r = await index.search('convoy -"port on"', { countAll: true, limit: 5 })
    expect(r).toMatchObject({ total: Math.floor(n / 2) + 1, totalExact: true })
    expect(r.hits.every((h) => h.id === Z || Number(h.id.slice(2)) % 2 === 1)).toBe(true)
  })

  it('ranks the scored alternative first, then the common one by title and date', async () => {
    const r = await index.search('zanzibar OR port', { limit: 4 })
    expect(r).toMatchObject({ ranking: 'relevance', total: n + 1, totalExact: true })
    // Then the newest (day 28: articles 27, 55, 83…): no title holds "port".
    expect(r.hits.map((h) => h.id)).toEqual([Z, id(27), id(55), id(83)])
    expect((await index.search('convoy OR port', { limit: 1 })).ranking).toBe('title-then-date')
  })
})

describe('SearchIndex: OR and NOT on a partly loaded index', () => {
  it('loads the shard of every word a query names, excluded ones included, and finds what the whole index finds', async () => {
    const whole = build()
    const parts = whole.toParts('all')
    const shards = new Map([...parts.shards].map(([k, v]) => [k, JSON.parse(JSON.stringify(v)) as ShardEntries]))
    const asked: string[][] = []
    const loaded = SearchIndex.fromParts(JSON.parse(JSON.stringify(parts.head)), parts.filters.slice(), (keys) => {
      asked.push([...keys])
      return Promise.resolve(keys.map((k) => shards.get(k) ?? []))
    }, { getText: (id) => BODIES.get(id) ?? null })
    if (!loaded.ok) throw new Error(loaded.message)
    const partial = loaded.index

    expect(await partial.search('Latakia -Russia')).toEqual(await whole.search('Latakia -Russia'))
    expect(asked).toEqual([['la', 'ru']])
    expect(await partial.search('Tartus -"naval base" OR withdr*')).toEqual(await whole.search('Tartus -"naval base" OR withdr*'))
    expect(asked[1]!.sort()).toEqual(['ba', 'na', 'ta', 'wi'])
    expect(await partial.search('port -(Russia OR quiet*)')).toEqual(await whole.search('port -(Russia OR quiet*)'))
    expect(asked[2]!.sort()).toEqual(['po', 'qu'])
    expect(asked.flat().length).toBe(new Set(asked.flat()).size) // each shard loaded once
  })
})
