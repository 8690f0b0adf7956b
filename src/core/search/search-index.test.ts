import { describe, expect, it } from 'vitest'
import type { ArticleId, HighlightId, TagId } from '../ids'
import { foldText, splitWords, STOP_WORDS } from './fold'
import { shardKeyOf } from './shard-keys'
import { parseQuery } from './query'
import { COMMON_POSTINGS, INDEX_FORMAT_VERSION, SearchIndex, type ArticleInput, type HighlightInput, type SearchResponse, type ShardEntries } from './search-index'

// Our own fixture prose (not the corpus): spellings vary on purpose, as in real reporting.
const A1 = 'a-000000000a' as ArticleId
const A2 = 'a-000000000b' as ArticleId
const A3 = 'a-000000000c' as ArticleId
const BASES = 't-bases' as TagId
const CONVOYS = 't-convoys' as TagId
const TALKS = 't-negotiations' as TagId

const BODIES: Record<string, string> = {
  [A1]:
    'Two landing ships were seen leaving the naval base in Tartus on Tuesday.\n\n' +
    'Analyst Ömer Sohtaoğlu said the withdrawal had begun in December. Officials called the talks “frank and useful” ' +
    'but gave no details about the future of the base.\n\n' +
    'Residents said the convoy passed at night.',
  [A2]:
    'Satellite pictures show aircraft parked at Hmeimim, and ships off Tartous.\n\n' +
    'The ministry said the troops had been withdrawn “as planned” and that talks would continue in Damascus.',
  [A3]:
    'The base, which was naval in name only, stood empty. Khmeimim remained busy with transport flights.\n\n' +
    'A convoy of trucks headed for the port.',
}

const articles: ArticleInput[] = [
  { id: A1, title: 'Russian ships leave Tartus', outlet: 'Harbour Watch', published: '2025-01-15', bodyHash: 'h1' },
  { id: A2, title: 'Aircraft at Hmeimim, ships off Tartous', outlet: 'Levant Daily', published: '2025-02-02T11:44:27+02:00', bodyHash: 'h2' },
  { id: A3, title: 'An empty base', outlet: null, published: null, bodyHash: 'h3' },
]

const hl = (n: number, articleId: ArticleId, exact: string, tagIds: TagId[], comment = ''): HighlightInput => ({
  id: `h-00000000${n}0` as HighlightId,
  articleId,
  target: { exact },
  comment,
  tagIds,
})

const highlights: HighlightInput[] = [
  hl(1, A1, 'the naval base in Tartus', [BASES], 'Key claim; check Sohtaoglu’s thread'),
  hl(2, A2, 'ships off Tartous', [CONVOYS], 'Hmeimim spelled without the K'),
  hl(3, A3, 'Khmeimim remained busy with transport flights', [BASES, TALKS]),
  hl(4, A1, 'the talks “frank and useful”', [TALKS], 'tone of the negotiations'),
]

function build(getText: (id: ArticleId) => string | null | Promise<string | null> = (id) => BODIES[id] ?? null): SearchIndex {
  const index = new SearchIndex({ getText })
  for (const a of articles) index.addArticle(a, BODIES[a.id]!)
  for (const h of highlights) index.addHighlight(h)
  return index
}

const ids = (r: SearchResponse) => r.hits.map((h) => h.id).sort()
const marked = (r: SearchResponse, i = 0) => {
  const s = r.hits[i]!.snippet!
  return s.ranges.map(([a, b]) => s.text.slice(a, b))
}

