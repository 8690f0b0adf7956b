import { describe, expect, it } from 'vitest'
import type { ArticleId } from '../ids'
import { SearchIndex, type ShardEntries } from './search-index'

// Our own fixture: one article of 24,000 made-up words that all begin alike, so that one
// shard holds thousands of terms (more than a slice of them).
const WORDS = Array.from({ length: 24000 }, (_, i) => `qa${i.toString(36)}x`)
const TEXT = WORDS.join(' ')
const article = { id: 'a-0000000001' as ArticleId, title: 'Word list', outlet: null, published: null, bodyHash: 'h1' }

describe('a search in the app adds a large shard a slice at a time', () => {
  it('finds what the search that adds it at once finds, with turns between slices', async () => {
    const built = new SearchIndex({ getText: () => TEXT })
    await built.reconcile([article], [])
    const parts = built.toParts('all')
    const shards = new Map(parts.head.shards.map((key) => [key, JSON.parse(JSON.stringify(parts.shard(key))) as ShardEntries] as const))
    const biggest = Math.max(...[...shards.values()].map((entries) => entries.length))
    expect(biggest).toBeGreaterThan(20000)
    const load = (keys: readonly string[]) => Promise.resolve(keys.map((k) => shards.get(k) ?? []))
    const loaded = (turn?: () => Promise<void>) => {
      const result = SearchIndex.fromParts(JSON.parse(JSON.stringify(parts.head)), parts.filters.slice(), load, { getText: () => TEXT, ...(turn ? { turn } : {}) })
      if (!result.ok) throw new Error(result.message)
      return result.index
    }
    let turns = 0
    const inSlices = loaded(() => (turns++, Promise.resolve()))
    const atOnce = loaded()
    // The first search loads the big shard: a turn after reading it, one every 10,000 of
    // its postings (here one a term, as each word occurs once), and one after.
    await inSlices.search(WORDS[0]!)
    expect(turns).toBe(2 + Math.floor((biggest - 1) / 10000))
    for (const query of [WORDS[0]!, WORDS[11999]!, WORDS[23999]!, 'qa*', 'nothing']) {
      const [a, b] = [await inSlices.search(query), await atOnce.search(query)]
      expect(a.hits.map((h) => h.id)).toEqual(b.hits.map((h) => h.id))
      expect(a.total).toBe(b.total)
    }
    expect((await atOnce.search(WORDS[23999]!)).total).toBe(1)
  })
})
