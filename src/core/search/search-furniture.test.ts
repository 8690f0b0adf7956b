import { describe, expect, it } from 'vitest'
import type { ArticleId } from '../ids'
import { SearchIndex, type ArticleInput, type SearchResponse, type ShardEntries, type TextRange } from './search-index'

// Our own fixture prose: an article that ends with a "more on this" list of unrelated
// headlines (page furniture), one of which also names Tartus.
const F1 = 'a-00000000f1' as ArticleId
const F2 = 'a-00000000f2' as ArticleId
const BODY =
  'Crews loaded the last landing ships at the naval base in Tartus on Tuesday, officials said.\n\n' +
  'The convoy left before dawn.\n\n'
const FURNITURE = 'MORE ON THEME\nDoomsday clock moves closer to midnight\nTartus fishermen return to sea\nZaporizhzhia families count the cost'
const TEXT = `${BODY}${FURNITURE}\n`
const RANGE: TextRange = { start: BODY.length, end: BODY.length + FURNITURE.length }
const F2_TEXT = 'At midnight the convoy reached Tartus.'

const ARTICLES: ArticleInput[] = [
  { id: F1, title: 'Last ships leave', outlet: null, published: '2025-01-30', bodyHash: 'f1' },
  { id: F2, title: 'Night convoy', outlet: null, published: '2025-01-29', bodyHash: 'f2' },
]
const texts = new Map<string, string>([
  [F1, TEXT],
  [F2, F2_TEXT],
])
const getText = (id: ArticleId) => texts.get(id) ?? null

function build(): SearchIndex {
  const index = new SearchIndex({ getText })
  index.addArticle(ARTICLES[0]!, TEXT, [RANGE])
  index.addArticle(ARTICLES[1]!, F2_TEXT)
  return index
}

const ids = (r: SearchResponse) => r.hits.map((h) => h.id).sort()
const WITH = { includeFurniture: true }

describe('SearchIndex: page furniture', () => {
  const index = build()

  it('a word only in an article’s furniture does not find it, unless furniture is asked for', async () => {
    expect(await index.search('Zaporizhzhia')).toMatchObject({ hits: [], total: 0, error: null })
    const r = await index.search('Zaporizhzhia', WITH)
    expect(ids(r)).toEqual([F1])
    expect(r.hits[0]!.field).toBe('furniture')
    const s = r.hits[0]!.snippet!
    expect(s.ranges.map(([a, b]) => s.text.slice(a, b))).toEqual(['Zaporizhzhia'])
  })

  it('never takes a snippet from furniture by default, even for a word the furniture holds too', async () => {
    const r = await index.search('Tartus')
    expect(ids(r)).toEqual([F1, F2])
    const f1 = r.hits.find((h) => h.id === F1)!
    expect(f1.field).toBe('body')
    expect(f1.snippet!.text).toContain('naval base in Tartus')
    expect(f1.snippet!.text).not.toMatch(/fishermen|THEME|Doomsday/)
  })

  it('checks phrases against the text without its furniture', async () => {
    expect(await index.search('"Doomsday clock"')).toMatchObject({ hits: [], total: 0 })
    expect(ids(await index.search('"Doomsday clock"', WITH))).toEqual([F1])
    // "midnight" is in F2's text and in F1's furniture.
    expect(ids(await index.search('midnight convoy'))).toEqual([F2])
    expect(ids(await index.search('midnight convoy', WITH))).toEqual([F1, F2])
  })

  it('furniture neither finds nor excludes an article unless asked for', async () => {
    expect(ids(await index.search('Tartus -Zaporizhzhia'))).toEqual([F1, F2])
    expect(ids(await index.search('Tartus -Zaporizhzhia', WITH))).toEqual([F2])
    expect(ids(await index.search('convoy -"Doomsday clock"', WITH))).toEqual([F2])
    expect(ids(await index.search('Zaporizhzhia OR Doomsday'))).toEqual([])
  })

  it('keeps the furniture through a save and a partial load', async () => {
    const parts = index.toParts('all')
    const shards = new Map([...parts.shards].map(([k, v]) => [k, JSON.parse(JSON.stringify(v)) as ShardEntries]))
    const head = JSON.parse(JSON.stringify(parts.head)) as unknown
    const loaded = SearchIndex.fromParts(head, parts.filters.slice(), (keys) => Promise.resolve(keys.map((k) => shards.get(k) ?? [])), { getText })
    if (!loaded.ok) throw new Error(loaded.message)
    for (const [q, options] of [
      ['Zaporizhzhia', {}],
      ['Zaporizhzhia', WITH],
      ['"Doomsday clock"', WITH],
      ['Tartus', {}],
    ] as const) {
      expect(await loaded.index.search(q, options), q).toEqual(await index.search(q, options))
    }
  })

  it('takes the furniture of the articles it reconciles from getFurniture', async () => {
    const asked: [string, number][] = []
    const fresh = new SearchIndex({
      getText,
      getFurniture: (article, text) => (asked.push([article.id, text.length]), article.id === F1 ? [RANGE] : []),
    })
    await fresh.reconcile(ARTICLES, [])
    expect(asked).toEqual([
      [F1, TEXT.length],
      [F2, F2_TEXT.length],
    ])
    expect((await fresh.search('Zaporizhzhia')).total).toBe(0)
    expect((await fresh.search('Zaporizhzhia', WITH)).total).toBe(1)
  })

  it('ignores furniture ranges that do not fit the text', async () => {
    const odd = new SearchIndex({ getText })
    odd.addArticle(ARTICLES[0]!, TEXT, [{ start: 5, end: TEXT.length + 10 }, { start: 9, end: 9 }])
    expect(ids(await odd.search('Zaporizhzhia'))).toEqual([F1])
  })
})