describe('SearchIndex: queries', () => {
  const index = build()

  it('finds words in titles, bodies, quotes and comments, all words required', async () => {
    expect(ids(await index.search('landing ships'))).toEqual([A1])
    expect(ids(await index.search('thread'))).toEqual([highlights[0]!.id])
    expect(ids(await index.search('ships Tartus'))).toEqual([A1]) // A2 says Tartous
    expect((await index.search('ships nowhere')).hits).toEqual([])
  })

  it('keeps spelling variants apart: Tartus/Tartous, Khmeimim/Hmeimim', async () => {
    expect(ids(await index.search('Tartus'))).toEqual([A1, highlights[0]!.id].sort())
    expect(ids(await index.search('Tartous'))).toEqual([A2, highlights[1]!.id].sort())
    expect(ids(await index.search('Khmeimim'))).toEqual([A3, highlights[2]!.id].sort())
    expect(ids(await index.search('Hmeimim'))).toEqual([A2, highlights[1]!.id].sort())
  })

  it('is case- and diacritic-insensitive: Sohtaoglu finds Sohtaoğlu', async () => {
    for (const q of ['Sohtaoglu', 'SOHTAOĞLU', 'sohtaoğlu']) {
      const r = await index.search(q)
      expect(ids(r), q).toEqual([A1, highlights[0]!.id].sort())
      const article = r.hits.find((h) => h.kind === 'article')!
      expect(article.field).toBe('body')
      expect(marked({ ...r, hits: [article] })).toEqual(['Sohtaoğlu'])
    }
  })

  it('checks phrases for adjacency in the text', async () => {
    // A3 has "base" and "naval" but not "naval base"; both words alone find it.
    expect(ids(await index.search('naval base'))).toEqual([A1, A3, highlights[0]!.id].sort())
    const r = await index.search('"naval base"')
    expect(ids(r)).toEqual([A1, highlights[0]!.id].sort())
    expect(r.totalExact).toBe(true)
    for (let i = 0; i < r.hits.length; i++) expect(marked(r, i)).toContain('naval base')
    expect(ids(await index.search('"base naval"'))).toEqual([])
  })

  it('matches phrases across curly quotes and punctuation', async () => {
    const r = await index.search('"talks frank and useful"')
    expect(ids(r)).toEqual([A1, highlights[3]!.id].sort())
    expect(marked(r)).toEqual(['talks “frank and useful'])
    expect(ids(await index.search('"frank useful"'))).toEqual([]) // "and" stands between them
  })

  it('keeps stop words inside phrases', async () => {
    expect(ids(await index.search('"the naval base"'))).toEqual([A1, highlights[0]!.id].sort())
    expect(ids(await index.search('"a naval base"'))).toEqual([])
  })

  it('finds words by prefix and reports the words found', async () => {
    const r = await index.search('withdr*')
    expect(ids(r)).toEqual([A1, A2])
    const all = r.hits.flatMap((h) => h.terms).sort()
    expect(all).toEqual(['withdrawal', 'withdrawn'])
    expect(ids(await index.search('withdr* Damascus'))).toEqual([A2])
  })

  it('returns snippets of about 200 characters with the matched words marked', async () => {
    const long = 'a-000000000d' as ArticleId
    const filler = 'Nothing of note happened in the region that week, the reports said. '.repeat(8)
    const body = `${filler}Then the convoy reached Tartus at dawn.\n${filler}`
    const i2 = new SearchIndex({ getText: () => body })
    i2.addArticle({ id: long, title: 'Long', outlet: null, published: null, bodyHash: 'x' }, body)
    const r = await i2.search('convoy tartus')
    const s = r.hits[0]!.snippet!
    expect(s.text.length).toBeLessThanOrEqual(202)
    expect(s.text.startsWith('…') && s.text.endsWith('…')).toBe(true)
    expect(s.text).not.toContain('\n')
    expect(s.ranges.map(([a, b]) => s.text.slice(a, b))).toEqual(['convoy', 'Tartus'])
    expect(r.hits[0]!.terms.sort()).toEqual(['convoy', 'tartus'])
  })

  it('falls back to the title when the body does not hold the match, or cannot be read', async () => {
    const r = await index.search('Russian')
    expect(r.hits[0]).toMatchObject({ id: A1, field: 'title' })
    expect(marked(r)).toEqual(['Russian'])
    const noText = build(() => null)
    const r2 = await noText.search('landing')
    expect(r2.hits[0]).toMatchObject({ id: A1, field: 'title' })
    expect(r2.hits[0]!.snippet!.ranges).toEqual([])
  })

  it('works with an asynchronous getText', async () => {
    const asyncIndex = build(async (id) => BODIES[id] ?? null)
    const r = await asyncIndex.search('"frank and useful"')
    expect(ids(r)).toEqual([A1, highlights[3]!.id].sort())
  })

  it('returns the parse error instead of searching, and never throws', async () => {
    for (const q of ['', '*', 'the', '"', '“unclosed']) {
      const r = await index.search(q)
      if (q === '“unclosed') {
        expect(r.error).toBeNull()
        expect(r.query.warnings[0]!.code).toBe('unbalanced-quote')
      } else {
        expect(r.error, q).not.toBeNull()
        expect(r.hits).toEqual([])
      }
    }
    expect(await index.search(parseQuery('Tartus'))).toMatchObject({ total: 2, error: null })
  })

  it('estimates a phrase total from the word filters unless asked to count all', async () => {
    const bodyOf = (i: number) => (i % 3 === 0 ? `Report ${i}: the base was not naval.` : `Report ${i}: the naval base was quiet.`)
    const reads: string[] = []
    const many = new SearchIndex({ getText: (id) => (reads.push(id), bodyOf(Number(id.slice(2)))) })
    for (let i = 0; i < 30; i++) {
      const id = `a-${String(i).padStart(10, '0')}` as ArticleId
      many.addArticle({ id, title: `Report ${i}`, outlet: null, published: null, bodyHash: String(i) }, bodyOf(i))
    }
    // 20 of the 30 articles hold the phrase; the other 10 have both words, not adjacent.
    const r = await many.search('"naval base"', { limit: 5 })
    expect(r.hits).toHaveLength(5)
    expect(r).toMatchObject({ total: 20, totalExact: false })
    // Only the 5 shown were read: the filters ruled the 10 others out without their text.
    expect(reads).toHaveLength(5)
    expect(await many.search('"naval base"', { limit: 5, countAll: true })).toMatchObject({ total: 20, totalExact: true })
    expect(await many.search('naval base', { limit: 5 })).toMatchObject({ total: 30, totalExact: true })
  })
})

