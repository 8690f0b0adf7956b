import { describe, expect, it } from 'vitest'
import type { ArticleId, HighlightId, TagId } from '../ids'
import { parseJsonInSlices } from '../json-in-slices'
import { INDEX_FORMAT_VERSION, SearchIndex, type ArticleInput, type HighlightInput, type LoadResult, type ShardEntries } from './search-index'

// SearchIndex.fromPartsInSlices (the app's main thread reads a saved index this way) against
// fromParts: the same index, or the same failure, with turns of the event loop between.

const WORDS = ['Tartus', 'Khmeimim', 'port', 'convoy', 'frigate', 'base', 'talks', 'Latakia', 'runway', 'supply', 'naval', 'flights']
const TAG = 't-bases' as TagId
const articles: ArticleInput[] = Array.from({ length: 40 }, (_, i) => ({
  id: `a-${String(i).padStart(10, '0')}` as ArticleId,
  title: `Report ${i} on ${WORDS[i % WORDS.length]}`,
  outlet: i % 3 === 0 ? null : `Outlet ${i % 5}`,
  published: i % 4 === 0 ? null : `2025-0${1 + (i % 9)}-1${i % 10}`,
  bodyHash: `h${i}`,
}))
const body = (i: number) => Array.from({ length: 60 }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ') + '.'
// More highlights than one slice of checks (500) and of restored documents (2,000).
const highlights: HighlightInput[] = Array.from({ length: 2600 }, (_, n) => ({
  id: `h-${String(n).padStart(10, '0')}` as HighlightId,
  articleId: articles[n % articles.length]!.id,
  target: { exact: `${WORDS[n % WORDS.length]} ${WORDS[(n * 5) % WORDS.length]} number ${n}` },
  comment: n % 7 === 0 ? `see ${WORDS[(n * 3) % WORDS.length]}` : '',
  tagIds: n % 2 === 0 ? [TAG] : [],
}))
const getText = (id: ArticleId) => body(articles.findIndex((a) => a.id === id))

function built(): SearchIndex {
  const index = new SearchIndex({ getText })
  articles.forEach((a, i) => index.addArticle(a, body(i)))
  for (const h of highlights) index.addHighlight(h)
  return index
}

/** The parts as saved and read back (JSON), and a loader of their shards. */
function saved(index: SearchIndex) {
  const parts = index.toParts('all')
  const shards = new Map([...parts.shards].map(([k, v]) => [k, JSON.parse(JSON.stringify(v)) as ShardEntries]))
  return { head: JSON.parse(JSON.stringify(parts.head)) as Record<string, unknown> & { highlights: unknown[][] }, filters: parts.filters.slice(), load: (keys: readonly string[]) => Promise.resolve(keys.map((k) => structuredClone(shards.get(k) ?? []))) }
}

function counted() {
  const c = { turns: 0, turn: () => ((c.turns += 1), Promise.resolve()) }
  return c
}

const verdict = (r: LoadResult) => (r.ok ? 'ok' : r.reason)

describe('SearchIndex.fromPartsInSlices', () => {
  const index = built()
  const { head, filters, load } = saved(index)

  it('loads the same index as fromParts (fingerprint and results), turning the event loop as it goes', async () => {
    const c = counted()
    const sliced = await SearchIndex.fromPartsInSlices(head, filters, load, { getText }, c.turn)
    const whole = SearchIndex.fromParts(head, filters, load, { getText })
    if (!sliced.ok || !whole.ok) throw new Error('not loaded')
    expect(sliced.index.fingerprint()).toBe(whole.index.fingerprint())
    expect(sliced.index.fingerprint()).toBe(index.fingerprint())
    for (const q of ['Tartus', '"naval base"', 'convoy OR frigate', 'number', 'see', 'runw*']) {
      expect(await sliced.index.search(q), q).toEqual(await whole.index.search(q))
    }
    expect(await sliced.index.search('Khmeimim', { tagIds: [TAG] })).toEqual(await whole.index.search('Khmeimim', { tagIds: [TAG] }))
    // 2,640 documents: checked 500 at a time, restored 2,000 at a time.
    expect(c.turns).toBeGreaterThanOrEqual(Math.ceil(40 / 500) + Math.ceil(2600 / 500) + 2)
  })

  it('refuses what fromParts refuses, for the same reason, a damaged document deep in the head included', async () => {
    const rows = head.highlights
    const cases: unknown[] = [
      { ...head, version: INDEX_FORMAT_VERSION + 1 },
      { ...head, tokenizer: 0 },
      { hello: 1 },
      null,
      [],
      { ...head, articles: (head.articles as unknown[]).slice(1) },
      { ...head, highlights: rows.map((r, i) => (i === 2300 ? [r[0], r[1], 42, ...r.slice(3)] : r)) },
      { ...head, highlights: rows.map((r, i) => (i === 1999 ? [...r.slice(0, 5), 'not a stamp', ...r.slice(6)] : r)) },
      { ...head, highlights: 'none' },
      { ...head, mini: { documentCount: 1, nextId: 1, serializationVersion: 99 } },
      { ...head, fingerprint: 'another' },
    ]
    for (const [i, damaged] of cases.entries()) {
      const whole = SearchIndex.fromParts(damaged, filters, load, { getText })
      const sliced = await SearchIndex.fromPartsInSlices(damaged, filters, load, { getText }, counted().turn)
      expect(verdict(sliced), `case ${i}`).toBe(verdict(whole))
      expect(verdict(whole), `case ${i}`).not.toBe('ok')
    }
    expect(verdict(await SearchIndex.fromPartsInSlices(head, filters.subarray(1), load, { getText }, counted().turn))).toBe('corrupt')
  })

  it('reads a head parsed in slices (parseJsonInSlices) as one parsed whole', async () => {
    const text = JSON.stringify(head)
    const parsed = await parseJsonInSlices(text, counted().turn, 1024)
    const sliced = await SearchIndex.fromPartsInSlices(parsed, filters, load, { getText }, counted().turn)
    if (!sliced.ok) throw new Error(sliced.message)
    expect(sliced.index.fingerprint()).toBe(index.fingerprint())
    expect(await sliced.index.search('Latakia')).toEqual(await index.search('Latakia'))
  })
})
