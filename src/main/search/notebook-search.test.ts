import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { foldText, splitWords, STOP_WORDS } from '../../core/search/fold'
import { shardKeyOf } from '../../core/search/shard-keys'
import type { SearchHit, SearchResponse } from '../../core/search/types'
import { NotebookSession } from '../notebook-session'
import { BASES, CONVOYS, FONTS, openTestNotebook, type TestNotebook } from '../tags/tag-test-notebook'
import { NotebookSearch, SEARCH_DIR, type NotebookSearchQuery } from './notebook-search'

let nb: TestNotebook
let search: NotebookSearch | null

/** The saved index's head (search-index/head.json: see index-files.ts). */
const indexFile = () => join(nb.dir, SEARCH_DIR, 'head.json')
const open = (options: Parameters<typeof NotebookSearch.open>[1] = {}) => (search = NotebookSearch.open(nb.session.store, { persistDelayMs: 60_000, ...options }))
const find = (query: string, filters: Omit<NotebookSearchQuery, 'query'> = {}): Promise<SearchResponse> => search!.search({ query, ...filters })
const ids = (response: SearchResponse) => response.hits.map((h) => h.id)
/** The snippet with its matches in [brackets], as a user would read them. */
const marked = (hit: SearchHit) => {
  const s = hit.snippet!
  let out = ''
  let at = 0
  for (const [a, b] of s.ranges) {
    out += `${s.text.slice(at, a)}[${s.text.slice(a, b)}]`
    at = b
  }
  return out + s.text.slice(at)
}

/**
 * A response with a prefix's matched terms in one order and scores to 12 digits: an index
 * read from its files meets a prefix's terms in term order, one built in memory in the
 * order it added them, and sums their scores in that order (the last bit differs).
 */
const sameOrder = (r: SearchResponse) => ({ ...r, hits: r.hits.map((h) => ({ ...h, score: Number(h.score.toPrecision(12)), terms: [...h.terms].sort() })) })

/** Closes the session and opens the same notebook again, as the next run of the app does. */
async function reopen(options: { readOnly?: boolean } = {}): Promise<void> {
  await search?.close()
  search = null
  await nb.session.close()
  const session = await NotebookSession.open(nb.dir, { fontsDir: FONTS }, { readOnly: options.readOnly, create: false })
  nb = { ...nb, session }
}

beforeEach(async () => {
  nb = await openTestNotebook()
  search = null
})
afterEach(async () => {
  await search?.close()
  await nb.session.close()
})