describe('SearchIndex: queries of common words', () => {
  // More articles holding "convoy" and "port" than COMMON_POSTINGS: both words are common.
  const n = COMMON_POSTINGS + 100
  const id = (i: number) => `a-${String(i).padStart(10, '0')}` as ArticleId
  const day = (i: number) => `2025-01-${String(1 + (i % 28)).padStart(2, '0')}`
  const body = (i: number) => (i % 2 === 0 ? `The convoy reached the port on day ${i}.` : `The convoy stayed away from the port, report ${i}.`)
  const index = new SearchIndex({ getText: (a) => body(Number(a.slice(2))) })
  for (let i = 0; i < n; i++) {
    const title = i === 7 || i === 1500 ? `Convoy report ${i}` : `Report ${i}`
    index.addArticle({ id: id(i), title, outlet: i % 10 === 0 ? 'Coastal Wire' : 'Levant Daily', published: day(i), bodyHash: String(i) }, body(i))
  }

  it('ranks titles first, then the newest, and counts exactly', async () => {
    const r = await index.search('convoy')
    expect(r.ranking).toBe('title-then-date')
    expect(r.total).toBe(n)
    expect(r.hits.slice(0, 2).map((h) => h.id).sort()).toEqual([id(7), id(1500)])
    const days = r.hits.slice(2).map((h) => day(Number(h.id.slice(2))))
    expect(days).toEqual([...days].sort().reverse())
    expect(days[0]).toBe('2025-01-28')
    expect(r.hits[2]!.snippet!.ranges).toHaveLength(1)
  })

  it('intersects common words, applies filters and checks phrases', async () => {
    expect((await index.search('convoy port')).total).toBe(n)
    expect((await index.search('convoy port', { outlets: ['Coastal Wire'] })).total).toBe(Math.ceil(n / 10))
    // "port on" (day …) is only in the even articles; "port" alone is in all of them.
    const r = await index.search('"port on" convoy', { countAll: true })
    expect(r).toMatchObject({ total: Math.ceil(n / 2), totalExact: true, ranking: 'title-then-date' })
    expect(r.hits.every((h) => Number(h.id.slice(2)) % 2 === 0)).toBe(true)
    // Without countAll the total is estimated from the word filters: a few false positives.
    const estimate = await index.search('"port on"', { limit: 5 })
    expect(estimate.totalExact).toBe(false)
    expect(estimate.total).toBeGreaterThanOrEqual(Math.ceil(n / 2))
    expect(estimate.total).toBeLessThan(Math.ceil(n / 2) * 1.03)
  })

  it('uses relevance as soon as one word is not common, checking the common ones per candidate', async () => {
    const r = await index.search('convoy 1500')
    expect(r).toMatchObject({ ranking: 'relevance', total: 1, totalExact: true })
    expect(r.hits.map((h) => h.id)).toEqual([id(1500)])
    expect(r.hits[0]!.terms.sort()).toEqual(['1500', 'convoy'])
    // An article with the rare word but not the common one is ruled out.
    const extra = new SearchIndex({ getText: (a) => (a === id(99_999) ? 'Nothing about ships: zanzibar.' : body(Number(a.slice(2)))) })
    for (let i = 0; i < n; i++) extra.addArticle({ id: id(i), title: `Report ${i}`, outlet: null, published: day(i), bodyHash: String(i) }, body(i))
    extra.addArticle({ id: id(99_999), title: 'Elsewhere', outlet: null, published: null, bodyHash: 'z' }, 'Nothing about ships: zanzibar.')
    extra.addHighlight({ id: 'h-0000000001' as HighlightId, articleId: id(3), target: { exact: 'zanzibar convoy' }, comment: '', tagIds: [] })
    extra.addHighlight({ id: 'h-0000000002' as HighlightId, articleId: id(3), target: { exact: 'zanzibar alone' }, comment: '', tagIds: [] })
    const z = await extra.search('zanzibar convoy')
    expect(z).toMatchObject({ ranking: 'relevance', total: 1, totalExact: true })
    expect(z.hits.map((h) => h.id)).toEqual(['h-0000000001'])
    expect((await extra.search('zanzibar')).total).toBe(3)
  })
})

