import { describe, expect, it } from 'vitest'
import type { ArticleId, HighlightId, TagId } from '../ids'
import { BuilderScratch, IndexBuilder, type Alloc } from './index-builder'
import { mergeParts } from './merge-parts'
import { SearchIndex, type ArticleInput, type HighlightInput, type IndexParts, type ShardEntries, type TextRange } from './search-index'

// Our own fixture prose: spellings vary, some words repeat, one article has page furniture,
// one is empty, one is Arabic, and a few terms are one character long.
const TEXTS = [
  'Two landing ships were seen leaving the naval base in Tartus on Tuesday.\n\nAnalyst Ömer Sohtaoğlu said the withdrawal had begun in December; a convoy passed at night.',
  'Satellite pictures show aircraft parked at Hmeimim, and ships off Tartous. The ministry said the troops had been withdrawn “as planned”.',
  'Related: Ports of the Levant\nThe base, which was naval in name only, stood empty. Khmeimim remained busy with transport flights.\nSubscribe to our newsletter',
  '',
  'قال مسؤولون إن السفن غادرت ميناء طرطوس يوم الثلاثاء. x y z 7 km from the port of Baniyas.',
  'Convoys convoy convoyed: a, b and c columns moved; the talks were “frank and useful”. Tartus Tartus Tartus.',
]
const FURNITURE: Record<number, TextRange[]> = { 2: [{ start: 0, end: 28 }, { start: 128, end: 155 }] }
const TAG = 't-bases' as TagId

const articles: ArticleInput[] = TEXTS.map((_, i) => ({
  id: `a-00000000${i}0` as ArticleId,
  title: ['Russian ships leave Tartus', 'Aircraft at Hmeimim', 'An empty base', 'Untitled', 'طرطوس', 'Convoys and talks'][i]!,
  outlet: i % 2 === 0 ? 'Harbour Watch' : null,
  published: i === 3 ? null : `2025-0${i + 1}-1${i}`,
  bodyHash: `h${i}`,
}))
const highlights: HighlightInput[] = [
  { id: 'h-0000000010' as HighlightId, articleId: articles[0]!.id, target: { exact: 'the naval base in Tartus' }, comment: 'Key claim', tagIds: [TAG] },
  { id: 'h-0000000020' as HighlightId, articleId: articles[1]!.id, target: { exact: 'ships off Tartous' }, comment: '', tagIds: [] },
  { id: 'h-0000000030' as HighlightId, articleId: articles[4]!.id, target: { exact: 'ميناء طرطوس' }, comment: 'Arabic spelling', tagIds: [TAG] },
]
const getText = (id: ArticleId) => TEXTS[articles.findIndex((a) => a.id === id)] ?? null
const getFurniture = (a: ArticleInput) => FURNITURE[articles.indexOf(a)] ?? []

/** The index as the app built it until now: MiniSearch in this thread, through reconcile. */
async function builtInProcess(): Promise<{ index: SearchIndex; parts: IndexParts }> {
  const index = new SearchIndex({ getText, getFurniture })
  await index.reconcile(articles, highlights)
  return { index, parts: index.toParts('all') }
}

/** The same documents through the builder, split into `cut` parts as worker threads would build them. */
function builtInParts(cuts: number[], oneThread = false): IndexParts {
  const docs = [...articles.map((a) => ({ a })), ...highlights.map((h) => ({ h }))]
  const bounds = [0, ...cuts, docs.length]
  // As a worker builds its parts: one scratch for them all, their arrays in shared memory.
  const scratch = new BuilderScratch()
  const alloc: Alloc = (length) => new Int32Array(new SharedArrayBuffer(length * 4))
  const parts = bounds.slice(1).map((end, k) => {
    const builder = oneThread ? new IndexBuilder(bounds[k]!, scratch) : new IndexBuilder(bounds[k]!)
    for (const d of docs.slice(bounds[k]!, end)) {
      if ('a' in d) builder.addArticle(d.a, getText(d.a.id) ?? '', getFurniture(d.a))
      else builder.addHighlight(d.h)
    }
    // Across a worker boundary the part is copied (structured clone): so here.
    return structuredClone(oneThread ? builder.part(alloc) : builder.part())
  })
  return mergeParts(parts)
}

/** A saved index as a search loads it: head and filters, shards read as its words need them. */
function loadedBack(parts: IndexParts): SearchIndex {
  const shards = new Map(parts.head.shards.map((key) => [key, JSON.parse(JSON.stringify(parts.shard(key))) as ShardEntries] as const))
  const loaded = SearchIndex.fromParts(json(parts.head), parts.filters.slice(), (keys) => Promise.resolve(keys.map((k) => shards.get(k) ?? [])), { getText })
  if (!loaded.ok) throw new Error(loaded.message)
  return loaded.index
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown

describe('IndexBuilder (the off-thread build)', () => {
  it.each([
    ['one part', []],
    ['two parts split among the articles', [3]],
    ['three parts, one boundary between articles and highlights', [2, 6]],
    ['four parts built one after another on one scratch, in shared memory', [1, 4, 6], true],
  ])('saves the same head, filters and postings as the in-process build (%s)', async (_, cuts, oneThread = false) => {
    const old = await builtInProcess()
    const built = builtInParts(cuts, oneThread)
    expect(json(built.head)).toEqual(json(old.parts.head))
    expect([...built.filters]).toEqual([...old.parts.filters])
    expect(built.head.shards.length).toBeGreaterThan(10)
    for (const key of old.parts.head.shards) {
      expect(built.shard(key)).toEqual(old.parts.shard(key))
      // The bytes a build writes are exactly the JSON of the in-process build's shard, as UTF-8.
      expect(new TextDecoder('utf-8', { fatal: true }).decode(built.shardBytes?.(key))).toBe(JSON.stringify(old.parts.shard(key)))
      expect([...built.shardBytes!(key)]).toEqual([...new TextEncoder().encode(JSON.stringify(old.parts.shard(key)))])
    }
  })

  it('answers every query as the in-process build does, both saved and loaded back', async () => {
    const old = loadedBack((await builtInProcess()).parts)
    const built = loadedBack(builtInParts([3]))
    for (const query of ['Tartus', 'tartous', 'naval base', '"naval base"', 'conv*', 'ships -Hmeimim', 'طرطوس', 'Tartus OR Khmeimim', 'newsletter', 'x', 'talks frank']) {
      for (const includeFurniture of [false, true]) {
        const want = await old.search(query, { includeFurniture, limit: 50 })
        const got = await built.search(query, { includeFurniture, limit: 50 })
        if (query === 'Tartus') expect(got.total).toBe(3)
        expect(got, `${query} (furniture ${includeFurniture})`).toEqual(want)
      }
    }
  })
})
