import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest'
import { highlightInput } from '../../core/search/doc-store'
import { ANNOTATIONS_DIR } from '../storage/layout'
import { openTestNotebook, type TestNotebook } from '../tags/tag-test-notebook'
import { IndexWorkers, joinMentions, type IndexedHighlight } from './build-in-worker'
import { SearchIndex } from '../../core/search/search-index'
import { notebookState, readIndexFiles, SEARCH_DIR, shardLoader, type IndexFiles } from './index-files'
import type { CompactMentions } from './index-jobs'

/** Each article's mentions as [entity, start, end, spelling], read back from the compact form. */
function decoded(m: CompactMentions): [string, number, number, string][][] {
  const out: [string, number, number, string][][] = []
  for (let k = 0; k + 1 < m.offsets.length; k++) {
    const rows: [string, number, number, string][] = []
    for (let r = m.offsets[k]! * 4; r < m.offsets[k + 1]! * 4; r += 4) rows.push([m.entityIds[m.rows[r]!]!, m.rows[r + 1]!, m.rows[r + 2]!, m.spellings[m.rows[r + 3]!]!])
    out.push(rows)
  }
  return out
}

describe('joinMentions (mention scans split across worker threads)', () => {
  it('gives every article its own mentions, whatever numbering each share used', () => {
    // Share one: two articles (Tartus twice in the first, nothing in the second).
    const one: CompactMentions = { entityIds: ['e-tartus'], spellings: ['Tartus', 'Tartous'], offsets: Int32Array.from([0, 2, 2]), rows: Int32Array.from([0, 4, 10, 0, 0, 30, 37, 1]) }
    // Share two numbers Hmeimim first, and meets Tartus under a spelling share one has too.
    const two: CompactMentions = {
      entityIds: ['e-hmeimim', 'e-tartus'],
      spellings: ['Khmeimim', 'Tartous'],
      offsets: Int32Array.from([0, 1, 3]),
      rows: Int32Array.from([0, 0, 8, 0, 1, 12, 19, 1, 0, 40, 48, 0]),
    }
    const joined = joinMentions([one, two])
    expect(decoded(joined)).toEqual([
      [
        ['e-tartus', 4, 10, 'Tartus'],
        ['e-tartus', 30, 37, 'Tartous'],
      ],
      [],
      [['e-hmeimim', 0, 8, 'Khmeimim']],
      [
        ['e-tartus', 12, 19, 'Tartous'],
        ['e-hmeimim', 40, 48, 'Khmeimim'],
      ],
    ])
    // Each entity and spelling is numbered once.
    expect(joined.entityIds).toEqual(['e-tartus', 'e-hmeimim'])
    expect(joined.spellings).toEqual(['Tartus', 'Tartous', 'Khmeimim'])
  })
})