describe('SearchIndex: filters', () => {
  const index = build()

  it('filters highlights by their tags and articles by the tags their highlights carry', async () => {
    expect(ids(await index.search('Tartus', { tagIds: [BASES] }))).toEqual([A1, highlights[0]!.id].sort())
    expect(ids(await index.search('Tartus', { tagIds: [CONVOYS] }))).toEqual([])
    expect(ids(await index.search('Tartous', { tagIds: [CONVOYS] }))).toEqual([A2, highlights[1]!.id].sort())
    // any (default) vs all: A1 carries Bases (h1) and Negotiations (h4) on different highlights.
    expect(ids(await index.search('talks', { tagIds: [BASES, TALKS], tagMode: 'all' }))).toEqual([A1])
    expect(ids(await index.search('talks', { tagIds: [BASES, CONVOYS], tagMode: 'all' }))).toEqual([])
    expect(ids(await index.search('Khmeimim', { tagIds: [BASES, TALKS], tagMode: 'all' }))).toEqual([A3, highlights[2]!.id].sort())
    expect(ids(await index.search('talks', { tagIds: [TALKS], kinds: ['highlight'] }))).toEqual([highlights[3]!.id])
  })

  it('filters by outlet (case-insensitive) and publication date range, highlights by their article', async () => {
    expect(ids(await index.search('ships', { outlets: ['levant daily'] }))).toEqual([A2, highlights[1]!.id].sort())
    expect(ids(await index.search('ships', { from: '2025-02-01' }))).toEqual([A2, highlights[1]!.id].sort())
    expect(ids(await index.search('ships', { to: '2025-01-31' }))).toEqual([A1])
    expect(ids(await index.search('ships', { from: '2025-01-15', to: '2025-01-15' }))).toEqual([A1])
    // Undated A3 matches "convoy" but not a date filter.
    expect(ids(await index.search('convoy'))).toEqual([A1, A3])
    expect(ids(await index.search('convoy', { from: '2000-01-01' }))).toEqual([A1])
  })

  it('filters by kind and by article', async () => {
    expect(ids(await index.search('Tartus', { kinds: ['article'] }))).toEqual([A1])
    expect(ids(await index.search('ships', { articleIds: [A2] }))).toEqual([A2, highlights[1]!.id].sort())
  })

  it('refuses a malformed date filter with a message', async () => {
    const r = await index.search('ships', { from: '15/01/2025' })
    expect(r.error).toMatchObject({ code: 'bad-filter' })
    expect(r.error!.message).toContain('YYYY-MM-DD')
    expect((await index.search('ships', { from: '2025-02-01', to: '2025-01-01' })).error).toMatchObject({ code: 'bad-filter' })
  })
})