describe('building, persisting and loading the index', () => {
  it('builds the index in the background on first open and finds words in titles and bodies', async () => {
    expect(existsSync(indexFile())).toBe(false)
    open()
    expect(await search!.whenReady()).toBe('built')
    const response = await find('Tartus')
    expect(response.error).toBeNull()
    expect(new Set(ids(response))).toEqual(new Set([nb.convoy, nb.talks]))
  })

  it('builds the index in worker threads, and it answers as the index built in this thread did', async () => {
    const inMemory = (() => {
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
      const refused = () => Promise.reject(new Error('no workers here'))
      const old = NotebookSearch.open(nb.session.store, { persistDelayMs: 60_000, write: refused, workers: { buildSearchIndex: refused } })
      return { old, errors }
    })()
    open()
    expect(await search!.whenReady()).toBe('built')
    expect(existsSync(indexFile())).toBe(true)
    for (const query of ['Tartus', 'Khmeimim', '"naval base"', 'con*', 'Tartus -convoy', 'Damascus OR Latakia', 'checkpoint']) {
      for (const includeFurniture of [false, true]) {
        expect(sameOrder(await find(query, { includeFurniture, limit: 50 })), query).toEqual(sameOrder(await inMemory.old.search({ query, includeFurniture, limit: 50 })))
      }
    }
    expect((await find('Tartus')).total).toBeGreaterThan(0)
    await inMemory.old.close()
    inMemory.errors.mockRestore()
  })

  it('writes the index a moment after changes, and a second open uses the file without reading bodies again', async () => {
    open({ persistDelayMs: 10 })
    await search!.whenReady()
    await vi.waitFor(() => expect(existsSync(indexFile())).toBe(true))
    expect(JSON.parse(readFileSync(indexFile(), 'utf8'))).toMatchObject({ index: { format: 'dossier-search-index' } })

    await reopen()
    const readBody = vi.spyOn(nb.session.store, 'readBody')
    open()
    expect(await search!.whenReady()).toBe('cache')
    expect(readBody).not.toHaveBeenCalled()
    expect(ids(await find('Khmeimim'))).toEqual([nb.convoy])
  })

  it('reads a saved index in slices (the app) or whole (the CLI) to the same results, and a damaged one is rebuilt either way', async () => {
    open({ persistDelayMs: 1 })
    await search!.close()
    const answers = async (inSlices: boolean) => {
      open({ inSlices })
      expect(await search!.whenReady()).toBe('cache')
      const found = await Promise.all(['Khmeimim', 'Tartus', '"naval base"', 'Damascus'].map((q) => find(q)))
      await search!.close()
      return found
    }
    expect(await answers(true)).toEqual(await answers(false))
    for (const inSlices of [true, false]) {
      writeFileSync(indexFile(), readFileSync(indexFile(), 'utf8').replace('"articles":[[', '"articles":[[1,'))
      open({ inSlices })
      expect(await search!.whenReady()).toBe('rebuilt-corrupt')
      expect(ids(await find('Damascus'))).toEqual([nb.talks])
      await search!.close()
    }
  })

  it('on open, indexes only what changed in the notebook since the file was written', async () => {
    open()
    await search!.whenReady()
    await reopen()
    // The CLI imports an article while the app is closed (no index open).
    await nb.session.importContents([{ name: 'lease.txt', bytes: new TextEncoder().encode('Lease of the Tartus port\n\nThe lease runs forty-nine years.') }])
    await reopen()
    const readBody = vi.spyOn(nb.session.store, 'readBody')
    open()
    expect(await search!.whenReady()).toBe('cache')
    expect(readBody).toHaveBeenCalledTimes(1)
    expect(await find('forty-nine')).toMatchObject({ hits: [{ kind: 'article' }], total: 1 })
  })

  it('rebuilds a damaged or outdated cache file instead of failing, and replaces it', async () => {
    open({ persistDelayMs: 1 })
    await search!.close()
    writeFileSync(indexFile(), '{"files":{"filters":"x","shards":{}},"index":{"format":"dossier-search-index","version":1,"tok')
    open()
    expect(await search!.whenReady()).toBe('rebuilt-corrupt')
    expect(ids(await find('Damascus'))).toEqual([nb.talks])
    await search!.close()
    const saved = JSON.parse(readFileSync(indexFile(), 'utf8')) as { index: { version: number } }
    expect(saved).toMatchObject({ index: { format: 'dossier-search-index' } })
    expect(nb.session.openReport.recovered).toEqual([])

    writeFileSync(indexFile(), JSON.stringify({ ...saved, index: { ...saved.index, version: saved.index.version + 1 } }))
    open()
    expect(await search!.whenReady()).toBe('rebuilt-outdated')
    expect(ids(await find('Damascus'))).toEqual([nb.talks])
  })

  it('read-only (the CLI), writes the index it had to build, then searches it loading only the shards of its words', async () => {
    await reopen({ readOnly: true })
    open({ persistDelayMs: 60_000 })
    expect(ids(await find('Damascus'))).toEqual([nb.talks])
    await search!.close()
    expect(existsSync(indexFile())).toBe(true)

    await reopen({ readOnly: true })
    const readBody = vi.spyOn(nb.session.store, 'readBody')
    open()
    expect(await search!.whenReady()).toBe('cache-partial')
    expect(ids(await find('Damascus'))).toEqual([nb.talks])
    expect(readBody).toHaveBeenCalledTimes(1) // the snippet of the one hit
    await search!.close()

    // The notebook changed since (a highlight saved): the index is loaded whole, brought up to date and saved again.
    await reopen()
    await nb.session.highlightQuote({ articleId: nb.talks, quote: 'second round of talks', tagNames: ['Bases'], comment: 'zanzibar' })
    await reopen({ readOnly: true })
    open()
    expect(await search!.whenReady()).toBe('cache')
    expect(await find('zanzibar')).toMatchObject({ hits: [{ kind: 'highlight' }] })
    await search!.close()
    await reopen({ readOnly: true })
    open()
    expect(await search!.whenReady()).toBe('cache-partial')
    expect(await find('zanzibar')).toMatchObject({ hits: [{ kind: 'highlight' }] })
  })

  it('rewrites only the shards that changed, and removes the old ones only when they are old', async () => {
    open({ persistDelayMs: 1 })
    await search!.close()
    const before = new Set(readdirSync(join(nb.dir, SEARCH_DIR)))
    await reopen()
    open({ persistDelayMs: 1 })
    await search!.whenReady()
    await nb.session.highlightQuote({ articleId: nb.talks, quote: 'second round of talks', tagNames: ['Bases'], comment: 'quixotic' })
    await search!.close()
    const after = readdirSync(join(nb.dir, SEARCH_DIR))
    const added = after.filter((n) => !before.has(n))
    // The shards of the highlight's words (its quote's and its comment's) changed; no other.
    const words = new Set(splitWords(foldText('second round of talks quixotic')).filter((w) => !STOP_WORDS.has(w)).map(shardKeyOf))
    expect(added.filter((n) => n.startsWith('t-')).length).toBe(words.size)
    // The shards they replace are kept for now (a reader may be reading them).
    expect(after.filter((n) => n.startsWith('t-')).length).toBe([...before].filter((n) => n.startsWith('t-')).length + words.size)
  })

  it('keeps searching when the file cannot be written', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const refused = () => Promise.reject(new Error('EACCES: permission denied'))
    open({ write: refused, workers: { buildSearchIndex: refused } })
    expect(ids(await find('Damascus'))).toEqual([nb.talks])
    await search!.close()
    expect(existsSync(indexFile())).toBe(false)
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('building it in memory'), expect.any(Error))
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('Could not write the search index'), expect.any(Error))
    errors.mockRestore()
  })
})