describe('a search index written by both threads (each a share of the shards, then one the head)', () => {
  let nb: TestNotebook
  beforeEach(async () => {
    nb = await openTestNotebook()
    await nb.session.highlightQuote({ articleId: nb.convoy, quote: 'The convoy was stopped', tagNames: ['Convoys'], comment: 'Moved at night' })
    await nb.session.highlightQuote({ articleId: nb.convoy, quote: 'Thirty trucks', tagNames: [], comment: '' })
    await nb.session.highlightQuote({ articleId: nb.talks, quote: 'resume talks', tagNames: ['Negotiations'], comment: 'Second round' })
  })
  afterEach(async () => {
    await nb.session.close()
  })

  /** Builds the notebook's index with these workers (`read` counts the store reads); returns what head.json names and holds. */
  async function built(workers: IndexWorkers): Promise<{ files: IndexFiles; index: unknown; names: string[]; indexed: IndexedHighlight[]; storeReads: number; digest?: string }> {
    await rm(join(nb.dir, SEARCH_DIR), { recursive: true, force: true })
    const store = nb.session.store
    const articles = store.articles.map((a) => ({ id: a.id, title: a.title, outlet: a.outlet, published: a.published, bodyHash: a.bodyHash, fileName: a.source.fileName }))
    let storeReads = 0
    const read = async () => {
      storeReads++
      return (await store.allHighlights()).map(highlightInput)
    }
    const annotated = articles.filter((a) => store.highlightCount(a.id) > 0).map((a) => a.id)
    try {
      const { files, highlights: indexed, digest } = await workers.buildSearchIndex(nb.dir, articles, { annotated, read }, await notebookState(nb.dir))
      const head = JSON.parse(await readFile(join(nb.dir, SEARCH_DIR, 'head.json'), 'utf8')) as { files: IndexFiles; index: unknown }
      expect(head.files).toEqual(files)
      return { files, index: head.index, names: (await readdir(join(nb.dir, SEARCH_DIR))).sort(), indexed, storeReads, ...(digest === undefined ? {} : { digest }) }
    } finally {
      await workers.dispose()
    }
  }

  const twoThreads = () => new IndexWorkers({ workerUrl: new URL(inject('indexWorkerUrl')), threads: 2 })

  it('writes the same files, byte for byte, as one writer in this thread; the workers read the highlights from the annotation files', async () => {
    const inWorkers = await built(twoThreads())
    const inThread = await built(new IndexWorkers({ workerUrl: null }))
    expect(Object.keys(inWorkers.files.shards).length).toBeGreaterThan(20)
    // Data files are named by a hash of their content: the same names are the same bytes.
    expect(inWorkers.files).toEqual(inThread.files)
    expect(inWorkers.names).toEqual(inThread.names)
    expect(inWorkers.index).toEqual(inThread.index)
    // The workers read the three highlights themselves; in this thread the store gave them.
    expect(inWorkers.storeReads).toBe(0)
    expect(inThread.storeReads).toBe(1)
    const all = await nb.session.store.allHighlights()
    expect(all).toHaveLength(3)
    expect(inWorkers.indexed).toEqual(all.map((h) => ({ id: h.id, articleId: h.articleId })))
    expect(inThread.indexed).toEqual(inWorkers.indexed)
    // And they are found: a comment only the annotation file holds.
    const headText = await readFile(join(nb.dir, SEARCH_DIR, 'head.json'), 'utf8')
    expect(headText).toContain('Second round')
  })

  it('asks the store for every highlight when an annotation file is damaged, and writes the same index', async () => {
    const clean = await built(twoThreads())
    const file = join(nb.dir, ANNOTATIONS_DIR, `${nb.talks}.json`)
    const good = await readFile(file, 'utf8')
    await writeFile(file, good.slice(0, good.length / 2))
    try {
      const damaged = await built(twoThreads())
      expect(damaged.storeReads).toBe(1)
      // The store holds the highlights it read before the damage: the index is the same.
      expect(damaged.files).toEqual(clean.files)
      expect(damaged.indexed).toEqual(clean.indexed)
    } finally {
      await writeFile(file, good)
    }
  })

  it('knows the head it wrote: read back unchanged its rows go unchecked; changed on disk since, it is checked and refused', async () => {
    const { digest } = await built(twoThreads())
    expect(digest).toMatch(/^[0-9a-f]{64}$/)
    const turn = () => Promise.resolve()
    const options = { getText: () => null }
    const same = await readIndexFiles(nb.dir, JSON.parse, { trust: digest!, turn })
    expect(same.ok && same.written).toBe(true)
    if (!same.ok) return
    const loaded = SearchIndex.fromParts(same.head, same.filters, shardLoader(nb.dir, same.files), options, same.written)
    expect(loaded.ok && (await loaded.index.search('convoy')).hits.length).toBeGreaterThan(0)
    // Another writer's head, or damage: an article's title is no longer text.
    const file = join(nb.dir, SEARCH_DIR, 'head.json')
    const head = JSON.parse(await readFile(file, 'utf8')) as { index: { articles: unknown[][] } }
    head.index.articles[0]![1] = 42
    await writeFile(file, JSON.stringify(head))
    const changed = await readIndexFiles(nb.dir, JSON.parse, { trust: digest!, turn })
    expect(changed.ok && changed.written).toBe(false)
    if (!changed.ok) return
    expect(SearchIndex.fromParts(changed.head, changed.filters, shardLoader(nb.dir, changed.files), options, changed.written)).toMatchObject({ ok: false, reason: 'corrupt' })
  })
})