describe('SearchIndex: updates', () => {
  it('updates highlights: comment, tags only, removal', async () => {
    const index = build()
    const h2 = highlights[1]!
    index.updateHighlight({ ...h2, comment: 'Sparta II seen here' })
    expect(ids(await index.search('Sparta'))).toEqual([h2.id])
    expect(ids(await index.search('spelled'))).toEqual([])
    index.updateHighlight({ ...h2, comment: 'Sparta II seen here', tagIds: [BASES] })
    expect(ids(await index.search('Sparta', { tagIds: [BASES] }))).toEqual([h2.id])
    index.removeHighlight(h2.id)
    expect(ids(await index.search('Sparta'))).toEqual([])
    expect(ids(await index.search('Tartous', { tagIds: [BASES] }))).toEqual([])
  })

  it('removing an article removes its highlights; re-adding replaces it', async () => {
    const index = build()
    index.removeArticle(A1)
    expect(ids(await index.search('Tartus'))).toEqual([])
    expect(index.highlightCount).toBe(2)
    index.addArticle({ ...articles[1]!, title: 'Renamed report' }, BODIES[A2]!)
    expect(ids(await index.search('renamed'))).toEqual([A2])
    expect(ids(await index.search('Aircraft', { kinds: ['article'] }))).toEqual([A2]) // still in the body
    expect(index.articleCount).toBe(2)
  })
})