describe('following changes to the notebook without reopening', () => {
  it('adds, changes and removes highlights as they are saved', async () => {
    open()
    await search!.whenReady()
    const s = nb.session
    const h = await s.highlightQuote({ articleId: nb.convoy, quote: 'stopped at a checkpoint', tagNames: ['Convoys'], comment: 'remarkable detail' })
    expect(await find('remarkable')).toMatchObject({ hits: [{ kind: 'highlight', id: h.id, field: 'comment' }] })
    expect(ids(await find('checkpoint', { kinds: ['highlight'] }))).toEqual([h.id])

    await s.updateHighlight({ highlightId: h.id, comment: 'unusual detail', tagIds: [BASES] })
    expect((await find('remarkable')).hits).toEqual([])
    expect(ids(await find('unusual', { tagIds: [BASES] }))).toEqual([h.id])
    expect((await find('unusual', { tagIds: [CONVOYS] })).hits).toEqual([])

    await s.deleteHighlight(h.id)
    expect((await find('unusual')).hits).toEqual([])
    await s.restoreHighlight(h)
    expect(ids(await find('remarkable'))).toEqual([h.id])
  })

  it('indexes imported articles, edited metadata and deleted articles', async () => {
    open()
    await search!.whenReady()
    const s = nb.session
    const report = await s.importContents([{ name: 'port.txt', bytes: new TextEncoder().encode('Ships at the port of Latakia\n\nCargo ships unloaded grain.') }])
    const port = report.items[0]!.articleId!
    expect(ids(await find('Latakia'))).toEqual([port])

    await s.updateArticleMeta(port, { title: 'Grain arrives in Baniyas', outlet: 'Enab Baladi', published: '2025-02-03' })
    expect(ids(await find('Baniyas'))).toEqual([port])
    expect(ids(await find('grain', { outlets: ['enab baladi'] }))).toEqual([port])
    expect((await find('grain', { from: '2025-03-01' })).hits).toEqual([])

    const h = await s.highlightQuote({ articleId: port, quote: 'Cargo ships', tagNames: ['Convoys'], comment: '' })
    await s.deleteArticle(port)
    expect((await find('grain')).hits).toEqual([])
    expect(ids(await find('cargo'))).toEqual([])
    await s.restoreArticle(port)
    expect(new Set(ids(await find('cargo')))).toEqual(new Set([port, h.id]))
  })

  it('writes the changes on close, so the next open loads them from the file', async () => {
    open()
    await search!.whenReady()
    await nb.session.highlightQuote({ articleId: nb.talks, quote: 'lease terms', tagNames: ['Negotiations'], comment: 'forty-nine year lease' })
    await reopen()
    expect(readFileSync(indexFile(), 'utf8')).toContain('forty-nine year lease')
    open()
    expect(await search!.whenReady()).toBe('cache')
    expect(await find('forty-nine')).toMatchObject({ hits: [{ kind: 'highlight' }] })
  })
})

describe('what a search finds', () => {
  beforeEach(async () => {
    open()
    await nb.session.highlightQuote({ articleId: nb.convoy, quote: 'Thirty trucks left Khmeimim', tagNames: ['Convoys'], comment: '' })
    await nb.session.highlightQuote({ articleId: nb.talks, quote: 'Tartus naval base', tagNames: ['Bases'], comment: '' })
  })

  it('ignores diacritics: "Sohtaoglu" finds "Sohtaoğlu"', async () => {
    const [hit] = (await find('Sohtaoglu')).hits
    expect(hit).toMatchObject({ kind: 'article', id: nb.convoy })
    expect(marked(hit!)).toContain('Ayla [Sohtaoğlu] reported')
  })

  it('finds words by prefix and phrases in order', async () => {
    const [prefix] = (await find('withdr*')).hits
    expect(marked(prefix!)).toContain('the [withdrawal] of equipment')
    expect(ids(await find('"naval base"', { kinds: ['article'] }))).toEqual([nb.talks])
    expect((await find('"base naval"')).hits).toEqual([])
  })

  it('filters highlight hits by tag', async () => {
    expect((await find('Tartus')).hits.map((h) => h.kind).sort()).toEqual(['article', 'article', 'highlight'])
    const tagged = await find('Tartus', { kinds: ['highlight'], tagIds: [BASES] })
    expect(tagged.hits).toMatchObject([{ kind: 'highlight', articleId: nb.talks }])
    expect((await find('Tartus', { kinds: ['highlight'], tagIds: [CONVOYS] })).hits).toEqual([])
  })

  it('returns a query error in the response instead of throwing', async () => {
    const response = await find('   ')
    expect(response.hits).toEqual([])
    expect(response.error).toMatchObject({ code: 'empty' })
  })

  it('answers through the session too', async () => {
    const response = await nb.session.search({ query: 'Khmeimim', kinds: ['highlight'] })
    expect(response.hits).toMatchObject([{ kind: 'highlight', articleId: nb.convoy }])
  })
})