describe('SearchIndex: persistence and staleness', () => {
  /** The parts as a save writes them and a load reads them back (JSON for the head and shards). */
  const saved = (index: SearchIndex) => {
    const parts = index.toParts('all')
    const shards = new Map([...parts.shards].map(([k, v]) => [k, JSON.parse(JSON.stringify(v)) as ShardEntries]))
    return { head: JSON.parse(JSON.stringify(parts.head)) as unknown, filters: parts.filters.slice(), shards }
  }

  it('round-trips through its parts with the same results and fingerprint, and stays incremental', async () => {
    const index = build()
    const { head, filters, shards } = saved(index)
    const loaded = SearchIndex.fromParts(head, filters, [...shards.values()], { getText: (id) => BODIES[id] ?? null })
    expect(loaded.ok).toBe(true)
    if (!loaded.ok) return
    expect(loaded.index.complete).toBe(true)
    expect(loaded.index.fingerprint()).toBe(index.fingerprint())
    for (const q of ['Tartus', '"naval base"', 'withdr*', 'Sohtaoglu']) {
      expect(await loaded.index.search(q), q).toEqual(await index.search(q))
    }
    expect(ids(await loaded.index.search('Tartus', { tagIds: [BASES] }))).toEqual([A1, highlights[0]!.id].sort())
    loaded.index.removeHighlight(highlights[0]!.id)
    expect(ids(await loaded.index.search('thread'))).toEqual([])
  })

  it('partly loaded, a search reads only the shards of its words, and gives the same results', async () => {
    const index = build()
    const { head, filters, shards } = saved(index)
    const asked: string[] = []
    const loader = (keys: readonly string[]) => {
      asked.push(...keys)
      return Promise.resolve(keys.map((k) => shards.get(k) ?? []))
    }
    const loaded = SearchIndex.fromParts(head, filters, loader, { getText: (id) => BODIES[id] ?? null })
    if (!loaded.ok) throw new Error(loaded.message)
    expect(loaded.index.complete).toBe(false)
    expect(await loaded.index.search('Tartus')).toEqual(await index.search('Tartus'))
    expect(asked).toEqual(['ta'])
    for (const q of ['"naval base"', 'withdr*', 'Sohtaoglu', 'Tartus convoy']) {
      expect(await loaded.index.search(q), q).toEqual(await index.search(q))
    }
    expect(new Set(asked)).toEqual(new Set(['ta', 'na', 'ba', 'wi', 'so', 'co']))
    expect(asked.length).toBe(new Set(asked).size) // each shard loaded once
  })

  it('partly loaded, changes like a whole index: added postings merge with the shards loaded or saved later', async () => {
    const A4 = 'a-000000000d' as ArticleId
    const body = 'Frigates left Tartus for Zhytomyr; the convoy withdrew.'
    const added: ArticleInput = { id: A4, title: 'Frigates leave', outlet: null, published: '2025-03-01', bodyHash: 'h4' }
    const whole = build((id) => (id === A4 ? body : (BODIES[id] ?? null)))
    const { head, filters, shards } = saved(whole)
    const loaded = SearchIndex.fromParts(head, filters, (keys) => Promise.resolve(keys.map((k) => structuredClone(shards.get(k) ?? []))), { getText: (id) => (id === A4 ? body : (BODIES[id] ?? null)) })
    if (!loaded.ok) throw new Error(loaded.message)
    const partial = loaded.index
    for (const index of [whole, partial]) {
      index.addArticle(added, body)
      index.removeHighlight(highlights[1]!.id)
    }
    expect(partial.complete).toBe(false)
    // 'zh' is a new shard; 'ta', 'fr' and 'co' are saved ones not loaded when the article came.
    for (const q of ['Tartus', 'convoy', 'frigates', 'Zhytomyr', 'Tartous', 'withdr*']) expect(await partial.search(q), q).toEqual(await whole.search(q))
    const fresh = SearchIndex.fromParts(head, filters, (keys) => Promise.resolve(keys.map((k) => structuredClone(shards.get(k) ?? []))), { getText: (id) => (id === A4 ? body : (BODIES[id] ?? null)) })
    if (!fresh.ok) throw new Error(fresh.message)
    // Saved without a search in between (a search drops a removed document's postings as it meets them).
    const again = build((id) => (id === A4 ? body : (BODIES[id] ?? null)))
    for (const index of [again, fresh.index]) {
      index.addArticle(added, body)
      index.removeHighlight(highlights[1]!.id)
    }
    const dirty = fresh.index.toParts('dirty')
    // A saved shard never loaded is read and merged when written, not before.
    expect(dirty.dirty).toContain('ta')
    expect(dirty.shards.has('ta')).toBe(false)
    const all = again.toParts('all')
    expect(await dirty.shard('ta')).toEqual(all.shard('ta'))
    expect(await dirty.shard('fr')).toEqual(all.shard('fr'))
    expect(dirty.shards.get('zh')).toEqual(all.shard('zh'))
  })

  it('saves only the shards whose terms changed since the last save', () => {
    const index = build()
    index.toParts('all')
    expect(index.toParts('dirty').shards.size).toBe(0)
    const h = highlights[0]!
    index.updateHighlight({ ...h, comment: 'Zebra crossing' })
    // The highlight is indexed again: the shards of its quote's and its new comment's words.
    const words = splitWords(foldText(`${h.target.exact} Zebra crossing`)).filter((w) => !STOP_WORDS.has(w))
    const expected = [...new Set(words.map(shardKeyOf))].sort()
    expect(expected).toEqual(expect.arrayContaining(['cr', 'ze']))
    expect([...index.toParts('dirty').shards.keys()].sort()).toEqual(expected)
    index.markDirty(['xy'])
    expect([...index.toParts('dirty').shards.keys()]).toEqual([]) // 'xy' holds no term
  })

  it('refuses other versions and damaged parts without throwing', () => {
    const index = build()
    const { head, filters, shards } = saved(index)
    const data = head as Record<string, unknown> & { articles: unknown[] }
    const getText = () => null
    const all = [...shards.values()]
    expect(SearchIndex.fromParts({ ...data, version: INDEX_FORMAT_VERSION + 1 }, filters, all, { getText })).toMatchObject({ ok: false, reason: 'outdated' })
    expect(SearchIndex.fromParts({ ...data, tokenizer: 0 }, filters, all, { getText })).toMatchObject({ ok: false, reason: 'outdated' })
    expect(SearchIndex.fromParts({ hello: 1 }, filters, all, { getText })).toMatchObject({ ok: false, reason: 'not-an-index' })
    expect(SearchIndex.fromParts(null, filters, all, { getText })).toMatchObject({ ok: false, reason: 'not-an-index' })
    expect(SearchIndex.fromParts({ ...data, articles: data.articles.slice(1) }, filters, all, { getText })).toMatchObject({ ok: false, reason: 'corrupt' })
    expect(SearchIndex.fromParts(data, filters.subarray(1), all, { getText })).toMatchObject({ ok: false, reason: 'corrupt' })
    expect(SearchIndex.fromParts({ ...data, mini: { documentCount: 1, nextId: 1, serializationVersion: 99 } }, filters, all, { getText })).toMatchObject({ ok: false, reason: 'corrupt' })
  })

  it('has a fingerprint the notebook can compute without an index, changing with content', () => {
    const index = build()
    expect(index.fingerprint()).toBe(SearchIndex.fingerprintOf(articles, highlights))
    expect(SearchIndex.fingerprintOf([...articles].reverse(), [...highlights].reverse())).toBe(index.fingerprint())
    const changed = highlights.map((h, i) => (i === 0 ? { ...h, tagIds: [CONVOYS] } : h))
    expect(SearchIndex.fingerprintOf(articles, changed)).not.toBe(index.fingerprint())
    const retitled = articles.map((a, i) => (i === 2 ? { ...a, title: 'Another title' } : a))
    expect(SearchIndex.fingerprintOf(retitled, highlights)).not.toBe(index.fingerprint())
    expect(index.fingerprint()).toMatch(/^\d+\.\d+-3-4-[0-9a-f]{16}$/)
  })

  it('lists what changed and reconciles only that', async () => {
    const index = build()
    const A4 = 'a-000000000e' as ArticleId
    const nowArticles = [articles[0]!, { ...articles[1]!, bodyHash: 'h2-new' }, { id: A4, title: 'Ships return', outlet: null, published: null, bodyHash: 'h4' }]
    const nowHighlights = [highlights[0]!, { ...highlights[3]!, comment: 'changed' }, hl(5, A4, 'Ships return', [])]
    const bodies: Record<string, string> = { ...BODIES, [A2]: 'New text about Baniyas.', [A4]: 'Ships return to Sevastopol.' }
    const reads: string[] = []
    const live = new SearchIndex({ getText: (id) => (reads.push(id), bodies[id] ?? null) })
    for (const a of articles) live.addArticle(a, BODIES[a.id]!)
    for (const h of highlights) live.addHighlight(h)
    const diff = live.diff(nowArticles, nowHighlights)
    expect(diff).toEqual({
      articlesToIndex: [A2, A4],
      articlesToRemove: [A3],
      highlightsToIndex: [highlights[3]!.id, nowHighlights[2]!.id],
      highlightsToRemove: [highlights[1]!.id, highlights[2]!.id],
    })
    await live.reconcile(nowArticles, nowHighlights)
    expect(reads.sort()).toEqual([A2, A4])
    expect(live.fingerprint()).toBe(SearchIndex.fingerprintOf(nowArticles, nowHighlights))
    expect(ids(await live.search('Baniyas'))).toEqual([A2])
    expect(ids(await live.search('Sevastopol'))).toEqual([A4])
    expect(ids(await live.search('Khmeimim'))).toEqual([])
    expect(index.fingerprint()).not.toBe(live.fingerprint())

    // A full build is a reconcile of an empty index.
    const fresh = new SearchIndex({ getText: (id) => bodies[id] ?? null })
    await fresh.reconcile(nowArticles, nowHighlights)
    expect(fresh.fingerprint()).toBe(live.fingerprint())
  })

  it('folds queries and documents the same way', () => {
    expect(foldText('Sohtaoğlu')).toBe(parseQuery('Sohtaoğlu').clauses.map((c) => (c.kind === 'term' ? c.term : ''))[0])
  })
})
